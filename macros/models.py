"""Typed records for everything in `data/`.

Each YAML file in `data/` is validated against one of the root models below
(`ROOT_MODELS`). Models are frozen and forbid unknown fields, so a typo in a
field name is an error, not a silently ignored value.

Field types (`Id`, `CableStr`, `Prose`, ...) are defined in `fields.py`; the
glossary, chronology and teaching files have their models in sibling modules.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from .fields import CableCopy, CableStr, Id, Model, Prose, Text, Url, WebUrl
from .models_chronology import Chronology, Clocks, RelatedDocuments
from .models_glossary import GLOSSARY_KINDS, Glossary
from .models_teaching import Categories, Packets, Questions

LayerId = Literal["envelope", "cover", "letter", "report", "transmission"]


# --- data/sources.yml -------------------------------------------------------


class Source(Model):
    """A work a reader can check; every claim beyond the cable cites one by id."""

    id: Id
    short: Text = Field(description="Short label used where the source is cited, e.g. 'Kraus 2017'.")
    author: Text | None = None
    title: Text
    publisher: Text
    year: int | None = None
    url: WebUrl | None = None
    note: Prose | None = Field(default=None, description="What the source is used for, or caveats.")


class Sources(Model):
    sources: list[Source] = Field(min_length=1)


# --- data/marks.yml ---------------------------------------------------------


class MarkKind(Model):
    """A kind of editorial mark found in square brackets inside the cable's text."""

    id: Id
    name: Text = Field(description="Short name shown in the legend, e.g. 'Word supplied'.")
    explanation: Prose = Field(description="What this kind of mark means, shown on hover and focus.")
    forms: list[CableCopy] = Field(default=[], description="Exact bracketed texts of this kind, e.g. '[sic]'.")
    starts_with: list[CableCopy] = Field(
        default=[], description="Openings of open-ended marks of this kind, e.g. '[stamp:'."
    )


class Marks(Model):
    marks: list[MarkKind] = Field(min_length=1)


# --- data/text.yml ----------------------------------------------------------


class Paragraph(Model):
    id: Id = Field(description="Permanent anchor of the paragraph; never change or reuse it.")
    style: Literal["prose", "item", "signature"] = "prose"
    text: CableStr = Field(description="The paragraph word for word as printed; line breaks are kept.")


class Section(Model):
    id: Id
    heading: Text | None = Field(default=None, description="Our heading (not the cable's); omit for a layer's only section.")
    paragraphs: list[Paragraph] = Field(min_length=1)


class Layer(Model):
    id: LayerId
    title: Text
    about: Prose = Field(description="One or two sentences on who wrote this layer and when.")
    sections: list[Section] = Field(min_length=1)


class CableText(Model):
    layers: list[Layer] = Field(min_length=1)


# --- data/document.yml ------------------------------------------------------


class ArchiveRecord(Model):
    """A record of the letter in the Wilson Center Digital Archive."""

    id: Id
    title: CableStr = Field(description="The record's title exactly as the archive gives it.")
    url: Url
    source: Text = Field(description="Where the archive's text comes from.")
    translated_from: Text
    how_to_recognise: Prose


class ChainStep(Model):
    """One link in the chain by which the text reached us."""

    id: Id
    title: Text
    when: Text
    description: Prose
    paragraphs: list[Id] = Field(default=[], description="Paragraph ids of the cable that attest this step.")
    sources: list[Id] = Field(default=[], description="Source ids (data/sources.yml) for what the cable does not say.")


class Document(Model):
    title: CableStr = Field(description="The archive's title for the record, as printed.")
    date: dt.date
    author: Text = Field(description="Author as a reference manager should record it.")
    recipient: Text
    summary: CableStr = Field(description="The archive's summary, as printed.")
    archival_citation: CableStr
    archive_name: Text
    translator: Text
    original_language: Text
    original_classification: CableStr
    publisher: Text
    program: Text
    rights: list[CableStr] = Field(min_length=1)
    record: ArchiveRecord = Field(description="The archive record this site reproduces.")
    other_records: list[ArchiveRecord] = []
    chain: list[ChainStep] = Field(min_length=1)


ROOT_MODELS: dict[str, type[Model]] = {
    "document.yml": Document,
    "marks.yml": Marks,
    "sources.yml": Sources,
    "text.yml": CableText,
    **{kind.file_name: Glossary for kind in GLOSSARY_KINDS},
    "chronology.yml": Chronology,
    "clocks.yml": Clocks,
    "related.yml": RelatedDocuments,
    "questions.yml": Questions,
    "categories.yml": Categories,
    "packets.yml": Packets,
}
