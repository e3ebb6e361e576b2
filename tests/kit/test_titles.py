"""Every title a reader meets names the page in words: the tab's `<title>`, the header, the
navigation (the phone's drawer is the same markup), the footer's previous and next links and the
search index's titles, on every page of both editions of every site (the glossary's kinds are
titled as each site's site.yml titles them; this edition's titles: tests/edition/test_titles.py).

Until the generated pages carried their title in front matter, MkDocs took it from the raw
heading, and every page's navigation showed "People { #glossary-people }"."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

# What must never reach a title: attribute-list markup, a Markdown backslash escape, an entity
# printed as text, or a raw id (a lowercase word-hyphen-word slug such as "glossary-people").
_MARKUP = re.compile(r"[{}#\\]|&(?:[a-z]+|#\d+);")
_RAW_ID = re.compile(r"(?<![\w’'-])[a-z0-9]+(?:-[a-z0-9]+)+(?![\w’'-])")


def titles(site: Path, fewest: int = 4) -> list[tuple[str, str]]:
    """(where, text) for every title shown by every page of `site` (at least `fewest` pages), and
    the search index's."""
    found = []
    pages = sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)
    assert len(pages) >= fewest, f"{site}: too few pages"
    for html in pages:
        where = html.relative_to(site).as_posix()
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        if soup.select_one("meta[http-equiv=refresh]"):
            continue  # a retired address: it only sends the reader on
        found.append((f"{where} <title>", soup.title.get_text()))
        found += [(f"{where} header", e.get_text(" ", strip=True)) for e in soup.select(".md-header__topic")]
        found += [(f"{where} navigation", e.get_text(" ", strip=True))
                  for e in soup.select(".md-nav__link, .md-nav__title")]
        for link in soup.select(".md-footer__link"):
            found += [(f"{where} footer", link["aria-label"]), (f"{where} footer", link.get_text(" ", strip=True))]
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"], f"{site}: an empty search index"
    found += [(f"search index {doc['location'] or '/'}", doc["title"]) for doc in index["docs"]]
    return found


def problems(found: list[tuple[str, str]]) -> list[str]:
    return [f"{where}: {text!r}" for where, text in found if _MARKUP.search(text) or _RAW_ID.search(text)]


def fewest_pages(site_data) -> int:
    """Home, text, about, the 404 page and one page per glossary kind."""
    return 4 + len(site_data.kinds())


def check(site: Path, fewest: int = 4) -> None:
    found = titles(site, fewest)
    navigation = {text for where, text in found if where.endswith("navigation")}
    assert navigation, "no navigation labels found"
    bad = problems(found)
    assert not bad, "\n".join(sorted(set(bad))[:40])


def kind_titles(site_data) -> set[str]:
    kinds = {kind["title"] for kind in site_data.kinds()}
    assert kinds, "the site's glossary has kinds"
    return kinds


def test_every_title_of_the_site_is_words(site, site_data):
    """The glossary's kinds are titled as site.yml has them, punctuation included: "Places (and
    buildings)", which the heading escapes for Markdown, reaches the titles without backslashes."""
    check(site, fewest_pages(site_data))
    navigation = {t for w, t in titles(site) if w.endswith("navigation")}
    assert kind_titles(site_data) <= navigation, kind_titles(site_data) - navigation


def test_every_title_of_the_instructor_edition_is_words(instructor_site, site_data):
    check(instructor_site, fewest_pages(site_data))
    navigation = {t for w, t in titles(instructor_site) if w.endswith("navigation")}
    assert kind_titles(site_data) <= navigation, kind_titles(site_data) - navigation


@pytest.mark.parametrize("text", [
    "People { #glossary-people }", r"Units \(and bodies\)", "glossary-people", "PLA&#39;s", "Places {",
])
def test_the_title_check_catches_markup_and_raw_ids(text):
    """Negative control: what the generated pages showed, and its near relations."""
    assert problems([("a page", text)])


@pytest.mark.parametrize("text", [
    "Units and bodies", "Three kinds of “rebelled” units", "How a report from Hami reached Stalin's desk",
    "Russian State Archive of Socio-Political History", "Cable Nº 59442", "Prokop’yev",
])
def test_the_title_check_passes_ordinary_titles(text):
    assert not problems([("a page", text)])
