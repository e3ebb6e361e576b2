"""What reference managers, link previews and search engines read from the site, read by real
parsers: the RIS file by rispy, the BibTeX file by bibtexparser (its LaTeX by pylatexenc), the
JSON-LD by rdflib (every type and property looked up in its schema.org vocabulary), and the meta
tags as Zotero's translators read them (zotero/translators: Embedded Metadata.js and RDF.js; see
macros/views/citation.py for which tag feeds which field).

Before: Zotero would have saved the cable as a journal article by first name "Mao", last name
"Zedong", with the RGASPI reference as its journal and no translator; no page had Open Graph tags
or structured data; a summary holding a line "ER  - " split citation.ris into two records, and a
lone brace in the title made citation.bib unreadable."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors, SplitNameParts
from bs4 import BeautifulSoup
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SDO

from macros.views import citation
from macros.views.load import load_edition
from tests.conftest import PUBLIC_URL, ROOT, student_pages
from tests.data_files import data

DOCUMENT = data("document.yml")


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def _bib(text: str):
    library = bibtexparser.parse_string(
        # Names are split before LaTeX is decoded: decoded first, an escaped brace in a name would be read as grouping.
        text, append_middleware=[SeparateCoAuthors(), SplitNameParts(), LatexDecodingMiddleware()])
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    return library


# --- the files ----------------------------------------------------------------------------------

def test_the_ris_file_is_one_manuscript_with_its_people_and_archive(site):
    records = rispy.loads((site / "about" / "citation.ris").read_text(encoding="utf-8"))
    assert len(records) == 1
    record = records[0]
    assert record["type_of_reference"] == "MANSCPT"
    assert record["title"] == DOCUMENT["title"]
    assert record["authors"] == ["Mao, Zedong"], "family name first, as Zotero files it"
    # rispy names A4 by the RIS specification ("subsidiary authors"); Zotero reads it as the translator.
    assert record["subsidiary_authors"] == ["Goldberg, Gary"]
    assert record["date"] == "1949/10/25/" and record["year"] == "1949"
    assert record["name_of_database"] == DOCUMENT["archive_name"], "DB: Zotero's archive"
    assert record["accession_number"] == DOCUMENT["archival_citation"].rstrip("."), "AN: Zotero's location in the archive"
    assert record["database_provider"] == DOCUMENT["publisher"], "DP: Zotero's library catalogue"
    assert record["urls"] == [DOCUMENT["record"]["url"]]


def test_the_bibtex_file_names_author_and_translator_family_first(site):
    library = _bib((site / "about" / "citation.bib").read_text(encoding="utf-8"))
    assert len(library.entries) == 1
    entry = library.entries[0]
    assert entry.entry_type == "misc"
    assert entry["title"] == DOCUMENT["title"]
    (author,) = entry["author"]
    assert (author.last, author.first) == (["Mao"], ["Zedong"])
    (translator,) = entry["translator"]
    assert (translator.last, translator.first) == (["Goldberg"], ["Gary"])
    assert entry["year"] == "1949" and entry["month"] == "oct" and entry["date"] == "1949-10-25"
    assert DOCUMENT["archival_citation"].rstrip(".") in entry["note"] and DOCUMENT["archive_name"] in entry["note"]
    assert entry["url"] == DOCUMENT["record"]["url"]


# Hostile values in the record's fields, each with what a reader of the file must get back: the
# same words, on one line. (field, value, what the parsers return).
HOSTILE = [
    ("summary", 'Report.\nER  - \nTY  - JOUR\nTI  - A forged second item\n', "Report. ER - TY - JOUR TI - A forged second item"),
    ("summary", "Line one\r\nER  - \rline\u2028two\u2029three\x85four\x0bfive\x0csix", "Line one ER - line two three four five six"),
    ("title", "TY  - JOUR", "TY - JOUR"),
    ("title", "Letter 5} of 9", "Letter 5} of 9"),
    ("title", "An { open brace", "An { open brace"),
    ("title", "}{ backwards {{ and }}}", "}{ backwards {{ and }}}"),
    ("title", r"C:\new\table and \textbf{bold} \\", r"C:\new\table and \textbf{bold} \\"),
    ("title", "100% & $5 #1 a_b ~ c", "100% & $5 #1 a_b ~ c"),
    ("title", "A tab\tand a NUL\x00 and a bell\x07", "A tab and a NUL and a bell"),
    ("title", "@misc{forged, title={x}}", "@misc{forged, title={x}}"),
    ("translator", "Gary } Goldberg", "Goldberg, Gary }"),
]


@pytest.fixture(scope="module")
def document():
    return load_edition(ROOT / "data").document


@pytest.mark.parametrize("field, value, expected", HOSTILE, ids=[f"{f}:{v[:18]!r}" for f, v, _ in HOSTILE])
def test_no_value_breaks_or_forges_a_record(document, field, value, expected):
    hostile = document.model_copy(update={field: value})
    records = rispy.loads(citation.ris(hostile))
    assert len(records) == 1, "one record, whatever a value holds"
    library = _bib(citation.bibtex(hostile, "mao1949"))
    assert len(library.entries) == 1 and library.entries[0].key == "mao1949"
    if field == "summary":
        assert records[0]["abstract"] == expected
    elif field == "title":
        assert records[0]["title"] == expected
        assert library.entries[0]["title"] == expected
    else:
        assert records[0]["subsidiary_authors"] == [expected]
        (translator,) = library.entries[0]["translator"]
        assert (translator.last, translator.first[0]) == (["Goldberg"], "Gary")


def test_tex_characters_are_written_as_zoteros_bibtex_translator_writes_them(document):
    """`^ < | >` decode to other characters in pylatexenc, so they are checked against the spelling
    of Zotero's BibTeX.js (`alwaysMap`), which its import reads back."""
    hostile = document.model_copy(update={"title": "x^2 <a|b>"})
    library = _bib(citation.bibtex(hostile, "k"))
    assert len(library.entries) == 1
    line = next(line for line in citation.bibtex(hostile, "k").splitlines() if line.strip().startswith("title"))
    assert r"x{\textasciicircum}2 {\textless}a{\textbar}b{\textgreater}" in line


def test_the_hostile_table_would_have_caught_the_old_files(document):
    """Negative control: the old writers (RIS values as typed; BibTeX braces escaped with a
    backslash, which BibTeX still counts) fail the checks above."""
    forged = "".join(f"{t}  - {v}\n" for t, v in [("TY", "MANSCPT"), ("AB", HOSTILE[0][1]), ("ER", "")])
    assert len(rispy.loads(forged)) == 2
    old = "@misc{k,\n  title = {Letter 5\\} of 9}\n}\n"
    assert bibtexparser.parse_string(old).failed_blocks or "5} of 9" not in str(bibtexparser.parse_string(old).entries)


# --- the tags in the pages ----------------------------------------------------------------------

def _meta(soup: BeautifulSoup) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for tag in soup.find_all("meta"):
        name = tag.get("name") or tag.get("property")
        if name and tag.get("content") is not None:
            found.setdefault(name, []).append(tag["content"])
    return found


@pytest.mark.parametrize("page", ["text", "about"])
def test_zotero_reads_the_document_as_a_manuscript_with_its_translator(site, page):
    meta = _meta(_soup(site, page))
    assert meta["citation_title"] == [DOCUMENT["title"]]
    assert meta["citation_date"] == ["1949/10/25"]
    # RDF.js: a DC.type that is a Zotero item type is the item's type (else citation_title alone
    # makes Embedded Metadata guess a journal article).
    assert meta["DC.type"] == ["manuscript"]
    assert meta["DC.creator"] == ["Mao, Zedong"]
    assert meta["z.translators"] == ["Goldberg, Gary"]
    assert meta["DC.coverage"] == [DOCUMENT["archival_citation"].rstrip(".")], "RDF.js: archiveLocation"
    # What Zotero would misread: a journal (citation_journal_title, DC.source as the publication's
    # title) or an author list that replaces the translator (citation_author).
    assert not {"citation_journal_title", "DC.source", "citation_author", "citation_publisher"} & set(meta)


def test_every_page_has_open_graph_tags(site):
    pages = student_pages(site)  # the encrypted instructor edition's pages are not shared
    assert len(pages) >= 20
    for html in pages:
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        if soup.select_one("meta[http-equiv=refresh]") or html.name == "404.html":
            continue  # a retired address, or the page shown for a missing one: neither is shared
        meta = _meta(soup)
        where = html.relative_to(site).as_posix()
        for prop in ("og:type", "og:title", "og:description", "og:site_name"):
            assert len(meta.get(prop, [])) == 1 and meta[prop][0].strip(), f"{where}: {prop}"
        assert meta["og:url"] == [PUBLIC_URL + where.removesuffix("index.html")], where
        assert meta["og:description"] == meta["description"], where
    home = _meta(_soup(site, ""))
    assert home["og:type"] == ["website"] and home["og:title"] == [data("site.yml")["title"]]


def _json_ld(soup: BeautifulSoup) -> list[dict]:
    return [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]


def _graph(found: dict) -> Graph:
    """The JSON-LD as RDF; schema.org's remote context stands in as its vocabulary (no network)."""
    assert found["@context"] == "https://schema.org"
    return Graph().parse(data=json.dumps({**found, "@context": {"@vocab": "https://schema.org/"}}), format="json-ld")


def unknown_terms(graph: Graph) -> list[str]:
    """Types and properties that schema.org does not define (rdflib's SDO vocabulary)."""
    terms = {p for _, p, _ in graph} | {o for _, p, o in graph if p == RDF.type}
    return sorted(str(t) for t in terms if t != RDF.type and URIRef(t) not in SDO)


def test_structured_data_parses_and_uses_real_schema_org_terms(site):
    seen = {}
    for page in ("", "text", "about", "lessons/welcome-or-resistance", "packets/three-versions"):
        (found,) = _json_ld(_soup(site, page))
        graph = _graph(found)
        assert len(graph) >= 5 and not unknown_terms(graph), (page, unknown_terms(graph))
        seen[page] = found
    document = seen["text"]
    assert document["@type"] == "ArchiveComponent" and document["name"] == DOCUMENT["title"]
    assert document["holdingArchive"] == {"@type": "ArchiveOrganization", "name": DOCUMENT["archive_name"]}
    assert document["itemLocation"] == DOCUMENT["archival_citation"].rstrip(".")
    assert (document["author"]["familyName"], document["translator"]["familyName"]) == ("Mao", "Goldberg")
    assert document["dateCreated"] == "1949-10-25"
    lesson = seen["lessons/welcome-or-resistance"]
    spec = next(lesson for lesson in data("lessons.yml")["lessons"] if lesson["id"] == "welcome-or-resistance")
    assert lesson["@type"] == "LearningResource" and lesson["name"] == spec["title"]
    assert lesson["timeRequired"] == f"PT{spec['minutes']}M" and lesson["educationalLevel"] == spec["audience"]
    assert lesson["isBasedOn"]["url"] == DOCUMENT["record"]["url"]
    assert seen["packets/three-versions"]["@type"] == "LearningResource"
    assert seen[""]["@type"] == "WebSite"


def test_the_vocabulary_check_catches_a_made_up_term():
    """Negative control for the schema.org lookup."""
    graph = _graph({"@context": "https://schema.org", "@type": "ArchivalDocument", "holdingArchive": "x", "archiveShelf": "y"})
    assert unknown_terms(graph) == ["https://schema.org/ArchivalDocument", "https://schema.org/archiveShelf"]
