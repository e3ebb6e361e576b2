"""A macro's HTML kept out of Markdown: `keep_html` leaves a placeholder for each run of it,
`restore_html` puts it back after Markdown has run (macros/hooks/kit.py, on_page_content).

Python-Markdown would otherwise parse all of that HTML again with html.parser, which is most of
a rebuild's Markdown time, and could read data in it as Markdown.
"""

from __future__ import annotations

import re

from .state import Build

__all__ = ["keep_html", "restore_html"]

_HEADING = re.compile(r"#{1,6} ")


def keep_html(output: str, build: Build, page: str) -> str:
    """The macro's output for Markdown: its Markdown headings stay (they make the table of
    contents and the search sections), and every run of HTML between them becomes a placeholder
    that `restore_html` replaces after Markdown has run. The placeholder has the build's secret
    token: data, which is always escaped, cannot write one."""
    store = build.kept.setdefault(page, [])
    parts, chunk = [], []

    def flush() -> None:
        html = "\n".join(chunk).strip()
        chunk.clear()
        if html:
            store.append(html)
            parts.append(f"\n\n<!--kit-{build.token}-{len(store) - 1}-->\n\n")

    for line in output.split("\n"):
        if _HEADING.match(line):
            flush()
            parts.append(f"\n\n{line}\n\n")
        else:
            chunk.append(line)
    flush()
    return "".join(parts)


_ID = re.compile(r'\sid="([^"]+)"')


def restore_html(html: str, build: Build, page) -> str:
    """After Markdown: put each kept run of HTML back in its placeholder's place, and tell MkDocs
    the anchors it holds (MkDocs checks links to anchors against the ids it saw in the page)."""
    store = build.kept.get(page.file.src_uri)
    if not store:
        return html
    if page.present_anchor_ids is not None:
        page.present_anchor_ids.update(i for kept in store for i in _ID.findall(kept))
    return re.sub(f"<!--kit-{build.token}-(\\d+)-->", lambda m: store[int(m.group(1))], html)
