"""References are declared on the model fields (`RefersTo`, macros/files/reference_fields.py) and
checked by one walker (macros/checks/references.py). A field that looks like a reference cannot
escape it: it carries the marker or is listed below, with the reason it is not one. And every
marked field of the real data, given an id that names nothing, stops the build with one message
naming the file, the entry and the field. (Exact messages: the broken-input table, tests/kit/test_validation.py.)"""

from __future__ import annotations

import re
import shutil
import types
import typing
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from macros.checks.references import TARGETS
from macros.files.catalogue import FILES, glossary_file
from macros.files.errors import DataError
from macros.files.fields import Id
from macros.files.models.glossary import Glossary
from macros.files.read import read_all
from macros.files.reference_fields import RefersTo
from macros.files.walk import references
from macros.views.load import load_edition
from tests.conftest import ROOT

# A field holding text whose name says it may name something else by id.
LOOKS_LIKE_A_REFERENCE = re.compile(
    r"(?:^|_)(?:ids?|paragraphs?|sources?|passages?|places?|people|questions?|clocks?|kinds?|skills?|levels?|packets?|"
    r"lessons?|standards?|documents?|entry|entries|events?|layers?|sections?|names|quotes|rows?|page|to)$"
)
# (model, field): why it is not a reference the walker checks.
NOT_REFERENCES = {
    ("ArchiveRecord", "source"): "free text: where the archive's text comes from",
    ("Entry", "other_names"): "free text: other spellings and names of the entry, for the search",
    ("Lesson", "question"): "free text: the lesson's central historical question",
    ("HomeLink", "page"): "a page of docs/ or one the data makes, not an id: checked when the home page is drawn (home_cards)",
    ("Move", "to"): "what it names depends on the move's 'kind'; macros/checks/permanence.py checks it against that kind",
    **{("Register", field): "an id published once, which may since have gone (that is what the register is for); "
                            "macros/checks/permanence.py checks it"
       for field in ("layers", "sections", "paragraphs", "entries", "events", "questions", "packets", "lessons")},
}
_ID_VALIDATOR = typing.get_args(Id)[1]


def _models() -> dict[str, type[BaseModel]]:
    """Every model of every data file, and the models inside them, by name."""
    found: dict[str, type[BaseModel]] = {}

    def visit(tp) -> None:
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            if tp.__name__ not in found:
                found[tp.__name__] = tp
                for field in tp.model_fields.values():
                    visit(field.annotation)
        for arg in typing.get_args(tp):
            visit(arg)

    for spec in FILES:
        visit(spec.model)
    visit(Glossary)
    return found


def _leaves(tp, metadata: tuple = ()) -> typing.Iterator[tuple]:
    """The metadata of each string a value of type `tp` holds (a Literal is a closed list, not an id)."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Annotated:
        yield from _leaves(args[0], metadata + args[1:])
    elif origin in (typing.Union, types.UnionType, list, tuple, dict):
        for arg in args:
            if arg is not type(None) and arg is not Ellipsis:
                yield from _leaves(arg)
    elif tp is str:
        yield metadata


def _fields(models: dict[str, type[BaseModel]] | None = None):
    for model_name, model in sorted((models or _models()).items()):
        for name, info in model.model_fields.items():
            annotation = typing.Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
            yield model_name, name, list(_leaves(annotation))


def _undeclared(fields) -> list[str]:
    """The fields that hold an id, or text under a name like a reference's, with no marker and not listed."""
    undeclared = []
    for model, name, leaves in fields:
        marked = any(isinstance(m, RefersTo) for leaf in leaves for m in leaf)
        an_id = [leaf for leaf in leaves if _ID_VALIDATOR in leaf and not any(isinstance(m, RefersTo) for m in leaf)]
        if name == "id" or marked or (model, name) in NOT_REFERENCES:
            continue
        if an_id or (leaves and LOOKS_LIKE_A_REFERENCE.search(name)):
            undeclared.append(f"{model}.{name}")
    return undeclared


def test_a_field_that_looks_like_a_reference_is_declared_one_or_listed_as_not():
    fields = list(_fields())
    assert len(fields) > 150 and len(_models()) > 40, "the models were not all found"
    undeclared = _undeclared(fields)
    assert not undeclared, ("declare what each refers to (macros/files/reference_fields.py), or list it in NOT_REFERENCES "
                            f"with the reason: {undeclared}")
    known = {(model, name) for model, name, _ in fields}
    assert not set(NOT_REFERENCES) - known, f"listed, but no such field: {set(NOT_REFERENCES) - known}"


def test_a_new_field_without_its_marker_is_found():
    """The negative control: fields added without a marker, by the name or by the type."""
    from macros.files.fields import Model, Text
    from macros.files.reference_fields import SourceId

    class Added(Model):
        id: Id
        sources: list[Id] = []  # an id, and the name of a reference
        witness: Id | None = None  # an id under any name
        evidence_paragraphs: list[Text] = []  # a reference's name on text
        kind: typing.Literal["a", "b"] = "a"  # a closed list: not an id
        cited: list[SourceId] = []  # declared

    assert sorted(_undeclared(_fields({"Added": Added}))) == ["Added.evidence_paragraphs", "Added.sources", "Added.witness"]


def test_the_check_knows_every_kind_of_reference_and_the_data_has_each():
    files = read_all(ROOT / "data")
    declared = {m.target for _, _, leaves in _fields() for leaf in leaves for m in leaf if isinstance(m, RefersTo)}
    assert declared == set(TARGETS)
    found = [r for model in files.models.values() for r in references(model)]
    assert len(found) > 500
    assert {r.target for r in found} == set(TARGETS), "the real data no longer uses every kind: keep a case for each"
    assert any(r.instructor_only for r in found) and not all(r.instructor_only for r in found)


# --- every marked field, broken ------------------------------------------------------------


def _marked(tp, value, path: tuple, owner: tuple) -> typing.Iterator[tuple[tuple, tuple, bool]]:
    """(path to the value, (model, field), whether it is a mapping's key) of each marked id in YAML `value` of type `tp`."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Annotated:
        if any(isinstance(m, RefersTo) for m in args[1:]):
            if isinstance(value, str):
                yield path, owner, False
        else:
            yield from _marked(args[0], value, path, owner)
    elif origin in (typing.Union, types.UnionType) and value is not None:
        for arg in args:
            yield from _marked(arg, value, path, owner)
    elif origin is list and isinstance(value, list):
        for i, item in enumerate(value):
            yield from _marked(args[0], item, path + (i,), owner)
    elif origin is dict and isinstance(value, dict):
        for key, item in value.items():
            if typing.get_origin(args[0]) is typing.Annotated and any(isinstance(m, RefersTo) for m in typing.get_args(args[0])[1:]):
                yield path + (key,), owner, True
            yield from _marked(args[1], item, path + (key,), owner)
    elif isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(value, dict):
        for name, info in tp.model_fields.items():
            if name in value:
                annotation = typing.Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
                yield from _marked(annotation, value[name], path + (name,), (tp.__name__, name))


def _cases() -> list[tuple[str, tuple, tuple, bool]]:
    """One case per data file and marked field: the first value of it in the real data."""
    site = yaml.safe_load((ROOT / "data" / "site.yml").read_text(encoding="utf-8"))
    specs = [*FILES, *(glossary_file(k["id"]) for k in site["glossary"]["kinds"])]
    cases = {}
    for spec in specs:
        path = ROOT / "data" / spec.name
        if path.exists():
            for at, owner, key in _marked(spec.model, yaml.safe_load(path.read_text(encoding="utf-8")), (), ("", "")):
                cases.setdefault((spec.name, owner, key), at)
    return [(name, owner, at, key) for (name, owner, key), at in cases.items()]


CASES = _cases()


def test_the_cases_cover_every_kind_of_reference():
    assert len(CASES) >= 40
    assert set(TARGETS) == {_target(name, owner) for name, owner, _, _ in CASES}


def _target(name: str, owner: tuple) -> str:
    model = _models()[owner[0]]
    info = model.model_fields[owner[1]]
    annotation = typing.Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
    return next(m.target for leaf in _leaves(annotation) for m in leaf if isinstance(m, RefersTo))


@pytest.mark.parametrize("name, owner, at, key", CASES, ids=[f"{c[0]} {c[1][0]}.{c[1][1]}{' (key)' if c[3] else ''}" for c in CASES])
def test_an_id_that_names_nothing_stops_the_build_with_one_clear_message(tmp_path, name, owner, at, key):
    data_dir = Path(shutil.copytree(ROOT / "data", tmp_path / "data"))
    path = data_dir / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    parent = data
    for step in at[:-1]:
        parent = parent[step]
    if key:
        parent["no-such-id"] = parent.pop(at[-1])
    else:
        parent[at[-1]] = "no-such-id"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_edition(data_dir)
    # A field of the file itself (chronology.yml's journey_questions) is in no entry: named as the models name one.
    entry = "" if at[0] == owner[1] else "entry .+, "
    assert re.fullmatch(rf"data/{re.escape(name)}, line \d+: {entry}field '{owner[1]}': unknown id 'no-such-id'; it must be "
                        r"one of the [^;]+", str(error.value)), str(error.value)
