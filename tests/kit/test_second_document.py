"""A site for another document builds from the same kit with no change to code: the fictional
document in tests/fixtures/fictional-document (its data/ and docs/ pages) with the project's
macros/, overrides/, docs/assets/ and mkdocs.yml, built with --strict, exactly as an instructor
who forks the project for another document would."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import FIXTURE_PUBLIC_URL, assemble, assert_clean_build, mkdocs_build
from tests.site_checks import broken_links

PUBLIC = FIXTURE_PUBLIC_URL


@pytest.fixture
def fictional(fictional_site) -> Path:
    return fictional_site


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_its_text_is_shown_word_for_word(fictional):
    texts = []
    for element in soup(fictional, "text").select(".cbl-para__text"):
        for br in element.find_all("br"):
            br.replace_with("\n")
        texts.append(element.get_text())
    assert texts[0] == "To the Reverend Prior of OAKMERE, greeting."
    assert texts[1].endswith("to the second beam [sic].")
    assert texts[-1] == "[illegible name], clerk"
    assert len(texts) == 6
    assert soup(fictional, "text").select_one(".cbl-para .cbl-mark--illegible").get_text() == "[illegible name]"


def test_its_glossary_links_back_to_every_mention(fictional):
    places = soup(fictional, "glossary/places")
    facts = places.find(id="oakmere").find_next_sibling(class_="cbl-entry")
    mentioned = [a["href"].rsplit("#", 1)[1] for a in facts.find("dt", string="Mentioned in").find_next("dd").find_all("a")]
    assert mentioned == ["greeting", "received"]
    assert "In 1402" in facts.get_text(), "the identification label comes from its site.yml"
    people = soup(fictional, "glossary/people")
    assert "Not printed in the letter" in people.find(id="saint-gregory").find_next_sibling(class_="cbl-entry").get_text()


def test_its_packet_is_a_page_in_the_navigation(fictional):
    page = soup(fictional, "packets/the-flood")
    assert [p["id"] for p in page.select(".cbl-packet__text .cbl-para")] == ["greeting", "flood", "request", "signature", "received", "clerk"]
    assert len(page.select("ol.cbl-handout-questions > li")) == 2
    assert f"{PUBLIC}packets/the-flood/" in page.select_one(".cbl-packet__address").get_text()
    assert soup(fictional, "packets").select_one('nav a[href$="the-flood/"]')


def test_parts_without_data_are_left_out(fictional):
    for page in ("chronology", "categories", "related", "lessons"):
        assert not (fictional / page).exists(), page
    nav = " ".join(a["href"] for a in soup(fictional, "").select("nav a[href]"))
    assert "chronology" not in nav and "categories" not in nav and "related" not in nav


def test_no_word_of_the_first_document_and_no_broken_link(fictional):
    """The negative control: nothing of Cable 59442 leaks into a site about another document."""
    for html in fictional.rglob("*.html"):
        text = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").get_text(" ")
        for word in ("cable", "Cable", "Xinjiang", "Stalin", "1949", "Kovalev"):
            assert word not in text, f"{html.relative_to(fictional)}: {word!r}"
    index = json.loads((fictional / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not re.search(r"\b[Cc]able\b", json.dumps(index))
    problems, checked = broken_links(fictional, PUBLIC)
    assert not problems and checked > 20, problems


def test_the_ordinary_word_received_is_not_a_link_in_its_instructor_note(tmp_path):
    project = assemble(tmp_path / "project")
    assert_clean_build(mkdocs_build(project, tmp_path / "site", edition="instructor"))
    note = soup(tmp_path / "site", "questions").select_one("#q-who-wrote .cbl-instructor-note")
    assert [a.get_text() for a in note.find_all("a")] == ["¶\u00a05"]
    assert "the word received is not a link" in note.get_text()
