"""This edition's categories, questions, notes and sources by number, and a packet of its own
added to its data (the kit's teaching checks of every site: tests/kit/test_teaching.py)."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import assert_clean_build, copy_project, mkdocs_build
from tests.data_files import data
from tests.kit.test_teaching import add_a_packet, matrix_cells, note_snippets
from tests.sites import SITES


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_three_categories_each_with_two_quotations_and_its_conduct_first(site):
    categories = data("categories.yml")
    assert len(categories["categories"]) == 3
    cells = matrix_cells(site, categories)
    for category in categories["categories"]:
        assert sum(len(c.find_all("q")) for c in cells[category["id"]].values()) >= 2, category["id"]
        assert category["quotes"]["conduct"][0]["quote"] in cells[category["id"]]["What the units did"].get_text()


def test_the_report_states_a_policy_for_the_first_two_categories_only(site):
    cells = matrix_cells(site, data("categories.yml"))
    silent = [c for c, row in cells.items() if "No policy is stated" in row["Stated policy"].get_text()]
    assert silent == ["third"]


def test_at_least_24_questions():
    assert len(data("questions.yml")["questions"]) >= 24


def test_at_least_8_sections_link_to_their_questions(site):
    assert len(soup(site, "text").select(".cbl-section-questions a")) >= 8


def test_at_least_40_instructor_texts_can_be_looked_for():
    assert len(note_snippets(SITES["edition"])) >= 40


def test_at_least_20_questions_have_a_note_for_instructors():
    assert len([q for q in data("questions.yml")["questions"] if q.get("instructor_notes")]) >= 20


def test_the_sources_page_lists_at_least_100_sources(site):
    assert len(soup(site, "sources").select("ul.cbl-sources > li")) >= 100


def test_a_packet_on_discipline_added_to_the_data_becomes_a_page(tmp_path):
    project = copy_project(tmp_path / "project")
    add_a_packet(project, {
        "id": "test-packet-discipline",
        "title": "Discipline in section 5",
        "brief": "Read section 5 and the signatures.",
        "head_note": "The report ends with orders on discipline and with the names of its two signers.",
        "passages": ["report-section-5", "signature-guo-peng"],
        "questions": ["close-discipline"],
    })
    assert_clean_build(mkdocs_build(project, tmp_path / "site"))
    page = soup(tmp_path / "site", "packets/test-packet-discipline")
    assert page.h1.get_text(strip=True).startswith("Discipline in section 5")
    assert page.select_one(".cbl-head-note").get_text(" ", strip=True).startswith("The report ends with orders")
    shown = [d["id"] for d in page.select(".cbl-packet__text .cbl-para")]
    assert shown == ["s5-discipline", "s5-quartermaster", "signature-guo-peng"]
    assert len(page.select("ol.cbl-handout-questions > li")) == 1
    assert page.select_one('a.cbl-term[href$="#liang"]'), "mentions link to the glossary"
    listing = soup(tmp_path / "site", "packets")
    assert listing.select_one('.cbl-packets a[href$="test-packet-discipline/"]')
    assert listing.select_one('nav a[href$="test-packet-discipline/"]'), "the packet is in the navigation"
