"""The pages of docs/ fit any document: they carry no word that names this one, and take the
document's own words from data/. A fork that replaces data/ writes no prose in docs/ (the fictional
document's site, built with these very pages, is checked in tests/kit/test_second_document.py); this
edition still shows the openings its data gives.

Before: the pages said "Cable Nº 59442", "The text of the cable", "five framed layers … Kovalev's
covering line" and the journey from Hami whatever data/ held, and nothing warned."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import ROOT
from tests.data_files import data

DOCS = ROOT / "docs"


def _words(text: str) -> set[str]:
    """The words of a name or title that identify it: capitalised words and numbers of three
    characters or more ("Hami", "Kovalev", "59442"), as typed."""
    return {w for w in re.findall(r"[\w’'.-]+", text) if len(w.strip(".")) >= 3 and (w[0].isupper() or w[0].isdigit())}


def identifying_words() -> set[str]:
    """Words of this document, taken from its data: the titles of the site and of the archive's
    record, its short name, its author and recipient, its layers, and every glossary entry's name."""
    site, document = data("site.yml"), data("document.yml")
    names = [site["title"], site.get("document_name", ""), document["title"], document["author"], document["recipient"]]
    names += [layer["title"] for layer in data("text.yml")["layers"]]
    for kind in site["glossary"]["kinds"]:
        names += [entry["name"] for entry in data(f"{kind['id']}.yml")["entries"]]
    # "The" opens titles ("The report from Hami"): capitalised there, it names nothing.
    return {w.strip(".") for name in names for w in _words(name)} - {"The"}


def docs_pages() -> dict[str, str]:
    pages = {p.relative_to(DOCS).as_posix(): p.read_text(encoding="utf-8") for p in sorted(DOCS.rglob("*.md"))}
    assert len(pages) >= 14, sorted(pages)
    return pages


def naming(text: str, words: set[str], noun: str) -> list[str]:
    """The words of `words` (whole words, as typed) and the document's noun (in any case) found in `text`."""
    found = {w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)}
    found |= {m.group(0) for m in re.finditer(rf"\b{re.escape(noun)}s?\b", text, re.IGNORECASE)}
    return sorted(found)


def test_no_page_of_docs_names_the_document():
    words = identifying_words()
    assert len(words) > 60 and {"Hami", "Kovalev", "Stalin", "59442", "Xinjiang"} <= words, sorted(words)[:40]
    noun = data("site.yml")["document_noun"]
    assert noun == "cable"
    problems = {page: naming(text, words, noun) for page, text in docs_pages().items()}
    assert not {page: found for page, found in problems.items() if found}


def test_the_check_finds_the_old_wording():
    """The negative control: lines the pages carried before their words came from data."""
    words, noun = identifying_words(), data("site.yml")["document_noun"]
    assert naming("description: The full text of Cable Nº 59442 (25-26 October 1949)", words, noun) == ["1949", "59442", "Cable", "October"]
    assert naming("Kovalev's covering line, Mao's letter, the report from Hami", words, noun) == ["Hami", "Kovalev", "Mao"]
    assert naming("Every place the {{ noun }} names that could be located", words, noun) == []


# --- this edition's own words, from its data ------------------------------------------------------

def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def _text(element) -> str:
    return " ".join(element.get_text().split())


def _plain(prose: str) -> str:
    """A prose field as a reader reads it: a reference as its words or its source's short name."""
    shorts = {s["id"]: s["short"] for s in data("sources.yml")["sources"]}
    return " ".join(re.sub(r"\[\[([^|\]]+)(?:\|([^\]]+))?\]\]", lambda m: m.group(2) or shorts[m.group(1)], prose).split())


def test_this_edition_shows_the_openings_its_data_gives(site):
    site_data, chronology = data("site.yml"), data("chronology.yml")
    home = _soup(site, "")
    paragraphs = [_text(p) for p in home.select("article > p")]
    assert _plain(site_data["home_intro"]) in paragraphs
    assert paragraphs[0].startswith('On 25 October 1949 Mao Zedong sent Stalin, addressed by his code name "Filippov" (Wilson Center')
    why = home.find(id="why")
    assert why and _text(why.find_next("p")) == _plain(site_data["why_it_matters"])
    assert _text(why.find_next("p").find_next("p")) == (
        "This site reproduces the archive’s English translation word for word, in 41 numbered paragraphs, and explains where it comes from.")
    background = _soup(site, "background").select_one("article > p")
    assert _text(background).startswith(data("background.yml")["intro"] + " Read this first:")
    categories = _soup(site, "categories")
    assert _text(categories.select_one("h1")) == data("categories.yml")["title"] + "¶"
    assert _text(categories.select_one("article > p")).startswith(
        'Section 2 of the report sorts the units "which had rebelled" that the PLA met in Xinjiang into three "versions"')
    assert _text(categories.find(id="reading-guide")).startswith(data("categories.yml")["reading_guide_title"])
    journey = _soup(site, "chronology").find(id="journey")
    assert _text(journey) == "The cable’s journey¶"
    assert _text(journey.find_next("p")) == chronology["journey_intro"]
    box = journey.find_next("aside", class_="cbl-question-box")
    assert box and box.find_previous("h2") is journey, "the journey's question is shown beside it"
    assert chronology["journey_questions"] == ["sourcing-week-in-peking"]


def test_the_guide_to_the_text_names_its_layers_from_the_data(site):
    layers = data("text.yml")["layers"]
    note = _soup(site, "text").select_one("details.cbl-how-to-read .cbl-reading-note")
    assert len(layers) == 5
    assert _text(note).startswith(
        "The cable is in five framed layers, each with its colour and label: “The cable’s envelope”, “Kovalev’s covering line”, "
        "“Mao Zedong’s letter”, “The report from Hami” and “Transmission notes”.")
    assert [a["href"] for a in note.select("a")][:5] == [f"#{layer['id']}" for layer in layers]


def test_descriptions_and_titles_come_from_the_data(site):
    def description(page: str) -> str:
        return _soup(site, page).select_one('meta[name="description"]')["content"]

    name = data("site.yml")["document_name"]
    assert description("") == " ".join(data("site.yml")["description"].split())
    assert description("text") == (f"The full text of {name}, 25 October 1949: the archive’s English translation, word for word, "
                                   "with its layers, brackets and names explained.")
    assert description("sources") == f"Every work cited on this site about {name}, with what it is used for."
    categories = _soup(site, "categories")
    title = data("categories.yml")["title"]
    assert categories.title.get_text().startswith(title + " - ")
    assert title in [a.get_text(" ", strip=True) for a in _soup(site, "text").select(".md-nav__link")], "the navigation's title"
