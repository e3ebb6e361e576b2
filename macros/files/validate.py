"""Validate one parsed file against its model; describe every problem by file, line, entry and field.

Problems are collected in one pass and the first `SHOWN` are shown, with a count of the
rest: an editor fixes the first few, saves, and sees the next.
"""

from __future__ import annotations

import difflib
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import DataError
from .yaml_io import Located

__all__ = ["SHOWN", "entry_name", "validate"]

SHOWN = 5
_YAML_BOOLEAN_HINT = (
    "; YAML reads an unquoted yes, no, on, off, true or false as true or false: put the text in quotes"
)


def validate(located: Located, label: str, model: type[BaseModel]) -> Any:
    try:
        return model.model_validate(located.data)
    except ValidationError as error:
        errors = error.errors()
        problems = [_describe(located, label, model, e) for e in errors[:SHOWN]]
        more = f"\n  ({len(errors) - SHOWN} more problems in this file not shown)" if len(errors) > SHOWN else ""
        raise DataError("\n  ".join(problems) + more) from None


def _describe(located: Located, label: str, model: type[BaseModel], error: dict) -> str:
    loc = tuple(error["loc"])
    entry_loc, field = _split_loc(loc)
    line = located.line(loc) or located.line(entry_loc)
    kind, message = error["type"], error["msg"].removeprefix("Value error, ")
    if kind == "value_error" and (not loc or isinstance(loc[-1], int)):
        # A rule about several fields of one entry (the model's own check): the message names them.
        line = located.line(loc + ("id",)) or line
        where = f"{label}, line {line}" if line else label
        return f"{where}: entry {entry_name(located.data, loc)}: {message}"
    where = f"{label}, line {line}" if line else label
    entry = f"entry {entry_name(located.data, entry_loc)}, " if entry_loc else ""
    if kind == "missing":
        what = f"field '{field}' is required but missing"
    elif kind == "extra_forbidden":
        fields = _fields_at(model, entry_loc)
        close = difflib.get_close_matches(field, fields, n=1, cutoff=0.8)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        what = f"unknown field '{field}'{hint}; the fields allowed here are: {', '.join(fields)}"
    else:
        given = error.get("input")
        shown = _show(given)
        # A rule's own message about a whole list or entry says what it found: the repr of the
        # list or entry would only bury it.
        stated = shown in message or (isinstance(given, str) and given in message) or (
            kind == "value_error" and isinstance(given, (dict, list)))
        what = f"field '{field}': {message}" + ("" if stated else f" (got {shown})")
        if isinstance(given, bool) and kind in ("string_type", "list_type"):
            what += _YAML_BOOLEAN_HINT
    return f"{where}: {entry}{what}"


def _split_loc(loc: tuple) -> tuple[tuple, str]:
    """The entry (path to the mapping) and the field name (last key, with any list index after it)."""
    for i in range(len(loc) - 1, -1, -1):
        if isinstance(loc[i], str):
            suffix = "".join(f"[{step + 1}]" if isinstance(step, int) else f"[{step}]" for step in loc[i + 1:])
            return loc[:i], f"{loc[i]}{suffix}"
    return (), "(top level)"


def entry_name(raw: Any, loc: tuple) -> str:
    """e.g. "layers[3] (id 'report') > sections[1] (id 'report-section-1')"; positions count from 1."""
    if not loc:
        return "(top level)"
    parts: list[str] = []
    node = raw
    for step in loc:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            node = None
        if isinstance(step, int):
            name = f"[{step + 1}]"
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                name += f" (id '{node['id']}')"
            parts[-1:] = [(parts[-1] if parts else "") + name]
        else:
            parts.append(str(step))
    return " > ".join(parts)


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """Names of the fields of the model found at `loc` below `model`."""
    current: Any = model
    for step in loc:
        if isinstance(step, int):
            continue
        field = current.model_fields.get(step) if _is_model(current) else None
        if field is None:
            return []
        current = _inner_model(field.annotation)
    return list(current.model_fields) if _is_model(current) else []


def _inner_model(annotation: Any) -> Any:
    if _is_model(annotation):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _is_model(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, BaseModel)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
