"""Walk a validated model for what its fields' types mark: free text (`FreeText`, to check
`[[id]]` references in prose) and ids that name something elsewhere (`RefersTo`)."""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Any, Iterator

from pydantic import BaseModel

from .fields import FreeText, InstructorOnly
from .reference_fields import RefersTo

__all__ = ["Reference", "free_text", "references"]


def free_text(value: Any, loc: tuple = ()) -> Iterator[tuple[tuple, str, str]]:
    """(loc, kind, text) of every free-text string in a model instance; `kind` is the field's
    FreeText kind ('text', 'prose' or 'verbatim'); `loc` counts list positions from 0."""
    if isinstance(value, BaseModel):
        for name, field in type(value).model_fields.items():
            marker = next((m for m in field.metadata if isinstance(m, FreeText)), None)
            yield from _inner(getattr(value, name), loc + (name,), marker or _marker(field.annotation))


def _inner(value: Any, loc: tuple, marker: FreeText | None) -> Iterator[tuple[tuple, str, str]]:
    if isinstance(value, str):
        if marker:
            yield loc, marker.kind, value
    elif isinstance(value, BaseModel):
        yield from free_text(value, loc)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _inner(item, loc + (i,), marker)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _inner(item, loc + (key,), marker)


def _marker(annotation: Any) -> FreeText | None:
    """The FreeText marker inside `list[Prose]`, `Prose | None` and the like."""
    if typing.get_origin(annotation) is typing.Annotated:
        found = next((m for m in typing.get_args(annotation)[1:] if isinstance(m, FreeText)), None)
        if found:
            return found
    for arg in typing.get_args(annotation):
        found = _marker(arg)
        if found:
            return found
    return None


@dataclass(frozen=True)
class Reference:
    """An id in the data that names something defined elsewhere."""

    loc: tuple  # the entry that holds it (the model instance), as positions from the file's top
    field: str  # the entry's field it is in (a list of ids, a mapping's keys or values: the whole field)
    target: str  # what it must name (`RefersTo.target`)
    value: str
    instructor_only: bool  # it is inside a field only the instructor edition shows


def references(model: BaseModel, loc: tuple = (), instructor_only: bool = False) -> Iterator[Reference]:
    """Every marked id in a model instance and the models inside it, in the order of the fields."""
    for name, info in type(model).model_fields.items():
        only = instructor_only or any(isinstance(m, InstructorOnly) for m in info.metadata)
        annotation = typing.Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
        yield from _referenced(getattr(model, name), annotation, loc, name, loc + (name,), only)


def _referenced(value: Any, annotation: Any, loc: tuple, field: str, path: tuple, only: bool) -> Iterator[Reference]:
    """The references in `value` (of type `annotation`), at `path` inside field `field` of the entry at `loc`."""
    if value is None:
        return
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        marker = next((m for m in args[1:] if isinstance(m, RefersTo)), None)
        if marker is None:
            yield from _referenced(value, args[0], loc, field, path, only)
        elif isinstance(value, str):
            yield Reference(loc, field, marker.target, value, only)
    elif origin in (typing.Union, types.UnionType):
        for arg in args:
            if arg is not type(None):
                yield from _referenced(value, arg, loc, field, path, only)
    elif origin in (list, tuple) and isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _referenced(item, args[0], loc, field, path + (i,), only)
    elif origin is dict and isinstance(value, dict):
        for key, item in value.items():
            yield from _referenced(key, args[0], loc, field, path, only)
            yield from _referenced(item, args[1], loc, field, path + (key,), only)
    elif isinstance(value, BaseModel) and isinstance(annotation, type) and isinstance(value, annotation):
        yield from references(value, path, only)
