"""The data in data/ is valid, and every kind of bad edit stops with a message that names
the file, the entry and the field, and says what would be valid."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

import pytest
import yaml

from macros.load import DataError, load_edition
from macros.schema import main as schema_main
from tests.conftest import ROOT


def test_real_data_is_valid():
    edition = load_edition(ROOT / "data")
    assert edition.paragraphs[0].paragraph.text == "CABLE Nº 59442"
    assert [p.number for p in edition.paragraphs] == list(range(1, len(edition.paragraphs) + 1))


def test_json_schemas_are_up_to_date():
    assert schema_main(["--check"]) == 0, "run `make schemas` after changing macros/models.py"


def test_every_data_file_names_its_schema():
    for path in (ROOT / "data").glob("*.yml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        schema = first.removeprefix("# yaml-language-server: $schema=")
        assert schema != first, f"{path.name} does not name its JSON Schema on line 1"
        assert (path.parent / schema).is_file(), f"{path.name} names a missing schema {schema}"


# --- broken inputs ----------------------------------------------------------------------


def _yaml(file: str, change: Callable[[dict], None]) -> Callable[[Path], None]:
    def apply(data_dir: Path) -> None:
        path = data_dir / file
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    return apply


def _text(file: str, old: str, new: str) -> Callable[[Path], None]:
    def apply(data_dir: Path) -> None:
        path = data_dir / file
        content = path.read_text(encoding="utf-8")
        assert old in content
        path.write_text(content.replace(old, new, 1), encoding="utf-8")

    return apply


def _bytes(file: str, content: bytes) -> Callable[[Path], None]:
    return lambda data_dir: (data_dir / file).write_bytes(content)


def _first_paragraph(data: dict) -> dict:
    return data["layers"][0]["sections"][0]["paragraphs"][0]


def _second_paragraph(data: dict) -> dict:
    return data["layers"][0]["sections"][0]["paragraphs"][1]


def _entry(data: dict, entry_id: str) -> dict:
    return next(e for e in data["entries"] if e["id"] == entry_id)


def _event(data: dict, event_id: str) -> dict:
    return next(e for e in data["events"] if e["id"] == event_id)


# (case, mutation, fragments the message must contain: file, entry, field, what is valid)
BROKEN = [
    ("missing field", _yaml("text.yml", lambda d: _first_paragraph(d).pop("text")),
     ["data/text.yml", "paragraphs[1] (id 'cable-number')", "'text' is required"]),
    ("wrong type", _yaml("text.yml", lambda d: _first_paragraph(d).update(text=42)),
     ["data/text.yml", "(id 'cable-number')", "field 'text'", "valid string"]),
    ("unknown field", _yaml("text.yml", lambda d: _first_paragraph(d).update(colour="red")),
     ["data/text.yml", "(id 'cable-number')", "unknown field 'colour'", "id, style, text"]),
    ("invalid choice", _yaml("text.yml", lambda d: _first_paragraph(d).update(style="bold")),
     ["data/text.yml", "(id 'cable-number')", "field 'style'", "'prose', 'item' or 'signature'"]),
    ("badly formed id", _yaml("text.yml", lambda d: _first_paragraph(d).update(id="Cable Number")),
     ["data/text.yml", "paragraphs[1]", "field 'id'", "lower-case"]),
    ("duplicate id", _yaml("text.yml", lambda d: _second_paragraph(d).update(id="cable-number")),
     ["data/text.yml", "duplicate id", "'cable-number'", "unique"]),
    ("blank text", _yaml("text.yml", lambda d: _first_paragraph(d).update(text="   ")),
     ["data/text.yml", "(id 'cable-number')", "field 'text'", "must not be empty"]),
    ("empty list", _yaml("text.yml", lambda d: d.update(layers=[])),
     ["data/text.yml", "field 'layers'", "at least 1"]),
    ("unknown layer", _yaml("text.yml", lambda d: d["layers"][0].update(id="preface")),
     ["data/text.yml", "layers[1]", "field 'id'", "'envelope'"]),
    ("unrecognised bracket", _yaml("text.yml", lambda d: _first_paragraph(d).update(text="CABLE [xyz] Nº 59442")),
     ["data/text.yml", "paragraph 'cable-number'", "'[xyz]'", "data/marks.yml"]),
    ("unclosed bracket", _yaml("text.yml", lambda d: _first_paragraph(d).update(text="CABLE [sic Nº 59442")),
     ["data/text.yml", "paragraph 'cable-number'", "never closed"]),
    ("duplicate YAML key", _text("text.yml", "  - id: envelope\n", "  - id: envelope\n    id: envelope\n"),
     ["data/text.yml", "line 8", "duplicate key 'id'"]),
    ("YAML syntax error", _text("sources.yml", "sources:\n", "sources: [\n"),
     ["data/sources.yml", "line", "YAML syntax error"]),
    ("empty file", _bytes("marks.yml", b""),
     ["data/marks.yml", "empty", "mapping"]),
    ("invalid UTF-8", _bytes("marks.yml", "marks:\n  - id: sic\n    name: \"".encode() + b"\xff\xfe\"\n"),
     ["data/marks.yml", "line 3", "not valid UTF-8", "save the file as UTF-8"]),
    ("not a mapping", _bytes("sources.yml", b"- just\n- a list\n"),
     ["data/sources.yml", "top level must be a mapping"]),
    ("invalid date", _text("document.yml", "date: 1949-10-25", "date: 1949-13-45"),
     ["data/document.yml", "field 'date'", "date"]),
    ("address not a web address", _yaml("sources.yml", lambda d: d["sources"][0].update(url="javascript:alert(1)")),
     ["data/sources.yml", "sources[1] (id 'wilson-record')", "field 'url'", "https://"]),
    ("duplicate source id", _yaml("sources.yml", lambda d: d["sources"][1].update(id="wilson-record")),
     ["data/sources.yml", "duplicate source id 'wilson-record'"]),
    ("unknown paragraph id", _yaml("document.yml", lambda d: d["chain"][0].update(paragraphs=["no-such-paragraph"])),
     ["data/document.yml", "chain step 'report'", "field 'paragraphs'", "'no-such-paragraph'", "data/text.yml"]),
    ("unknown source id", _yaml("document.yml", lambda d: d["chain"][0].update(sources=["no-such-source"])),
     ["data/document.yml", "chain step 'report'", "field 'sources'", "'no-such-source'", "data/sources.yml"]),
    ("claim without evidence", _yaml("document.yml", lambda d: d["chain"][0].update(paragraphs=[], sources=[])),
     ["data/document.yml", "chain step 'report'", "evidence"]),
    ("missing file", lambda data_dir: (data_dir / "marks.yml").unlink(),
     ["data/marks.yml", "cannot be read"]),
    # glossary
    ("uncertain without a reason", _yaml("places.yml", lambda d: _entry(d, "hami").update(certainty="uncertain")),
     ["data/places.yml", "(id 'hami')", "'certainty_note' must say why"]),
    ("form not in the text", _yaml("places.yml", lambda d: _entry(d, "hami").update(forms=["KUMUL"])),
     ["data/places.yml", "(id 'hami')", "field 'forms'", "'KUMUL'", "exactly as the cable prints it"]),
    ("form 'corrected'", _yaml("people.yml", lambda d: _entry(d, "luo-shuren").update(forms=["LUO", "Luo"])),
     ["data/people.yml", "(id 'luo-shuren')", "field 'forms'", "'Luo'"]),
    ("form of two entries", _yaml("units.yml", lambda d: _entry(d, "pla").update(forms=["PLA", "HAMI"])),
     ["duplicate form 'HAMI'", "entry 'hami' of data/places.yml", "entry 'pla' of data/units.yml"]),
    ("glossary id reused", _yaml("terms.yml", lambda d: _entry(d, "liang").update(id="hami")),
     ["duplicate glossary id 'hami'", "data/places.yml", "data/terms.yml"]),
    ("latitude out of range", _yaml("places.yml", lambda d: _entry(d, "hami").update(coordinates={"lat": 95, "lon": 93})),
     ["data/places.yml", "(id 'hami') > coordinates", "field 'lat'", "less than or equal to 90"]),
    ("coordinates for a person", _yaml("people.yml", lambda d: _entry(d, "mao-zedong").update(coordinates={"lat": 39.9, "lon": 116.4})),
     ["data/people.yml", "'mao-zedong'", "field 'coordinates'", "only places"]),
    ("fact without a source", _yaml("people.yml", lambda d: _entry(d, "mao-zedong").update(sources=[])),
     ["data/people.yml", "(id 'mao-zedong')", "needs a source", "'cable_only: true'"]),
    ("unknown source in an entry", _yaml("people.yml", lambda d: _entry(d, "mao-zedong").update(sources=["no-such-source"])),
     ["data/people.yml", "'mao-zedong'", "field 'sources'", "'no-such-source'", "data/sources.yml"]),
    ("bad language tag", _yaml("places.yml", lambda d: _entry(d, "hami").update(scripts=[{"text": "哈密", "lang": "Chinese"}])),
     ["data/places.yml", "(id 'hami') > scripts[1]", "field 'lang'", "'zh-Hans'"]),
    ("context entry with forms", _yaml("people.yml", lambda d: _entry(d, "gary-goldberg").update(forms=["Stalin"])),
     ["data/people.yml", "(id 'gary-goldberg')", "'context_only: true'", "no 'forms'"]),
    # chronology
    ("event at an unknown place", _yaml("chronology.yml", lambda d: d["events"][0].update(places=["atlantis"])),
     ["data/chronology.yml", "event 'advance-begins'", "field 'places'", "'atlantis'", "data/places.yml"]),
    ("person given as a place", _yaml("chronology.yml", lambda d: d["events"][0].update(places=["mao-zedong"])),
     ["data/chronology.yml", "field 'places'", "'mao-zedong'", "data/places.yml"]),
    ("impossible date", _yaml("chronology.yml", lambda d: d["events"][0].update(date="1949-10-32")),
     ["data/chronology.yml", "(id 'advance-begins')", "field 'date'", "YYYY-MM-DD"]),
    ("clock time without a clock", _yaml("chronology.yml", lambda d: _event(d, "deciphered").pop("clock")),
     ["data/chronology.yml", "(id 'deciphered')", "'clock'", "data/clocks.yml"]),
    ("unknown clock", _yaml("chronology.yml", lambda d: _event(d, "deciphered").update(clock="tokyo")),
     ["data/chronology.yml", "event 'deciphered'", "field 'clock'", "'tokyo'"]),
    ("time without precision 'time'", _yaml("chronology.yml", lambda d: _event(d, "deciphered").update(precision="day")),
     ["data/chronology.yml", "(id 'deciphered')", "'time'", "'precision'"]),
    ("context without a source", _yaml("chronology.yml", lambda d: _event(d, "prc-founded").update(sources=[])),
     ["data/chronology.yml", "(id 'prc-founded')", "'context' event must cite its 'sources'"]),
    ("cable event without paragraphs", _yaml("chronology.yml", lambda d: _event(d, "turpan-entered").update(paragraphs=[])),
     ["data/chronology.yml", "(id 'turpan-entered')", "'paragraphs'"]),
    ("same-day times out of order", _yaml("chronology.yml", lambda d: _event(d, "typed").update(time="12:00")),
     ["data/chronology.yml", "event 'typed'", "field 'time'", "12:00", "'deciphered'", "move it"]),
    ("unknown source in a disagreement", _yaml("chronology.yml", lambda d: _event(d, "report-written-in-hami")["disagreements"][0].update(source="nope")),
     ["data/chronology.yml", "event 'report-written-in-hami'", "field 'disagreements'", "'nope'"]),
    ("bad UTC offset", _yaml("clocks.yml", lambda d: d["clocks"][0].update(utc_offset="3")),
     ["data/clocks.yml", "(id 'moscow')", "field 'utc_offset'", "+HH:MM"]),
    ("long quotation", _yaml("related.yml", lambda d: d["documents"][0].update(quote=" ".join(["word"] * 30))),
     ["data/related.yml", "documents[1]", "25 words at most"]),
]


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return Path(shutil.copytree(ROOT / "data", tmp_path / "data"))


@pytest.mark.parametrize("mutate, fragments", [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_broken_data_fails_with_a_clear_message(data_dir, mutate, fragments):
    mutate(data_dir)
    with pytest.raises(DataError) as caught:
        load_edition(data_dir)
    message = str(caught.value)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} missing from: {message}"
    assert "Traceback" not in message
