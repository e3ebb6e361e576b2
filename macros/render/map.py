"""The map of the places, the route and the geography around them, drawn as an inline SVG, and
its text alternative, a table of the places.

No tiles, no JavaScript, no network. What the map draws and where is its view
(`macros.views.map_geometry`); `map.html` draws it. Colours come from the page's CSS, so the
map follows the light and dark schemes and prints in black and white.
"""

from __future__ import annotations

from ..templating.environment import Renderer
from ..views.dates import short_date
from ..views.map_geometry import map_view
from ..views.route import route_stops

__all__ = ["render_map", "render_place_table"]


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
