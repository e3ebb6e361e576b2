"""`data/basemap.yml`: the map's geography (borders, lakes, mountains, regions) as lines of
longitude and latitude, written by `make basemap` from public-domain data (see
`macros.files.basemap_build`); its words (names, notes, label points) are edited by hand."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from ..fields import Id, Model, Prose, Text
from ..reference_fields import SourceId

__all__ = ["Basemap", "Frame", "MapFeature"]


def _check_point(value: list[float]) -> list[float]:
    if len(value) != 2 or not (-180 <= value[0] <= 180 and -90 <= value[1] <= 90):
        raise ValueError(f"{value!r} is not a point: write [longitude, latitude], e.g. [87.6, 43.8]")
    return value


Point = Annotated[list[float], AfterValidator(_check_point)]


class Frame(Model):
    """The part of the earth the map shows, in degrees."""

    west: float = Field(ge=-180, le=180)
    east: float = Field(ge=-180, le=180)
    south: float = Field(ge=-90, le=90)
    north: float = Field(ge=-90, le=90)

    @model_validator(mode="after")
    def _ordered(self) -> "Frame":
        if not (self.west < self.east and self.south < self.north):
            raise ValueError("the frame needs west < east and south < north")
        return self


class MapFeature(Model):
    id: Id
    kind: Literal["border", "boundary", "lake", "range", "region"] = Field(
        description="'border' between states, 'boundary' between provinces, 'lake', 'range' (mountains), 'region' (an area)."
    )
    name: Text | None = Field(default=None, description="The label the map writes (omit for no label).")
    note: Text | None = Field(default=None, description="What the legend says of it, e.g. 'the modern line'.")
    label: Point | None = Field(default=None, description="Where the label goes, [longitude, latitude].")
    lines: list[list[Point]] = Field(default=[], description="Lines (or the rings of areas), each a list of points; none for a name alone.")
    sources: list[SourceId] = Field(default=[], description="Sources for what the label or note claims.")


class Basemap(Model):
    origin: Prose = Field(description="Where the lines come from, and their licence (shown under the map).")
    frame: Frame
    features: list[MapFeature] = Field(min_length=1)
