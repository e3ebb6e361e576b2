"""Lessons as an instructor and a student meet them: one page per lesson with the plan (in the
instructor edition only), the handout (question, background, passages with an adapted version,
Document B, charts, questions, task and rubric), model answers only for instructors; packets and
lessons print as the student handout by default; citations for reference managers; and a copy of
the site that works opened from a folder.

Run over every site, with what each page must show taken from its data; a site without lessons,
packets or a background has no page for them and no link to one. (This edition's lessons, packets
and background, by name and length: tests/edition/test_lessons.py.)"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import OFFLINE_NAME, assert_clean_build, mkdocs_build
from tests.kit.test_browser import a_mentioned_entry
from tests.sites import assert_part_absent, site_items


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def lessons(site_data) -> list[dict]:
    """The lessons the site shows: a lesson is taught from a packet, so none without packets."""
    if not site_data.items("packets.yml", "packets"):
        return []
    return site_data.items("lessons.yml", "lessons")


def lesson_of(site_data, lesson_id: str) -> dict:
    return next(x for x in lessons(site_data) if x["id"] == lesson_id)


LESSONS = site_items("lessons.yml", "lessons")


@pytest.mark.parametrize("site_name, lesson", LESSONS)
def test_a_lessons_steps_add_up_to_its_length(site, site_data, lesson):
    if lesson is None:
        assert_part_absent(site, "lessons")
        return
    spec = lesson_of(site_data, lesson)
    assert spec["procedure"]
    assert sum(step["minutes"] for step in spec["procedure"]) == spec["minutes"], lesson


@pytest.mark.parametrize("site_name, lesson", LESSONS)
def test_nothing_for_instructors_only_reaches_the_student_handout(site, site_data, lesson):
    """What the handout holds is tests/kit/test_handouts.py's; here, what it must not hold."""
    if lesson is None:
        assert_part_absent(site, "lessons")
        return
    spec = lesson_of(site_data, lesson)
    page = soup(site, f"lessons/{lesson}")
    text = page.get_text(" ")
    assert spec["question"] in text and page.select(".cbl-packet__text .cbl-para")
    assert not page.select(".cbl-part--plan, .cbl-model-answers, .cbl-instructor-note")
    assert spec["assessment"]["model_answers"]
    for answer in spec["assessment"]["model_answers"]:
        assert answer["why"][:60] not in text


def test_the_plan_and_model_answers_are_in_the_instructor_edition(instructor_site, site_data):
    if not lessons(site_data):
        assert_part_absent(instructor_site, "lessons")
        return
    for spec in lessons(site_data):
        page = soup(instructor_site, f"lessons/{spec['id']}")
        steps = page.select(".cbl-plan__steps tbody tr")
        assert [int(r.td.get_text()) for r in steps] == [s["minutes"] for s in spec["procedure"]]
        answers = page.select_one(".cbl-model-answers").get_text(" ")
        assert spec["assessment"]["model_answers"]
        assert all(a["why"].split()[0] in answers for a in spec["assessment"]["model_answers"])


def test_an_adapted_version_stands_beside_the_words_as_printed(site, site_data):
    adapted = [x for x in lessons(site_data) if x.get("adaptation")]
    if not adapted:
        # No adaptation in the data: no lesson shows one (and without lessons, no lesson page).
        if not lessons(site_data):
            assert_part_absent(site, "lessons")
        for spec in lessons(site_data):
            assert not soup(site, f"lessons/{spec['id']}").select(".cbl-adapted__table"), spec["id"]
        return
    paragraphs = site_data.paragraphs()
    for spec in adapted:
        page = soup(site, f"lessons/{spec['id']}")
        table = page.select_one(".cbl-adapted__table")
        rows = {r.th.a["href"].rsplit("#", 1)[1]: r for r in table.select("tbody tr")}
        assert spec["adaptation"]["sentences"]
        for sentence in spec["adaptation"]["sentences"]:
            row = rows[sentence["paragraph"]]
            printed, plain = row.find_all("td")
            for br in printed.find_all("br"):
                br.replace_with("\n")
            assert printed.get_text() == paragraphs[sentence["paragraph"]], "the verbatim text beside it"
            assert sentence["text"] in plain.get_text()
        assert "Plainer words" in page.select_one(".cbl-adapted__changes").get_text()
        # It is never instead of the words as printed: the handout's own text has every paragraph.
        assert {d["id"] for d in page.select(".cbl-packet__text .cbl-para")} >= set(rows)


def test_every_packet_has_its_head_note(site, site_data):
    packets = site_data.items("packets.yml", "packets")
    if not packets:
        assert_part_absent(site, "packets")
        return
    for packet in packets:
        assert packet.get("head_note"), packet["id"]  # the schema requires one
        shown = soup(site, f"packets/{packet['id']}").select_one(".cbl-head-note").get_text(" ", strip=True)
        assert " ".join(packet["head_note"].split())[:60] in " ".join(shown.split()), packet["id"]


def test_the_background_reading_is_sourced(site, site_data):
    background = site_data.data("background.yml")
    if background is None:
        assert_part_absent(site, "background")
        return
    assert background["paragraphs"]
    page = soup(site, "background")
    paragraphs_ = page.select(".cbl-background:not(.cbl-background--plain) > p")
    assert len(paragraphs_) == len(background["paragraphs"])
    for shown, spec in zip(paragraphs_, background["paragraphs"]):
        cited = [a["href"].rsplit("#", 1)[1] for a in shown.select(".cbl-evidence a")]
        assert cited == [f"src-{s}" for s in spec["sources"]]


def test_the_background_links_what_it_names_to_the_glossary(site, site_data):
    """Every `[[entry]]` reference of the background is a link to its glossary entry."""
    background = site_data.data("background.yml")
    if background is None:
        assert_part_absent(site, "background")
        return
    entries = site_data.entries()
    referenced = {ref for p in background["paragraphs"] for ref in re.findall(r"\[\[([^|\]]+)", p["text"])} & set(entries)
    assert referenced, "the background names glossary entries"
    linked = {a["href"].rsplit("#", 1)[1] for a in soup(site, "background").select(".cbl-background a")
              if "/glossary/" in a["href"]}
    assert referenced <= linked, sorted(referenced - linked)


def test_the_about_page_links_the_citation_files(site):
    """Their content is read by real parsers in tests/kit/test_metadata.py."""
    about = soup(site, "about")
    assert {a["href"] for a in about.select("a.cbl-download")} == {"citation.ris", "citation.bib"}
    assert (site / "about" / "citation.ris").is_file() and (site / "about" / "citation.bib").is_file()


def test_a_handout_prints_no_local_address(tmp_path, site, site_data):
    """A build without a public site_url must not print http://127.0.0.1:8000/... on a handout."""
    packets = site_data.items("packets.yml", "packets")
    if not packets:
        assert_part_absent(site, "packets")
        return
    project = site_data.assemble(tmp_path / "project")
    assert_clean_build(mkdocs_build(project, tmp_path / "site"))
    source = soup(tmp_path / "site", f"packets/{packets[0]['id']}").select_one(".cbl-packet__source").get_text()
    assert source.strip() and "127.0.0.1" not in source


def open_offline_copy(site: Path, tmp_path: Path, browser, entry_id: str, kind: str, query: str) -> None:
    """The offline copy's zip as `make build` publishes it, unzipped and opened from file://: from
    the home page to the text, from a mention of `entry_id` to its glossary entry, and a search
    for `query` lists the entry; nothing is requested from another host."""
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
    page.locator(f"a.cbl-term[href*='#{entry_id}']").first.click()
    assert page.url.endswith(f"glossary/{kind}.html#{entry_id}")
    page.click(".md-search__input")
    page.keyboard.type(query, delay=50)
    page.locator(f'.md-search-result a[href*="#{entry_id}"]').first.wait_for(state="attached", timeout=20000)
    assert not offsite and not errors, (offsite, errors)
    context.close()


def test_the_offline_copy_works_from_a_folder(site, site_data, tmp_path, browser):
    """A glossary entry the text mentions (the first), searched for by its other name (or its name)."""
    _, entry = a_mentioned_entry(site_data)
    assert entry, "the text mentions a glossary entry"
    query = (entry.get("other_names") or [entry["name"]])[0]
    open_offline_copy(site, tmp_path, browser, entry["id"], entry["kind"], query)


def _print_mode(page, mode: str | None) -> None:
    page.evaluate("mode => mode ? document.documentElement.setAttribute('data-cbl-print', mode)"
                  " : document.documentElement.removeAttribute('data-cbl-print')", mode)
    page.emulate_media(media="print")


def a_packet_with_notes(site_data) -> str | None:
    """The first packet that asks a question with a note for instructors."""
    noted = {q["id"] for q in site_data.items("questions.yml", "questions") if q.get("instructor_notes")}
    return next((p["id"] for p in site_data.items("packets.yml", "packets") if noted & set(p.get("questions", []))), None)


def test_a_packet_printed_from_the_instructor_edition_is_the_student_handout(browser, instructor_server, instructor_site, site_data):
    packet = a_packet_with_notes(site_data)
    if packet is None:
        # No packet asks a question with a note: no note on any packet page either.
        packets = site_data.items("packets.yml", "packets")
        if not packets:
            assert_part_absent(instructor_site, "packets")
        for p in packets:
            assert not soup(instructor_site, f"packets/{p['id']}").select(".cbl-instructor-note"), p["id"]
        return
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{instructor_server}packets/{packet}/", wait_until="networkidle")
    notes = page.locator(".cbl-instructor-note")
    assert notes.count() >= 1 and notes.first.is_visible(), "the notes are on screen"
    _print_mode(page, None)
    assert notes.first.is_hidden(), "but not on the handout"
    _print_mode(page, "instructor")
    assert notes.first.is_visible(), "the instructor copy is a separate print"
    context.close()

