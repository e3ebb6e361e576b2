"""Dates that are possible and agree with the text: within the site's date range, timed events
of a day in clock order, the document's journey in the order it happened, and no event that
contradicts a date its own paragraphs print."""

from __future__ import annotations

import datetime as dt
import re

from ..files.errors import DataError
from ..files.read import Files
from ..matching.clock import utc_moments
from .where import at, paragraph_locs

__all__ = ["check", "printed_dates"]

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]
# "18 October 1949", "26 October": the day-month form the text prints its dates in.
_PRINTED = re.compile(r"\b([0-3]?\d) (" + "|".join(_MONTHS) + r")\b(?: (\d{4}))?")


def printed_dates(text: str) -> set[tuple[int, int]]:
    """(month, day) of every date printed in `text`."""
    return {(_MONTHS.index(m.group(2)) + 1, int(m.group(1))) for m in _PRINTED.finditer(text)}


def check(files: Files) -> None:
    _date_range(files)
    chronology = files.model("chronology.yml")
    if chronology is None:
        return
    clocks = files.model("clocks.yml")
    by_id = {c.id: c for c in clocks.clocks} if clocks else {}
    _same_day_order(files, chronology, by_id.__getitem__)
    _journey_order(files, chronology, by_id.__getitem__)
    _printed_dates_agree(files, chronology)


def _date_range(files: Files) -> None:
    """A year 1 or 19490 is a typing mistake, not a date this site could be about."""
    earliest, latest = files.site.dates.earliest, files.site.dates.latest
    checks = [("document.yml", (), "date", files.model("document.yml").date.isoformat())]
    chronology = files.model("chronology.yml")
    for i, event in enumerate(chronology.events if chronology else []):
        checks += [("chronology.yml", ("events", i), "date", event.date)]
        if event.end:
            checks += [("chronology.yml", ("events", i), "end", event.end)]
    related = files.model("related.yml")
    for i, document in enumerate(related.documents if related else []):
        checks += [("related.yml", ("documents", i), "date", document.date)]
    for name, loc, field, value in checks:
        if not earliest.isoformat() <= value <= latest.isoformat():
            raise DataError(
                f"{at(files, name, loc, field)}: {value} is outside the dates this site allows "
                f"({earliest.isoformat()} to {latest.isoformat()}, set in data/site.yml under 'dates'); "
                "check the year"
            )


def _same_day_order(files: Files, chronology, clock) -> None:
    """Events sort by date and keep the file's order within a day, so timed events there must be in order."""
    last: dict[str, tuple] = {}
    for i, event in enumerate(chronology.events):
        moments = utc_moments(event, clock)
        if not moments:
            continue
        previous = last.get(event.date)
        if previous and min(moments) < min(previous[1]):
            raise DataError(
                f"{at(files, 'chronology.yml', ('events', i), 'time')}: {event.time} comes before event "
                f"'{previous[0]}' of the same day; move it above that event so the day reads in order"
            )
        last[event.date] = (event.id, moments)


def _journey_order(files: Files, chronology, clock) -> None:
    """The journey's steps are numbered in the order the file gives them; a date earlier than the
    step before would renumber the journey (a receipt before the report was written)."""
    journey = {k.id for k in chronology.kinds if k.journey}
    previous = None
    for i, event in enumerate(chronology.events):
        if event.kind not in journey:
            continue
        moments = utc_moments(event, clock)
        if previous:
            before, before_moments = previous
            earlier = event.date < before.date or (moments and before_moments and max(moments) < min(before_moments))
            if earlier:
                raise DataError(
                    f"{at(files, 'chronology.yml', ('events', i), 'date')}: this step of the journey "
                    f"({event.date}{' ' + event.time if event.time else ''}) is dated before the step listed above it, "
                    f"'{before.id}' ({before.date}{' ' + before.time if before.time else ''}); the journey's steps must be "
                    "listed in the order they happened, each no earlier than the one before"
                )
        previous = (event, moments)


def _printed_dates_agree(files: Files, chronology) -> None:
    """An event that cites paragraphs printing dates must fall on one of them (or within its range)."""
    text = {p.id: p.text for _, _, _, p in paragraph_locs(files.model("text.yml"))}
    paragraph_kinds = {k.id for k in chronology.kinds if k.evidence == "paragraphs"}
    for i, event in enumerate(chronology.events):
        if event.kind not in paragraph_kinds or event.precision not in ("day", "time"):
            continue
        printed = set().union(*(printed_dates(text[p]) for p in event.paragraphs if p in text))
        if not printed:
            continue
        day = dt.date.fromisoformat(event.date)
        if (day.month, day.day) not in printed:
            shown = ", ".join(f"{d} {_MONTHS[m - 1]}" for m, d in sorted(printed))
            raise DataError(
                f"{at(files, 'chronology.yml', ('events', i), 'date')}: {event.date} is not a date its paragraphs "
                f"({', '.join(event.paragraphs)}) print; they give {shown}. Date the event as the text does, or "
                "cite the paragraph that gives its date"
            )
