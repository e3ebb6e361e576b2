"""Render the cable's text: paragraphs with their numbers, anchors and editorial marks.

Pure functions from `Edition` data to Markdown/HTML strings. The cable's words
are only ever escaped (`markup.escape`): they are shown exactly as printed, and
the marks keep every character (brackets included), only wrapped in a span.
Headings are emitted as Markdown so they feed the table of contents and the
search index; paragraphs are raw HTML blocks, which Markdown leaves untouched.
"""

from __future__ import annotations

from typing import Callable

from .edition import Edition, NumberedParagraph
from .links import QUESTIONS_PAGE, TEXT_PAGE, page_url, relative
from .marks import Mark, Mention, Token
from .markup import escape, escape_markdown, render_prose
from .models import Layer, MarkKind, Section
from .render_glossary import render_mention, render_mention_descriptions

MentionRenderer = Callable[[Mention], str]

__all__ = ["render_cable", "render_layer", "render_mark_legend", "render_paragraph", "render_tokens"]

_LINK_ICON = (
    '<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="18" height="18">'
    '<path fill="currentColor" d="M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a1 1 0 1 1 1.4 1.4L12 13.4a1 1 0 0 1-1.4 0'
    "ZM8.5 20a4.5 4.5 0 0 1-3.2-7.7l2.1-2.1a1 1 0 0 1 1.4 1.4l-2.1 2.1a2.5 2.5 0 0 0 3.5 3.5l2.1-2.1a1 1 0 1 1 "
    "1.4 1.4l-2.1 2.1A4.5 4.5 0 0 1 8.5 20Zm8.7-6.8a1 1 0 0 1-.7-1.7l2.1-2.1a2.5 2.5 0 0 0-3.5-3.5L13 "
    '8a1 1 0 1 1-1.4-1.4l2.1-2.1a4.5 4.5 0 0 1 6.4 6.4L18 12.9a1 1 0 0 1-.8.3Z"/></svg>'
)


def mark_anchor(kind: MarkKind) -> str:
    """Id of the legend entry that explains a kind of mark."""
    return f"mark-{kind.id}"


def _plain(text: str) -> str:
    return "<br>".join(escape(line) for line in text.split("\n"))


def render_tokens(tokens: tuple[Token, ...], mention: MentionRenderer | None = None) -> str:
    """HTML for text split into plain strings, marks and mentions; line breaks become <br>.

    Mentions become links with `mention`; without it they are plain text.
    """
    return "".join(_render_token(t, mention) for t in tokens)


def _render_token(token: Token, mention: MentionRenderer | None) -> str:
    if isinstance(token, str):
        return _plain(token)
    if isinstance(token, Mention):
        return mention(token) if mention else _plain(token.text)
    return _render_mark(token, mention)


def _render_mark(mark: Mark, mention: MentionRenderer | None) -> str:
    kind = mark.kind
    return (
        f'<span class="cbl-mark cbl-mark--{kind.id}" tabindex="0" '
        f'aria-describedby="{mark_anchor(kind)}" data-cbl-tip="{escape(kind.name)}: {escape(kind.explanation)}">'
        f"{render_tokens(mark.children, mention)}</span>"
    )


def render_paragraph(item: NumberedParagraph, mention: MentionRenderer | None = None) -> str:
    pid, number = escape(item.id), item.number
    return (
        f'<div class="cbl-para cbl-para--{item.paragraph.style}" id="{pid}">'
        f'<a class="cbl-para__num" href="#{pid}" aria-label="Paragraph {number}">{number}</a>'
        f'<p class="cbl-para__text">{render_tokens(item.tokens, mention)}</p>'
        f'<button type="button" class="cbl-copy cbl-copy--link" data-cbl-copy="link" data-cbl-target="{pid}" '
        f'aria-label="Copy link to paragraph {number}" title="Copy link to paragraph {number}">{_LINK_ICON}</button>'
        "</div>"
    )


def _section_questions(edition: Edition, section: Section) -> str:
    """A link from a section of the text to the questions that rest on it."""
    count = len(edition.questions_on(edition.in_section(section)))
    if not count:
        return ""
    href = relative(page_url(TEXT_PAGE), QUESTIONS_PAGE, f"on-{section.id}")
    return f'<p class="cbl-section-questions"><a href="{href}">{count} discussion question{"s" if count != 1 else ""} on this part</a></p>'


def _render_section(edition: Edition, layer: Layer, section: Section, mention: MentionRenderer) -> str:
    paragraphs = "".join(render_paragraph(p, mention) for p in edition.in_section(section))
    paragraphs += _section_questions(edition, section)
    if section.heading:
        heading = f"### {escape_markdown(section.heading)} {{ #{section.id} .cbl-heading }}\n\n"
        return f'{heading}<div class="cbl-section cbl-layer cbl-layer--{layer.id}">{paragraphs}</div>\n\n'
    return f'<div class="cbl-section cbl-layer cbl-layer--{layer.id}" id="{section.id}">{paragraphs}</div>\n\n'


def render_layer(edition: Edition, layer: Layer, mention: MentionRenderer) -> str:
    heading = f"## {escape_markdown(layer.title)} {{ #{layer.id} .cbl-heading .cbl-heading--{layer.id} }}\n\n"
    about = f'<p class="cbl-layer-about">{render_prose(layer.about)}</p>\n\n'
    return heading + about + "".join(_render_section(edition, layer, s, mention) for s in layer.sections)


def mention_links(edition: Edition, here: str) -> MentionRenderer:
    """Render mentions as links to their glossary entries, from the page at `here`."""
    return lambda m: render_mention(edition, m, here)


def render_cable(edition: Edition) -> str:
    """The whole text, layer by layer, every mention linked to its glossary entry."""
    mention = mention_links(edition, page_url(TEXT_PAGE))
    body = "".join(render_layer(edition, layer, mention) for layer in edition.text.layers)
    mentioned = [e.id for e in edition.entries.values() if e.mentions]
    return body + render_mention_descriptions(edition, mentioned)


def render_mark_legend(edition: Edition) -> str:
    """A list of the kinds of editorial mark, with the ids that the marks' descriptions point to."""
    items = "".join(
        f'<div class="cbl-legend__item"><dt><span class="cbl-mark cbl-mark--{k.id}">'
        f"{escape((k.forms or k.starts_with)[0])}{'' if k.forms else ' …]'}</span> {escape(k.name)}</dt>"
        f'<dd id="{mark_anchor(k)}">{render_prose(k.explanation)}</dd></div>'
        for k in edition.marks.marks
    )
    return f'<dl class="cbl-legend">{items}</dl>\n'
