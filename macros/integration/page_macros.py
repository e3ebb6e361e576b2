"""The macros that pages call (`{{ document_text() }}`), each a one-liner into `macros.render`.

Each is registered by `@macro` (macros.integration.macro_registry) under its own name, and
takes the build's `MacroContext` first; `macros.integration.macros` binds them, each call guarded.
A macro returns HTML, kept out of Markdown, unless it is marked `markdown=True`.
"""

from __future__ import annotations

import os
import re
from datetime import datetime, timezone
from pathlib import Path

import jinja2

from .. import links
from ..render import chronology, glossary, lessons, map as map_, source, teaching, text
from ..views.parts import PARTS
from .errors import read_regular_file
from .macro_registry import MacroContext, macro

__all__ = ["build_year"]


# --- the text and the record -----------------------------------------------------------------

@macro
def document_text(ctx: MacroContext) -> str:
    """The document's full text, layer by layer, with paragraph numbers and anchors."""
    return text.render_text(ctx.renderer, ctx.here)


@macro
def home_cards(ctx: MacroContext) -> str:
    """The home page's ways in, one card per audience, linking only to pages this site has."""
    return text.render_home_cards(ctx.renderer, ctx.here, ctx.build.pages, ctx.repository)


@macro
def mark_legend(ctx: MacroContext) -> str:
    """The kinds of editorial mark and what each means."""
    return text.render_mark_legend(ctx.renderer, ctx.here)


@macro(markdown=True, title=True)
def document_title(ctx: MacroContext) -> str:
    """The archive's title for the document (kept literal in Markdown)."""
    return ctx.markdown_literal(ctx.edition.document.title)


@macro(markdown=True, title=True)
def site_title(ctx: MacroContext) -> str:
    """The site's title (data/site.yml), for the home page's heading (kept literal in Markdown)."""
    return ctx.markdown_literal(ctx.edition.site.title)


_PAGE_WORDS = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@macro
def page_words(ctx: MacroContext, name: str) -> str:
    """A page's own words about this document (template page-NAME.html): its opening, or a part of
    it that the data may leave out (the home page's "Why it matters"). So no page of docs/ names
    the document: a new edition's pages say what its data gives."""
    if not _PAGE_WORDS.fullmatch(name):
        raise ValueError(f"{name!r} is not the name of a page's words: use lower-case words joined by hyphens, e.g. 'text-intro'")
    try:
        ctx.renderer.env.get_template(f"page-{name}.html")
    except jinja2.TemplateNotFound:
        raise ValueError(f"{name!r} names no page's words: there is no template page-{name}.html "
                         "(macros/templating/templates/, overrides/components/)") from None
    return ctx.renderer.render(f"page-{name}.html", ctx.here)


@macro(markdown=True, title=True)
def paragraph_count(ctx: MacroContext) -> int:
    """How many paragraphs the text has."""
    return len(ctx.edition.paragraphs)


@macro
def source_record(ctx: MacroContext) -> str:
    """The archival record, and the archive's other records of the document."""
    return source.render_record(ctx.renderer, ctx.here)


@macro
def source_chain(ctx: MacroContext) -> str:
    """The chain by which the text reached us, with evidence."""
    return source.render_chain(ctx.renderer, ctx.here)


@macro
def citations(ctx: MacroContext) -> str:
    """Chicago and MLA citations with copy buttons, and RIS and BibTeX files."""
    return source.render_citations(ctx.renderer, ctx.here, [(label, path) for path, label in links.CITATION_FILES])


@macro
def site_citation(ctx: MacroContext) -> str:
    """How to cite this site, with its public address, and how its ¶ numbers work."""
    return source.render_site_citation(ctx.renderer, ctx.here, build_year())


@macro
def rights(ctx: MacroContext) -> str:
    """The archive's rights statement."""
    return source.render_rights(ctx.renderer, ctx.here)


@macro
def bibliography(ctx: MacroContext) -> str:
    """Every source this edition cites."""
    return source.render_sources(ctx.renderer, ctx.here, _cited_by_pages(ctx.docs_dir, ctx.instructor))


@macro
def source_checks(ctx: MacroContext) -> str:
    """Where each source was read, and the words seen there."""
    return source.render_source_checks(ctx.renderer, ctx.here)


@macro(markdown=True)
def cite(ctx: MacroContext, source_id: str) -> str:
    """An inline citation of a source in data/sources.yml."""
    if source_id not in {s.id for s in ctx.edition.sources}:
        raise ValueError(f"{source_id!r} is not a source id in data/sources.yml")
    return source.render_cite(ctx.renderer, ctx.here, ctx.page, source_id)


@macro
def offline_note(ctx: MacroContext) -> str:
    """Where to download the offline copy, on builds that made one (not inside the copy itself)."""
    offline_zip = ctx.extra.get("offline_zip") or ""
    if not offline_zip or not ctx.directory_urls:
        return ""
    return source.render_offline_note(ctx.renderer, ctx.here, offline_zip)


# --- the glossary, the map, the chronology -----------------------------------------------------

@macro
def glossary_kind(ctx: MacroContext, kind_id: str) -> str:
    """Every glossary entry of one kind (a kind in data/site.yml)."""
    return glossary.render_glossary_kind(ctx.renderer, ctx.here, kind_id)


@macro(markdown=True, title=True)
def glossary_kind_title(ctx: MacroContext, kind_id: str) -> str:
    """A glossary kind's title, for its page's heading (kept literal in Markdown)."""
    return ctx.markdown_literal(next(k for k in ctx.edition.kinds if k.id == kind_id).title)


@macro
def glossary_intro(ctx: MacroContext) -> str:
    """How to read a glossary entry, with what each certainty level means."""
    return glossary.render_glossary_intro(ctx.renderer, ctx.here)


@macro
def glossary_overview(ctx: MacroContext) -> str:
    """The glossary's groups with links to every entry."""
    return glossary.render_glossary_overview(ctx.renderer, ctx.here)


@macro
def route_map(ctx: MacroContext) -> str:
    """The SVG map of the places and the route."""
    return map_.render_map(ctx.renderer, ctx.here)


@macro
def place_table(ctx: MacroContext) -> str:
    """The map's text alternative: a table of places, names and dates."""
    return map_.render_place_table(ctx.renderer, ctx.here)


@macro
def chronology_timeline(ctx: MacroContext) -> str:
    """Every event in time order, the kinds distinct and each shown or hidden at will."""
    return chronology.render_timeline(ctx.renderer, ctx.here)


@macro
def journey(ctx: MacroContext) -> str:
    """The document's journey, with elapsed times computed from the data."""
    return chronology.render_journey(ctx.renderer, ctx.here)


@macro
def related_documents(ctx: MacroContext) -> str:
    """Documents to read alongside, and what each corroborates or contradicts."""
    return chronology.render_related(ctx.renderer, ctx.here)


# --- teaching ----------------------------------------------------------------------------------

@macro
def categories_matrix(ctx: MacroContext) -> str:
    """The comparison matrix of data/categories.yml."""
    return teaching.render_categories(ctx.renderer, ctx.here)


@macro
def reading_guide(ctx: MacroContext) -> str:
    """Our short guide, with sources, to the matrix's words."""
    return teaching.render_reading_guide(ctx.renderer, ctx.here)


@macro
def questions(ctx: MacroContext) -> str:
    """The discussion questions by skill and by section (with notes in the instructor edition)."""
    return teaching.render_questions(ctx.renderer, ctx.here)


@macro
def question_box(ctx: MacroContext, question_id: str) -> str:
    """One question, set beside a part of a page; nothing if the site has no questions."""
    if not ctx.edition.questions():
        return ""
    if question_id not in {q.id for q in ctx.edition.questions()}:
        raise ValueError(f"{question_id!r} is not a question id in data/questions.yml")
    return teaching.render_question_box(ctx.renderer, ctx.here, question_id)


@macro
def packet_list(ctx: MacroContext) -> str:
    """Every reading packet, with its brief."""
    return teaching.render_packet_list(ctx.renderer, ctx.here)


@macro
def packet_page(ctx: MacroContext, packet_id: str) -> str:
    """A reading packet's page (generated from data/packets.yml)."""
    return teaching.render_packet_page(ctx.renderer, ctx.here, packet_id)


@macro
def background_reading(ctx: MacroContext) -> str:
    """The background reading for students (data/background.yml)."""
    return lessons.render_background(ctx.renderer, ctx.here)


@macro(markdown=True, title=True)
def categories_title(ctx: MacroContext) -> str:
    """The categories page's title (data/categories.yml, 'title'), else its title in the navigation
    (mkdocs.yml); kept literal in Markdown."""
    return ctx.markdown_literal(ctx.edition.part("categories.yml").title or ctx.page_title)


@macro(markdown=True, title=True)
def background_title(ctx: MacroContext) -> str:
    """The background reading's title (kept literal in Markdown)."""
    return ctx.markdown_literal(ctx.edition.part("background.yml").title)


@macro
def lesson_list(ctx: MacroContext) -> str:
    """Every lesson, with its question, audience and length."""
    return lessons.render_lesson_list(ctx.renderer, ctx.here)


@macro
def lesson_page(ctx: MacroContext, lesson_id: str) -> str:
    """A lesson's page (generated from data/lessons.yml)."""
    return lessons.render_lesson_page(ctx.renderer, ctx.here, lesson_id, ctx.protected_published)


# --- the editions --------------------------------------------------------------------------------

@macro(markdown=True, title=True)
def edition_name(ctx: MacroContext) -> str:
    """The name of this edition (data/site.yml, 'editions')."""
    editions = ctx.edition.site.editions
    return editions.instructor if ctx.instructor else editions.student


@macro
def instructor_access(ctx: MacroContext) -> str:
    """The page "For instructors": what the instructor edition holds, where it is, how to get its passphrase."""
    return lessons.render_instructor_access(ctx.renderer, ctx.here, ctx.protected_published, bool(ctx.extra.get("protected")),
                                            ctx.repository)


def build_year() -> int:
    """The year this edition is built, as a citation of the site gives it: the year of
    SOURCE_DATE_EPOCH where a reproducible build sets it, else today's (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch.isdigit() else datetime.now(timezone.utc)
    return moment.year


_CITE = re.compile(r"""\bcite\(\s*["']([a-z0-9-]+)["']\s*\)""")


def _cited_by_pages(docs_dir: Path, instructor: bool) -> set[str]:
    """The source ids the pages of docs/ cite with `cite("id")` (but an instructor's page in the
    student edition): a page may be rendered after the Sources page, so its Markdown is read."""
    instructors_only = {part.page for part in PARTS if part.instructor_only and not instructor}
    cited: set[str] = set()
    for path in sorted(docs_dir.rglob("*.md")):
        if path.relative_to(docs_dir).as_posix() in instructors_only:
            continue
        try:
            cited.update(_CITE.findall(read_regular_file(path)))
        except (OSError, UnicodeDecodeError):
            continue  # the build says why (macros/hooks/kit.py, on_files)
    return cited
