"""Render what we know about the source: the record, its chain, how to cite it, the sources.

Pure functions from `Edition` data to HTML strings. `here` is the URL of the
page being rendered (see `links.relative`), so links work under any sub-path.
"""

from __future__ import annotations

from . import citation
from .edition import Edition
from .links import SOURCES_PAGE, TEXT_PAGE, markdown_link, relative
from .markup import escape, escape_markdown, render_prose
from .models import ArchiveRecord, ChainStep, Source

__all__ = [
    "render_chain",
    "render_citations",
    "render_cite",
    "render_record",
    "render_rights",
    "render_sources",
    "source_anchor",
    "source_links",
]


def source_anchor(source: Source) -> str:
    return f"src-{source.id}"


def _row(label: str, value_html: str) -> str:
    return f"<tr><th scope=\"row\">{escape(label)}</th><td>{value_html}</td></tr>"


def _record_link(record: ArchiveRecord) -> str:
    return f'<a href="{escape(record.url)}">{escape(record.title)}</a>'


def render_record(edition: Edition) -> str:
    """The archive's record of the document, and the archive's other record of the same letter."""
    doc = edition.document
    rows = [
        _row("Title (the archive’s)", escape(doc.title)),
        _row("Date", f'<time datetime="{doc.date.isoformat()}">{doc.date.day} {doc.date:%B %Y}</time>'),
        _row("From", escape(doc.author)),
        _row("To", escape(doc.recipient)),
        _row("Archive", escape(doc.archive_name)),
        _row("Archival citation", escape(doc.archival_citation)),
        _row("Language of the original", escape(doc.original_language)),
        _row("Translated by", escape(doc.translator)),
        _row("Original classification", escape(doc.original_classification)),
        _row("Published by", escape(f"{doc.publisher}, {doc.program}")),
        _row("Record reproduced here", _record_link(doc.record) + f"<br>{render_prose(doc.record.how_to_recognise)}"),
        _row("The archive’s summary", escape(doc.summary)),
    ]
    table = f'<table class="cbl-record"><tbody>{"".join(rows)}</tbody></table>\n'
    others = "".join(
        f"<li>{_record_link(r)}: translated from {escape(r.translated_from)}; source: {escape(r.source)}. "
        f"{render_prose(r.how_to_recognise)}</li>"
        for r in doc.other_records
    )
    if others:
        table += (
            '<div class="cbl-other-records"><p>The archive holds another record of this letter, '
            f"dated the same day. This site does <strong>not</strong> reproduce it:</p><ul>{others}</ul></div>\n"
        )
    return table


def _evidence(edition: Edition, step: ChainStep, here: str) -> str:
    parts = []
    if step.paragraphs:
        links = ", ".join(
            f'<a href="{relative(here, TEXT_PAGE, pid)}">¶&nbsp;{edition.paragraph(pid).number}</a>'
            for pid in step.paragraphs
        )
        parts.append(f"In the cable: {links}")
    if step.sources:
        parts.append(f"Sources: {source_links(edition, step.sources, here)}")
    return f'<p class="cbl-evidence">{". ".join(parts)}.</p>'


def render_chain(edition: Edition, here: str) -> str:
    """The chain by which the text reached us, each step with its evidence."""
    steps = "".join(
        f'<li class="cbl-chain__step" id="chain-{step.id}"><p class="cbl-chain__title"><strong>{escape(step.title)}</strong>'
        f' <span class="cbl-chain__when">{escape(step.when)}</span></p>'
        f"<p>{render_prose(step.description)}</p>{_evidence(edition, step, here)}</li>"
        for step in edition.document.chain
    )
    return f'<ol class="cbl-chain">{steps}</ol>\n'


def render_citations(edition: Edition) -> str:
    """Chicago and MLA citations, each with a copy button."""
    blocks = []
    for key, label, text in (
        ("chicago", "Chicago (note)", citation.chicago(edition.document)),
        ("mla", "MLA (9th edition)", citation.mla(edition.document)),
    ):
        blocks.append(
            f'<figure class="cbl-citation"><figcaption>{label}</figcaption>'
            f'<p class="cbl-citation__text" id="cite-{key}">{escape(text)}</p>'
            f'<button type="button" class="md-button cbl-copy cbl-copy--text" data-cbl-copy="text" '
            f'data-cbl-target="cite-{key}">Copy the {label.split(" ")[0]} citation</button></figure>'
        )
    return f'<div class="cbl-citations">{"".join(blocks)}</div>\n'


def render_rights(edition: Edition) -> str:
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in edition.document.rights)
    record = edition.document.record
    return (
        f'<blockquote class="cbl-rights">{paragraphs}</blockquote>'
        f"<p>To ask about rights or commercial use, contact the {escape(edition.document.program)} "
        f'through the <a href="{escape(record.url)}">archive’s record</a>.</p>\n'
    )


def _source_link(source: Source, here: str) -> str:
    return f'<a href="{relative(here, SOURCES_PAGE, source_anchor(source))}">{escape(source.short)}</a>'


def source_links(edition: Edition, source_ids: list[str], here: str) -> str:
    """Links to the given sources in the bibliography, separated by semicolons."""
    return "; ".join(_source_link(edition.source(sid), here) for sid in source_ids)


def render_sources(edition: Edition) -> str:
    """The bibliography: every source cited anywhere on the site."""
    items = []
    for s in edition.sources.sources:
        author = f"{escape(s.author)}, " if s.author else ""
        title = f'<a href="{escape(s.url)}">{escape(s.title)}</a>' if s.url else escape(s.title)
        year = f", {s.year}" if s.year else ""
        # Notes (what a source is used for, with quotations) stay out of the search index:
        # a search for a name should land on the glossary, not on a quotation about it.
        note = f' <span class="cbl-source__note" data-search-exclude>{render_prose(s.note)}</span>' if s.note else ""
        items.append(f'<li id="{source_anchor(s)}">{author}“{title}”, {escape(s.publisher)}{year}.{note}</li>')
    return f'<ul class="cbl-sources">{"".join(items)}</ul>\n'


def render_cite(edition: Edition, source_id: str, page_src: str) -> str:
    """An inline Markdown citation for prose pages: a link to the source in the bibliography."""
    source = edition.source(source_id)
    return f"([{escape_markdown(source.short)}]({markdown_link(page_src, SOURCES_PAGE, source_anchor(source))}))"
