"""`data/chronology.yml` (events and their kinds), `data/clocks.yml` and `data/related.yml`.

Dates are ISO strings checked here (not YAML dates, which would turn "1949-13-45" into a
confusing parser error). A clock time always names the clock it was read on, because
clocks in different places differ (`clocks.yml`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, ValidationInfo, field_validator, model_validator

from ..fields import Id, LangTag, Model, Prose, Text, Url, Verbatim, VerbatimCopy
from ..reference_fields import ClockId, EntryId, EventKindId, ParagraphId, PlaceId, QuestionId, SourceId, UnlocatedEntryId
from .text import LayerColour

__all__ = [
    "Chronology", "Clock", "Clocks", "Disagreement", "Event", "EventKind", "Excerpt", "IsoDate",
    "RelatedDocument", "RelatedDocuments", "RouteStop",
]


def _check_date(value: str) -> str:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(f"{value!r} is not a date: write it as YYYY-MM-DD, e.g. '1949-10-18'")
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a date: write it as YYYY-MM-DD, e.g. '1949-10-18'") from None
    return value


def _check_time(value: str) -> str:
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value):
        raise ValueError(f"{value!r} is not a clock time: write it as HH:MM (24-hour), e.g. '12:30'")
    return value


def _check_offset(value: str) -> str:
    if not re.fullmatch(r"[+-](0\d|1[0-4]):[0-5]\d", value):
        raise ValueError(f"{value!r} is not a UTC offset: write it as +HH:MM, e.g. '+03:00'")
    return value


IsoDate = Annotated[str, AfterValidator(_check_date)]
ClockTime = Annotated[str, AfterValidator(_check_time)]
UtcOffset = Annotated[str, AfterValidator(_check_offset)]


# --- data/clocks.yml ---------------------------------------------------------


class Clock(Model):
    """A clock that times in the documents were read on, and its offset from UTC at the time."""

    id: Id
    name: Text
    utc_offset: UtcOffset
    certainty: Literal["certain", "probable", "uncertain"]
    alternatives: list[UtcOffset] = Field(default=[], description="Other offsets the sources allow.")
    note: Prose
    sources: list[SourceId] = Field(min_length=1)


class Clocks(Model):
    clocks: list[Clock] = Field(min_length=1)


# --- data/chronology.yml -----------------------------------------------------


class EventKind(Model):
    """A kind of event: its label, its colour, and the evidence its events must give."""

    id: Id
    label: Text = Field(description="Shown on every event of this kind, e.g. 'Reported in the cable'.")
    about: Text = Field(description="What events of this kind are, for the legend.")
    evidence: Literal["paragraphs", "sources"] = Field(
        description="'paragraphs': its events cite the paragraphs of the text they come from; "
        "'sources': they cite sources."
    )
    journey: bool = Field(default=False, description="True for the kind whose events are the document's own journey.")
    colour: LayerColour


class Disagreement(Model):
    """Another source gives a different date or time for the same event."""

    source: SourceId
    says: Prose = Field(description="What that source gives instead, in a few words.")


class RouteStop(Model):
    """A place reached (or left) on this event's date; the map draws the route from these."""

    place: PlaceId
    action: Literal["set out from", "approached", "arrived in", "entered", "reached"]


class Event(Model):
    id: Id
    kind: EventKindId = Field(description="One of the `kinds` above.")
    date: IsoDate
    precision: Literal["time", "day", "approximate", "range"]
    end: IsoDate | None = Field(default=None, description="Last day of a range.")
    time: ClockTime | None = Field(default=None, description="Clock time, with 'clock'; only for precision 'time'.")
    clock: ClockId | None = Field(default=None, description="Id in data/clocks.yml of the clock the time was read on.")
    title: Text
    description: Prose | None = None
    paragraphs: list[ParagraphId] = Field(default=[], description="Paragraph ids of the text.")
    places: list[PlaceId] = Field(default=[], description="Glossary ids of places.")
    people: list[UnlocatedEntryId] = Field(default=[], description="Glossary ids of people.")
    sources: list[SourceId] = Field(default=[], description="Source ids.")
    disagreements: list[Disagreement] = []
    route: list[RouteStop] = Field(default=[], description="Places reached on this date, in order.")

    @model_validator(mode="after")
    def _consistent(self) -> "Event":
        if (self.precision == "time") != (self.time is not None):
            raise ValueError("give 'time' (and 'clock') exactly when 'precision' is 'time'")
        if self.time and not self.clock:
            raise ValueError("a clock time needs 'clock': the id of the clock in data/clocks.yml it was read on")
        if (self.precision == "range") != (self.end is not None):
            raise ValueError("give 'end' exactly when 'precision' is 'range'")
        if self.end and self.end <= self.date:
            raise ValueError(f"'end' ({self.end}) must be after 'date' ({self.date})")
        return self


class Chronology(Model):
    kinds: list[EventKind] = Field(min_length=1, description="The kinds of event, in the order the legend shows them.")
    events: list[Event] = Field(min_length=1)
    journey_intro: Prose | None = Field(
        default=None, description="A sentence under the heading of the document's journey: from where to where, and to whom "
        "(e.g. 'How long the report took to travel from Hami to the desks of …').",
    )
    journey_questions: list[QuestionId] = Field(
        default=[], description="Ids in data/questions.yml of questions shown beside the journey, to discuss.",
    )


# --- data/related.yml --------------------------------------------------------

EXCERPT_WORDS = 160  # "about 150 words": the archive welcomes educational reuse, not reprinting


class Excerpt(Model):
    """A passage of a related document, word for word, that a packet or lesson can print."""

    head_note: Prose = Field(description="Two or three lines for students: who wrote it, when, to whom, why it matters.")
    text: Verbatim = Field(description="The passage as the archive prints it; mark what was not copied with '…'.")
    lang: LangTag | None = Field(default=None, description="The text's language where it is not English, e.g. 'zh-Hans'.")
    gloss: Prose | None = Field(
        default=None, description="Our own literal English rendering of a text not in English, shown beside it and labelled as ours."
    )
    names: dict[VerbatimCopy, EntryId] = Field(
        default={}, description="Names as the excerpt prints them, each with the glossary entry it links to "
        "(e.g. \"Savel’yev\": savelyev); every one must be in 'text'.",
    )
    omit: list[VerbatimCopy] = Field(
        default=[], description="Exact pieces of `text` that handouts leave out (a long distribution list); each is shown "
        "as our own mark […] and the related documents page prints the whole text.",
    )
    checked: Text = Field(description="Where and when the words were checked against the archive's record.")

    @model_validator(mode="after")
    def _short(self) -> "Excerpt":
        printed = self.text
        for piece in self.omit:
            printed = printed.replace(piece, " ", 1)
        words = len(printed.split())
        if words > EXCERPT_WORDS:
            raise ValueError(
                f"'text' prints {words} words (what 'omit' leaves out not counted); an excerpt may print at most {EXCERPT_WORDS}"
            )
        return self

    @field_validator("gloss")
    @classmethod
    def _gloss_needs_a_language(cls, gloss: str | None, info: ValidationInfo) -> str | None:
        if gloss and not info.data.get("lang"):
            raise ValueError("a gloss renders a text that is not in English: give the text's 'lang' too")
        return gloss

    @field_validator("names")
    @classmethod
    def _names_are_in_the_text(cls, names: dict[str, str], info: ValidationInfo) -> dict[str, str]:
        text = info.data.get("text") or ""
        missing = [name for name in names if name not in text]
        if missing:
            raise ValueError(f"{', '.join(repr(m) for m in missing)} is not in 'text': copy each name exactly as the excerpt prints it")
        return names

    @field_validator("omit")
    @classmethod
    def _omitted_words_are_in_the_text(cls, omit: list[str], info: ValidationInfo) -> list[str]:
        text, at = info.data.get("text") or "", 0
        for piece in omit:
            found = text.find(piece, at)
            if found == -1:
                raise ValueError(
                    f"{_shorten(piece)!r} is not in 'text' after the piece before it: copy the words exactly, in the order they come"
                )
            at = found + len(piece)
        return omit


def _shorten(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


class RelatedDocument(Model):
    """A document to read alongside this one, and how it bears on it."""

    id: Id
    title: Verbatim = Field(description="The archive's title, as given.")
    date: IsoDate
    archive_citation: Verbatim | None = None
    publisher: Text | None = Field(default=None, description="Who publishes it, where not the document's own publisher (data/document.yml).")
    url: Url
    relation: Literal["corroborates", "contradicts", "complicates", "context"]
    summary: Prose = Field(description="One or two sentences: what it corroborates or contradicts here.")
    quote: Verbatim | None = Field(default=None, description="A short quotation (25 words at most).")
    excerpt: Excerpt | None = Field(default=None, description="A longer passage that packets and lessons print as a second document.")
    paragraphs: list[ParagraphId] = Field(min_length=1, description="The paragraphs of the text it bears on.")
    sources: list[SourceId] = Field(min_length=1)

    @model_validator(mode="after")
    def _short_quote(self) -> "RelatedDocument":
        if self.quote and len(self.quote.split()) > 25:
            raise ValueError("'quote' must be a short quotation of 25 words at most; link to the document for more")
        return self


class RelatedDocuments(Model):
    documents: list[RelatedDocument] = Field(min_length=1)
