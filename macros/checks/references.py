"""Every reference from one file to another resolves: paragraph, source, glossary, clock,
question, skill, level, kind and document ids, and the `[[id]]` references in prose."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..files.errors import DataError
from ..files.read import Files
from ..files.walk import free_text
from .where import at, paragraph_locs, refuse_unknown

__all__ = ["REFERENCE", "check"]

# `[[s2-policy-first]]`, `[[wilson-record]]`, `[[hami|Kumul]]`: a reference in prose (see markup).
REFERENCE = re.compile(r"\[\[([^\[\]|]*)(?:\|([^\[\]]*))?\]\]")

PARAGRAPHS = "paragraph ids in data/text.yml"
_LABEL_LEAD = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+)*")  # a label's opening words, up to a bracket or colon
SOURCES = "source ids in data/sources.yml"
STANDARDS = "standard ids in data/standards.yml"


@dataclass(frozen=True)
class _Index:
    paragraphs: set[str]
    passages: set[str]  # paragraphs, sections and layers
    sources: set[str]
    entries: dict[str, str]  # entry id -> kind id
    located: set[str]  # kind ids whose entries have coordinates

    def located_entry(self, entry_id: str) -> bool:
        return self.entries.get(entry_id) in self.located

    def unlocated_entry(self, entry_id: str) -> bool:
        return entry_id in self.entries and self.entries[entry_id] not in self.located


def _index(files: Files) -> _Index:
    text = files.model("text.yml")
    paragraphs = {p.id for _, _, _, p in paragraph_locs(text)}
    sections = {s.id for layer in text.layers for s in layer.sections}
    return _Index(
        paragraphs=paragraphs,
        passages=paragraphs | sections | {layer.id for layer in text.layers},
        sources={s.id for s in files.model("sources.yml").sources},
        entries={e.id: kind for kind, g in files.glossary().items() for e in g.entries},
        located={k.id for k in files.site.glossary.kinds if k.located},
    )


def check(files: Files) -> None:
    index = _index(files)
    _document(files, index)
    _glossary(files, index)
    _chronology(files, index)
    _related(files, index)
    _teaching(files, index)
    _lessons(files, index)
    _prose_references(files, index)


def _document(files: Files, index: _Index) -> None:
    for i, step in enumerate(files.model("document.yml").chain):
        loc = ("chain", i)
        if not step.paragraphs and not step.sources:
            raise DataError(
                f"{at(files, 'document.yml', loc)}: give the paragraphs of the text ('paragraphs') or the sources "
                "('sources') that support this step; a claim without evidence cannot be published"
            )
        refuse_unknown(files, "document.yml", loc, "paragraphs", step.paragraphs, index.paragraphs, PARAGRAPHS)
        refuse_unknown(files, "document.yml", loc, "sources", step.sources, index.sources, SOURCES)


def _glossary(files: Files, index: _Index) -> None:
    for kind, glossary in files.glossary().items():
        name = f"{kind}.yml"
        for i, entry in enumerate(glossary.entries):
            refuse_unknown(files, name, ("entries", i), "sources", entry.sources, index.sources, SOURCES)
            for field in ("coordinates", "map_label"):
                if getattr(entry, field) is not None and kind not in index.located:
                    located = ", ".join(sorted(index.located)) or "none in data/site.yml"
                    raise DataError(
                        f"{at(files, name, ('entries', i), field)}: only entries of a located kind have {field.replace('_', ' ')} "
                        f"(located kinds: {located})"
                    )
    clocks = files.model("clocks.yml")
    for i, clock in enumerate(clocks.clocks if clocks else []):
        refuse_unknown(files, "clocks.yml", ("clocks", i), "sources", clock.sources, index.sources, SOURCES)


def _chronology(files: Files, index: _Index) -> None:
    chronology = files.model("chronology.yml")
    if chronology is None:
        return
    kinds = {k.id: k for k in chronology.kinds}
    clocks = files.model("clocks.yml")
    clock_ids = {c.id for c in clocks.clocks} if clocks else set()
    located = "entry ids of a located glossary kind (" + ", ".join(f"data/{k}.yml" for k in sorted(index.located)) + ")"
    for i, event in enumerate(chronology.events):
        loc, name = ("events", i), "chronology.yml"
        refuse_unknown(files, name, loc, "kind", [event.kind], kinds, "kinds at the top of data/chronology.yml: " + ", ".join(kinds))
        kind = kinds[event.kind]
        if kind.evidence == "paragraphs" and not event.paragraphs:
            raise DataError(f"{at(files, name, loc)}: a '{kind.id}' event must give the 'paragraphs' of the text it comes from")
        if kind.evidence == "sources" and not event.sources:
            raise DataError(f"{at(files, name, loc)}: a '{kind.id}' event must cite its 'sources' (ids in data/sources.yml)")
        refuse_unknown(files, name, loc, "paragraphs", event.paragraphs, index.paragraphs, PARAGRAPHS)
        refuse_unknown(files, name, loc, "sources", event.sources, index.sources, SOURCES)
        refuse_unknown(files, name, loc, "disagreements", [d.source for d in event.disagreements], index.sources, SOURCES)
        refuse_unknown(files, name, loc, "places", event.places, index.located_entry, located)
        refuse_unknown(files, name, loc, "route", [s.place for s in event.route], index.located_entry, located)
        refuse_unknown(files, name, loc, "people", event.people, index.unlocated_entry,
                       "entry ids of a glossary kind that is not located (people, units, ...)")
        if event.clock:
            if clocks is None:
                raise DataError(f"{at(files, name, loc, 'clock')}: the event names a clock, but there is no data/clocks.yml")
            refuse_unknown(files, name, loc, "clock", [event.clock], clock_ids, "clock ids in data/clocks.yml")
    _journey_words(files, chronology)


def _journey_words(files: Files, chronology) -> None:
    """What the page shows beside the journey needs a journey; its questions must be questions. Without
    data/questions.yml the boxes are left out, as a deleted part leaves out what needs it."""
    name = "chronology.yml"
    journey_kinds = {k.id for k in chronology.kinds if k.journey}
    has_journey = any(e.kind in journey_kinds for e in chronology.events)
    for field in ("journey_intro", "journey_questions"):
        if getattr(chronology, field) and not has_journey:
            raise DataError(
                f"{at(files, name, (), field)}: it is shown beside the document's journey, but no event here is of a kind "
                "marked 'journey: true'; remove it, or mark the kind of the journey's events"
            )
    questions = files.model("questions.yml")
    if questions:
        refuse_unknown(files, name, (), "journey_questions", chronology.journey_questions, {q.id for q in questions.questions},
                       "question ids in data/questions.yml")


def _related(files: Files, index: _Index) -> None:
    related = files.model("related.yml")
    for i, document in enumerate(related.documents if related else []):
        loc = ("documents", i)
        refuse_unknown(files, "related.yml", loc, "paragraphs", document.paragraphs, index.paragraphs, PARAGRAPHS)
        refuse_unknown(files, "related.yml", loc, "sources", document.sources, index.sources, SOURCES)
        if document.excerpt:
            refuse_unknown(files, "related.yml", loc + ("excerpt",), "names", document.excerpt.names.values(), index.entries,
                           "glossary entry ids")


def _teaching(files: Files, index: _Index) -> None:
    questions = files.model("questions.yml")
    skills = [s.id for s in questions.skills] if questions else []
    levels = [level.id for level in questions.levels] if questions else []
    for i, question in enumerate(questions.questions if questions else []):
        loc, name = ("questions", i), "questions.yml"
        refuse_unknown(files, name, loc, "skill", [question.skill], skills, "skills at the top of data/questions.yml: " + ", ".join(skills))
        refuse_unknown(files, name, loc, "level", [question.level], levels, "levels at the top of data/questions.yml: " + ", ".join(levels))
        refuse_unknown(files, name, loc, "paragraphs", question.paragraphs, index.paragraphs, PARAGRAPHS)
        refuse_unknown(files, name, loc, "sources", question.sources, index.sources, SOURCES)
    categories = files.model("categories.yml")
    if categories:
        rows = {r.id: r for r in categories.rows}
        quote_rows = ", ".join(r.id for r in categories.rows if r.shows == "quotes")
        for i, category in enumerate(categories.categories):
            loc = ("categories", i)
            refuse_unknown(files, "categories.yml", loc, "places", category.places, index.located_entry,
                           "entry ids of a located glossary kind")
            refuse_unknown(files, "categories.yml", loc, "quotes", category.quotes,
                           lambda r: r in rows and rows[r].shows == "quotes", f"rows of quotations: {quote_rows}")
            for row in categories.rows:
                if row.silence_needed and not category.quotes.get(row.id) and not category.silence:
                    raise DataError(
                        f"{at(files, 'categories.yml', loc)}: nothing is quoted for '{row.id}', so 'silence' must "
                        "say what the text does and does not say"
                    )
            for field, label in (("silence", categories.silence_label), ("inference", categories.inference_label)):
                _refuse_repeated_label(files, loc, field, getattr(category, field), label)
        for i, guide in enumerate(categories.reading_guide):
            refuse_unknown(files, "categories.yml", ("reading_guide", i), "sources", guide.sources, index.sources, SOURCES)
    packets = files.model("packets.yml")
    if packets and not questions:
        raise DataError("data/packets.yml: packets ask questions, but there is no data/questions.yml")
    related = files.model("related.yml")
    excerpts = {d.id for d in related.documents if d.excerpt} if related else set()
    for i, packet in enumerate(packets.packets if packets else []):
        loc, name = ("packets", i), "packets.yml"
        refuse_unknown(files, name, loc, "passages", packet.passages, index.passages,
                       "paragraph, section or layer ids in data/text.yml")
        refuse_unknown(files, name, loc, "questions", packet.questions, {q.id for q in questions.questions},
                       "question ids in data/questions.yml")
        if packet.level:
            refuse_unknown(files, name, loc, "level", [packet.level], levels, "levels in data/questions.yml")
        # A part deleted (no related.yml, no categories.yml) leaves out what needs it, the documents
        # or the categories chart (macros.views.packets); a wrong id in a file that exists is refused.
        if related:
            refuse_unknown(files, name, loc, "documents", packet.documents, excerpts,
                           "ids of documents in data/related.yml that have an 'excerpt'")
        if "corroboration" in packet.organizers and not packet.documents:
            raise DataError(f"{at(files, name, loc, 'organizers')}: a 'corroboration' chart needs a document to test "
                            "the text against ('documents')")


def _lessons(files: Files, index: _Index) -> None:
    background = files.model("background.yml")
    for i, paragraph in enumerate(background.paragraphs if background else []):
        refuse_unknown(files, "background.yml", ("paragraphs", i), "sources", paragraph.sources, index.sources, SOURCES)
    lessons = files.model("lessons.yml")
    if lessons is None:
        return
    packets = files.model("packets.yml")
    by_id = {p.id: p for p in packets.packets} if packets else {}
    questions = files.model("questions.yml")
    levels = [level.id for level in questions.levels] if questions else []
    standards = files.model("standards.yml")
    standard_ids = {s.id for f in standards.frameworks for s in f.standards} if standards else set()
    for i, framework in enumerate(standards.frameworks if standards else []):
        refuse_unknown(files, "standards.yml", ("frameworks", i), "source", [framework.source], index.sources, SOURCES)
    for i, lesson in enumerate(lessons.lessons):
        loc, name = ("lessons", i), "lessons.yml"
        planned = sum(step.minutes for step in lesson.procedure)
        if planned != lesson.minutes:
            raise DataError(
                f"{at(files, name, loc, 'procedure')}: the steps take {planned} minutes, the lesson {lesson.minutes}; "
                "make the timings add up to the lesson's length"
            )
        if not packets:
            return  # without packets the lessons part is left out (macros.views.parts)
        refuse_unknown(files, name, loc, "packet", [lesson.packet], by_id, "packet ids in data/packets.yml")
        refuse_unknown(files, name, loc, "level", [lesson.level], levels, "levels in data/questions.yml")
        refuse_unknown(files, name, loc, "sources", lesson.sources, index.sources, SOURCES)
        refuse_unknown(files, name, loc, "standards", lesson.standards, standard_ids, STANDARDS)
        refuse_unknown(files, name, loc + ("assessment",), "paragraphs", lesson.assessment.paragraphs, index.paragraphs, PARAGRAPHS)
        if lesson.adaptation:
            text = files.model("text.yml")
            packet_paragraphs = _packet_paragraphs(text, by_id[lesson.packet].passages)
            for j, sentence in enumerate(lesson.adaptation.sentences):
                sloc = loc + ("adaptation", "sentences", j)
                refuse_unknown(files, name, sloc, "paragraph", [sentence.paragraph], packet_paragraphs,
                               f"paragraphs of the lesson's packet '{lesson.packet}', which the adaptation sits beside")


def _packet_paragraphs(text, passages: list[str]) -> set[str]:
    found = set()
    for _, layer, section, paragraph in paragraph_locs(text):
        if {paragraph.id, section.id, layer.id} & set(passages):
            found.add(paragraph.id)
    return found


def _prose_references(files: Files, index: _Index) -> None:
    """`[[id]]` in prose names a paragraph, section, layer, source or glossary entry; nothing else."""
    known = index.passages | index.sources | set(index.entries)
    for name, model in files.models.items():
        for loc, kind, value in free_text(model):
            if kind != "prose":
                continue
            _refuse_broken_reference(files, name, loc, value)
            for match in REFERENCE.finditer(value):
                target = match.group(1)
                owners = [what for what, ids in (("the text", index.passages), ("sources", index.sources),
                                                 ("the glossary", set(index.entries))) if target in ids]
                if len(owners) > 1:
                    raise DataError(
                        f"data/{name}: the reference [[{target}]] is an id in both {' and '.join(owners)}; "
                        "rename one of them so that the reference is clear"
                    )
                if target not in known:
                    raise DataError(
                        f"{_where(files, name, loc)}: the reference [[{target}]] names nothing; write "
                        "[[id]] with the id of a paragraph, section, layer, source or glossary entry "
                        "(and [[id|words]] to choose the words shown)"
                    )


def _refuse_repeated_label(files: Files, loc: tuple, field: str, text: str | None, label: str) -> None:
    """The page prints the label before the text: text that opens with the label's own words would
    read "Our reading (an inference, …): Our reading: …"."""
    lead = _LABEL_LEAD.match(label)
    if text and lead and text.casefold().startswith(lead.group(0).casefold()):
        raise DataError(
            f"{at(files, 'categories.yml', loc, field)}: it begins with '{lead.group(0)}', which the page already "
            f"prints before it ('{field}_label: {label}'); leave those words out"
        )


def _where(files: Files, name: str, loc: tuple) -> str:
    """The entry and the field (a dotted path within the entry) of a free-text value."""
    entry, field = loc[:-1], loc[-1]
    while entry and not isinstance(entry[-1], int):
        entry, field = entry[:-1], f"{entry[-1]}.{field}"
    return at(files, name, entry, str(field))


def _refuse_broken_reference(files: Files, name: str, loc: tuple, value: str) -> None:
    """Every '[[' opens a whole reference: words with brackets or a link in them
    (`[[ghulja|[Ghulja](https://...)]]`) would make a link inside a link, or show as typed."""
    covered = {m.start() for m in REFERENCE.finditer(value)}
    start = value.find("[[")
    while start != -1:
        if start not in covered and not (start - 1 in covered and value[start - 1:start + 1] == "[["):
            raise DataError(
                f"{_where(files, name, loc)}: the '[[' at character {start + 1} does not open a reference; write "
                "[[id]] or [[id|words]], with plain words (no brackets, no link) after the '|'"
            )
        start = value.find("[[", start + 1)
