"""The map of the places, the route and the geography around them, drawn as an inline SVG.

No tiles, no JavaScript, no network: the borders, lakes, mountains and regions of
`data/basemap.yml`, a graticule, a scale bar, every place with coordinates (those too far
away to fit, such as Peking and Moscow, as pointers at the frame's edge), the route with its
dates (from the chronology's `route`), and the document's journey. Labels are placed so that
none overlaps another or a route line (`macros.views.map_layout`). This module does the
geometry; `map.html` draws it. Colours come from the page's CSS, so the map follows the light
and dark schemes and prints in black and white.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..files.models.glossary import Coordinates
from ..templating.environment import Renderer
from ..views.dates import short_date
from ..views.edition import Edition, GlossaryEntry
from ..views.map_layout import Box, Frame, Placed, Placer
from ..views.route import route_stops

__all__ = ["render_map", "render_place_table"]

WIDTH, MARGIN = 1000, 34
EARTH_RADIUS_KM = 6371.0
NAME, DATE, REGION, GRID = 17, 16, 16, 16  # text sizes in SVG units: at least 11 CSS px at the map's smallest width (700 px)
LINES_LABELS_AVOID = ("border", "boundary", "region")
NEARBY_KM = 700  # without a basemap frame: places this close to the route are drawn, farther ones are pointers


def distance_km(a: Coordinates, b: Coordinates) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    anchor: str = "middle"
    kind: str = ""  # a class suffix: 'date', 'grid', 'region'


@dataclass(frozen=True)
class Shape:
    kind: str  # border, boundary, lake, range, region
    path: str


@dataclass(frozen=True)
class Place:
    item: GlossaryEntry
    x: float
    y: float
    on_route: bool
    name: str  # the accessible name
    texts: list[Text]
    leader: Line | None


@dataclass(frozen=True)
class Pointer:
    item: GlossaryEntry
    x: float
    y: float
    angle: float
    texts: list[Text]
    name: str


@dataclass(frozen=True)
class MapView:
    width: int
    height: float
    frame: Box
    shapes: list[Shape]
    labels: list[Text]  # of the geography
    grid: list[Line]
    grid_labels: list[Text]
    journey: list[Line]
    route: list[Line]
    places: list[Place]
    pointers: list[Pointer]
    scale_path: str
    scale_label: Text
    stops: int
    legend: list[tuple[str, str, str]]  # (kind, name, note)
    opens_at_end: bool  # the route starts in the map's eastern half: a phone's frame opens there


def _auto_frame(route: list[GlossaryEntry], places: list[GlossaryEntry]) -> Frame:
    """Without a basemap: the route's bounding box, grown to take in the places near it."""
    core = [p.entry.coordinates for p in route] or [p.entry.coordinates for p in places]
    west, east = min(c.lon for c in core), max(c.lon for c in core)
    south, north = min(c.lat for c in core), max(c.lat for c in core)
    for item in places:
        c = item.entry.coordinates
        nearest = Coordinates.model_construct(lat=min(max(c.lat, south), north), lon=min(max(c.lon, west), east))
        if distance_km(c, nearest) <= NEARBY_KM:
            west, east, south, north = min(west, c.lon), max(east, c.lon), min(south, c.lat), max(north, c.lat)
    pad = 0.5
    return Frame(max(west - pad, -180), min(east + pad, 180), max(south - pad, -89), min(north + pad, 89), WIDTH, MARGIN)


def _path(frame: Frame, line: list[list[float]], closed: bool) -> str:
    points = [frame.xy(lon, lat) for lon, lat in line]
    return "M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in points) + ("Z" if closed else "")


def _label(item: GlossaryEntry) -> str:
    return item.entry.forms[0] if item.entry.forms else item.entry.name


def _texts(placed: Placed, lines: list[tuple[str, float, bool]], kinds: list[str]) -> list[Text]:
    out, y = [], placed.y
    for (text, size, _), kind in zip(lines, kinds):
        out.append(Text(placed.x, y, text, placed.anchor, kind))
        y += size * 1.2
    return out


def _leader(x: float, y: float, box: Box) -> Line:
    """From the point to the nearest point of its label's box."""
    nx, ny = min(max(x, box.x0), box.x1), min(max(y, box.y0), box.y1)
    return Line(x, y, nx, ny)


def _edge_point(frame: Frame, lon: float, lat: float) -> tuple[float, float, float, float]:
    """Where an off-map place's arrow sits: on the way from the frame's centre towards the place,
    at the edge, with room for its label. Returns x, y and the direction (vx, vy)."""
    cx, cy = frame.xy((frame.west + frame.east) / 2, (frame.south + frame.north) / 2)
    tx, ty = frame.xy(lon, lat)
    box = frame.box()
    vx, vy = tx - cx, ty - cy
    t = min(
        ((box.x1 - 150) - cx) / vx if vx > 0 else ((box.x0 + 150) - cx) / vx if vx < 0 else math.inf,
        ((box.y1 - 40) - cy) / vy if vy > 0 else ((box.y0 + 60) - cy) / vy if vy < 0 else math.inf,
    )
    return cx + vx * t, cy + vy * t, vx, vy


def _journey_places(edition: Edition) -> list[GlossaryEntry]:
    places: list[GlossaryEntry] = []
    for event in edition.journey():
        for place_id in event.places:
            item = edition.entries[place_id]
            if item.entry.coordinates and item not in places:
                places.append(item)
    return places


def map_view(edition: Edition) -> MapView:
    basemap = edition.part("basemap.yml")
    stops = [s for s in route_stops(edition) if s.place.entry.coordinates]
    places = [e for e in edition.located_entries() if e.entry.coordinates]
    if basemap:
        f = basemap.frame
        frame = Frame(f.west, f.east, f.south, f.north, WIDTH, MARGIN)
    else:
        frame = _auto_frame([s.place for s in stops], places)
    bounds = frame.box()
    placer = Placer(Box(bounds.x0 + 2, bounds.y0 + 2, bounds.x1 - 2, bounds.y1 - 2))

    def xy(c: Coordinates) -> tuple[float, float]:
        return frame.xy(c.lon, c.lat)

    # Lines first: they are what labels must keep clear of.
    route = [Line(*xy(o.place.entry.coordinates), *xy(s.place.entry.coordinates)) for s in stops if (o := s.located_origin())]
    journey_places = _journey_places(edition)
    journey = []
    for a, b in zip(journey_places, journey_places[1:]):
        ca, cb = a.entry.coordinates, b.entry.coordinates
        ina, inb = frame.contains(ca.lon, ca.lat), frame.contains(cb.lon, cb.lat)
        if ina or inb:
            (x1, y1) = xy(ca) if ina else _edge_point(frame, ca.lon, ca.lat)[:2]
            (x2, y2) = xy(cb) if inb else _edge_point(frame, cb.lon, cb.lat)[:2]
            journey.append(Line(x1, y1, x2, y2))
    placer.segments = [(line.x1, line.y1, line.x2, line.y2) for line in route + journey]
    # The borders, the boundaries and a region's edge are lines a label must not sit across either
    # ("1,930 km from HAMI" and "(the Three Districts…)" were crossed by the Soviet border).
    for feature in basemap.features if basemap else []:
        if feature.kind in LINES_LABELS_AVOID:
            for line in feature.lines:
                points = [frame.xy(lon, lat) for lon, lat in line]
                if feature.kind == "region":
                    points.append(points[0])
                placer.segments += [(*a, *b) for a, b in zip(points, points[1:])]

    inside = [p for p in places if frame.contains(p.entry.coordinates.lon, p.entry.coordinates.lat)]
    for p in inside:
        x, y = xy(p.entry.coordinates)
        placer.reserve(Box(x - 7, y - 7, x + 7, y + 7))

    # The scale bar, bottom left.
    km_per_unit = (math.pi * EARTH_RADIUS_KM / 180) / frame.scale
    length = 200 / km_per_unit
    sx, sy = bounds.x0 + 14, bounds.y1 - 14
    placer.reserve(Box(sx - 4, sy - 34, sx + length + 4, sy + 4))
    scale_label = Text(sx + length / 2, sy - 12, "200 km", "middle", "grid")

    # The graticule, with its labels inside the frame (top edge and left edge).
    grid, grid_labels = [], []
    for lon in range(math.ceil(frame.west), math.floor(frame.east) + 1, 1):
        if lon % 2:
            continue
        x, _ = frame.xy(lon, frame.south)
        grid.append(Line(x, bounds.y0, x, bounds.y1))
        text = f"{lon}°E"
        if x + 8 + len(text) * GRID * 0.6 > bounds.x1:
            continue  # no room for its label inside the frame
        grid_labels.append(Text(x + 3, bounds.y0 + GRID, text, "start", "grid"))
        placer.reserve(Box(x + 1, bounds.y0, x + 5 + len(text) * GRID * 0.6, bounds.y0 + GRID * 1.3))
    for lat in range(math.ceil(frame.south), math.floor(frame.north) + 1, 1):
        if lat % 2:
            continue
        _, y = frame.xy(frame.west, lat)
        grid.append(Line(bounds.x0, y, bounds.x1, y))
        text = f"{lat}°N"
        if y - GRID * 1.4 < bounds.y0:
            continue
        grid_labels.append(Text(bounds.x0 + 4, y - 4, text, "start", "grid"))
        placer.reserve(Box(bounds.x0, y - 4 - GRID, bounds.x0 + 8 + len(text) * GRID * 0.6, y))

    # Off-map places: pointers at the edge.
    origin = journey_places[0] if journey_places else None
    pointers = []
    for p in places:
        c = p.entry.coordinates
        if frame.contains(c.lon, c.lat):
            continue
        x, y, vx, vy = _edge_point(frame, c.lon, c.lat)
        angle = math.degrees(math.atan2(vy, vx))
        arrow = "→↘↓↙←↖↑↗"[round(angle / 45) % 8]  # SVG's y axis points down
        far = f"{round(distance_km(origin.entry.coordinates, c), -1):,.0f} km from {_label(origin)}" if origin else ""
        lines = [(f"{_label(p)} {arrow}", NAME, True)] + ([(far, DATE, False)] if far else [])
        anchor_x = x - 16 if vx > 0 else x + 16
        placed = placer.place(anchor_x, y, lines, "left" if vx > 0 else "right", gap=4)
        texts = _texts(placed, lines, ["", "date"]) if placed else []
        # The accessible name begins with the words drawn (WCAG 2.5.3, label in name), arrow aside.
        pointers.append(Pointer(p, x, y, angle, texts, f"{_label(p)}" + (f" {far}" if far else "") + f": {p.entry.name}, off the map"))

    # The geography and its labels.
    shapes, labels, legend = [], [], []
    for feature in basemap.features if basemap else []:
        closed = feature.kind in ("lake", "range", "region")
        for line in feature.lines:
            shapes.append(Shape(feature.kind, _path(frame, line, closed)))
        if feature.note:
            legend.append((feature.kind, feature.name.split(" (")[0] if feature.name else "", feature.note))
        if feature.name and feature.label:
            x, y = frame.xy(*feature.label)
            words = feature.name.split(" (", 1)
            rest = ("(" + words[1]).split(": ", 1) if len(words) > 1 else []
            rest = [rest[0] + ":", rest[1]] if len(rest) > 1 else rest  # a long bracket on two lines
            lines = [(words[0], REGION, False)] + [(part, REGION * 0.9, False) for part in rest]
            placed = next((found for gap in (0.1, 12, 24, 36) if (found := placer.place(x, y, lines, gap=gap))), None)
            if placed:
                labels.extend(_texts(placed, lines, ["region"] * len(lines)))

    # The places: on the route first (their dates matter most), then the others.
    dates: dict[str, list[str]] = {}
    for s in stops:
        dates.setdefault(s.place.id, []).append(short_date(s.date))
    drawn = []
    for p in sorted(inside, key=lambda p: (p.id not in dates, p.entry.name)):
        x, y = xy(p.entry.coordinates)
        shown = ", ".join(dates.get(p.id, []))
        lines = [(_label(p), NAME, True)] + ([(shown, DATE, False)] if shown else [])
        placed = placer.place(x, y, lines, p.entry.map_label)
        texts = _texts(placed, lines, ["", "date"]) if placed else []
        leader = _leader(x, y, placed.box) if placed and placed.leader else None
        name = f"{_label(p)}" + (f" {shown}" if shown else "") + f": {p.entry.name}"  # the words drawn first
        drawn.append(Place(p, x, y, p.id in dates, name, texts, leader))
    return MapView(
        width=WIDTH, height=frame.height, frame=bounds, shapes=shapes, labels=labels, grid=grid, grid_labels=grid_labels,
        journey=journey, route=route, places=drawn, pointers=pointers,
        scale_path=f"M{sx:.1f} {sy - 6:.1f}v6h{length:.1f}v-6", scale_label=scale_label, stops=len(stops), legend=legend,
        opens_at_end=bool(route) and route[0].x1 > WIDTH / 2,
    )


def render_map(renderer: Renderer, here: str) -> str:
    edition = renderer.edition
    unlocated = [e for e in edition.located_entries() if not e.entry.coordinates]
    return renderer.render("map.html", here, map=map_view(edition), unlocated=unlocated, basemap=edition.part("basemap.yml"))


def render_place_table(renderer: Renderer, here: str) -> str:
    """The map as a table: every place, its names, its position and the route's dates."""
    edition = renderer.edition
    stops = route_stops(edition)
    rows = [
        (item, "; ".join(f"{s.action} {short_date(s.date)}" for s in stops if s.place.id == item.id))
        for item in edition.located_entries()
    ]
    return renderer.render("map-table.html", here, rows=rows)
