"""The counter of claims that rest on Wikipedia alone (tests/wikipedia_only.py) counts what it says,
on a tiny data folder of its own. This edition's ceiling on that count: tests/edition/test_sources.py."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.wikipedia_only import count


def _site(tmp_path: Path, entries: list[dict]) -> Path:
    """A data directory with three sources (two Wikipedia, found by publisher and by address)
    and the given glossary entries."""
    sources = [
        {"id": "wiki-en", "publisher": "Wikipedia (English)", "url": "https://en.wikipedia.org/wiki/X"},
        {"id": "wiki-zh", "publisher": "维基百科", "url": "https://zh.wikipedia.org/wiki/Y"},
        {"id": "book", "publisher": "Columbia University Press"},
    ]
    (tmp_path / "sources.yml").write_text(yaml.safe_dump({"sources": sources}, allow_unicode=True), encoding="utf-8")
    (tmp_path / "terms.yml").write_text(yaml.safe_dump({"entries": entries}), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("cited", "counted"),
    [
        (["wiki-en"], True),
        (["wiki-en", "wiki-zh"], True),  # two Wikipedias are still Wikipedia alone
        (["wiki-en", "book"], False),  # negative control: a second source a reader can check
        (["book"], False),
    ],
)
def test_a_claim_counts_only_when_every_source_is_wikipedia(tmp_path, cited, counted):
    report = count(_site(tmp_path, [{"id": "term", "sources": cited}, {"id": "other", "sources": ["book"]}]))
    assert set(report.claims) == {"terms/entries/term", "terms/entries/other"}
    assert ("terms/entries/term" in report.wikipedia_only) is counted
    assert "terms/entries/other" not in report.wikipedia_only


def test_the_counter_refuses_a_directory_without_data(tmp_path):
    with pytest.raises(AssertionError, match="no sources.yml in"):
        count(tmp_path)
    _site(tmp_path, [{"id": "term"}])
    with pytest.raises(AssertionError, match=r"no `sources:` lists in"):
        count(tmp_path)
