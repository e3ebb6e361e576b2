"""`data/document.yml`: the archive's record of the document and the chain by which it reached us."""

from __future__ import annotations

import datetime as dt

from typing import Annotated

from pydantic import AfterValidator, Field

from ..fields import Id, Model, Prose, Text, Url, Verbatim
from ..reference_fields import ParagraphId, SourceId

__all__ = ["ArchiveRecord", "ChainStep", "Document", "filed_as"]


def _check_filed(value: str) -> str:
    family, comma, given = value.partition(", ")
    if not (comma and family.strip() and given.strip()) or "," in given:
        raise ValueError(f"{value!r}: write the family name, a comma and the given names, e.g. 'Mao, Zedong'")
    return value


# Not free text (as an id or an address is not): its shape is checked, "Family, Given". It is
# escaped wherever it is written (meta tags, JSON-LD, the RIS and BibTeX files).
FiledName = Annotated[str, AfterValidator(_check_filed)]


def filed_as(name: str, filed: str | None) -> str:
    """A name as reference managers file it: as given, or "Family, Given" with the last word as the family name."""
    if filed:
        return filed
    *given, family = name.split()
    return f"{family}, {' '.join(given)}" if given else family


class ArchiveRecord(Model):
    """A record of the document in an archive."""

    id: Id
    title: Verbatim = Field(description="The record's title exactly as the archive gives it.")
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
    paragraphs: list[ParagraphId] = Field(default=[], description="Paragraph ids of the text that attest this step.")
    sources: list[SourceId] = Field(default=[], description="Source ids for what the text does not say.")


class Document(Model):
    """The archive's record. Only the title and the date are required: an archive's page may not
    give the rest (no translator for a document in English, no classification, no author it names),
    and what it does not give is left out, never filled with a placeholder. The citations, the About
    page's record and the tags for reference managers leave out what is missing
    (macros/views/citation.py, templates/source-record.html)."""

    title: Verbatim = Field(description="The archive's title for the record, as printed.")
    date: dt.date
    author: Text | None = Field(default=None, description="Author as a reference manager should record it.")
    recipient: Text | None = None
    summary: Verbatim | None = Field(default=None, description="The archive's summary, as printed.")
    archival_citation: Verbatim | None = Field(
        default=None, description="Where the archive holds the document, as printed, e.g. 'RGASPI, f. 558, op. 11, d. 333, ll. 25-28.'",
    )
    archive_name: Text | None = Field(default=None, description="The archive that holds the document, written out.")
    author_filed_as: FiledName | None = Field(
        default=None,
        description="The author's name as a reference manager files it: family name, comma, given names "
                    "('Mao, Zedong': the family name comes first in Chinese). Default: the last word of `author` "
                    "is the family name.",
    )
    translator: Text | None = Field(default=None, description="Who translated the text, as the archive names them.")
    translator_filed_as: FiledName | None = Field(
        default=None,
        description="The translator's name as a reference manager files it ('Goldberg, Gary'). Default: the last "
                    "word of `translator` is the family name.",
    )
    original_language: Text | None = None
    original_classification: Verbatim | None = None
    publisher: Text | None = Field(default=None, description="Who publishes the record, e.g. 'Wilson Center Digital Archive'.")
    program: Text | None = Field(default=None, description="The publisher's program the record belongs to, e.g. 'History and Public Policy Program'.")
    rights: list[Verbatim] = Field(default=[], description="The archive's rights statement, paragraph by paragraph, as printed.")
    record: ArchiveRecord | None = Field(default=None, description="The archive record this site reproduces (its address is the citations' link).")
    other_records_note: Prose | None = Field(default=None, description="Introduces `other_records` on the About page.")
    other_records: list[ArchiveRecord] = []
    chain: list[ChainStep] = Field(default=[], description="The steps by which the text reached us, each with its evidence.")
