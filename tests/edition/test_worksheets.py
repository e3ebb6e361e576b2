"""This edition's 50-minute lesson as the worksheet tests meet it (the tests themselves, over every
site: tests/kit/test_worksheets.py)."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.data_files import data


def _lesson_page(site) -> BeautifulSoup:
    lesson = next(x for x in data("lessons.yml")["lessons"] if x["minutes"] == 50)
    return BeautifulSoup((site / "lessons" / lesson["id"] / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_the_50_minute_lesson_has_more_than_ten_chart_cells_to_fill_in(site):
    assert len(_lesson_page(site).select("section.cbl-organizer td")) > 10


def test_its_sourcing_chart_asks_who_wrote_it(site):
    rows = [th.get_text(" ", strip=True) for th in _lesson_page(site).select("section.cbl-organizer tbody th")]
    assert "Who wrote it, and in what role?" in rows


def test_there_is_a_second_lesson_to_keep_apart():
    assert len(data("lessons.yml")["lessons"]) >= 2
