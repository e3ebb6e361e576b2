"""`data/<kind>.yml` for each glossary kind in `data/site.yml` (people, places, ...): one shape.

An entry's `forms` are the exact strings the document prints for it; the paragraphs that
mention it are found in the text at build time (`macros.matching.mentions`), never typed.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ..fields import Id, LangTag, Model, Prose, Text, VerbatimCopy
from ..reference_fields import SourceId

__all__ = ["Certainty", "Coordinates", "Entry", "Glossary", "Script"]

Certainty = Literal["certain", "probable", "uncertain", "unidentified"]


class Script(Model):
    """A name in its original script, with the language tag the page uses for it."""

    text: Text
    lang: LangTag = Field(description="BCP 47 tag, e.g. 'zh-Hans', 'zh-Hant', 'ug-Arab', 'kk-Arab', 'ru'.")


class Coordinates(Model):
    lat: float = Field(ge=-90, le=90, description="Latitude in decimal degrees, north positive.")
    lon: float = Field(ge=-180, le=180, description="Longitude in decimal degrees, east positive.")


class Entry(Model):
    """Someone or something the document names (or that a reader needs to understand it)."""

    id: Id = Field(description="Permanent anchor of the entry; mentions and other files refer to it.")
    name: Text = Field(description="The standard modern English form, used as the heading.")
    forms: list[VerbatimCopy] = Field(
        default=[],
        description="Every string the document prints for this entry, exactly (case and apostrophes included). "
        "Each is linked wherever it occurs in the text as a whole word.",
    )
    summary: Text = Field(max_length=140, description="One line shown when a mention is hovered or focused.")
    identification: Prose = Field(description="Who or what it was at the time of the document.")
    scripts: list[Script] = Field(default=[], description="Names in their original scripts.")
    other_names: list[Text] = Field(default=[], description="Other spellings and names; the site search finds them.")
    name_then: Text | None = Field(default=None, description="The name at the time of the document, where it differs from today's.")
    name_today: Text | None = Field(default=None, description="The name today, where it differs from the name then.")
    certainty: Certainty = Field(description="How sure the identification is.")
    certainty_note: Prose | None = Field(default=None, description="Why it is not certain; required unless certain.")
    coordinates: Coordinates | None = Field(default=None, description="Entries of a located kind (places) only.")
    coordinates_note: Text | None = Field(default=None, description="What the point is, e.g. 'county seat'; or why a place has no coordinates.")
    map_label: Literal["right", "left", "above", "below"] | None = Field(
        default=None, description="Located entries only: where the map would rather put the name (the map moves it if it collides)."
    )
    word_bank: Text | None = Field(
        default=None, max_length=160,
        description="A plain definition for students, in the sense the document uses the word; a handout's word bank "
        "lists the entries with one that its passages mention.",
    )
    context_only: bool = Field(default=False, description="True for entries the document does not print (no forms).")
    text_only: bool = Field(
        default=False, description="True when everything said here comes from the document itself, so no source is cited."
    )
    sources: list[SourceId] = Field(default=[], description="Source ids (data/sources.yml) for every fact beyond the document.")

    @model_validator(mode="after")
    def _consistent(self) -> "Entry":
        if self.certainty != "certain" and not self.certainty_note:
            raise ValueError(f"certainty is '{self.certainty}', so 'certainty_note' must say why")
        if self.context_only and self.forms:
            raise ValueError("an entry with 'context_only: true' is not printed in the document, so it has no 'forms'")
        if not self.context_only and not self.forms:
            raise ValueError("give the 'forms' the document prints for this entry, or set 'context_only: true'")
        if self.text_only and self.sources:
            raise ValueError("'text_only: true' says nothing here needs a source, yet 'sources' are given")
        if not self.text_only and not self.sources:
            raise ValueError(
                "every fact beyond the document needs a source: list ids from data/sources.yml in 'sources', "
                "or set 'text_only: true' if everything said comes from the document"
            )
        for form in self.forms:
            if form != form.strip() or "  " in form or "\n" in form:
                raise ValueError(
                    f"the form {form!r} has spaces at its ends, doubled or a line break; copy it exactly as "
                    "printed, without surrounding spaces"
                )
        return self


class Glossary(Model):
    entries: list[Entry] = Field(min_length=1)
