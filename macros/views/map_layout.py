"""The map's geometry: a projection, and labels placed so that none overlaps another, a marker,
a route line or the frame's edge.

The projection is equirectangular, with longitudes shrunk by the cosine of the frame's middle
latitude: over the frame this keeps distances close enough for a scale bar to be honest.
Labels are placed greedily, most important first (places on the route, then the others):
each tries a ring of positions around its point, nearest first, and takes the first that is
free; a label set away from its point gets a leader line. Text widths are estimated from the
letters (bold capitals are wide) with a margin, so that the boxes the browser draws fit in the
boxes reserved here (a test measures the real ones).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

__all__ = ["Box", "Frame", "Placed", "Placer", "text_width"]


@dataclass(frozen=True)
class Frame:
    west: float
    east: float
    south: float
    north: float
    width: float  # of the drawing, in SVG units
    margin: float

    @property
    def kx(self) -> float:
        return math.cos(math.radians((self.south + self.north) / 2))

    @property
    def scale(self) -> float:
        """SVG units per degree of latitude."""
        return (self.width - 2 * self.margin) / ((self.east - self.west) * self.kx)

    @property
    def height(self) -> float:
        return (self.north - self.south) * self.scale + 2 * self.margin

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return self.margin + (lon - self.west) * self.kx * self.scale, self.height - self.margin - (lat - self.south) * self.scale

    def contains(self, lon: float, lat: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north

    def box(self) -> "Box":
        return Box(self.margin, self.margin, self.width - self.margin, self.height - self.margin)


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: "Box") -> bool:
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1

    def inside(self, other: "Box") -> bool:
        return other.x0 <= self.x0 and self.x1 <= other.x1 and other.y0 <= self.y0 and self.y1 <= other.y1

    def crosses(self, x1: float, y1: float, x2: float, y2: float) -> bool:
        """Whether the segment (x1, y1)-(x2, y2) passes through the box (Liang-Barsky clipping)."""
        dx, dy = x2 - x1, y2 - y1
        t0, t1 = 0.0, 1.0
        for p, q in ((-dx, x1 - self.x0), (dx, self.x1 - x1), (-dy, y1 - self.y0), (dy, self.y1 - y1)):
            if p == 0:
                if q < 0:
                    return False
                continue
            t = q / p
            if p < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 > t1:
                return False
        return True


_WIDTHS = {"upper": 0.70, "lower": 0.54, "digit": 0.57, "space": 0.30, "narrow": 0.32, "other": 0.62}


def text_width(text: str, size: float, bold: bool = False) -> float:
    """A generous estimate of the width of `text` in a sans-serif face at `size`."""
    total = 0.0
    for char in text:
        if char.isupper():
            kind = "upper"
        elif char.islower():
            kind = "lower"
        elif char.isdigit():
            kind = "digit"
        elif char == " ":
            kind = "space"
        elif char in ".,:;'’()-|!i":
            kind = "narrow"
        else:
            kind = "other"
        total += _WIDTHS[kind]
    return total * size * (1.08 if bold else 1.0)


@dataclass(frozen=True)
class Placed:
    """A label's position: its first baseline at (x, y), anchored 'start', 'middle' or 'end', and
    the box it covers; `leader` is True when it sits away from its point."""

    x: float
    y: float
    anchor: str
    box: Box
    leader: bool


# Positions around a point, nearest first: (dx, dy) as multiples of the gap, and the anchor.
_RING = [(1, 0, "start"), (-1, 0, "end"), (0, -1, "middle"), (0, 1, "middle"),
         (1, -1, "start"), (1, 1, "start"), (-1, -1, "end"), (-1, 1, "end")]


@dataclass
class Placer:
    """Places labels one by one in the free space of the frame."""

    bounds: Box
    taken: list[Box] = field(default_factory=list)
    segments: list[tuple[float, float, float, float]] = field(default_factory=list)
    pad: float = 3.0

    def reserve(self, box: Box) -> None:
        self.taken.append(box)

    def free(self, box: Box) -> bool:
        grown = Box(box.x0 - self.pad, box.y0 - self.pad, box.x1 + self.pad, box.y1 + self.pad)
        return (
            box.inside(self.bounds)
            and not any(grown.overlaps(t) for t in self.taken)
            and not any(grown.crosses(*s) for s in self.segments)
        )

    def place(self, x: float, y: float, lines: list[tuple[str, float, bool]], prefer: str | None = None,
              gap: float = 10.0) -> Placed | None:
        """Put a block of lines of text (text, size, bold) near the point (x, y)."""
        width = max(text_width(t, s, b) for t, s, b in lines)
        height = sum(s * 1.2 for _, s, _ in lines)
        first = lines[0][1]
        ring = list(_RING)
        if prefer:
            wanted = {"right": (1, 0), "left": (-1, 0), "above": (0, -1), "below": (0, 1)}[prefer]
            ring.sort(key=lambda r: (r[0], r[1]) != wanted)
        for distance in (1.0, 2.2, 3.6, 5.0):
            for ux, uy, anchor in ring:
                cx = x + ux * gap * distance
                top = y + uy * gap * distance - (height / 2 if uy == 0 else (height if uy < 0 else 0))
                x0 = cx if anchor == "start" else cx - width if anchor == "end" else cx - width / 2
                box = Box(x0, top, x0 + width, top + height)
                if self.free(box):
                    self.reserve(box)
                    return Placed(cx, top + first * 0.95, anchor, box, distance > 1.0)
        return None
