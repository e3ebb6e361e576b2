"""A handout holds what it asks about, and a lesson's plan gives time to what its handout prints.

- Every paragraph that a packet's or a lesson's questions, charts or writing task rest on is among
  the passages its handout prints (the packet's `passages`): a question about ¶ 13 on a handout
  that prints only ¶ 12 cannot be answered from it. The sourcing chart for the document rests on
  the paragraphs of its chain of transmission (data/document.yml), the categories chart on the
  paragraphs data/categories.yml quotes; a document's own chart rests on its excerpt.
- A lesson's steps name only documents its packet has (Document B, C) and only questions that
  exist; one step is the class's discussion of the lesson's question, and one the writing task.
"""

from __future__ import annotations

from ..files.errors import DataError
from ..files.models.lessons import Lesson
from ..files.models.teaching import Packet
from ..files.read import Files
from .where import at, paragraph_locs

__all__ = ["check"]

LETTERS = ("b", "c", "d")  # a packet's documents, in order: Document B, C, D


def check(files: Files) -> None:
    packets = files.model("packets.yml")
    questions = files.model("questions.yml")
    if not packets or not questions:
        return  # no handouts (packets without questions are refused: macros.checks.entry_rules)
    numbers = {p.id: n for n, (_, _, _, p) in enumerate(paragraph_locs(files.model("text.yml")), 1)}
    rests_on = {q.id: q.paragraphs for q in questions.questions}
    charts = _chart_paragraphs(files)
    by_id = {p.id: p for p in packets.packets}
    for i, packet in enumerate(packets.packets):
        printed = _printed(files, packet)
        loc = ("packets", i)
        for question in packet.questions:
            _must_print(files, "packets.yml", loc, "questions", f"question '{question}'", rests_on.get(question, []),
                        printed, numbers, packet.id)
        for organizer in packet.organizers:
            _must_print(files, "packets.yml", loc, "organizers", f"the {organizer} chart", charts.get(organizer, []),
                        printed, numbers, packet.id)
    lessons = files.model("lessons.yml")
    for i, lesson in enumerate(lessons.lessons if lessons else []):
        if lesson.packet in by_id:  # an unknown packet is refused by the references check
            _lesson(files, ("lessons", i), lesson, by_id[lesson.packet], rests_on, charts, numbers)


def _lesson(files: Files, loc: tuple, lesson: Lesson, packet: Packet, rests_on: dict, charts: dict, numbers: dict) -> None:
    name = "lessons.yml"
    printed = _printed(files, packet)
    documents = {f"document-{letter}" for letter, _ in zip(LETTERS, packet.documents)}
    has_documents = f"the packet '{packet.id}' has " + (
        ", ".join(f"Document {d[-1].upper()}" for d in sorted(documents)) if documents else "no documents (data/packets.yml, 'documents')"
    )
    for j, step in enumerate(lesson.procedure):
        sloc = loc + ("procedure", j)
        for reading in step.reads:
            if reading.startswith("document-") and reading not in documents:
                raise DataError(f"{at(files, name, sloc, 'reads')}: '{reading}' is not on the handout: {has_documents}")
        for chart in step.charts:
            about = chart.removeprefix("sourcing-") if chart.startswith("sourcing-") else None
            if about and about not in documents:
                raise DataError(f"{at(files, name, sloc, 'charts')}: '{chart}' is a chart for a document the handout does not print: {has_documents}")
            if chart == "corroboration" and not documents:
                raise DataError(f"{at(files, name, sloc, 'charts')}: a corroboration chart tests the text against another document, and {has_documents}")
            # Without data/categories.yml (or related.yml) the chart is left out, as the part is
            # (macros.views.packets), like any other use of a deleted part.
            _must_print(files, name, sloc, "charts", f"the {chart} chart", charts.get(chart, []), printed, numbers, packet.id)
        for question in step.questions:  # each an id in data/questions.yml (macros.checks.references)
            _must_print(files, name, sloc, "questions", f"question '{question}'", rests_on[question], printed, numbers, packet.id)
    _must_print(files, name, loc + ("assessment",), "paragraphs", "the writing task", lesson.assessment.paragraphs, printed,
                numbers, packet.id)
    for flag, what in (("central_question", "the whole class discusses the lesson's question"), ("task", "students write the task")):
        if not any(getattr(step, flag) for step in lesson.procedure):
            raise DataError(
                f"{at(files, name, loc, 'procedure')}: no step gives time to it: mark the step in which {what} "
                f"with '{flag}: true'"
            )


def _printed(files: Files, packet: Packet) -> set[str]:
    """The paragraphs a packet's handout prints: its passages (paragraph, section or layer ids)."""
    wanted = set(packet.passages)
    return {p.id for _, layer, section, p in paragraph_locs(files.model("text.yml")) if {p.id, section.id, layer.id} & wanted}


def _chart_paragraphs(files: Files) -> dict[str, list[str]]:
    """What each chart about the text rests on: the sourcing chart on the chain of transmission, the
    categories chart on the paragraphs it quotes."""
    found = {"sourcing": list(dict.fromkeys(p for step in files.model("document.yml").chain for p in step.paragraphs))}
    categories = files.model("categories.yml")
    if categories:
        found["categories"] = list(dict.fromkeys(
            q.paragraph for c in categories.categories for quotes in c.quotes.values() for q in quotes
        ))
    return found


def _must_print(files: Files, name: str, loc: tuple, field: str, what: str, needed: list[str], printed: set[str],
                numbers: dict[str, int], packet: str) -> None:
    missing = [p for p in needed if p not in printed and p in numbers]
    if missing:
        listed = ", ".join(f"¶ {numbers[p]} ({p})" for p in sorted(missing, key=numbers.get))
        raise DataError(
            f"{at(files, name, loc, field)}: {what} rests on {listed}, which the handout does not print; add "
            f"{'it' if len(missing) == 1 else 'them'} to the passages of packet '{packet}' (data/packets.yml), "
            f"or leave {what} out"
        )
