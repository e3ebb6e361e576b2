"""This edition's wording: its many labelled paragraphs, its place names, its glossary's size and
its one starting point, Background (the kit's checks of any site: tests/kit/test_wording.py)."""

from __future__ import annotations

from tests.kit.test_wording import _soup, _titles, entry_ids, home_starting_points, labelled_paragraphs, place_names
from tests.sites import SITES

EDITION = SITES["edition"]


def test_over_twenty_labelled_paragraphs_are_checked(site):
    assert labelled_paragraphs(site) > 20, "labelled paragraphs were found"
    assert _soup(site, "categories").select(".cbl-inference"), "the categories page has its readings"


def test_the_place_names_include_hami_peking_and_moscow():
    assert {"Hami", "Peking", "Moscow"} <= place_names(EDITION)


def test_over_fifty_entry_ids_are_looked_for():
    assert len(entry_ids(EDITION)) > 50


def test_the_home_page_starts_readers_at_the_background(site):
    # README, "For readers": start at Background, then the text.
    assert {"background", "the text"} <= set(_titles(_soup(site, "")))
    assert home_starting_points(site) == {"background"}


def test_the_map_legend_gives_the_reports_journey(site):
    legend = " ".join(_soup(site, "map").select_one(".cbl-map__legend").get_text(" ").split())
    assert "The report’s journey from Hami towards Peking, whence it was cabled to Moscow." in legend
