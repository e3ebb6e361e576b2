"""MkDocs hook (mkdocs.yml, `hooks:`): keep the `macros` package fresh and importable while serving.

mkdocs-macros-plugin imports `macros` with `importlib`, so Python caches it: under `mkdocs
serve`, an edited `macros/*.py` would not be seen until the server restarts. Before every
build this hook removes the package from `sys.modules` if one of its files changed, then
imports it afresh. If that import fails (a syntax error in a module), a stand-in package
takes its place: a build stops with one message naming the file and line; while serving,
every page shows the message (serve_guard.py) and the server waits for the fix. A build that
failed for another reason is built again with the stand-in (serve_guard.py's safe mode).

While serving it also watches files with the operating system's file events instead of
MkDocs' polling every 0.5 s, so a save is noticed at once and an idle server uses no CPU.

This file is loaded by MkDocs by its path, not as part of the package, and imports nothing
from the package at the top: it must work when the package does not.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
import time
import traceback
import types
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

SERVE_FLAG = "KIT_MKDOCS_COMMAND"  # the same name as macros.integration.state.SERVE_FLAG
PACKAGE = Path(__file__).resolve().parent.parent
PROJECT = PACKAGE.parent
# The hook module is kept across config reloads, but state that must outlive it lives in sys.modules.
_STATE = "_kit_macros_imported_at"
_BROKEN = "_kit_macros_import_error"
SAFE_MODE = "_kit_safe_build"  # the same name as serve_guard.SAFE_MODE
log = logging.getLogger("mkdocs.plugins.kit")


def on_startup(command: str, dirty: bool) -> None:
    os.environ[SERVE_FLAG] = command


def _changed_since_import() -> bool:
    imported_at = sys.modules.get(_STATE)
    if imported_at is None or _BROKEN in sys.modules:
        return True
    return any(p.stat().st_mtime >= imported_at.value for p in PACKAGE.rglob("*") if p.suffix == ".py")


def _import_error(error: BaseException) -> str:
    """'macros/render/text.py, line 12: SyntaxError: invalid syntax' (the project's own frame)."""
    if isinstance(error, SyntaxError) and error.filename:
        where = f"{_relative(error.filename)}, line {error.lineno}"
        return f"{where}: SyntaxError: {error.msg}"
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.startswith(str(PACKAGE))]
    where = f"{_relative(frames[-1].filename)}, line {frames[-1].lineno}: " if frames else ""
    return f"{where}{type(error).__name__}: {error}"


def _relative(path: str) -> str:
    try:
        return Path(path).resolve().relative_to(PROJECT).as_posix()
    except ValueError:
        return path


def _stand_in() -> types.ModuleType:
    """A `macros` package that builds empty pages: the banner (serve_guard.py) says why."""

    import jinja2
    from mkdocs_macros import plugin

    class Blank(jinja2.Undefined):
        """Every macro call and variable of a page renders as nothing."""

        def __call__(self, *args, **kwargs):
            return ""

        def __str__(self):
            return ""

        def __getattr__(self, name):
            if name.startswith(("__", "jinja_")):  # Jinja asks `hasattr(macro, "jinja_pass_arg")`
                raise AttributeError(name)
            return self

    def define_env(env) -> None:
        # No macro is defined. The plugin's own "lax" mode still raises on a call, so this build
        # gets an undefined that renders calls as nothing (the plugin reads the mode after this).
        plugin.UNDEFINED_BEHAVIOR["kit-stand-in"] = Blank
        env.config["on_undefined"] = "kit-stand-in"

    module = types.ModuleType("macros")
    module.define_env = define_env
    module.__path__ = []  # a package, so that `import macros.x` fails cleanly
    return module


@event_priority(100)  # before the site hook and mkdocs-macros-plugin's on_config, which import the package
def on_config(config):
    if str(PROJECT) not in sys.path:
        sys.path.insert(0, str(PROJECT))
    if not _changed_since_import():
        return config
    for name in [n for n in sys.modules if n == "macros" or n.startswith("macros.")]:
        del sys.modules[name]
    sys.modules.pop(_BROKEN, None)
    importlib.invalidate_caches()
    sys.modules[_STATE] = types.SimpleNamespace(value=time.time())  # type: ignore[assignment]
    if SAFE_MODE in sys.modules:  # a build that failed is built again without the package's code
        _stand_in_for_package()
        return config
    try:
        importlib.import_module("macros.integration.macros")  # the package and everything a build uses
        importlib.import_module("macros.integration.pages")
    except Exception as error:  # noqa: BLE001 - any import failure is reported, never a traceback
        message = _import_error(error)
        if os.environ.get(SERVE_FLAG) != "serve":
            raise PluginError(message) from None
        log.error(message)  # serve_guard.py shows it in the banner
        _stand_in_for_package()
    return config


def _stand_in_for_package() -> None:
    for name in [n for n in sys.modules if n == "macros" or n.startswith("macros.")]:
        del sys.modules[name]
    sys.modules["macros"] = _stand_in()
    sys.modules[_BROKEN] = types.SimpleNamespace()  # type: ignore[assignment]


def _edits_only(handler):
    """MkDocs rebuilds on any event, but the operating system's events include a file being
    opened or read: every build reads the data, so the server would rebuild for ever. Only a
    file created, changed, moved or deleted is an edit (and Python's own caches are not)."""
    from watchdog.events import (
        EVENT_TYPE_CLOSED, EVENT_TYPE_CREATED, EVENT_TYPE_DELETED, EVENT_TYPE_MODIFIED, EVENT_TYPE_MOVED,
        FileSystemEventHandler,
    )

    edits = {EVENT_TYPE_CREATED, EVENT_TYPE_DELETED, EVENT_TYPE_MODIFIED, EVENT_TYPE_MOVED, EVENT_TYPE_CLOSED}

    class Edits(FileSystemEventHandler):
        def on_any_event(self, event):
            paths = (str(event.src_path), str(getattr(event, "dest_path", "") or ""))
            if event.event_type in edits and not any("__pycache__" in p for p in paths):
                handler.on_any_event(event)

    return Edits()


def on_serve(server, config, builder):
    """Watch with the operating system's file events (inotify on Linux) where watchdog has them,
    instead of polling every 0.5 s. MkDocs has no option for it, so the paths watched so far
    (docs/, mkdocs.yml) move to a new observer; the `watch:` paths are added after this event."""
    try:
        from watchdog.observers import Observer
    except ImportError:  # pragma: no cover - watchdog always has one; keep MkDocs' polling otherwise
        return server
    watched = list(getattr(server, "_watch_refs", {}))
    if not hasattr(server, "observer") or server.observer.is_alive():
        return server  # not the server this was written for, or already started: leave it alone
    for path in watched:
        server.unwatch(path)

    class EditsObserver(Observer):
        def schedule(self, event_handler, path, recursive=False, **kwargs):
            return super().schedule(_edits_only(event_handler), path, recursive=recursive, **kwargs)

    server.observer = EditsObserver()
    for path in watched:
        server.watch(path)
    # MkDocs waits until no event has come for 0.1 s before it builds. File events arrive within
    # milliseconds of a save (an editor's write, or its write-then-rename), so 0.02 s still takes
    # one save as one build, and the page is back 0.08 s sooner.
    server.build_delay = 0.02
    return server
