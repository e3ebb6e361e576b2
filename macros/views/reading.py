"""How hard a lesson's texts are to read, for instructors: the Flesch-Kincaid grade of the passages
as printed and of their plainer version, and of the background and its plainer version, computed
by textstat (a library nobody here wrote) at build time, never typed."""

from __future__ import annotations

import re
from dataclasses import dataclass

import textstat

from .handouts import Handout

__all__ = ["ReadingLevel", "reading_levels"]

_REFERENCE = re.compile(r"\[\[[^|\]]*\|?([^\]]*)\]\]")


@dataclass(frozen=True)
class ReadingLevel:
    text: str  # "the passages as printed", "the background in plainer words"
    grade: float


def _plain(prose: str) -> str:
    return " ".join(_REFERENCE.sub(r"\1", prose).replace("*", "").split())


def reading_levels(handout: Handout) -> list[ReadingLevel]:
    """The levels of what the handout and its support sheet give to read."""
    texts = [("the passages as printed", " ".join(p.paragraph.text for p in handout.pv.paragraphs))]
    if handout.lesson.adaptation:
        texts.append(("the passages in plainer words", " ".join(s.text for s in handout.lesson.adaptation.sentences)))
    if handout.background:
        paragraphs = handout.background.paragraphs
        texts.append(("the background", " ".join(_plain(p.text) for p in paragraphs)))
        if all(p.plain for p in paragraphs):
            texts.append(("the background in plainer words", " ".join(_plain(p.plain) for p in paragraphs)))
    return [ReadingLevel(label, round(textstat.flesch_kincaid_grade(text), 1)) for label, text in texts]
