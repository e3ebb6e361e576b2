"""Page-relative links between the site's pages, for HTML that Markdown does not rewrite.

The site is served under a sub-path on GitHub Pages (`/REPO/`), so every link
is relative to the page it is on; none starts with `/`.
"""

from __future__ import annotations

import posixpath

__all__ = [
    "ABOUT_PAGE", "CATEGORIES_PAGE", "CHRONOLOGY_PAGE", "QUESTIONS_PAGE", "MAP_PAGE", "SOURCES_PAGE", "TEXT_PAGE", "markdown_link", "page_url", "relative",
]

TEXT_PAGE = "text.md"
ABOUT_PAGE = "about.md"
SOURCES_PAGE = "sources.md"
MAP_PAGE = "map.md"
CHRONOLOGY_PAGE = "chronology.md"
QUESTIONS_PAGE = "questions.md"
CATEGORIES_PAGE = "categories.md"


def page_url(src: str) -> str:
    """The URL (relative to the site root) of a page's Markdown source, with directory URLs."""
    stem = src.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def relative(from_url: str, to_src: str, anchor: str = "") -> str:
    """Link from the page at `from_url` to the page `to_src`, optionally at `#anchor`."""
    target = page_url(to_src)
    path = "" if target == from_url else posixpath.relpath(target or ".", from_url.rstrip("/") or ".") + "/"
    if anchor:
        return f"{path}#{anchor}"
    return path or "./"


def markdown_link(from_src: str, to_src: str, anchor: str = "") -> str:
    """A Markdown link target from the page `from_src` to `to_src` (MkDocs resolves and checks these)."""
    path = posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")
    return f"{path}#{anchor}" if anchor else path
