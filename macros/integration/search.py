"""What the site search knows of a glossary entry beyond its heading: its other names.

A search for "Urumqi" listed the Sources page first and the entry "Ürümqi" fifth: lunr, which
Material's search uses, matches words as typed (no folding of "Ü" to "U"), and a name found only
in an entry's text weighs no more than a passing mention elsewhere. So each entry's section of the
search index gets its other names (`other_names` in the data), and the plain-letter spelling of
every name that has accents, as its `tags`: a field Material indexes with the highest weight and
shows under the result ("Urumqi · Urumchi · Dihua …", saying why the entry was found). The
glossary pages are also boosted as a whole (`search: boost:` in their front matter, pages.py).
"""

from __future__ import annotations

import unicodedata

from .. import links
from ..views.edition import Edition

__all__ = ["plain_letters", "tag_glossary_entries"]


def plain_letters(name: str) -> str:
    """The name without accents: "Ürümqi" -> "Urumqi", "Prokop’yev" unchanged."""
    return "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))


def _tags(entry) -> list[str]:
    names = [*entry.other_names]
    names += [plain_letters(n) for n in (entry.name, *entry.other_names)]
    seen = {entry.name}
    return [n for n in names if not (n in seen or seen.add(n))]


def tag_glossary_entries(entries: list[dict], page_src: str, page_url: str, edition: Edition) -> None:
    """Give the search index's sections of one glossary page (`entries`: Material's search index
    entries, the page's among them) the tags of their entries. Other pages are left alone."""
    kind = next((k for k in edition.kinds if links.glossary_page(k.id) == page_src), None)
    if kind is None:
        return
    by_anchor = {e.id: e.entry for e in edition.entries_of(kind.id)}
    for item in entries:
        location = item.get("location", "")
        path, _, anchor = location.partition("#")
        if path == page_url and anchor in by_anchor:
            tags = _tags(by_anchor[anchor])
            if tags:
                item["tags"] = tags
