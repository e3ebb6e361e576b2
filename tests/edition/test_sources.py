"""Sources a sophomore can use: the claims of this edition resting on Wikipedia alone do not grow
in number (counted by tests/wikipedia_only.py, whose own test is tests/kit/test_sources.py)."""

from __future__ import annotations

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
