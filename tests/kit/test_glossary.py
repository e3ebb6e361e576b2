"""The glossary as a reader meets it: every name the document prints is a link to an entry that
says what it is, in the scripts that apply, with sources and links back to every mention; and the
map of the located entries. Run over every site: the expectations are computed from the site's
data (its kinds from site.yml, its entries, its paragraphs) with simple, independent searches of
the text, not copied from the output. This edition's counts and names: tests/edition/test_glossary.py."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from bs4 import BeautifulSoup

from tests.sites import assert_part_absent

WORD = r"\w’'"


def occurrences(form: str, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(f"(?<![{WORD}]){re.escape(form)}(?![{WORD}])", text)]


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def entries(site_data) -> dict[str, dict]:
    found = site_data.entries()
    assert found, "the site's glossary has entries"
    return found


def paragraphs(site_data) -> dict[str, str]:
    found = site_data.paragraphs()
    assert found, "the site's text has paragraphs"
    return found


def printed_forms(site_data) -> int:
    """How many times the text prints a form of an entry: each must be a link."""
    return sum(len(occurrences(f, t)) for e in entries(site_data).values() for f in e.get("forms", [])
               for t in paragraphs(site_data).values())


def located(site_data) -> dict[str, dict]:
    """The entries of the located kinds that have coordinates: the places on the map."""
    kinds = set(site_data.located_kinds())
    return {i: e for i, e in entries(site_data).items() if e["kind"] in kinds and e.get("coordinates")}


def has_map(site_data) -> bool:
    return bool(site_data.data("site.yml").get("map")) and bool(located(site_data))


def route_stops(site_data) -> list[tuple[dict, dict]]:
    """(event, stop) for every stop of the chronology's route."""
    return [(event, stop) for event in site_data.items("chronology.yml", "events") for stop in event.get("route", [])]


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


def test_every_entry_is_mentioned_in_the_text_or_marked_as_context(site_data):
    texts = paragraphs(site_data).values()
    for entry_id, entry in entries(site_data).items():
        mentioned = any(occurrences(f, t) for f in entry.get("forms", []) for t in texts)
        assert mentioned != bool(entry.get("context_only")), entry_id


def test_every_printed_form_is_linked_on_the_text_page(site, site_data):
    page = soup(site, "text")
    owner = {f: i for i, e in entries(site_data).items() for f in e.get("forms", [])}
    checked = 0
    for pid, text in paragraphs(site_data).items():
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
    assert checked and checked == printed_forms(site_data), "the text prints names of entries, each one checked"


def test_linking_does_not_change_a_character_of_the_text(site, site_data):
    page = soup(site, "text")
    for pid, text in paragraphs(site_data).items():
        rendered = page.find(id=pid).find(class_="cbl-para__text")
        for br in rendered.find_all("br"):
            br.replace_with("\n")
        assert rendered.get_text() == text, pid


def test_each_mention_has_an_accessible_description_and_a_tip(site, site_data):
    page = soup(site, "text")
    links = page.select("a.cbl-term")
    assert 0 < len(links) <= printed_forms(site_data), "a link for each printed name (one may hold another)"
    for link in links:
        description = page.find(id=link["aria-describedby"])
        entry = entries(site_data)[link["href"].rsplit("#", 1)[1]]
        assert description is not None and description.find_parent(attrs={"hidden": True})
        assert entry["summary"] in description.get_text()
        assert entry["summary"] in link["data-cbl-tip"]


def test_glossary_entries_have_identification_scripts_sources_and_backlinks(site, site_data):
    sources_page = soup(site, "sources")
    label = site_data.data("site.yml")["glossary"]["identification_label"]
    scripts = 0
    for entry_id, entry in entries(site_data).items():
        page = soup(site, f"glossary/{entry['kind']}")
        heading = page.find(id=entry_id)
        assert heading is not None and heading.name == "h2", entry_id
        block = heading.find_next_sibling(class_="cbl-entry")
        facts = {dt.get_text(): dt.find_next_sibling("dd") for dt in block.find_all("dt")}
        assert label in facts and "Identification" in facts
        # Backlinks: exactly the paragraphs whose text contains one of the entry's forms.
        expected = [pid for pid, t in paragraphs(site_data).items() if any(occurrences(f, t) for f in entry.get("forms", []))]
        backlinks = [a["href"].rsplit("#", 1)[1] for a in facts["Mentioned in"].find_all("a")]
        assert backlinks == expected, entry_id
        # Scripts carry their language (and right-to-left direction for Arabic script).
        for script in entry.get("scripts", []):
            span = facts["Original script"].find("span", lang=script["lang"], string=script["text"])
            assert span is not None, (entry_id, script)
            assert (span.get("dir") == "rtl") == script["lang"].endswith("-Arab")
            scripts += 1
        # Every fact beyond the document cites a source that is in the bibliography.
        cited = [a["href"].rsplit("#", 1)[1] for a in facts["Sources"].find_all("a")]
        assert [f"src-{s}" for s in entry.get("sources", [])] == cited, entry_id
        assert cited or entry.get("text_only"), entry_id
        for anchor in cited:
            assert sources_page.find(id=anchor) is not None, anchor
    assert scripts == sum(len(e.get("scripts", [])) for e in entries(site_data).values())


def test_glossary_pages_are_sorted(site, site_data):
    kinds = site_data.kinds()
    assert kinds, "the site's glossary has kinds"
    for kind in kinds:
        names = [h.get_text(" ", strip=True).rstrip("¶").strip()
                 for h in soup(site, f"glossary/{kind['id']}").select("h2.cbl-entry__name")]
        assert names and len(names) == sum(e["kind"] == kind["id"] for e in entries(site_data).values()), kind["id"]
        folded = [re.sub(r"[^\w ]", "", n).casefold().replace("ü", "u") for n in names]
        assert folded == sorted(folded), kind["id"]


def search_hits(site: Path, words: str) -> list[str]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return [d["location"] for d in index["docs"] if words in d["text"] or words in d["title"]]


def test_search_finds_every_entry_by_its_name_and_other_names(site, site_data):
    """A reader who searches for another name ("Kumul" for Hami) lands on the entry."""
    for entry_id, entry in entries(site_data).items():
        for name in [entry["name"], *entry.get("other_names", [])]:
            hits = search_hits(site, name)
            assert any(h.endswith(f"#{entry_id}") for h in hits), (name, hits)


def test_coordinates_are_on_the_earth_and_shown(site, site_data):
    if not located(site_data):
        assert_part_absent(site, "map")  # no positions, no map
        return
    for entry_id, entry in located(site_data).items():
        point = entry["coordinates"]
        assert -90 <= point["lat"] <= 90 and -180 <= point["lon"] <= 180
        text = soup(site, f"glossary/{entry['kind']}").find(id=entry_id).find_next_sibling(class_="cbl-entry").get_text()
        assert f"{abs(point['lat']):.2f}°" in text and f"{abs(point['lon']):.2f}°" in text


def test_map_has_every_located_place_linked_to_its_entry(site, site_data):
    if not has_map(site_data):
        assert_part_absent(site, "map")
        return
    page = soup(site, "map")
    svg = page.find("svg", class_="cbl-map__svg")
    for entry_id, entry in located(site_data).items():
        place = svg.find(id=f"place-{entry_id}")
        assert place is not None, entry_id
        assert place["href"].endswith(f"glossary/{entry['kind']}/#{entry_id}")
        assert place.get("aria-label"), entry_id
    assert svg.select(".cbl-map__graticule line") and svg.select(".cbl-map__scale")
    assert not re.search(r"(?:href|src)=\"(?:https?:)?//", str(svg)), "the map must not load anything"
    # The text alternative lists every place of the located kinds, located or not.
    rows = page.select("table.cbl-places tbody tr")
    kinds = set(site_data.located_kinds())
    assert len(rows) == sum(e["kind"] in kinds for e in entries(site_data).values())


def test_the_route_is_drawn_where_the_chronology_has_one(site, site_data):
    if not has_map(site_data):
        assert_part_absent(site, "map")
        return
    page = soup(site, "map")
    drawn = page.select(".cbl-map__svg .cbl-map__route line")
    if route_stops(site_data):
        assert drawn, "the chronology's route is drawn"
        assert page.select(".cbl-map__key--route"), "and explained in the legend"
    else:
        assert not drawn and not page.select(".cbl-map__key--route"), "no route without one in the chronology"


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def test_each_place_on_the_map_is_named_by_the_words_it_shows(site, site_data):
    """WCAG 2.5.3 (label in name): a voice-control user says what they see ("HAMI 13 Oct"), so the
    accessible name begins with the words drawn, symbols aside (axe's label-content-name-mismatch)."""
    if not has_map(site_data):
        assert_part_absent(site, "map")
        return
    svg = soup(site, "map").find("svg", class_="cbl-map__svg")
    places = svg.select("a.cbl-map__place")
    assert len(places) == len(located(site_data))
    for place in places:
        shown = _words(place.get_text())  # as assistive technology reads it: the text nodes in turn
        assert shown and _words(place["aria-label"]).startswith(shown), (shown, place["aria-label"])


def test_every_place_the_document_names_is_drawn_or_listed_with_the_reason(site, site_data):
    if not has_map(site_data):
        assert_part_absent(site, "map")
        return
    page = soup(site, "map")
    svg = page.find("svg", class_="cbl-map__svg")
    listed = {a["href"].rsplit("#", 1)[1]: li.get_text() for li in page.select(".cbl-map__unlocated li") for a in li.find_all("a")}
    kinds = set(site_data.located_kinds())
    named = {i: e for i, e in entries(site_data).items() if e["kind"] in kinds and e.get("forms")}
    assert named, "the document names places"
    for entry_id, entry in named.items():
        if entry.get("coordinates"):
            assert svg.find(id=f"place-{entry_id}") is not None, entry_id
            assert entry_id not in listed
        else:
            assert entry_id in listed, entry_id
            assert entry["coordinates_note"] in listed[entry_id], "the reason is given"
    unlocated = {i for i, e in entries(site_data).items() if e["kind"] in kinds and not e.get("coordinates")}
    assert set(listed) == unlocated, "the list is the places without a position, named or not"


def test_the_map_shows_the_geography_the_basemap_gives(site, site_data):
    if not has_map(site_data):
        assert_part_absent(site, "map")
        return
    svg = soup(site, "map").find("svg", class_="cbl-map__svg")
    basemap = site_data.data("basemap.yml")
    if not basemap:
        assert not svg.select(".cbl-map__geography *"), "no geography without a basemap"
        assert not svg.select(".cbl-map__labels text")
        return
    for kind in {feature["kind"] for feature in basemap["features"]}:
        assert svg.select(f".cbl-map__geography .cbl-map__{kind}"), kind
    labels = " ".join(t.get_text() for t in svg.select(".cbl-map__labels text"))
    named = [feature for feature in basemap["features"] if feature.get("name")]
    assert named, "the basemap names its features"
    for feature in named:
        assert feature["name"].split(" (")[0] in labels, feature["id"]


def test_map_dates_come_from_the_chronology(site, site_data):
    if not has_map(site_data):
        assert_part_absent(site, "map")
        return
    page = soup(site, "map")
    table = page.find("table", class_="cbl-places")
    stops = route_stops(site_data)
    for event, stop in stops:
        day = date.fromisoformat(event["date"])
        row = table.find("a", href=re.compile(f"#{stop['place']}$")).find_parent("tr")
        assert f"{stop['action']} {day.day} {day:%b}" in row.get_text(), (stop, row.get_text())
    if not stops:
        column = [row.find_all("td")[-1].get_text(strip=True) for row in table.select("tbody tr")]
        assert column and set(column) == {"—"}, "no dates without a route in the chronology"
