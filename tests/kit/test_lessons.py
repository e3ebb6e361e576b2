"""Lessons as an instructor and a student meet them: one page per lesson with the plan (in the
instructor edition only), the handout (question, background, passages with an adapted version,
Document B, charts, questions, task and rubric), model answers only for instructors; packets and
lessons print as the student handout by default; citations for reference managers; and a copy of
the site that works opened from a folder."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.conftest import OFFLINE_NAME, ROOT, assert_clean_build, copy_project, mkdocs_build
from tests.data_files import data, paragraphs


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def lessons() -> list[dict]:
    return data("lessons.yml")["lessons"]


def test_there_is_a_50_minute_lesson_and_a_90_minute_seminar():
    minutes = sorted(lesson["minutes"] for lesson in lessons())
    assert 50 in minutes and 90 in minutes
    for lesson in lessons():
        assert sum(step["minutes"] for step in lesson["procedure"]) == lesson["minutes"], lesson["id"]


@pytest.mark.parametrize("lesson", [lesson["id"] for lesson in data("lessons.yml")["lessons"]])
def test_nothing_for_instructors_only_reaches_the_student_handout(site, lesson):
    """What the handout holds is tests/test_handouts.py's; here, what it must not hold."""
    spec = next(x for x in lessons() if x["id"] == lesson)
    page = soup(site, f"lessons/{lesson}")
    text = page.get_text(" ")
    assert spec["question"] in text and page.select(".cbl-packet__text .cbl-para")
    assert not page.select(".cbl-part--plan, .cbl-model-answers, .cbl-instructor-note")
    assert spec["assessment"]["model_answers"]
    for answer in spec["assessment"]["model_answers"]:
        assert answer["why"][:60] not in text


def test_the_plan_and_model_answers_are_in_the_instructor_edition(instructor_site):
    assert len(lessons()) >= 2
    for spec in lessons():
        page = soup(instructor_site, f"lessons/{spec['id']}")
        steps = page.select(".cbl-plan__steps tbody tr")
        assert [int(r.td.get_text()) for r in steps] == [s["minutes"] for s in spec["procedure"]]
        answers = page.select_one(".cbl-model-answers").get_text(" ")
        assert len(spec["assessment"]["model_answers"]) >= 2 and all(a["why"].split()[0] in answers for a in spec["assessment"]["model_answers"])


def test_an_adapted_version_stands_beside_the_words_as_printed(site):
    adapted = [x for x in lessons() if x.get("adaptation")]
    assert adapted, "the 50-minute lesson has an adapted version"
    for spec in adapted:
        page = soup(site, f"lessons/{spec['id']}")
        table = page.select_one(".cbl-adapted__table")
        rows = {r.th.a["href"].rsplit("#", 1)[1]: r for r in table.select("tbody tr")}
        for sentence in spec["adaptation"]["sentences"]:
            row = rows[sentence["paragraph"]]
            printed, plain = row.find_all("td")
            for br in printed.find_all("br"):
                br.replace_with("\n")
            assert printed.get_text() == paragraphs()[sentence["paragraph"]], "the verbatim text beside it"
            assert sentence["text"] in plain.get_text()
        assert "Plainer words" in page.select_one(".cbl-adapted__changes").get_text()
        # It is never instead of the words as printed: the handout's own text has every paragraph.
        assert {d["id"] for d in page.select(".cbl-packet__text .cbl-para")} >= set(rows)


def test_every_packet_has_a_head_note(site):
    packets = data("packets.yml")["packets"]
    assert len(packets) >= 5
    for packet in packets:
        assert packet.get("head_note")
        assert soup(site, f"packets/{packet['id']}").select_one(".cbl-head-note").get_text(strip=True)


def test_the_background_reading_is_sourced_and_linked_to_the_glossary(site):
    background = data("background.yml")
    words = sum(len(re.sub(r"\[\[[^|\]]*\|?([^\]]*)\]\]", r"\1", p["text"]).split()) for p in background["paragraphs"])
    assert 300 <= words <= 520, words
    page = soup(site, "background")
    paragraphs_ = page.select(".cbl-background:not(.cbl-background--plain) > p")
    assert len(paragraphs_) == len(background["paragraphs"])
    for shown, spec in zip(paragraphs_, background["paragraphs"]):
        cited = [a["href"].rsplit("#", 1)[1] for a in shown.select(".cbl-evidence a")]
        assert cited == [f"src-{s}" for s in spec["sources"]]
    glossary = [a for a in page.select(".cbl-background a") if "/glossary/" in a["href"]]
    assert any(a["href"].endswith("#east-turkestan-republic") for a in glossary), "the East Turkestan Republic is explained"


def test_the_about_page_links_the_citation_files(site):
    """Their content is read by real parsers in tests/test_metadata.py."""
    about = soup(site, "about")
    assert {a["href"] for a in about.select("a.cbl-download")} == {"citation.ris", "citation.bib"}
    assert (site / "about" / "citation.ris").is_file() and (site / "about" / "citation.bib").is_file()


def test_a_handout_prints_no_local_address(tmp_path):
    """A build without a public site_url must not print http://127.0.0.1:8000/... on a handout."""
    project = copy_project(tmp_path / "project")
    assert_clean_build(mkdocs_build(project, tmp_path / "site"))
    page = soup(tmp_path / "site", "packets/three-versions")
    assert "127.0.0.1" not in page.select_one(".cbl-packet__source").get_text()


def test_the_offline_copy_works_from_a_folder(site, tmp_path, browser):
    """The offline copy's zip as `make build` publishes it, unzipped and opened from file://:
    links work, search finds a name, and nothing is requested from another host."""
    unzipped = tmp_path / "unzipped"
    with zipfile.ZipFile(site / "download" / f"{OFFLINE_NAME}.zip") as archive:
        archive.extractall(unzipped)
    home = (unzipped / OFFLINE_NAME / "index.html").as_uri()
    context = browser.new_context(viewport={"width": 1400, "height": 900})  # the sidebar is shown
    page = context.new_page()
    offsite, errors = [], []
    page.on("request", lambda r: not r.url.startswith(("file:", "data:")) and offsite.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(home)
    page.click("article a[href='text.html']")  # the home page is a landing: its cards, no sidebar
    assert page.url.endswith(f"/{OFFLINE_NAME}/text.html")
    page.click("a.cbl-term[href*='#hami']")
    assert page.url.endswith("glossary/places.html#hami")
    page.click(".md-search__input")
    page.keyboard.type("Kumul", delay=50)
    page.locator('.md-search-result a[href*="#hami"]').first.wait_for(state="attached", timeout=20000)
    assert not offsite and not errors, (offsite, errors)
    context.close()


def _print_mode(page, mode: str | None) -> None:
    page.evaluate("mode => mode ? document.documentElement.setAttribute('data-cbl-print', mode)"
                  " : document.documentElement.removeAttribute('data-cbl-print')", mode)
    page.emulate_media(media="print")


def test_a_packet_printed_from_the_instructor_edition_is_the_student_handout(browser, instructor_server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{instructor_server}packets/three-versions/", wait_until="networkidle")
    notes = page.locator(".cbl-instructor-note")
    assert notes.count() >= 1 and notes.first.is_visible(), "the notes are on screen"
    _print_mode(page, None)
    assert notes.first.is_hidden(), "but not on the handout"
    _print_mode(page, "instructor")
    assert notes.first.is_visible(), "the instructor copy is a separate print"
    context.close()
