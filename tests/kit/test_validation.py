"""Every site's data is valid, and every kind of bad edit stops with one message that names the
file, the line, the entry and the field, and says what would be valid: the kit's broken-input
table, run over every site (tests/sites.py).

Two kinds of case. Those that break a file as a file (empty, not UTF-8, a NUL byte, anchors,
tags, a named pipe, a loop of links…) write the same bytes into any site. Those that break an
entry find it in the site's own data (its first paragraph, its first source, its first glossary
entry with a form…) and build the message from what they found: the entry's path, its id, the
line (`line(data_dir, file, text)`, found in the broken file). This edition's table, written
against its own entries, is tests/edition/test_data.py.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from macros.checks.permanence import unregistered
from macros.files.errors import DataError
from macros.files.models.glossary import Entry
from macros.files.read import read_all
from macros.files.schema import main as schema_main
from macros.views.load import load_edition
from tests.broken_data import (
    NOT_REGULAR, NUMBER_REFUSED, SECOND_DOCUMENT, TAG_REFUSED, _both, _bytes, _replace, _text, _yaml, hidden, line,
    line_after, load_within,
)
from tests.sites import SITES, Site

# The files a site may hold besides its glossary's (one per kind in data/site.yml), as the README lists them.
KIT_FILES = ("background.yml", "basemap.yml", "categories.yml", "chronology.yml", "clocks.yml", "document.yml", "lessons.yml",
             "marks.yml", "packets.yml", "published-ids.yml", "questions.yml", "related.yml", "site.yml", "sources.yml",
             "standards.yml", "text.yml", "transcription.txt")
REQUIRED = ("site.yml", "document.yml", "text.yml", "sources.yml")


def known_files(site: Site) -> str:
    names = sorted({*KIT_FILES, *(f"{kind['id']}.yml" for kind in site.kinds())})
    return f"{', '.join(names)} (one per glossary kind in data/site.yml)"


@pytest.fixture
def data_dir(tmp_path, site_data) -> Path:
    return Path(shutil.copytree(site_data.data_dir, tmp_path / "data"))


def test_the_data_is_valid_and_its_paragraphs_numbered_in_order(site_data):
    edition = load_edition(site_data.data_dir)
    expected = site_data.paragraphs()
    assert expected, "the text has paragraphs"
    assert [p.paragraph.id for p in edition.paragraphs] == list(expected)
    assert [p.paragraph.text for p in edition.paragraphs] == list(expected.values())
    assert [p.number for p in edition.paragraphs] == list(range(1, len(edition.paragraphs) + 1))


def test_json_schemas_are_up_to_date():
    assert schema_main(["--check"]) == 0, "run `make schemas` after changing a model in macros/files/models/"


def test_every_published_id_is_in_the_register(site_data):
    """`make register` has been run: a new id is recorded before it is published. A site without
    a register yet (a new edition, or test data never published) publishes its ids freely."""
    files = read_all(site_data.data_dir)
    if not site_data.has("published-ids.yml"):
        assert files.model("published-ids.yml") is None and any(unregistered(files).values())
        return
    missing = {kind: ids for kind, ids in unregistered(files).items() if ids}
    assert not missing, f"run `make register`: {missing}"


def test_every_data_file_names_its_schema(site_data):
    files = sorted(site_data.data_dir.glob("*.yml"))
    assert {f.name for f in files} >= set(REQUIRED), files
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        schema = first.removeprefix("# yaml-language-server: $schema=")
        assert schema != first, f"{path.name} does not name its JSON Schema on line 1"
        assert (path.parent / schema).is_file(), f"{path.name} names a missing schema {schema}"


# --- cases that break a file as a file: the same bytes in every site ------------------------------

BILLION_LAUGHS = "sources: &a [1]\n" + "".join(f"b{i}: &b{i} [*{'a' if i == 0 else f'b{i - 1}'}, *{'a' if i == 0 else f'b{i - 1}'}]\n" for i in range(12))
THOUSAND_BAD = "sources:\n" + "".join(f"  - id: Bad Id {i}\n    short: s\n    title: t\n    publisher: p\n" for i in range(1000))
MARKS = "marks:\n  - id: sic\n    name: Sic\n    explanation: thus\n"


def _marks(extra: str) -> bytes:
    """A marks.yml of one kind, with `extra` lines added to it."""
    return (MARKS + extra).encode()


FILE_CASES = [
    ("a thousand bad entries, five shown", _bytes("sources.yml", THOUSAND_BAD.encode()),
     lambda d: "\n  ".join(
         f"data/sources.yml, line {line(d, 'sources.yml', f'id: Bad Id {i}')}: entry sources[{i + 1}] (id 'Bad Id {i}'), field 'id': "
         f"'Bad Id {i}' is not a valid id: use lower-case letters and digits in words joined by single hyphens, e.g. 's2-version-1'"
         for i in range(5)) + "\n  (995 more problems in this file not shown)"),
    ("empty file", _bytes("marks.yml", b""),
     lambda d: "data/marks.yml: the file is empty; it must hold a mapping (see its JSON Schema in data/schemas/)"),
    ("invalid UTF-8", _bytes("marks.yml", "marks:\n  - id: sic\n    name: \"".encode() + b"\xff\xfe\"\n"),
     lambda d: "data/marks.yml, line 3: not valid UTF-8 (byte 0xff); save the file as UTF-8"),
    ("a NUL byte", _bytes("marks.yml", b"marks:\n  - id: sic\n    name: \"S\x00ic\"\n"),
     lambda d: "data/marks.yml, line 3: contains a NUL byte (character 0); delete it (it is invisible in most editors)"),
    ("not a mapping", _bytes("sources.yml", b"- just\n- a list\n"),
     lambda d: "data/sources.yml: the top level must be a mapping of keys to values, not a list"),
    ("anchors and aliases (billion laughs)", _bytes("sources.yml", BILLION_LAUGHS.encode()),
     lambda d: "data/sources.yml, line 1: YAML anchors and aliases ('&name', '*name') are not allowed in data files; write each value out"),
    ("nesting 990 deep", _bytes("sources.yml", b"sources: " + b"[" * 990 + b"]" * 990 + b"\n"),
     lambda d: "data/sources.yml, line 1: nested more than 40 levels deep; data files are lists of entries a few levels deep"),
    ("a file over 1 MB", _bytes("sources.yml", b"sources:\n" + b"# padding\n" * 100_001),
     lambda d: "data/sources.yml: 1,000,019 bytes; a data file may be at most 1,000,000 bytes (split it or trim it)"),
    ("unclosed quote at the end", _bytes("marks.yml", b'marks:\n  - id: sic\n    name: "Sic\n    explanation: thus\n'),
     lambda d: "data/marks.yml, line 3: YAML syntax error: found unexpected end of stream, while scanning a quoted scalar that "
               "begins on line 3 and is still open at line 5, column 1; look for an unclosed quote or bracket on line 3 or after it"),
    ("an unquoted clock time", _bytes("marks.yml", _marks("    note: 12:30\n")),
     lambda d: "data/marks.yml, line 5: 12:30 is read by YAML as a number (sexagesimal), not as text; quote clock times: '12:30'"),
    ("a merge key", _bytes("marks.yml", b"marks:\n  - <<: {id: sic}\n    id: sic\n"),
     lambda d: "data/marks.yml, line 2: a merge key ('<<') is not allowed in data files; write the fields out in full"),
    ("a key that is a number", _bytes("marks.yml", _marks("    1: one\n")),
     lambda d: "data/marks.yml, line 5: the key '1' is read by YAML as a int (1), not as a field name; "
               "keys must be field names (quote it if you meant the text: '1')"),
    ("!!set where a list is expected", _bytes("marks.yml", _marks("    forms: !!set {a}\n")),
     lambda d: f"data/marks.yml, line 5: the YAML tag '!!set' {TAG_REFUSED}"),
    ("!!timestamp in a text field", _bytes("marks.yml", _marks("    note: !!timestamp 2001-01-01\n")),
     lambda d: f"data/marks.yml, line 5: the YAML tag '!!timestamp' {TAG_REFUSED}"),
    ("!!binary", _bytes("marks.yml", _marks("    note: !!binary R2FyeQ==\n")),
     lambda d: f"data/marks.yml, line 5: the YAML tag '!!binary' {TAG_REFUSED}"),
    ("a tag of one's own", _bytes("marks.yml", _marks('    note: !name "Gary"\n')),
     lambda d: f"data/marks.yml, line 5: the YAML tag '!name' {TAG_REFUSED}"),
    ("a Python object tag", _bytes("marks.yml", _marks("    note: !!python/object/apply:os.system [ls]\n")),
     lambda d: f"data/marks.yml, line 5: the YAML tag '!!python/object/apply:os.system' {TAG_REFUSED}"),
    ("a second document", _bytes("marks.yml", _marks("---\nmarks: []\n")),
     lambda d: f"data/marks.yml, line 5: {SECOND_DOCUMENT}"),
    ("a document end, then more", _bytes("marks.yml", _marks("...\nmarks: []\n")),
     lambda d: f"data/marks.yml, line 6: {SECOND_DOCUMENT}"),
    ("a list as a key", _bytes("marks.yml", _marks("    ? [a, b]\n    : c\n")),
     lambda d: "data/marks.yml, line 5: a key that is itself a list or a mapping ('? ...') is not allowed; keys must be field names"),
    ("a mapping as a key", _bytes("marks.yml", _marks("    {a: b}: c\n")),
     lambda d: "data/marks.yml, line 5: a key that is itself a list or a mapping ('? ...') is not allowed; keys must be field names"),
    ("a number of 5,001 digits", _bytes("marks.yml", _marks("    note: 1" + "0" * 5000 + "\n")),
     lambda d: f"data/marks.yml, line 5: the number 100000000000…0000 (5,001 characters) {NUMBER_REFUSED}"),
    ("a number beyond a billion", _bytes("marks.yml", _marks("    note: 50000000000\n")),
     lambda d: f"data/marks.yml, line 5: the number 50000000000 {NUMBER_REFUSED}"),
    ("an infinite number", _bytes("marks.yml", _marks("    note: .inf\n")),
     lambda d: f"data/marks.yml, line 5: the number .inf {NUMBER_REFUSED}"),
    ("not a number", _bytes("marks.yml", _marks("    note: .nan\n")),
     lambda d: f"data/marks.yml, line 5: the number .nan {NUMBER_REFUSED}"),
    ("a float that overflows", _bytes("marks.yml", _marks("    note: 1.0e+400\n")),
     lambda d: f"data/marks.yml, line 5: the number 1.0e+400 {NUMBER_REFUSED}"),
    # --- files ---------------------------------------------------------------------------------
    ("missing required file", lambda d: (d / "document.yml").unlink(),
     lambda d: "data/document.yml: cannot be read (No such file or directory); this file is required"),
    ("a data file that is a named pipe", _replace("marks.yml", os.mkfifo),
     lambda d: f"data/marks.yml: {NOT_REGULAR}"),
    ("site.yml a named pipe", _replace("site.yml", os.mkfifo),
     lambda d: f"data/site.yml: {NOT_REGULAR}"),
    ("the transcription a named pipe", _replace("transcription.txt", os.mkfifo),
     lambda d: f"data/transcription.txt: {NOT_REGULAR}"),
    ("a folder in place of a data file", _replace("marks.yml", os.mkdir),
     lambda d: f"data/marks.yml: {NOT_REGULAR}"),
    ("a data file that links to itself", _replace("marks.yml", lambda path: os.symlink("marks.yml", path)),
     lambda d: "data/marks.yml: a link that cannot be followed: it leads round in a loop; replace it with the file"),
    ("two data files that link to each other",
     _both(_replace("marks.yml", lambda path: os.symlink("clocks.yml", path)), _replace("clocks.yml", lambda path: os.symlink("marks.yml", path))),
     lambda d: "data/marks.yml: a link that cannot be followed: it leads round in a loop; replace it with the file"),
    ("the transcription links to itself", _replace("transcription.txt", lambda path: os.symlink("transcription.txt", path)),
     lambda d: "data/transcription.txt: a link that cannot be followed: it leads round in a loop; replace it with the file"),
    ("a link that leads nowhere", _replace("marks.yml", lambda path: os.symlink("no-such-file.yml", path)),
     lambda d: "data/marks.yml: a link that cannot be followed: it leads nowhere (No such file or directory); replace it with the file"),
    # Sparse: 50 MB that nothing reads (read, it once took 917 MB of memory).
    ("a transcription of 50 MB", _replace("transcription.txt", lambda path: os.truncate(os.open(path, os.O_CREAT | os.O_WRONLY), 50_000_000)),
     lambda d: "data/transcription.txt: 50,000,000 bytes; a data file may be at most 1,000,000 bytes (split it or trim it)"),
    ("a transcription that is not UTF-8", _bytes("transcription.txt", b"TEXT\n\xff\n"),
     lambda d: "data/transcription.txt, line 2: not valid UTF-8 (byte 0xff); save the file as UTF-8"),
]


def _site_file_cases(site: Site) -> list:
    """The cases whose message lists the files this site reads (its glossary kinds among them)."""
    return [
        ("a misspelt file name", lambda d: (d / "sources.yml").rename(d / "sorces.yml"),
         lambda d: f"data/sorces.yml: not a file this site reads. The files it reads are: {known_files(site)}; rename or remove it"),
        ("a named pipe under a name the site does not read", lambda d: os.mkfifo(d / "notes.yml"),
         lambda d: f"data/notes.yml: not a file this site reads. The files it reads are: {known_files(site)}; rename or remove it"),
    ]


# --- cases found in the site's own data -------------------------------------------------------------

def _where_paragraph(layers: list, layer: int, section: int, paragraph: int) -> str:
    return (f"layers[{layer + 1}] (id '{layers[layer]['id']}') > sections[{section + 1}] (id '{layers[layer]['sections'][section]['id']}') "
            f"> paragraphs[{paragraph + 1}] (id '{layers[layer]['sections'][section]['paragraphs'][paragraph]['id']}')")


def _plain_paragraph(site: Site) -> tuple[int, int, int, dict]:
    """The first paragraph on one line with no bracket: what a case can change without meeting marks."""
    for li, layer in enumerate(site.data("text.yml")["layers"]):
        for si, section in enumerate(layer["sections"]):
            for pi, p in enumerate(section["paragraphs"]):
                if "\n" not in p["text"] and "[" not in p["text"] and "]" not in p["text"]:
                    return li, si, pi, p
    raise AssertionError(f"{site.name}: no paragraph of one line without brackets to break")


def _data_cases(site: Site) -> list:
    """Cases built from what the site's data holds, each with the message it must give."""
    layers = site.data("text.yml")["layers"]
    first = layers[0]["sections"][0]["paragraphs"][0]
    where_first = _where_paragraph(layers, 0, 0, 0)
    li, si, pi, plain = _plain_paragraph(site)
    where_plain = _where_paragraph(layers, li, si, pi)
    places = [(l, s, p) for l, layer in enumerate(layers) for s, section in enumerate(layer["sections"]) for p in range(len(section["paragraphs"]))]
    assert len(places) >= 2, f"{site.name}: the text needs two paragraphs for the duplicate-id case"
    (l2, s2, p2) = places[1]
    second = layers[l2]["sections"][s2]["paragraphs"][p2]
    title = site.data("site.yml")["title"]
    sources = site.items("sources.yml", "sources")
    assert sources, f"{site.name}: data/sources.yml lists no source"
    record_url = site.data("document.yml")["record"]["url"]
    plain_http = record_url.replace("https://", "http://", 1)
    fid, sid, lid, src = first["id"], second["id"], layers[0]["id"], sources[0]["id"]
    FIRST_ID, LAYER_ID, SOURCE_ID, SOURCE_LINE = f"id: {fid}", f"id: {lid}", f"id: {src}", f"- id: {src}"

    def paragraph_of(d: dict, l: int, s: int, p: int) -> dict:
        return d["layers"][l]["sections"][s]["paragraphs"][p]

    cases = [
        ("missing field", _yaml("text.yml", lambda d: paragraph_of(d, 0, 0, 0).pop("text")),
         lambda d: f"data/text.yml, line {line(d, 'text.yml', FIRST_ID)}: entry {where_first}, field 'text' is required but missing"),
        ("wrong type", _yaml("text.yml", lambda d: paragraph_of(d, 0, 0, 0).update(text=42)),
         lambda d: f"data/text.yml, line {line(d, 'text.yml', 'text: 42')}: entry {where_first}, field 'text': Input should be a valid string (got 42)"),
        ("unknown field", _yaml("text.yml", lambda d: paragraph_of(d, 0, 0, 0).update(colour="red")),
         lambda d: f"data/text.yml, line {line(d, 'text.yml', 'colour: red')}: entry {where_first}, "
                   "unknown field 'colour'; the fields allowed here are: id, style, text"),
        ("invalid choice", _yaml("text.yml", lambda d: paragraph_of(d, 0, 0, 0).update(style="bold")),
         lambda d: f"data/text.yml, line {line(d, 'text.yml', 'style: bold')}: entry {where_first}, "
                   "field 'style': Input should be 'prose', 'item' or 'signature' (got 'bold')"),
        ("badly formed id", _yaml("text.yml", lambda d: paragraph_of(d, 0, 0, 0).update(id="Bad Id")),
         lambda d: f"data/text.yml, line {line(d, 'text.yml', 'id: Bad Id')}: entry {where_first.replace(repr(fid), repr('Bad Id'))}, "
                   "field 'id': 'Bad Id' is not a valid id: use lower-case letters and digits in words joined by single "
                   "hyphens, e.g. 's2-version-1'"),
        ("blank text", _yaml("text.yml", lambda d: paragraph_of(d, 0, 0, 0).update(text="   ")),
         lambda d: f"data/text.yml, line {line(d, 'text.yml', FIRST_ID) + 1}: entry {where_first}, "
                   "field 'text': must not be empty or only spaces (got '   ')"),
        ("empty list", _yaml("text.yml", lambda d: d.update(layers=[])),
         lambda d: f"data/text.yml, line {line(d, 'text.yml', 'layers: []')}: field 'layers': List should have at least 1 item after "
                   "validation, not 0 (got [])"),
        ("duplicate id", _yaml("text.yml", lambda d: paragraph_of(d, l2, s2, p2).update(id=first["id"])),
         lambda d: f"duplicate id '{fid}' (in data/text.yml, line {line(d, 'text.yml', FIRST_ID)}: entry {where_first} "
                   f"and in data/text.yml, line {line(d, 'text.yml', FIRST_ID, 2)}: entry "
                   f"{_where_paragraph(layers, l2, s2, p2).replace(repr(sid), repr(fid))}); layers, sections and "
                   "paragraphs share one set of anchors on the text page; every one must be unique"),
        ("unrecognised bracket", _yaml("text.yml", lambda d: paragraph_of(d, li, si, pi).update(text=f"[xyz] {plain['text']}")),
         lambda d: f"data/text.yml, line {line(d, 'text.yml', '[xyz]')}: entry {where_plain}, field 'text': the bracket '[xyz]' matches "
                   "no kind of mark in data/marks.yml; add it to the 'forms' (or 'starts_with') of the kind it belongs to"),
        ("unclosed text bracket", _yaml("text.yml", lambda d: paragraph_of(d, li, si, pi).update(text=f"[never closed {plain['text']}")),
         lambda d: f"data/text.yml, line {line(d, 'text.yml', '[never closed')}: entry {where_plain}, field 'text': the '[' at "
                   "character 1 is never closed"),
        ("yes read as true", _yaml("site.yml", lambda d: d.update(title=True)),
         lambda d: f"data/site.yml, line {line(d, 'site.yml', 'title: true')}: field 'title': Input should be a valid string (got True); "
                   "YAML reads an unquoted yes, no, on, off, true or false as true or false: put the text in quotes"),
        ("a right-to-left override in the site's title", _yaml("site.yml", lambda d: d.update(title="\u202e" + d["title"])),
         lambda d: f"data/site.yml, line {line(d, 'site.yml', 'title: ')}: field 'title': {hidden('U+202E (RIGHT-TO-LEFT OVERRIDE)', 1)} "
                   f"(got '\\u202e{title}')"),
        ("a title of 5,000 characters", _yaml("site.yml", lambda d: d.update(title="T" * 5000)),
         lambda d: f"data/site.yml, line {line(d, 'site.yml', 'title: TTT')}: field 'title': is 5,000 characters long; a field like "
                   "this holds at most 2,000: shorten it, or split it (got '" + "T" * 56 + "...)"),
        ("address not a web address", _yaml("sources.yml", lambda d: d["sources"][0].update(url="javascript:alert(1)")),
         lambda d: f"data/sources.yml, line {line(d, 'sources.yml', 'url: javascript')}: entry sources[1] (id '{src}'), "
                   "field 'url': 'javascript:alert(1)' is not a valid address: it must start with https:// or http://"),
        ("a source's address on an intranet", _yaml("sources.yml", lambda d: d["sources"][0].update(url="https://archive.lan/record")),
         lambda d: f"data/sources.yml, line {line(d, 'sources.yml', 'url: https://archive.lan')}: entry sources[1] (id '{src}'), "
                   "field 'url': 'https://archive.lan/record' is not a valid address: 'archive.lan' is a private or reserved name, not a "
                   "public site; link to the public address"),
        ("plain http where https is needed", _yaml("document.yml", lambda d: d["record"].update(url=record_url.replace("https://", "http://", 1))),
         lambda d: f"data/document.yml, line {line(d, 'document.yml', 'url: http://')}: entry record, field 'url': "
                   f"'{plain_http}' is not a valid address: it must start with https://"),
        ("invalid date", _yaml("document.yml", lambda d: d.update(date="1949-13-45")),
         lambda d: f"data/document.yml, line {line(d, 'document.yml', '1949-13-45')}: field 'date': Input should be a valid date "
                   "or datetime, month value is outside expected range of 1-12 (got '1949-13-45')"),
        ("duplicate YAML key", _text("text.yml", f"  - id: {lid}\n", f"  - id: {lid}\n    id: {lid}\n"),
         lambda d: f"data/text.yml, line {line(d, 'text.yml', LAYER_ID, 2)}: duplicate key 'id' (first given on line "
                   f"{line(d, 'text.yml', LAYER_ID)}); each key may appear once in an entry: remove or rename one of them"),
        ("unclosed bracket", _text("sources.yml", "sources:\n", "sources: [\n"),
         lambda d: f"data/sources.yml, line {line(d, 'sources.yml', SOURCE_LINE)}, column "
                   f"{(d / 'sources.yml').read_text(encoding='utf-8').splitlines()[line(d, 'sources.yml', SOURCE_LINE) - 1].index('-') + 1}: "
                   "YAML syntax error: expected the node content, but found '-'; "
                   f"the '[' on line {line(d, 'sources.yml', 'sources: [')} is not closed"),
    ]
    if len(sources) >= 2:
        cases.append(("duplicate source id", _yaml("sources.yml", lambda d: d["sources"][1].update(id=sources[0]["id"])),
                      lambda d: f"duplicate source id '{src}' (in data/sources.yml, line "
                                f"{line(d, 'sources.yml', SOURCE_ID)}: entry sources[1] (id '{src}') and in "
                                f"data/sources.yml, line {line(d, 'sources.yml', SOURCE_ID, 2)}: entry sources[2] "
                                f"(id '{src}')); every one must be unique"))
    chain = site.data("document.yml").get("chain") or []
    if chain:
        chain_id = chain[0]["id"]
        cases.append(("unknown paragraph id", _yaml("document.yml", lambda d: d["chain"][0].update(paragraphs=["no-such-paragraph"])),
                      lambda d: f"data/document.yml, line {line(d, 'document.yml', '- no-such-paragraph') - 1}: entry chain[1] "
                                f"(id '{chain_id}'), field 'paragraphs': unknown id 'no-such-paragraph'; it must be one of the "
                                "paragraph ids in data/text.yml"))
    cases += _glossary_cases(site)
    return cases


def _glossary_cases(site: Site) -> list:
    """Cases on the first glossary entry that prints a form (and cites a source), if the site has one."""
    found = next(((kind["id"], i, e) for kind in site.kinds() for i, e in enumerate(site.items(f"{kind['id']}.yml", "entries"))
                  if e.get("forms")), None)
    if found is None:
        assert not any(e.get("forms") for e in site.entries().values())
        return []
    kind, index, entry = found
    eid, form = entry["id"], entry["forms"][0]
    ENTRY_ID = f"id: {eid}"
    file, where = f"{kind}.yml", f"entry entries[{index + 1}] (id '{eid}')"

    def entry_of(d: dict) -> dict:
        return d["entries"][index]

    cases = [
        ("a misspelt field name", _yaml(file, lambda d: entry_of(d).update(sumary=entry["summary"])),
         lambda d: f"data/{file}, line {line(d, file, 'sumary:')}: {where}, unknown field 'sumary' (did you mean 'summary'?); "
                   f"the fields allowed here are: {', '.join(Entry.model_fields)}"),
        ("form not in the text", _yaml(file, lambda d: entry_of(d).update(forms=["NOSUCHFORM"])),
         lambda d: f"data/{file}, line {line(d, file, '- NOSUCHFORM') - 1}: {where}, field 'forms': 'NOSUCHFORM' "
                   "does not occur in data/text.yml as a whole word; copy each form exactly as the text prints it (capitals and "
                   "apostrophes included)"),
        ("form with a space at its end", _yaml(file, lambda d: entry_of(d).update(forms=[entry["forms"][0] + " "])),
         lambda d: f"data/{file}, line {line(d, file, ENTRY_ID)}: {where}: the form '{form} ' has spaces "
                   "at its ends, doubled or a line break; copy it exactly as printed, without surrounding spaces"),
        ("a terminal escape code in a name", _yaml(file, lambda d: entry_of(d).update(name="Name \x1b[31mhere")),
         lambda d: f"data/{file}, line {line_after(d, file, ENTRY_ID, 'name:')}: {where}, "
                   f"field 'name': {hidden('U+001B (a control character)', 6)} (got 'Name \\x1b[31mhere')"),
        ("a reference to nothing", _yaml(file, lambda d: entry_of(d).update(identification="See [[no-such-id]].")),
         lambda d: f"data/{file}, line {line(d, file, 'identification: See [[no-such-id]]')}: {where}, field 'identification': "
                   "the reference [[no-such-id]] names nothing; write [[id]] with the id of a paragraph, section, layer, source or "
                   "glossary entry (and [[id|words]] to choose the words shown)"),
        ("a prose link to a loopback address", _yaml(file, lambda d: entry_of(d).update(identification="See [here](https://127.0.0.1/admin).")),
         lambda d: f"data/{file}, line {line_after(d, file, ENTRY_ID, 'identification:')}: {where}, field "
                   "'identification': the link [here](https://127.0.0.1/admin): 'https://127.0.0.1/admin' is not a valid address: after "
                   "https:// it must name a plain host such as 'digitalarchive.wilsoncenter.org' (no user name, password, '@', port or IP "
                   "address) (got 'See [here](https://127.0.0.1/admin).')"),
        ("fact without a source", _yaml(file, lambda d: (entry_of(d).update(sources=[]), entry_of(d).pop("text_only", None))),
         lambda d: f"data/{file}, line {line(d, file, ENTRY_ID)}: {where}: every fact beyond "
                   "the document needs a source: list ids from data/sources.yml in 'sources', or set 'text_only: true' if everything said "
                   "comes from the document"),
        ("unknown source in an entry", _yaml(file, lambda d: (entry_of(d).update(sources=["no-such-source"]), entry_of(d).pop("text_only", None))),
         lambda d: f"data/{file}, line {line(d, file, '- no-such-source') - 1}: {where}, field "
                   "'sources': unknown id 'no-such-source'; it must be one of the source ids in data/sources.yml"),
    ]
    return cases


def kit_cases(site: Site) -> list:
    """(name, how the data folder is broken, the message) for every case of the table on `site`."""
    return [*FILE_CASES, *_site_file_cases(site), *_data_cases(site)]


def _cases() -> list:
    params = []
    for site in SITES.values():
        for name, mutate, expected in kit_cases(site):
            params.append(pytest.param(site.name, mutate, expected, id=f"{site.name}-{name}"))
    return params


@pytest.mark.parametrize("site_name, mutate, expected", _cases())
def test_broken_data_fails_with_one_clear_message(data_dir, mutate, expected):
    mutate(data_dir)
    assert str(load_within(data_dir, 30)) == expected(data_dir)


def test_every_site_has_the_whole_table():
    """The table loops over the sites' data: each site gives every case (none found missing)."""
    for site in SITES.values():
        names = [name for name, _, _ in _data_cases(site)]
        assert len(names) >= 18 and "form not in the text" in names, (site.name, names)


def test_a_data_file_linked_from_outside_the_project_is_refused(tmp_path_factory, data_dir):
    outside = tmp_path_factory.mktemp("elsewhere") / "outside.yml"
    shutil.copy2(data_dir / "sources.yml", outside)
    (data_dir / "sources.yml").unlink()
    os.symlink(outside, data_dir / "sources.yml")
    with pytest.raises(DataError) as caught:
        load_edition(data_dir)
    assert str(caught.value) == f"data/sources.yml: a link to {outside.resolve()}, outside the project; data files must be inside the project"


def test_a_data_folder_that_cannot_be_listed_is_one_message(data_dir, monkeypatch):
    """(Simulated: the tests run as root, which may list any folder.)"""
    import pathlib

    listing = pathlib.Path.iterdir

    def iterdir(self):
        if self == data_dir:
            raise PermissionError(13, "Permission denied", str(self))
        return listing(self)

    monkeypatch.setattr(pathlib.Path, "iterdir", iterdir)
    assert str(load_within(data_dir, 30)) == "data/: the folder cannot be listed (Permission denied); check its permissions"


def test_a_joiner_between_two_letters_is_allowed(data_dir, site_data):
    """Zero-width joiners have one honest use, inside a word of some scripts: allowed there only."""
    kind, entry = next(((k["id"], e) for k in site_data.kinds() for e in site_data.items(f"{k['id']}.yml", "entries")), (None, None))
    file = f"{kind}.yml" if kind else None
    if file is None:  # no glossary entry: the site's title holds the words instead
        _yaml("site.yml", lambda d: d.update(title="Ha\u200cmi"))(data_dir)
        load_edition(data_dir)
        _yaml("site.yml", lambda d: d.update(title="Hami\u200c"))(data_dir)
    else:
        index = [e["id"] for e in site_data.items(file, "entries")].index(entry["id"])
        _yaml(file, lambda d: d["entries"][index].update(other_names=["Ha\u200cmi"]))(data_dir)
        load_edition(data_dir)
        _yaml(file, lambda d: d["entries"][index].update(other_names=["Hami\u200c"]))(data_dir)
    assert "U+200C (ZERO WIDTH NON-JOINER) at character 5" in str(load_within(data_dir, 30))
