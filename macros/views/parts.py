"""Which optional parts this site has: a part's page and its place in the navigation exist
only when its data does (no `categories.yml`, no matrix page)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .. import links
from .edition import Edition

__all__ = ["PARTS", "Part", "present", "present_without_data"]


@dataclass(frozen=True)
class Part:
    name: str
    page: str  # the page's Markdown source under docs/
    present: Callable[[Edition, bool], bool]  # (edition, instructor edition?)
    instructor_only: bool = False  # never in the student edition, whatever the data


PARTS: tuple[Part, ...] = (
    Part("glossary", links.GLOSSARY, lambda e, instructor: bool(e.entries)),
    # Where each source was read and the words seen there: a record for instructors and editors.
    Part("sources_checked", links.SOURCES_CHECKED, lambda e, instructor: instructor and any(s.checked for s in e.sources),
         instructor_only=True),
    Part("map", links.MAP, lambda e, instructor: e.site.map is not None and any(x.entry.coordinates for x in e.located_entries())),
    Part("chronology", links.CHRONOLOGY, lambda e, instructor: e.part("chronology.yml") is not None),
    Part("related", links.RELATED, lambda e, instructor: e.part("related.yml") is not None),
    Part("categories", links.CATEGORIES, lambda e, instructor: e.part("categories.yml") is not None),
    Part("questions", links.QUESTIONS, lambda e, instructor: bool(e.questions())),
    Part("packets", links.PACKETS, lambda e, instructor: bool(e.packets())),
    # A lesson is taught from a packet: without packets there are no lessons to show.
    Part("lessons", links.LESSONS, lambda e, instructor: bool(e.lessons()) and bool(e.packets())),
    Part("background", links.BACKGROUND, lambda e, instructor: e.part("background.yml") is not None),
)


def present(edition: Edition, instructor: bool = False) -> dict[str, bool]:
    """Each optional part's name, and whether this edition of the site has it."""
    return {part.name: part.present(edition, instructor) for part in PARTS}


def present_without_data(instructor: bool) -> dict[str, bool]:
    """While the data cannot be read (under serve, before any good build): every part whose page
    is in docs/, but none for instructors in the student edition."""
    return {part.name: instructor or not part.instructor_only for part in PARTS}
