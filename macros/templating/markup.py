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

from ..files.fields import PROSE_LINK

__all__ = ["markdown_inline", "render_prose"]

_LINK = PROSE_LINK  # checked by the model (macros.files.fields): an https address with a public host
_REFERENCE = re.compile(r"\[\[([a-z0-9]+(?:-[a-z0-9]+)*)(?:\|([^\[\]]+))?\]\]")
# One pass over both, left to right: a link and a reference can never be inside one another
# (neither's words may hold brackets), so no placeholder ever ends up inside another's HTML.
_LINK_OR_REFERENCE = re.compile(f"(?P<reference>{_REFERENCE.pattern})|(?P<link>{_LINK.pattern})")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>])")  # what Python-Markdown lets a backslash escape
_SPACE = re.compile(r"\s+")
_KEPT = re.compile(r"\x00(\d+)\x00")

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
    by `resolve` (a template macro), so a link to a paragraph looks the same everywhere.
    The work is linear in the length of the text, whatever it holds (see `_pairs`)."""
    kept: list[str] = []

    def keep(html: str) -> str:
        kept.append(html)
        return f"\x00{len(kept) - 1}\x00"

    def keep_link_or_reference(match: re.Match[str]) -> str:
        if match.group("link") is not None:
            label, url = match.group(len(match.groups()) - 1), match.group(len(match.groups()))
            return keep(f'<a href="{escape(url)}">{_inline(str(escape(label)))}</a>')
        target, words = match.group(2), match.group(3)
        if resolve is None:
            return words or match.group(0)
        return keep(str(resolve(target, words)))

    # Links and references are cut out first so that their addresses are not touched by the emphasis rules.
    body = _LINK_OR_REFERENCE.sub(keep_link_or_reference, text.replace("\x00", ""))
    body = _inline(str(escape(_SPACE.sub(" ", body).strip())))
    return Markup(_KEPT.sub(lambda m: kept[int(m.group(1))], body).replace("\x00", ""))


def _inline(escaped: str) -> str:
    """`**strong**`, then `*emphasis*`, each around words that start and end with a non-space."""
    escaped = _wrap(escaped, "**", "strong", _strong_opens, _strong_closes)
    return _wrap(escaped, "*", "em", _em_opens, _em_closes)


def _strong_opens(text: str, i: int) -> bool:
    return i + 2 < len(text) and not text[i + 2].isspace()


def _strong_closes(text: str, j: int) -> bool:
    return j > 0 and not text[j - 1].isspace()


def _word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _em_opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else ""
    return not (before == "*" or (before and _word(before))) and i + 1 < len(text) and not text[i + 1].isspace()


def _em_closes(text: str, j: int) -> bool:
    after = text[j + 1] if j + 1 < len(text) else ""
    return j > 0 and not text[j - 1].isspace() and not (after == "*" or (after and _word(after)))


def _wrap(text: str, mark: str, tag: str, opens, closes) -> str:
    """Each opening `mark` paired with the first closing one after it (at least one character
    between), left to right, as a lazy regular expression would pair them, but in one pass:
    the closing marks are found once, and each opening one looks for its partner by bisection
    (the regular expression `\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*` looked again from every opening
    mark, so 80 KB of `**a ` took 32 s)."""
    from bisect import bisect_left

    width = len(mark)
    at = [i for i in _occurrences(text, mark)]
    closing = [j for j in at if closes(text, j)]
    out, done = [], 0
    for i in at:
        if i < done or not opens(text, i):
            continue
        k = bisect_left(closing, i + width + 1)
        if k == len(closing):
            break  # no closing mark after this one, so none after any later one either
        j = closing[k]
        out += [text[done:i], f"<{tag}>", text[i + width:j], f"</{tag}>"]
        done = j + width
    out.append(text[done:])
    return "".join(out)


def _occurrences(text: str, mark: str):
    """Every index where `mark` starts (overlapping: '***' holds '**' at 0 and at 1)."""
    i = text.find(mark)
    while i != -1:
        yield i
        i = text.find(mark, i + 1)
