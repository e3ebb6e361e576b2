"""The validated data of one build, with the views the pages need.

An `Edition` is built once per build from checked files. Everything that can be derived
(paragraph numbers, the marks and glossary mentions inside each paragraph, lookups by id,
which ids stand in for retired ones) is derived here, so no fact is typed twice in `data/`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from ..files.models.chronology import Clock, Event, EventKind, RelatedDocument
from ..files.models.glossary import Entry
from ..files.models.lessons import Framework, Lesson, Standard
from ..files.models.site import GlossaryKind, Site
from ..files.models.sources import Source
from ..files.models.teaching import Level, Packet, Question, Skill
from ..files.models.text import Layer, Paragraph, Section
from ..files.read import Files
from ..matching.marks import Token, parse_marks
from ..matching.mentions import MentionFinder, mentioned_ids

__all__ = ["Edition", "GlossaryEntry", "NumberedParagraph", "build_edition"]


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
    files: Files = field(repr=False)
    paragraphs: tuple[NumberedParagraph, ...]
    entries: dict[str, GlossaryEntry] = field(repr=False)
    aliases: dict[tuple[str, str], tuple[str, ...]] = field(repr=False)  # (kind, id) -> retired ids it stands for

    # --- the files, typed -----------------------------------------------------------------
    @property
    def site(self) -> Site:
        return self.files.site

    @property
    def document(self):
        return self.files.model("document.yml")

    @property
    def text(self):
        return self.files.model("text.yml")

    def part(self, name: str) -> Any:
        """The model of an optional file (e.g. 'chronology.yml'), or None."""
        return self.files.model(name)

    @property
    def marks(self) -> list:
        marks = self.files.model("marks.yml")
        return marks.marks if marks else []

    @property
    def sources(self) -> list[Source]:
        return self.files.model("sources.yml").sources

    @property
    def kinds(self) -> list[GlossaryKind]:
        """The glossary kinds that have a file."""
        present = self.files.glossary()
        return [k for k in self.site.glossary.kinds if k.id in present]

    # --- lookups --------------------------------------------------------------------------
    def aliases_of(self, kind: str, item_id: str) -> tuple[str, ...]:
        """Retired ids (data/published-ids.yml, 'moved') whose old addresses must reach this one."""
        return self.aliases.get((kind, item_id), ())

    def paragraph(self, paragraph_id: str) -> NumberedParagraph:
        return self._paragraphs[paragraph_id]

    def reference(self, target: str) -> tuple[str, Any]:
        """What a `[[target]]` in prose names (the checks made sure it names one thing):
        ('paragraph' | 'section' | 'layer' | 'source' | 'entry', the thing)."""
        if target in self._paragraphs:
            return "paragraph", self._paragraphs[target]
        for layer in self.text.layers:
            if layer.id == target:
                return "layer", layer
            for section in layer.sections:
                if section.id == target:
                    return "section", section
        if target in self._sources:
            return "source", self._sources[target]
        return "entry", self.entries[target]

    def source(self, source_id: str) -> Source:
        return self._sources[source_id]

    def entries_of(self, kind_id: str) -> list[GlossaryEntry]:
        """A kind's entries, sorted by name."""
        return sorted((e for e in self.entries.values() if e.kind.id == kind_id), key=lambda e: _sort_key(e.entry.name))

    def located_entries(self) -> list[GlossaryEntry]:
        return [e for k in self.kinds if k.located for e in self.entries_of(k.id)]

    def clock(self, clock_id: str) -> Clock:
        return next(c for c in self.part("clocks.yml").clocks if c.id == clock_id)

    def events(self) -> list[Event]:
        """Every event by date (ISO dates sort as text); within a day the file's order stands,
        which the checks keep in clock order."""
        chronology = self.part("chronology.yml")
        return sorted(chronology.events, key=lambda e: e.date) if chronology else []

    def event_kind(self, kind_id: str) -> EventKind:
        return next(k for k in self.part("chronology.yml").kinds if k.id == kind_id)

    def journey(self) -> list[Event]:
        """The document's own journey, in the file's order (checked to be the order it happened)."""
        chronology = self.part("chronology.yml")
        if not chronology:
            return []
        kinds = {k.id for k in chronology.kinds if k.journey}
        return [e for e in chronology.events if e.kind in kinds]

    def journey_clocks(self) -> list[Clock]:
        """The clocks the journey's steps were read on: the ones its page explains."""
        return [self.clock(c) for c in sorted({s.clock for s in self.journey() if s.clock})]

    def in_section(self, section: Section) -> Iterator[NumberedParagraph]:
        return (self._paragraphs[p.id] for p in section.paragraphs)

    def passage(self, passage_id: str) -> list[NumberedParagraph]:
        """The paragraphs of a paragraph, section or layer id, in reading order."""
        if passage_id in self._paragraphs:
            return [self._paragraphs[passage_id]]
        return [p for p in self.paragraphs if passage_id in (p.section.id, p.layer.id)]

    def questions(self) -> list[Question]:
        questions = self.part("questions.yml")
        return questions.questions if questions else []

    def question(self, question_id: str) -> Question:
        return next(q for q in self.questions() if q.id == question_id)

    def skill(self, skill_id: str) -> Skill:
        return next(s for s in self.part("questions.yml").skills if s.id == skill_id)

    def level(self, level_id: str) -> Level:
        return next(level for level in self.part("questions.yml").levels if level.id == level_id)

    def packets(self) -> list[Packet]:
        packets = self.part("packets.yml")
        return packets.packets if packets else []

    def packet(self, packet_id: str) -> Packet:
        return next(p for p in self.packets() if p.id == packet_id)

    def lessons(self) -> list[Lesson]:
        lessons = self.part("lessons.yml")
        return lessons.lessons if lessons else []

    def lesson(self, lesson_id: str) -> Lesson:
        return next(lesson for lesson in self.lessons() if lesson.id == lesson_id)

    def standard(self, standard_id: str) -> tuple[Framework, Standard]:
        """A standard a lesson meets, with the framework it belongs to (data/standards.yml)."""
        return next((f, s) for f in self.part("standards.yml").frameworks for s in f.standards if s.id == standard_id)

    def standard_sources(self, standard_ids: Iterable[str]) -> list[str]:
        """The sources the standards' words are copied from, once each."""
        return list(dict.fromkeys(self.standard(s)[0].source for s in standard_ids))

    def related_document(self, document_id: str) -> RelatedDocument:
        return next(d for d in self.part("related.yml").documents if d.id == document_id)

    def packet_paragraphs(self, packet: Packet) -> list[NumberedParagraph]:
        seen: dict[str, NumberedParagraph] = {}
        for passage_id in packet.passages:
            for p in self.passage(passage_id):
                seen.setdefault(p.id, p)
        return sorted(seen.values(), key=lambda p: p.number)

    def questions_on(self, paragraphs: Iterable[NumberedParagraph]) -> list[Question]:
        """Questions that rest on any of the given paragraphs."""
        ids = {p.id for p in paragraphs}
        return [q for q in self.questions() if ids.intersection(q.paragraphs)]

    def entries_in(self, paragraphs: Iterable[NumberedParagraph]) -> list[GlossaryEntry]:
        """The glossary entries the paragraphs mention, sorted by name."""
        ids = {p.id for p in paragraphs}
        found = [e for e in self.entries.values() if ids.intersection(m.id for m in e.mentions)]
        return sorted(found, key=lambda e: _sort_key(e.entry.name))

    def __post_init__(self) -> None:
        object.__setattr__(self, "_paragraphs", {p.id: p for p in self.paragraphs})
        object.__setattr__(self, "_sources", {s.id: s for s in self.sources})


def build_edition(files: Files) -> Edition:
    """The views of checked files (`macros.checks.check_all` has run, so every lookup resolves)."""
    text = files.model("text.yml")
    marks = files.model("marks.yml")
    glossary = files.glossary()
    finder = MentionFinder({f: e.id for g in glossary.values() for e in g.entries for f in e.forms})
    numbered = []
    for layer in text.layers:
        for section in layer.sections:
            for paragraph in section.paragraphs:
                tokens = finder.link(parse_marks(paragraph.text, marks.marks if marks else []))
                numbered.append(NumberedParagraph(len(numbered) + 1, paragraph, section, layer, tokens))
    mentioned: dict[str, list[NumberedParagraph]] = {}
    for item in numbered:
        for entry_id in dict.fromkeys(mentioned_ids(item.tokens)):
            mentioned.setdefault(entry_id, []).append(item)
    kinds = {k.id: k for k in files.site.glossary.kinds}
    entries = {
        e.id: GlossaryEntry(e, kinds[kind_id], tuple(mentioned.get(e.id, ())))
        for kind_id, g in glossary.items()
        for e in g.entries
    }
    register = files.model("published-ids.yml")
    aliases: dict[tuple[str, str], list[str]] = {}
    for move in register.moved if register else []:
        aliases.setdefault((move.kind, move.to), []).append(move.id)
    return Edition(files, tuple(numbered), entries, {k: tuple(v) for k, v in aliases.items()})


def _sort_key(name: str) -> str:
    """Sort "Ürümqi" with the U's and "“National”" with the N's."""
    stripped = "".join(c for c in unicodedata.normalize("NFKD", name) if c.isalnum() or c == " ")
    return stripped.casefold()
