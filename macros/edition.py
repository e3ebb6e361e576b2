"""The validated data of one build, with the views the pages need.

An `Edition` is built once per build by `load.load_edition`. Everything that
can be derived (paragraph numbers, the marks inside each paragraph, lookups
by id) is derived here, so no fact is typed twice in `data/`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from .marks import Token, parse_marks
from .models import CableText, Document, Layer, Marks, Paragraph, Section, Source, Sources
from .yaml_io import DataError

__all__ = ["Edition", "NumberedParagraph"]


@dataclass(frozen=True)
class NumberedParagraph:
    number: int  # display number: position in reading order, from 1
    paragraph: Paragraph
    section: Section
    layer: Layer
    tokens: tuple[Token, ...]  # the text split into plain strings and editorial marks

    @property
    def id(self) -> str:
        return self.paragraph.id


@dataclass(frozen=True)
class Edition:
    document: Document
    text: CableText
    marks: Marks
    sources: Sources
    paragraphs: tuple[NumberedParagraph, ...]
    _by_id: dict[str, NumberedParagraph] = field(repr=False)
    _sources_by_id: dict[str, Source] = field(repr=False)

    @classmethod
    def build(cls, *, document: Document, text: CableText, marks: Marks, sources: Sources) -> "Edition":
        _unique("data/marks.yml", "mark kind id", [(m.id, f"kind '{m.id}'") for m in marks.marks])
        _unique("data/marks.yml", "mark form", [(f, f"kind '{m.id}'") for m in marks.marks for f in m.forms])
        _unique("data/sources.yml", "source id", [(s.id, f"entry {i}") for i, s in enumerate(sources.sources, 1)])
        _unique(
            "data/text.yml",
            "id",
            [(layer.id, f"layer '{layer.id}'") for layer in text.layers]
            + [(s.id, f"a section of layer '{layer.id}'") for layer in text.layers for s in layer.sections]
            + [(p.id, f"a paragraph in section '{s.id}'") for _, s, p in _walk(text)],
            note="layers, sections and paragraphs share one set of anchors",
        )

        numbered = []
        for layer, section, paragraph in _walk(text):
            try:
                tokens = parse_marks(paragraph.text, marks.marks)
            except ValueError as error:
                raise DataError(f"data/text.yml: paragraph '{paragraph.id}', field 'text': {error}") from None
            numbered.append(NumberedParagraph(len(numbered) + 1, paragraph, section, layer, tokens))
        by_id = {p.id: p for p in numbered}
        sources_by_id = {s.id: s for s in sources.sources}

        for step in document.chain:
            entry = f"data/document.yml: chain step '{step.id}'"
            if not step.paragraphs and not step.sources:
                raise DataError(
                    f"{entry}: give the cable paragraphs ('paragraphs') or the sources ('sources') "
                    "that support this step; a claim without evidence cannot be published"
                )
            _known(entry, "paragraphs", step.paragraphs, by_id, "paragraph ids in data/text.yml")
            _known(entry, "sources", step.sources, sources_by_id, "source ids in data/sources.yml")
        return cls(document, text, marks, sources, tuple(numbered), by_id, sources_by_id)

    def paragraph(self, paragraph_id: str) -> NumberedParagraph:
        return self._by_id[paragraph_id]

    def source(self, source_id: str) -> Source:
        try:
            return self._sources_by_id[source_id]
        except KeyError:
            raise DataError(
                f"unknown source id {source_id!r}; known ids: {', '.join(sorted(self._sources_by_id))}"
            ) from None

    def in_section(self, section: Section) -> Iterator[NumberedParagraph]:
        return (self._by_id[p.id] for p in section.paragraphs)


def _walk(text: CableText) -> Iterator[tuple[Layer, Section, Paragraph]]:
    for layer in text.layers:
        for section in layer.sections:
            for paragraph in section.paragraphs:
                yield layer, section, paragraph


def _unique(label: str, what: str, entries: list[tuple[str, str]], note: str = "") -> None:
    """Refuse a value given twice; `entries` pairs each value with where it is defined."""
    places: dict[str, list[str]] = {}
    for value, where in entries:
        places.setdefault(value, []).append(where)
    for value, where in places.items():
        if len(where) > 1:
            why = f"; {note}" if note else ""
            raise DataError(
                f"{label}: duplicate {what} {value!r} (in {' and in '.join(where)}){why}; every one must be unique"
            )


def _known(entry: str, field_name: str, ids: list[str], known: dict, what: str) -> None:
    for value in ids:
        if value not in known:
            raise DataError(f"{entry}, field '{field_name}': unknown id {value!r}; it must be one of the {what}")
