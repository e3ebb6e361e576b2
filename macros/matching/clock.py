"""Time arithmetic for the chronology: the time elapsed between events.

A clock time is only comparable across places once it is converted to UTC with the
offset of the clock it was read on (`data/clocks.yml`). Where the offset of a clock is
uncertain, elapsed times are given for every offset the sources allow, as a range,
rather than for one silently chosen offset.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from ..files.models.chronology import Clock, Event

__all__ = ["Elapsed", "elapsed", "format_duration", "utc_moments"]

ClockLookup = Callable[[str], Clock]


def _offset(text: str) -> dt.timedelta:
    sign = -1 if text.startswith("-") else 1
    hours, minutes = text[1:].split(":")
    return sign * dt.timedelta(hours=int(hours), minutes=int(minutes))


def utc_moments(event: Event, clock: ClockLookup) -> list[dt.datetime]:
    """The event's moment in UTC for each offset its clock may have had (empty without a clock time)."""
    if not event.time or not event.clock:
        return []
    local = dt.datetime.fromisoformat(f"{event.date}T{event.time}")
    found = clock(event.clock)
    return [local - _offset(o) for o in dict.fromkeys([found.utc_offset, *found.alternatives])]


@dataclass(frozen=True)
class Elapsed:
    shortest: dt.timedelta
    longest: dt.timedelta
    exact: bool  # False when only the dates are known, so the figure is in days

    def __str__(self) -> str:
        if not self.exact:
            days = self.shortest.days
            return "the same day" if days == 0 else f"{days} day{'s' if days != 1 else ''}"
        if self.shortest == self.longest:
            return format_duration(self.shortest)
        return f"{format_duration(self.shortest)} to {format_duration(self.longest)}"


def elapsed(earlier: Event, later: Event, clock: ClockLookup) -> Elapsed:
    """Time from `earlier` to `later`: in hours and minutes where both have clock times, else in days."""
    starts, ends = utc_moments(earlier, clock), utc_moments(later, clock)
    if starts and ends:
        spans = [end - start for start in starts for end in ends]
        return Elapsed(min(spans), max(spans), exact=True)
    days = dt.date.fromisoformat(later.date) - dt.date.fromisoformat(earlier.date)
    return Elapsed(days, days, exact=False)


def format_duration(span: dt.timedelta) -> str:
    """e.g. '7 days 19 h 40 min', '1 h', '20 min'."""
    minutes = int(span.total_seconds() // 60)
    sign = "−" if minutes < 0 else ""
    minutes = abs(minutes)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = [f"{days} day{'s' if days != 1 else ''}" if days else "", f"{hours} h" if hours else "", f"{mins} min" if mins else ""]
    return sign + (" ".join(p for p in parts if p) or "0 min")
