"""`data/site.yml`: the site's own words about its document, and the vocabulary of its parts.

Generic code carries no word of any one document: the site's title, how pages name the
document ("the cable"), the glossary's kinds and certainty labels, the map's title and
legend, and the edition names all come from here.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, field_validator, model_validator

from ..fields import Email, Id, Model, Prose, Text, Url

__all__ = [
    "CertaintyLabel", "DateRange", "GlossaryKind", "GlossarySettings", "HomeCard", "HomeLink", "InstructorAccess", "MapWords", "Site",
]

Certainty = Literal["certain", "probable", "uncertain", "unidentified"]


class GlossaryKind(Model):
    """One kind of glossary entry: its entries are in `data/<id>.yml`, its page at `glossary/<id>/`."""

    id: Id = Field(description="Also the data file's name and the page's address, e.g. 'people'.")
    title: Text = Field(description="The page's title and the group's name, e.g. 'People'.")
    singular: Text = Field(description="One entry of this kind, e.g. 'person'.")
    description: Text = Field(description="The page's description for search engines and link previews.")
    located: bool = Field(default=False, description="True if entries of this kind have coordinates (places).")

    @field_validator("id")
    @classmethod
    def _not_the_index(cls, value: str) -> str:
        if value == "index":
            raise ValueError("'index' is the glossary's own page; choose another id")
        return value


class CertaintyLabel(Model):
    label: Text
    meaning: Text


class GlossarySettings(Model):
    identification_label: Text = Field(description="The label of an entry's identification, e.g. 'In October 1949'.")
    then_label: Text = Field(description="The label of an entry's name at the time, e.g. 'In 1949'.")
    kinds: list[GlossaryKind] = Field(default=[], description="The kinds of entry, in the order the glossary shows them.")
    certainty: dict[Certainty, CertaintyLabel] = Field(description="What each certainty level is called and means.")

    @field_validator("kinds")
    @classmethod
    def _each_kind_once(cls, kinds: list[GlossaryKind]) -> list[GlossaryKind]:
        seen: dict[str, int] = {}
        for i, kind in enumerate(kinds, 1):
            if kind.id in seen:
                raise ValueError(
                    f"the kind {kind.id!r} is listed twice (kinds[{seen[kind.id]}] and kinds[{i}]); each kind has one "
                    "file and one page: remove one"
                )
            seen[kind.id] = i
        return kinds

    @model_validator(mode="after")
    def _every_level(self) -> "GlossarySettings":
        missing = [c for c in Certainty.__args__ if c not in self.certainty]
        if missing:
            raise ValueError(f"'certainty' must describe every level; missing: {', '.join(missing)}")
        return self


class MapWords(Model):
    title: Text = Field(description="The map's accessible title.")
    route: Text = Field(description="What the solid line is, e.g. 'the army’s route, drawn from the dates the cable gives'.")
    journey: Text | None = Field(default=None, description="What the dashed line (the document's own journey) is.")
    route_column: Text = Field(description="The heading of the table's column of route dates.")


class DateRange(Model):
    """Dates outside this range are refused as typing mistakes (a year 1 or 19490)."""

    earliest: dt.date
    latest: dt.date

    @model_validator(mode="after")
    def _in_order(self) -> "DateRange":
        if self.earliest > self.latest:
            raise ValueError(
                f"'earliest' ({self.earliest.isoformat()}) is after 'latest' ({self.latest.isoformat()}); "
                "swap them, or correct the year"
            )
        return self


def _check_page(value: str) -> str:
    if not re.fullmatch(r"[a-z0-9-]+(?:/[a-z0-9-]+)*\.md", value):
        raise ValueError(f"{value!r} is not a page: write its file under docs/, e.g. 'text.md' or 'glossary/index.md'")
    return value


PagePath = Annotated[str, AfterValidator(_check_page)]


class HomeLink(Model):
    page: PagePath = Field(description="A page of the site, as its Markdown source, e.g. 'text.md' or 'glossary/index.md'.")
    label: Text
    about: Text | None = Field(default=None, description="What the reader finds there, in a few words.")


class HomeCard(Model):
    """One audience's way in, on the home page ("Read the cable", "Teach with it")."""

    title: Text
    text: Prose
    links: list[HomeLink] = Field(min_length=1)


class Editions(Model):
    student: Text = Field(description="The name of the published edition.")
    instructor: Text = Field(description="The name of the edition with notes for instructors.")


class InstructorAccess(Model):
    """How a teacher reaches the instructor edition, which is published encrypted (guides/maintaining.md, "Publishing")."""

    ask: Prose = Field(description="How a teacher asks for the passphrase, addressed to teachers (shown on 'For instructors').")
    contact_email: Email | None = Field(default=None, description="Where to ask, e.g. 'maintainer@example.org'.")
    contact_url: Url | None = Field(
        default=None, description="Or a page where to ask (a form); without either, the repository's issues are offered."
    )


class Site(Model):
    title: Text = Field(description="The site's name (shown in the header and in every page title).")
    description: Text = Field(description="The site's description for search engines.")
    document_noun: Text = Field(
        description="How pages name the document, in lower case as it stands inside a sentence: 'cable', 'letter', 'charter'."
    )
    document_name: Text | None = Field(
        default=None, description="The document's short name, for page descriptions (search engines, link previews), e.g. "
        "'Cable Nº 59442'; without it, pages say 'the' and the document noun ('the cable').",
    )
    text_name: Text | None = Field(
        default=None, description="What pages call the version of the text this site reproduces, as it stands inside a "
        "sentence, e.g. 'the archive’s English translation'; without it, that is what they say when data/document.yml "
        "names a translator, and 'the archive’s text' when it does not.",
    )
    home_intro: Prose | None = Field(
        default=None, description="The home page's opening paragraph: what the document is, who wrote it to whom, when. "
        "Cite a source with ([[source-id]]).",
    )
    why_it_matters: Prose | None = Field(
        default=None, description="The home page's paragraph under 'Why it matters'; without it, the page has no such section.",
    )
    dates: DateRange
    editions: Editions
    glossary: GlossarySettings
    map: MapWords | None = None
    home: list[HomeCard] = Field(default=[], description="The home page's ways in, one per audience.")
    instructors: InstructorAccess | None = Field(
        default=None, description="How teachers ask for the passphrase of the published instructor edition."
    )
    repository: Url | None = Field(
        default=None, description="The project's source repository, for the editors' way in (the workflow can set it instead)."
    )
    editors: Text | None = Field(
        default=None, description="Who made this edition, as a citation of the site names them, e.g. 'Ann Lee and Bo Chen' "
        "(About, 'Cite this site'); without it the citation names 'the site’s contributors'.",
    )
