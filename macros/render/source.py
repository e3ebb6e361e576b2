"""What we know about the source: the record, its chain, how to cite it, the rights, the sources."""

from __future__ import annotations

from typing import Iterable

from .. import links
from ..templating.environment import Renderer
from ..views.sources_cited import cited_sources
from ..views import citation

__all__ = [
    "render_chain", "render_citations", "render_cite", "render_record", "render_rights", "render_offline_note", "render_site_citation",
    "render_source_checks", "render_sources",
]


def render_record(renderer: Renderer, here: str) -> str:
    return renderer.render("source-record.html", here)


def render_chain(renderer: Renderer, here: str) -> str:
    """The chain of transmission; nothing where document.yml records none (a new edition's start)."""
    return renderer.render("source-chain.html", here) if renderer.edition.document.chain else ""


def render_citations(renderer: Renderer, here: str, downloads: list[tuple[str, str]]) -> str:
    doc = renderer.edition.document
    citations = [("chicago", "Chicago (note)", citation.chicago(doc)), ("mla", "MLA (9th edition)", citation.mla(doc))]
    return renderer.render("citations.html", here, citations=citations, downloads=downloads)


def render_site_citation(renderer: Renderer, here: str, year: int) -> str:
    """How to cite this edition (not the archive's document) and one of its paragraphs. The
    public address is the build's `site_url`; a build without one (a local preview) asks the
    reader for the address instead of printing a useless one. The example paragraph is the one
    in the middle of the text, so no paragraph of one document is named in code or in docs/."""
    edition = renderer.edition
    example = edition.paragraphs[len(edition.paragraphs) // 2]
    home = links.public_address(renderer.site_url, links.HOME)
    text_page = links.public_address(renderer.site_url, links.TEXT)
    return renderer.render(
        "site-citation.html", here, site=edition.site, year=year, address=home, count=len(edition.paragraphs),
        example=example, example_address=f"{text_page}#{example.paragraph.id}" if text_page else None,
    )


def render_rights(renderer: Renderer, here: str) -> str:
    return renderer.render("rights.html", here)


def render_sources(renderer: Renderer, here: str, cited_by_pages: Iterable[str] = ()) -> str:
    """The sources this edition cites (in the student edition, not those only instructors see cited)."""
    cited = cited_sources(renderer.edition, renderer.instructor, cited_by_pages)
    return renderer.render("sources.html", here, sources=[s for s in renderer.edition.sources if s.id in cited])


def render_source_checks(renderer: Renderer, here: str) -> str:
    return renderer.render("sources-checked.html", here)


def render_offline_note(renderer: Renderer, here: str, zip_path: str) -> str:
    return renderer.render("offline-note.html", here, zip_path=zip_path)


def render_cite(renderer: Renderer, here: str, page_src: str, source_id: str) -> str:
    """An inline Markdown citation for prose pages (MkDocs resolves and checks the link)."""
    source = renderer.edition.source(source_id)
    target = links.markdown_link(page_src, links.SOURCES, links.source_anchor(source.id))
    return renderer.render("cite.md", here, source=source, target=target)
