"""Rendering units on this edition's data: its citations' values as the archive gives them, and
references to its own paragraphs and entries (the kit's units: tests/kit/test_render.py)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from macros.templating.environment import Renderer
from macros.views import citation
from macros.views.load import load_edition
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def edition():
    return load_edition(ROOT / "data")


@pytest.fixture(scope="module")
def renderer(edition):
    return Renderer(edition, instructor=False, site_url="https://example.org/site/")


def test_references_link_only_what_is_marked(renderer):
    """An ordinary word that happens to be a paragraph id ('copies', 'typed') is never a link;
    [[copies]] is one, to that paragraph's number."""
    html = renderer.render("reading-guide.html", "questions/", guide=[
        type("G", (), {"text": "Four copies were typed ([[copies]]; [[wilson-record]]; [[hami|Kumul]]).", "sources": ["wilson-record"]})()
    ])
    soup = BeautifulSoup(html, "html.parser")
    links = {a.get_text(): a["href"] for a in soup.find("p").find_all("a")}
    assert links["¶\u00a040"] == "../text/#copies"
    assert links["Kumul"] == "../glossary/places/#hami"
    assert soup.find("p").get_text().startswith("Four copies were typed (")
    assert not [a for a in soup.find_all("a") if a.get_text() in ("copies", "typed")]


def test_the_cables_citations_give_rgaspi_and_its_date(edition):
    doc = edition.document
    for text in (citation.chicago(doc), citation.mla(doc)):
        assert "RGASPI, f. 558, op. 11, d. 333, ll. 25-28" in text and "Gary Goldberg" in text
    assert "October 25, 1949" in citation.chicago(doc)
    assert "25 Oct. 1949" in citation.mla(doc)


def test_the_cables_meta_tags_file_goldberg_and_mao(edition):
    tags = dict(citation.meta_tags(edition.document))
    assert tags["z.translators"] == "Goldberg, Gary" and tags["DC.creator"] == "Mao, Zedong"
    assert tags["citation_date"] == "1949/10/25"
