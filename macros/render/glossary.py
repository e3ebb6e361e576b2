"""The glossary: one page per kind of entry, the overview, and how to read an entry."""

from __future__ import annotations

from ..templating.environment import Renderer

__all__ = ["render_glossary_intro", "render_glossary_kind", "render_glossary_overview"]


def render_glossary_kind(renderer: Renderer, here: str, kind_id: str) -> str:
    kind = next(k for k in renderer.edition.kinds if k.id == kind_id)
    return renderer.render("glossary-kind.html", here, kind=kind)


def render_glossary_intro(renderer: Renderer, here: str) -> str:
    return renderer.render("glossary-intro.html", here)


def render_glossary_overview(renderer: Renderer, here: str) -> str:
    return renderer.render("glossary-overview.html", here)
