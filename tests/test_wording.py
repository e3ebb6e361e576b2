"""What a reader notices in the wording of the built pages: a label printed twice, a place name
lowercased, a raw id among the words, two different places to start. Each was on the site
(commit 3987c91) with every other test passing; each check has a negative control. The gap
before punctuation after a link is a browser check (tests/test_browser.py, `GAP_BEFORE_PUNCTUATION`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.data_files import data


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def _content_pages(site: Path):
    for html in sorted(site.rglob("*.html")):
        if "assets" in html.parts:
            continue
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


def test_no_label_is_printed_twice(site):
    labelled = 0
    for page, content in _content_pages(site):
        labelled += len(content.select("p > strong:first-child"))
        assert not doubled_labels(content), f"{page}: {doubled_labels(content)}"
    assert labelled > 20, "labelled paragraphs were found"
    assert _soup(site, "categories").select(".cbl-inference"), "the categories page has its readings"


def test_the_doubled_label_check_catches_one():
    html = ('<p class="cbl-inference"><strong>Our reading (an inference, not the report’s words):</strong> '
            "Our reading: the wish belongs to the first version.</p><p><strong>Adapted:</strong> Shorter sentences.</p>")
    assert len(doubled_labels(BeautifulSoup(html, "html.parser"))) == 1


# --- names as the data has them ---------------------------------------------------------------

def _place_names() -> set[str]:
    """Names of places as the data spells them, capitals included: the place entries' names and
    the capitalised words of the map's legend (Peking, Moscow: not glossary entries)."""
    names = {e["name"] for e in data("places.yml")["entries"]}
    for words in data("site.yml")["map"].values():  # capitals after the first word are names
        names |= set(re.findall(r"(?<=\s)[A-Z][a-z]+\b", words))
    single = {n for n in names if re.fullmatch(r"\w+", n) and n[0].isupper() and n.lower() != n}
    assert {"Hami", "Peking", "Moscow"} <= single, single
    return single


def lowercased_names(text: str, names: set[str]) -> list[str]:
    return sorted({m.group(0) for name in names for m in re.finditer(rf"\b{re.escape(name.lower())}\b", text)})


def test_place_names_keep_their_capitals(site):
    names = _place_names()
    problems = {}
    for page, content in _content_pages(site):
        found = lowercased_names(content.get_text(" "), names)
        if found:
            problems[page] = found
    assert not problems, f"place names printed in lowercase: {problems}"


def test_the_map_legend_prints_the_data_as_written(site):
    journey = data("site.yml")["map"]["journey"]
    legend = _soup(site, "map").select_one(".cbl-map__legend, .cbl-map").get_text(" ")
    assert journey[0].upper() + journey[1:] + "." in " ".join(legend.split())


def test_the_lowercase_check_catches_one():
    assert lowercased_names("the report’s journey from hami towards peking", {"Hami", "Peking"}) == ["hami", "peking"]
    assert lowercased_names("from Hami towards Peking", {"Hami", "Peking"}) == []


# --- a raw id among the words -----------------------------------------------------------------

def _entry_ids() -> set[str]:
    kinds = [k["id"] for k in data("site.yml")["glossary"]["kinds"]]
    ids = {e["id"] for kind in kinds for e in data(f"{kind}.yml")["entries"]}
    assert len(ids) > 50
    return ids


def raw_ids(text: str, ids: set[str]) -> list[str]:
    """An entry id in brackets, as a reader would never write it: "URUMCHI (urumqi)"."""
    return sorted({m.group(0) for m in re.finditer(r"\(([a-z0-9]+(?:-[a-z0-9]+)*)\)", text) if m.group(1) in ids})


def test_no_raw_id_among_the_words(site):
    ids = _entry_ids()
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
    assert {"background", "the text"} <= set(titles), titles
    return titles


def test_the_home_page_names_one_starting_point(site):
    home = _soup(site, "")
    points = starting_points(home, _titles(home))
    # guides/teaching.md, "For readers": start at Background, then the text.
    assert points == {"background"}, f"the home page names more than one place to start: {points}"


@pytest.mark.parametrize("card", [
    "<p>Start with the text, word for word.</p><ul><li><a href='background/'>Background</a>: read it first</li>"
    "<li><a href='text/'>The text</a>: word for word</li></ul>",
])
def test_the_starting_point_check_catches_two(card):
    home = BeautifulSoup(f'<div class="md-content">{card}</div>', "html.parser")
    assert starting_points(home, _titles(home)) == {"background", "text"}
