"""What a reading packet holds, for its own page and for a lesson taught from it: the passages,
the names and terms they use, the documents set beside the text (Document B, C), the charts to
fill in, and the questions; and what each of them rests on, for the checks that a handout
prints it (`macros.checks.handouts`)."""

from __future__ import annotations

from dataclasses import dataclass

from ..files.models.chronology import RelatedDocument
from ..files.models.teaching import Packet, Question
from .edition import Edition, GlossaryEntry, NumberedParagraph

__all__ = ["LETTERS", "ORGANIZERS", "SOURCING_ASKS", "TRUST", "Chart", "LetteredDocument", "PacketView", "charts_for", "excerpt_pieces", "packet_view"]

ORGANIZERS = ("sourcing", "categories", "corroboration")  # the order a handout prints them in
# The questions of a sourcing chart, one row each: the handout's chart and the Word worksheet ask the same.
SOURCING_ASKS = (
    "Who wrote it, and in what role?",
    "For whom was it written?",
    "When was it written, and when was it received?",
    "Why was it written? What did the writer want the reader to think or do?",
    "Through whose hands did it pass on the way to us?",
)
TRUST = "How far can we trust it, and why?"  # the corroboration chart's last column
LETTERS = ("B", "C")  # the document itself is A
SHORT_WORDS = 30  # a paragraph of at most this many words is a short line (a header, a note, a signature)


@dataclass(frozen=True)
class LetteredDocument:
    letter: str  # "B", "C"
    document: RelatedDocument

    @property
    def key(self) -> str:
        """'document-b': how lessons name it (`reads`, `charts`)."""
        return f"document-{self.letter.lower()}"

    @property
    def pieces(self) -> list[tuple[bool, str]]:
        """The excerpt as a handout prints it: (left out?, words) in order; what is left out is
        drawn as our own mark, and the related documents page prints the whole text."""
        return excerpt_pieces(self.document.excerpt.text, self.document.excerpt.omit)


def excerpt_pieces(text: str, omit: list[str]) -> list[tuple[bool, str]]:
    pieces, at = [], 0
    for piece in omit:  # the model checked that each is found, in order
        found = text.index(piece, at)
        if found > at:
            pieces.append((False, text[at:found]))
        pieces.append((True, piece))
        at = found + len(piece)
    if at < len(text):
        pieces.append((False, text[at:]))
    return pieces


@dataclass(frozen=True)
class Chart:
    """A chart to fill in: `kind` is sourcing, categories or corroboration; a sourcing chart is
    about one document (None: the text itself)."""

    kind: str
    about: LetteredDocument | None = None

    @property
    def key(self) -> str:
        """How lessons name it: 'sourcing', 'sourcing-document-b', 'corroboration'."""
        return f"{self.kind}-{self.about.key}" if self.about else self.kind

    @property
    def anchor(self) -> str:
        return f"organizer-{self.key}"

    def subject(self, noun: str) -> str:
        """What a sourcing chart is about: 'the cable', 'Document B'."""
        return f"Document {self.about.letter}" if self.about else f"the {noun}"

    def answer_label(self, noun: str) -> str:
        """The heading of a sourcing chart's column to write in."""
        return f"What {self.subject(noun)} shows" + (" (quote its words)" if self.about else " (with ¶ numbers)")


@dataclass(frozen=True)
class PacketView:
    packet: Packet
    paragraphs: list[NumberedParagraph]
    terms: list[GlossaryEntry]
    documents: list[LetteredDocument]
    charts: list[Chart]  # in print order
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

    @property
    def runs(self) -> list[tuple[bool, list[NumberedParagraph]]]:
        """The passages in runs of one layer each, marking the runs of short lines (an envelope, the
        transmission notes), which a printed handout sets in two columns."""
        runs: list[tuple[bool, list[NumberedParagraph]]] = []
        for p in self.paragraphs:
            if runs and runs[-1][1][-1].layer.id == p.layer.id:
                runs[-1][1].append(p)
            else:
                runs.append((False, [p]))
        return [(len(ps) > 2 and all(len(p.paragraph.text.split()) <= SHORT_WORDS for p in ps), ps) for _, ps in runs]

    @property
    def document_b(self) -> RelatedDocument | None:
        return self.documents[0].document if self.documents else None

    @property
    def word_bank(self) -> list[GlossaryEntry]:
        """The hard words of the passages, with their plain definitions."""
        return [e for e in self.terms if e.entry.word_bank]


def lettered_documents(edition: Edition, packet: Packet) -> list[LetteredDocument]:
    """Document B, C: nothing where the file of related documents was deleted."""
    if not edition.part("related.yml"):
        return []
    return [LetteredDocument(letter, edition.related_document(d)) for letter, d in zip(LETTERS, packet.documents)]


def charts_for(names: set[str], documents: list[LetteredDocument], has_categories: bool) -> list[Chart]:
    """The charts named (by kind, or by key for one document's sourcing chart), in print order: a
    sourcing chart for the text and one for each document, the categories, the corroboration."""
    charts = []
    if "sourcing" in names:
        charts.append(Chart("sourcing"))
    charts += [Chart("sourcing", d) for d in documents if f"sourcing-{d.key}" in names or "sourcing-documents" in names]
    if "categories" in names and has_categories:
        charts.append(Chart("categories"))
    if "corroboration" in names and documents:  # it tests the text against the documents: none, no chart
        charts.append(Chart("corroboration"))
    return charts


def packet_view(edition: Edition, packet: Packet) -> PacketView:
    paragraphs = edition.packet_paragraphs(packet)
    questions = [edition.question(q) for q in packet.questions]
    documents = lettered_documents(edition, packet)
    wanted = set(packet.organizers) | {q.organizer for q in questions if q.organizer}
    if "sourcing" in wanted:
        wanted.add("sourcing-documents")  # on a packet's page, one sourcing chart per document
    return PacketView(
        packet=packet,
        paragraphs=paragraphs,
        terms=edition.entries_in(paragraphs),
        documents=documents,
        charts=charts_for(wanted, documents, edition.part("categories.yml") is not None),
        questions=questions,
    )
