"""The route drawn on the map: stops in order, each with where its line comes from."""

from __future__ import annotations

from dataclasses import dataclass

from .edition import Edition, GlossaryEntry

__all__ = ["Stop", "route_stops"]


@dataclass(frozen=True)
class Stop:
    number: int
    place: GlossaryEntry
    action: str
    date: str  # ISO
    event_id: str
    follows: "Stop | None"  # where the route to this stop comes from

    def located_origin(self) -> "Stop | None":
        """Where the line to this stop starts: its predecessor, or the nearest earlier stop that could be located."""
        origin = self.follows
        while origin and not origin.place.entry.coordinates:
            origin = origin.follows
        return origin


def route_stops(edition: Edition) -> list[Stop]:
    """The route's stops in order. Stops of one event that "set out from" form a line;
    any other stop is reached from the last stop of the previous event."""
    stops: list[Stop] = []
    previous_end: Stop | None = None
    for event in edition.events():
        last_in_event = previous_end
        for step in event.route:
            follows = last_in_event if step.action == "set out from" else previous_end
            stop = Stop(len(stops) + 1, edition.entries[step.place], step.action, event.date, event.id, follows)
            stops.append(stop)
            last_in_event = stop
        if event.route:
            previous_end = last_in_event
    return stops
