"""Walk a validated model for its free-text fields (to check `[[id]]` references in prose)."""

from __future__ import annotations

import typing
from typing import Any, Iterator

from pydantic import BaseModel

from .fields import FreeText

__all__ = ["free_text"]


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
