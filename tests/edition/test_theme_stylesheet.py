"""This edition's pages that the stylesheet check walks: over twenty in each edition (the kit's
check of any site: tests/kit/test_theme_stylesheet.py)."""

from __future__ import annotations

from tests.kit.test_theme_stylesheet import a_name, every_page
from tests.sites import SITES


def test_over_twenty_pages_in_each_edition(site, instructor_site):
    assert len(every_page(site)) >= 20 and len(every_page(instructor_site)) >= 20


def test_the_search_state_types_hami():
    assert a_name(SITES["edition"]) == "Hami"
