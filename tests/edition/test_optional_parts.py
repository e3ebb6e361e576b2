"""This edition's packets that depend on an optional part (the deletions themselves, over every
site: tests/kit/test_optional_parts.py)."""

from __future__ import annotations

from tests.kit.test_optional_parts import dependant_packets
from tests.sites import SITES


def test_the_categories_chart_is_printed_by_the_seminars_packet():
    assert "categories-and-silences" in dependant_packets(SITES["edition"], "categories.yml")


def test_document_b_is_printed_by_the_50_minute_lessons_packet():
    assert "welcome-or-resistance" in dependant_packets(SITES["edition"], "related.yml")
