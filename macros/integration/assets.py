"""What readers receive, without bytes that only indent the source.

- The kit's own stylesheet: the commented source in `docs/assets/kit.css`, shipped without its
  comments and runs of whitespace (about a third of its compressed bytes, 2 KiB on every page:
  the Sources page was over its 90 KiB budget by that much).
- Every page: the indentation of the theme's templates (about 0.6 KiB compressed on each page;
  the Sources page, which grows with the bibliography, was again at its budget)."""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["STYLESHEETS", "minify_css", "minify_stylesheets", "trim_indentation"]

STYLESHEETS = ("assets/kit.css",)  # paths in the built site
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_SPACE = re.compile(r"\s+")


def minify_css(css: str) -> str:
    """Comments out, each run of whitespace one space. Nothing else changes, so no rule can break
    (the stylesheet has no `/*` or runs of spaces inside its strings; tests/kit/test_render.py)."""
    return _SPACE.sub(" ", _COMMENT.sub("", css)).strip() + "\n"


def minify_stylesheets(site_dir: str) -> None:
    for name in STYLESHEETS:
        path = Path(site_dir) / name
        if path.is_file():
            path.write_text(minify_css(path.read_text(encoding="utf-8")), encoding="utf-8")


# Whitespace is kept as written where it is shown or parsed as written.
_KEPT_OR_INDENTED = re.compile(r"(<(pre|script|style|textarea)\b.*?</\2\s*>)|[ \t]*\n\s*", re.S | re.I)


def trim_indentation(html: str) -> str:
    """Each line break with the blanks around it becomes one line break, outside <pre>, <script>,
    <style> and <textarea>. A line break is still whitespace, so what a reader sees is the same."""
    return _KEPT_OR_INDENTED.sub(lambda m: m.group(1) or "\n", html)
