"""`data/sources.yml`: every work the site cites, and `data/marks.yml`: the kinds of editorial mark."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ..fields import INSTRUCTOR_ONLY, Id, Model, Prose, Text, VerbatimCopy, WebUrl

__all__ = ["MarkKind", "Marks", "Source", "Sources"]


class Source(Model):
    """A work a reader can check; every claim beyond the document cites one by id."""

    id: Id
    short: Text = Field(description="Short label used where the source is cited, e.g. 'Kraus 2017'.")
    author: Text | None = None
    title: Text
    publisher: Text | None = Field(default=None, description="Who publishes it, where a publisher is named.")
    year: int | None = Field(default=None, ge=1000, le=2100)
    url: WebUrl | None = None
    note: Prose | None = Field(default=None, description="What the source is used for, and any caveat (shown in the bibliography).")
    checked: Annotated[Prose | None, INSTRUCTOR_ONLY] = Field(
        default=None, description="Where it was read and the words seen there (shown on the page of how the sources were checked)."
    )


class Sources(Model):
    sources: list[Source] = Field(min_length=1)


class MarkKind(Model):
    """A kind of editorial mark found in square brackets inside the document's text."""

    id: Id
    name: Text = Field(description="Short name shown in the legend, e.g. 'Word supplied'.")
    explanation: Prose = Field(description="What this kind of mark means, shown on hover and focus.")
    forms: list[VerbatimCopy] = Field(default=[], description="Exact bracketed texts of this kind, e.g. '[sic]'.")
    starts_with: list[VerbatimCopy] = Field(
        default=[], description="Openings of open-ended marks of this kind, e.g. '[stamp:'."
    )


class Marks(Model):
    marks: list[MarkKind] = Field(min_length=1)
