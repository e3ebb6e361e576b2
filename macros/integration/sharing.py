"""What a page tells link previews, search engines and reference managers about itself, beyond
its title and description: Open Graph tags (every page; overrides/partials/sharing-meta.html)
and schema.org structured data as JSON-LD (the pages that describe one thing):

- the pages that carry the citation tags (the text, About the source): the document, an
  `ArchiveComponent` held by an `ArchiveOrganization` (macros/views/citation.py);
- a lesson or a packet: a `LearningResource` based on the document;
- the home page: the `WebSite`.
"""

from __future__ import annotations

from .. import links
from ..views import citation
from ..views.edition import Edition

__all__ = ["structured_data"]


def structured_data(edition: Edition, page_src: str, meta: dict, page_url: str | None, description: str) -> dict | None:
    """The JSON-LD object of one page (by its source path under docs/), or None."""
    doc = edition.document
    if meta.get("citation_meta"):
        return citation.json_ld(doc, page_url)
    based_on = {"@type": "ArchiveComponent", "name": doc.title, **({"url": doc.record.url} if doc.record else {})}
    for lesson in edition.lessons() if edition.packets() else []:
        if links.lesson_page(lesson.id) == page_src:
            return _learning(lesson.title, description, page_url, based_on, "lesson plan",
                             educationalLevel=lesson.audience, timeRequired=f"PT{lesson.minutes}M")
    for packet in edition.packets():
        if links.packet_page(packet.id) == page_src:
            return _learning(packet.title, description, page_url, based_on, "reading packet")
    if page_src == "index.md":
        found = {"@context": "https://schema.org", "@type": "WebSite", "name": edition.site.title,
                 "description": edition.site.description, "inLanguage": "en"}
        return {**found, "url": page_url} if page_url else found
    return None


def _learning(title: str, description: str, page_url: str | None, based_on: dict, kind: str, **more) -> dict:
    found = {
        "@context": "https://schema.org", "@type": "LearningResource", "name": title,
        "description": description, "learningResourceType": kind, "inLanguage": "en",
        "isBasedOn": based_on, **more,
    }
    return {**found, "url": page_url} if page_url else found
