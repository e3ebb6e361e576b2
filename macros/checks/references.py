"""Every reference resolves: each id a field declares as a reference (`RefersTo`,
macros.files.reference_fields) names something of its kind, and each `[[id]]` in prose names a
paragraph, section, layer, source or glossary entry.

The fields are not listed here: one walker (macros.files.walk.references) finds every marked id
in every file, and `TARGETS` says, for each kind of id, where such ids are defined. Rules that
are more than "this id exists" are macros.checks.entry_rules's.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Callable, Collection

from ..files.errors import DataError
from ..files.read import Files
from ..files.walk import Reference, free_text, references
from .where import at, paragraph_locs

__all__ = ["REFERENCE", "TARGETS", "Target", "check"]

# `[[s2-policy-first]]`, `[[wilson-record]]`, `[[hami|Kumul]]`: a reference in prose (see markup).
REFERENCE = re.compile(r"\[\[([^\[\]|]*)(?:\|([^\[\]]*))?\]\]")


@dataclass(frozen=True)
class Target:
    """A kind of id: the ids there are (None: the file that defines them is absent), and what the
    message calls them. A reference into an absent file is refused with `absent` if it is given;
    without it, it is left alone: a part deleted leaves out what needs it (macros.views.parts)."""

    ids: Callable[[Files], Collection[str] | None]
    what: Callable[[Files], str]
    absent: str | None = None


def _paragraphs(files: Files) -> set[str]:
    return {p.id for _, _, _, p in paragraph_locs(files.model("text.yml"))}


def _passages(files: Files) -> set[str]:
    text = files.model("text.yml")
    return _paragraphs(files) | {s.id for layer in text.layers for s in layer.sections} | {layer.id for layer in text.layers}


def _entries(files: Files, located: bool | None = None) -> set[str]:
    kinds = {k.id for k in files.site.glossary.kinds if located is None or k.located == located}
    return {e.id for kind, glossary in files.glossary().items() if kind in kinds for e in glossary.entries}


def _kind_files(files: Files, located: bool) -> str:
    return ", ".join(f"data/{k.id}.yml" for k in sorted(files.site.glossary.kinds, key=lambda k: k.id) if k.located == located)


def _ids(name: str, key: str, keep: Callable = lambda item: True) -> Callable[[Files], list[str] | None]:
    """The ids of the items of `key` in data/`name` (those `keep` keeps), or None without the file."""
    def ids(files: Files) -> list[str] | None:
        model = files.model(name)
        return None if model is None else [item.id for item in getattr(model, key) if keep(item)]
    return ids


def _listed(words: str, ids: Callable[[Files], list[str] | None]) -> Callable[[Files], str]:
    """A message that lists the few ids a file defines at its top."""
    return lambda files: f"{words}: {', '.join(ids(files) or [])}"


def _said(words: str) -> Callable[[Files], str]:
    return lambda files: words


TARGETS: dict[str, Target] = {
    "paragraph": Target(_paragraphs, _said("paragraph ids in data/text.yml")),
    "passage": Target(_passages, _said("paragraph, section or layer ids in data/text.yml")),
    "source": Target(_ids("sources.yml", "sources"), _said("source ids in data/sources.yml")),
    "entry": Target(_entries, _said("glossary entry ids")),
    "place": Target(lambda files: _entries(files, located=True),
                    lambda files: f"entry ids of a located glossary kind ({_kind_files(files, True)})"),
    "unlocated-entry": Target(lambda files: _entries(files, located=False),
                              lambda files: f"entry ids of a glossary kind that is not located ({_kind_files(files, False)})"),
    "clock": Target(_ids("clocks.yml", "clocks"), _said("clock ids in data/clocks.yml"),
                    absent="the event names a clock, but there is no data/clocks.yml"),
    "event-kind": Target(_ids("chronology.yml", "kinds"), _listed("kinds at the top of data/chronology.yml", _ids("chronology.yml", "kinds"))),
    "excerpt-document": Target(_ids("related.yml", "documents", lambda d: d.excerpt),
                               _said("ids of documents in data/related.yml that have an 'excerpt'")),
    "skill": Target(_ids("questions.yml", "skills"), _listed("skills at the top of data/questions.yml", _ids("questions.yml", "skills"))),
    "level": Target(_ids("questions.yml", "levels"), _listed("levels at the top of data/questions.yml", _ids("questions.yml", "levels"))),
    "question": Target(_ids("questions.yml", "questions"), _said("question ids in data/questions.yml")),
    "quote-row": Target(_ids("categories.yml", "rows", lambda r: r.shows == "quotes"),
                        _listed("rows of quotations", _ids("categories.yml", "rows", lambda r: r.shows == "quotes"))),
    "packet": Target(_ids("packets.yml", "packets"), _said("packet ids in data/packets.yml")),
    "standard": Target(lambda files: [s.id for f in files.model("standards.yml").frameworks for s in f.standards]
                       if files.model("standards.yml") else None, _said("standard ids in data/standards.yml"),
                       absent="the lesson names standards, but there is no data/standards.yml"),
}


def check(files: Files) -> None:
    known: dict[str, set[str] | None] = {}
    for name, model in files.models.items():
        for reference in references(model):
            target = TARGETS[reference.target]
            if reference.target not in known:
                ids = target.ids(files)
                known[reference.target] = None if ids is None else set(ids)
            _refuse_unknown(files, name, reference, target, known[reference.target])
    _prose_references(files)


def _refuse_unknown(files: Files, name: str, reference: Reference, target: Target, known: set[str] | None) -> None:
    where = at(files, name, reference.loc, reference.field)
    if known is None:
        if target.absent:
            raise DataError(f"{where}: {target.absent}")
        return
    if reference.value not in known:
        raise DataError(f"{where}: unknown id {reference.value!r}; it must be one of the {target.what(files)}"
                        + _nearest(reference.value, known))


def _nearest(value: str, known: set[str]) -> str:
    """' (did you mean 'x'?)' for the ids nearest a mistyped one, if any is near; all those as near."""
    scores = {i: difflib.SequenceMatcher(None, value, i).ratio() for i in known}
    best = max(scores.values(), default=0)
    if best < 0.8:
        return ""
    nearest = [repr(i) for i in sorted(known) if scores[i] == best]
    return f" (did you mean {' or '.join(nearest) if len(nearest) < 3 else ', '.join(nearest[:-1]) + ' or ' + nearest[-1]}?)"


def _prose_references(files: Files) -> None:
    """`[[id]]` in prose names a paragraph, section, layer, source or glossary entry; nothing else."""
    passages, sources, entries = _passages(files), set(_ids("sources.yml", "sources")(files)), _entries(files)
    known = passages | sources | entries
    for name, model in files.models.items():
        for loc, kind, value in free_text(model):
            if kind != "prose":
                continue
            _refuse_broken_reference(files, name, loc, value)
            for match in REFERENCE.finditer(value):
                target = match.group(1)
                owners = [what for what, ids in (("the text", passages), ("sources", sources), ("the glossary", entries))
                          if target in ids]
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
