"""A site for another document builds from the same kit with no change to code or pages: the
fictional document's data/ (tests/fixtures/fictional-document) with the project's macros/,
overrides/, mkdocs.yml and docs/, unchanged, built with --strict, exactly as an instructor who
forks the project for another document would. Nothing of this cable is on its pages, and a part
it has no data for shows neither a heading nor a word about it."""

from __future__ import annotations

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


# Words of Cable 59442 that a page of another document must not carry (its noun is "letter").
CABLE_WORDS = re.compile(r"\b(?:[Cc]ables?|Hami|Mao|Xinjiang|59442|Kovalev|Stalin|Filippov|PLA|Peking|Moscow|1949)\b")


def cable_words(text: str) -> list[str]:
    return sorted(set(CABLE_WORDS.findall(text)))


def test_no_word_of_the_first_document_and_no_broken_link(fictional):
    """The negative control: nothing of Cable 59442 leaks into a site about another document,
    neither from the pages of docs/ nor from the code: not in a page, a description, a title or
    the search index."""
    pages = sorted(fictional.rglob("*.html"))
    assert len(pages) >= 12
    for html in pages:
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        found = cable_words(soup.get_text(" ") + " ".join(m.get("content", "") for m in soup.find_all("meta")))
        assert not found, f"{html.relative_to(fictional)}: {found}"
    assert not cable_words((fictional / "search" / "search_index.json").read_text(encoding="utf-8"))
    problems, checked = broken_links(fictional, PUBLIC)
    assert not problems and checked > 20, problems


# What a page would say about a part that the fictional document has no data for: the part's own
# name, its heading, or a sentence about it. (part, words that give it away)
ABSENT_PARTS = [
    ("chronology", r"[Cc]hronology|[Tt]imeline|journey"),
    ("categories", r"[Cc]ategor"),
    ("related documents", r"Related documents|alongside|second (?:document|source)"),
    ("background", r"[Bb]ackground"),
    ("lessons", r"Lessons|lesson plan|each lesson|lesson’s"),
    ("the map's route", r"\broute\b"),
    ("the home page's significance and cards", r"Why it matters|Where to start"),
]


def _content(site: Path) -> dict[str, str]:
    found = {}
    for html in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        content = soup.select_one(".md-content")
        if content is not None:
            description = soup.select_one('meta[name="description"]')
            found[html.relative_to(site).as_posix()] = content.get_text(" ") + " " + (description["content"] if description else "")
    return found


@pytest.mark.parametrize("part, words", ABSENT_PARTS, ids=[p for p, _ in ABSENT_PARTS])
def test_a_part_without_data_is_not_mentioned(fictional, part, words):
    """No heading, no opening, no description speaks of a part the site has no data for. (The
    positive control, the same words on this edition's pages, which have the parts: in
    tests/edition/test_second_document.py.)"""
    pages = _content(fictional)
    assert len(pages) >= 10
    mentions = {page: sorted(set(re.findall(words, text))) for page, text in pages.items() if re.search(words, text)}
    assert not mentions, f"{part}: {mentions}"


def test_the_ordinary_word_received_is_not_a_link_in_its_instructor_note(tmp_path):
    project = assemble(tmp_path / "project")
    assert_clean_build(mkdocs_build(project, tmp_path / "site", edition="instructor"))
    note = soup(tmp_path / "site", "questions").select_one("#q-who-wrote .cbl-instructor-note")
    assert [a.get_text() for a in note.find_all("a")] == ["¶\u00a05"]
    assert "the word received is not a link" in note.get_text()


def test_its_pages_speak_of_it_in_its_own_words(fictional):
    """The pages' words come from its data: its noun ("letter"), its layers, its title; where its
    site.yml gives no short name, descriptions call it "the letter", and where its record names no
    translator, what the site reproduces is "the archive’s text" (not a translation)."""
    text = soup(fictional, "text")
    note = " ".join(text.select_one(".cbl-how-to-read .cbl-reading-note").get_text().split())
    assert note.startswith("The letter is in two framed layers, each with its colour and label: “Anselm’s letter” and "
                           "“The clerk’s endorsement”.")
    assert text.select_one('meta[name="description"]')["content"] == (
        "The full text of the letter, 14 March 1402: the archive’s text, word for word, with its layers, "
        "brackets and names explained.")
    home = soup(fictional, "")
    assert " ".join(home.select_one("h1").get_text().split()) == "The Oakmere letter (a fictional test document)¶"
    assert [" ".join(p.get_text().split()) for p in home.select("article > p")] == [
        "This site reproduces the archive’s text word for word, in 6 numbered paragraphs, and explains where it comes from.",
        "Start with the text."]  # its site.yml gives the home page no cards: the opening points to the text
    glossary = " ".join(soup(fictional, "glossary").select_one("article > p").get_text().split())
    assert glossary.startswith("Every person and place that the letter names has an entry.") and "who or what it was in 1402" in glossary
