"""The map of the places and the route, drawn as an inline SVG at build time.

No tiles, no JavaScript, no network: a graticule, a scale bar, every place with
coordinates (those too far away to fit, such as Peking and Moscow, as labelled pointers at
the frame's edge), and the route with its dates, from the `route` of the chronology's
events. This module does the geometry; `map.html` draws it. Colours come from the page's
CSS, so the map follows the light and dark schemes and prints in black and white.

The projection is equirectangular, with longitudes shrunk by the cosine of the frame's
middle latitude: over a few hundred kilometres this keeps distances close enough for a
scale bar to be honest (within about 5% across the frame).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..files.models.glossary import Coordinates
from ..templating.environment import Renderer
from ..views.dates import short_date
from ..views.edition import Edition, GlossaryEntry
from ..views.route import Stop, route_stops

__all__ = ["render_map", "render_place_table"]

WIDTH, MAX_HEIGHT, MARGIN = 1000, 640, 46
EARTH_RADIUS_KM = 6371.0
NEARBY_KM = 700  # places this close to the route's frame are drawn; farther ones become edge pointers


def distance_km(a: Coordinates, b: Coordinates) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


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

    def point(self, lat: float, lon: float) -> tuple[float, float]:
        return self.xy(Coordinates.model_construct(lat=lat, lon=lon))


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


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    anchor: str = "middle"


@dataclass(frozen=True)
class Place:
    item: GlossaryEntry
    x: float
    y: float
    label: Label
    dates: str  # the route's dates at this place, e.g. "16 Oct"
    on_route: bool
    name: str  # the accessible name


@dataclass(frozen=True)
class Pointer:
    item: GlossaryEntry
    x: float
    y: float
    angle: float
    label: Label
    distance: str
    name: str


@dataclass(frozen=True)
class Graticule:
    x0: float
    y0: float
    x1: float
    y1: float
    lines: list[Line]
    labels: list[Label]


@dataclass(frozen=True)
class MapView:
    width: int
    height: float
    graticule: Graticule
    journey: list[Line]
    route: list[Line]
    places: list[Place]
    pointers: list[Pointer]
    scale_path: str
    scale_label: Label
    stops: int


def _graticule(frame: Frame) -> Graticule:
    step = 2
    x0, y0 = frame.point(frame.south, frame.west)
    x1, y1 = frame.point(frame.north, frame.east)
    lines, labels = [], []
    for lon in range(math.ceil(frame.west), math.floor(frame.east) + 1):
        if lon % step:
            continue
        x, _ = frame.point(frame.south, lon)
        lines.append(Line(x, y1, x, y0))
        labels.append(Label(x, y0 + 18, f"{lon}°E"))
    for lat in range(math.ceil(frame.south), math.floor(frame.north) + 1):
        if lat % step:
            continue
        _, y = frame.point(lat, frame.west)
        lines.append(Line(x0, y, x1, y))
        labels.append(Label(x0 - 6, y + 5, f"{lat}°N", "end"))
    return Graticule(x0, y0, x1, y1, lines, labels)


def _label(item: GlossaryEntry) -> str:
    return item.entry.forms[0] if item.entry.forms else item.entry.name


_SIDES = {"right": (9, 5, "start"), "left": (-9, 5, "end"), "above": (0, -10, "middle"), "below": (0, 20, "middle")}


def _place(frame: Frame, item: GlossaryEntry, dates: list[str]) -> Place:
    x, y = frame.xy(item.entry.coordinates)
    dx, dy, anchor = _SIDES[item.entry.map_label or "right"]
    if item.entry.map_label == "above" and dates:
        dy -= 16  # the date line goes under the name, so lift both clear of the marker
    shown = ", ".join(dates)
    name = f"{_label(item)}: {item.entry.name}" + (f", {shown}" if dates else "")
    return Place(item, x, y, Label(x + dx, y + dy, _label(item), anchor), shown, bool(dates), name)


def _edge_point(frame: Frame, c: Coordinates) -> tuple[float, float, float, float]:
    """Where an off-map place's arrow sits: on the way from the frame's centre towards the place,
    at the edge (less room for the label). Returns x, y and the direction (vx, vy)."""
    cx, cy = frame.point((frame.south + frame.north) / 2, (frame.west + frame.east) / 2)
    tx, ty = frame.xy(c)
    left, top = frame.point(frame.north, frame.west)
    right, bottom = frame.point(frame.south, frame.east)
    vx, vy = tx - cx, ty - cy
    t = min(
        ((right - 70) - cx) / vx if vx > 0 else ((left + 70) - cx) / vx if vx < 0 else math.inf,
        ((bottom - 30) - cy) / vy if vy > 0 else ((top + 30) - cy) / vy if vy < 0 else math.inf,
    )
    return cx + vx * t, cy + vy * t, vx, vy


def _pointer(frame: Frame, item: GlossaryEntry, origin: GlossaryEntry | None) -> Pointer:
    """A place outside the frame: an arrow at the edge, in its direction, with its distance."""
    c = item.entry.coordinates
    x, y, vx, vy = _edge_point(frame, c)
    angle = math.degrees(math.atan2(vy, vx))
    arrow = "→↘↓↙←↖↑↗"[round(angle / 45) % 8]  # SVG's y axis points down
    far = f"{round(distance_km(origin.entry.coordinates, c), -1):,.0f} km from {_label(origin)}" if origin else ""
    name = f"{_label(item)}: {item.entry.name}, off the map" + (f", {far}" if far else "")
    anchor = "end" if vx > 0 else "start"
    tx = x - 12 if vx > 0 else x + 12
    return Pointer(item, x, y, angle, Label(tx, y - 4, f"{_label(item)} {arrow}", anchor), far, name)


def _journey_places(edition: Edition) -> list[GlossaryEntry]:
    places: list[GlossaryEntry] = []
    for event in edition.journey():
        for place_id in event.places:
            item = edition.entries[place_id]
            if item.entry.coordinates and item not in places:
                places.append(item)
    return places


def _journey_legs(frame: Frame, places: list[GlossaryEntry]) -> list[Line]:
    """The document's journey as a dashed line; a leg between two places that are both off the
    map is left out rather than drawn across it."""

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
            legs.append(Line(x1, y1, x2, y2))
    return legs


def map_view(edition: Edition) -> MapView:
    stops: list[Stop] = [s for s in route_stops(edition) if s.place.entry.coordinates]
    places = [e for e in edition.located_entries() if e.entry.coordinates]
    frame = _frame([s.place for s in stops], places)
    dates: dict[str, list[str]] = {}
    for s in stops:
        dates.setdefault(s.place.id, []).append(short_date(s.date))
    route = [Line(*frame.xy(o.place.entry.coordinates), *frame.xy(s.place.entry.coordinates))
             for s in stops if (o := s.located_origin())]
    journey = _journey_places(edition)
    origin = journey[0] if journey else None
    km_per_unit = (math.pi * EARTH_RADIUS_KM / 180) / frame.scale()
    length = 200 / km_per_unit
    sx, sy = MARGIN + 12, frame.height - MARGIN - 16
    return MapView(
        width=WIDTH,
        height=frame.height,
        graticule=_graticule(frame),
        journey=_journey_legs(frame, journey),
        route=route,
        places=[_place(frame, p, dates.get(p.id, [])) for p in places if frame.contains(p.entry.coordinates)],
        pointers=[_pointer(frame, p, origin) for p in places if not frame.contains(p.entry.coordinates)],
        scale_path=f"M{sx:.1f} {sy - 6:.1f}v6h{length:.1f}v-6",
        scale_label=Label(sx + length / 2, sy - 10, "200 km"),
        stops=len(stops),
    )


def render_map(renderer: Renderer, here: str) -> str:
    return renderer.render("map.html", here, map=map_view(renderer.edition))


def render_place_table(renderer: Renderer, here: str) -> str:
    """The map as a table: every place, its names, its position and the route's dates."""
    edition = renderer.edition
    stops = route_stops(edition)
    rows = [
        (item, "; ".join(f"{s.action} {short_date(s.date)}" for s in stops if s.place.id == item.id))
        for item in edition.located_entries()
    ]
    return renderer.render("map-table.html", here, rows=rows)
