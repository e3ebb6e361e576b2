"""What a reader notices in the wording of the built pages: a label printed twice, a place name
lowercased, a raw id among the words, two different places to start. Each was on the site
(commit 3987c91) with every other test passing; each check has a negative control. The gap
before punctuation after a link is a browser check (tests/kit/test_browser.py, `GAP_BEFORE_PUNCTUATION`).

Run over every site: its place names, map legend and entry ids come from its data. This edition's
floors and names: tests/edition/test_wording.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.sites import assert_part_absent


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def _content_pages(site: Path):
    pages = [html for html in sorted(site.rglob("*.html")) if "assets" not in html.relative_to(site).parts]
    assert pages, f"{site}: no pages"
    for html in pages:
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        content = soup.select_one(".md-content")
        if content is not None:
            for hidden in content.select("script, style, .cbl-visually-hidden"):
                hidden.decompose()
            yield html.relative_to(site).as_posix(), content


# --- a label printed twice --------------------------------------------------------------------

def doubled_labels(content: BeautifulSoup) -> list[str]:
    """Paragraphs that open with a bold label and then repeat its first words:
    "Our reading (an inference, not the report’s words): Our reading: …"."""
    found = []
    for label in content.select("p > strong:first-child"):
        words = re.findall(r"\w+", label.get_text())[:2]
        rest = label.parent.get_text(" ", strip=True)[len(label.get_text(" ", strip=True)):].strip()
        if len(words) == 2 and re.match(r"\W*" + r"\W+".join(words) + r"\b", rest, re.IGNORECASE):
            found.append(label.parent.get_text(" ", strip=True)[:90])
    return found


def labelled_paragraphs(site: Path) -> int:
    """How many paragraphs open with a bold label, on every page; each is checked below."""
    labelled = 0
    for page, content in _content_pages(site):
        labelled += len(content.select("p > strong:first-child"))
        assert not doubled_labels(content), f"{page}: {doubled_labels(content)}"
    return labelled


def test_no_label_is_printed_twice(site):
    labelled_paragraphs(site)


def test_the_doubled_label_check_catches_one():
    html = ('<p class="cbl-inference"><strong>Our reading (an inference, not the report’s words):</strong> '
            "Our reading: the wish belongs to the first version.</p><p><strong>Adapted:</strong> Shorter sentences.</p>")
    assert len(doubled_labels(BeautifulSoup(html, "html.parser"))) == 1


# --- names as the data has them ---------------------------------------------------------------

def place_names(site_data) -> set[str]:
    """Names of places as the data spells them, capitals included: the names of the entries of the
    located kinds and the capitalised words of the map's legend (Peking, Moscow: not glossary
    entries); those of one word."""
    located = set(site_data.located_kinds())
    names = {e["name"] for e in site_data.entries().values() if e["kind"] in located}
    for words in (site_data.data("site.yml").get("map") or {}).values():  # capitals after the first word are names
        names |= set(re.findall(r"(?<=\s)[A-Z][a-z]+\b", words))
    single = {n for n in names if re.fullmatch(r"\w+", n) and n[0].isupper() and n.lower() != n}
    assert single, "the site's data names places"
    return single


def lowercased_names(text: str, names: set[str]) -> list[str]:
    return sorted({m.group(0) for name in names for m in re.finditer(rf"\b{re.escape(name.lower())}\b", text)})


def test_place_names_keep_their_capitals(site, site_data):
    names = place_names(site_data)
    problems = {}
    for page, content in _content_pages(site):
        found = lowercased_names(content.get_text(" "), names)
        if found:
            problems[page] = found
    assert not problems, f"place names printed in lowercase: {problems}"


def test_the_map_legend_prints_the_data_as_written(site, site_data):
    legend_words = site_data.data("site.yml").get("map")
    if not legend_words or not any(e.get("coordinates") for e in site_data.entries().values()):
        assert_part_absent(site, "map")
        return
    legend = _soup(site, "map").select_one(".cbl-map__legend, .cbl-map")
    shown = " ".join(legend.get_text(" ").split())
    assert shown, "the map has a legend"
    # The document's journey (the chronology's events of a journey kind) where the site has one.
    chronology = site_data.data("chronology.yml") or {}
    kinds = {k["id"] for k in chronology.get("kinds", []) if k.get("journey")}
    journey_places = {p for e in chronology.get("events", []) if e["kind"] in kinds for p in e.get("places", [])}
    if legend_words.get("journey") and len(journey_places) > 1:
        journey = legend_words["journey"]
        assert journey[0].upper() + journey[1:] + "." in shown
    else:
        assert not legend.select(".cbl-map__key--cable"), "no journey in the legend without one in the data"
    if legend.select(".cbl-map__key--route"):
        route = legend_words["route"]
        assert route[0].upper() + route[1:] + " (" in shown


def test_the_lowercase_check_catches_one():
    assert lowercased_names("the report’s journey from hami towards peking", {"Hami", "Peking"}) == ["hami", "peking"]
    assert lowercased_names("from Hami towards Peking", {"Hami", "Peking"}) == []


# --- a raw id among the words -----------------------------------------------------------------

def entry_ids(site_data) -> set[str]:
    ids = set(site_data.entries())
    assert ids, "the site's glossary has entries"
    return ids


def raw_ids(text: str, ids: set[str]) -> list[str]:
    """An entry id in brackets, as a reader would never write it: "URUMCHI (urumqi)"."""
    return sorted({m.group(0) for m in re.finditer(r"\(([a-z0-9]+(?:-[a-z0-9]+)*)\)", text) if m.group(1) in ids})


def test_no_raw_id_among_the_words(site, site_data):
    ids = entry_ids(site_data)
    problems = {page: raw_ids(content.get_text(" "), ids) for page, content in _content_pages(site)}
    assert not {p: f for p, f in problems.items() if f}


def test_the_raw_id_check_catches_one():
    assert raw_ids("URUMCHI (urumqi) appears only in the policy", {"urumqi"}) == ["(urumqi)"]


# --- one place to start -----------------------------------------------------------------------

_START = re.compile(r"\b(?:start|begin)\s+(?:with|at|from)\s+(?:the\s+)?(\w+(?:\s\w+)?)", re.IGNORECASE)


def starting_points(home: BeautifulSoup, titles: dict[str, str]) -> set[str]:
    """The pages the home page tells a reader to start with: "Start with the text", or a link whose
    note says "read it first". `titles` maps a lowercase page title to the page."""
    found = set()
    for block in home.select(".md-content p, .md-content li"):
        text = block.get_text(" ", strip=True)
        for match in _START.finditer(text):
            words = match.group(1).lower()
            found |= {page for title, page in titles.items()
                      if title.removeprefix("the ").startswith(words) or words.startswith(title.removeprefix("the "))}
        if re.search(r"\bread (?:it|this|them) first\b", text, re.IGNORECASE) and block.name == "li":
            found |= {a["href"] for a in block.find_all("a", href=True)[:1]}
    return {page.strip("./").removesuffix("/") for page in found}


def _titles(home: BeautifulSoup) -> dict[str, str]:
    titles = {a.get_text(" ", strip=True).lower(): a["href"] for a in home.select(".md-content a[href]")
              if not a["href"].startswith(("http", "#"))}
    assert titles, "the home page links the site's pages"
    return titles


def home_starting_points(site: Path) -> set[str]:
    home = _soup(site, "")
    return starting_points(home, _titles(home))


def test_the_home_page_names_one_starting_point(site, site_data):
    points = home_starting_points(site)
    assert len(points) <= 1, f"the home page names more than one place to start: {points}"
    # A home card's link whose note says "read it first" (site.yml) is that one place.
    first = [link["page"] for card in site_data.data("site.yml").get("home") or [] for link in card["links"]
             if re.search(r"\bread (?:it|this|them) first\b", link.get("about", ""), re.IGNORECASE)]
    if first:
        assert points == {first[0].removesuffix(".md").removesuffix("/index")}, points


@pytest.mark.parametrize("card", [
    "<p>Start with the text, word for word.</p><ul><li><a href='background/'>Background</a>: read it first</li>"
    "<li><a href='text/'>The text</a>: word for word</li></ul>",
])
def test_the_starting_point_check_catches_two(card):
    home = BeautifulSoup(f'<div class="md-content">{card}</div>', "html.parser")
    assert starting_points(home, _titles(home)) == {"background", "text"}
