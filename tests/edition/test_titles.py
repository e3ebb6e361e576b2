"""This edition's titles: its glossary's four kinds, and enough pages to be this edition (the
kit's check of every title of any site: tests/kit/test_titles.py)."""

from __future__ import annotations

from tests.kit.test_titles import titles


def test_the_glossary_kinds_are_titled_in_words(site):
    assert {"People", "Places", "Units and bodies", "Terms"} <= {t for _, t in titles(site, fewest=8)}
