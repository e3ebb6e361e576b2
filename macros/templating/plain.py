"""A prose field as plain text, for the places that cannot carry HTML: a page's description
(front matter), the Word worksheet."""

from __future__ import annotations

import html
import re

from markupsafe import Markup, escape

from ..views.edition import Edition
from .markup import render_prose

__all__ = ["plain_prose"]

_TAG = re.compile(r"<[^>]+>")


def plain_prose(edition: Edition, text: str) -> str:
    """Markup dropped, and a reference as the words a reader sees: ¶ 24, a heading, a source's
    short form, a glossary entry's name, or the words the reference gives itself."""

    def words(target: str, given: str | None) -> Markup:
        if given:
            return escape(given)
        kind, item = edition.reference(target)
        name = {
            "paragraph": lambda: f"¶\u00a0{item.number}", "section": lambda: item.heading or item.id,
            "layer": lambda: item.title, "source": lambda: item.short,
        }.get(kind, lambda: item.entry.name)()
        return escape(name)

    return html.unescape(_TAG.sub("", str(render_prose(text, words))))
