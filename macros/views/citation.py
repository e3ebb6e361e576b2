"""How to cite the document: Chicago and MLA strings, RIS and BibTeX records, and meta tags
for reference managers. All from `data/document.yml`; no wording of one archive is built in."""

from __future__ import annotations

from ..files.models.document import Document

__all__ = ["bibtex", "chicago", "meta_tags", "mla", "ris"]

_MLA_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]


def _bare_url(url: str) -> str:
    return url.removeprefix("https://").removeprefix("http://")


def chicago(doc: Document) -> str:
    """Chicago note form: title, date, publisher, archival citation, translator, address."""
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


def ris(doc: Document) -> str:
    """An RIS record (Zotero, EndNote, Mendeley): a manuscript in an archive."""
    lines = [
        ("TY", "MANSCPT"),
        ("TI", doc.title),
        ("AU", doc.author),
        ("DA", f"{doc.date:%Y/%m/%d}"),
        ("PY", str(doc.date.year)),
        ("A4", doc.translator),  # RIS: translator
        ("AN", doc.archival_citation),
        ("DB", doc.publisher),
        ("PB", f"{doc.publisher}, {doc.program}"),
        ("LA", "en"),
        ("AB", doc.summary),
        ("UR", doc.record.url),
        ("ER", ""),
    ]
    return "".join(f"{tag}  - {value}\n" for tag, value in lines)


def _bibtex_value(text: str) -> str:
    """Braces protect capitals; BibTeX's own special characters are escaped."""
    escaped = "".join("\\" + c if c in "&%$#_{}" else c for c in text)
    return "{" + escaped + "}"


def bibtex(doc: Document, key: str) -> str:
    """A BibTeX @misc entry (biblatex reads it too)."""
    fields = [
        ("title", doc.title),
        ("author", doc.author),
        ("date", doc.date.isoformat()),
        ("year", str(doc.date.year)),
        ("translator", doc.translator),
        ("note", f"{doc.archival_citation.rstrip('.')}. Translated by {doc.translator}"),
        ("howpublished", f"{doc.publisher}, {doc.program}"),
        ("url", doc.record.url),
        ("language", "english"),
    ]
    # The author's name in double braces is kept whole: BibTeX would otherwise read "Mao Zedong" as
    # given name Mao, family name Zedong, the wrong way round for a Chinese name.
    body = ",\n".join(
        f"  {name} = {{{_bibtex_value(value)}}}" if name == "author" else f"  {name} = {_bibtex_value(value)}"
        for name, value in fields
    )
    return f"@misc{{{key},\n{body}\n}}\n"


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
