"""`data/lessons.yml`, `data/background.yml` and `data/standards.yml`: lessons an instructor can
teach from, the background reading students need before the text, and the standards lessons meet.

Each lesson becomes a page at `lessons/<id>/`: the plan (instructor edition), and the student
handout. The handout prints what the plan's steps use and nothing else: the background if a
step reads it, the packet's passages, the documents a step reads, the charts and questions the
steps name, and the writing task (`macros.checks.handouts` checks that it holds every
paragraph they rest on).
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator

from ..fields import INSTRUCTOR_ONLY, Id, Model, Prose, Text, Verbatim
from ..reference_fields import LevelId, PacketId, ParagraphId, QuestionId, SourceId, StandardId

__all__ = [
    "AdaptedSentence", "Adaptation", "Assessment", "Background", "BackgroundParagraph", "CHARTS", "Framework", "Lesson",
    "Lessons", "ModelAnswer", "READINGS", "RubricLevel", "Standard", "Standards", "Step",
]

# What a step of a lesson can have students read, and the charts it can have them fill in. The
# documents are those of the lesson's packet (`documents` in data/packets.yml), lettered B, C, D.
READINGS = ("background", "plain-background", "text", "document-b", "document-c", "document-d")
CHARTS = ("sourcing", "sourcing-document-b", "sourcing-document-c", "sourcing-document-d", "categories", "corroboration")
Reading = Literal["background", "plain-background", "text", "document-b", "document-c", "document-d"]
Chart = Literal["sourcing", "sourcing-document-b", "sourcing-document-c", "sourcing-document-d", "categories", "corroboration"]


class BackgroundParagraph(Model):
    text: Prose = Field(description="Link glossary entries with [[entry-id]] or [[entry-id|words]].")
    plain: Prose | None = Field(
        default=None, description="The same facts in plainer words and shorter sentences, for weaker readers; it rests on "
        "the same sources (a handout prints it where a step reads 'plain-background').",
    )
    sources: list[SourceId] = Field(min_length=1, description="Every claim in the paragraph rests on these.")


class Background(Model):
    title: Text
    intro: Prose | None = Field(
        default=None, description="One or two sentences above the reading on its page: what the document takes for granted, "
        "and from whom (e.g. 'The cable assumes that its reader, Stalin, knows …').",
    )
    paragraphs: list[BackgroundParagraph] = Field(min_length=1)


class Step(Model):
    minutes: int = Field(ge=1, le=180)
    name: Text = Field(description="e.g. 'Hook', 'Background', 'Reading in pairs'.")
    teacher: Annotated[Prose, INSTRUCTOR_ONLY] = Field(description="What the instructor does.")
    students: Prose = Field(description="What students do, addressed to them: the handout lists it under 'What you will do'.")
    reads: list[Reading] = Field(
        default=[], description="What students read in this step: background (or plain-background, its plainer version), "
        "text, document-b, document-c, document-d.",
    )
    charts: list[Chart] = Field(
        default=[], description="The charts students fill in: sourcing (the document), sourcing-document-b (-c, -d), "
        "categories, corroboration (with a column for each document the same step reads). The handout prints each chart a "
        "step names, and no other.",
    )
    questions: list[QuestionId] = Field(default=[], description="Ids in data/questions.yml the step asks; the handout prints these, and no other.")
    central_question: bool = Field(default=False, description="True for the step in which the class discusses the lesson's question.")
    task: bool = Field(default=False, description="True for the step in which students write the task.")


# A sentence that reports what a source claims says who claims it: a verb of saying or writing
# ("The report says", "Mao writes", "according to the report").
ATTRIBUTION = re.compile(
    r"\b(?:says?|said|claims?|claimed|reports?|reported|writes?|wrote|states?|stated|declares?|declared|"
    r"adds?|added|tells?|told|calls?|called|according to)\b", re.IGNORECASE
)


class AdaptedSentence(Model):
    paragraph: ParagraphId = Field(description="The paragraph of the text it comes from.")
    claim: bool = Field(
        description="True if the sentence reports something the source claims (an event, a welcome, a number): it must "
        "then say who claims it. False if it only describes the text (who signed it, what a word means)."
    )
    text: Text = Field(description="One plain-language sentence; nothing that the paragraph does not say.")

    @field_validator("text")
    @classmethod
    def _says_whose_claim(cls, text: str, info: ValidationInfo) -> str:
        if info.data.get("claim") and not ATTRIBUTION.search(text):
            raise ValueError(
                "this sentence reports a claim ('claim: true') but does not say whose: write who claims it, e.g. "
                "\"The report says …\", \"Mao writes …\", \"The cable's header says …\" (or set 'claim: false' if it only "
                "describes the text)"
            )
        return text


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
    paragraphs: list[ParagraphId] = Field(min_length=1, description="The paragraphs of the text the task rests on (the handout must print them).")
    rubric: list[RubricLevel] = Field(min_length=3, max_length=3)
    model_answers: Annotated[list[ModelAnswer], INSTRUCTOR_ONLY] = Field(min_length=2, description="A strong and a weak one (instructor edition only).")


class Lesson(Model):
    id: Id = Field(description="Permanent: the lesson's address is lessons/<id>/.")
    title: Text
    question: Text = Field(description="The central historical question.")
    audience: Text = Field(description="e.g. 'Secondary school (ages 15-18) or an introductory survey'.")
    level: LevelId = Field(description="A level of data/questions.yml.")
    minutes: int = Field(ge=10, le=240)
    objectives: Annotated[list[Prose], INSTRUCTOR_ONLY] = Field(
        min_length=1, description="What students can claim by the end, written as conclusions: on the plan only, never on the handout."
    )
    standards: Annotated[list[StandardId], INSTRUCTOR_ONLY] = Field(
        default=[], description="Ids in data/standards.yml of the standards the lesson meets (on the plan)."
    )
    packet: PacketId = Field(description="The reading packet the lesson uses.")
    procedure: list[Step] = Field(min_length=2)  # the plan; what students do in each step is on their handout
    differentiation: Annotated[list[Prose], INSTRUCTOR_ONLY] = Field(default=[])
    adaptation: Adaptation | None = None
    assessment: Assessment
    instructor_notes: Annotated[Prose | None, INSTRUCTOR_ONLY] = None
    sources: Annotated[list[SourceId], INSTRUCTOR_ONLY] = Field(default=[], description="Sources for anything the plan says beyond the text.")


class Lessons(Model):
    lessons: list[Lesson] = Field(min_length=1)


class Standard(Model):
    id: Id = Field(description="Lessons name it in `standards`.")
    code: Text = Field(description="The framework's own code, e.g. 'D2.His.10.9-12'.")
    text: Verbatim = Field(description="The standard's words exactly as the framework publishes them.")


class Framework(Model):
    """A published set of standards (e.g. the C3 Framework), quoted from its source."""

    id: Id
    name: Text = Field(description="e.g. 'C3 Framework for Social Studies State Standards'.")
    source: Annotated[SourceId, INSTRUCTOR_ONLY] = Field(
        description="The source (data/sources.yml) the standards' words are copied from (standards are on the plan only)."
    )
    standards: list[Standard] = Field(min_length=1)


class Standards(Model):
    frameworks: list[Framework] = Field(min_length=1)
