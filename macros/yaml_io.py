"""Read one YAML data file strictly, and say where in it an error is.

PyYAML's safe loader silently keeps the last of two equal keys; an editor who
pastes an entry twice would lose data without a word. `read_yaml` refuses
duplicate keys, invalid UTF-8, empty files and syntax errors, each with a
`DataError` that names the file and the line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

__all__ = ["DataError", "line_of", "read_yaml"]


class DataError(Exception):
    """Bad data: the message names the file, the entry and the field, and what would be valid."""


# libyaml's parser, where PyYAML was built with it, is about ten times faster than the pure-Python
# one; it keeps the same marks (lines) and calls the same Python constructors.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_BaseLoader):
    def construct_mapping(self, node, deep=False):
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            line = key_node.start_mark.line + 1
            if key in seen:
                raise DataError(
                    f"line {line}: duplicate key {key!r} (first given on line {seen[key]}); "
                    "each key may appear once in an entry: remove or rename one of them"
                )
            seen[key] = line
        return super().construct_mapping(node, deep=deep)


# Dates stay strings for the models to parse: PyYAML's own date conversion raises a bare
# ValueError on "1949-13-45", with no file or line; pydantic's message names the field.
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_yaml(path: Path, label: str) -> Any:
    """Return the parsed content of `path`; `label` is how messages name the file."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DataError(f"{label}: cannot be read ({error.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError(
            f"{label}, line {line}: not valid UTF-8 (byte {raw[error.start]:#04x}); save the file as UTF-8"
        ) from None
    try:
        data = yaml.load(text, Loader=_StrictLoader)
    except DataError as error:
        raise DataError(f"{label}, {error}") from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f", line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = error.problem or error.context or "invalid YAML"
        raise DataError(f"{label}{where}: YAML syntax error: {problem}") from None
    except yaml.YAMLError as error:
        raise DataError(f"{label}: YAML error: {error}") from None
    if data is None:
        raise DataError(f"{label}: the file is empty; it must hold a mapping (see its JSON Schema in data/schemas/)")
    if not isinstance(data, dict):
        raise DataError(f"{label}: the top level must be a mapping of keys to values, not a {type(data).__name__}")
    return data


def line_of(path: Path, loc: tuple[str | int, ...]) -> int | None:
    """The line where the value at `loc` (keys and list indexes) starts, if it can be found."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=_BaseLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    line = None
    for step in loc:
        if isinstance(node, yaml.MappingNode):
            match = [(k, v) for k, v in node.value if k.value == step]
            if not match:
                break
            key, node = match[0]
            line = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            break
    return line
