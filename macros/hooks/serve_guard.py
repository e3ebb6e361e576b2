"""MkDocs hook (mkdocs.yml, `hooks:`): under `mkdocs serve`, no mistake strands a browser tab.

Whatever an editor breaks (data, a page, `macros/`, a template, `overrides/`, `mkdocs.yml`), every
build under serve ends with a site to show and a reload of the open tabs:

- Every warning or error a build logs (the kit's own messages, MkDocs' broken links, a theme
  template's error) is collected, printed once in the terminal as usual, and shown in one banner at
  the top of every page the build wrote (`banner`). `strict` is off while serving, so a warning
  no longer aborts the rebuild and leaves the tab on the old page: the banner is how it is shown.
  `mkdocs build` is untouched and stays strict.
- A build that raises is built again in a safe mode: the kit's code stands in (live_reload.py) and
  the theme's own templates replace `overrides/`; the pages keep their addresses (kit.py keeps the
  last good build's shape). If that fails too, the banner is written into the pages already there.
  The build never raises, so requests never wait for a build that will not come.
- The 404 page carries the live-reload script too (MkDocs adds it only to pages it finds), so a
  tab on a page that is missing for a moment comes back when the page does.
- The macros plugin's six INFO lines, repeated at every rebuild, are left out of the terminal.

Loaded by MkDocs by its path; it imports nothing from the package.
"""

from __future__ import annotations

import html
import logging
import os
import re
import sys
import threading
import traceback
import types
from pathlib import Path

from mkdocs.plugins import event_priority

SERVE_FLAG = "KIT_MKDOCS_COMMAND"  # set by live_reload.py's on_startup
PROJECT = Path(__file__).resolve().parent.parent.parent
BANNER_CLASS = "cbl-data-error"
# In sys.modules, so that they outlive a reload of this module and are shared with the other hooks:
_STATE = "_kit_serve_guard"
SAFE_MODE = "_kit_safe_build"  # set while a failed build is built again; live_reload.py reads it

log = logging.getLogger("mkdocs.plugins.kit")
_ECHO = re.compile(r"contains a link .*, but |is included in the 'nav' configuration, which is not found")
_HEADER = re.compile(r"Error (?:building|reading) page '[^']*':|Aborted with .*")


def _serving() -> bool:
    return os.environ.get(SERVE_FLAG) == "serve"


class _Collector(logging.Handler):
    """WARNING and above, logged by the build's own thread while a build runs (requests logged by
    the server's threads, such as its '... code 404' lines, are not the build's)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.thread: int | None = None
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread != self.thread:
            return
        message = record.getMessage().strip()
        # MkDocs' "Error building page 'x.md':" only introduces the message that follows it.
        if _HEADER.fullmatch(message) or not message or message in self.messages:
            return
        # A page that could not be drawn leaves links to its anchors dangling: after a first
        # error, MkDocs' complaints about links and the navigation are its echoes, not mistakes
        # of their own (fixed, the first error takes them away; if not, they show then).
        if self.messages and _ECHO.search(message):
            return
        self.messages.append(message)


def _state() -> types.SimpleNamespace:
    state = sys.modules.get(_STATE)
    if state is None:
        state = types.SimpleNamespace(collector=_Collector(), last_messages=[], depth=0)
        logging.getLogger("mkdocs").addHandler(state.collector)
        sys.modules[_STATE] = state  # type: ignore[assignment]
    return state


@event_priority(100)
def on_startup(command: str, dirty: bool) -> None:
    if command != "serve":
        return
    _state()
    # "[macros] - Found local Python module ...": six lines at every rebuild, nothing an editor acts on.
    logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)
    import mkdocs.commands.serve as serve_command

    original = serve_command.build
    if getattr(original, "_kit_guarded", False):
        return

    def guarded_build(config, **kwargs) -> None:
        _build_and_show(original, config, kwargs)

    guarded_build._kit_guarded = True  # type: ignore[attr-defined]
    serve_command.build = guarded_build


class _Collecting:
    """The messages of one build (nested: the safe-mode rebuild adds to its failed build's)."""

    def __enter__(self) -> list[str]:
        state = _state()
        if state.depth == 0:
            state.collector.messages = []
            state.collector.thread = threading.get_ident()
        state.depth += 1
        return state.collector.messages

    def __exit__(self, *exc) -> None:
        state = _state()
        state.depth -= 1
        if state.depth == 0:
            state.collector.thread = None
            state.last_messages = list(state.collector.messages)


def _build_and_show(build, config, kwargs) -> None:
    with _Collecting() as messages:
        config.strict = False  # warnings are shown in the banner instead of aborting the rebuild
        try:
            build(config, **kwargs)
        except KeyboardInterrupt:
            raise
        except BaseException as error:  # noqa: BLE001 - any failure becomes a message and a page
            _report(error, messages)
            sys.modules[SAFE_MODE] = types.SimpleNamespace(message=messages[-1] if messages else str(error))  # type: ignore[assignment]
            try:
                build(_fresh_config(config), **kwargs)
            except KeyboardInterrupt:
                raise
            except BaseException as second:  # noqa: BLE001
                _report(second, messages)
            finally:
                sys.modules.pop(SAFE_MODE, None)
        if messages:
            show_banner(config.site_dir, messages)


def _fresh_config(config):
    """The config as serve loads it for a rebuild (the failed build's plugins changed the old one)."""
    from mkdocs.config import load_config

    fresh = load_config(config_file=config.config_file_path, site_dir=config.site_dir)
    fresh.site_url = config.site_url
    fresh.strict = False
    return fresh


def _report(error: BaseException, messages: list[str]) -> None:
    """One line for the failure (unless the build already logged what it was), never a traceback."""
    message = describe(error)
    if messages and (str(error) in messages[-1] or message.endswith("Aborted with a BuildError!")):
        return
    log.error(message)
    if message not in messages:  # logged from another thread, or before the collector was attached
        messages.append(message)


def describe(error: BaseException) -> str:
    """'overrides/main.html, line 3: RecursionError: maximum recursion depth exceeded': the
    project's own last frame (a template's line, as Jinja rewrites them), then the error."""
    import jinja2

    from mkdocs.exceptions import ConfigurationError

    if isinstance(error, jinja2.TemplateSyntaxError):
        return f"{_relative(error.filename or error.name or '?')}, line {error.lineno}: template syntax error: {error.message}"
    if isinstance(error, ConfigurationError):
        return "mkdocs.yml: " + " ".join(str(error).split())
    frames = [
        f for f in traceback.extract_tb(error.__traceback__)
        if f.filename.startswith(str(PROJECT)) and ".venv" not in Path(f.filename).parts and f.filename != __file__
    ]
    where = f"{_relative(frames[-1].filename)}, line {frames[-1].lineno}: " if frames else ""
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{where}{type(error).__name__}" + (f": {text}" if text else "")


def _relative(path: str) -> str:
    try:
        return Path(path).resolve().relative_to(PROJECT).as_posix()
    except ValueError:
        return path


def banner(messages: list[str]) -> str:
    """The banner's HTML, every message escaped. Written here, not in a template: it must show
    when a template, or the package, is what is broken."""
    items = "".join(f"<pre>{html.escape(m)}</pre>" for m in messages)
    return (
        f'<div class="admonition failure {BANNER_CLASS}" role="alert"><p class="admonition-title">'
        "The site has an error (it is not published like this)</p>"
        f"{items}<p>Fix it and save: the page reloads by itself. <code>mkdocs build</code> refuses to "
        "publish until then.</p></div>"
    )


def insert_banner(output: str, messages: list[str]) -> str:
    """The banner at the start of the page's main content (or of the body); an older banner goes."""
    start = output.find(f'<div class="admonition failure {BANNER_CLASS}"')
    if start != -1:
        end = output.find("</div>", start)
        output = output[:start] + output[end + len("</div>"):]
    for marker in ('<article class="md-content__inner md-typeset">', "<body"):
        at = output.find(marker)
        if at != -1:
            end = output.index(">", at) + 1
            return output[:end] + banner(messages) + output[end:]
    return banner(messages) + output


def show_banner(site_dir: str, messages: list[str]) -> None:
    """The banner on every page of the site folder; a stand-in home and 404 page if there are none."""
    pages = [p for p in Path(site_dir).rglob("*.html") if "assets" not in p.relative_to(site_dir).parts]
    for page in pages:
        try:
            page.write_text(insert_banner(page.read_text(encoding="utf-8"), messages), encoding="utf-8")
        except (OSError, UnicodeError):
            continue
    if not pages:
        Path(site_dir).mkdir(parents=True, exist_ok=True)
        for name in ("index.html", "404.html"):
            (Path(site_dir) / name).write_text(_stand_in_page(messages), encoding="utf-8")


def _stand_in_page(messages: list[str]) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The site has an error</title></head>'
        f"<body>{banner(messages)}</body></html>"
    )


@event_priority(-100)  # after every other hook: the theme's templates as the other hooks left them
def on_env(env, config, files):
    """Safe mode: the theme's own templates, without `overrides/`."""
    if SAFE_MODE in sys.modules and config.theme.custom_dir:
        custom = Path(config.theme.custom_dir).resolve()
        env.loader.searchpath = [p for p in env.loader.searchpath if Path(p).resolve() != custom]
        env.cache.clear()
    return env


def on_serve(server, config, builder):
    """A failure outside the build (mkdocs.yml that cannot be read) is shown on the pages there
    are; the 404 page reloads by itself."""
    rebuild = server.builder

    def guarded_builder() -> None:
        with _Collecting() as messages:
            try:
                rebuild()
            except KeyboardInterrupt:
                raise
            except BaseException as error:  # noqa: BLE001 - the pages there are show why
                _report(error, messages)
                show_banner(server.root, messages)

    server.builder = guarded_builder
    error_page = server.error_handler

    def error_page_that_reloads(code: int) -> bytes:
        content = error_page(code)
        if content is None:
            content = _stand_in_page(_state().last_messages).encode("utf-8") if _state().last_messages else (
                b'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>'
                b"<body><p>Not found.</p></body></html>"
            )
        inject = getattr(server, "_inject_js_into_html", None)
        return inject(content, server._visible_epoch) if inject else content

    server.error_handler = error_page_that_reloads
    return server
