"""This edition's descriptions as typed (the kit's checks of every page: tests/kit/test_html.py)."""

from __future__ import annotations

from bs4 import BeautifulSoup


def test_straight_quotes_typed_in_front_matter_are_kept_as_text(site):
    soup = BeautifulSoup((site / "categories" / "index.html").read_text(encoding="utf-8"), "html.parser")
    (tag,) = soup.select('meta[name="description"]')
    assert set(tag.attrs) == {"name", "content"}
    assert '"which had rebelled"' in tag["content"]
