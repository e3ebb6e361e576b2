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

from tests.conftest import ROOT, assert_clean_build, copy_project, mkdocs_build
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
def test_the_student_handout_holds_everything_a_student_needs(site, lesson):
    spec = next(x for x in lessons() if x["id"] == lesson)
    packet = next(p for p in data("packets.yml")["packets"] if p["id"] == spec["packet"])
    page = soup(site, f"lessons/{lesson}")
    text = page.get_text(" ")
    assert spec["question"] in text
    assert page.select(".cbl-background p"), "the background reading"
    assert len(page.select(".cbl-packet__text .cbl-para")) >= 1, "the passages"
    if packet.get("second_document"):
        excerpt = next(d for d in data("related.yml")["documents"] if d["id"] == packet["second_document"])["excerpt"]
        assert page.select_one(".cbl-document-b__text").get_text(" ").split()[:8] == excerpt["text"].split()[:8]
    assert page.select(".cbl-organizer"), "the charts"
    assert page.select_one(".cbl-assessment__task").get_text(" ", strip=True)
    assert len(page.select(".cbl-rubric th")) == 3
    # Nothing for instructors only reaches the student edition.
    assert not page.select(".cbl-part--plan, .cbl-model-answers, .cbl-instructor-note")
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
        table = soup(site, f"lessons/{spec['id']}").select_one(".cbl-adapted__table")
        rows = {r.th.a["href"].rsplit("#", 1)[1]: r for r in table.select("tbody tr")}
        for sentence in spec["adaptation"]["sentences"]:
            row = rows[sentence["paragraph"]]
            printed, plain = row.find_all("td")
            for br in printed.find_all("br"):
                br.replace_with("\n")
            assert printed.get_text() == paragraphs()[sentence["paragraph"]], "the verbatim text beside it"
            assert sentence["text"] in plain.get_text()
        assert "Adapted" in table.find_previous("p").get_text()


def test_every_packet_has_a_head_note(site):
    packets = data("packets.yml")["packets"]
    assert len(packets) >= 5
    for packet in packets:
        assert packet.get("head_note")
        assert soup(site, f"packets/{packet['id']}").select_one(".cbl-head-note").get_text(strip=True)


def test_the_background_reading_is_sourced_and_linked_to_the_glossary(site):
    background = data("background.yml")
    words = sum(len(re.sub(r"\[\[[^|\]]*\|?([^\]]*)\]\]", r"\1", p["text"]).split()) for p in background["paragraphs"])
    assert 300 <= words <= 480, words
    page = soup(site, "background")
    paragraphs_ = page.select(".cbl-background p")
    assert len(paragraphs_) == len(background["paragraphs"])
    for shown, spec in zip(paragraphs_, background["paragraphs"]):
        cited = [a["href"].rsplit("#", 1)[1] for a in shown.select(".cbl-evidence a")]
        assert cited == [f"src-{s}" for s in spec["sources"]]
    glossary = [a for a in page.select(".cbl-background a") if "/glossary/" in a["href"]]
    assert any(a["href"].endswith("#east-turkestan-republic") for a in glossary), "the East Turkestan Republic is explained"


def test_citations_for_reference_managers_parse(site):
    ris = (site / "about" / "citation.ris").read_text(encoding="utf-8")
    records = {}
    for line in ris.splitlines():
        tag, _, value = line.partition("  - ")
        records.setdefault(tag, []).append(value)
    document = data("document.yml")
    assert records["TY"] == ["MANSCPT"] and records["ER"] == [""]
    assert records["TI"] == [document["title"]] and records["UR"] == [document["record"]["url"]]
    bib = (site / "about" / "citation.bib").read_text(encoding="utf-8")
    entry = re.fullmatch(r"@misc\{(\w+),\n(.*)\n\}\n", bib, re.S)
    assert entry, bib
    fields = dict(re.findall(r"  (\w+) = \{(.*)\},?$", entry.group(2), re.M))
    assert fields["title"] == document["title"] and fields["url"] == document["record"]["url"]
    assert fields["author"] == "{Mao Zedong}", "kept whole, not read as given name and family name"
    about = soup(site, "about")
    assert {a["href"] for a in about.select("a.cbl-download")} == {"citation.ris", "citation.bib"}


def test_a_handout_prints_no_local_address(tmp_path):
    """A build without a public site_url must not print http://127.0.0.1:8000/... on a handout."""
    project = copy_project(tmp_path / "project")
    assert_clean_build(mkdocs_build(project, tmp_path / "site"))
    page = soup(tmp_path / "site", "packets/three-versions")
    assert "127.0.0.1" not in page.select_one(".cbl-packet__source").get_text()


def test_the_offline_copy_works_from_a_folder(tmp_path, browser):
    """`make offline`'s build and zip, unzipped and opened from file://: links work, search finds
    a name, and nothing is requested from another host."""
    import subprocess
    import sys

    project = copy_project(tmp_path / "project")
    (project / "Makefile").write_text((ROOT / "Makefile").read_text(encoding="utf-8"), encoding="utf-8")
    result = subprocess.run(["make", "-s", "offline", f"BIN={Path(sys.executable).parent}", "STAMP=", "OFFLINE_NAME=copy"],
                            cwd=project, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    unzipped = tmp_path / "unzipped"
    with zipfile.ZipFile(project / "build" / "offline" / "copy.zip") as archive:
        archive.extractall(unzipped)
    home = (unzipped / "copy" / "index.html").as_uri()
    context = browser.new_context(viewport={"width": 1400, "height": 900})  # the sidebar is shown
    page = context.new_page()
    offsite, errors = [], []
    page.on("request", lambda r: not r.url.startswith(("file:", "data:")) and offsite.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(home)
    page.click("article a[href='text.html']")  # the home page is a landing: its cards, no sidebar
    assert page.url.endswith("/copy/text.html")
    page.click("a.cbl-term[href*='#hami']")
    assert page.url.endswith("glossary/places.html#hami")
    page.click(".md-search__input")
    page.keyboard.type("Kumul", delay=50)
    page.locator('.md-search-result a[href*="#hami"]').first.wait_for(state="attached", timeout=20000)
    assert not offsite and not errors, (offsite, errors)
    context.close()


def _pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def _print_mode(page, mode: str | None) -> None:
    page.evaluate("mode => mode ? document.documentElement.setAttribute('data-cbl-print', mode)"
                  " : document.documentElement.removeAttribute('data-cbl-print')", mode)
    page.emulate_media(media="print")


def test_the_50_minute_lesson_prints_its_plan_charts_task_and_handout(browser, instructor_server):
    spec = next(x for x in lessons() if x["minutes"] == 50)
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{instructor_server}lessons/{spec['id']}/", wait_until="networkidle")
    assert page.locator("button[data-cbl-print='plan']").is_visible()
    _print_mode(page, "plan")
    assert page.locator(".cbl-plan__steps").is_visible() and page.locator(".cbl-packet__text").is_hidden()
    assert _pdf_pages(page.pdf(format="A4")) == 1, "the plan prints on one page"
    _print_mode(page, "worksheet")
    charts = page.locator(".cbl-organizer").count()
    assert charts >= 1 and page.locator(".cbl-plan").is_hidden()
    assert page.locator(".cbl-organizer .cbl-name-date").first.is_visible(), "lines for a name and a date"
    assert _pdf_pages(page.pdf(format="A4")) == charts, "one page for each chart"
    _print_mode(page, "assessment")
    assert page.locator(".cbl-assessment__task").is_visible() and page.locator(".cbl-model-answers").is_hidden()
    _print_mode(page, None)  # what Ctrl+P prints: the student handout
    assert page.locator(".cbl-packet__text").is_visible() and page.locator(".cbl-plan").is_hidden()
    assert page.locator(".cbl-model-answers").is_hidden() and page.locator(".cbl-instructor-note").first.is_hidden()
    assert _pdf_pages(page.pdf(format="A4")) >= 3
    context.close()


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
