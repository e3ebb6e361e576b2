"""A part without data is left out, and nothing else breaks: delete its data file from a copy of
the project and the site still builds strictly, without the part's page, its place in the
navigation, or any link to it."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.conftest import assert_clean_build, copy_project, mkdocs_build
from tests.site_checks import broken_links

BASE = "https://example.github.io/cable-59442/"


# What else the part's data fed, that must go with it: the categories chart and Document B on the
# packet that printed them (their presence with the part is checked in test_lessons).
DEPENDANTS = {
    "categories.yml": ("packets/categories-and-silences", ".cbl-organizer--categories"),
    "related.yml": ("packets/welcome-or-resistance", ".cbl-document"),
}


@pytest.mark.parametrize("data_file, page", [
    ("categories.yml", "categories"),
    ("packets.yml", "packets"),
    ("related.yml", "related"),
])
def test_deleting_a_part_leaves_out_its_page(tmp_path, data_file, page):
    project = copy_project(tmp_path / "project")
    (project / "data" / data_file).unlink()
    site = tmp_path / "site"
    assert_clean_build(mkdocs_build(project, site, BASE))
    assert not (site / page).exists()
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert not [a for a in home.select("a[href]") if a["href"].rstrip("/").endswith(page)], "no link to the part"
    assert (site / "text" / "index.html").is_file() and (site / "glossary" / "index.html").is_file()
    if data_file in DEPENDANTS:
        packet, component = DEPENDANTS[data_file]
        html = BeautifulSoup((site / packet / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert html.select_one(".cbl-packet__text") and not html.select(component)
    problems, checked = broken_links(site, BASE)
    assert not problems, problems
    assert checked > 100


@pytest.mark.parametrize("data_file", sorted(DEPENDANTS))
def test_with_its_part_the_dependant_is_printed(site, data_file):
    """The positive control of the test above: the same packet, built with all its data."""
    packet, component = DEPENDANTS[data_file]
    html = BeautifulSoup((site / packet / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert html.select(component)
