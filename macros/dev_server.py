"""What a data error does: stop `mkdocs build`; under `mkdocs serve`, show it and keep serving.

`mkdocs serve` keeps the last good site when a rebuild fails, so an editor who
broke a file would see nothing change. Instead, while serving, the macros are
replaced by empty ones, the theme shows the error at the top of every
page (`overrides/main.html`), and the server stays up until the file is fixed.
"""

from __future__ import annotations

import os
import sys

from mkdocs.exceptions import PluginError

from .yaml_io import DataError

__all__ = ["SERVE_FLAG", "is_serving", "show_error_while_serving"]

# Set by the `live_reload.py` hook when MkDocs starts the `serve` command.
SERVE_FLAG = "CABLE_MKDOCS_COMMAND"


def is_serving() -> bool:
    return os.environ.get(SERVE_FLAG) == "serve"


def show_error_while_serving(env, error: DataError, macro_names: tuple[str, ...]) -> None:
    """Raise a build error, or (while serving) register macros that display it."""
    if not is_serving():
        raise PluginError(f"Invalid data: {error}")
    # Printed, not logged: a logged error would make the strict rebuild fail and
    # the server would keep showing the last good site instead of the error.
    print(f"ERROR   -  Invalid data: {error}", file=sys.stderr, flush=True)
    env.conf["extra"]["cable_data_error"] = str(error)
    # The error itself is shown once, at the top of the page; the generated parts are left out.
    for name in macro_names:
        env.macro(lambda *args, **kwargs: "", name)
