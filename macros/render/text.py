"""The text: its layers, sections and paragraphs, and the legend of its editorial marks."""

from __future__ import annotations

from ..templating.environment import Renderer

__all__ = ["render_home_cards", "render_mark_legend", "render_text"]


def render_text(renderer: Renderer, here: str) -> str:
    return renderer.render("text.html", here)


def render_mark_legend(renderer: Renderer, here: str) -> str:
    return renderer.render("mark-legend.html", here) if renderer.edition.marks else ""


def render_home_cards(renderer: Renderer, here: str, pages: set[str], repository: str | None) -> str:
    """The home page's ways in, one card per audience (data/site.yml, 'home')."""
    return renderer.render("home-cards.html", here, cards=renderer.edition.site.home, pages=pages, repository=repository)
