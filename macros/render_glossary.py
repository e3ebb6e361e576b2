"""Render the glossary: entry pages, the overview, and the links from the text to entries.

Pure functions from `Edition` data to Markdown/HTML strings. Each entry is a
Markdown heading (so it has a permanent anchor, a table-of-contents line and
its own search result) followed by an HTML block of facts. Other names are in
that block, so searching the site for "Dihua" or "Kumul" finds the entry.
"""

from __future__ import annotations

from .edition import Edition, GlossaryEntry
from .links import MAP_PAGE, TEXT_PAGE, relative
from .marks import Mention
from .markup import escape, escape_markdown, render_prose
from .models_glossary import GLOSSARY_KINDS, Coordinates, Script
from .render_source import source_links

__all__ = [
    "entry_href",
    "render_glossary_intro",
    "render_glossary_kind",
    "render_glossary_overview",
    "render_mention",
    "render_mention_descriptions",
    "render_scripts",
]

CERTAINTY_LABELS = {
    "certain": "Certain",
    "probable": "Probable",
    "uncertain": "Uncertain",
    "unidentified": "Unidentified",
}
CERTAINTY_MEANINGS = {
    "certain": "the sources agree and fit everything the cable says",
    "probable": "the best reading of the sources, but not proved",
    "uncertain": "sources disagree, or the cable's words allow more than one reading",
    "unidentified": "no source found identifies it; we say what was looked for",
}

# Scripts written right to left need dir="rtl" as well as lang, or the browser misorders them.
_RTL_SCRIPTS = ("-Arab", "-Hebr")


def entry_href(item: GlossaryEntry, here: str) -> str:
    return relative(here, item.kind.page, item.id)


def description_id(entry_id: str) -> str:
    """Id of the hidden element that describes an entry to screen readers on the text page."""
    return f"gloss-desc-{entry_id}"


def render_mention(edition: Edition, mention: Mention, here: str) -> str:
    """A link from the cable's words to their entry; the words themselves are only escaped."""
    item = edition.entries[mention.entry_id]
    tip = f"{item.entry.name}: {item.entry.summary}"
    return (
        f'<a class="cbl-term" href="{entry_href(item, here)}" data-cbl-tip="{escape(tip)}" '
        f'aria-describedby="{description_id(item.id)}">{escape(mention.text)}</a>'
    )


def render_mention_descriptions(edition: Edition, entry_ids: list[str]) -> str:
    """Hidden descriptions that the mention links point to with aria-describedby."""
    spans = "".join(
        f'<span id="{description_id(i)}">{escape(edition.entries[i].entry.name)}: '
        f"{escape(edition.entries[i].entry.summary)}</span>"
        for i in entry_ids
    )
    return f"<div hidden>{spans}</div>\n" if spans else ""


def render_scripts(scripts: list[Script]) -> str:
    return ", ".join(_script(s) for s in scripts)


def _script(script: Script) -> str:
    direction = ' dir="rtl"' if script.lang.endswith(_RTL_SCRIPTS) else ""
    return f'<span lang="{escape(script.lang)}"{direction}>{escape(script.text)}</span>'


def format_coordinates(point: Coordinates) -> str:
    lat = f"{abs(point.lat):.2f}° {'N' if point.lat >= 0 else 'S'}"
    lon = f"{abs(point.lon):.2f}° {'E' if point.lon >= 0 else 'W'}"
    return f"{lat}, {lon}"


def _fact(label: str, html: str) -> str:
    # The spaces keep words apart in the search index, which strips the tags.
    return f"<dt>{escape(label)}</dt> <dd>{html}</dd> "


def _mentions(edition: Edition, item: GlossaryEntry, here: str) -> str:
    if not item.mentions:
        return "Not printed in the cable; included for context."
    return ", ".join(
        f'<a href="{relative(here, TEXT_PAGE, p.id)}">¶&nbsp;{p.number}</a>' for p in item.mentions
    )


def render_entry(edition: Edition, item: GlossaryEntry, here: str) -> str:
    e = item.entry
    heading = f"## {escape_markdown(e.name)} {{ #{e.id} .cbl-entry__name }}\n\n"
    facts = []
    if e.forms:
        facts.append(_fact("In the cable", ", ".join(f'<span class="cbl-form">{escape(f)}</span>' for f in e.forms)))
    if e.scripts:
        facts.append(_fact("Original script", render_scripts(e.scripts)))
    if e.other_names:
        facts.append(_fact("Other names", escape(", ".join(e.other_names))))
    if e.name_1949:
        facts.append(_fact("In 1949", escape(e.name_1949)))
    if e.name_today:
        facts.append(_fact("Today", escape(e.name_today)))
    facts.append(_fact("In October 1949", render_prose(e.identification)))
    certainty = f'<span class="cbl-certainty cbl-certainty--{e.certainty}">{CERTAINTY_LABELS[e.certainty]}</span>'
    if e.certainty_note:
        certainty += f". {render_prose(e.certainty_note)}"
    facts.append(_fact("Identification", certainty))
    if e.coordinates:
        where = format_coordinates(e.coordinates)
        if e.coordinates_note:
            where += f" ({escape(e.coordinates_note.rstrip('.'))})"
        where += f'. <a href="{relative(here, MAP_PAGE, "place-" + e.id)}">Show on the map</a>'
        facts.append(_fact("Coordinates", where))
    elif item.kind.has_coordinates:
        facts.append(_fact("Coordinates", "Not located" + (f": {escape(e.coordinates_note)}" if e.coordinates_note else "")))
    facts.append(_fact("Mentioned in", _mentions(edition, item, here)))
    if e.sources:
        facts.append(_fact("Sources", source_links(edition, e.sources, here)))
    else:
        facts.append(_fact("Sources", "Everything said here comes from the cable itself."))
    body = (
        f'<div class="cbl-entry"><p class="cbl-entry__summary">{escape(e.summary)}</p>'
        f'<dl class="cbl-entry__facts">{"".join(facts)}</dl></div>\n\n'
    )
    return heading + body


def render_glossary_intro(here: str) -> str:
    """How to read an entry: shared by the four glossary pages."""
    levels = "".join(
        f'<li><span class="cbl-certainty cbl-certainty--{k}">{CERTAINTY_LABELS[k]}</span>: {escape(v)}</li>'
        for k, v in CERTAINTY_MEANINGS.items()
    )
    return (
        f'<div class="cbl-reading-note"><p>“In the cable” gives each form exactly as the cable prints it; '
        f'the heading is the standard modern form. “Mentioned in” links to every paragraph of '
        f'<a href="{relative(here, TEXT_PAGE)}">the text</a> that uses one of those forms. '
        f"Every identification says how sure it is:</p><ul>{levels}</ul></div>\n"
    )


def render_glossary_kind(edition: Edition, kind_id: str, here: str) -> str:
    """Every entry of one kind, sorted by name."""
    return "".join(render_entry(edition, item, here) for item in edition.entries_of(kind_id))


def render_glossary_overview(edition: Edition, here: str) -> str:
    """The four groups, each with its entries as links, for the glossary's first page."""
    blocks = []
    for kind in GLOSSARY_KINDS:
        items = edition.entries_of(kind.id)
        links = "".join(
            f'<li><a href="{entry_href(i, here)}">{escape(i.entry.name)}</a>'
            + (f' <span class="cbl-form">{escape(i.entry.forms[0])}</span>' if i.entry.forms else "")
            + "</li>"
            for i in items
        )
        page = relative(here, kind.page)
        blocks.append(
            f'<section class="cbl-overview__group" aria-labelledby="group-{kind.id}">'
            f'<h2 id="group-{kind.id}"><a href="{page}">{escape(kind.title)}</a> ({len(items)})</h2>'
            f'<ul class="cbl-overview__list">{links}</ul></section>'
        )
    return f'<div class="cbl-overview">{"".join(blocks)}</div>\n'
