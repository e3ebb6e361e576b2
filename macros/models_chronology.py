"""Typed records for `data/chronology.yml`, `data/clocks.yml` and `data/related.yml`.

Dates are ISO strings checked here (not YAML dates, which would turn "1949-13-45"
into a confusing parser error). A clock time always names the clock it was read
on, because Hami, Peking and Moscow clocks differ (`clocks.yml`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from .fields import CableStr, Id, Model, Prose, Text, Url

__all__ = ["Chronology", "Clock", "Clocks", "Disagreement", "Event", "RelatedDocument", "RelatedDocuments", "RouteStop"]


def _check_date(value: str) -> str:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a date: write it as YYYY-MM-DD, e.g. '1949-10-18'") from None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(f"{value!r} is not a date: write it as YYYY-MM-DD, e.g. '1949-10-18'")
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
    """A clock that times in the documents were read on, and its offset from UTC in October 1949."""

    id: Id
    name: Text
    utc_offset: UtcOffset
    certainty: Literal["certain", "probable", "uncertain"]
    alternatives: list[UtcOffset] = Field(default=[], description="Other offsets the sources allow.")
    note: Prose
    sources: list[Id] = Field(min_length=1)


class Clocks(Model):
    clocks: list[Clock] = Field(min_length=1)


# --- data/chronology.yml -----------------------------------------------------


class Disagreement(Model):
    """Another source gives a different date or time for the same event."""

    source: Id
    says: Prose = Field(description="What that source gives instead, in a few words.")


class RouteStop(Model):
    """A place the army reached (or left) on this event's date; the map draws the route from these."""

    place: Id
    action: Literal["set out from", "approached", "arrived in", "entered", "reached"]


class Event(Model):
    id: Id
    kind: Literal["cable", "journey", "context"] = Field(
        description="'cable': reported in the cable; 'journey': the document's own journey; 'context': around it."
    )
    date: IsoDate
    precision: Literal["time", "day", "approximate", "range"]
    end: IsoDate | None = Field(default=None, description="Last day of a range.")
    time: ClockTime | None = Field(default=None, description="Clock time, with 'clock'; only for precision 'time'.")
    clock: Id | None = Field(default=None, description="Id in data/clocks.yml of the clock the time was read on.")
    title: Text
    description: Prose | None = None
    paragraphs: list[Id] = Field(default=[], description="Paragraph ids of the cable; required for cable and journey events.")
    places: list[Id] = Field(default=[], description="Glossary ids from data/places.yml.")
    people: list[Id] = Field(default=[], description="Glossary ids from data/people.yml.")
    sources: list[Id] = Field(default=[], description="Source ids; required for context events.")
    disagreements: list[Disagreement] = []
    route: list[RouteStop] = Field(default=[], description="Places the army reached on this date, in order.")

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
        if self.kind in ("cable", "journey") and not self.paragraphs:
            raise ValueError(f"a '{self.kind}' event must give the 'paragraphs' of the cable it comes from")
        if self.kind == "context" and not self.sources:
            raise ValueError("a 'context' event must cite its 'sources' (ids in data/sources.yml)")
        return self


class Chronology(Model):
    events: list[Event] = Field(min_length=1)


# --- data/related.yml --------------------------------------------------------


class RelatedDocument(Model):
    """A document to read alongside the cable, and how it bears on it."""

    id: Id
    title: CableStr = Field(description="The archive's title, as given.")
    date: IsoDate
    archive_citation: CableStr | None = None
    url: Url
    relation: Literal["corroborates", "contradicts", "complicates", "context"]
    summary: Prose = Field(description="One or two sentences: what it corroborates or contradicts here.")
    quote: CableStr | None = Field(default=None, description="A short quotation (25 words at most).")
    paragraphs: list[Id] = Field(min_length=1, description="The cable's paragraphs it bears on.")
    sources: list[Id] = Field(min_length=1)

    @model_validator(mode="after")
    def _short_quote(self) -> "RelatedDocument":
        if self.quote and len(self.quote.split()) > 25:
            raise ValueError("'quote' must be a short quotation of 25 words at most; link to the document for more")
        return self


class RelatedDocuments(Model):
    documents: list[RelatedDocument] = Field(min_length=1)
