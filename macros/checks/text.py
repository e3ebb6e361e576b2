"""The text and its copies agree: every bracket is a known kind of mark, every glossary form
is printed (and linked) in the text, and every quotation is the text's exact words."""

from __future__ import annotations

import difflib
import re
import unicodedata

from ..files.errors import DataError
from ..files.read import Files
from ..matching.marks import parse_marks
from ..matching.mentions import MentionFinder, linked_forms
from .where import at, paragraph_locs

__all__ = ["check", "glossary_forms", "script_of"]


def glossary_forms(files: Files) -> dict[str, str]:
    """Every printed form, mapped to its entry's id (unique: `ids.check` ran first)."""
    return {f: e.id for g in files.glossary().values() for e in g.entries for f in e.forms}


def script_of(char: str) -> str:
    """The script a letter belongs to, by its Unicode name: 'LATIN', 'CYRILLIC', 'CJK', ..."""
    name = unicodedata.name(char, "")
    return name.split(" ")[0] if name else ""


def check(files: Files) -> None:
    text = files.model("text.yml")
    marks = files.model("marks.yml")
    kinds = marks.marks if marks else []
    finder = MentionFinder(glossary_forms(files))
    linked = []
    for loc, _, _, paragraph in paragraph_locs(text):
        try:
            tokens = parse_marks(paragraph.text, kinds)
        except ValueError as error:
            reason = str(error) if kinds else f"{error}; this site has no data/marks.yml, so no bracket is allowed"
            raise DataError(f"{at(files, 'text.yml', loc, 'text')}: {reason}") from None
        linked.append(finder.link(tokens))
    _transcription(files)
    _forms(files, text, finder, linked_forms(linked))
    _quotations(files)


def _transcription(files: Files) -> None:
    """The words are sacred: data/text.yml must equal the transcription, paragraph by paragraph
    (paragraphs separated by a blank line), character for character."""
    if files.transcription is None:
        return
    expected = re.split(r"\n\s*\n", files.transcription.strip())
    actual = list(paragraph_locs(files.model("text.yml")))
    for n, ((loc, _, _, paragraph), wanted) in enumerate(zip(actual, expected), 1):
        if paragraph.text != wanted:
            raise DataError(
                f"{at(files, 'text.yml', loc, 'text')}: differs from the transcription (data/transcription.txt, "
                f"paragraph {n}): {_changed_words(wanted, paragraph.text)}. The text must stay word for word as "
                "printed: annotate elsewhere, never correct"
            )
    if len(actual) != len(expected):
        raise DataError(
            f"data/text.yml: has {len(actual)} paragraphs, the transcription (data/transcription.txt) has "
            f"{len(expected)}; a paragraph was {'added' if len(actual) > len(expected) else 'removed'} or split"
        )


def _changed_words(wanted: str, got: str) -> str:
    """e.g. "'Cde.' became 'Comrade'" (the first few changes, word by word)."""
    a, b = wanted.split(), got.split()
    changes = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        old, new = " ".join(a[i1:i2]), " ".join(b[j1:j2])
        changes.append(f"{old!r} became {new!r}" if old and new else f"{new!r} was added" if new else f"{old!r} was removed")
    if not changes:
        return "the spacing or line breaks changed"
    return "; ".join(changes[:3]) + (f" (and {len(changes) - 3} more changes)" if len(changes) > 3 else "")


def _forms(files: Files, text, finder: MentionFinder, linked: set[str]) -> None:
    """A form that is not in the text is a typo (or a spelling 'corrected' by mistake); one that is
    only ever inside a longer form is never linked, so the entry would claim a mention it lacks."""
    paragraphs = [p.text for _, _, _, p in paragraph_locs(text)]
    forms = glossary_forms(files)
    for kind, glossary in files.glossary().items():
        for i, entry in enumerate(glossary.entries):
            for form in entry.forms:
                where = at(files, f"{kind}.yml", ("entries", i), "forms")
                scripts = {script_of(c) for c in form if c.isalpha()}
                if len(scripts) > 1:
                    raise DataError(
                        f"{where}: {form!r} mixes letters of different scripts ({', '.join(sorted(scripts))}), "
                        "as when a Cyrillic 'А' is typed for a Latin 'A'; retype it from the text"
                    )
                if form in linked:
                    continue
                if any(finder.occurs(form, p) for p in paragraphs):
                    longer = sorted(f for f in forms if f != form and form in f and any(finder.occurs(f, p) for p in paragraphs))
                    inside = f" inside the longer form {longer[0]!r} (entry '{forms[longer[0]]}')" if longer else ""
                    raise DataError(
                        f"{where}: {form!r} occurs in data/text.yml only{inside}, so it is never linked; "
                        "remove it, or give the longer form to this entry instead"
                    )
                raise DataError(
                    f"{where}: {form!r} does not occur in data/text.yml as a whole word; copy each form "
                    "exactly as the text prints it (capitals and apostrophes included)"
                )


def _quotations(files: Files) -> None:
    by_id = {p.id: p.text for _, _, _, p in paragraph_locs(files.model("text.yml"))}
    categories = files.model("categories.yml")
    for i, category in enumerate(categories.categories if categories else []):
        for row_id, quotes in category.quotes.items():
            for j, quote in enumerate(quotes):
                loc = ("categories", i, "quotes", row_id, j)
                if quote.paragraph not in by_id:
                    continue  # an unknown id: refused by macros.checks.references
                if quote.quote not in by_id[quote.paragraph]:
                    raise DataError(
                        f"{at(files, 'categories.yml', loc, 'quote')}: the quotation {quote.quote!r} is not in paragraph "
                        f"'{quote.paragraph}'; copy the words exactly as the text prints them"
                    )
