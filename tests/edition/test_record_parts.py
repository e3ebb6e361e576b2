"""A record that does not give every part (no translator, no classification, no address...) is
valid, and every way of citing it leaves the missing part out with its punctuation: no "None", no
"Translated by .", no doubled or dangling comma. The table takes the seed's record, removes one
optional field at a time (then all of them), and checks each format against strings written by
hand from the style's rules, and the files with the real parsers (rispy, bibtexparser, rdflib's
schema.org vocabulary). The seed's own citations are pinned, word for word, as they were before
these parts became optional."""

from __future__ import annotations

import re
import shutil

import pytest
import rispy
import yaml
from bs4 import BeautifulSoup

from macros.render.source import render_chain, render_citations, render_record, render_rights
from macros.templating.environment import Renderer
from macros.views import citation
from macros.views.load import load_edition
from tests.conftest import FIXTURE, ROOT
from tests.kit.test_metadata import _bib, _graph, unknown_terms

# The seed's record, in the words of data/document.yml (typed here, not read from it).
TITLE = "Letter from Cde. Mao Zedong to Cde. Filippov [Stalin] via Kovalev"
URL = "https://digitalarchive.wilsoncenter.org/document/letter-cde-mao-zedong-cde-filippov-stalin-kovalev"
PLACE = "RGASPI, f. 558, op. 11, d. 333, ll. 25-28"
ARCHIVE = "Russian State Archive of Socio-Political History (RGASPI), Moscow"
PUBLISHER = "Wilson Center Digital Archive"
PROGRAM = "History and Public Policy Program"

OPTIONAL = ("author", "recipient", "summary", "archival_citation", "archive_name", "translator", "original_language",
            "original_classification", "publisher", "program", "rights", "record", "chain")

# (what is missing, Chicago note, MLA works-cited entry). Chicago: “Title,” date, publisher, place
# in the archive. Translated by …. Address. MLA: “Title.” Date. Translated by …, place. Publisher,
# program, address without https://. A part that is missing goes with the comma or sentence it
# needed; a sentence left with nothing in it goes too.
CITED = [
    ((), f"“{TITLE},” October 25, 1949, {PUBLISHER}, {PLACE}. Translated by Gary Goldberg. {URL}.",
     f"“{TITLE}.” 25 Oct. 1949. Translated by Gary Goldberg, {PLACE}. {PUBLISHER}, {PROGRAM}, {URL[8:]}."),
    (("translator",), f"“{TITLE},” October 25, 1949, {PUBLISHER}, {PLACE}. {URL}.",
     f"“{TITLE}.” 25 Oct. 1949. {PLACE}. {PUBLISHER}, {PROGRAM}, {URL[8:]}."),
    (("archival_citation",), f"“{TITLE},” October 25, 1949, {PUBLISHER}. Translated by Gary Goldberg. {URL}.",
     f"“{TITLE}.” 25 Oct. 1949. Translated by Gary Goldberg. {PUBLISHER}, {PROGRAM}, {URL[8:]}."),
    (("publisher",), f"“{TITLE},” October 25, 1949, {PLACE}. Translated by Gary Goldberg. {URL}.",
     f"“{TITLE}.” 25 Oct. 1949. Translated by Gary Goldberg, {PLACE}. {PROGRAM}, {URL[8:]}."),
    (("program",), f"“{TITLE},” October 25, 1949, {PUBLISHER}, {PLACE}. Translated by Gary Goldberg. {URL}.",
     f"“{TITLE}.” 25 Oct. 1949. Translated by Gary Goldberg, {PLACE}. {PUBLISHER}, {URL[8:]}."),
    (("record",), f"“{TITLE},” October 25, 1949, {PUBLISHER}, {PLACE}. Translated by Gary Goldberg.",
     f"“{TITLE}.” 25 Oct. 1949. Translated by Gary Goldberg, {PLACE}. {PUBLISHER}, {PROGRAM}."),
    (("translator", "archival_citation"), f"“{TITLE},” October 25, 1949, {PUBLISHER}. {URL}.",
     f"“{TITLE}.” 25 Oct. 1949. {PUBLISHER}, {PROGRAM}, {URL[8:]}."),
    (("publisher", "program", "record"), f"“{TITLE},” October 25, 1949, {PLACE}. Translated by Gary Goldberg.",
     f"“{TITLE}.” 25 Oct. 1949. Translated by Gary Goldberg, {PLACE}."),
    (OPTIONAL, f"“{TITLE},” October 25, 1949.", f"“{TITLE}.” 25 Oct. 1949."),
]
# The fields neither style names: removing one leaves both citations as they were.
CITED += [((name,), CITED[0][1], CITED[0][2])
          for name in ("author", "recipient", "summary", "archive_name", "original_language", "original_classification", "rights", "chain")]

# Where each optional field shows in the other formats: the RIS tag (as rispy names it), the meta
# tags, the JSON-LD property, the row of the About page's record.
RIS = {"author": "authors", "translator": "subsidiary_authors", "archive_name": "name_of_database",
       "archival_citation": "accession_number", "publisher": "database_provider", "summary": "abstract", "record": "urls"}
META = {"summary": ["citation_abstract", "DC.description"], "record": ["citation_public_url"], "author": ["DC.creator"],
        "translator": ["z.translators"], "archival_citation": ["DC.coverage"], "rights": ["DC.rights"]}
JSON_LD = {"summary": "description", "author": "author", "translator": "translator", "archive_name": "holdingArchive",
           "archival_citation": "itemLocation", "record": "url", "publisher": "publisher"}
ROWS = {"author": "From", "recipient": "To", "archive_name": "Archive", "archival_citation": "Archival citation",
        "original_language": "Language of the original", "translator": "Translated by",
        "original_classification": "Original classification", "record": "Record reproduced here", "summary": "The archive’s summary"}
ALL_ROWS = ["Title (the archive’s)", "Date", "From", "To", "Archive", "Archival citation", "Language of the original",
            "Translated by", "Original classification", "Published by", "Record reproduced here", "The archive’s summary"]


@pytest.fixture(scope="module")
def edition():
    return load_edition(ROOT / "data")


def without(edition, missing: tuple[str, ...]):
    update = {name: ([] if name in ("rights", "chain") else None) for name in missing}
    return edition.document.model_copy(update=update)


class _WithDocument:
    """The seed's edition with another record: what the About page's templates are given."""

    def __init__(self, edition, document):
        self._edition, self.document = edition, document

    def __getattr__(self, name):
        return getattr(self._edition, name)


def _renderer(edition, document) -> Renderer:
    return Renderer(_WithDocument(edition, document), instructor=False, site_url="https://example.org/site/")


def _no_gap(text: str, where: str) -> None:
    for bad in ("None", ", ,", ",.", " .", "..", ", \n", "by .", "by ,", "  "):
        assert bad not in text, f"{where}: {bad!r} in {text!r}"


def test_the_table_covers_every_optional_field(edition):
    """Every field of the record but the title and the date may be left out (so the table's list is the model's)."""
    from macros.files.models.document import Document

    required = [name for name, field in Document.model_fields.items() if field.is_required()]
    assert required == ["title", "date"]
    assert set(OPTIONAL) <= set(Document.model_fields) and all(getattr(edition.document, f) for f in OPTIONAL)


@pytest.mark.parametrize("missing, chicago, mla", CITED, ids=["+".join(m) if len(m) < 5 else "all" for m, _, _ in CITED])
def test_each_citation_leaves_out_what_the_record_does_not_give(edition, missing, chicago, mla):
    doc = without(edition, missing)
    assert citation.chicago(doc) == chicago
    assert citation.mla(doc) == mla

    ris_text = citation.ris(doc)
    _no_gap(ris_text.replace("  - ", " - "), "RIS")
    (record,) = rispy.loads(ris_text)
    assert record["title"] == TITLE and record["date"] == "1949/10/25/" and record["type_of_reference"] == "MANSCPT"
    for name, key in RIS.items():
        assert (key in record) == (name not in missing), (name, key)
    if "author" not in missing:
        assert record["authors"] == ["Mao, Zedong"]

    library = _bib(citation.bibtex(doc, citation.bibtex_key(doc)))
    (entry,) = library.entries
    assert entry.key == ("maozedong1949" if "author" not in missing else "letter1949")
    assert entry["title"] == TITLE and entry["year"] == "1949" and entry["month"] == "oct"
    assert ("author" in entry.fields_dict) == ("author" not in missing)
    assert ("translator" in entry.fields_dict) == ("translator" not in missing)
    assert ("url" in entry.fields_dict) == ("record" not in missing)
    note = {(): f"{ARCHIVE}, {PLACE}", ("archive_name",): PLACE, ("archival_citation",): ARCHIVE}
    held = tuple(n for n in ("archive_name", "archival_citation") if n in missing)
    assert entry.fields_dict["note"].value == note[held] if len(held) < 2 else "note" not in entry.fields_dict
    published = {(): f"{PUBLISHER}, {PROGRAM}", ("publisher",): PROGRAM, ("program",): PUBLISHER}
    gone = tuple(n for n in ("publisher", "program") if n in missing)
    assert entry.fields_dict["howpublished"].value == published[gone] if len(gone) < 2 else "howpublished" not in entry.fields_dict
    for value in (f.value for f in entry.fields):
        _no_gap(str(value), f"BibTeX {value!r}")

    tags = dict(citation.meta_tags(doc))
    for name, names in META.items():
        for tag in names:
            assert (tag in tags) == (name not in missing), tag
    assert all(value and value.strip() for value in tags.values())

    found = citation.json_ld(doc, "https://example.org/site/text/")
    for name, key in JSON_LD.items():
        assert (key in found) == (name not in missing), key
    graph = _graph(found)
    assert not unknown_terms(graph) and "None" not in str(found)


@pytest.mark.parametrize("missing, _chicago, _mla", CITED, ids=["+".join(m) if len(m) < 5 else "all" for m, _, _ in CITED])
def test_the_about_page_shows_only_the_parts_the_record_gives(edition, missing, _chicago, _mla):
    renderer = _renderer(edition, without(edition, missing))
    record = BeautifulSoup(render_record(renderer, "about/"), "html.parser")
    rows = [th.get_text() for th in record.select("th")]
    expected = [row for row in ALL_ROWS if not any(ROWS.get(name) == row for name in missing)]
    if "publisher" in missing and "program" in missing:
        expected.remove("Published by")
    assert rows == expected
    cells = {th.get_text(): th.find_next_sibling("td").get_text() for th in record.select("th")}
    if "Published by" in cells:
        assert cells["Published by"] == {(): f"{PUBLISHER}, {PROGRAM}", ("publisher",): PROGRAM, ("program",): PUBLISHER}[
            tuple(n for n in ("publisher", "program") if n in missing)]
    cited = BeautifulSoup(render_citations(renderer, "about/", []), "html.parser")
    assert [p.get_text() for p in cited.select(".cbl-citation__text")] == [_chicago, _mla]
    rights = BeautifulSoup(render_rights(renderer, "about/"), "html.parser")
    chain = BeautifulSoup(render_chain(renderer, "about/"), "html.parser")
    for part in (record, cited, rights, chain):
        for element in part.find_all(["td", "p", "li"]):
            _no_gap(element.get_text(), "About")
    assert bool(rights.select("blockquote p")) == ("rights" not in missing)
    paragraphs = [p.get_text() for p in rights.find_all("p", recursive=False)]
    lead = "The archive’s rights statement for this document:"  # before the statement, only with one
    assert (lead in paragraphs) == ("rights" not in missing)
    contact = " ".join(p for p in paragraphs if p != lead)
    if "record" in missing and "program" in missing:
        assert contact == ""
    elif "record" in missing:
        assert contact == f"To ask about rights or commercial use, contact the {PROGRAM}."
    elif "program" in missing:
        assert contact == "To ask about rights or commercial use, contact the archive through its record."
    else:
        assert contact == f"To ask about rights or commercial use, contact the {PROGRAM} through the archive’s record."
    assert len(chain.select("li")) == (0 if "chain" in missing else len(edition.document.chain))


def test_the_seed_editions_citations_are_unchanged(edition):
    """Written out in full, as the site printed them before the record's parts became optional."""
    doc = edition.document
    assert citation.chicago(doc) == (
        "“Letter from Cde. Mao Zedong to Cde. Filippov [Stalin] via Kovalev,” October 25, 1949, Wilson Center Digital "
        "Archive, RGASPI, f. 558, op. 11, d. 333, ll. 25-28. Translated by Gary Goldberg. "
        "https://digitalarchive.wilsoncenter.org/document/letter-cde-mao-zedong-cde-filippov-stalin-kovalev."
    )
    assert citation.mla(doc) == (
        "“Letter from Cde. Mao Zedong to Cde. Filippov [Stalin] via Kovalev.” 25 Oct. 1949. Translated by Gary Goldberg, "
        "RGASPI, f. 558, op. 11, d. 333, ll. 25-28. Wilson Center Digital Archive, History and Public Policy Program, "
        "digitalarchive.wilsoncenter.org/document/letter-cde-mao-zedong-cde-filippov-stalin-kovalev."
    )
    assert citation.bibtex_key(doc) == "maozedong1949"
    assert citation.ris(doc).splitlines()[:4] == [
        "TY  - MANSCPT", "TI  - Letter from Cde. Mao Zedong to Cde. Filippov [Stalin] via Kovalev",
        "AU  - Mao, Zedong", "A4  - Goldberg, Gary",
    ]
    assert "  note = {Russian State Archive of Socio-Political History (RGASPI), Moscow, RGASPI, f. 558, op. 11, d. 333, ll. 25-28}," \
        in citation.bibtex(doc, "maozedong1949").splitlines()


def test_a_record_with_only_a_title_and_a_date_is_valid_data(tmp_path):
    """Through the real reader and every check: the fictional fixture's record cut to its title and date."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE / "data", data)
    record = yaml.safe_load((data / "document.yml").read_text(encoding="utf-8"))
    assert {"title", "date", "archival_citation", "chain"} <= set(record)
    (data / "document.yml").write_text(yaml.safe_dump({"title": record["title"], "date": record["date"]}), encoding="utf-8")
    document = load_edition(data).document
    assert (document.title, document.translator, document.record, document.chain) == (record["title"], None, None, [])
    assert re.fullmatch(r"“[^“”]+,” March 14, 1402\.", citation.chicago(document))
