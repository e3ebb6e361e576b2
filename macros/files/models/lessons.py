"""`data/lessons.yml` and `data/background.yml`: lessons an instructor can teach from, and the
background reading students need before the text.

Each lesson becomes a page at `lessons/<id>/`: the plan (instructor edition), and the
student handout (question, background, passages, second document, organizers, task).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from ..fields import INSTRUCTOR_ONLY, Id, Model, Prose, Text

__all__ = [
    "AdaptedSentence", "Adaptation", "Assessment", "Background", "BackgroundParagraph", "Lesson", "Lessons",
    "ModelAnswer", "RubricLevel", "Step",
]


class BackgroundParagraph(Model):
    text: Prose = Field(description="Link glossary entries with [[entry-id]] or [[entry-id|words]].")
    sources: list[Id] = Field(min_length=1, description="Every claim in the paragraph rests on these.")


class Background(Model):
    title: Text
    paragraphs: list[BackgroundParagraph] = Field(min_length=1)


class Step(Model):
    minutes: int = Field(ge=1, le=180)
    name: Text = Field(description="e.g. 'Hook', 'Background', 'Reading in pairs'.")
    teacher: Prose = Field(description="What the instructor does.")
    students: Prose = Field(description="What students do.")


class AdaptedSentence(Model):
    text: Text = Field(description="A plain-language sentence.")
    paragraph: Id = Field(description="The paragraph of the text it comes from.")


class Adaptation(Model):
    """An easier version of the lesson's passages, set beside the words as printed, never instead."""

    changes: Prose = Field(description="What was changed, e.g. shorter sentences, modern place names.")
    sentences: list[AdaptedSentence] = Field(min_length=1)


class RubricLevel(Model):
    name: Text = Field(description="e.g. 'Strong', 'Developing', 'Beginning'.")
    description: Prose


class ModelAnswer(Model):
    quality: Literal["strong", "weak"]
    text: Prose
    why: Prose


class Assessment(Model):
    task: Prose = Field(description="The claim-and-evidence writing task, addressed to students.")
    rubric: list[RubricLevel] = Field(min_length=3, max_length=3)
    model_answers: Annotated[list[ModelAnswer], INSTRUCTOR_ONLY] = Field(min_length=2, description="A strong and a weak one (instructor edition only).")


class Lesson(Model):
    id: Id = Field(description="Permanent: the lesson's address is lessons/<id>/.")
    title: Text
    question: Text = Field(description="The central historical question.")
    audience: Text = Field(description="e.g. 'Secondary school (ages 15-18) or an introductory survey'.")
    level: Id = Field(description="A level of data/questions.yml.")
    minutes: int = Field(ge=10, le=240)
    claims: list[Prose] = Field(min_length=1, description="What a student can claim by the end.")
    packet: Id = Field(description="The reading packet the lesson uses.")
    procedure: Annotated[list[Step], INSTRUCTOR_ONLY] = Field(min_length=2)  # the plan
    differentiation: Annotated[list[Prose], INSTRUCTOR_ONLY] = Field(default=[])
    adaptation: Adaptation | None = None
    assessment: Assessment
    instructor_notes: Annotated[Prose | None, INSTRUCTOR_ONLY] = None
    sources: Annotated[list[Id], INSTRUCTOR_ONLY] = Field(default=[], description="Sources for anything the plan says beyond the text.")


class Lessons(Model):
    lessons: list[Lesson] = Field(min_length=1)
