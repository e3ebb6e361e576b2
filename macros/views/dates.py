"""Dates and times as pages show them: '18 October 1949', 'about 24 September 1949',
'26 October 1949, 12:30 (Moscow time)', '18 Oct'."""

from __future__ import annotations

import datetime as dt

from ..files.models.chronology import Event
from .edition import Edition

__all__ = ["day", "short_date", "when"]

_SHORT_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def day(iso: str) -> str:
    date = dt.date.fromisoformat(iso)
    return f"{date.day} {date:%B %Y}"


def short_date(iso: str) -> str:
    _, month, day_ = iso.split("-")
    return f"{int(day_)} {_SHORT_MONTHS[int(month) - 1]}"


def when(event: Event, edition: Edition) -> str:
    """e.g. '26 October 1949, 12:30 (Moscow time)', 'about 24 September 1949', '25 – 26 September 1949'."""
    if event.precision == "range" and event.end:
        return f"{day(event.date)} – {day(event.end)}"
    if event.precision == "approximate":
        return f"about {day(event.date)}"
    if event.precision == "time" and event.time and event.clock:
        return f"{day(event.date)}, {event.time} ({edition.clock(event.clock).name})"
    return day(event.date)
