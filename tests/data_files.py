"""The data files as plain YAML, for tests that compute what a page must show from data/
by their own simple means (not through the macros package they are testing)."""

from __future__ import annotations

from functools import lru_cache

import yaml

from tests.conftest import ROOT


@lru_cache
def data(name: str):
    """The parsed content of data/<name>; read once per test session."""
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))


def paragraphs() -> dict[str, str]:
    """Every paragraph's text by id, in reading order."""
    text = data("text.yml")
    return {p["id"]: p["text"] for layer in text["layers"] for s in layer["sections"] for p in s["paragraphs"]}
