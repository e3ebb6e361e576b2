"""Which sources an edition cites: the Sources page lists only those its readers can meet.

A source is cited by a field that refers to sources (`SourceId`, macros.files.reference_fields),
by a `[[source-id]]` reference in prose, by a page of docs/ (`cite("id")`), or by the note of a
source that is itself listed; of data/clocks.yml, only the clocks the journey explains are shown,
so only theirs count.
tests/kit/test_teaching.py checks that the Sources page lists exactly what the student site links to. In the student edition, what only instructors see (fields marked `InstructorOnly`: notes
for instructors, lesson plans, model answers) cites nothing: a source cited only there would be
listed on the student Sources page without a word of the student site pointing to it.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

from pydantic import BaseModel

from ..files.fields import InstructorOnly
from ..files.walk import references
from .edition import Edition
from ..checks.references import REFERENCE

__all__ = ["cited_sources"]

_SOURCES_FILE = "sources.yml"
_CLOCKS_FILE = "clocks.yml"


def cited_sources(edition: Edition, instructor: bool, cited_by_pages: Iterable[str] = ()) -> set[str]:
    """The ids of the sources this edition cites (see the module's docstring)."""
    files = edition.files
    known = {s.id for s in files.model(_SOURCES_FILE).sources}
    cited = {i for i in cited_by_pages if i in known}
    for name, model in files.models.items():
        if model is not None and name not in (_SOURCES_FILE, _CLOCKS_FILE):
            cited |= {i for i in _ids(model, instructor) if i in known}
    cited |= {i for clock in edition.journey_clocks() for i in _ids(clock, instructor) if i in known}
    notes = {s.id: s for s in files.model(_SOURCES_FILE).sources}
    todo = list(cited)
    while todo:  # a listed source's note may cite another
        for found in _ids(notes[todo.pop()], instructor):
            if found in known and found not in cited:
                cited.add(found)
                todo.append(found)
    return cited


def _ids(model: BaseModel, instructor: bool) -> Iterator[str]:
    """The source ids a model cites: its fields that refer to sources, and references in its strings."""
    yield from (r.value for r in references(model) if r.target == "source" and (instructor or not r.instructor_only))
    yield from _in_strings(model, instructor)


def _in_strings(value: Any, instructor: bool) -> Iterator[str]:
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            if not instructor and any(isinstance(m, InstructorOnly) for m in info.metadata):
                continue
            yield from _in_strings(getattr(value, name), instructor)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _in_strings(item, instructor)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _in_strings(item, instructor)
    elif isinstance(value, str):
        yield from (m.group(1) for m in REFERENCE.finditer(value))
