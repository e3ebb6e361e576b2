"""The text: its layers, sections and paragraphs, and the legend of its editorial marks."""

from __future__ import annotations

from ..files.validate import entry_name
from ..templating.environment import Renderer
from ..views.parts import PARTS

__all__ = ["render_home_cards", "render_mark_legend", "render_text"]


def render_text(renderer: Renderer, here: str) -> str:
    return renderer.render("text.html", here)


def render_mark_legend(renderer: Renderer, here: str) -> str:
    return renderer.render("mark-legend.html", here) if renderer.edition.marks else ""


def render_home_cards(renderer: Renderer, here: str, pages: set[str], repository: str | None) -> str:
    """The home page's ways in, one card per audience (data/site.yml, 'home'). A link to an
    optional part the site does not have is left out; any other page must exist (a misspelt
    'mapp.md' would otherwise vanish as if the part were absent)."""
    optional = {part.page for part in PARTS}
    files = renderer.edition.files
    for i, card in enumerate(renderer.edition.site.home):
        for j, home_link in enumerate(card.links):
            if home_link.page not in pages and home_link.page not in optional:
                loc = ("home", i, "links", j)
                line = files.line("site.yml", loc + ("page",))
                raise ValueError(
                    f"data/site.yml{f', line {line}' if line else ''}: entry {entry_name(files.located['site.yml'].data, loc)}, "
                    f"field 'page': {home_link.page!r} is not a page of this site; name a file under docs/ "
                    "(e.g. 'text.md') or a page the data makes (e.g. 'glossary/people.md')"
                )
    return renderer.render("home-cards.html", here, cards=renderer.edition.site.home, pages=pages, repository=repository)
