"""Ids are unique where they share a namespace: within a file, and across the files that
share anchors (the text's layers, sections and paragraphs; the glossary's kinds). Names shown
side by side are unique too, as a reader sees them: two glossary entries of a kind, two kinds,
two packets or two lessons may not look the same (compared in Unicode's compatibility form and
without case, so 'Ürümqi' typed with a combining diaeresis is the same name as with 'Ü')."""

from __future__ import annotations

import unicodedata
from typing import Callable

from ..files.errors import DataError
from ..files.read import Files
from .where import at, paragraph_locs

__all__ = ["check", "unique"]

# Ids that would give a generated page the address of a page the kit already has.
RESERVED_PAGE_IDS = {"index"}


def unique(what: str, entries: list[tuple[str, str]], note: str = "", key: Callable[[str], str] = str) -> None:
    """Refuse a value given twice; `entries` pairs each value with where it is defined; `key`
    says when two values count as the same."""
    places: dict[str, list[tuple[str, str]]] = {}
    for value, where in entries:
        places.setdefault(key(value), []).append((value, where))
    for found in places.values():
        if len(found) > 1:
            why = f"; {note}" if note else ""
            values = {v for v, _ in found}
            if len(values) == 1:
                shown = repr(found[0][0])
            elif len({unicodedata.normalize("NFC", v) for v in values}) == 1:
                shown = f"{unicodedata.normalize('NFC', found[0][0])!r} (typed in two Unicode forms that look the same)"
            else:
                shown = " and ".join(repr(v) for v, _ in found)
            raise DataError(f"duplicate {what} {shown} (in {' and in '.join(w for _, w in found)}){why}; every one must be unique")


def looks_the_same(name: str) -> str:
    """What a reader sees: compatibility-normalized, without case or surrounding spaces."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _names(files: Files) -> None:
    site = files.site
    unique("glossary kind title", [(k.title, at(files, "site.yml", ("glossary", "kinds", i), "title"))
                                   for i, k in enumerate(site.glossary.kinds)],
           note="the navigation would show two kinds of the same name", key=looks_the_same)
    for kind, glossary in files.glossary().items():
        unique("name", [(e.name, at(files, f"{kind}.yml", ("entries", i), "name")) for i, e in enumerate(glossary.entries)],
               note="two entries of one kind would look the same in the glossary", key=looks_the_same)
    for name, key in (("packets.yml", "packets"), ("lessons.yml", "lessons")):
        model = files.model(name)
        unique(f"{key.removesuffix('s')} title", [(item.title, at(files, name, (key, i), "title"))
                                                  for i, item in enumerate(getattr(model, key) if model else [])],
               note="the navigation would show two pages of the same name", key=looks_the_same)


def _each(files: Files, name: str, key: str, what: str) -> None:
    model = files.model(name)
    if model is None:
        return
    unique(what, [(item.id, at(files, name, (key, i))) for i, item in enumerate(getattr(model, key))])


def check(files: Files) -> None:
    site = files.site
    unique("glossary kind id", [(k.id, at(files, "site.yml", ("glossary", "kinds", i))) for i, k in enumerate(site.glossary.kinds)])
    text = files.model("text.yml")
    unique(
        "id",
        [(layer.id, at(files, "text.yml", ("layers", i))) for i, layer in enumerate(text.layers)]
        + [(s.id, at(files, "text.yml", ("layers", i, "sections", j)))
           for i, layer in enumerate(text.layers) for j, s in enumerate(layer.sections)]
        + [(p.id, at(files, "text.yml", loc)) for loc, _, _, p in paragraph_locs(text)],
        note="layers, sections and paragraphs share one set of anchors on the text page",
    )
    _each(files, "sources.yml", "sources", "source id")
    marks = files.model("marks.yml")
    if marks:
        _each(files, "marks.yml", "marks", "mark kind id")
        unique("mark form", [(f, at(files, "marks.yml", ("marks", i))) for i, m in enumerate(marks.marks) for f in m.forms])
    glossary = files.glossary()
    unique(
        "glossary id",
        [(e.id, at(files, f"{kind}.yml", ("entries", i))) for kind, g in glossary.items() for i, e in enumerate(g.entries)],
        note="mentions refer to entries by id, so all the glossary's files share one set of ids",
    )
    unique(
        "form",
        [(f, at(files, f"{kind}.yml", ("entries", i))) for kind, g in glossary.items()
         for i, e in enumerate(g.entries) for f in e.forms],
        note="a printed form can link to one entry only",
    )
    for name, key, what in (
        ("chronology.yml", "kinds", "event kind id"), ("chronology.yml", "events", "event id"),
        ("clocks.yml", "clocks", "clock id"), ("related.yml", "documents", "document id"),
        ("questions.yml", "skills", "skill id"), ("questions.yml", "levels", "level id"),
        ("questions.yml", "questions", "question id"), ("categories.yml", "rows", "row id"),
        ("categories.yml", "categories", "category id"), ("packets.yml", "packets", "packet id"),
        ("lessons.yml", "lessons", "lesson id"),
    ):
        _each(files, name, key, what)
    for name, key in (("packets.yml", "packets"), ("lessons.yml", "lessons")):
        model = files.model(name)
        for i, item in enumerate(getattr(model, key) if model else []):
            if item.id in RESERVED_PAGE_IDS:
                raise DataError(
                    f"{at(files, name, (key, i), 'id')}: {item.id!r} would give this page the address of the list "
                    f"of all {key}; choose another id"
                )
    _names(files)
    chronology = files.model("chronology.yml")
    if chronology and sum(k.journey for k in chronology.kinds) > 1:
        raise DataError(f"{at(files, 'chronology.yml', ('kinds',))}: only one kind of event can be the document's 'journey'")
