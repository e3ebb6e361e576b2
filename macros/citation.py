"""How to cite the document: Chicago and MLA strings, and meta tags for reference managers."""

from __future__ import annotations

from .models import Document

__all__ = ["chicago", "meta_tags", "mla"]

_MLA_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]


def _bare_url(url: str) -> str:
    return url.removeprefix("https://").removeprefix("http://")


def chicago(doc: Document) -> str:
    """Chicago note form, as the Wilson Center Digital Archive itself suggests citing its records."""
    date = f"{doc.date:%B} {doc.date.day}, {doc.date.year}"
    return (
        f"“{doc.title},” {date}, {doc.publisher}, {doc.archival_citation.rstrip('.')}. "
        f"Translated by {doc.translator}. {doc.record.url}."
    )


def mla(doc: Document) -> str:
    """MLA 9th edition works-cited entry (the container title is italic in print)."""
    date = f"{doc.date.day} {_MLA_MONTHS[doc.date.month - 1]} {doc.date.year}"
    return (
        f"“{doc.title}.” {date}. Translated by {doc.translator}, {doc.archival_citation.rstrip('.')}. "
        f"{doc.publisher}, {doc.program}, {_bare_url(doc.record.url)}."
    )


def meta_tags(doc: Document) -> list[tuple[str, str]]:
    """Highwire Press and Dublin Core tags, so Zotero and similar tools capture the document itself."""
    return [
        ("citation_title", doc.title),
        ("citation_author", doc.author),
        ("citation_date", f"{doc.date:%Y/%m/%d}"),
        ("citation_publisher", f"{doc.publisher}, {doc.program}"),
        ("citation_abstract", doc.summary),
        ("citation_public_url", doc.record.url),
        ("DC.title", doc.title),
        ("DC.creator", doc.author),
        ("DC.contributor", f"{doc.translator} (translator)"),
        ("DC.date", doc.date.isoformat()),
        ("DC.type", "Text"),
        ("DC.language", "en"),
        ("DC.source", doc.archival_citation),
        ("DC.publisher", f"{doc.publisher}, {doc.program}"),
        ("DC.relation", doc.record.url),
        ("DC.rights", " ".join(doc.rights)),
        ("DC.description", doc.summary),
    ]
