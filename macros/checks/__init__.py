"""Floor 3: checks across the files of `data/`, once per build, before any view is built.

Each check raises one `DataError` naming the file, the line, the entry and the field, and
saying what would be valid. Within-file rules (types, required fields) are the models';
these need more than one file: ids unique across files, references that resolve (each field
that holds one says so in its type), what an entry must give beyond ids (evidence, timings), the
text and its copies (forms, quotations) agreeing, handouts that print what they ask about, dates
that are possible, ids that stay.
"""

from __future__ import annotations

from ..files.read import Files
from . import chronology, entry_rules, handouts, ids, permanence, references, text

__all__ = ["check_all"]


def check_all(files: Files) -> None:
    ids.check(files)
    text.check(files)
    references.check(files)
    entry_rules.check(files)
    handouts.check(files)
    chronology.check(files)
    permanence.check(files)
