"""Students work on the page: every chart cell, question and task of a lesson or packet takes typing
(on a phone too), what is typed is kept in that browser only (one key per page) and survives a
reload and a closed tab, prints in place, downloads as a text file to hand in, and clears on
request after a confirmation; another page's answers are untouched; the offline copy keeps them too.

Run over every site: the lesson worked in is the site's first 50-minute lesson (or else its first),
the other page its next lesson (or else its first packet). A site without lessons has no lesson
page and no link to one (and its packets still keep and clear what is typed). What is typed is the
tests' own words."""

from __future__ import annotations

import zipfile

import pytest

from tests.conftest import OFFLINE_NAME
from tests.print_layout import print_layout
from tests.sites import assert_part_absent, site_items


def lessons(site_data) -> list[dict]:
    """The lessons the site shows (none without packets: a lesson is taught from a packet)."""
    return site_data.items("lessons.yml", "lessons") if site_data.items("packets.yml", "packets") else []


def the_lesson(site, site_data) -> dict | None:
    """The lesson worked in: the first of 50 minutes, or else the first. None for a site without
    lessons, once it is checked that the site shows none."""
    found = lessons(site_data)
    if not found:
        assert_part_absent(site, "lessons")
        return None
    return next((x for x in found if x["minutes"] == 50), found[0])


def another_page(site_data, lesson: dict) -> str:
    """Another page with places to write: the next lesson, or else the first packet."""
    other = next((x for x in lessons(site_data) if x["id"] != lesson["id"]), None)
    return f"lessons/{other['id']}/" if other else f"packets/{site_data.items('packets.yml', 'packets')[0]['id']}/"


def _fields(page):
    return page.locator("textarea[data-cbl-field]")


def test_every_place_to_write_takes_typing_and_is_named(browser, server, site, site_data):
    lesson = the_lesson(site, site_data)
    if lesson is None:
        return
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{server}lessons/{lesson['id']}/")
    cells = page.locator("section.cbl-organizer td")
    questions = page.locator("ol.cbl-handout-questions > li")
    assert cells.count() >= 1 and questions.count() >= 1  # this edition's count: tests/edition
    assert page.locator("section.cbl-organizer td:not(:has(textarea))").count() == 0, "every chart cell"
    assert page.locator("ol.cbl-handout-questions > li:not(:has(textarea))").count() == 0, "every question"
    assert page.locator(".cbl-assessment textarea").count() == 1, "the task"
    labels = _fields(page).evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    assert all(labels) and len(set(labels)) == len(labels), "each field has its own accessible name"
    keys = _fields(page).evaluate_all("els => els.map(e => e.dataset.cblField)")
    assert len(set(keys)) == len(keys)
    page.locator(".cbl-assessment textarea").focus()
    page.keyboard.type("Typed from the keyboard")
    assert page.locator(".cbl-assessment textarea").input_value() == "Typed from the keyboard"
    context.close()


def test_answers_survive_a_reload_and_a_closed_tab_and_stay_on_their_page(browser, server, site, site_data):
    lesson = the_lesson(site, site_data)
    if lesson is None:
        return
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{server}lessons/{lesson['id']}/")
    chart = page.locator("section.cbl-organizer textarea").first
    chart.fill("Guo Peng and Wang Enmao, the 2nd Army's commanders (¶ 35, ¶ 36)")
    page.locator(".cbl-handout-questions textarea").first.fill("The report's authors, not 'everyone'")
    page.locator(".cbl-assessment textarea").fill("The report paints a welcome.")
    page.reload()
    assert page.locator("section.cbl-organizer textarea").first.input_value().startswith("Guo Peng and Wang Enmao")
    assert page.locator(".cbl-assessment textarea").input_value() == "The report paints a welcome."
    page.close()
    # The next day: a new tab in the same browser.
    page = context.new_page()
    page.goto(f"{server}lessons/{lesson['id']}/")
    assert page.locator(".cbl-handout-questions textarea").first.input_value() == "The report's authors, not 'everyone'"
    # Another page has its own answers: none of these, and typing there changes nothing here.
    page.goto(f"{server}{another_page(site_data, lesson)}")
    values = _fields(page).evaluate_all("els => els.map(e => e.value)")
    assert values and not any(values)
    _fields(page).last.fill("A seminar essay")
    page.goto(f"{server}lessons/{lesson['id']}/")
    assert page.locator(".cbl-assessment textarea").input_value() == "The report paints a welcome."
    context.close()


def test_answers_print_in_place(browser, server, site, site_data):
    lesson = the_lesson(site, site_data)
    if lesson is None:
        return
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{server}lessons/{lesson['id']}/")
    page.locator("section.cbl-organizer textarea").first.fill("Zebra-answer-in-the-chart")
    page.locator(".cbl-assessment textarea").fill("Zebra-answer-to-the-task")
    handout = print_layout(page, None, "A4")
    printed = " ".join(handout.pages)
    assert "Zebra-answer-in-the-chart" in printed and "Zebra-answer-to-the-task" in printed
    assert not page.locator("textarea").first.is_visible(), "the text area itself is not printed"
    assert not handout.split_rows()
    context.close()


@pytest.mark.parametrize("accept", [False, True])
def test_clearing_asks_first_and_then_empties_the_page(browser, server, site, site_data, accept):
    """On a packet: the 50-minute lesson's, or else the site's first."""
    packets = site_data.items("packets.yml", "packets")
    if not packets:
        assert_part_absent(site, "packets")
        return
    lesson = next((x for x in lessons(site_data) if x["minutes"] == 50), None)
    packet = lesson["packet"] if lesson else packets[0]["id"]
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{server}packets/{packet}/")
    page.locator(".cbl-handout-questions textarea").first.fill("An answer to keep or clear")
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept() if accept else dialog.dismiss()))
    page.click(".cbl-work__clear")
    assert asked and "cannot be undone" in asked[0]
    page.reload()
    expected = "" if accept else "An answer to keep or clear"
    assert page.locator(".cbl-handout-questions textarea").first.input_value() == expected
    context.close()


def test_answers_download_as_a_text_file_to_hand_in(browser, server, site, site_data):
    lesson = the_lesson(site, site_data)
    if lesson is None:
        return
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(f"{server}lessons/{lesson['id']}/")
    page.locator(".cbl-assessment textarea").fill("My paragraph about the welcome.")
    with page.expect_download() as download:
        page.click(".cbl-work__download")
    content = open(download.value.path(), encoding="utf-8").read()
    assert download.value.suggested_filename == f"{lesson['id']}-my-answers.txt"
    assert content.startswith(lesson["title"])
    assert "My paragraph about the welcome." in content
    rows = [r.strip() for r in page.locator("section.cbl-organizer tbody th").all_text_contents() if r.strip()]
    assert rows and all(r in content for r in rows), "the charts' rows, as prompts"
    first_question = page.locator(".cbl-handout-questions li p").first.text_content().strip()
    assert first_question in content
    context.close()


def test_a_student_on_a_phone_can_fill_in_the_chart(browser, server, site, site_data):
    lesson = the_lesson(site, site_data)
    if lesson is None:
        return
    context = browser.new_context(viewport={"width": 375, "height": 740}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(f"{server}lessons/{lesson['id']}/")
    cell = page.locator("section.cbl-organizer textarea").nth(2)
    cell.scroll_into_view_if_needed()
    cell.tap()
    page.keyboard.type("On a phone")
    box = cell.bounding_box()
    assert box and box["width"] > 250, "a full-width field on a phone"
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.reload()
    assert page.locator("section.cbl-organizer textarea").nth(2).input_value() == "On a phone"
    context.close()


def test_the_offline_copy_keeps_answers_too(browser, site, site_data, tmp_path):
    lesson = the_lesson(site, site_data)
    if lesson is None:
        return
    with zipfile.ZipFile(site / "download" / f"{OFFLINE_NAME}.zip") as archive:
        archive.extractall(tmp_path)
    address = (tmp_path / OFFLINE_NAME / "lessons" / f"{lesson['id']}.html").as_uri()
    context = browser.new_context()
    page = context.new_page()
    page.goto(address)
    page.locator(".cbl-assessment textarea").fill("Written without a network")
    page.reload()
    assert page.locator(".cbl-assessment textarea").input_value() == "Written without a network"
    context.close()


@pytest.mark.parametrize("site_name, lesson_id", site_items("lessons.yml", "lessons"))
def test_each_lesson_has_its_worksheet_as_a_word_file_that_asks_what_the_handout_asks(site, site_data, lesson_id):
    """Opened with python-docx: the lesson's questions and every row of its charts, the charts as Word
    tables, the task and the rubric; the lesson's page links the file; no model answer is in it."""
    import re

    import docx
    from bs4 import BeautifulSoup

    if lesson_id is None:
        assert_part_absent(site, "lessons")
        return
    page = BeautifulSoup((site / "lessons" / lesson_id / "index.html").read_text(encoding="utf-8"), "html.parser")
    link = page.select_one('a[href$="worksheet.docx"]')
    assert link and (site / "lessons" / lesson_id / link["href"]).is_file()
    document = docx.Document(str(site / "lessons" / lesson_id / link["href"]))
    text = "\n".join(p.text for p in document.paragraphs)
    spec = next(x for x in lessons(site_data) if x["id"] == lesson_id)
    handout_questions = [" ".join(li.p.get_text(" ").split()) for li in page.select("ol.cbl-handout-questions > li")]
    assert handout_questions
    flat = " ".join(text.split())
    for question in handout_questions:
        words = re.sub(r"\s+([,.;:)])", r"\1", question)[:50]
        assert words in flat or question[:50] in flat, question
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    charts = page.select("section.cbl-organizer")
    assert len(tables) == len(charts) + 1, "a Word table for each chart, and the rubric"
    for chart, table in zip(charts, tables):
        rows = [th.get_text(" ", strip=True) for th in chart.select("tbody th")]
        headers = [th.get_text(" ", strip=True) for th in chart.select("thead th")]
        assert [r[0] for r in table[1:]] == [r if r else "" for r in rows] or all(not r for r in rows)
        assert [h for h in table[0] if h] == headers
    assert " ".join(spec["assessment"]["task"].split())[:60] in flat
    assert [c for c in tables[-1][0]] == [level["name"] for level in spec["assessment"]["rubric"]]
    for answer in spec["assessment"]["model_answers"]:
        assert answer["why"][:50] not in flat
