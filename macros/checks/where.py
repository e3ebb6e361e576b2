"""How a check names the place of a problem: file, line, entry and field."""

from __future__ import annotations

from typing import Iterable, Iterator

from ..files.errors import DataError
from ..files.models.text import DocumentText, Layer, Paragraph, Section
from ..files.read import Files
from ..files.validate import entry_name

__all__ = ["at", "paragraph_locs", "refuse_unknown"]


def at(files: Files, name: str, loc: tuple, field: str | None = None) -> str:
    """e.g. "data/chronology.yml, line 12: entry events[1] (id 'advance-begins'), field 'places'"."""
    full = loc + (field,) if field else loc
    line = files.line(name, full) or files.line(name, loc)
    located = files.located.get(name)
    head = f"data/{name}, line {line}" if line else f"data/{name}"
    entry = entry_name(located.data, loc) if located and loc else ""
    if not entry:  # a field of the file itself, as the models' messages name one
        return f"{head}: field '{field}'" if field else head
    return f"{head}: entry {entry}" + (f", field '{field}'" if field else "")


def refuse_unknown(files: Files, name: str, loc: tuple, field: str, values: Iterable[str], known, what: str) -> None:
    """Every value must be known (`known` is a set or a predicate); `what` names the valid ids."""
    test = known if callable(known) else known.__contains__
    for value in values:
        if not test(value):
            raise DataError(f"{at(files, name, loc, field)}: unknown id {value!r}; it must be one of the {what}")


def paragraph_locs(text: DocumentText) -> Iterator[tuple[tuple, Layer, Section, Paragraph]]:
    for i, layer in enumerate(text.layers):
        for j, section in enumerate(layer.sections):
            for k, paragraph in enumerate(section.paragraphs):
                yield ("layers", i, "sections", j, "paragraphs", k), layer, section, paragraph
