"""A lesson's student handout, derived from its plan: it prints what the steps use and nothing else.

The background if a step reads it; the packet's passages; the documents a step reads (B, C); the
charts and the questions the steps name, in the order they are used; the writing task; a strip
of the dates the passages and documents use (from the chronology) and a word bank (the glossary
entries with a plain definition that the passages mention). The checks
(`macros.checks.handouts`) have made sure it prints every paragraph its questions, charts and
task rest on.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..files.models.lessons import Background, Lesson, Step
from ..files.models.teaching import Question
from .dates import short_date
from .edition import Edition, GlossaryEntry
from .packets import Chart, LetteredDocument, PacketView, charts_for, packet_view

__all__ = ["DateMark", "Handout", "lesson_handout"]


@dataclass(frozen=True)
class DateMark:
    """One day of the strip: '16 Oct' and what happened on it, in the chronology's words."""

    iso: str
    label: str
    texts: tuple[str, ...]


@dataclass(frozen=True)
class Handout:
    lesson: Lesson
    pv: PacketView
    background: Background | None
    plain_background: bool  # the background in its plainer words
    documents: list[LetteredDocument]
    corroborated: list[LetteredDocument]  # the documents the corroboration chart has a column for
    charts: list[Chart]
    questions: list[Question]
    dates: list[DateMark]
    word_bank: list[GlossaryEntry]

    def number(self, question_id: str) -> int:
        """A question's number on the handout ('Question 2')."""
        return next(n for n, q in enumerate(self.questions, 1) if q.id == question_id)

    def uses(self, step: Step) -> list[str]:
        """What a step uses, as the handout names it: 'Background', 'Question 2', 'Chart: Document B'."""
        named = {"background": "the background", "plain-background": "the background", "text": "the text"}
        named.update({d.key: f"Document {d.letter}" for d in self.documents})
        parts = [named[r] for r in step.reads if r in named]
        parts += [f"question {self.number(q)}" for q in step.questions]
        parts += [_chart_name(c) for c in self.charts if c.key in step.charts]
        if step.task:
            parts.append("the writing task")
        return parts


def _chart_name(chart: Chart) -> str:
    if chart.kind == "sourcing":
        return f"the sourcing chart for Document {chart.about.letter}" if chart.about else "the sourcing chart"
    return f"the {chart.kind} chart"


def lesson_handout(edition: Edition, lesson: Lesson) -> Handout:
    pv = packet_view(edition, edition.packet(lesson.packet))
    reads = {r for step in lesson.procedure for r in step.reads}
    charted = {c for step in lesson.procedure for c in step.charts}
    documents = [d for d in pv.documents if d.key in reads or f"sourcing-{d.key}" in charted]
    question_ids = list(dict.fromkeys(q for step in lesson.procedure for q in step.questions))
    background = edition.part("background.yml") if reads & {"background", "plain-background"} else None
    # The corroboration chart tests the text against the documents read in the step that fills it in.
    with_chart = {r for step in lesson.procedure if "corroboration" in step.charts for r in step.reads}
    corroborated = [d for d in documents if d.key in with_chart] or documents
    return Handout(
        lesson=lesson,
        pv=pv,
        background=background,
        plain_background="plain-background" in reads and "background" not in reads,
        corroborated=corroborated,
        documents=documents,
        charts=charts_for(charted, documents, edition.part("categories.yml") is not None),
        questions=[edition.question(q) for q in question_ids],
        dates=_dates(edition, pv, documents),
        word_bank=pv.word_bank,
    )


def _dates(edition: Edition, pv: PacketView, documents: list[LetteredDocument]) -> list[DateMark]:
    """The days the passages use (events of the chronology that cite them) and each document's own,
    one mark a day, in order."""
    printed = {p.id for p in pv.paragraphs}
    days: dict[str, list[str]] = {}
    for event in edition.events():
        if printed.intersection(event.paragraphs):
            days.setdefault(event.date, []).append(event.title)
    for d in documents:
        days.setdefault(d.document.date, []).append(f"Document {d.letter} is written")
    return [DateMark(iso, short_date(iso), tuple(texts)) for iso, texts in sorted(days.items())]
