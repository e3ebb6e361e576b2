"""MkDocs hook (listed under `hooks:` in mkdocs.yml), not part of the `macros` package's API.

mkdocs-macros-plugin imports the `macros` package with `importlib`, so Python
caches it: under `mkdocs serve`, an edited `macros/*.py` would not be seen until
the server restarts. On every build this hook removes the package from
`sys.modules`; the next rebuild imports the files afresh. It also records the
MkDocs command, so that a data error is shown in the browser while serving
(see `macros/dev_server.py`) but stops a build.
"""

from __future__ import annotations

import importlib
import os
import sys

SERVE_FLAG = "CABLE_MKDOCS_COMMAND"  # the same name as macros.dev_server.SERVE_FLAG


def on_startup(command: str, dirty: bool) -> None:
    os.environ[SERVE_FLAG] = command


def on_config(config):
    for name in [n for n in sys.modules if n == "macros" or n.startswith("macros.")]:
        del sys.modules[name]
    importlib.invalidate_caches()
    return config
