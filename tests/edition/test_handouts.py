"""This edition's lessons as the handout checks need them (the checks themselves, over every site:
tests/kit/test_handouts.py)."""

from __future__ import annotations

from tests.data_files import data


def test_there_are_lessons_to_check():
    assert len(data("lessons.yml")["lessons"]) >= 2


def test_every_lesson_names_charts_and_questions_in_its_steps():
    for lesson in data("lessons.yml")["lessons"]:
        assert {c for step in lesson["procedure"] for c in step.get("charts", [])}, lesson["id"]
        assert [q for step in lesson["procedure"] for q in step.get("questions", [])], lesson["id"]


def test_a_lesson_meets_standards():
    assert [spec for spec in data("lessons.yml")["lessons"] if spec.get("standards")]


def test_every_lesson_has_a_dates_strip_and_a_word_bank(site):
    """What tests/kit/test_handouts.py computes for these is never empty here."""
    from bs4 import BeautifulSoup

    for lesson in data("lessons.yml")["lessons"]:
        soup = BeautifulSoup((site / "lessons" / lesson["id"] / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert soup.select(".cbl-dates li"), lesson["id"]
        assert soup.select(".cbl-word-bank dl > div"), lesson["id"]
