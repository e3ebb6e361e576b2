"""What a reading packet holds, for its own page and for a lesson taught from it: the passages,
the names and terms they use, the documents set beside the text (Document B, C), the charts to
fill in, and the questions; and what each of them rests on, for the checks that a handout
prints it (`macros.checks.handouts`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..files.models.chronology import RelatedDocument
from ..files.models.teaching import Packet, Question
from .edition import Edition, GlossaryEntry, NumberedParagraph

__all__ = ["LETTERS", "ORGANIZERS", "SOURCING_ASKS", "TRUST", "Chart", "LetteredDocument", "PacketView", "charts_for", "Piece", "excerpt_pieces", "packet_view"]

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
LETTERS = ("B", "C", "D")  # the document itself is A
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
    def pieces(self) -> list[Piece]:
        """The excerpt as a handout prints it: its words in order, the names linked to their
        glossary entries, and what is left out drawn as our own mark (the related documents page
        prints the whole text)."""
        excerpt = self.document.excerpt
        return excerpt_pieces(excerpt.text, excerpt.omit, excerpt.names)

    @property
    def entry_ids(self) -> list[str]:
        """The glossary entries the printed excerpt names."""
        return list(dict.fromkeys(p.entry for p in self.pieces if p.entry))


@dataclass(frozen=True)
class Piece:
    words: str
    left_out: bool = False
    entry: str | None = None  # the glossary entry a name links to


def excerpt_pieces(text: str, omit: list[str], names: dict[str, str]) -> list[Piece]:
    pieces, at = [], 0
    for piece in omit:  # the model checked that each is found, in order
        found = text.index(piece, at)
        pieces += _named(text[at:found], names)
        pieces.append(Piece(piece, left_out=True))
        at = found + len(piece)
    return pieces + _named(text[at:], names)


def _named(text: str, names: dict[str, str]) -> list[Piece]:
    """Plain words and names, the longest name first where names overlap."""
    if not text:
        return []
    if not names:
        return [Piece(text)]
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in sorted(names, key=len, reverse=True)))
    pieces, at = [], 0
    for match in pattern.finditer(text):
        if match.start() > at:
            pieces.append(Piece(text[at:match.start()]))
        pieces.append(Piece(match.group(0), entry=names[match.group(0)]))
        at = match.end()
    if at < len(text):
        pieces.append(Piece(text[at:]))
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
    named: list[GlossaryEntry]  # the entries the passages and the documents' excerpts name (for their descriptions)

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
    terms = edition.entries_in(paragraphs)
    in_documents = [edition.entries[e] for d in documents for e in d.entry_ids]
    return PacketView(
        packet=packet,
        paragraphs=paragraphs,
        terms=terms,
        named=list({e.id: e for e in [*terms, *in_documents]}.values()),
        documents=documents,
        charts=charts_for(wanted, documents, edition.part("categories.yml") is not None),
        questions=questions,
    )
