"""A part without data is left out, and nothing else breaks: delete its data file from a copy of
the project and the site still builds strictly, without the part's page, its place in the
navigation, or any link to it."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.conftest import assert_clean_build, copy_project, mkdocs_build
from tests.site_checks import broken_links

BASE = "https://example.github.io/cable-59442/"


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
    problems, checked = broken_links(site, BASE)
    assert not problems, problems
    assert checked > 100
