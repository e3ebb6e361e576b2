"""Fields that name something defined elsewhere, by its id: a paragraph, a source, a place.

Each type below is an `Id` with a `RefersTo` marker saying what it names, as `FreeText` marks
prose (macros.files.fields). The models declare their references with them
(`paragraphs: list[ParagraphId]`, `quotes: dict[QuoteRowId, list[Quote]]`); one walker finds
every marked value (`macros.files.walk.references`) and one check refuses an id that names
nothing (`macros.checks.references`, which says where each kind of id is defined).
tests/edition/test_references.py fails on a field that looks like a reference and carries no marker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from .fields import Id

__all__ = [
    "ClockId", "EntryId", "EventKindId", "ExcerptDocumentId", "LevelId", "PacketId", "ParagraphId", "PassageId", "PlaceId",
    "QuestionId", "QuoteRowId", "RefersTo", "SkillId", "SourceId", "StandardId", "UnlocatedEntryId",
]


@dataclass(frozen=True)
class RefersTo:
    """Marks an id that must name a `target` defined elsewhere in data/ (the kinds below)."""

    target: str


ParagraphId = Annotated[Id, RefersTo("paragraph")]  # data/text.yml
PassageId = Annotated[Id, RefersTo("passage")]  # a paragraph, section or layer of data/text.yml
SourceId = Annotated[Id, RefersTo("source")]  # data/sources.yml
EntryId = Annotated[Id, RefersTo("entry")]  # a glossary entry of any kind
PlaceId = Annotated[Id, RefersTo("place")]  # an entry of a located glossary kind (places)
UnlocatedEntryId = Annotated[Id, RefersTo("unlocated-entry")]  # an entry of a kind that is not located (people, units)
ClockId = Annotated[Id, RefersTo("clock")]  # data/clocks.yml
EventKindId = Annotated[Id, RefersTo("event-kind")]  # the kinds at the top of data/chronology.yml
ExcerptDocumentId = Annotated[Id, RefersTo("excerpt-document")]  # a document of data/related.yml with an excerpt
SkillId = Annotated[Id, RefersTo("skill")]  # the skills at the top of data/questions.yml
LevelId = Annotated[Id, RefersTo("level")]  # the levels at the top of data/questions.yml
QuestionId = Annotated[Id, RefersTo("question")]  # data/questions.yml
QuoteRowId = Annotated[Id, RefersTo("quote-row")]  # a row of data/categories.yml that shows quotations
PacketId = Annotated[Id, RefersTo("packet")]  # data/packets.yml
StandardId = Annotated[Id, RefersTo("standard")]  # data/standards.yml

