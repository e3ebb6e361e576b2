"""What an entry must give, beyond ids that exist (macros.checks.references has checked those):

- a step of the document's chain gives its evidence: paragraphs or sources;
- only entries of a located glossary kind have coordinates or a map label;
- an event gives the evidence its kind asks for (its paragraphs, or its sources);
- the words and questions shown beside the document's journey have a journey to stand beside;
- a category of the matrix says what the text does not say where a row needs it, and its
  silence and inference do not repeat the label the page prints before them;
- packets come with the questions they ask, and a corroboration chart with a document to test;
- a lesson's steps add up to its length, and its adapted sentences come from its packet's passages.
"""

from __future__ import annotations

import re

from ..files.errors import DataError
from ..files.read import Files
from .where import at, paragraph_locs, refuse_unknown

__all__ = ["check"]

_LABEL_LEAD = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+)*")  # a label's opening words, up to a bracket or colon


def check(files: Files) -> None:
    _chain_steps_give_evidence(files)
    _coordinates_only_where_located(files)
    _events_give_their_kinds_evidence(files)
    _journey_words_need_a_journey(files)
    _categories_explain_their_silences(files)
    _packets_have_questions_and_documents(files)
    _lessons_fit_their_time_and_packet(files)


def _chain_steps_give_evidence(files: Files) -> None:
    for i, step in enumerate(files.model("document.yml").chain):
        if not step.paragraphs and not step.sources:
            raise DataError(
                f"{at(files, 'document.yml', ('chain', i))}: give the paragraphs of the text ('paragraphs') or the sources "
                "('sources') that support this step; a claim without evidence cannot be published"
            )


def _coordinates_only_where_located(files: Files) -> None:
    located = {k.id for k in files.site.glossary.kinds if k.located}
    for kind, glossary in files.glossary().items():
        for i, entry in enumerate(glossary.entries):
            for field in ("coordinates", "map_label"):
                if getattr(entry, field) is not None and kind not in located:
                    raise DataError(
                        f"{at(files, f'{kind}.yml', ('entries', i), field)}: only entries of a located kind have "
                        f"{field.replace('_', ' ')} (located kinds: {', '.join(sorted(located)) or 'none in data/site.yml'})"
                    )


def _events_give_their_kinds_evidence(files: Files) -> None:
    chronology = files.model("chronology.yml")
    kinds = {k.id: k for k in chronology.kinds} if chronology else {}
    for i, event in enumerate(chronology.events if chronology else []):
        kind, where = kinds[event.kind], at(files, "chronology.yml", ("events", i))
        if kind.evidence == "paragraphs" and not event.paragraphs:
            raise DataError(f"{where}: a '{kind.id}' event must give the 'paragraphs' of the text it comes from")
        if kind.evidence == "sources" and not event.sources:
            raise DataError(f"{where}: a '{kind.id}' event must cite its 'sources' (ids in data/sources.yml)")


def _journey_words_need_a_journey(files: Files) -> None:
    """What the page shows beside the journey (its sentence, its questions) needs a journey."""
    chronology = files.model("chronology.yml")
    if chronology is None:
        return
    journey_kinds = {k.id for k in chronology.kinds if k.journey}
    if any(e.kind in journey_kinds for e in chronology.events):
        return
    for field in ("journey_intro", "journey_questions"):
        if getattr(chronology, field):
            raise DataError(
                f"{at(files, 'chronology.yml', (), field)}: it is shown beside the document's journey, but no event here is "
                "of a kind marked 'journey: true'; remove it, or mark the kind of the journey's events"
            )


def _categories_explain_their_silences(files: Files) -> None:
    categories = files.model("categories.yml")
    for i, category in enumerate(categories.categories if categories else []):
        loc = ("categories", i)
        for row in categories.rows:
            if row.silence_needed and not category.quotes.get(row.id) and not category.silence:
                raise DataError(
                    f"{at(files, 'categories.yml', loc)}: nothing is quoted for '{row.id}', so 'silence' must "
                    "say what the text does and does not say"
                )
        for field, label in (("silence", categories.silence_label), ("inference", categories.inference_label)):
            _refuse_repeated_label(files, loc, field, getattr(category, field), label)


def _refuse_repeated_label(files: Files, loc: tuple, field: str, text: str | None, label: str) -> None:
    """The page prints the label before the text: text that opens with the label's own words would
    read "Our reading (an inference, …): Our reading: …"."""
    lead = _LABEL_LEAD.match(label)
    if text and lead and text.casefold().startswith(lead.group(0).casefold()):
        raise DataError(
            f"{at(files, 'categories.yml', loc, field)}: it begins with '{lead.group(0)}', which the page already "
            f"prints before it ('{field}_label: {label}'); leave those words out"
        )


def _packets_have_questions_and_documents(files: Files) -> None:
    packets = files.model("packets.yml")
    if packets and not files.model("questions.yml"):
        raise DataError("data/packets.yml: packets ask questions, but there is no data/questions.yml")
    for i, packet in enumerate(packets.packets if packets else []):
        if "corroboration" in packet.organizers and not packet.documents:
            raise DataError(f"{at(files, 'packets.yml', ('packets', i), 'organizers')}: a 'corroboration' chart needs a "
                            "document to test the text against ('documents')")


def _lessons_fit_their_time_and_packet(files: Files) -> None:
    lessons, packets = files.model("lessons.yml"), files.model("packets.yml")
    by_id = {p.id: p for p in packets.packets} if packets else {}
    for i, lesson in enumerate(lessons.lessons if lessons else []):
        loc, name = ("lessons", i), "lessons.yml"
        planned = sum(step.minutes for step in lesson.procedure)
        if planned != lesson.minutes:
            raise DataError(
                f"{at(files, name, loc, 'procedure')}: the steps take {planned} minutes, the lesson {lesson.minutes}; "
                "make the timings add up to the lesson's length"
            )
        if lesson.adaptation and lesson.packet in by_id:  # without packets the lessons part is left out
            beside = _packet_paragraphs(files, by_id[lesson.packet].passages)
            for j, sentence in enumerate(lesson.adaptation.sentences):
                refuse_unknown(files, name, loc + ("adaptation", "sentences", j), "paragraph", [sentence.paragraph], beside,
                               f"paragraphs of the lesson's packet '{lesson.packet}', which the adaptation sits beside")


def _packet_paragraphs(files: Files, passages: list[str]) -> set[str]:
    found = set()
    for _, layer, section, paragraph in paragraph_locs(files.model("text.yml")):
        if {paragraph.id, section.id, layer.id} & set(passages):
            found.add(paragraph.id)
    return found
