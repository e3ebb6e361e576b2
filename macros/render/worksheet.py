"""A lesson's worksheet as a Word file, for a teacher to adapt in a word processor: the lesson's
question, the questions of its handout with room to write, its charts as Word tables, and the
writing task with its rubric. It is made at build time from the same view as the handout
(`views.handouts`), so it asks exactly what the handout asks; it holds no answer."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt

from ..templating.plain import plain_prose
from ..views.edition import Edition
from ..views.handouts import Handout, lesson_handout
from ..views.packets import SOURCING_ASKS, TRUST, Chart

__all__ = ["render_worksheet"]



def render_worksheet(edition: Edition, lesson_id: str) -> bytes:
    """The .docx file's bytes."""
    handout = lesson_handout(edition, edition.lesson(lesson_id))
    lesson = handout.lesson
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))
    doc.styles["Normal"].font.size = Pt(11)
    doc.core_properties.title = lesson.title
    doc.core_properties.subject = edition.site.title

    doc.add_heading(lesson.title, level=1)
    doc.add_paragraph().add_run(f"The question: {lesson.question}").bold = True
    doc.add_paragraph("Name: ______________________________   Date: ______________")
    if handout.questions:
        doc.add_heading("Questions", level=2)
        for number, question in enumerate(handout.questions, 1):
            doc.add_paragraph(f"{number}. {plain_prose(edition, question.text)}")
            for _ in range(3):
                doc.add_paragraph("_" * 80)
    for chart in handout.charts:
        _chart(doc, edition, handout, chart)
    doc.add_heading("Your task", level=2)
    doc.add_paragraph(plain_prose(edition, lesson.assessment.task))
    for _ in range(12):
        doc.add_paragraph("_" * 80)
    doc.add_heading("How the answer is judged", level=3)
    rubric = doc.add_table(rows=2, cols=len(lesson.assessment.rubric))
    rubric.style = "Table Grid"
    for column, level in enumerate(lesson.assessment.rubric):
        rubric.cell(0, column).text = level.name
        rubric.cell(1, column).text = plain_prose(edition, level.description)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _chart(doc, edition: Edition, handout: Handout, chart: Chart) -> None:
    noun = edition.site.document_noun
    if chart.kind == "sourcing":
        doc.add_heading(f"Sourcing chart: {chart.subject(noun)}", level=2)
        _table(doc, ["Ask", chart.answer_label(noun)], [[ask, ""] for ask in SOURCING_ASKS])
    elif chart.kind == "categories":
        matrix = edition.part("categories.yml")
        doc.add_heading(f"Chart: the {len(matrix.categories)} categories side by side", level=2)
        labels = [row.label for row in matrix.rows] + [matrix.silence_label.rstrip(":")]
        _table(doc, [""] + [c.label for c in matrix.categories], [[label] + [""] * len(matrix.categories) for label in labels])
    else:
        doc.add_heading("Corroboration chart: does another source agree?", level=2)
        columns = ["Claim", f"The {noun} says (¶)"] + [f"Document {d.letter} says" for d in handout.corroborated] + [TRUST]
        claims = handout.pv.packet.claims or ["", "", ""]
        _table(doc, columns, [[claim] + [""] * (len(columns) - 1) for claim in claims])


def _table(doc, header: list[str], rows: list[list[str]]) -> None:
    table = doc.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    for column, text in enumerate(header):
        table.cell(0, column).text = text
        table.cell(0, column).paragraphs[0].runs[0].bold = bool(text)
    for r, row in enumerate(rows, 1):
        table.rows[r].height = Cm(2.2)
        for column, text in enumerate(row):
            table.cell(r, column).text = text
