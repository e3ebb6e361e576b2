"""What an error does: stop `mkdocs build` with one message. Under `mkdocs serve` the kit
reports it instead (`Build.fail`, macros.integration.state) and keeps serving; the banner that
shows it on every page is macros/hooks/serve_guard.py's, which must work when the package does not.
"""

from __future__ import annotations

import errno
import os
import stat
import traceback
from collections import Counter
from pathlib import Path

import jinja2
from mkdocs.exceptions import PluginError

__all__ = ["NOT_REGULAR", "described_template_class", "describe", "describe_code", "os_reason", "read_regular_file", "stop"]


def stop(message: str) -> PluginError:
    return PluginError(message)


def describe(error: BaseException, project: Path | None = None) -> str:
    """One line for an exception raised while rendering: the template and line it was raised in
    (Jinja puts templates' lines in the traceback), the kind of error and what it says.
    e.g. "template macros/templating/templates/paragraph.html, line 3: UndefinedError: 'p' is undefined"."""
    if isinstance(error, jinja2.TemplateSyntaxError):
        return f"template {_shown(error.filename, project) if error.filename else error.name}, line {error.lineno}: {error.message}"
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith((".html", ".md", ".jinja"))]
    if isinstance(error, RecursionError) and frames:  # the line that recurs is the one to name, not the deepest
        counts = Counter((f.filename, f.lineno) for f in frames)
        frames = [max(frames, key=lambda f: counts[(f.filename, f.lineno)])]
    where = f"template {_shown(frames[-1].filename, project)}, line {frames[-1].lineno}: " if frames else ""
    text = (error.message if isinstance(error, jinja2.TemplateError) else None) or str(error)
    text = " ".join(text.split())
    if isinstance(error, RecursionError):
        text += " (does a template extend, include or import itself, directly or through another?)"
    return f"{where}{type(error).__name__}" + (f": {text}" if text else "")


def describe_code(error: BaseException, project: Path) -> str:
    """One line for an exception raised by the kit's code: 'macros/integration/pages.py, line 80:
    NameError: ...' (the project's last frame), or a DataError's own message."""
    from ..files.errors import DataError

    if isinstance(error, DataError):
        return str(error)
    frames = [f for f in traceback.extract_tb(error.__traceback__)
              if Path(f.filename).resolve().is_relative_to(project.resolve()) and ".venv" not in Path(f.filename).parts
              and "hooks" not in Path(f.filename).parts]
    where = f"{_shown(frames[-1].filename, project)}, line {frames[-1].lineno}: " if frames else ""
    return f"{where}{type(error).__name__}: {' '.join(str(error).split())}"


def _shown(filename: str, project: Path | None) -> str:
    """A template's file as the editor knows it: relative to the project, else its name."""
    path = Path(filename)
    if project is not None:
        try:
            return path.resolve().relative_to(project.resolve()).as_posix()
        except ValueError:
            pass
    return path.name


def described_template_class(base: type[jinja2.Template], project: Path) -> type[jinja2.Template]:
    """A template class whose `render` turns any failure into one `PluginError` naming the
    template and line: MkDocs then stops with that line (under serve: the banner), never a traceback."""

    class Described(base):  # type: ignore[valid-type, misc]
        def render(self, *args, **kwargs):
            try:
                return super().render(*args, **kwargs)
            except PluginError:
                raise
            except Exception as error:  # noqa: BLE001 - every failure becomes one message
                raise stop(describe(error, project).removeprefix("template ")) from None

    return Described


MAX_TEXT_BYTES = 1_000_000
NOT_REGULAR = "not a regular file (a named pipe, a device or a socket)"


def read_regular_file(path: Path, limit: int = MAX_TEXT_BYTES) -> str:
    """A text file's contents, if it is a regular file (a named pipe would block for ever, a
    device never end) of at most `limit` bytes; otherwise OSError or UnicodeDecodeError."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise OSError(errno.EINVAL, NOT_REGULAR)
    if info.st_size > limit:
        raise OSError(errno.EFBIG, f"{info.st_size:,} bytes, more than {limit:,}")
    return path.read_text(encoding="utf-8")


def os_reason(error: BaseException) -> str:
    """'No such file or directory', 'not a regular file': what the system said, without the path."""
    if isinstance(error, OSError):
        return error.strerror or str(error)
    if isinstance(error, UnicodeDecodeError):
        return "not valid UTF-8"
    return str(error)
