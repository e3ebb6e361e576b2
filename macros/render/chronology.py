"""The chronology, the document's journey and the related documents.

The timeline is an ordered list that reads top to bottom without JavaScript; its kinds can
be shown or hidden with checkboxes that work through CSS alone. Elapsed times on the
journey are computed here (`macros.matching.clock`), never typed.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..files.models.chronology import Event
from ..matching import clock
from ..templating.environment import Renderer
from ..views.edition import Edition

__all__ = ["render_journey", "render_related", "render_timeline"]


def render_timeline(renderer: Renderer, here: str) -> str:
    edition = renderer.edition
    return renderer.render("timeline.html", here, events=edition.events(), kinds=edition.part("chronology.yml").kinds)


@dataclass(frozen=True)
class Gap:
    reference: int  # the step number it is counted from
    elapsed: str
    exact: bool
    same_day: bool


@dataclass(frozen=True)
class JourneyStep:
    event: Event
    gap: Gap | None


def _gap(edition: Edition, steps: list[Event], i: int) -> Gap:
    """How long after an earlier step this one came: from the last step with a clock time when both
    have one (so a step with only a date in between does not blur it), else from the step before."""
    step = steps[i]
    reference = i - 1
    if clock.utc_moments(step, edition.clock):
        timed = [j for j in range(i) if clock.utc_moments(steps[j], edition.clock)]
        if timed:
            reference = timed[-1]
    gap = clock.elapsed(steps[reference], step, edition.clock)
    return Gap(reference + 1, str(gap), gap.exact, not gap.exact and gap.longest.days == 0)


def render_journey(renderer: Renderer, here: str) -> str:
    """The chain from the first step of the journey to the last, with the time between steps, under
    its heading; nothing where the chronology has no journey. Its questions are shown where the
    site has data/questions.yml (the checks made sure each id is one of them)."""
    edition = renderer.edition
    steps = edition.journey()
    if not steps:
        return ""
    views = [JourneyStep(e, _gap(edition, steps, i) if i else None) for i, e in enumerate(steps)]
    total = str(clock.elapsed(steps[0], steps[-1], edition.clock)) if len(steps) > 1 else None
    chronology = edition.part("chronology.yml")
    questions = [edition.question(q) for q in chronology.journey_questions] if edition.questions() else []
    return renderer.render("journey.html", here, steps=views, total=total, clocks=edition.journey_clocks(),
                           intro=chronology.journey_intro, questions=questions)


def render_related(renderer: Renderer, here: str) -> str:
    documents = sorted(renderer.edition.part("related.yml").documents, key=lambda d: d.date)
    return renderer.render("related.html", here, documents=documents)
