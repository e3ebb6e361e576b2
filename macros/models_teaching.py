"""Typed records for teaching: `data/questions.yml`, `data/categories.yml`, `data/packets.yml`.

Quotations from the cable (`Quote`) are checked at build time to be exact
substrings of the paragraph they cite, so a category can never show words the
report does not contain. Instructor notes live beside their question and are
left out of the student edition entirely (see `macros.edition_mode`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .fields import CableCopy, Id, Model, Prose, Text

__all__ = ["Categories", "Category", "Packet", "Packets", "Question", "Questions", "Quote", "SKILLS", "LEVELS"]

Skill = Literal["sourcing", "contextualization", "close-reading", "corroboration", "translation"]
Level = Literal["introductory", "intermediate", "advanced"]

SKILLS: dict[str, str] = {
    "sourcing": "Sourcing: who made this document, when, why, and how it reached us",
    "contextualization": "Contextualization: what the document takes for granted",
    "close-reading": "Close reading: what the words say, and what they leave out",
    "corroboration": "Corroboration: what other sources confirm or contradict",
    "translation": "Translation: Chinese report, Russian cable, English translation",
}
LEVELS: dict[str, str] = {"introductory": "Introductory", "intermediate": "Intermediate", "advanced": "Advanced"}


class Question(Model):
    id: Id = Field(description="Permanent: packets and links refer to it.")
    skill: Skill
    level: Level
    text: Prose = Field(description="The question, addressed to students; quote the cable exactly.")
    paragraphs: list[Id] = Field(min_length=1, description="The paragraphs the question rests on.")
    instructor_notes: Prose | None = Field(
        default=None, description="For instructors only: evidence to look at, misreadings, disagreements. Never in the student edition."
    )
    sources: list[Id] = Field(default=[], description="Sources for anything in the notes beyond the cable.")


class Questions(Model):
    questions: list[Question] = Field(min_length=1)


class Quote(Model):
    """Words of the cable, exactly as printed, and the paragraph they are in."""

    quote: CableCopy
    paragraph: Id


class Category(Model):
    """One of the three "versions" of section 2: what the report says of it, and what it does not."""

    id: Id
    label: Text = Field(description="Our short label for the category.")
    conduct: Quote = Field(description="What the units did, in the report's words.")
    examples: list[Quote] = []
    places: list[Id] = Field(default=[], description="Glossary ids from data/places.yml.")
    named_units: list[Quote] = Field(default=[], description="Units or commanders the report names for it.")
    population: list[Quote] = Field(default=[], description="The population's reaction, as stated; empty if none.")
    policy: list[Quote] = Field(default=[], description="The policy the report states for it; empty if none.")
    silence: Prose | None = Field(default=None, description="What the report does not say; required where a list is empty.")
    inference: Prose | None = Field(default=None, description="Anything beyond the words, shown labelled as our reading.")

    @model_validator(mode="after")
    def _silence_explained(self) -> "Category":
        if (not self.policy or not self.population) and not self.silence:
            raise ValueError("'policy' or 'population' is empty, so 'silence' must say what the report does and does not say")
        return self


class GuideParagraph(Model):
    text: Prose
    sources: list[Id] = Field(min_length=1)


class Categories(Model):
    categories: list[Category] = Field(min_length=1)
    reading_guide: list[GuideParagraph] = Field(min_length=1)


class Packet(Model):
    """A reading assignment: it becomes its own page, `packets/<id>/`, with no change to docs/."""

    id: Id = Field(description="Permanent: the packet's address is packets/<id>/.")
    title: Text
    brief: Prose = Field(description="What students are to do, in two or three sentences.")
    passages: list[Id] = Field(min_length=1, description="Paragraph or section ids of data/text.yml, in reading order.")
    questions: list[Id] = Field(min_length=1, description="Question ids of data/questions.yml.")
    level: Level | None = None


class Packets(Model):
    packets: list[Packet] = Field(min_length=1)
