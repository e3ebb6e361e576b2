"""How to cite the document: Chicago and MLA strings, RIS and BibTeX records, and meta tags
for reference managers. All from `data/document.yml`; no wording of one archive is built in.

Only the title and the date are certain to be there: every other part of the record is optional
(an archive's page may not give it), and each format leaves a missing part out with its
punctuation (no "None", no "Translated by .", no doubled comma), as the style would for a
document that has no such part."""

from __future__ import annotations

import re
import unicodedata

from ..files.models.document import Document, filed_as

__all__ = ["bibtex", "bibtex_key", "chicago", "json_ld", "meta_tags", "mla", "ris"]

_MLA_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]


def _bare_url(url: str) -> str:
    return url.removeprefix("https://").removeprefix("http://")


def _location(doc: Document) -> str | None:
    """The archival citation without its closing full stop (each format adds its own)."""
    return doc.archival_citation.rstrip(".") if doc.archival_citation else None


def _url(doc: Document) -> str | None:
    return doc.record.url if doc.record else None


def _joined(parts: list[str | None], separator: str = ", ") -> str:
    return separator.join(p for p in parts if p)


def chicago(doc: Document) -> str:
    """Chicago note form: “Title,” date, publisher, archival citation. Translated by …. Address."""
    date = f"{doc.date:%B} {doc.date.day}, {doc.date.year}"
    found = f"“{doc.title},” " + _joined([date, doc.publisher, _location(doc)]) + "."
    if doc.translator:
        found += f" Translated by {doc.translator}."
    if _url(doc):
        found += f" {_url(doc)}."
    return found


def mla(doc: Document) -> str:
    """MLA 9th edition works-cited entry (the container title is italic in print): “Title.” Date.
    Translated by …, archival citation. Publisher, program, address."""
    date = f"{doc.date.day} {_MLA_MONTHS[doc.date.month - 1]} {doc.date.year}"
    found = f"“{doc.title}.” {date}."
    contributor = _joined([f"Translated by {doc.translator}" if doc.translator else None, _location(doc)])
    if contributor:
        found += f" {contributor}."
    container = _joined([doc.publisher, doc.program, _bare_url(_url(doc)) if _url(doc) else None])
    if container:
        found += f" {container}."
    return found


def _one_line(text: str) -> str:
    """A value for a line-based format: every kind of line break or other space (\\n, \\r, U+2028,
    U+0085...) becomes one space, and other control characters go. Nothing in a value can then
    start a line of its own: a summary holding "ER  - " cannot end the record and forge another."""
    kept = "".join(c for c in text if c.isspace() or unicodedata.category(c) != "Cc")
    return " ".join(kept.split())


def ris(doc: Document) -> str:
    """An RIS record, in the fields Zotero's RIS translator reads (zotero/translators, RIS.js):
    TY MANSCPT (a manuscript), AU and A4 (author and translator, "Family, Given"), DA and PY, DB the
    archive and AN the location in it (Zotero's archive and archiveLocation), DP the online archive
    it was read in (Zotero's libraryCatalog), AB, LA, UR."""
    lines = [
        ("TY", "MANSCPT"),
        ("TI", doc.title),
        ("AU", filed_as(doc.author, doc.author_filed_as) if doc.author else None),
        ("A4", filed_as(doc.translator, doc.translator_filed_as) if doc.translator else None),  # RIS.js: translator
        ("DA", f"{doc.date:%Y/%m/%d}/"),  # RIS dates: year/month/day/other
        ("PY", str(doc.date.year)),
        ("DB", doc.archive_name),
        ("AN", _location(doc)),
        ("DP", doc.publisher),
        ("LA", "en"),
        ("AB", doc.summary),
        ("UR", _url(doc)),
    ]
    return "".join(f"{tag}  - {_one_line(value)}\n" for tag, value in lines if value) + "ER  - \n"


# BibTeX counts every brace, escaped or not: "\\}" still closes a value, so a lone brace in a title
# ("Letter 5} of 9") made the file unreadable. The characters special to BibTeX and LaTeX are
# written the way Zotero's own BibTeX translator writes and reads them (zotero/translators,
# BibTeX.js, `alwaysMap` and the `vphantom` pairs, after tex.stackexchange.com/q/230750): a brace
# carries a \\vphantom of its partner, so every value's braces balance.
_BIBTEX_SPECIAL = {
    "{": r"\{\vphantom{\}}", "}": r"\vphantom{\{}\}", "\\": r"{\textbackslash}",
    "~": r"{\textasciitilde}", "^": r"{\textasciicircum}", "|": r"{\textbar}", "<": r"{\textless}",
    ">": r"{\textgreater}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
}


def _bibtex_text(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(c, c) for c in _one_line(text))


def bibtex_key(doc: Document) -> str:
    """The entry's key: the author's name and the year ('maozedong1949'); without an author, the
    title's first word ('letter1949')."""
    def plain(text: str) -> str:
        return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()

    name = re.sub(r"[^a-z0-9]", "", plain(doc.author or "")) or next(iter(re.findall(r"[a-z0-9]+", plain(doc.title))), "document")
    return f"{name}{doc.date.year}"


def bibtex(doc: Document, key: str) -> str:
    """A BibTeX @misc entry (biblatex reads it too): author and translator as "Family, Given" (BibTeX
    splits at the comma, so "Mao" is the family name), the title in double braces (its capitals kept),
    the archive and its reference in `note`, the online archive in `howpublished`. A part the record
    does not give is no field at all."""
    text = {
        "author": filed_as(doc.author, doc.author_filed_as) if doc.author else None,
        "title": "{" + _bibtex_text(doc.title) + "}",
        "date": doc.date.isoformat(),
        "year": str(doc.date.year),
        "translator": filed_as(doc.translator, doc.translator_filed_as) if doc.translator else None,
        "note": _joined([doc.archive_name, _location(doc)]),
        "howpublished": _joined([doc.publisher, doc.program]),
        "language": "english",
    }
    fields = [f"  {name} = {{{value if name == 'title' else _bibtex_text(value)}}}" for name, value in text.items() if value]
    at = next(i for i, line in enumerate(fields) if line.startswith("  year ")) + 1
    fields.insert(at, f"  month = {_BIBTEX_MONTHS[doc.date.month - 1]}")  # a BibTeX month macro, unbraced, after the year
    # A URL is read verbatim (biblatex, the url package): only made one line; a checked https
    # address (macros/files/fields.py) holds no brace or space.
    if _url(doc):
        fields.append(f"  url = {{{_one_line(_url(doc))}}}")
    body = ",\n".join(fields)
    return f"@misc{{{key},\n{body}\n}}\n"


_BIBTEX_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def meta_tags(doc: Document) -> list[tuple[str, str]]:
    """Tags Zotero's Embedded Metadata translator (zotero/translators, Embedded Metadata.js, which
    hands the DC.* and z.* tags to RDF.js) reads as a manuscript by Mao, Zedong, translated by
    Goldberg, Gary, in RGASPI at f. 558...:

    - DC.type "manuscript" is a Zotero item type, so RDF.js takes it as the type (any citation_title
      alone would otherwise default the guess to a journal article);
    - the author is DC.creator, not citation_author: when citation_author is present, Embedded
      Metadata replaces every creator found in DC/RDF by that list, and the translator (z.translators,
      the only tag RDF.js reads a manuscript's translator from) would be dropped;
    - DC.coverage is where RDF.js reads the location in the archive (archiveLocation); DC.source
      (read as the publication's title: the "journal" the RGASPI reference became) and
      citation_publisher are left out.
    """
    found = [
        ("citation_title", _one_line(doc.title)),
        ("citation_date", f"{doc.date:%Y/%m/%d}"),
        ("citation_language", "en"),
        ("citation_abstract", _one_line(doc.summary) if doc.summary else None),
        ("citation_public_url", _url(doc)),
        ("DC.title", _one_line(doc.title)),
        ("DC.creator", filed_as(doc.author, doc.author_filed_as) if doc.author else None),
        ("z.translators", filed_as(doc.translator, doc.translator_filed_as) if doc.translator else None),
        ("DC.date", doc.date.isoformat()),
        ("DC.type", "manuscript"),
        ("DC.language", "en"),
        ("DC.coverage", _location(doc)),
        ("DC.rights", _one_line(" ".join(doc.rights)) if doc.rights else None),
        ("DC.description", _one_line(doc.summary) if doc.summary else None),
    ]
    return [(name, value) for name, value in found if value]


def json_ld(doc: Document, page_url: str | None) -> dict:
    """schema.org for the document: an ArchiveComponent held by an ArchiveOrganization, with its
    author, translator, date and location in the archive; the archive's record is `url`."""
    def person(name: str, filed: str | None) -> dict:
        family, _, given = filed_as(name, filed).partition(", ")
        return {"@type": "Person", "name": name, "familyName": family, "givenName": given}

    found = {
        "@context": "https://schema.org",
        "@type": "ArchiveComponent",
        "name": _one_line(doc.title),
        "description": _one_line(doc.summary) if doc.summary else None,
        "dateCreated": doc.date.isoformat(),
        "inLanguage": "en",
        "author": person(doc.author, doc.author_filed_as) if doc.author else None,
        "translator": person(doc.translator, doc.translator_filed_as) if doc.translator else None,
        "holdingArchive": {"@type": "ArchiveOrganization", "name": doc.archive_name} if doc.archive_name else None,
        "itemLocation": _location(doc),
        "url": _url(doc),
        "publisher": {"@type": "Organization", "name": doc.publisher} if doc.publisher else None,
    }
    found = {key: value for key, value in found.items() if value}
    if page_url:
        found["subjectOf"] = {"@type": "WebPage", "url": page_url}
    return found
