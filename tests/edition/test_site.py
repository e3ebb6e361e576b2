"""This edition's own words and counts on its built site (the kit's checks of any site are in
tests/kit/test_site.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import PUBLIC_URL, ROOT
from tests.site_checks import broken_links


def soup_of(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_the_transcription_is_the_cables_from_its_number_to_its_verification():
    expected = re.split(r"\n\s*\n", (ROOT / "data" / "transcription.txt").read_text(encoding="utf-8").strip())
    assert expected[0] == "CABLE Nº 59442" and expected[-1].startswith("Verified by shift chief")


def test_the_five_layers_and_the_reports_five_sections(site):
    soup = soup_of(site, "text")
    for layer in ("envelope", "cover", "letter", "report", "transmission"):
        assert soup.find(id=layer) is not None, layer
        assert soup.select(f".cbl-layer--{layer} .cbl-para"), layer
    for section in range(1, 6):
        assert soup.find(id=f"report-section-{section}") is not None


def test_the_cables_marks_are_set_apart(site):
    marks = {m.get_text() for m in soup_of(site, "text").select(".cbl-mark[aria-describedby]")}
    for expected in ("[sic]", "[otp.]", "[razvedchiki]", "[them]", "[Cheng]", "[OS – SIC]",
                     "[illegible signature, possible Finenko]"):
        assert expected in marks


def test_over_a_thousand_links_resolve(site):
    problems, checked = broken_links(site, PUBLIC_URL)
    assert not problems and checked > 1000, checked  # every page's navigation, mentions, backlinks and notes


def test_the_about_page_gives_the_cables_record(site):
    soup = soup_of(site, "about")
    record = soup.select_one(".cbl-record").get_text()
    for fact in ("RGASPI, f. 558, op. 11, d. 333, ll. 25-28", "Gary Goldberg", "Top Secret"):
        assert fact in record
    assert "letter-cde-mao-zedong-cde-filippov-stalin-kovalev" in str(soup.select_one(".cbl-record"))
    assert "cable-mao-zedong-comrade-filippov-stalin" in str(soup.select_one(".cbl-other-records"))
    assert len(soup.select(".cbl-chain__step")) >= 5
    assert "welcomes reuse" in soup.select_one(".cbl-rights").get_text()
    meta = {m["name"]: m["content"] for m in soup.find_all("meta", attrs={"name": True})}
    assert meta["citation_title"].startswith("Letter from Cde. Mao Zedong")
    assert meta["DC.coverage"].startswith("RGASPI")


def test_search_index_holds_the_cables_words(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "razvedchiki" in text and "QIJIAOJING" in text


def test_the_home_page_sends_students_to_the_text_and_instructors_to_lessons(site):
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    cards = {c.select_one(".cbl-home__title").get_text(strip=True): c for c in home.select(".cbl-home > ul > li")}
    assert cards["Read the cable"].select_one('a[href="text/"]'), "students: the text first"
    teach = {a["href"] for a in cards["Teach with it"].select("a")}
    assert {"lessons/", "packets/", "questions/"} <= teach, "instructors: lessons, packets, questions"


def test_a_title_with_an_apostrophe_is_shown_as_typed(site):
    """The positive control of the kit's check for escaped characters (tests/kit/test_site.py)."""
    titles = [a.get_text(" ", strip=True) for a in soup_of(site, "lessons").select(".md-nav__link")]
    assert any("PLA's" in t for t in titles), "a title with an apostrophe, as typed"
