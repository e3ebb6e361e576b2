"""How to cite the document: Chicago and MLA strings, RIS and BibTeX records, and meta tags
for reference managers. All from `data/document.yml`; no wording of one archive is built in."""

from __future__ import annotations

import unicodedata

from ..files.models.document import Document, filed_as

__all__ = ["bibtex", "chicago", "json_ld", "meta_tags", "mla", "ris"]

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
        ("AU", filed_as(doc.author, doc.author_filed_as)),
        ("A4", filed_as(doc.translator, doc.translator_filed_as)),  # RIS.js: translator
        ("DA", f"{doc.date:%Y/%m/%d}/"),  # RIS dates: year/month/day/other
        ("PY", str(doc.date.year)),
        ("DB", doc.archive_name),
        ("AN", doc.archival_citation.rstrip(".")),
        ("DP", doc.publisher),
        ("LA", "en"),
        ("AB", doc.summary),
        ("UR", doc.record.url),
    ]
    return "".join(f"{tag}  - {_one_line(value)}\n" for tag, value in lines) + "ER  - \n"


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


def bibtex(doc: Document, key: str) -> str:
    """A BibTeX @misc entry (biblatex reads it too): author and translator as "Family, Given" (BibTeX
    splits at the comma, so "Mao" is the family name), the title in double braces (its capitals kept),
    the archive and its reference in `note`, the online archive in `howpublished`."""
    text = {
        "author": filed_as(doc.author, doc.author_filed_as),
        "title": "{" + _bibtex_text(doc.title) + "}",
        "date": doc.date.isoformat(),
        "year": str(doc.date.year),
        "translator": filed_as(doc.translator, doc.translator_filed_as),
        "note": f"{doc.archive_name}, {doc.archival_citation.rstrip('.')}",
        "howpublished": f"{doc.publisher}, {doc.program}",
        "language": "english",
    }
    fields = [f"  {name} = {{{value if name == 'title' else _bibtex_text(value)}}}" for name, value in text.items()]
    fields.insert(4, f"  month = {_BIBTEX_MONTHS[doc.date.month - 1]}")  # a BibTeX month macro, unbraced
    # A URL is read verbatim (biblatex, the url package): only made one line; a checked https
    # address (macros/files/fields.py) holds no brace or space.
    fields.append(f"  url = {{{_one_line(doc.record.url)}}}")
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
    author = filed_as(doc.author, doc.author_filed_as)
    return [
        ("citation_title", _one_line(doc.title)),
        ("citation_date", f"{doc.date:%Y/%m/%d}"),
        ("citation_language", "en"),
        ("citation_abstract", _one_line(doc.summary)),
        ("citation_public_url", doc.record.url),
        ("DC.title", _one_line(doc.title)),
        ("DC.creator", author),
        ("z.translators", filed_as(doc.translator, doc.translator_filed_as)),
        ("DC.date", doc.date.isoformat()),
        ("DC.type", "manuscript"),
        ("DC.language", "en"),
        ("DC.coverage", doc.archival_citation.rstrip(".")),
        ("DC.rights", _one_line(" ".join(doc.rights))),
        ("DC.description", _one_line(doc.summary)),
    ]


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
        "description": _one_line(doc.summary),
        "dateCreated": doc.date.isoformat(),
        "inLanguage": "en",
        "author": person(doc.author, doc.author_filed_as),
        "translator": person(doc.translator, doc.translator_filed_as),
        "holdingArchive": {"@type": "ArchiveOrganization", "name": doc.archive_name},
        "itemLocation": doc.archival_citation.rstrip("."),
        "url": doc.record.url,
        "publisher": {"@type": "Organization", "name": doc.publisher},
    }
    if page_url:
        found["subjectOf"] = {"@type": "WebPage", "url": page_url}
    return found
