"""Published ids stay: an id in `data/published-ids.yml` that is gone from the data stops the
build, unless the register's `moved` says where it went (the site then keeps the old address
working, see `macros.views.edition.Edition.aliases`). Deleting an optional part's whole file
(no packets at all) is a decision, not a slip, and is not refused."""

from __future__ import annotations

from ..files.errors import DataError
from ..files.models.register import KINDS
from ..files.read import Files
from .where import paragraph_locs

__all__ = ["check", "current_ids", "unregistered", "write_register"]

_WHERE = {
    "layers": "data/text.yml", "sections": "data/text.yml", "paragraphs": "data/text.yml",
    "entries": "the glossary's files", "events": "data/chronology.yml", "questions": "data/questions.yml",
    "packets": "data/packets.yml", "lessons": "data/lessons.yml",
}


# Kinds of id that belong to an optional part: without its file, the part (and its ids) is gone.
_PART = {"events": "chronology.yml", "questions": "questions.yml", "packets": "packets.yml", "lessons": "lessons.yml"}


def current_ids(files: Files) -> dict[str, list[str]]:
    """Every id the site publishes now, by kind, in the data's order."""
    text = files.model("text.yml")

    def ids(name: str, key: str) -> list[str]:
        model = files.model(name)
        return [item.id for item in getattr(model, key)] if model else []

    return {
        "layers": [layer.id for layer in text.layers],
        "sections": [s.id for layer in text.layers for s in layer.sections],
        "paragraphs": [p.id for _, _, _, p in paragraph_locs(text)],
        "entries": [e.id for g in files.glossary().values() for e in g.entries],
        "events": ids("chronology.yml", "events"),
        "questions": ids("questions.yml", "questions"),
        "packets": ids("packets.yml", "packets"),
        "lessons": ids("lessons.yml", "lessons"),
    }


def unregistered(files: Files) -> dict[str, list[str]]:
    """Ids in the data that the register does not list yet (`make register` adds them)."""
    register = files.model("published-ids.yml")
    listed = {kind: set(getattr(register, kind)) if register else set() for kind in KINDS}
    return {kind: [i for i in ids if i not in listed[kind]] for kind, ids in current_ids(files).items()}


def check(files: Files) -> None:
    register = files.model("published-ids.yml")
    if register is None:
        return
    current = {kind: set(ids) for kind, ids in current_ids(files).items()}
    moves = {}
    for move in register.moved:
        if move.id in current[move.kind]:
            raise DataError(
                f"data/published-ids.yml: 'moved' says the {_one(move.kind)} {move.id!r} went to {move.to!r}, but "
                f"{move.id!r} is still in {_WHERE[move.kind]}; remove the move, or the id"
            )
        if move.to not in current[move.kind]:
            raise DataError(
                f"data/published-ids.yml: 'moved' sends the {_one(move.kind)} {move.id!r} to {move.to!r}, which is not "
                f"in {_WHERE[move.kind]}; it must name a {_one(move.kind)} the site has now"
            )
        moves[(move.kind, move.id)] = move.to
    for kind in KINDS:
        if kind in _PART and files.model(_PART[kind]) is None:
            continue  # the whole part was removed on purpose (its page and its place in the nav go too)
        for published in getattr(register, kind):
            if published not in current[kind] and (kind, published) not in moves:
                raise DataError(
                    f"data/published-ids.yml: the {_one(kind)} id {published!r} was published (links and citations may "
                    f"use it) and is no longer in {_WHERE[kind]}. Ids are permanent: restore it, or record where it "
                    f"went under 'moved' in data/published-ids.yml, e.g. "
                    f"{{kind: {kind}, id: {published}, to: NEW-ID}}; the site then keeps the old address working"
                )


def _one(kind: str) -> str:
    return {"entries": "glossary entry"}.get(kind, kind.removesuffix("s"))


REGISTER_HEADER = """\
# yaml-language-server: $schema=schemas/published-ids.schema.json
# Every id this site has published, by kind. Links and citations in the wild use them, so the
# build refuses an id listed here that is gone from the data. `make register` adds new ids
# (run it before publishing); never delete one. To rename or merge an id, add a move:
#   moved:
#     - {kind: paragraphs, id: old-id, to: new-id}
# and the site keeps the old address working (an anchor, or a page that sends readers on).
# See guides/editing.md, "Ids are permanent".
"""


def write_register(files: Files) -> str:
    """Add the ids the data publishes now to data/published-ids.yml; keep every id already there,
    and every comment and line of the file as it is (the ids are added at the end of their lists).
    `files` must have passed every check (`python -m macros register` loads the edition first):
    a draft's ids must not become permanent because the register was run on data that is refused."""
    import yaml

    data_dir = files.data_dir
    added = {kind: ids for kind, ids in unregistered(files).items() if ids}
    path = data_dir / "published-ids.yml"
    located = files.located.get("published-ids.yml")
    listed = yaml.safe_dump(added, allow_unicode=True, sort_keys=False, default_flow_style=None, width=100) if added else ""
    if located is None:
        text = REGISTER_HEADER + listed
    elif located.root is None or not located.root.value:
        # An empty register (a new edition's): its comments stay, an empty `{}` or `[]` goes.
        comments = "".join(line for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
                           if not line.strip() or line.lstrip().startswith("#"))
        text = (comments.rstrip("\n") + "\n" if comments.strip() else REGISTER_HEADER) + listed
    else:
        text = _added_in_place(path.read_text(encoding="utf-8"), located.root, added)
        register = yaml.safe_load(text)
        before = files.model("published-ids.yml")
        if any(register.get(kind, []) != [*getattr(before, kind), *added.get(kind, [])] for kind in KINDS):
            raise DataError(
                "data/published-ids.yml: its layout is not one `make register` can add to without changing it; "
                f"add these ids by hand: {added}"
            )
    if added:
        path.write_text(text, encoding="utf-8")
    count = sum(len(v) for v in added.values())
    return f"data/published-ids.yml: {count} new id{'s' if count != 1 else ''} added" + (
        "" if not count else " (" + ", ".join(f"{len(v)} {k}" for k, v in added.items()) + ")"
    )


_WIDTH = 100


def _added_in_place(text: str, root, added: dict[str, list[str]]) -> str:
    """`text` with each kind's new ids after its last one: in a flow list (`[a, b]`) before the
    ']', wrapped at about 100 characters; in a block list as '- id' lines; a kind the file does
    not list yet at its end."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(mark) -> int:
        return starts[mark.line] + mark.column

    edits: list[tuple[int, str]] = []
    keys = {k.value: v for k, v in root.value}
    tail = []
    for kind, ids in added.items():
        node = keys.get(kind)
        if node is None:
            tail.append(f"{kind}: [{', '.join(ids)}]\n")
        elif node.flow_style:
            at = offset(node.end_mark) - 1  # the ']'
            column = node.end_mark.column - 1
            insert = ""
            for n, new_id in enumerate(ids):
                separator = "" if (n == 0 and not node.value) else ", "
                if column + len(separator) + len(new_id) > _WIDTH:
                    separator = separator.rstrip() + "\n  "
                    column = 2
                insert += separator + new_id
                column += len(separator.split("\n")[-1]) + len(new_id)
            edits.append((at, insert))
        else:
            indent = " " * node.start_mark.column
            at = offset(node.value[-1].end_mark)
            edits.append((at, "".join(f"\n{indent}- {new_id}" for new_id in ids)))
    for at, insert in sorted(edits, reverse=True):
        text = text[:at] + insert + text[at:]
    if tail:
        text = text + ("" if text.endswith("\n") else "\n") + "".join(tail)
    return text
