"""MkDocs hook (listed under `hooks:` in mkdocs.yml), not part of the `macros` package's API.

mkdocs-macros-plugin imports the `macros` package with `importlib`, so Python
caches it: under `mkdocs serve`, an edited `macros/*.py` would not be seen until
the server restarts. Before every build this hook removes the package from
`sys.modules` if one of its files changed since it was imported; the next
build imports the files afresh. (Only then: re-importing costs a fifth of a
second, which a data edit need not pay.) While serving, it checks the watched
files every 0.1 s instead of MkDocs' 0.5 s, so that a saved edit shows in
about two thirds of a second instead of one. It also records the MkDocs command,
so that a data error is shown in the browser while serving (see
`macros/dev_server.py`) but stops a build.
"""

from __future__ import annotations

import importlib
import os
import sys
import time
import types
from pathlib import Path

from mkdocs.plugins import event_priority

SERVE_FLAG = "CABLE_MKDOCS_COMMAND"  # the same name as macros.dev_server.SERVE_FLAG
PACKAGE = Path(__file__).resolve().parent


def on_startup(command: str, dirty: bool) -> None:
    os.environ[SERVE_FLAG] = command


# The hook module itself is re-created whenever MkDocs reloads the config, so the time of the
# last import lives in sys.modules, which lasts as long as the server.
_STATE = "_cable_macros_imported_at"


def _changed_since_import() -> bool:
    imported_at = sys.modules.get(_STATE)
    return imported_at is None or any(p.stat().st_mtime >= imported_at.value for p in PACKAGE.glob("*.py"))


@event_priority(100)  # before mkdocs-macros-plugin's on_config, which imports the package
def on_config(config):
    if _changed_since_import():
        for name in [n for n in sys.modules if n == "macros" or n.startswith("macros.")]:
            del sys.modules[name]
        importlib.invalidate_caches()
        state = types.SimpleNamespace(value=time.time())
        sys.modules[_STATE] = state  # type: ignore[assignment]
    return config


POLL_SECONDS = 0.1  # MkDocs polls every 0.5 s: up to half a second before a save is even noticed


def on_serve(server, config, builder):
    """Watch with a shorter polling interval. MkDocs has no option for it, so the paths watched so
    far (docs/, mkdocs.yml) move to a new observer; `watch:` paths are added after this event."""
    from watchdog.observers.polling import PollingObserver

    watched = list(getattr(server, "_watch_refs", {}))
    if not hasattr(server, "observer") or getattr(server.observer, "is_alive", lambda: True)():
        return server  # not the server this was written for, or already started: leave it alone
    for path in watched:
        server.unwatch(path)
    server.observer = PollingObserver(timeout=POLL_SECONDS)
    for path in watched:
        server.watch(path)
    return server
