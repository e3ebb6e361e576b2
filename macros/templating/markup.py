"""The small Markdown subset of prose fields, and escaping for Markdown contexts.

Prose fields (`Prose` in `macros.files.fields`) are our writing. They may contain only:

- `*emphasis*` and `**strong**`;
- links `[label](https://...)` to https addresses;
- references `[[id]]` (or `[[id|words]]`) to a paragraph, section, layer, source or
  glossary entry, which become links (the caller says how, `resolve`).

Everything else is shown as typed: `<script>`, `{{ }}`, `![image](...)`, `javascript:`
links, raw HTML, headings, lists and line breaks come out as inert text on one line. The
document's own words never go through this: they are only escaped.
"""

from __future__ import annotations

import re
from typing import Callable

from markupsafe import Markup, escape

__all__ = ["markdown_inline", "render_prose"]

_LINK = re.compile(r"\[([^\[\]\n]+)\]\((https://[^\s()<>\"']+)\)")
_REFERENCE = re.compile(r"\[\[([a-z0-9]+(?:-[a-z0-9]+)*)(?:\|([^\[\]]+))?\]\]")
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EM = re.compile(r"(?<![*\w])\*(?=\S)(.+?)(?<=\S)\*(?![*\w])")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>])")  # what Python-Markdown lets a backslash escape
_SPACE = re.compile(r"\s+")

Resolver = Callable[[str, str | None], Markup]


def markdown_inline(text: str) -> Markup:
    """Text placed in Markdown (a heading, a link label), kept literal and on one line.

    HTML first (Markdown has no backslash escape for "<"), then Markdown's own syntax; line
    breaks become spaces, so a value cannot start a heading or a list of its own. Quotation
    marks stay as typed: this is text, never an attribute, and an entity (`&#39;`) would be
    escaped a second time where MkDocs reuses a heading as a title ("PLA&#39;s" in the nav)."""
    escaped = str(escape(_SPACE.sub(" ", text).strip())).replace("&#39;", "'").replace("&#34;", '"')
    return Markup(_MD_SPECIAL.sub(r"\\\1", escaped))


def render_prose(text: str, resolve: Resolver | None = None) -> Markup:
    """HTML for a prose field: escaped, then emphasis, strong, https links and references applied.

    The only tags made here are <em>, <strong> and <a href> for a checked https address: the
    subset is so small that a template per tag would only hide it. References are rendered
    by `resolve` (a template macro), so a link to a paragraph looks the same everywhere."""
    kept: list[str] = []

    def keep(html: str) -> str:
        kept.append(html)
        return f"\x00{len(kept) - 1}\x00"

    def keep_link(match: re.Match[str]) -> str:
        label, url = match.group(1), match.group(2)
        return keep(f'<a href="{escape(url)}">{_inline(str(escape(label)))}</a>')

    def keep_reference(match: re.Match[str]) -> str:
        if resolve is None:
            return match.group(2) or match.group(0)
        return keep(str(resolve(match.group(1), match.group(2))))

    # Links and references are cut out first so that their addresses are not touched by the emphasis rules.
    body = _LINK.sub(keep_link, text.replace("\x00", ""))
    body = _REFERENCE.sub(keep_reference, body)
    body = _inline(str(escape(_SPACE.sub(" ", body).strip())))
    return Markup(re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m.group(1))], body))


def _inline(escaped: str) -> str:
    escaped = _STRONG.sub(r"<strong>\1</strong>", escaped)
    return _EM.sub(r"<em>\1</em>", escaped)
