"""The glossary as a reader meets it: every name the cable prints is a link to an entry that
says what it is, in the scripts that apply, with sources and links back to every mention.
The expectations are computed from data/ with simple, independent searches of the text, not
copied from the output."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.data_files import data, paragraphs

KINDS = ("people", "places", "units", "terms")
WORD = r"\w’'"


@lru_cache
def entries() -> dict[str, dict]:
    return {e["id"]: dict(e, kind=kind) for kind in KINDS for e in data(f"{kind}.yml")["entries"]}


def occurrences(form: str, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(f"(?<![{WORD}]){re.escape(form)}(?![{WORD}])", text)]


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def link_spans(paragraph) -> list[tuple[int, int, str, str]]:
    """(start, end, text, href) of each glossary link, as offsets into the paragraph's text."""
    spans, offset = [], 0
    for node in paragraph.descendants:
        if isinstance(node, str):
            parent = node.parent
            if parent.name == "a" and "cbl-term" in parent.get("class", []):
                spans.append((offset, offset + len(node), str(node), parent["href"]))
            offset += len(node)
        elif node.name == "br":
            offset += 1  # a line break in the data
    return spans


def test_every_entry_is_mentioned_in_the_text_or_marked_as_context():
    assert len(entries()) >= 50 and len(paragraphs()) >= 40
    for entry_id, entry in entries().items():
        mentioned = any(occurrences(f, t) for f in entry.get("forms", []) for t in paragraphs().values())
        assert mentioned != bool(entry.get("context_only")), entry_id


def test_every_printed_form_is_linked_on_the_text_page(site):
    page = soup(site, "text")
    owner = {f: i for i, e in entries().items() for f in e.get("forms", [])}
    checked = 0
    for pid, text in paragraphs().items():
        rendered = page.find(id=pid).find(class_="cbl-para__text")
        spans = link_spans(rendered)
        for start, end, shown, href in spans:
            assert text[start:end] == shown, f"{pid}: link text is not the text at that place"
            assert shown in owner and href.endswith(f"#{owner[shown]}"), f"{pid}: {shown!r} links to {href}"
        for form, entry_id in owner.items():
            for start, end in occurrences(form, text):
                covering = [s for s in spans if s[0] <= start and end <= s[1]]
                assert covering, f"{pid}: {form!r} (entry {entry_id}) at {start} is not linked"
                checked += 1
    assert checked > 100


def test_linking_does_not_change_a_character_of_the_text(site):
    page = soup(site, "text")
    assert len(paragraphs()) >= 40
    for pid, text in paragraphs().items():
        rendered = page.find(id=pid).find(class_="cbl-para__text")
        for br in rendered.find_all("br"):
            br.replace_with("\n")
        assert rendered.get_text() == text, pid


def test_each_mention_has_an_accessible_description_and_a_tip(site):
    page = soup(site, "text")
    links = page.select("a.cbl-term")
    assert links
    for link in links:
        description = page.find(id=link["aria-describedby"])
        entry = entries()[link["href"].rsplit("#", 1)[1]]
        assert description is not None and description.find_parent(attrs={"hidden": True})
        assert entry["summary"] in description.get_text()
        assert entry["summary"] in link["data-cbl-tip"]


def test_glossary_entries_have_identification_scripts_sources_and_backlinks(site):
    sources_page = soup(site, "sources")
    assert len(entries()) >= 50
    scripts = 0
    for entry_id, entry in entries().items():
        page = soup(site, f"glossary/{entry['kind']}")
        heading = page.find(id=entry_id)
        assert heading is not None and heading.name == "h2", entry_id
        block = heading.find_next_sibling(class_="cbl-entry")
        facts = {dt.get_text(): dt.find_next_sibling("dd") for dt in block.find_all("dt")}
        assert "In October 1949" in facts and "Identification" in facts
        # Backlinks: exactly the paragraphs whose text contains one of the entry's forms.
        expected = [pid for pid, t in paragraphs().items() if any(occurrences(f, t) for f in entry.get("forms", []))]
        backlinks = [a["href"].rsplit("#", 1)[1] for a in facts["Mentioned in"].find_all("a")]
        assert backlinks == expected, entry_id
        # Scripts carry their language (and right-to-left direction for Arabic script).
        for script in entry.get("scripts", []):
            span = facts["Original script"].find("span", lang=script["lang"], string=script["text"])
            assert span is not None, (entry_id, script)
            assert (span.get("dir") == "rtl") == script["lang"].endswith("-Arab")
            scripts += 1
        # Every fact beyond the cable cites a source that is in the bibliography.
        cited = [a["href"].rsplit("#", 1)[1] for a in facts["Sources"].find_all("a")]
        assert [f"src-{s}" for s in entry.get("sources", [])] == cited, entry_id
        assert cited or entry.get("text_only"), entry_id
        for anchor in cited:
            assert sources_page.find(id=anchor) is not None, anchor
    assert scripts >= 20, scripts


def test_glossary_pages_are_sorted(site):
    for kind in KINDS:
        names = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in soup(site, f"glossary/{kind}").select("h2.cbl-entry__name")]
        assert names and len(names) == sum(e["kind"] == kind for e in entries().values()), kind
        folded = [re.sub(r"[^\w ]", "", n).casefold().replace("ü", "u") for n in names]
        assert folded == sorted(folded), kind


@pytest.mark.parametrize("variant, entry_id", [
    ("Ürümqi", "urumqi"), ("Dihua", "urumqi"), ("Kumul", "hami"), ("Turfan", "turpan"),
    ("Barkol", "zhenxi"), ("Luo Shuren", "luo-shuren"),
])
def test_search_index_finds_variant_names(site, variant, entry_id):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    hits = [d["location"] for d in index["docs"] if variant in d["text"] or variant in d["title"]]
    assert any(h.endswith(f"#{entry_id}") for h in hits), (variant, hits)


def test_coordinates_are_on_the_earth_and_shown(site):
    page = soup(site, "glossary/places")
    shown = 0
    for entry_id, entry in entries().items():
        point = entry.get("coordinates")
        if not point:
            continue
        assert -90 <= point["lat"] <= 90 and -180 <= point["lon"] <= 180
        text = page.find(id=entry_id).find_next_sibling(class_="cbl-entry").get_text()
        assert f"{abs(point['lat']):.2f}°" in text and f"{abs(point['lon']):.2f}°" in text
        shown += 1
    assert shown >= 10, shown


def test_map_has_every_located_place_linked_to_its_entry(site):
    page = soup(site, "map")
    svg = page.find("svg", class_="cbl-map__svg")
    located = [i for i, e in entries().items() if e.get("coordinates")]
    assert len(located) >= 10
    for entry_id in located:
        place = svg.find(id=f"place-{entry_id}")
        assert place is not None, entry_id
        assert place["href"].endswith(f"glossary/places/#{entry_id}")
        assert place.get("aria-label"), entry_id
    assert svg.select(".cbl-map__graticule line") and svg.select(".cbl-map__scale")
    assert len(svg.select(".cbl-map__route line")) >= 5
    assert not re.search(r"(?:href|src)=\"(?:https?:)?//", str(svg)), "the map must not load anything"
    # The text alternative lists every place, located or not.
    rows = page.select("table.cbl-places tbody tr")
    assert len(rows) == sum(e["kind"] == "places" for e in entries().values())


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def test_each_place_on_the_map_is_named_by_the_words_it_shows(site):
    """WCAG 2.5.3 (label in name): a voice-control user says what they see ("HAMI 13 Oct"), so the
    accessible name begins with the words drawn, symbols aside (axe's label-content-name-mismatch)."""
    svg = soup(site, "map").find("svg", class_="cbl-map__svg")
    places = svg.select("a.cbl-map__place")
    assert len(places) >= 10
    for place in places:
        shown = _words(place.get_text())  # as assistive technology reads it: the text nodes in turn
        assert shown and _words(place["aria-label"]).startswith(shown), (shown, place["aria-label"])


def test_every_place_the_cable_names_is_drawn_or_listed_with_the_reason(site):
    page = soup(site, "map")
    svg = page.find("svg", class_="cbl-map__svg")
    listed = {a["href"].rsplit("#", 1)[1]: li.get_text() for li in page.select(".cbl-map__unlocated li") for a in li.find_all("a")}
    drawn = 0
    for entry_id, entry in entries().items():
        if entry["kind"] != "places" or not entry.get("forms"):
            continue
        if entry.get("coordinates"):
            assert svg.find(id=f"place-{entry_id}") is not None, entry_id
            assert entry_id not in listed
            drawn += 1
        else:
            assert entry_id in listed, entry_id
            assert entry["coordinates_note"] in listed[entry_id], "the reason is given"
    assert drawn >= 10 and listed, (drawn, listed)


def test_the_map_shows_the_geography_of_1949(site):
    svg = soup(site, "map").find("svg", class_="cbl-map__svg")
    basemap = data("basemap.yml")
    for kind in ("border", "region", "range", "lake", "boundary"):
        assert svg.select(f".cbl-map__geography .cbl-map__{kind}"), kind
    labels = " ".join(t.get_text() for t in svg.select(".cbl-map__labels text"))
    named = [feature for feature in basemap["features"] if feature.get("name")]
    assert len(named) >= 3, named
    for feature in named:
        assert feature["name"].split(" (")[0] in labels, feature["id"]


def test_map_dates_come_from_the_chronology(site):
    events = data("chronology.yml")["events"]
    page = soup(site, "map")
    stops = [stop for event in events for stop in event.get("route", [])]
    assert len(stops) >= 5, stops
    for event in events:
        for stop in event.get("route", []):
            day = str(int(event["date"][-2:]))
            row = page.find("table", class_="cbl-places").find("a", href=re.compile(f"#{stop['place']}$")).find_parent("tr")
            assert f"{stop['action']} {day} Oct" in row.get_text(), (stop, row.get_text())
