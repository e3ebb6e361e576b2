"""Lessons and the background reading: a lesson's page is its plan (instructor edition) and the
student handout (question, background, passages, Document B, charts, questions, task)."""

from __future__ import annotations

from .. import links
from ..templating.environment import Renderer
from ..views import citation
from ..views.handouts import lesson_handout
from ..views.reading import reading_levels

__all__ = ["render_background", "render_instructor_access", "render_lesson_list", "render_lesson_page"]


def render_background(renderer: Renderer, here: str) -> str:
    return renderer.render("background-reading.html", here, background=renderer.edition.part("background.yml"))


def render_lesson_list(renderer: Renderer, here: str) -> str:
    return renderer.render("lesson-list.html", here, lessons=renderer.edition.lessons())


def render_lesson_page(renderer: Renderer, here: str, lesson_id: str, published: bool) -> str:
    """A lesson's page: its plan (instructor edition) and the handout its plan's steps use."""
    edition = renderer.edition
    handout = lesson_handout(edition, edition.lesson(lesson_id))
    return renderer.render(
        "lesson-page.html", here, h=handout, published=published,
        levels=reading_levels(handout) if renderer.instructor else [],
        address=links.public_address(renderer.site_url, links.lesson_page(lesson_id)),
        citation=citation.chicago(edition.document),
    )


def render_instructor_access(renderer: Renderer, here: str, published: bool, protected: bool, repository: str | None) -> str:
    """The page "For instructors": what the instructor edition holds and how to reach it."""
    edition = renderer.edition
    return renderer.render(
        "instructor-access.html", here, published=published, protected=protected, repository=repository,
        lessons=edition.lessons() if edition.packets() else [],
        has_notes=any(q.instructor_notes for q in edition.questions()),
        has_checks=any(s.checked for s in edition.sources),
    )
