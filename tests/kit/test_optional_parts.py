"""A part without data is left out, and nothing else breaks: delete its data file from a copy of
the site and the site still builds strictly, without the part's page, its place in the
navigation, or any link to it; what the part fed elsewhere (a packet's categories chart, its
Document B) goes with it.

Run over every site: each optional part the site has is deleted in turn; each it lacks is checked
absent from its built site. (This edition's dependants by name: tests/edition/test_optional_parts.py.)"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.conftest import assert_clean_build, mkdocs_build
from tests.site_checks import broken_links
from tests.sites import SITES, assert_part_absent

# An optional part's data file and its page.
PARTS = {
    "categories.yml": "categories",
    "packets.yml": "packets",
    "related.yml": "related",
    "chronology.yml": "chronology",
    "background.yml": "background",
    "lessons.yml": "lessons",
}

# What else a part's data fed, that must go with it: (the packets that print it, given the
# packet and the charts its questions ask for, and its component).
DEPENDANTS = {
    "categories.yml": (lambda packet, asked: "categories" in set(packet.get("organizers", [])) | asked, ".cbl-organizer--categories"),
    "related.yml": (lambda packet, asked: bool(packet.get("documents")), ".cbl-document"),
}


def dependant_packets(site_data, data_file: str) -> list[str]:
    chooses, _ = DEPENDANTS[data_file]
    charts = {q["id"]: q.get("organizer") for q in site_data.items("questions.yml", "questions")}
    return [p["id"] for p in site_data.items("packets.yml", "packets")
            if chooses(p, {charts.get(q) for q in p.get("questions", [])} - {None})]


def _soup(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


CASES = [pytest.param(name, data_file, id=f"{name}-{data_file}") for name in SITES for data_file in PARTS]


@pytest.mark.parametrize("site_name, data_file", CASES)
def test_deleting_a_part_leaves_out_its_page(tmp_path, site, site_data, data_file):
    page = PARTS[data_file]
    if not site_data.has(data_file):
        assert_part_absent(site, page)
        return
    assert (site / page / "index.html").is_file(), "with its data, the part has its page"
    project = site_data.assemble(tmp_path / "project")
    (project / "data" / data_file).unlink()
    built = tmp_path / "site"
    assert_clean_build(mkdocs_build(project, built, site_data.public_url))
    assert_part_absent(built, page)
    assert (built / "text" / "index.html").is_file() and (built / "about" / "index.html").is_file()
    if data_file in DEPENDANTS:
        _, component = DEPENDANTS[data_file]
        for packet in dependant_packets(site_data, data_file):
            html = _soup(built, f"packets/{packet}")
            assert html.select_one(".cbl-packet__text") and not html.select(component), packet
    pages = [p for p in built.rglob("*.html") if p.relative_to(built).parts[0] != "assets"]
    problems, checked = broken_links(built, site_data.public_url)
    assert not problems, problems
    assert checked >= len(pages), (checked, len(pages))


@pytest.mark.parametrize("data_file", sorted(DEPENDANTS))
def test_with_its_part_the_dependant_is_printed(site, site_data, data_file):
    """The positive control of the test above: the same packets, built with all their data; and
    no other packet prints the component."""
    _, component = DEPENDANTS[data_file]
    packets = site_data.items("packets.yml", "packets")
    if not packets:
        assert_part_absent(site, "packets")
        return
    chosen = dependant_packets(site_data, data_file)
    for packet in packets:
        assert bool(_soup(site, f"packets/{packet['id']}").select(component)) == (packet["id"] in chosen), packet["id"]
