"""This edition's record as reference managers and search engines read it: its names as Zotero
files them, its date, its lesson and packet (the kit's checks of any site's records are in
tests/kit/test_metadata.py)."""

from __future__ import annotations

import rispy

from tests.conftest import student_pages
from tests.kit.test_metadata import _bib, _json_ld, _meta, _soup, citation_pages
from tests.sites import SITES


def test_the_ris_file_files_mao_and_goldberg_family_name_first(site):
    (record,) = rispy.loads((site / "about" / "citation.ris").read_text(encoding="utf-8"))
    assert record["authors"] == ["Mao, Zedong"], "a Chinese name: the family name comes first"
    assert record["subsidiary_authors"] == ["Goldberg, Gary"]
    assert record["date"] == "1949/10/25/" and record["year"] == "1949"


def test_the_bibtex_file_names_mao_and_goldberg(site):
    (entry,) = _bib((site / "about" / "citation.bib").read_text(encoding="utf-8")).entries
    (author,) = entry["author"]
    assert (author.last, author.first) == (["Mao"], ["Zedong"])
    (translator,) = entry["translator"]
    assert (translator.last, translator.first) == (["Goldberg"], ["Gary"])
    assert entry["year"] == "1949" and entry["month"] == "oct" and entry["date"] == "1949-10-25"


def test_the_text_and_about_pages_describe_the_cable():
    assert citation_pages(SITES["edition"]) == ["about", "text"]


def test_zotero_reads_mao_goldberg_and_the_date(site):
    for page in ("text", "about"):
        meta = _meta(_soup(site, page))
        assert meta["citation_date"] == ["1949/10/25"]
        assert meta["DC.creator"] == ["Mao, Zedong"] and meta["z.translators"] == ["Goldberg, Gary"]


def test_over_twenty_pages_are_shared_with_open_graph_tags(site):
    assert len(student_pages(site)) >= 20


def test_structured_data_of_the_cable_its_lesson_and_its_packet(site):
    (document,) = _json_ld(_soup(site, "text"))
    assert (document["author"]["familyName"], document["translator"]["familyName"]) == ("Mao", "Goldberg")
    assert document["dateCreated"] == "1949-10-25"
    (lesson,) = _json_ld(_soup(site, "lessons/welcome-or-resistance"))
    assert lesson["@type"] == "LearningResource" and lesson["timeRequired"] == "PT50M"
    (packet,) = _json_ld(_soup(site, "packets/three-versions"))
    assert packet["@type"] == "LearningResource"
