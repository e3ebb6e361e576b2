"""This edition's lessons, packets and background by name, number and length (the kit's checks of
any site's lessons: tests/kit/test_lessons.py)."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from tests.data_files import data
from tests.kit.test_lessons import open_offline_copy


def lessons() -> list[dict]:
    return data("lessons.yml")["lessons"]


def test_there_is_a_50_minute_lesson_and_a_90_minute_seminar():
    minutes = sorted(lesson["minutes"] for lesson in lessons())
    assert 50 in minutes and 90 in minutes
    assert len(lessons()) >= 2


def test_each_lesson_has_at_least_two_model_answers():
    for lesson in lessons():
        assert len(lesson["assessment"]["model_answers"]) >= 2, lesson["id"]


def test_the_50_minute_lesson_has_an_adapted_version():
    assert [x for x in lessons() if x.get("adaptation") and x["minutes"] == 50]


def test_there_are_at_least_five_packets():
    assert len(data("packets.yml")["packets"]) >= 5


def test_the_background_reading_is_300_to_520_words_and_explains_the_east_turkestan_republic(site):
    background = data("background.yml")
    words = sum(len(re.sub(r"\[\[[^|\]]*\|?([^\]]*)\]\]", r"\1", p["text"]).split()) for p in background["paragraphs"])
    assert 300 <= words <= 520, words
    page = BeautifulSoup((site / "background" / "index.html").read_text(encoding="utf-8"), "html.parser")
    glossary = [a for a in page.select(".cbl-background a") if "/glossary/" in a["href"]]
    assert any(a["href"].endswith("#east-turkestan-republic") for a in glossary), "the East Turkestan Republic is explained"


def test_the_offline_copy_finds_hami_by_its_other_name(site, tmp_path, browser):
    open_offline_copy(site, tmp_path, browser, "hami", "places", "Kumul")


def test_the_three_versions_packet_has_a_note_for_instructors():
    """The packet tests/kit/test_lessons.py prints from the instructor edition was "three-versions"."""
    from tests.kit.test_lessons import a_packet_with_notes
    from tests.sites import SITES

    assert a_packet_with_notes(SITES["edition"]) == "three-versions"
