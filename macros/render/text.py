"""The text: its layers, sections and paragraphs, and the legend of its editorial marks."""

from __future__ import annotations

from ..templating.environment import Renderer

__all__ = ["render_mark_legend", "render_text"]


def render_text(renderer: Renderer, here: str) -> str:
    return renderer.render("text.html", here)


def render_mark_legend(renderer: Renderer, here: str) -> str:
    return renderer.render("mark-legend.html", here) if renderer.edition.marks else ""
