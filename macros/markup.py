"""Escape data for HTML and render the small Markdown subset allowed in prose fields.

Prose fields (`Prose` in `models.py`) are our writing. They may contain only:

- `*emphasis*` and `**strong**`;
- links `[label](https://...)` to https addresses.

Everything else is shown as typed: `<script>`, `{{ }}`, `![image](...)`,
`javascript:` links and raw HTML come out as inert text. The cable's own
words never go through this: they are only escaped (`escape`).
"""

from __future__ import annotations

import html
import re

__all__ = ["escape", "escape_markdown", "render_prose"]

_LINK = re.compile(r"\[([^\[\]\n]+)\]\((https://[^\s()<>\"']+)\)")
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EM = re.compile(r"(?<![*\w])\*(?=\S)(.+?)(?<=\S)\*(?![*\w])")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")  # what Python-Markdown lets a backslash escape


def escape(text: str) -> str:
    """Escape text for HTML element content or a quoted attribute value."""
    return html.escape(text, quote=True)


def escape_markdown(text: str) -> str:
    """Escape text that is placed in Markdown (headings, link labels) so it stays literal.

    HTML first (Markdown has no backslash escape for "<"), then Markdown's own syntax.
    """
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def render_prose(text: str, refs: dict[str, str] | None = None) -> str:
    """HTML for a prose field: escaped, then emphasis, strong and https links applied.

    `refs` maps ids (of paragraphs or sources) to the HTML that replaces them where
    they appear as whole words, so notes can point to evidence by its permanent id.
    """
    links: list[str] = []

    def keep(html_: str) -> str:
        links.append(html_)
        return f"\x00{len(links) - 1}\x00"

    def keep_link(match: re.Match[str]) -> str:
        label, url = match.group(1), match.group(2)
        return keep(f'<a href="{escape(url)}">{_inline(escape(label))}</a>')

    # Links are cut out first so that their addresses are not touched by the emphasis rules.
    body = _LINK.sub(keep_link, text)
    if refs:
        pattern = "|".join(re.escape(k) for k in sorted(refs, key=len, reverse=True))
        body = re.sub(f"(?<![\\w/-])(?:{pattern})(?![\\w/-])", lambda m: keep(refs[m.group()]), body)
    body = _inline(escape(body))
    return re.sub(r"\x00(\d+)\x00", lambda m: links[int(m.group(1))], body)


def _inline(escaped: str) -> str:
    escaped = _STRONG.sub(r"<strong>\1</strong>", escaped)
    return _EM.sub(r"<em>\1</em>", escaped)
