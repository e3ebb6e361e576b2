"""Read, validate and cross-check every file in `data/`, once per build.

`load_edition(data_dir)` is the only entry point. It returns an `Edition` or
raises one `DataError` whose message names the file, the entry (by position
and id) and the field, and says what would be valid.
"""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .edition import Edition
from .models import ROOT_MODELS
from .yaml_io import DataError, line_of, read_yaml

__all__ = ["DataError", "load_edition", "validate_file"]


def load_edition(data_dir: Path) -> Edition:
    """Validate each data file against its model, then cross-check the references between them."""
    models = {name: validate_file(data_dir / name, f"data/{name}", model) for name, model in ROOT_MODELS.items()}
    try:
        return Edition.build(models)
    except DataError as error:
        raise DataError(f"{error} (cross-check of the files in data/)") from None


def validate_file(path: Path, label: str, model: type[BaseModel]) -> Any:
    raw = read_yaml(path, label)
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        problems = [_describe(path, label, raw, model, e) for e in error.errors()]
        more = f"\n  ({len(problems) - 5} more problems not shown)" if len(problems) > 5 else ""
        raise DataError("\n  ".join(problems[:5]) + more) from None


def _describe(path: Path, label: str, raw: Any, model: type[BaseModel], error: dict) -> str:
    loc = tuple(error["loc"])
    entry_loc, field = _split_loc(loc)
    line = line_of(path, loc) or line_of(path, entry_loc)
    where = f"{label}, line {line}" if line else label
    kind, message = error["type"], error["msg"]
    if kind == "value_error" and loc and isinstance(loc[-1], int):
        # A rule about several fields of one entry (the model's own check): the message names them.
        line = line_of(path, loc + ("id",)) or line
        where = f"{label}, line {line}" if line else label
        return f"{where}: entry {_entry_name(raw, loc)}: {message.removeprefix('Value error, ')}"
    entry = _entry_name(raw, entry_loc)
    if kind == "missing":
        what = f"field '{field}' is required but missing"
    elif kind == "extra_forbidden":
        allowed = ", ".join(_fields_at(model, entry_loc))
        what = f"unknown field '{field}'; the fields allowed here are: {allowed}"
    else:
        message = message.removeprefix("Value error, ")
        shown = _show(error.get("input"))
        what = f"field '{field}': {message}" + ("" if shown in message else f" (got {shown})")
    return f"{where}: entry {entry}, {what}"


def _split_loc(loc: tuple) -> tuple[tuple, str]:
    """The entry (path to the mapping) and the field name (last key, with any list index after it)."""
    for i in range(len(loc) - 1, -1, -1):
        if isinstance(loc[i], str):
            suffix = "".join(f"[{step}]" for step in loc[i + 1 :])
            return loc[:i], f"{loc[i]}{suffix}"
    return (), "(top level)"


def _entry_name(raw: Any, loc: tuple) -> str:
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
            parts.append(step)
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

