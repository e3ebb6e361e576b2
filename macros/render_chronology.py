"""Render the chronology, the cable's journey and the related documents.

Pure functions from `Edition` data to HTML. The timeline is an ordered list
that reads top to bottom without JavaScript; the three kinds of event can be
shown or hidden with checkboxes that work through CSS alone (`:has()`).
Elapsed times on the journey are computed by `timeline`, never typed.
"""

from __future__ import annotations

import datetime as dt

from . import timeline
from .edition import Edition
from .links import CHRONOLOGY_PAGE, TEXT_PAGE, relative
from .markup import escape, render_prose
from .models_chronology import Event
from .render_glossary import entry_href
from .render_source import source_links

__all__ = ["KIND_LABELS", "format_when", "render_journey", "render_related", "render_timeline"]

KIND_LABELS = {
    "cable": ("Reported in the cable", "what the report and Mao’s letter narrate"),
    "journey": ("The document’s journey", "from Hami to the copies on desks in Moscow"),
    "context": ("Context", "what the cable takes for granted, from other sources"),
}
RELATION_LABELS = {
    "corroborates": "Corroborates",
    "contradicts": "Contradicts",
    "complicates": "Complicates",
    "context": "Context",
}


def _day(iso: str) -> str:
    date = dt.date.fromisoformat(iso)
    return f"{date.day} {date:%B %Y}"


def format_when(event: Event, edition: Edition) -> str:
    """e.g. '26 October 1949, 12:30 Moscow time', 'about 24 September 1949', '25–26 September 1949'."""
    if event.precision == "range" and event.end:
        return f"{_day(event.date)} – {_day(event.end)}"
    if event.precision == "approximate":
        return f"about {_day(event.date)}"
    if event.precision == "time" and event.time and event.clock:
        return f"{_day(event.date)}, {event.time} ({edition.clock(event.clock).name})"
    return _day(event.date)


def _time_element(event: Event, edition: Edition) -> str:
    machine = event.date + (f"T{event.time}{edition.clock(event.clock).utc_offset}" if event.time and event.clock else "")
    return f'<time datetime="{machine}">{escape(format_when(event, edition))}</time>'


def _entry_links(edition: Edition, ids: list[str], here: str) -> str:
    return ", ".join(f'<a href="{entry_href(edition.entries[i], here)}">{escape(edition.entries[i].entry.name)}</a>' for i in ids)


def _paragraph_links(edition: Edition, ids: list[str], here: str) -> str:
    return ", ".join(f'<a href="{relative(here, TEXT_PAGE, p)}">¶&nbsp;{edition.paragraph(p).number}</a>' for p in ids)


def _evidence(edition: Edition, event: Event, here: str) -> str:
    rows = []
    if event.paragraphs:
        rows.append(("In the cable", _paragraph_links(edition, event.paragraphs, here)))
    if event.places:
        rows.append(("Places", _entry_links(edition, event.places, here)))
    if event.people:
        rows.append(("People", _entry_links(edition, event.people, here)))
    if event.sources:
        rows.append(("Sources", source_links(edition, event.sources, here)))
    items = "".join(f"<dt>{label}</dt> <dd>{html}</dd> " for label, html in rows)
    return f'<dl class="cbl-event__evidence">{items}</dl>'


def _disagreements(edition: Edition, event: Event, here: str) -> str:
    if not event.disagreements:
        return ""
    items = "".join(
        f"<li>{source_links(edition, [d.source], here)}: {render_prose(d.says)}</li>" for d in event.disagreements
    )
    return (
        f'<div class="cbl-event__disagree"><p><strong>Sources differ.</strong> The date above is the cable’s'
        f"{'' if event.kind != 'context' else ' or the first source’s'}; we do not choose between them:</p><ul>{items}</ul></div>"
    )


def render_event(edition: Edition, event: Event, here: str) -> str:
    label = KIND_LABELS[event.kind][0]
    description = f"<p>{render_prose(event.description)}</p>" if event.description else ""
    return (
        f'<li class="cbl-event cbl-event--{event.kind}" id="event-{event.id}">'
        f'<p class="cbl-event__when">{_time_element(event, edition)} <span class="cbl-kind cbl-kind--{event.kind}">{label}</span></p>'
        f'<p class="cbl-event__title">{escape(event.title)}</p>{description}'
        f"{_disagreements(edition, event, here)}{_evidence(edition, event, here)}</li>"
    )


def render_timeline(edition: Edition, here: str) -> str:
    """Every event in time order, with checkboxes to show or hide each kind."""
    events = edition.events()
    toggles = "".join(
        f'<label class="cbl-toggle cbl-toggle--{kind}"><input type="checkbox" id="show-{kind}" checked> '
        f'<span class="cbl-kind cbl-kind--{kind}">{name}</span> '
        f'<span class="cbl-toggle__count">({sum(e.kind == kind for e in events)})</span></label>'
        for kind, (name, _) in KIND_LABELS.items()
    )
    legend = "".join(f"<li><strong>{name}</strong>: {escape(about)}</li>" for name, about in KIND_LABELS.values())
    items = "".join(render_event(edition, e, here) for e in events)
    return (
        '<div class="cbl-timeline">'
        f'<fieldset class="cbl-toggles"><legend>Show</legend>{toggles}</fieldset>'
        f'<ul class="cbl-kinds">{legend}</ul>'
        f'<ol class="cbl-timeline__events">{items}</ol></div>\n'
    )


def _gap(edition: Edition, steps: list[Event], i: int) -> str:
    """How long after an earlier step this one came: from the last step with a clock time when both
    have one (so an undated-by-the-hour step in between does not blur it), else from the step before."""
    step = steps[i]
    reference = i - 1
    if timeline.utc_moments(step, edition.clock):
        timed = [j for j in range(i) if timeline.utc_moments(steps[j], edition.clock)]
        if timed:
            reference = timed[-1]
    gap = timeline.elapsed(steps[reference], step, edition.clock)
    basis = "by the clock times" if gap.exact else "by the dates; no clock time for both"
    same_day = not gap.exact and gap.longest.days == 0
    when = f"<strong>The same day</strong> as step {reference + 1}" if same_day else f"<strong>{escape(str(gap))}</strong> after step {reference + 1}"
    return (
        f'<p class="cbl-journey__gap"><span aria-hidden="true">↓</span> {when} '
        f'<span class="cbl-journey__basis">({basis})</span></p>'
    )


def render_journey(edition: Edition, here: str) -> str:
    """The chain from the report in Hami to the copies in Moscow, with the time between steps."""
    steps = [e for e in edition.events() if e.kind == "journey"]
    parts = []
    for i, step in enumerate(steps):
        parts.append(
            f'<li class="cbl-journey__step">{_gap(edition, steps, i) if i else ""}'
            f'<p class="cbl-journey__title"><span class="cbl-journey__num">Step {i + 1}.</span> '
            f'<a href="{relative(here, CHRONOLOGY_PAGE, "event-" + step.id)}">'
            f"{escape(step.title)}</a></p><p class=\"cbl-journey__when\">{_time_element(step, edition)} · "
            f"{_paragraph_links(edition, step.paragraphs, here)}</p></li>"
        )
    total = timeline.elapsed(steps[0], steps[-1], edition.clock) if len(steps) > 1 else None
    clocks = sorted({s.clock for s in steps if s.clock})
    clock_notes = "".join(
        f"<li><strong>{escape(c.name)}</strong>: UTC{escape(c.utc_offset)}"
        + (f" (or {', '.join('UTC' + a for a in c.alternatives)})" if c.alternatives else "")
        + f", {escape(c.certainty)}. {render_prose(c.note)} Sources: {source_links(edition, c.sources, here)}</li>"
        for c in (edition.clock(i) for i in clocks)
    )
    summary = (
        f'<p class="cbl-journey__total">From the first step to the last: <strong>{escape(str(total))}</strong>, '
        "counting each clock time in its own time zone.</p>"
        if total
        else ""
    )
    return (
        f'<ol class="cbl-journey">{"".join(parts)}</ol>{summary}'
        f'<details class="cbl-journey__clocks"><summary>How the elapsed times are computed</summary>'
        "<p>Clock times are converted to universal time with the offset of the clock they were read on. "
        "Where the sources do not settle a clock’s offset, every offset they allow is used and the result "
        "is shown as a range. Between steps that have only a date, the gap is counted in days.</p>"
        f"<ul>{clock_notes}</ul></details>\n"
    )


def render_related(edition: Edition, here: str) -> str:
    """The documents to read alongside the cable, each with how it bears on it."""
    items = []
    for d in sorted(edition.related.documents, key=lambda d: d.date):
        citation = f'<p class="cbl-related__citation">{escape(d.archive_citation)}</p>' if d.archive_citation else ""
        quote = f'<blockquote class="cbl-related__quote">{escape(d.quote)}</blockquote>' if d.quote else ""
        items.append(
            f'<li class="cbl-related" id="doc-{d.id}"><p class="cbl-related__title">'
            f'<span class="cbl-relation cbl-relation--{d.relation}">{RELATION_LABELS[d.relation]}</span> '
            f'<a href="{escape(d.url)}">{escape(d.title)}</a>, <time datetime="{d.date}">{_day(d.date)}</time></p>'
            f"{citation}<p>{render_prose(d.summary)}</p>{quote}"
            f'<p class="cbl-evidence">Bears on: {_paragraph_links(edition, d.paragraphs, here)}. '
            f"Source: {source_links(edition, d.sources, here)}.</p></li>"
        )
    return f'<ul class="cbl-related-list">{"".join(items)}</ul>\n'
