"""This edition's glossary and map: its counts, its variant names, its route (the kit's checks of
any site's glossary are in tests/kit/test_glossary.py)."""

from __future__ import annotations

import pytest

from tests.kit.test_glossary import printed_forms, search_hits, soup
from tests.sites import SITES

EDITION = SITES["edition"]


def test_the_glossary_is_full_and_the_text_long():
    assert len(EDITION.entries()) >= 50 and len(EDITION.paragraphs()) >= 40
    assert {k["id"] for k in EDITION.kinds()} == {"people", "places", "units", "terms"}


def test_over_a_hundred_printed_names_are_links():
    assert printed_forms(EDITION) > 100


def test_over_twenty_names_in_their_original_script():
    assert sum(len(e.get("scripts", [])) for e in EDITION.entries().values()) >= 20


def test_over_ten_places_are_located():
    assert len([e for e in EDITION.entries().values() if e.get("coordinates")]) >= 10


@pytest.mark.parametrize("variant, entry_id", [
    ("Ürümqi", "urumqi"), ("Dihua", "urumqi"), ("Kumul", "hami"), ("Turfan", "turpan"),
    ("Barkol", "zhenxi"), ("Luo Shuren", "luo-shuren"),
])
def test_search_index_finds_variant_names(site, variant, entry_id):
    hits = search_hits(site, variant)
    assert any(h.endswith(f"#{entry_id}") for h in hits), (variant, hits)


def test_the_map_draws_over_ten_places_the_route_and_the_geography_of_1949(site):
    svg = soup(site, "map").find("svg", class_="cbl-map__svg")
    assert len(svg.select("a.cbl-map__place")) >= 10
    assert len(svg.select(".cbl-map__route line")) >= 5
    for kind in ("border", "region", "range", "lake", "boundary"):
        assert svg.select(f".cbl-map__geography .cbl-map__{kind}"), kind
    assert len([f for f in EDITION.data("basemap.yml")["features"] if f.get("name")]) >= 3
    stops = [stop for event in EDITION.items("chronology.yml", "events") for stop in event.get("route", [])]
    assert len(stops) >= 5, stops


def test_the_map_table_gives_the_armys_dates_in_october(site):
    row = soup(site, "map").find("table", class_="cbl-places").find("a", href=lambda h: h and h.endswith("#hami")).find_parent("tr")
    assert "approached 13 Oct" in row.get_text()
