"""Typed records for teaching: `data/questions.yml`, `data/categories.yml`, `data/packets.yml`.

Quotations from the text (`Quote`) are checked at build time to be exact substrings of
the paragraph they cite, so a matrix can never show words the text does not contain.
Instructor notes live beside their question and are left out of the student edition
entirely.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from ..fields import INSTRUCTOR_ONLY, Id, Model, Prose, Text, VerbatimCopy
from ..reference_fields import ExcerptDocumentId, LevelId, ParagraphId, PassageId, PlaceId, QuestionId, QuoteRowId, SkillId, SourceId

__all__ = [
    "Categories", "Category", "GuideParagraph", "Level", "MatrixRow", "Packet", "Packets", "Question",
    "Questions", "Quote", "Skill",
]


# --- data/questions.yml ------------------------------------------------------


class Skill(Model):
    """A historical-thinking skill that questions practise."""

    id: Id
    name: Text = Field(description="e.g. 'Sourcing'.")
    about: Text = Field(description="What the skill asks, e.g. 'who made this document, when, why'.")


class Level(Model):
    id: Id
    name: Text = Field(description="e.g. 'Introductory'.")


class Question(Model):
    id: Id = Field(description="Permanent: packets and links refer to it.")
    skill: SkillId = Field(description="One of the `skills` above.")
    level: LevelId = Field(description="One of the `levels` above.")
    text: Prose = Field(description="The question, addressed to students; quote the text exactly.")
    paragraphs: list[ParagraphId] = Field(min_length=1, description="The paragraphs the question rests on.")
    instructor_notes: Annotated[Prose | None, INSTRUCTOR_ONLY] = Field(
        default=None,
        description="For instructors only: evidence to look at, misreadings, disagreements. Never in the student "
        "edition. Point to a paragraph or source with [[its-id]].",
    )
    sources: Annotated[list[SourceId], INSTRUCTOR_ONLY] = Field(default=[], description="Sources for anything in the notes beyond the text.")
    organizer: Literal["categories", "sourcing", "corroboration"] | None = Field(
        default=None, description="A chart the question asks students to fill in; a handout prints it with the question."
    )


class Questions(Model):
    skills: list[Skill] = Field(min_length=1, description="The skills, in the order the questions page shows them.")
    levels: list[Level] = Field(min_length=1, description="The levels, from easiest to hardest.")
    questions: list[Question] = Field(min_length=1)


# --- data/categories.yml -----------------------------------------------------


class Quote(Model):
    """Words of the text, exactly as printed, and the paragraph they are in."""

    quote: VerbatimCopy
    paragraph: ParagraphId


class MatrixRow(Model):
    """One row of the matrix: an aspect the categories are compared on."""

    id: Id
    label: Text = Field(description="The row's heading, e.g. 'Stated policy'.")
    shows: Literal["quotes", "places", "evidence"] = Field(
        default="quotes",
        description="'quotes': the category's quotations for this row; 'places': its places; "
        "'evidence': links to every paragraph quoted, with what the text does not say and our reading.",
    )
    empty: Text | None = Field(default=None, description="Shown where a category has nothing for this row.")
    silence_needed: bool = Field(
        default=False, description="True if a category with nothing for this row must say why, in 'silence'."
    )


class Category(Model):
    """One column of the matrix: a category the text describes, in its own words."""

    id: Id
    label: Text = Field(description="Our short label for the category.")
    quotes: dict[QuoteRowId, list[Quote]] = Field(default={}, description="For each row id, the text's words.")
    places: list[PlaceId] = Field(default=[], description="Glossary ids of places.")
    silence: Prose | None = Field(default=None, description="What the text does not say; required where a row needs it.")
    inference: Prose | None = Field(default=None, description="Anything beyond the words, shown labelled as our reading.")


class GuideParagraph(Model):
    text: Prose
    sources: list[SourceId] = Field(min_length=1)


class Categories(Model):
    title: Text | None = Field(
        default=None, description="The page's title, heading and place in the navigation, e.g. 'The three categories' "
        "(without it: 'Categories').",
    )
    intro: Prose | None = Field(
        default=None, description="The page's opening: which part of the text sorts what into categories, and what it says "
        "about them; the page adds how to read the table.",
    )
    rows: list[MatrixRow] = Field(min_length=1)
    silence_label: Text = Field(description="e.g. 'What the report does not say:'.")
    inference_label: Text = Field(description="e.g. 'Our reading (an inference, not the report’s words):'.")
    categories: list[Category] = Field(min_length=1)
    reading_guide: list[GuideParagraph] = Field(default=[])
    reading_guide_title: Text | None = Field(
        default=None, description="The heading of the reading guide, e.g. 'What “rebelled” refers to' (without it: 'What "
        "the table’s words refer to').",
    )


# --- data/packets.yml --------------------------------------------------------


class Packet(Model):
    """A reading assignment: it becomes its own page, `packets/<id>/`, with no change to docs/."""

    id: Id = Field(description="Permanent: the packet's address is packets/<id>/.")
    title: Text
    brief: Prose = Field(description="What students are to do, in two or three sentences.")
    head_note: Prose = Field(description="Two or three lines for students that set the passages in context.")
    passages: list[PassageId] = Field(min_length=1, description="Paragraph, section or layer ids of data/text.yml, in reading order.")
    documents: list[ExcerptDocumentId] = Field(
        default=[], max_length=3,
        description="Related documents (data/related.yml, with an excerpt) printed after the text as Document B, C and D.",
    )
    organizers: list[Literal["categories", "sourcing", "corroboration"]] = Field(
        default=[], description="Charts printed with the packet for students to fill in (besides those its questions ask for)."
    )
    claims: list[Text] = Field(
        default=[], description="Claims to test, one per row of the corroboration chart (blank rows if none)."
    )
    questions: list[QuestionId] = Field(min_length=1, description="Question ids of data/questions.yml.")
    level: LevelId | None = None


class Packets(Model):
    packets: list[Packet] = Field(min_length=1)
