"""Render the teaching pages: the three categories, the questions, and the packets.

Pure functions from `Edition` data to Markdown/HTML. `instructor` is True only
in the instructor edition; otherwise no instructor note is rendered anywhere,
so none reaches a page or the search index.
"""

from __future__ import annotations

from . import citation
from .edition import Edition, NumberedParagraph
from .links import QUESTIONS_PAGE, TEXT_PAGE, page_url, relative
from .markup import escape, escape_markdown, render_prose
from .models_teaching import LEVELS, SKILLS, Category, Packet, Question, Quote
from .render_glossary import entry_href, render_mention_descriptions
from .render_source import source_links
from .render_text import mention_links, render_paragraph

__all__ = [
    "question_anchor",
    "render_categories",
    "render_packet_list",
    "render_packet_page",
    "render_question_box",
    "render_questions",
    "render_reading_guide",
    "section_questions_anchor",
]


def question_anchor(question: Question) -> str:
    return f"q-{question.id}"


def section_questions_anchor(section_id: str) -> str:
    return f"on-{section_id}"


def evidence_refs(edition: Edition, here: str) -> dict[str, str]:
    """Links for paragraph and source ids written in notes ("see s2-policy-first", "(wilson-record)")."""
    refs = {p.id: _para_link(edition, p.id, here) for p in edition.paragraphs}
    refs.update({s.id: source_links(edition, [s.id], here) for s in edition.sources.sources})
    return refs


def _para_link(edition: Edition, paragraph_id: str, here: str) -> str:
    return f'<a href="{relative(here, TEXT_PAGE, paragraph_id)}">¶&nbsp;{edition.paragraph(paragraph_id).number}</a>'


def _quote(edition: Edition, quote: Quote, here: str) -> str:
    return f'<q>{escape(quote.quote)}</q> <span class="cbl-cite-para">({_para_link(edition, quote.paragraph, here)})</span>'


def _quotes(edition: Edition, quotes: list[Quote], here: str, empty: str) -> str:
    if not quotes:
        return f'<p class="cbl-silent"><strong>{escape(empty)}</strong></p>'
    return "".join(f"<p>{_quote(edition, q, here)}</p>" for q in quotes)


def _category_cells(edition: Edition, c: Category, here: str, refs: dict[str, str]) -> list[tuple[str, str]]:
    # A named unit already quoted inside an example is not repeated.
    examples = c.examples + [q for q in c.named_units if not any(q.quote in e.quote for e in c.examples)]
    places = ", ".join(f'<a href="{entry_href(edition.entries[p], here)}">{escape(edition.entries[p].entry.name)}</a>' for p in c.places)
    evidence = sorted({q.paragraph for q in [c.conduct, *c.examples, *c.named_units, *c.population, *c.policy]},
                      key=lambda p: edition.paragraph(p).number)
    notes = ""
    if c.silence:
        notes += f'<p class="cbl-silence"><strong>What the report does not say:</strong> {render_prose(c.silence, refs)}</p>'
    if c.inference:
        notes += f'<p class="cbl-inference"><strong>Our reading (an inference, not the report’s words):</strong> {render_prose(c.inference, refs)}</p>'
    return [
        ("What the units did", _quote(edition, c.conduct, here)),
        ("Examples and units named", _quotes(edition, examples, here, "None given.")),
        ("Places", places or "None named."),
        ("The population’s reaction", _quotes(edition, c.population, here, "The report states none.")),
        ("Stated policy", _quotes(edition, c.policy, here, "No policy is stated for this category.")),
        ("Evidence", ", ".join(_para_link(edition, p, here) for p in evidence) + notes),
    ]


def render_categories(edition: Edition, here: str) -> str:
    """The matrix: the categories side by side (columns), one row per aspect; on phones each row
    becomes a block whose cells are labelled with their category."""
    categories = edition.categories.categories
    refs = evidence_refs(edition, here)
    cells = [_category_cells(edition, c, here, refs) for c in categories]
    head = "".join(f'<th scope="col" id="category-{c.id}">{escape(c.label)}</th>' for c in categories)
    rows = []
    for r, (aspect, _) in enumerate(cells[0]):
        tds = "".join(
            f'<td data-label="{escape(c.label)}">{cells[i][r][1]}</td>' for i, c in enumerate(categories)
        )
        rows.append(f'<tr><th scope="row">{escape(aspect)}</th>{tds}</tr>')
    return (
        '<div class="cbl-matrix-wrap"><table class="cbl-matrix">'
        f'<thead><tr><td></td>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>\n'
    )


def render_reading_guide(edition: Edition, here: str) -> str:
    refs = evidence_refs(edition, here)
    return "".join(
        f'<p>{render_prose(g.text, refs)} <span class="cbl-evidence">Sources: {source_links(edition, g.sources, here)}.</span></p>\n'
        for g in edition.categories.reading_guide
    )


def _question_item(
    edition: Edition, q: Question, here: str, instructor: bool, refs: dict[str, str], anchor: bool = True
) -> str:
    rests = ", ".join(_para_link(edition, p, here) for p in q.paragraphs)
    notes = ""
    if instructor and q.instructor_notes:
        sources = f" Sources: {source_links(edition, q.sources, here)}." if q.sources else ""
        notes = (
            f'<div class="cbl-instructor-note"><p><strong>For instructors:</strong> '
            f"{render_prose(q.instructor_notes, refs)}{sources}</p></div>"
        )
    ident = f' id="{question_anchor(q)}"' if anchor else ""
    return (
        f'<li class="cbl-question"{ident}><p>{render_prose(q.text)}</p>'
        f'<p class="cbl-question__meta"><span class="cbl-level">{LEVELS[q.level]}</span> · '
        f"{escape(SKILLS[q.skill].split(':')[0])} · rests on {rests}</p>{notes}</li>"
    )


def render_questions(edition: Edition, here: str, instructor: bool) -> str:
    """The questions grouped by skill, then an index by section of the text."""
    parts = []
    refs = evidence_refs(edition, here) if instructor else {}
    for skill, title in SKILLS.items():
        chosen = [q for q in edition.questions.questions if q.skill == skill]
        if not chosen:
            continue
        items = "".join(_question_item(edition, q, here, instructor, refs) for q in chosen)
        parts.append(f"## {escape_markdown(title)} {{ #skill-{skill} }}\n\n<ol class=\"cbl-questions\">{items}</ol>\n\n")
    parts.append("## Questions by section of the text { #by-section }\n\n")
    rows = []
    for layer in edition.text.layers:
        for section in layer.sections:
            chosen = edition.questions_on(edition.in_section(section))
            label = f"{layer.title}: {section.heading}" if section.heading else layer.title
            links = ", ".join(
                f'<a href="#{question_anchor(q)}">{escape(_short(q))}</a>' for q in chosen
            ) or "None yet."
            rows.append(
                f'<tr id="{section_questions_anchor(section.id)}"><th scope="row">'
                f'<a href="{relative(here, TEXT_PAGE, section.id)}">{escape(label)}</a></th><td>{links}</td></tr>'
            )
    parts.append(
        '<div class="cbl-table-scroll"><table class="cbl-by-section"><thead><tr><th scope="col">Section</th>'
        f'<th scope="col">Questions</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>\n'
    )
    return "".join(parts)


def _short(q: Question) -> str:
    """The question's first words, for an index."""
    words = q.text.replace("*", "").split()
    return " ".join(words[:9]) + ("…" if len(words) > 9 else "")


def render_question_box(edition: Edition, question_id: str, here: str, instructor: bool) -> str:
    """One question set beside a part of a page (e.g. the journey diagram)."""
    q = edition.question(question_id)
    refs = evidence_refs(edition, here) if instructor else {}
    return (
        f'<aside class="cbl-question-box" aria-label="A question to discuss"><p><strong>Discuss.</strong></p>'
        f'<ul class="cbl-questions">{_question_item(edition, q, here, instructor, refs, anchor=False)}</ul>'
        f'<p><a href="{relative(here, QUESTIONS_PAGE, question_anchor(q))}">More questions like this</a></p></aside>\n'
    )


# --- packets -----------------------------------------------------------------------------


def packet_src(packet: Packet) -> str:
    return f"packets/{packet.id}.md"


def render_packet_list(edition: Edition, here: str) -> str:
    items = []
    for p in edition.packets.packets:
        paragraphs = edition.packet_paragraphs(p)
        level = f"{LEVELS[p.level]} · " if p.level else ""
        items.append(
            f'<li><p><a href="{relative(here, packet_src(p))}"><strong>{escape(p.title)}</strong></a></p>'
            f"<p>{render_prose(p.brief)}</p><p class=\"cbl-question__meta\">{level}{len(paragraphs)} paragraphs "
            f"(¶&nbsp;{paragraphs[0].number}–{paragraphs[-1].number}), {len(p.questions)} questions</p></li>"
        )
    return f'<ul class="cbl-packets">{"".join(items)}</ul>\n'


def _terms(edition: Edition, paragraphs: list[NumberedParagraph], here: str) -> tuple[str, list[str]]:
    """The glossary entries the passages mention, with their one-line descriptions."""
    ids = [e.id for e in edition.entries.values() if set(p.id for p in e.mentions) & {p.id for p in paragraphs}]
    items = "".join(
        f'<div class="cbl-packet-term"><dt><a href="{entry_href(edition.entries[i], here)}">{escape(edition.entries[i].entry.name)}</a>'
        f' <span class="cbl-form">{escape(", ".join(edition.entries[i].entry.forms))}</span></dt>'
        f"<dd>{escape(edition.entries[i].entry.summary)}</dd></div>"
        for i in sorted(ids, key=lambda i: edition.entries[i].entry.name.casefold())
    )
    return f'<dl class="cbl-packet-terms">{items}</dl>', ids


def render_packet_page(edition: Edition, packet_id: str, here: str, site_url: str, instructor: bool) -> str:
    """A packet: brief, passages, terms, numbered questions with space to write, and a citation."""
    packet = next(p for p in edition.packets.packets if p.id == packet_id)
    paragraphs = edition.packet_paragraphs(packet)
    mention = mention_links(edition, here)
    passages = "".join(render_paragraph(p, mention) for p in paragraphs)
    terms, term_ids = _terms(edition, paragraphs, here)
    refs = evidence_refs(edition, here) if instructor else {}
    questions = "".join(
        _question_item(edition, edition.question(q), here, instructor, refs, anchor=False).replace(
            "</li>", '<div class="cbl-answer" aria-hidden="true"></div></li>'
        )
        for q in packet.questions
    )
    address = site_url.rstrip("/") + "/" + page_url(packet_src(packet))
    cite = citation.chicago(edition.document)
    level = f" · {LEVELS[packet.level]}" if packet.level else ""
    return (
        f"# {escape_markdown(packet.title)} {{ #packet }}\n\n"
        f'<p class="cbl-packet__brief">{render_prose(packet.brief)}</p>\n'
        f'<p class="cbl-packet__meta">Reading packet{level} · paragraphs '
        f'{", ".join(str(p.number) for p in paragraphs)} of <a href="{relative(here, TEXT_PAGE)}">the full text</a></p>\n\n'
        f"## The text {{ #passages }}\n\n"
        f'<div class="cbl-section cbl-packet__text">{passages}</div>\n\n'
        f"## Names and terms {{ #terms }}\n\n{terms}\n\n"
        f"## Questions {{ #questions }}\n\n<ol class=\"cbl-questions cbl-handout-questions\">{questions}</ol>\n\n"
        f'<footer class="cbl-packet__source"><p><strong>Source:</strong> {escape(cite)}</p>'
        f"<p><strong>This packet:</strong> <span class=\"cbl-packet__address\">{escape(address)}</span></p></footer>\n"
        + render_mention_descriptions(edition, term_ids)
    )

