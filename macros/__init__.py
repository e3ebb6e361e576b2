"""Macros for the Cable 59442 site (mkdocs-macros-plugin's `module_name: macros`).

`define_env` loads and validates `data/` once per build and registers one short
macro per generated part of a page. The work is done in sibling modules:
`load` (read and check the data), `render_text` and `render_source` (pure
rendering functions), `citation` (citation formats).
"""

from __future__ import annotations

from pathlib import Path

from . import citation, render_chronology, render_glossary, render_map, render_source, render_teaching, render_text
from .dev_server import show_error_while_serving
from .load import DataError, load_edition
from .markup import escape_markdown

__all__ = ["define_env"]


def define_env(env) -> None:
    """Load the data, then register the page macros."""
    try:
        edition = load_edition(Path(env.project_dir) / "data")
    except DataError as error:
        show_error_while_serving(env, error, MACRO_NAMES)  # raises a build error unless serving
        return
    env.conf["extra"]["cable_meta"] = citation.meta_tags(edition.document)
    instructor = instructor_edition(env.conf["extra"].get("edition"))

    def here() -> str:
        return env.page.url

    def page_src() -> str:
        return env.page.file.src_uri

    @env.macro
    def cable_text() -> str:
        """The cable's full text, layer by layer, with paragraph numbers and anchors."""
        return render_text.render_cable(edition)

    @env.macro
    def mark_legend() -> str:
        """The kinds of editorial mark and what each means."""
        return render_text.render_mark_legend(edition)

    @env.macro
    def document_title() -> str:
        """The archive's title for the document (Markdown-escaped)."""
        return escape_markdown(edition.document.title)

    @env.macro
    def paragraph_count() -> int:
        """How many paragraphs the text has."""
        return len(edition.paragraphs)

    @env.macro
    def source_record() -> str:
        """The archival record, and the archive's other record of the letter."""
        return render_source.render_record(edition)

    @env.macro
    def source_chain() -> str:
        """The chain by which the text reached us, with evidence."""
        return render_source.render_chain(edition, here())

    @env.macro
    def citations() -> str:
        """Chicago and MLA citations with copy buttons."""
        return render_source.render_citations(edition)

    @env.macro
    def rights() -> str:
        """The archive's rights statement."""
        return render_source.render_rights(edition)

    @env.macro
    def bibliography() -> str:
        """Every source the site cites."""
        return render_source.render_sources(edition)

    @env.macro
    def cite(source_id: str) -> str:
        """An inline citation of a source in data/sources.yml."""
        return render_source.render_cite(edition, source_id, page_src())

    @env.macro
    def glossary(kind: str) -> str:
        """Every glossary entry of one kind ('people', 'places', 'units', 'terms')."""
        return render_glossary.render_glossary_kind(edition, kind, here())

    @env.macro
    def glossary_intro() -> str:
        """How to read a glossary entry, with what each certainty level means."""
        return render_glossary.render_glossary_intro(here())

    @env.macro
    def glossary_overview() -> str:
        """The glossary's groups with links to every entry."""
        return render_glossary.render_glossary_overview(edition, here())

    @env.macro
    def route_map() -> str:
        """The SVG map of the places and the army's route."""
        return render_map.render_map(edition, here())

    @env.macro
    def chronology() -> str:
        """Every event in time order, the three kinds distinct and each shown or hidden at will."""
        return render_chronology.render_timeline(edition, here())

    @env.macro
    def journey() -> str:
        """The cable's journey from Hami to Moscow, with elapsed times computed from the data."""
        return render_chronology.render_journey(edition, here())

    @env.macro
    def related_documents() -> str:
        """Documents to read alongside the cable, and what each corroborates or contradicts."""
        return render_chronology.render_related(edition, here())

    @env.macro
    def categories_matrix() -> str:
        """The three categories of rebelled units: conduct, examples, reaction, stated policy, evidence."""
        return render_teaching.render_categories(edition, here())

    @env.macro
    def reading_guide() -> str:
        """Our short guide, with sources, to "rebelled", "uprising" and "insurrection"."""
        return render_teaching.render_reading_guide(edition, here())

    @env.macro
    def questions() -> str:
        """The discussion questions by skill and by section (with notes in the instructor edition)."""
        return render_teaching.render_questions(edition, here(), instructor)

    @env.macro
    def question_box(question_id: str) -> str:
        """One question from data/questions.yml, set beside a part of a page."""
        return render_teaching.render_question_box(edition, question_id, here(), instructor)

    @env.macro
    def packet_list() -> str:
        """Every reading packet, with its brief."""
        return render_teaching.render_packet_list(edition, here())

    @env.macro
    def packet_page(packet_id: str) -> str:
        """A reading packet's page (generated by the packet_pages hook)."""
        return render_teaching.render_packet_page(edition, packet_id, here(), env.conf["site_url"] or "", instructor)

    @env.macro
    def edition_name() -> str:
        """'student' or 'instructor'."""
        return "instructor" if instructor else "student"

    @env.macro
    def place_table() -> str:
        """The map's text alternative: a table of places, names and dates."""
        return render_map.render_place_table(edition, here())


MACRO_NAMES = (
    "cable_text",
    "mark_legend",
    "document_title",
    "paragraph_count",
    "source_record",
    "source_chain",
    "citations",
    "rights",
    "bibliography",
    "cite",
    "glossary",
    "glossary_intro",
    "glossary_overview",
    "route_map",
    "place_table",
    "chronology",
    "journey",
    "related_documents",
    "categories_matrix",
    "reading_guide",
    "questions",
    "question_box",
    "packet_list",
    "packet_page",
    "edition_name",
)


def instructor_edition(value) -> bool:
    """Whether this build is the instructor edition (`extra.edition` in mkdocs.yml, from CABLE_EDITION)."""
    if value in (None, "student"):
        return False
    if value == "instructor":
        return True
    from mkdocs.exceptions import PluginError

    raise PluginError(f"mkdocs.yml: extra.edition (CABLE_EDITION) is {value!r}; it must be 'student' or 'instructor'")
