"""This edition's instructor edition by size (the kit's checks of any site's: tests/kit/test_protected_edition.py)."""

from __future__ import annotations

from tests.conftest import PROTECTED
from tests.kit.test_protected_edition import secrets_of


def test_the_plans_answers_and_notes_are_hundreds_of_sentences(site, instructor_site):
    sentences = secrets_of(site, instructor_site)
    assert len(sentences) > 150, len(sentences)


def test_at_least_20_pages_are_locked(site):
    assert len(sorted((site / PROTECTED).rglob("*.html"))) >= 20


def test_the_home_page_has_a_card_for_instructors(site):
    from bs4 import BeautifulSoup

    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert any(a["href"].endswith("instructors/") for a in home.select("article a[href]"))
