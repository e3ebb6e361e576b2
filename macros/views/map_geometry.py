"""What the map draws, and where: the map's view of one edition, in SVG units.

The borders, lakes, mountains and regions of `data/basemap.yml`, a graticule, a scale bar,
every place with coordinates (those too far away to fit, such as Peking and Moscow, as pointers
at the frame's edge), the route with its dates (from the chronology's `route`), and the
document's journey. Labels are placed so that none overlaps another or a route line
(`macros.views.map_layout`: the projection and the placer). `macros.render.map` only hands the
view to `map.html`.

The placer is greedy, so the order in which `map_view` places things is part of the drawing:
lines first (labels keep clear of them), then the markers, the scale bar and the graticule,
the pointers, the geography's labels, and last the places, those on the route first.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..files.models.basemap import Basemap
from ..files.models.glossary import Coordinates
from .dates import short_date
from .edition import Edition, GlossaryEntry
from .map_layout import Box, Frame, Placed, Placer
from .route import Stop, route_stops

__all__ = ["Line", "MapView", "Place", "Pointer", "Shape", "Text", "distance_km", "map_view"]

WIDTH, MARGIN = 1000, 34
EARTH_RADIUS_KM = 6371.0
NAME, DATE, REGION, GRID = 17, 16, 16, 16  # text sizes in SVG units: at least 11 CSS px at the map's smallest width (700 px)
LINES_LABELS_AVOID = ("border", "boundary", "region")
SCALE_SHARE = 5  # the scale bar is at most this fraction of the frame's width
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


def map_view(edition: Edition) -> MapView:
    """The whole map of this edition, its labels placed (in the order the module's docstring gives)."""
    basemap = edition.part("basemap.yml")
    stops = [s for s in route_stops(edition) if s.place.entry.coordinates]
    places = [e for e in edition.located_entries() if e.entry.coordinates]
    frame = _frame(basemap, stops, places)
    bounds = frame.box()
    placer = Placer(Box(bounds.x0 + 2, bounds.y0 + 2, bounds.x1 - 2, bounds.y1 - 2))

    route = _route_lines(frame, stops)
    journey_places = _journey_places(edition)
    journey = _journey_lines(frame, journey_places)
    placer.segments = [(line.x1, line.y1, line.x2, line.y2) for line in route + journey] + _lines_labels_avoid(frame, basemap)

    inside = [p for p in places if frame.contains(p.entry.coordinates.lon, p.entry.coordinates.lat)]
    outside = [p for p in places if not frame.contains(p.entry.coordinates.lon, p.entry.coordinates.lat)]
    for p in inside:
        x, y = frame.xy(p.entry.coordinates.lon, p.entry.coordinates.lat)
        placer.reserve(Box(x - 7, y - 7, x + 7, y + 7))
    scale_path, scale_label = _scale_bar(frame, placer)
    grid, grid_labels = _graticule(frame, placer)
    origin = journey_places[0] if journey_places else None
    pointers = [_pointer(frame, placer, p, origin) for p in outside]
    shapes, labels, legend = _geography(frame, placer, basemap)
    return MapView(
        width=WIDTH, height=frame.height, frame=bounds, shapes=shapes, labels=labels, grid=grid, grid_labels=grid_labels,
        journey=journey, route=route, places=_places(frame, placer, inside, stops), pointers=pointers,
        scale_path=scale_path, scale_label=scale_label, stops=len(stops), legend=legend,
        opens_at_end=bool(route) and route[0].x1 > WIDTH / 2,
    )


def _frame(basemap: Basemap | None, stops: list[Stop], places: list[GlossaryEntry]) -> Frame:
    if basemap:
        f = basemap.frame
        return Frame(f.west, f.east, f.south, f.north, WIDTH, MARGIN)
    return _auto_frame([s.place for s in stops], places)


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
    # No flatter than 4:1, or places along one parallel leave no room for the scale bar's label.
    kx = math.cos(math.radians((south + north) / 2))
    grow = max(0.0, ((east - west + 2 * pad) * kx / 4 - (north - south + 2 * pad)) / 2)
    south, north = south - grow, north + grow
    return Frame(max(west - pad, -180), min(east + pad, 180), max(south - pad, -89), min(north + pad, 89), WIDTH, MARGIN)


def _xy(frame: Frame, c: Coordinates) -> tuple[float, float]:
    return frame.xy(c.lon, c.lat)


def _route_lines(frame: Frame, stops: list[Stop]) -> list[Line]:
    return [Line(*_xy(frame, o.place.entry.coordinates), *_xy(frame, s.place.entry.coordinates))
            for s in stops if (o := s.located_origin())]


def _journey_places(edition: Edition) -> list[GlossaryEntry]:
    places: list[GlossaryEntry] = []
    for event in edition.journey():
        for place_id in event.places:
            item = edition.entries[place_id]
            if item.entry.coordinates and item not in places:
                places.append(item)
    return places


def _journey_lines(frame: Frame, journey_places: list[GlossaryEntry]) -> list[Line]:
    """The document's journey, leg by leg; a leg with one end off the map runs to that end's pointer."""
    journey = []
    for a, b in zip(journey_places, journey_places[1:]):
        ca, cb = a.entry.coordinates, b.entry.coordinates
        ina, inb = frame.contains(ca.lon, ca.lat), frame.contains(cb.lon, cb.lat)
        if ina or inb:
            (x1, y1) = _xy(frame, ca) if ina else _edge_point(frame, ca.lon, ca.lat)[:2]
            (x2, y2) = _xy(frame, cb) if inb else _edge_point(frame, cb.lon, cb.lat)[:2]
            journey.append(Line(x1, y1, x2, y2))
    return journey


def _lines_labels_avoid(frame: Frame, basemap: Basemap | None) -> list[tuple[float, float, float, float]]:
    """The borders, the boundaries and a region's edge are lines a label must not sit across either
    ("1,930 km from HAMI" and "(the Three Districts…)" were crossed by the Soviet border)."""
    segments = []
    for feature in basemap.features if basemap else []:
        if feature.kind in LINES_LABELS_AVOID:
            for line in feature.lines:
                points = [frame.xy(lon, lat) for lon, lat in line]
                if feature.kind == "region":
                    points.append(points[0])
                segments += [(*a, *b) for a, b in zip(points, points[1:])]
    return segments


def _scale_km(width_km: float) -> float:
    """The longest round distance (1, 2 or 5 times a power of ten) at most a fifth of the frame's
    width: 200 km on this edition's map of Xinjiang, 10 km on a map of two villages, where a
    fixed 200 km ran far out of the frame."""
    for exponent in range(5, -3, -1):
        for step in (5, 2, 1):
            if (km := step * 10.0 ** exponent) <= width_km / SCALE_SHARE:
                return round(km, 2)
    return 0.01


def _scale_bar(frame: Frame, placer: Placer) -> tuple[str, Text]:
    """A round distance, bottom left: its path and its label."""
    bounds = frame.box()
    km_per_unit = (math.pi * EARTH_RADIUS_KM / 180) / frame.scale
    km = _scale_km((bounds.x1 - bounds.x0) * km_per_unit)
    length = km / km_per_unit
    sx, sy = bounds.x0 + 14, bounds.y1 - 14
    placer.reserve(Box(sx - 4, sy - 34, sx + length + 4, sy + 4))
    return f"M{sx:.1f} {sy - 6:.1f}v6h{length:.1f}v-6", Text(sx + length / 2, sy - 12, f"{km:,g} km", "middle", "grid")


def _graticule(frame: Frame, placer: Placer) -> tuple[list[Line], list[Text]]:
    """Every other degree, with its labels inside the frame (top edge and left edge)."""
    bounds = frame.box()
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
    return grid, grid_labels


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


def _pointer(frame: Frame, placer: Placer, p: GlossaryEntry, origin: GlossaryEntry | None) -> Pointer:
    """An off-map place: an arrow at the edge, with its distance from where the journey starts."""
    c = p.entry.coordinates
    x, y, vx, vy = _edge_point(frame, c.lon, c.lat)
    angle = math.degrees(math.atan2(vy, vx))
    arrow = "→↘↓↙←↖↑↗"[round(angle / 45) % 8]  # SVG's y axis points down
    far = f"{round(distance_km(origin.entry.coordinates, c), -1):,.0f} km from {_label(origin)}" if origin else ""
    lines = [(f"{_label(p)} {arrow}", NAME, True)] + ([(far, DATE, False)] if far else [])
    anchor_x = x - 16 if vx > 0 else x + 16
    placed = placer.place(anchor_x, y, lines, "left" if vx > 0 else "right", gap=4)
    texts = _texts(placed, lines, ["", "date"]) if placed else []
    # The accessible name begins with the words drawn (WCAG 2.5.3, label in name), arrow aside.
    return Pointer(p, x, y, angle, texts, f"{_label(p)}" + (f" {far}" if far else "") + f": {p.entry.name}, off the map")


def _geography(frame: Frame, placer: Placer, basemap: Basemap | None) -> tuple[list[Shape], list[Text], list[tuple[str, str, str]]]:
    """The basemap's shapes, their labels (where there is room) and the legend's lines."""
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
    return shapes, labels, legend


def _places(frame: Frame, placer: Placer, inside: list[GlossaryEntry], stops: list[Stop]) -> list[Place]:
    """The places on the map: on the route first (their dates matter most), then the others."""
    dates: dict[str, list[str]] = {}
    for s in stops:
        dates.setdefault(s.place.id, []).append(short_date(s.date))
    drawn = []
    for p in sorted(inside, key=lambda p: (p.id not in dates, p.entry.name)):
        x, y = _xy(frame, p.entry.coordinates)
        shown = ", ".join(dates.get(p.id, []))
        lines = [(_label(p), NAME, True)] + ([(shown, DATE, False)] if shown else [])
        placed = placer.place(x, y, lines, p.entry.map_label)
        texts = _texts(placed, lines, ["", "date"]) if placed else []
        leader = _leader(x, y, placed.box) if placed and placed.leader else None
        name = f"{_label(p)}" + (f" {shown}" if shown else "") + f": {p.entry.name}"  # the words drawn first
        drawn.append(Place(p, x, y, p.id in dates, name, texts, leader))
    return drawn


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
