"""Which optional parts this site has: a part's page and its place in the navigation exist
only when its data does (no `categories.yml`, no matrix page)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .. import links
from .edition import Edition

__all__ = ["PARTS", "Part", "present"]


@dataclass(frozen=True)
class Part:
    name: str
    page: str  # the page's Markdown source under docs/
    present: Callable[[Edition], bool]


PARTS: tuple[Part, ...] = (
    Part("glossary", links.GLOSSARY, lambda e: bool(e.entries)),
    Part("map", links.MAP, lambda e: e.site.map is not None and any(x.entry.coordinates for x in e.located_entries())),
    Part("chronology", links.CHRONOLOGY, lambda e: e.part("chronology.yml") is not None),
    Part("related", links.RELATED, lambda e: e.part("related.yml") is not None),
    Part("categories", links.CATEGORIES, lambda e: e.part("categories.yml") is not None),
    Part("questions", links.QUESTIONS, lambda e: bool(e.questions())),
    Part("packets", links.PACKETS, lambda e: bool(e.packets())),
    Part("lessons", links.LESSONS, lambda e: bool(e.lessons())),
)


def present(edition: Edition) -> dict[str, bool]:
    """Each optional part's name, and whether this site has it."""
    return {part.name: part.present(edition) for part in PARTS}
