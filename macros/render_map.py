"""Draw the map of the advance as an inline SVG, at build time, from the places' coordinates.

No tiles, no JavaScript, no network: a graticule, a scale bar, every place with
coordinates (those too far away to fit, such as Peking and Moscow, as labelled
pointers at the frame's edge), and the army's route with the dates the cable
gives, taken from the `route` of the events in `data/chronology.yml`.
Colours come from the page's CSS, so the map follows the light and dark
schemes and prints in black and white. Links inside the SVG use `xlink:href`:
Material's instant navigation rewrites every `[href]` on the page and fails
on SVG links, whose `href` property is read-only.

The projection is equirectangular, with longitudes shrunk by the cosine of the
frame's middle latitude: over a few hundred kilometres this keeps distances
close enough for a scale bar to be honest (within about 5% across the frame).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .edition import Edition, GlossaryEntry
from .links import CHRONOLOGY_PAGE, relative
from .markup import escape
from .models_glossary import Coordinates
from .render_glossary import entry_href, format_coordinates

__all__ = ["render_map", "render_place_table", "route_stops"]

WIDTH, MAX_HEIGHT, MARGIN = 1000, 640, 46
EARTH_RADIUS_KM = 6371.0
NEARBY_KM = 700  # places this close to the route's frame are drawn; farther ones become edge pointers


@dataclass(frozen=True)
class Stop:
    number: int
    place: GlossaryEntry
    action: str
    date: str  # ISO
    event_id: str
    follows: "Stop | None"  # where the route to this stop comes from


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


def distance_km(a: Coordinates, b: Coordinates) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def short_date(iso: str) -> str:
    _, month, day = iso.split("-")
    return f"{int(day)} {('Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split())[int(month) - 1]}"


@dataclass(frozen=True)
class Frame:
    west: float
    east: float
    south: float
    north: float

    @property
    def kx(self) -> float:
        return math.cos(math.radians((self.south + self.north) / 2))

    def contains(self, p: Coordinates) -> bool:
        return self.west <= p.lon <= self.east and self.south <= p.lat <= self.north

    def scale(self) -> float:
        """SVG units per degree of latitude."""
        return min((WIDTH - 2 * MARGIN) / ((self.east - self.west) * self.kx), (MAX_HEIGHT - 2 * MARGIN) / (self.north - self.south))

    @property
    def height(self) -> float:
        """The drawing's height: the frame's, plus margins (the width is fixed)."""
        return (self.north - self.south) * self.scale() + 2 * MARGIN

    def xy(self, p: Coordinates) -> tuple[float, float]:
        s = self.scale()
        return MARGIN + (p.lon - self.west) * self.kx * s, self.height - MARGIN - (p.lat - self.south) * s


def _frame(route: list[GlossaryEntry], places: list[GlossaryEntry]) -> Frame:
    """The route's bounding box, grown to take in the places near it, on whole degrees."""
    core = [p.entry.coordinates for p in route] or [p.entry.coordinates for p in places]
    west, east = min(c.lon for c in core), max(c.lon for c in core)
    south, north = min(c.lat for c in core), max(c.lat for c in core)
    for item in places:
        c = item.entry.coordinates
        nearest = Coordinates(lat=min(max(c.lat, south), north), lon=min(max(c.lon, west), east))
        if distance_km(c, nearest) <= NEARBY_KM:
            west, east, south, north = min(west, c.lon), max(east, c.lon), min(south, c.lat), max(north, c.lat)
    return Frame(math.floor(west - 0.5), math.ceil(east + 0.5), math.floor(south - 0.5), math.ceil(north + 0.5))


def _graticule(frame: Frame) -> str:
    step = 2
    lines, labels = [], []
    x0, y0 = frame.xy(Coordinates(lat=frame.south, lon=frame.west))
    x1, y1 = frame.xy(Coordinates(lat=frame.north, lon=frame.east))
    for lon in range(math.ceil(frame.west), math.floor(frame.east) + 1):
        if lon % step:
            continue
        x, _ = frame.xy(Coordinates(lat=frame.south, lon=lon))
        lines.append(f'<line x1="{x:.1f}" y1="{y1:.1f}" x2="{x:.1f}" y2="{y0:.1f}"/>')
        labels.append(f'<text x="{x:.1f}" y="{y0 + 18:.1f}" text-anchor="middle">{lon}°E</text>')
    for lat in range(math.ceil(frame.south), math.floor(frame.north) + 1):
        if lat % step:
            continue
        _, y = frame.xy(Coordinates(lat=lat, lon=frame.west))
        lines.append(f'<line x1="{x0:.1f}" y1="{y:.1f}" x2="{x1:.1f}" y2="{y:.1f}"/>')
        labels.append(f'<text x="{x0 - 6:.1f}" y="{y + 5:.1f}" text-anchor="end">{lat}°N</text>')
    border = f'<rect class="cbl-map__frame" x="{x0:.1f}" y="{y1:.1f}" width="{x1 - x0:.1f}" height="{y0 - y1:.1f}"/>'
    return f'<g class="cbl-map__graticule" aria-hidden="true">{border}{"".join(lines)}{"".join(labels)}</g>'


def _scale_bar(frame: Frame) -> str:
    km_per_unit = (math.pi * EARTH_RADIUS_KM / 180) / frame.scale()
    length_km = 200
    length = length_km / km_per_unit
    x, y = MARGIN + 12, frame.height - MARGIN - 16
    return (
        f'<g class="cbl-map__scale" aria-hidden="true">'
        f'<path d="M{x:.1f} {y - 6:.1f}v6h{length:.1f}v-6"/>'
        f'<text x="{x + length / 2:.1f}" y="{y - 10:.1f}" text-anchor="middle">{length_km} km</text></g>'
    )


def _label(item: GlossaryEntry) -> str:
    return item.entry.forms[0] if item.entry.forms else item.entry.name


def _place(frame: Frame, item: GlossaryEntry, here: str, dates: list[str], on_route: bool) -> str:
    x, y = frame.xy(item.entry.coordinates)
    side = item.entry.map_label or "right"
    dx, dy, anchor = {"right": (9, 5, "start"), "left": (-9, 5, "end"), "above": (0, -10, "middle"), "below": (0, 20, "middle")}[side]
    if side == "above" and dates:
        dy -= 16  # the date line goes under the name, so lift both clear of the marker
    date_line = (
        f'<tspan class="cbl-map__date" x="{x + dx:.1f}" dy="1.15em">{escape(", ".join(dates))}</tspan>' if dates else ""
    )
    name = f"{_label(item)}: {item.entry.name}" + (f", {', '.join(dates)}" if dates else "")
    return (
        f'<a xlink:href="{entry_href(item, here)}" id="place-{item.id}" class="cbl-map__place{" cbl-map__place--route" if on_route else ""}" '
        f'aria-label="{escape(name)}"><circle cx="{x:.1f}" cy="{y:.1f}" r="{6 if on_route else 4.5}"/>'
        f'<text x="{x + dx:.1f}" y="{y + dy:.1f}" text-anchor="{anchor}">{escape(_label(item))}{date_line}</text></a>'
    )


def _edge_point(frame: Frame, c: Coordinates) -> tuple[float, float, float, float]:
    """Where an off-map place's arrow sits: on the way from the frame's centre towards the place,
    at the edge (less room for the label). Returns x, y and the direction (vx, vy)."""
    centre = Coordinates(lat=(frame.south + frame.north) / 2, lon=(frame.west + frame.east) / 2)
    cx, cy = frame.xy(centre)
    tx, ty = frame.xy(c)
    left, top = frame.xy(Coordinates(lat=frame.north, lon=frame.west))
    right, bottom = frame.xy(Coordinates(lat=frame.south, lon=frame.east))
    vx, vy = tx - cx, ty - cy
    t = min(
        ((right - 70) - cx) / vx if vx > 0 else ((left + 70) - cx) / vx if vx < 0 else math.inf,
        ((bottom - 30) - cy) / vy if vy > 0 else ((top + 30) - cy) / vy if vy < 0 else math.inf,
    )
    return cx + vx * t, cy + vy * t, vx, vy


def _pointer(frame: Frame, item: GlossaryEntry, here: str, origin: GlossaryEntry | None) -> str:
    """A place outside the frame: an arrow at the edge, in its direction, with its distance."""
    c = item.entry.coordinates
    x, y, vx, vy = _edge_point(frame, c)
    angle = math.degrees(math.atan2(vy, vx))
    arrow = "→↘↓↙←↖↑↗"[round(angle / 45) % 8]  # SVG's y axis points down
    far = f"{round(distance_km(origin.entry.coordinates, c), -1):,.0f} km from {_label(origin)}" if origin else ""
    name = f"{_label(item)}: {item.entry.name}, off the map" + (f", {far}" if far else "")
    anchor = "end" if vx > 0 else "start"
    tx_label = x - 12 if vx > 0 else x + 12
    return (
        f'<a xlink:href="{entry_href(item, here)}" id="place-{item.id}" class="cbl-map__place cbl-map__place--far" aria-label="{escape(name)}">'
        f'<path class="cbl-map__arrow" d="M0 -7L14 0L0 7Z" transform="translate({x:.1f} {y:.1f}) rotate({angle:.1f})"/>'
        f'<text x="{tx_label:.1f}" y="{y - 4:.1f}" text-anchor="{anchor}">{escape(_label(item))} {arrow}</text>'
        f'<text class="cbl-map__date" x="{tx_label:.1f}" y="{y + 14:.1f}" text-anchor="{anchor}">{escape(far)}</text></a>'
    )


def _places(edition: Edition) -> list[GlossaryEntry]:
    return [e for e in edition.entries_of("places") if e.entry.coordinates]


def _journey_origin(edition: Edition) -> GlossaryEntry | None:
    """Where the document's journey starts (the place of its first journey event), for distances."""
    for event in edition.events():
        if event.kind == "journey" and event.places:
            return edition.entries[event.places[0]]
    return None


def _located_origin(stop: Stop) -> Stop | None:
    """Where the line to `stop` starts: its predecessor, or the nearest earlier stop that could be located."""
    origin = stop.follows
    while origin and not origin.place.entry.coordinates:
        origin = origin.follows
    return origin


def _cable_path(edition: Edition, frame: Frame) -> str:
    """The document's journey (Hami, then Peking, then Moscow) as a dashed line; a leg between two
    places that are both off the map is left out rather than drawn across it."""
    places: list[GlossaryEntry] = []
    for event in edition.events():
        if event.kind == "journey":
            for place_id in event.places:
                item = edition.entries[place_id]
                if item.entry.coordinates and item not in places:
                    places.append(item)

    def point(item: GlossaryEntry) -> tuple[float, float, bool]:
        c = item.entry.coordinates
        if frame.contains(c):
            return (*frame.xy(c), True)
        x, y, _, _ = _edge_point(frame, c)
        return x, y, False

    legs = []
    for a, b in zip(places, places[1:]):
        (x1, y1, in1), (x2, y2, in2) = point(a), point(b)
        if in1 or in2:
            legs.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"/>')
    return f'<g class="cbl-map__cable" aria-hidden="true">{"".join(legs)}</g>'


def render_map(edition: Edition, here: str) -> str:
    stops = [s for s in route_stops(edition) if s.place.entry.coordinates]
    places = _places(edition)
    frame = _frame([s.place for s in stops], places)
    dates: dict[str, list[str]] = {}
    for s in stops:
        dates.setdefault(s.place.id, []).append(short_date(s.date))
    legs = "".join(
        '<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}"/>'.format(*frame.xy(o.place.entry.coordinates), *frame.xy(s.place.entry.coordinates))
        for s in stops
        if (o := _located_origin(s))
    )
    inside = [p for p in places if frame.contains(p.entry.coordinates)]
    outside = [p for p in places if not frame.contains(p.entry.coordinates)]
    origin = _journey_origin(edition)
    marks = "".join(_place(frame, p, here, dates.get(p.id, []), p.id in dates) for p in inside)
    pointers = "".join(_pointer(frame, p, here, origin) for p in outside)
    svg = (
        f'<svg class="cbl-map__svg" viewBox="0 0 {WIDTH} {frame.height:.0f}" role="group" aria-labelledby="map-title" '
        f'xmlns="http://www.w3.org/2000/svg"><title id="map-title">Map of the places the cable names, '
        f"with the army’s route and dates</title>"
        f"{_graticule(frame)}{_cable_path(edition, frame)}<g class=\"cbl-map__route\" aria-hidden=\"true\">{legs}</g>"
        f"{marks}{pointers}{_scale_bar(frame)}</svg>"
    )
    caption = (
        f'<figcaption>Solid line: the army’s route, drawn from the dates the cable gives ({len(stops)} located stops, '
        f'<a href="{relative(here, CHRONOLOGY_PAGE)}">see the chronology</a>). Dashed line: the report’s journey '
        "from Hami towards Peking, whence it was cabled to Moscow. Places the cable names but which "
        "could not be located are listed below the map, not drawn. Projection: equirectangular; "
        "the scale bar holds across the frame to within about 5%.</figcaption>"
    )
    return f'<figure class="cbl-map">{svg}{caption}</figure>\n'


def render_place_table(edition: Edition, here: str) -> str:
    """The map as a table: every place, its names, its position and the route's dates."""
    stops = route_stops(edition)
    rows = []
    for item in edition.entries_of("places"):
        e = item.entry
        when = "; ".join(f"{s.action} {short_date(s.date)}" for s in stops if s.place.id == item.id) or "—"
        where = format_coordinates(e.coordinates) if e.coordinates else "Not located"
        forms = ", ".join(e.forms) if e.forms else "(not in the cable)"
        rows.append(
            f'<tr><th scope="row"><a href="{entry_href(item, here)}">{escape(e.name)}</a></th>'
            f"<td>{escape(forms)}</td><td>{escape(e.name_1949 or '—')}</td><td>{escape(where)}</td><td>{escape(when)}</td></tr>"
        )
    head = (
        "<thead><tr><th scope=\"col\">Place</th><th scope=\"col\">In the cable</th><th scope=\"col\">In 1949</th>"
        '<th scope="col">Position</th><th scope="col">The army (as the cable reports)</th></tr></thead>'
    )
    return f'<div class="cbl-table-scroll" tabindex="0" role="region" aria-label="Places on the map"><table class="cbl-places">{head}<tbody>{"".join(rows)}</tbody></table></div>\n'
