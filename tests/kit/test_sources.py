"""Sources a sophomore can use: the claims resting on Wikipedia alone do not grow in number
(counted by tests/wikipedia_only.py), and the counter counts what it says on a tiny fixture."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from tests.wikipedia_only import count

# A ceiling, not a target: the number of claims that rested on Wikipedia alone when a scholarly,
# official or contemporary source was last sought for each (December 2026: 13 before, 4 after).
# A new claim that cites only Wikipedia raises the count and fails here; find a second source a
# reader can check, or, if none exists, say so in the entry and raise this number on purpose.
# When a claim gains a second source, lower it, so that the ceiling stays today's count.
WIKIPEDIA_ONLY_CEILING = 4


def test_claims_resting_on_wikipedia_alone_do_not_grow():
    report = count(ROOT / "data")
    assert len(report.claims) > 100, "the data should hold well over a hundred citation lists"
    assert report.wikipedia, "the data cites Wikipedia somewhere; none found means the detection broke"
    listed = "\n".join(f"  {label}: {', '.join(ids)}" for label, ids in report.wikipedia_only.items())
    assert len(report.wikipedia_only) <= WIKIPEDIA_ONLY_CEILING, (
        f"{len(report.wikipedia_only)} claims rest on Wikipedia alone (the ceiling is {WIKIPEDIA_ONLY_CEILING}):\n{listed}"
    )


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
