"""The teaching pages: the comparison matrix, the questions, and the reading packets.

`instructor` (on the renderer) is True only in the instructor edition; otherwise no
instructor note is rendered anywhere, so none reaches a page or the search index.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import links
from ..files.models.teaching import Category, MatrixRow, Quote
from ..templating.environment import Renderer
from ..views import citation
from ..views.packets import packet_view
from ..views.edition import Edition, GlossaryEntry, NumberedParagraph

__all__ = [
    "render_categories", "render_packet_list", "render_packet_page", "render_question_box", "render_questions",
    "render_reading_guide",
]


@dataclass(frozen=True)
class Cell:
    row: MatrixRow
    category: Category
    quotes: list[Quote]
    places: list[GlossaryEntry]
    evidence: list[NumberedParagraph]


def _cell(edition: Edition, row: MatrixRow, category: Category) -> Cell:
    quoted = {q.paragraph for quotes in category.quotes.values() for q in quotes}
    return Cell(
        row=row,
        category=category,
        quotes=category.quotes.get(row.id, []),
        places=[edition.entries[p] for p in category.places],
        evidence=sorted((edition.paragraph(p) for p in quoted), key=lambda p: p.number),
    )


def render_categories(renderer: Renderer, here: str) -> str:
    """The matrix: the categories side by side (columns), one row per aspect; on phones each row
    becomes a block whose cells are labelled with their category."""
    edition = renderer.edition
    matrix = edition.part("categories.yml")
    rows = [(row, [_cell(edition, row, c) for c in matrix.categories]) for row in matrix.rows]
    return renderer.render("categories.html", here, matrix=matrix, rows=rows)


def render_reading_guide(renderer: Renderer, here: str) -> str:
    """The guide to the matrix's words under its heading; nothing without a guide."""
    matrix = renderer.edition.part("categories.yml")
    return renderer.render("reading-guide.html", here, guide=matrix.reading_guide,
                           title=matrix.reading_guide_title)


def render_questions(renderer: Renderer, here: str) -> str:
    """The questions grouped by skill, then an index by section of the text."""
    edition = renderer.edition
    skills = [(s, [q for q in edition.questions() if q.skill == s.id]) for s in edition.part("questions.yml").skills]
    skills = [s for s in skills if s[1]]
    numbers = {q.id: n for n, q in enumerate((q for _, chosen in skills for q in chosen), 1)}
    sections = [
        (layer, section, list(edition.in_section(section)),
         sorted((numbers[q.id], q) for q in edition.questions_on(edition.in_section(section))))
        for layer in edition.text.layers
        for section in layer.sections
    ]
    return renderer.render("questions.html", here, skills=skills, sections=sections, numbers=numbers)


def render_question_box(renderer: Renderer, here: str, question_id: str) -> str:
    """One question set beside a part of a page (e.g. the journey diagram)."""
    return renderer.render("question-box.html", here, q=renderer.edition.question(question_id))


def render_packet_list(renderer: Renderer, here: str) -> str:
    edition = renderer.edition
    return renderer.render("packet-list.html", here, packets=[packet_view(edition, p) for p in edition.packets()])


def render_packet_page(renderer: Renderer, here: str, packet_id: str) -> str:
    """A packet: brief, passages, Document B, terms, charts, numbered questions with space to write,
    and the citation and the packet's published address."""
    edition = renderer.edition
    packet = edition.packet(packet_id)
    return renderer.render(
        "packet-page.html", here, pv=packet_view(edition, packet),
        address=links.public_address(renderer.site_url, links.packet_page(packet.id)),
        citation=citation.chicago(edition.document),
    )
