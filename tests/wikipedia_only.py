"""Count the claims in data/ that rest on Wikipedia alone (issue 21: sources a sophomore can use).

A claim is one citation list: the value of a `sources:` key (a list of source ids) on any entry
of any data file but sources.yml (a glossary entry, a timeline event, a background paragraph, a
question, a map feature...). It rests on Wikipedia alone when every id in it is a Wikipedia
source: an entry of data/sources.yml whose publisher names Wikipedia or whose address is on
wikipedia.org (any language edition). One claim with a second, non-Wikipedia source is not
counted, even where some of its facts (a pin's coordinates, say) still come from Wikipedia only:
the count is of what a reader cannot check anywhere else at all.

Single `source:` keys (a timeline disagreement: one source's own version) and [[id]] links in
prose are not claims of the site and are not counted; each sits inside an entry that has its own
`sources:` list.

Run from the repository root: `.venv/bin/python -m tests.wikipedia_only [DATA_DIR]` prints the
count and the claims. tests/edition/test_sources.py keeps the count from growing.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Report:
    sources: int  # entries of sources.yml
    wikipedia: frozenset[str]  # ids of the Wikipedia sources among them
    claims: dict[str, list[str]]  # label ("places/urumqi") -> the ids it cites
    wikipedia_only: dict[str, list[str]]  # the claims that cite nothing but Wikipedia


def is_wikipedia(source: dict) -> bool:
    host = urlsplit(source.get("url") or "").hostname or ""
    return "wikipedia" in (source.get("publisher") or "").lower() or host == "wikipedia.org" or host.endswith(".wikipedia.org")


def count(data_dir: Path) -> Report:
    """Every claim of the data in `data_dir`, and those resting on Wikipedia alone. Refuses a
    directory without sources or without claims, so that a wrong path cannot count zero."""
    sources_file = data_dir / "sources.yml"
    assert sources_file.is_file(), f"no sources.yml in {data_dir}: is this the data directory?"
    sources = (_load(sources_file) or {}).get("sources") or []
    assert sources, f"{sources_file} lists no sources"
    wikipedia = frozenset(s["id"] for s in sources if is_wikipedia(s))
    claims: dict[str, list[str]] = {}
    for path in sorted(data_dir.glob("*.yml")):
        if path.name != "sources.yml":
            _collect(_load(path), path.stem, claims)
    assert claims, f"no `sources:` lists in {data_dir}: is this the data directory?"
    only = {label: ids for label, ids in claims.items() if ids and all(i in wikipedia for i in ids)}
    return Report(len(sources), wikipedia, claims, only)


def _load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _collect(node, label: str, claims: dict[str, list[str]]) -> None:
    """Add every `sources:` list under `node`, labelled by the file and the ids of the entries
    that hold it (or the list positions where an item has no id)."""
    if isinstance(node, dict):
        here = f"{label}/{node['id']}" if "id" in node else label
        for key, value in node.items():
            if key == "sources" and isinstance(value, list) and all(isinstance(v, str) for v in value):
                assert here not in claims, f"two citation lists share the label {here!r}"
                claims[here] = list(value)
            elif isinstance(value, (dict, list)):
                _collect(value, here if "id" in node else f"{here}/{key}", claims)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            _collect(item, label if isinstance(item, dict) and "id" in item else f"{label}/{i}", claims)


def main(argv: list[str]) -> int:
    report = count(Path(argv[0]) if argv else ROOT / "data")
    print(f"Wikipedia sources: {len(report.wikipedia)} of {report.sources}")
    print(f"claims (citation lists): {len(report.claims)}; resting on Wikipedia alone: {len(report.wikipedia_only)}")
    for label, ids in report.wikipedia_only.items():
        print(f"  {label}: {', '.join(ids)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
