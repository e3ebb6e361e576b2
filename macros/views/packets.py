"""What a reading packet holds, for its own page and for a lesson taught from it: the passages,
the names and terms they use, the second document, the charts to fill in, and the questions."""

from __future__ import annotations

from dataclasses import dataclass

from ..files.models.chronology import RelatedDocument
from ..files.models.teaching import Packet, Question
from .edition import Edition, GlossaryEntry, NumberedParagraph

__all__ = ["ORGANIZERS", "PacketView", "packet_view"]

ORGANIZERS = ("sourcing", "categories", "corroboration")  # the order a handout prints them in


@dataclass(frozen=True)
class PacketView:
    packet: Packet
    paragraphs: list[NumberedParagraph]
    terms: list[GlossaryEntry]
    document_b: RelatedDocument | None
    organizers: list[str]  # names, in print order
    questions: list[Question]

    @property
    def numbers(self) -> str:
        """The paragraphs' numbers as ranges: '¶ 1-9, 34-41'."""
        numbers = [p.number for p in self.paragraphs]
        ranges, start = [], numbers[0]
        for a, b in zip(numbers, numbers[1:] + [None]):
            if b != a + 1:
                ranges.append(f"{start}" if start == a else f"{start}–{a}")
                start = b
        return ", ".join(ranges)


def packet_view(edition: Edition, packet: Packet) -> PacketView:
    paragraphs = edition.packet_paragraphs(packet)
    questions = [edition.question(q) for q in packet.questions]
    wanted = set(packet.organizers) | {q.organizer for q in questions if q.organizer}
    if "categories" in wanted and edition.part("categories.yml") is None:
        wanted.discard("categories")
    return PacketView(
        packet=packet,
        paragraphs=paragraphs,
        terms=edition.entries_in(paragraphs),
        document_b=(edition.related_document(packet.second_document)
                    if packet.second_document and edition.part("related.yml") else None),
        organizers=[o for o in ORGANIZERS if o in wanted],
        questions=questions,
    )
