"""What reference managers, link previews and search engines read from the site, read by real
parsers: the RIS file by rispy, the BibTeX file by bibtexparser (its LaTeX by pylatexenc), the
JSON-LD by rdflib (every type and property looked up in its schema.org vocabulary), and the meta
tags as Zotero's translators read them (zotero/translators: Embedded Metadata.js and RDF.js; see
macros/views/citation.py for which tag feeds which field).

Run over every site: what each record must say is taken from the site's data/document.yml (this
edition's own values, "Mao, Zedong" and the rest: tests/edition/test_metadata.py).

Before: Zotero would have saved the cable as a journal article by first name "Mao", last name
"Zedong", with the RGASPI reference as its journal and no translator; no page had Open Graph tags
or structured data; a summary holding a line "ER  - " split citation.ris into two records, and a
lone brace in the title made citation.bib unreadable."""

from __future__ import annotations

import json
from datetime import date
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
from tests.conftest import student_pages
from tests.sites import assert_part_absent


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def _bib(text: str):
    library = bibtexparser.parse_string(
        # Names are split before LaTeX is decoded: decoded first, an escaped brace in a name would be read as grouping.
        text, append_middleware=[SeparateCoAuthors(), SplitNameParts(), LatexDecodingMiddleware()])
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    return library


def document_of(site_data) -> dict:
    found = site_data.data("document.yml")
    assert found and found.get("title"), "the site has its document's record"
    return found


def filed(document: dict, role: str) -> tuple[str, str]:
    """(family, given) of the author or translator, as the README tells editors reference managers
    file a name: `<role>_filed_as` ("Mao, Zedong") where given, else the last word is the family name."""
    if document.get(f"{role}_filed_as"):
        family, _, given = document[f"{role}_filed_as"].partition(", ")
        return family, given
    *given, family = document[role].split()
    return family, " ".join(given)


def filed_text(document: dict, role: str) -> str:
    family, given = filed(document, role)
    return f"{family}, {given}" if given else family


def written(document: dict) -> date:
    return date.fromisoformat(str(document["date"]))


# --- the files ----------------------------------------------------------------------------------

def test_the_ris_file_is_one_manuscript_with_its_people_and_archive(site, site_data):
    DOCUMENT = document_of(site_data)  # noqa: N806
    day = written(DOCUMENT)
    records = rispy.loads((site / "about" / "citation.ris").read_text(encoding="utf-8"))
    assert len(records) == 1
    record = records[0]
    assert record["type_of_reference"] == "MANSCPT"
    assert record["title"] == DOCUMENT["title"]
    assert record["authors"] == [filed_text(DOCUMENT, "author")], "family name first, as Zotero files it"
    # rispy names A4 by the RIS specification ("subsidiary authors"); Zotero reads it as the translator.
    if DOCUMENT.get("translator"):
        assert record["subsidiary_authors"] == [filed_text(DOCUMENT, "translator")]
    else:  # a record that names no translator: no A4, rather than an empty or invented one
        assert "subsidiary_authors" not in record
    assert record["date"] == f"{day:%Y/%m/%d}/" and record["year"] == str(day.year)
    assert record["name_of_database"] == DOCUMENT["archive_name"], "DB: Zotero's archive"
    assert record["accession_number"] == DOCUMENT["archival_citation"].rstrip("."), "AN: Zotero's location in the archive"
    assert record["database_provider"] == DOCUMENT["publisher"], "DP: Zotero's library catalogue"
    assert record["urls"] == [DOCUMENT["record"]["url"]]


def test_the_bibtex_file_names_author_and_translator_family_first(site, site_data):
    DOCUMENT = document_of(site_data)  # noqa: N806
    day = written(DOCUMENT)
    library = _bib((site / "about" / "citation.bib").read_text(encoding="utf-8"))
    assert len(library.entries) == 1
    entry = library.entries[0]
    assert entry.entry_type == "misc"
    assert entry["title"] == DOCUMENT["title"]
    roles = ("author", "translator") if DOCUMENT.get("translator") else ("author",)
    assert ("translator" in entry.fields_dict) == ("translator" in roles)
    for role in roles:
        (person,) = entry[role]
        family, given = filed(DOCUMENT, role)
        assert (person.last, person.first) == ([family], given.split()), role
    assert entry["year"] == str(day.year) and entry["month"] == f"{day:%b}".lower() and entry["date"] == day.isoformat()
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


@pytest.fixture
def document(site_data):
    """The site's document, as the build reads it."""
    return load_edition(site_data.data_dir).document


@pytest.mark.parametrize("field, value, expected", HOSTILE, ids=[f"{f}:{v[:18]!r}" for f, v, _ in HOSTILE])
def test_no_value_breaks_or_forges_a_record(document, field, value, expected):
    # The value as typed is what is filed: no `translator_filed_as` of the site's stands in for it.
    hostile = document.model_copy(update={field: value, "translator_filed_as": None})
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


def citation_pages(site_data) -> list[str]:
    """The pages that describe the document (front matter `citation_meta: true`), as paths in the
    built site: the text page among them."""
    pages = sorted(p.removesuffix(".md").removesuffix("index").rstrip("/")
                   for p in site_data.pages if site_data.front_matter(p).get("citation_meta"))
    assert "text" in pages, "the text page carries the document's citation tags"
    return pages


def test_zotero_reads_the_document_as_a_manuscript_with_its_translator(site, site_data):
    pages = citation_pages(site_data)
    for page in pages:
        check_citation_tags(site_data, _meta(_soup(site, page)))
    others = [p for p in student_pages(site) if p.parent.relative_to(site).as_posix() not in pages]
    assert others and not [p for p in others if "citation_title" in _meta(BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser"))], \
        "only the pages that describe the document carry its tags"


def check_citation_tags(site_data, meta: dict[str, list[str]]) -> None:
    DOCUMENT = document_of(site_data)  # noqa: N806
    assert meta["citation_title"] == [DOCUMENT["title"]]
    assert meta["citation_date"] == [f"{written(DOCUMENT):%Y/%m/%d}"]
    # RDF.js: a DC.type that is a Zotero item type is the item's type (else citation_title alone
    # makes Embedded Metadata guess a journal article).
    assert meta["DC.type"] == ["manuscript"]
    assert meta["DC.creator"] == [filed_text(DOCUMENT, "author")]
    if DOCUMENT.get("translator"):
        assert meta["z.translators"] == [filed_text(DOCUMENT, "translator")]
    else:
        assert "z.translators" not in meta, "no translator tag for a record that names none"
    assert meta["DC.coverage"] == [DOCUMENT["archival_citation"].rstrip(".")], "RDF.js: archiveLocation"
    # What Zotero would misread: a journal (citation_journal_title, DC.source as the publication's
    # title) or an author list that replaces the translator (citation_author).
    assert not {"citation_journal_title", "DC.source", "citation_author", "citation_publisher"} & set(meta)


def minimum_pages(site_data) -> int:
    """The fewest pages the site's data makes: home, text, about and the 404 page, one per
    glossary kind, one per packet and one per lesson."""
    return 4 + len(site_data.kinds()) + len(site_data.items("packets.yml", "packets")) + len(site_data.items("lessons.yml", "lessons"))


def test_every_page_has_open_graph_tags(site, site_data):
    pages = student_pages(site)  # the encrypted instructor edition's pages are not shared
    assert len(pages) >= minimum_pages(site_data)
    for html in pages:
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        if soup.select_one("meta[http-equiv=refresh]") or html.name == "404.html":
            continue  # a retired address, or the page shown for a missing one: neither is shared
        meta = _meta(soup)
        where = html.relative_to(site).as_posix()
        for prop in ("og:type", "og:title", "og:description", "og:site_name"):
            assert len(meta.get(prop, [])) == 1 and meta[prop][0].strip(), f"{where}: {prop}"
        assert meta["og:url"] == [site_data.public_url + where.removesuffix("index.html")], where
        assert meta["og:description"] == meta["description"], where
    home = _meta(_soup(site, ""))
    assert home["og:type"] == ["website"] and home["og:title"] == [site_data.data("site.yml")["title"]]


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


def structured_pages(site_data) -> list[str]:
    """Home, the pages that describe the document, and the first lesson and first packet where the site has them."""
    pages = ["", *citation_pages(site_data)]
    packets = site_data.items("packets.yml", "packets")
    lessons = site_data.items("lessons.yml", "lessons") if packets else []
    pages += [f"lessons/{lessons[0]['id']}"] if lessons else []
    pages += [f"packets/{packets[0]['id']}"] if packets else []
    return pages


def test_structured_data_parses_and_uses_real_schema_org_terms(site, site_data):
    DOCUMENT = document_of(site_data)  # noqa: N806
    seen = {}
    for page in structured_pages(site_data):
        (found,) = _json_ld(_soup(site, page))
        graph = _graph(found)
        assert len(graph) >= 5 and not unknown_terms(graph), (page, unknown_terms(graph))
        seen[page] = found
    document = seen["text"]
    assert document["@type"] == "ArchiveComponent" and document["name"] == DOCUMENT["title"]
    assert document["holdingArchive"] == {"@type": "ArchiveOrganization", "name": DOCUMENT["archive_name"]}
    assert document["itemLocation"] == DOCUMENT["archival_citation"].rstrip(".")
    assert document["author"]["familyName"] == filed(DOCUMENT, "author")[0]
    if DOCUMENT.get("translator"):
        assert document["translator"]["familyName"] == filed(DOCUMENT, "translator")[0]
    else:
        assert "translator" not in document
    assert document["dateCreated"] == written(DOCUMENT).isoformat()
    assert seen[""]["@type"] == "WebSite"
    lessons = site_data.items("lessons.yml", "lessons")
    packets = site_data.items("packets.yml", "packets")
    if lessons and packets:  # a lesson is a learning resource where the site has packets to teach from
        lesson = seen[f"lessons/{lessons[0]['id']}"]
        spec = lessons[0]
        assert lesson["@type"] == "LearningResource" and lesson["name"] == spec["title"]
        assert lesson["timeRequired"] == f"PT{spec['minutes']}M" and lesson["educationalLevel"] == spec["audience"]
        assert lesson["isBasedOn"]["url"] == DOCUMENT["record"]["url"]
    else:
        assert not lessons, "lessons without packets"
        assert_part_absent(site, "lessons")
    if packets:
        assert seen[f"packets/{packets[0]['id']}"]["@type"] == "LearningResource"
    else:
        assert_part_absent(site, "packets")


def test_the_vocabulary_check_catches_a_made_up_term():
    """Negative control for the schema.org lookup."""
    graph = _graph({"@context": "https://schema.org", "@type": "ArchivalDocument", "holdingArchive": "x", "archiveShelf": "y"})
    assert unknown_terms(graph) == ["https://schema.org/ArchivalDocument", "https://schema.org/archiveShelf"]
