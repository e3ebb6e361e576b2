"""A page that cannot be rendered is one clear message: the plugin's page rendering is guarded.

A macro's own failure is recorded by its call guard (`record_failure`, from
macros.integration.macros) and named here with the page; an error in the page's own Jinja
(`{{ typo( }}`, a name that is not a macro) is named at its line in the page's file. The plugin
would otherwise log a traceback and exit the process. Under serve the page keeps its heading and
says the banner tells why.
"""

from __future__ import annotations

import difflib
import logging
import re
import traceback
from pathlib import Path

import jinja2

from .errors import stop
from .macro_registry import MACROS
from .state import Build

__all__ = ["PAGE_VARIABLES", "guard_page_rendering", "record_failure"]

# The variables the kit gives a page's Jinja besides its macros (macros.integration.macros).
PAGE_VARIABLES = ("parts", "instructor", "pages")
_FAILURES = "_failures"  # env.variables' record of the macros that failed, by page


def record_failure(env, call: str, description: str) -> None:
    page = env.page.file.src_uri if getattr(env, "page", None) else "?"
    failures = env.variables.setdefault(_FAILURES, {})
    failures.setdefault(page, []).append((call, description))


class _Capture(logging.Filter):
    """Keeps the plugin's own report of a failed page (with its traceback) out of the log."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            self.messages.append(record.getMessage())
            return False
        return True


_PLUGIN_LOGGER = "mkdocs.plugins.mkdocs_macros.util"


def guard_page_rendering(env, build: Build) -> None:
    """Wrap the plugin's page rendering: a failure becomes our message (build) or banner (serve)."""
    render = env.render

    def guarded_render(markdown: str, force_rendering: bool = False) -> str:
        capture = _Capture()
        logger = logging.getLogger(_PLUGIN_LOGGER)
        logger.addFilter(capture)
        try:
            return render(markdown, force_rendering)
        except SystemExit as stopped:  # on_error_fail: the plugin exits after logging the error
            page = env.page
            failures = env.variables.get(_FAILURES, {}).get(page.file.src_uri)
            where = f"docs/{page.file.src_uri}"
            if failures:
                message = f"{where}: " + "; ".join(f"{call}: {description}" for call, description in failures)
                # A broken component fails on every page that uses it: one message says so.
                same_mistake = tuple(description for _, description in failures)
            else:
                message = same_mistake = where + _page_error(stopped.__context__, page)
            if not build.serving:
                raise stop(message) from None
            build.fail(message, same_mistake)
            # The page keeps its own heading (when it is plain text), so the tab still says where it is.
            heading = next((line for line in markdown.splitlines() if line.startswith("# ") and "{" not in line.split(" {")[0]
                            and "{{" not in line and "{%" not in line), "")
            return f"{heading}\n\nThis page could not be built: the message at the top says why.\n"
        finally:
            logger.removeFilter(capture)

    env.render = guarded_render


_UNDEFINED_NAME = re.compile(r"'(\w+)' is undefined")


def _page_error(error: BaseException | None, page) -> str:
    """An error in the page's own Jinja, at its line in the page's file (front matter counted)."""
    if error is None:
        return ": the page's template could not be rendered"
    line = error.lineno if isinstance(error, jinja2.TemplateSyntaxError) else None
    if line is None:
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == "<template>"]
        line = frames[-1].lineno if frames else None
    where = f", line {line + _front_matter_lines(page)}: " if line else ": "
    text = error.message if isinstance(error, jinja2.TemplateError) and error.message else str(error)
    unknown = _UNDEFINED_NAME.fullmatch(text) if isinstance(error, jinja2.UndefinedError) else None
    if unknown:
        return where + _unknown_name(unknown.group(1))
    kind = "template syntax error" if isinstance(error, jinja2.TemplateSyntaxError) else type(error).__name__
    return f"{where}{kind}: {text}"


def _unknown_name(name: str) -> str:
    """A name the page's Jinja uses that is neither a macro nor a variable: the nearest, if one is near."""
    near = difflib.get_close_matches(name, [*MACROS, *PAGE_VARIABLES], n=1, cutoff=0.75)
    return f"'{name}' is not a macro or variable of this site; " + (
        f"did you mean '{near[0]}'?" if near else "its macros are the functions of macros/integration/page_macros.py")


def _front_matter_lines(page) -> int:
    """MkDocs hands the page's Markdown to plugins without its front matter: count those lines back."""
    try:
        source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    except (OSError, TypeError):
        return 0
    match = re.match(r"---\s*\n.*?\n---\s*\n", source, re.DOTALL)
    return match.group(0).count("\n") if match else 0
