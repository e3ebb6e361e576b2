"""Typed records for the glossary: `data/people.yml`, `places.yml`, `units.yml`, `terms.yml`.

One file per kind of entry, all with the same shape. An entry's `forms` are the
exact strings the cable prints for it; the paragraphs that mention it are found
in the text at build time (`mentions.py`), never typed by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import Field, model_validator

from .fields import CableCopy, Id, LangTag, Model, Prose, Text

__all__ = ["Coordinates", "Entry", "Glossary", "GLOSSARY_KINDS", "GlossaryKind", "Script"]

Certainty = Literal["certain", "probable", "uncertain", "unidentified"]


class Script(Model):
    """A name in its original script, with the language tag the page uses for it."""

    text: Text
    lang: LangTag = Field(description="BCP 47 tag, e.g. 'zh-Hans', 'zh-Hant', 'ug-Arab', 'kk-Arab', 'ru'.")


class Coordinates(Model):
    lat: float = Field(ge=-90, le=90, description="Latitude in decimal degrees, north positive.")
    lon: float = Field(ge=-180, le=180, description="Longitude in decimal degrees, east positive.")


class Entry(Model):
    """Someone or something the cable names (or that a reader needs to understand it)."""

    id: Id = Field(description="Permanent anchor of the entry; mentions and other files refer to it.")
    name: Text = Field(description="The standard modern English form, used as the heading.")
    forms: list[CableCopy] = Field(
        default=[],
        description="Every string the cable prints for this entry, exactly (case and apostrophes included). "
        "Each is linked wherever it occurs in the text as a whole word.",
    )
    summary: Text = Field(max_length=140, description="One line shown when a mention is hovered or focused.")
    identification: Prose = Field(description="Who or what it was in October 1949.")
    scripts: list[Script] = Field(default=[], description="Names in their original scripts.")
    other_names: list[Text] = Field(default=[], description="Other spellings and names; the site search finds them.")
    name_1949: Text | None = Field(default=None, description="The name in 1949, where it differs from today's.")
    name_today: Text | None = Field(default=None, description="The name today, where it differs from 1949's.")
    certainty: Certainty = Field(description="How sure the identification is.")
    certainty_note: Prose | None = Field(default=None, description="Why it is not certain; required unless certain.")
    coordinates: Coordinates | None = Field(default=None, description="Places only.")
    coordinates_note: Text | None = Field(default=None, description="What the point is, e.g. 'county seat'; or why a place has no coordinates.")
    map_label: Literal["right", "left", "above", "below"] | None = Field(
        default=None, description="Places only: where the map puts the name, to keep close places legible (default right)."
    )
    context_only: bool = Field(default=False, description="True for entries the cable does not print (no forms).")
    cable_only: bool = Field(
        default=False, description="True when everything said here comes from the cable itself, so no source is cited."
    )
    sources: list[Id] = Field(default=[], description="Source ids (data/sources.yml) for every fact beyond the cable.")

    @model_validator(mode="after")
    def _consistent(self) -> "Entry":
        if self.certainty != "certain" and not self.certainty_note:
            raise ValueError(f"certainty is '{self.certainty}', so 'certainty_note' must say why")
        if self.context_only and self.forms:
            raise ValueError("an entry with 'context_only: true' is not printed in the cable, so it has no 'forms'")
        if not self.context_only and not self.forms:
            raise ValueError("give the 'forms' the cable prints for this entry, or set 'context_only: true'")
        if self.cable_only and self.sources:
            raise ValueError("'cable_only: true' says nothing here needs a source, yet 'sources' are given")
        if not self.cable_only and not self.sources:
            raise ValueError(
                "every fact beyond the cable needs a source: list ids from data/sources.yml in 'sources', "
                "or set 'cable_only: true' if everything said comes from the cable"
            )
        return self


class Glossary(Model):
    entries: list[Entry] = Field(min_length=1)


@dataclass(frozen=True)
class GlossaryKind:
    id: str  # also the data file's stem and the glossary page's name
    title: str
    singular: str
    has_coordinates: bool = False

    @property
    def file_name(self) -> str:
        return f"{self.id}.yml"

    @property
    def page(self) -> str:
        return f"glossary/{self.id}.md"


GLOSSARY_KINDS: tuple[GlossaryKind, ...] = (
    GlossaryKind("people", "People", "person"),
    GlossaryKind("places", "Places", "place", has_coordinates=True),
    GlossaryKind("units", "Units and bodies", "unit or body"),
    GlossaryKind("terms", "Terms", "term"),
)
