"""The validated data of one build, with the views the pages need.

An `Edition` is built once per build by `load.load_edition` from the validated
files in `data/`. Everything that can be derived (paragraph numbers, the marks
and glossary mentions inside each paragraph, lookups by id) is derived here,
so no fact is typed twice in `data/`. The references between files are
checked by `crosscheck`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from . import crosscheck
from .marks import Mention, Token, parse_marks
from .mentions import MentionFinder
from .models import CableText, Document, Layer, Marks, Paragraph, Section, Source, Sources
from .models_chronology import Chronology, Clock, Clocks, Event, RelatedDocuments
from .models_glossary import GLOSSARY_KINDS, Entry, Glossary, GlossaryKind
from .models_teaching import Categories, Packet, Packets, Question, Questions
from .yaml_io import DataError

__all__ = ["Edition", "GlossaryEntry", "NumberedParagraph"]


@dataclass(frozen=True)
class NumberedParagraph:
    number: int  # display number: position in reading order, from 1
    paragraph: Paragraph
    section: Section
    layer: Layer
    tokens: tuple[Token, ...]  # the text split into plain strings, editorial marks and glossary mentions

    @property
    def id(self) -> str:
        return self.paragraph.id


@dataclass(frozen=True)
class GlossaryEntry:
    entry: Entry
    kind: GlossaryKind
    mentions: tuple[NumberedParagraph, ...]  # the paragraphs that mention it, in reading order

    @property
    def id(self) -> str:
        return self.entry.id


@dataclass(frozen=True)
class Edition:
    document: Document
    text: CableText
    marks: Marks
    sources: Sources
    glossary: dict[str, Glossary]  # by kind id ("people", "places", ...)
    chronology: Chronology
    clocks: Clocks
    related: RelatedDocuments
    questions: Questions
    categories: Categories
    packets: Packets
    paragraphs: tuple[NumberedParagraph, ...]
    entries: dict[str, GlossaryEntry] = field(repr=False)
    _by_id: dict[str, NumberedParagraph] = field(repr=False)
    _sources_by_id: dict[str, Source] = field(repr=False)

    @classmethod
    def build(cls, files: dict) -> "Edition":
        """`files` maps each data file's name to its validated model."""
        text: CableText = files["text.yml"]
        marks: Marks = files["marks.yml"]
        glossary = {kind.id: files[kind.file_name] for kind in GLOSSARY_KINDS}
        crosscheck.unique_ids(files)

        finder = MentionFinder(crosscheck.glossary_forms(glossary))
        numbered = []
        for layer, section, paragraph in _walk(text):
            try:
                tokens = parse_marks(paragraph.text, marks.marks)
            except ValueError as error:
                raise DataError(f"data/text.yml: paragraph '{paragraph.id}', field 'text': {error}") from None
            numbered.append(NumberedParagraph(len(numbered) + 1, paragraph, section, layer, finder.link(tokens)))
        crosscheck.forms_occur(glossary, finder, [p.paragraph.text for p in numbered])

        mentioned: dict[str, list[NumberedParagraph]] = {}
        for item in numbered:
            for entry_id in dict.fromkeys(_mentioned_ids(item.tokens)):
                mentioned.setdefault(entry_id, []).append(item)
        entries = {
            e.id: GlossaryEntry(e, kind, tuple(mentioned.get(e.id, ())))
            for kind in GLOSSARY_KINDS
            for e in glossary[kind.id].entries
        }
        edition = cls(
            document=files["document.yml"],
            text=text,
            marks=marks,
            sources=files["sources.yml"],
            glossary=glossary,
            chronology=files["chronology.yml"],
            clocks=files["clocks.yml"],
            related=files["related.yml"],
            questions=files["questions.yml"],
            categories=files["categories.yml"],
            packets=files["packets.yml"],
            paragraphs=tuple(numbered),
            entries=entries,
            _by_id={p.id: p for p in numbered},
            _sources_by_id={s.id: s for s in files["sources.yml"].sources},
        )
        crosscheck.references(edition)
        return edition

    def paragraph(self, paragraph_id: str) -> NumberedParagraph:
        return self._by_id[paragraph_id]

    def has_paragraph(self, paragraph_id: str) -> bool:
        return paragraph_id in self._by_id

    def has_source(self, source_id: str) -> bool:
        return source_id in self._sources_by_id

    def source(self, source_id: str) -> Source:
        try:
            return self._sources_by_id[source_id]
        except KeyError:
            raise DataError(
                f"unknown source id {source_id!r}; known ids: {', '.join(sorted(self._sources_by_id))}"
            ) from None

    def entries_of(self, kind_id: str) -> list[GlossaryEntry]:
        """A kind's entries, sorted by name."""
        return sorted((e for e in self.entries.values() if e.kind.id == kind_id), key=lambda e: _sort_key(e.entry.name))

    def clock(self, clock_id: str) -> Clock:
        return next(c for c in self.clocks.clocks if c.id == clock_id)

    def events(self) -> list[Event]:
        """Every event by date (ISO dates sort as text); within a day the file's order stands, which
        `crosscheck` keeps in clock order."""
        return sorted(self.chronology.events, key=lambda e: e.date)

    def in_section(self, section: Section) -> Iterator[NumberedParagraph]:
        return (self._by_id[p.id] for p in section.paragraphs)

    def passage(self, passage_id: str) -> list[NumberedParagraph]:
        """The paragraphs of a paragraph, section or layer id, in reading order."""
        if passage_id in self._by_id:
            return [self._by_id[passage_id]]
        return [p for p in self.paragraphs if passage_id in (p.section.id, p.layer.id)]

    def question(self, question_id: str) -> Question:
        return next(q for q in self.questions.questions if q.id == question_id)

    def packet_paragraphs(self, packet: Packet) -> list[NumberedParagraph]:
        seen: dict[str, NumberedParagraph] = {}
        for passage_id in packet.passages:
            for p in self.passage(passage_id):
                seen.setdefault(p.id, p)
        return sorted(seen.values(), key=lambda p: p.number)

    def questions_on(self, paragraphs: Iterable[NumberedParagraph]) -> list[Question]:
        """Questions that rest on any of the given paragraphs."""
        ids = {p.id for p in paragraphs}
        return [q for q in self.questions.questions if ids.intersection(q.paragraphs)]


def _walk(text: CableText) -> Iterator[tuple[Layer, Section, Paragraph]]:
    for layer in text.layers:
        for section in layer.sections:
            for paragraph in section.paragraphs:
                yield layer, section, paragraph


def _mentioned_ids(tokens: tuple[Token, ...]) -> Iterator[str]:
    for token in tokens:
        if isinstance(token, Mention):
            yield token.entry_id
        elif not isinstance(token, str):
            yield from _mentioned_ids(token.children)


def _sort_key(name: str) -> str:
    """Sort "Ürümqi" with the U's and "“National”" with the N's."""
    stripped = "".join(c for c in unicodedata.normalize("NFKD", name) if c.isalnum() or c == " ")
    return stripped.casefold()
