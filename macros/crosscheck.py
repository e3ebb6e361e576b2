"""Checks of the references between the files in `data/`, run once per build.

Each check raises one `DataError` naming the file, the entry and the field, and
saying what would be valid. Within-file rules (types, required fields) are the
models' job; these are the rules that need more than one file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from . import timeline
from .models_glossary import GLOSSARY_KINDS, Glossary
from .yaml_io import DataError

if TYPE_CHECKING:
    from .edition import Edition
    from .mentions import MentionFinder

__all__ = ["forms_occur", "glossary_forms", "references", "unique", "unique_ids"]


def unique(label: str, what: str, entries: list[tuple[str, str]], note: str = "") -> None:
    """Refuse a value given twice; `entries` pairs each value with where it is defined."""
    places: dict[str, list[str]] = {}
    for value, where in entries:
        places.setdefault(value, []).append(where)
    for value, where in places.items():
        if len(where) > 1:
            why = f"; {note}" if note else ""
            raise DataError(
                f"{label}: duplicate {what} {value!r} (in {' and in '.join(where)}){why}; every one must be unique"
            )


def unique_ids(files: dict) -> None:
    marks, sources, text = files["marks.yml"], files["sources.yml"], files["text.yml"]
    unique("data/marks.yml", "mark kind id", [(m.id, f"kind '{m.id}'") for m in marks.marks])
    unique("data/marks.yml", "mark form", [(f, f"kind '{m.id}'") for m in marks.marks for f in m.forms])
    unique("data/sources.yml", "source id", [(s.id, f"entry {i}") for i, s in enumerate(sources.sources, 1)])
    unique(
        "data/text.yml",
        "id",
        [(layer.id, f"layer '{layer.id}'") for layer in text.layers]
        + [(s.id, f"a section of layer '{layer.id}'") for layer in text.layers for s in layer.sections]
        + [(p.id, f"a paragraph in section '{s.id}'") for layer in text.layers for s in layer.sections for p in s.paragraphs],
        note="layers, sections and paragraphs share one set of anchors",
    )
    unique(
        "data/people.yml, places.yml, units.yml and terms.yml",
        "glossary id",
        [(e.id, f"data/{k.file_name}") for k in GLOSSARY_KINDS for e in files[k.file_name].entries],
        note="mentions refer to entries by id, so ids are shared by all four files",
    )
    unique("data/chronology.yml", "event id", [(e.id, f"entry {i}") for i, e in enumerate(files["chronology.yml"].events, 1)])
    unique("data/clocks.yml", "clock id", [(c.id, f"entry {i}") for i, c in enumerate(files["clocks.yml"].clocks, 1)])
    unique("data/related.yml", "document id", [(d.id, f"entry {i}") for i, d in enumerate(files["related.yml"].documents, 1)])
    unique("data/questions.yml", "question id", [(q.id, f"entry {i}") for i, q in enumerate(files["questions.yml"].questions, 1)])
    unique("data/categories.yml", "category id", [(c.id, f"entry {i}") for i, c in enumerate(files["categories.yml"].categories, 1)])
    unique("data/packets.yml", "packet id", [(p.id, f"entry {i}") for i, p in enumerate(files["packets.yml"].packets, 1)])


def glossary_forms(glossary: dict[str, Glossary]) -> dict[str, str]:
    """Every printed form, mapped to its entry's id; a form may belong to one entry only."""
    entries = [(f, f"entry '{e.id}' of data/{k}.yml") for k, g in glossary.items() for e in g.entries for f in e.forms]
    unique("data/people.yml, places.yml, units.yml and terms.yml", "form", entries,
           note="a printed form can link to one entry only")
    return {f: e.id for g in glossary.values() for e in g.entries for f in e.forms}


def forms_occur(glossary: dict[str, Glossary], finder: "MentionFinder", texts: list[str]) -> None:
    """A form that is not in the text is a typo (or a spelling 'corrected' by mistake)."""
    for kind, entries in glossary.items():
        for i, entry in enumerate(entries.entries, 1):
            for form in entry.forms:
                if not any(finder.occurs(form, t) for t in texts):
                    raise DataError(
                        f"data/{kind}.yml: entry [{i}] (id '{entry.id}'), field 'forms': {form!r} does not occur "
                        "in data/text.yml as a whole word; copy each form exactly as the cable prints it "
                        "(capitals and apostrophes included)"
                    )


def references(edition: "Edition") -> None:
    _document(edition)
    _glossary(edition)
    _chronology(edition)
    _related(edition)
    _teaching(edition)


def _known(entry: str, field_name: str, ids: Iterable[str], is_known, what: str) -> None:
    for value in ids:
        if not is_known(value):
            raise DataError(f"{entry}, field '{field_name}': unknown id {value!r}; it must be one of the {what}")


def _paragraphs(edition: "Edition", entry: str, ids: Iterable[str]) -> None:
    _known(entry, "paragraphs", ids, edition.has_paragraph, "paragraph ids in data/text.yml")


def _sources(edition: "Edition", entry: str, ids: Iterable[str], field_name: str = "sources") -> None:
    _known(entry, field_name, ids, edition.has_source, "source ids in data/sources.yml")


def _entries_of(edition: "Edition", entry: str, field_name: str, ids: Iterable[str], kind: str) -> None:
    def ok(value: str) -> bool:
        found = edition.entries.get(value)
        return found is not None and found.kind.id == kind

    _known(entry, field_name, ids, ok, f"entry ids in data/{kind}.yml")


def _document(edition: "Edition") -> None:
    for step in edition.document.chain:
        entry = f"data/document.yml: chain step '{step.id}'"
        if not step.paragraphs and not step.sources:
            raise DataError(
                f"{entry}: give the cable paragraphs ('paragraphs') or the sources ('sources') "
                "that support this step; a claim without evidence cannot be published"
            )
        _paragraphs(edition, entry, step.paragraphs)
        _sources(edition, entry, step.sources)


def _glossary(edition: "Edition") -> None:
    for item in edition.entries.values():
        entry = f"data/{item.kind.file_name}: entry '{item.id}'"
        _sources(edition, entry, item.entry.sources)
        if item.entry.coordinates and not item.kind.has_coordinates:
            raise DataError(f"{entry}, field 'coordinates': only places have coordinates (data/places.yml)")


def _chronology(edition: "Edition") -> None:
    clock_ids = {c.id for c in edition.clocks.clocks}
    for clock in edition.clocks.clocks:
        _sources(edition, f"data/clocks.yml: clock '{clock.id}'", clock.sources)
    for event in edition.chronology.events:
        entry = f"data/chronology.yml: event '{event.id}'"
        _paragraphs(edition, entry, event.paragraphs)
        _sources(edition, entry, event.sources)
        _sources(edition, entry, [d.source for d in event.disagreements], "disagreements")
        _entries_of(edition, entry, "places", event.places, "places")
        _entries_of(edition, entry, "route", [s.place for s in event.route], "places")
        _entries_of(edition, entry, "people", event.people, "people")
        if event.clock:
            _known(entry, "clock", [event.clock], clock_ids.__contains__, "clock ids in data/clocks.yml")
    _same_day_order(edition)


def _same_day_order(edition: "Edition") -> None:
    """Events sort by date and keep the file's order within a day, so timed events there must be in order."""
    last: dict[str, tuple] = {}
    for event in edition.chronology.events:
        moments = timeline.utc_moments(event, edition.clock)
        if not moments:
            continue
        previous = last.get(event.date)
        if previous and min(moments) < min(previous[1]):
            raise DataError(
                f"data/chronology.yml: event '{event.id}', field 'time': {event.time} comes before event "
                f"'{previous[0]}' of the same day; move it above that event so the day reads in order"
            )
        last[event.date] = (event.id, moments)


def _related(edition: "Edition") -> None:
    for document in edition.related.documents:
        entry = f"data/related.yml: document '{document.id}'"
        _paragraphs(edition, entry, document.paragraphs)
        _sources(edition, entry, document.sources)


def _teaching(edition: "Edition") -> None:
    for question in edition.questions.questions:
        entry = f"data/questions.yml: question '{question.id}'"
        _paragraphs(edition, entry, question.paragraphs)
        _sources(edition, entry, question.sources)
    for category in edition.categories.categories:
        entry = f"data/categories.yml: category '{category.id}'"
        _entries_of(edition, entry, "places", category.places, "places")
        for field_name in ("conduct", "examples", "named_units", "population", "policy"):
            value = getattr(category, field_name)
            for quote in value if isinstance(value, list) else [value]:
                _paragraphs(edition, f"{entry}, field '{field_name}'", [quote.paragraph])
                if quote.quote not in edition.paragraph(quote.paragraph).paragraph.text:
                    raise DataError(
                        f"{entry}, field '{field_name}': the quotation {quote.quote!r} is not in paragraph "
                        f"'{quote.paragraph}'; copy the words exactly as the cable prints them"
                    )
    for i, guide in enumerate(edition.categories.reading_guide, 1):
        _sources(edition, f"data/categories.yml: reading_guide[{i}]", guide.sources)
    known_questions = {q.id for q in edition.questions.questions}
    for packet in edition.packets.packets:
        entry = f"data/packets.yml: packet '{packet.id}'"
        _known(entry, "passages", packet.passages, lambda p: bool(edition.passage(p)),
               "paragraph, section or layer ids in data/text.yml")
        _known(entry, "questions", packet.questions, known_questions.__contains__, "question ids in data/questions.yml")
