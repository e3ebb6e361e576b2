"""The one registry of the macros that pages call, and what a macro is given.

A macro is a plain function decorated with `@macro`, in `macros.integration.page_macros`; its
first argument is a `MacroContext` (the renderer, the page, the build, the edition, mkdocs.yml's
`extra`), the rest are what the page passes (`{{ cite("kraus-2017") }}`). Decorating registers
it when the module is imported, under the function's name; `macros.integration.macros` binds
every entry of `MACROS` for a build, and takes the placeholders' names from it too, so the
list of names cannot drift from the macros.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

from ..templating.environment import Renderer
from ..views.edition import Edition
from .state import Build

__all__ = ["MACROS", "Macro", "MacroContext", "macro"]


@dataclass(frozen=True)
class MacroContext:
    """What a macro may use: one per build, with the page filled in at each call."""

    renderer: Renderer
    build: Build
    instructor: bool  # this build is the instructor edition
    extra: Mapping[str, Any]  # mkdocs.yml's `extra`
    docs_dir: Path
    directory_urls: bool  # mkdocs.yml's use_directory_urls: false only in the offline copy
    here: str = ""  # the page's URL, which the renderers make links relative to
    page: str = ""  # the page's Markdown source, relative to docs/ (e.g. 'about.md')
    page_title: str = ""  # the page's title (its front matter's, else the navigation's)

    @property
    def edition(self) -> Edition:
        return self.renderer.edition

    @property
    def repository(self) -> str | None:
        """The project's repository: data/site.yml's, else the one the workflow sets."""
        return self.edition.site.repository or self.extra.get("repository") or None

    @property
    def protected_published(self) -> bool:
        """This student site carries the encrypted instructor edition (not the offline copy: it has none)."""
        return bool(self.extra.get("protected_edition")) and not self.instructor and self.directory_urls

    def markdown_literal(self, text: str) -> str:
        """Words from data for a Markdown heading or sentence, kept literal (no emphasis, no link)."""
        return self.renderer.env.filters["md"](text)


@dataclass(frozen=True)
class Macro:
    name: str
    function: Callable[..., Any]  # (MacroContext, *what the page passes)
    # Returns Markdown (an inline citation, a title), left to Markdown; any other macro's HTML is
    # kept out of Markdown (macros.integration.kept_html).
    markdown: bool
    # Words a page's heading or sentence takes from data: drawn even while the component
    # templates cannot be (they then draw no component, and the build says why).
    title: bool


MACROS: dict[str, Macro] = {}


def macro(function: Callable | None = None, *, markdown: bool = False, title: bool = False) -> Callable:
    """Register a macro under its function's name: `@macro`, `@macro(markdown=True)`,
    `@macro(markdown=True, title=True)`. The function is returned unchanged."""

    def register_one(function: Callable) -> Callable:
        name = function.__name__
        if name in MACROS:
            raise ValueError(f"two macros are called {name!r} ({MACROS[name].function.__module__} and {function.__module__})")
        MACROS[name] = Macro(name, function, markdown, title)
        return function

    return register_one(function) if function else register_one
