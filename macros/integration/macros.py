"""The registry's macros bound on mkdocs-macros-plugin's `env` for one build, every call guarded.

`register` binds every macro of `MACROS` (macros.integration.page_macros defines them) with the
build's `MacroContext`; `register_placeholders` binds the same names to nothing while serving
bad data. A macro that raises (a broken template, a renderer's bug meeting odd data) is recorded
for its page, and the page guard (macros.integration.page_guard) turns that into one clear
message naming the page and the call, never a traceback.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from pathlib import Path

from .. import links
from ..templating.environment import Renderer, template_cycle
from ..views.parts import present
from . import page_macros  # noqa: F401 - defining the macros registers them in MACROS
from .errors import describe, stop
from .kept_html import keep_html
from .macro_registry import MACROS, Macro, MacroContext
from .page_guard import record_failure
from .state import Build

__all__ = ["register", "register_placeholders"]


class _Failure(Exception):
    """A macro failed; the message is already recorded for the page."""


def register(env, build: Build, instructor: bool) -> None:
    """Bind every macro, rendering with the build's edition."""
    renderer = Renderer(build.edition, instructor, env.conf["site_url"] or "", build.project_dir, env.conf["use_directory_urls"])
    build.renderer = renderer  # the hook draws the pages' descriptions with it (macros.integration.pages)
    cycle = template_cycle(renderer.env)
    if cycle:
        message = (f"the component templates lead back to themselves: {cycle}; a template cannot include, import or "
                   "extend itself, directly or through another (macros/templating/templates/, overrides/components/)")
        if not build.serving:
            raise stop(message)
        build.fail(message)  # and the macros that draw components draw nothing (below); titles stay
    context = MacroContext(renderer, build, instructor, env.conf["extra"], Path(env.conf["docs_dir"]), env.conf["use_directory_urls"])
    for entry in MACROS.values():
        env.macro(_guarded(env, entry, context) if entry.title or not cycle else _nothing, entry.name)
    _page_variables(env, present(build.edition, instructor), instructor)


def register_placeholders(env, parts: dict[str, bool], instructor: bool) -> None:
    """Bad data while serving: the pages still build, without what data makes, under the banner.
    A page's own Jinja sees the parts the last good build had (`parts.map`) and the edition
    served, so nothing fails for want of data the page's mistake did not touch."""
    for name in MACROS:
        env.macro(_nothing, name)
    _page_variables(env, dict(parts), instructor)


def _page_variables(env, parts: dict[str, bool], instructor: bool) -> None:
    """What a page's own Jinja may read besides the macros (page_guard.PAGE_VARIABLES)."""
    env.variables["parts"] = parts
    env.variables["instructor"] = instructor
    env.variables["pages"] = links


def _nothing(*args, **kwargs) -> str:
    return ""


def _guarded(env, entry: Macro, context: MacroContext):
    """The macro as a page calls it: given the context with this page, its failure recorded,
    its HTML kept out of Markdown (macros.integration.kept_html) unless it returns Markdown."""

    @functools.wraps(entry.function)
    def guarded(*args, **kwargs):
        try:
            page = env.page.file.src_uri
            result = entry.function(replace(context, here=env.page.url, page=page, page_title=env.page.title or ""), *args, **kwargs)
        except Exception as error:  # noqa: BLE001 - every failure becomes one message
            call = f"{entry.name}({', '.join(repr(a) for a in args)})"
            record_failure(env, call, describe(error, context.build.project_dir))
            raise _Failure() from error
        return result if entry.markdown or not isinstance(result, str) else keep_html(result, context.build, page)

    return guarded
