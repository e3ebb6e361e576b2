"""Read one YAML data file strictly and in bounded time, and say where in it an error is.

What YAML allows but a data file must not have, each refused with the file, the line
and what to do:
- duplicate keys (PyYAML keeps the last one silently), keys that are not text (`1:`,
  `yes:` read as true), merge keys (`<<:`);
- anchors and aliases (`&a`, `*a`): nothing here needs them, and a few lines of them
  can expand into billions of values ("billion laughs");
- explicit tags (`!!set`, `!!timestamp`, `!!binary`, `!custom`): a value is written plainly;
- a second document (`---` after the first);
- nesting deeper than `MAX_DEPTH`, files larger than `MAX_BYTES`, NUL bytes, invalid UTF-8;
- anything but a regular file (a named pipe would block the build for ever), checked, like the
  size, before the file is opened;
- an unquoted clock time such as `12:00`, which YAML 1.1 reads as the number 720;
- numbers far beyond any a data file needs (`MAX_NUMBER`), infinities and not-a-number.
Dates stay strings, for the models to parse with a clear message.

The parse keeps its node tree, so `Located.line(loc)` answers "on which line is this
value?" for any number of errors without parsing the file again.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError

__all__ = ["Located", "MAX_BYTES", "MAX_DEPTH", "MAX_NUMBER", "read_bounded", "read_yaml"]

MAX_BYTES = 1_000_000
MAX_DEPTH = 40  # the deepest real file (text.yml) nests 6 levels
MAX_NUMBER = 999_999_999  # the largest number in the real data is a few hundred (minutes, years)

# libyaml's parser, where PyYAML was built with it, is about ten times faster than the pure-Python
# one; it keeps the same marks (lines) and calls the same Python constructors.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SEXAGESIMAL = re.compile(r"[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.\d*)?")


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


class _StrictLoader(_BaseLoader):
    def construct_mapping(self, node, deep=False):
        if not isinstance(node, yaml.MappingNode):
            return super().construct_mapping(node, deep=deep)
        seen: dict[str, int] = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise DataError(
                    f"line {_line(key_node)}: a merge key ('<<') is not allowed in data files; "
                    "write the fields out in full"
                )
            if not isinstance(key_node, yaml.ScalarNode):
                raise DataError(
                    f"line {_line(key_node)}: a key that is itself a list or a mapping ('? ...') is not allowed; "
                    "keys must be field names"
                )
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, str):
                raise DataError(
                    f"line {_line(key_node)}: the key {key_node.value!r} is read by YAML as "
                    f"{_yaml_kind(key)}, not as a field name; keys must be field names "
                    f"(quote it if you meant the text: '{key_node.value}')"
                )
            if key in seen:
                raise DataError(
                    f"line {_line(key_node)}: duplicate key {key!r} (first given on line {seen[key]}); "
                    "each key may appear once in an entry: remove or rename one of them"
                )
            seen[key] = _line(key_node)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_int(self, node):
        if ":" in node.value:
            raise _clock_time(node)
        if len(node.value) > len(str(MAX_NUMBER)) + 2:  # before Python converts it (4,300 digits raise)
            raise _too_large(node)
        value = super().construct_yaml_int(node)
        if abs(value) > MAX_NUMBER:
            raise _too_large(node)
        return value

    def construct_yaml_float(self, node):
        if ":" in node.value:
            raise _clock_time(node)
        value = super().construct_yaml_float(node)
        if value != value or abs(value) > MAX_NUMBER:  # not-a-number, an infinity, 1e400
            raise _too_large(node)
        return value


def _too_large(node: yaml.Node) -> DataError:
    shown = node.value if len(node.value) <= 24 else f"{node.value[:12]}…{node.value[-4:]} ({len(node.value):,} characters)"
    return DataError(
        f"line {_line(node)}: the number {shown} is not one a data file can hold (at most {MAX_NUMBER:,}, "
        "and no infinity or not-a-number); check for a typing mistake, or quote it if it is text"
    )


def _clock_time(node: yaml.Node) -> DataError:
    return DataError(
        f"line {_line(node)}: {node.value} is read by YAML as a number (sexagesimal), not as text; "
        f"quote clock times: '{node.value}'"
    )


def _yaml_kind(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the value {str(value).lower()}"
    return f"a {type(value).__name__} ({value!r})"


_StrictLoader.add_constructor("tag:yaml.org,2002:int", _StrictLoader.construct_yaml_int)
_StrictLoader.add_constructor("tag:yaml.org,2002:float", _StrictLoader.construct_yaml_float)
# Dates stay strings for the models to parse: PyYAML's own date conversion raises a bare
# ValueError on "1949-13-45", with no file or line; pydantic's message names the field.
_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Located:
    """A parsed file and the node tree it came from, to find the line of any value."""

    data: Any
    root: yaml.Node | None  # None: the file holds nothing (only where that is allowed)

    def line(self, loc: tuple[str | int, ...]) -> int | None:
        """The line where the value at `loc` (keys and list indexes, from 0) starts, if it exists."""
        node, line = self.root, None
        for step in loc:
            if isinstance(node, yaml.MappingNode):
                match = next(((k, v) for k, v in node.value if k.value == step), None)
                if match is None:
                    break
                line, node = _line(match[0]), match[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
                node = node.value[step]
                line = _line(node)
            else:
                break
        return line


def _refuse_unsafe_structure(text: str, label: str) -> None:
    """One pass over the parser's events (no recursion, no expansion): no anchors, aliases or
    deep nesting, so that composing and validating the file take bounded time and memory."""
    depth, documents = 0, 0
    try:
        for event in yaml.parse(text, Loader=_BaseLoader):
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _second_document(label, event.start_mark.line + 1)
            tag = getattr(event, "tag", None)
            if tag is not None:  # written by hand: untagged values have none
                raise DataError(
                    f"{label}, line {event.start_mark.line + 1}: the YAML tag {_tag(tag)} is not allowed in data "
                    "files; write the value plainly (text in quotes, a list as '- item' lines)"
                )
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise DataError(
                    f"{label}, line {event.start_mark.line + 1}: YAML anchors and aliases ('&name', '*name') "
                    "are not allowed in data files; write each value out"
                )
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise DataError(
                        f"{label}, line {event.start_mark.line + 1}: nested more than {MAX_DEPTH} levels deep; "
                        "data files are lists of entries a few levels deep"
                    )
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, label, text) from None


def _second_document(label: str, line: int) -> DataError:
    return DataError(
        f"{label}, line {line}: a second YAML document starts here ('---' or '...' ends the first); a data file holds "
        "one document: remove that line, or move what follows into the first"
    )


def _tag(tag: str) -> str:
    """'!!set' for YAML's own tags, the tag as written for others (repr: no terminal codes)."""
    short = "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag
    return repr(short)


def _syntax_error(error: yaml.MarkedYAMLError, label: str, text: str | None = None) -> DataError:
    """Both of PyYAML's marks: where the construct began (an unclosed quote, a bracket) and
    where the parser gave up, which for an unclosed quote can be the end of the file.
    libyaml reports only the second, so a syntax error is parsed again by the pure-Python
    parser, which reports both (only on this path, where speed does not matter)."""
    if text is not None:
        try:
            yaml.load(text, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as detailed:
            error = detailed
        except yaml.YAMLError:
            pass
    problem = error.problem or error.context or "invalid YAML"
    mark, context = error.problem_mark, error.context_mark
    if "<document start>" in problem and mark is not None:  # content after '...', which ended the document
        return _second_document(label, mark.line + 1)
    if context and mark and context.line != mark.line and error.context:
        return DataError(
            f"{label}, line {context.line + 1}: YAML syntax error: {problem}, {error.context} that begins on line "
            f"{context.line + 1} and is still open at line {mark.line + 1}, column {mark.column + 1}; look for an "
            f"unclosed quote or bracket on line {context.line + 1} or after it"
        )
    where = mark or context
    at = f", line {where.line + 1}, column {where.column + 1}" if where else ""
    opened = _unclosed_bracket(text, where.index) if text is not None and where else None
    hint = f"; the '{opened[0]}' on line {opened[1]} is not closed" if opened else ""
    return DataError(f"{label}{at}: YAML syntax error: {problem}{hint}")


def _unclosed_bracket(text: str, end: int) -> tuple[str, int] | None:
    """The first '[' or '{' before `end` that is still open there (outside quotes and comments)."""
    stack: list[tuple[str, int]] = []
    quote, line, comment = None, 1, False
    for char in text[:end]:
        if char == "\n":
            line, comment = line + 1, False
        elif comment:
            continue
        elif quote:
            quote = None if char == quote else quote
        elif char in "\"'" :
            quote = char
        elif char == "#":
            comment = True
        elif char in "[{":
            stack.append((char, line))
        elif char in "]}" and stack:
            stack.pop()
    return stack[0] if stack else None


def read_bounded(path: Path, label: str, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; anything else is one DataError,
    decided before the file is opened (a named pipe would block for ever, a device never end)."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise DataError(
                f"{label}: not a regular file (a named pipe, a device, a socket or a folder); "
                "replace it with the file, or remove it"
            )
        if info.st_size > limit:
            raise DataError(f"{label}: {info.st_size:,} bytes; a data file may be at most {limit:,} bytes (split it or trim it)")
        with open(path, "rb") as file:
            raw = file.read(limit + 1)
    except OSError as error:
        raise DataError(f"{label}: cannot be read ({error.strerror or error})") from None
    if len(raw) > limit:  # it grew after stat
        raise DataError(f"{label}: more than {limit:,} bytes; a data file may be at most {limit:,} bytes (split it or trim it)")
    return raw


def read_yaml(path: Path, label: str, may_be_empty: bool = False) -> Located:
    """Parse `path` (a mapping at the top level); `label` is how messages name the file. With
    `may_be_empty`, a file with nothing in it (no bytes, only comments, `{}` or `[]`) is an empty mapping."""
    raw = read_bounded(path, label, MAX_BYTES)
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise DataError(f"{label}, line {line}: contains a NUL byte (character 0); delete it (it is invisible in most editors)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError(
            f"{label}, line {line}: not valid UTF-8 (byte {raw[error.start]:#04x}); save the file as UTF-8"
        ) from None
    _refuse_unsafe_structure(text, label)
    loader = _StrictLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except DataError as error:
        raise DataError(f"{label}, {error}") from None
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, label, text) from None
    except yaml.YAMLError as error:
        raise DataError(f"{label}: YAML error: {error}") from None
    finally:
        loader.dispose()
    if may_be_empty and data in (None, {}, []):
        return Located({}, root)
    if data is None:
        raise DataError(f"{label}: the file is empty; it must hold a mapping (see its JSON Schema in data/schemas/)")
    if not isinstance(data, dict):
        raise DataError(f"{label}: the top level must be a mapping of keys to values, not a {type(data).__name__}")
    return Located(data, root)
