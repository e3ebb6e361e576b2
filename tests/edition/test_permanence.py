"""This edition's published ids renamed: a paragraph in the middle of the report, whose old anchor
must land there and nowhere else, and its first packet (the kit's checks on any site:
tests/kit/test_permanence.py)."""

from __future__ import annotations

from tests.conftest import copy_project
from tests.kit.test_permanence import check_renamed_paragraph
from tests.sites import SITES


def test_a_renamed_paragraph_of_the_report_keeps_its_old_anchor(tmp_path):
    project = copy_project(tmp_path / "project")
    text = check_renamed_paragraph(tmp_path, project, list(SITES["edition"].paragraphs()), "s2-version-3", "s2-third-version")
    assert text.find(id="s2-version-1") and not text.find(id="s2-version-4"), "negative control: no other anchor invented"


def test_the_packet_the_kit_renames_here_is_three_versions():
    assert SITES["edition"].items("packets.yml", "packets")[0]["id"] == "three-versions"
