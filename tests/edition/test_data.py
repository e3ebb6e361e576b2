"""This edition's data is valid, and every kind of bad edit of it stops with one message that names
the file, the line, the entry and the field, and says what would be valid: the broken-input table
written against this edition's own entries. (The kit's table, whose cases are found in each site's
data, and the cases that break a file as a file: tests/kit/test_validation.py.)

The broken-input table holds each case with its exact message. Line numbers in a message are
not typed: `line(data_dir, file, text)` finds, in the broken file itself, the line that holds
`text` (the entry's `id:` line, the edited field), so a case stays exact when the real data
grows. Positions of entries count from 1, as an editor counts them.
"""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
import yaml

from macros.files.models.glossary import Entry
from macros.views.load import load_edition
from tests.broken_data import (
    NUMBER_REFUSED, NO_REFERENCE, SAME_LOOK_ENTRY, SECOND_DOCUMENT, TAG_REFUSED, _bytes, _everywhere, _text, _yaml, at_field,
    hidden, line, line_after, load_within,
)
from tests.conftest import ROOT

WARM_WELCOME = "A warm welcome? What Mao told Stalin about the PLA's arrival in Xinjiang"
KNOWN_FILES = ("background.yml, basemap.yml, categories.yml, chronology.yml, clocks.yml, document.yml, lessons.yml, marks.yml, "
               "packets.yml, people.yml, places.yml, published-ids.yml, questions.yml, related.yml, site.yml, sources.yml, standards.yml, "
               "terms.yml, text.yml, transcription.txt, units.yml (one per glossary kind in data/site.yml)")
ENTRY_FIELDS = ", ".join(Entry.model_fields)


def test_real_data_is_valid():
    edition = load_edition(ROOT / "data")
    assert edition.paragraphs[0].paragraph.text == "CABLE Nº 59442"
    assert [p.number for p in edition.paragraphs] == list(range(1, len(edition.paragraphs) + 1))


def test_this_edition_has_every_part():
    """Each of its data files names its schema (tests/kit/test_validation.py); here, that there
    are at least fifteen of them."""
    files = sorted((ROOT / "data").glob("*.yml"))
    assert len(files) >= 15, files


def _paragraph(data: dict, n: int) -> dict:
    return data["layers"][0]["sections"][0]["paragraphs"][n]


def _entry(data: dict, entry_id: str) -> dict:
    return next(e for e in data["entries"] if e["id"] == entry_id)


def _event(data: dict, event_id: str) -> dict:
    return next(e for e in data["events"] if e["id"] == event_id)


def _question(data: dict, question_id: str) -> dict:
    return next(q for q in data["questions"] if q["id"] == question_id)


ENVELOPE = "layers[1] (id 'envelope') > sections[1] (id 'envelope-all')"
PLAIN_HTTP = 'url: "http://digitalarchive'
OPEN_TITLE = 'title: "The cable’s envelope'
TYPED_AT_NOON = "time: '12:00'"
BAD_DAY = "date: '1949-10-32'"
YEAR_ONE = "date: '0001-10-18'"
BILLION_LAUGHS = "sources: &a [1]\n" + "".join(f"b{i}: &b{i} [*{'a' if i == 0 else f'b{i - 1}'}, *{'a' if i == 0 else f'b{i - 1}'}]\n" for i in range(12))
THOUSAND_BAD = "sources:\n" + "".join(f"  - id: Bad Id {i}\n    short: s\n    title: t\n    publisher: p\n" for i in range(1000))

# (case, how the data is broken, the exact message: a function of the broken data folder)
BROKEN = [
    # --- one field ---------------------------------------------------------------------------
    ("missing field", _yaml("text.yml", lambda d: _paragraph(d, 0).pop("text")),
     lambda d: f"data/text.yml, line {line(d, 'text.yml', 'id: cable-number')}: entry {ENVELOPE} > paragraphs[1] (id 'cable-number'), "
               "field 'text' is required but missing"),
    ("wrong type", _yaml("text.yml", lambda d: _paragraph(d, 0).update(text=42)),
     lambda d: f"data/text.yml, line {line(d, 'text.yml', 'text: 42')}: entry {ENVELOPE} > paragraphs[1] (id 'cable-number'), "
               "field 'text': Input should be a valid string (got 42)"),
    ("unknown field", _yaml("text.yml", lambda d: _paragraph(d, 0).update(colour="red")),
     lambda d: f"data/text.yml, line {line(d, 'text.yml', 'colour: red')}: entry {ENVELOPE} > paragraphs[1] (id 'cable-number'), "
               "unknown field 'colour'; the fields allowed here are: id, style, text"),
    ("invalid choice", _yaml("text.yml", lambda d: _paragraph(d, 0).update(style="bold")),
     lambda d: f"data/text.yml, line {line(d, 'text.yml', 'style: bold')}: entry {ENVELOPE} > paragraphs[1] (id 'cable-number'), "
               "field 'style': Input should be 'prose', 'item' or 'signature' (got 'bold')"),
    ("badly formed id", _yaml("text.yml", lambda d: _paragraph(d, 0).update(id="Cable Number")),
     lambda d: f"data/text.yml, line {line(d, 'text.yml', 'id: Cable Number')}: entry {ENVELOPE} > paragraphs[1] (id 'Cable Number'), "
               "field 'id': 'Cable Number' is not a valid id: use lower-case letters and digits in words joined by single "
               "hyphens, e.g. 's2-version-1'"),
    ("blank text", _yaml("text.yml", lambda d: _paragraph(d, 0).update(text="   ")),
     lambda d: f"data/text.yml, line {line(d, 'text.yml', 'id: cable-number') + 1}: entry {ENVELOPE} > paragraphs[1] (id 'cable-number'), "
               "field 'text': must not be empty or only spaces (got '   ')"),
    ("empty list", _yaml("text.yml", lambda d: d.update(layers=[])),
     lambda d: f"data/text.yml, line {line(d, 'text.yml', 'layers: []')}: field 'layers': List should have at least 1 item after "
               "validation, not 0 (got [])"),
    ("invalid date", _text("document.yml", "date: 1949-10-25", "date: 1949-13-45"),
     lambda d: f"data/document.yml, line {line(d, 'document.yml', 'date: 1949-13-45')}: field 'date': Input should be a valid date "
               "or datetime, month value is outside expected range of 1-12 (got '1949-13-45')"),
    ("yes read as true", _text("marks.yml", 'name: "Sic"', "name: yes"),
     lambda d: f"data/marks.yml, line {line(d, 'marks.yml', 'name: yes')}: entry marks[1] (id 'sic'), field 'name': Input should be "
               "a valid string (got True); YAML reads an unquoted yes, no, on, off, true or false as true or false: put the text in quotes"),
    ("a misspelt field name", _text("places.yml", "  coordinates_note: 'Town centre", "  coordinate_note: 'Town centre"),
     lambda d: f"data/places.yml, line {line(d, 'places.yml', 'coordinate_note:')}: entry entries[2] (id 'hami'), unknown field "
               f"'coordinate_note' (did you mean 'coordinates_note'?); the fields allowed here are: {ENTRY_FIELDS}"),
    ("a field of 80,000 characters", _yaml("places.yml", lambda d: _entry(d, "hami").update(identification="**a " * 20_000)),
     lambda d: f"data/places.yml, line {line_after(d, 'places.yml', 'id: hami', 'identification:')}: "
               "entry entries[2] (id 'hami'), field 'identification': is 80,000 characters long; a field like this holds at most "
               "10,000: shorten it, or split it (got '**a **a **a **a **a **a **a **a **a **a **a **a **a **a ...)"),
    ("a title of 5,000 characters", _yaml("packets.yml", lambda d: d["packets"][0].update(title="T" * 5000)),
     lambda d: f"data/packets.yml, line {line(d, 'packets.yml', 'title: TTT')}: entry packets[1] (id 'three-versions'), field 'title': "
               "is 5,000 characters long; a field like this holds at most 2,000: shorten it, or split it (got '" + "T" * 56 + "...)"),
    # --- what a reader cannot see ----------------------------------------------------------------
    ("a right-to-left override in the site's title", _yaml("site.yml", lambda d: d.update(title="\u202e" + d["title"])),
     lambda d: f"data/site.yml, line {line(d, 'site.yml', 'title: ')}: field 'title': {hidden('U+202E (RIGHT-TO-LEFT OVERRIDE)', 1)} "
               "(got '\\u202eCable 59442: the PLA enters Xinjiang, October 1949')"),
    ("a bidi isolate in a kind's title", _yaml("site.yml", lambda d: d["glossary"]["kinds"][0].update(title="Peo\u2066ple")),
     lambda d: f"data/site.yml, line {line(d, 'site.yml', 'title: Peo')}: entry glossary > kinds[1] (id 'people'), field 'title': "
               f"{hidden('U+2066 (LEFT-TO-RIGHT ISOLATE)', 4)} (got 'Peo\\u2066ple')"),
    ("a vertical tab in a kind's title", _yaml("site.yml", lambda d: d["glossary"]["kinds"][0].update(title="Peo\x0bple")),
     lambda d: f"data/site.yml, line {line_after(d, 'site.yml', 'id: people', 'title:')}: "
               f"entry glossary > kinds[1] (id 'people'), field 'title': {hidden('U+000B (a control character)', 4)} (got 'Peo\\x0bple')"),
    ("a terminal escape code in a name", _yaml("people.yml", lambda d: _entry(d, "mao-zedong").update(name="Mao \x1b[31mZedong")),
     lambda d: f"data/people.yml, line {line_after(d, 'people.yml', 'id: mao-zedong', 'name:')}: entry entries[1] (id 'mao-zedong'), "
               f"field 'name': {hidden('U+001B (a control character)', 5)} (got 'Mao \\x1b[31mZedong')"),
    ("a line separator in a packet's title", _yaml("packets.yml", lambda d: d["packets"][0].update(title="Three\u2028kinds")),
     lambda d: f"data/packets.yml, line {line_after(d, 'packets.yml', 'id: three-versions', 'title:')}: entry packets[1] (id "
               f"'three-versions'), field 'title': {hidden('U+2028 (LINE SEPARATOR)', 6)} (got 'Three\\u2028kinds')"),
    ("a byte-order mark inside a summary", _yaml("people.yml", lambda d: _entry(d, "stalin").update(summary="Soviet\ufeff leader")),
     lambda d: f"data/people.yml, line {line_after(d, 'people.yml', 'id: stalin', 'summary:')}: entry entries[2] (id 'stalin'), "
               f"field 'summary': {hidden('U+FEFF (ZERO WIDTH NO-BREAK SPACE)', 7)} (got 'Soviet\\ufeff leader')"),
    ("a note that is one zero-width space", _yaml("places.yml", lambda d: _entry(d, "hami").update(certainty="uncertain", certainty_note="\u200b")),
     lambda d: f"data/places.yml, line {line_after(d, 'places.yml', 'id: hami', 'certainty_note:')}: entry entries[2] (id 'hami'), "
               f"field 'certainty_note': {hidden('U+200B (ZERO WIDTH SPACE)', 1)} (got '\\u200b')"),
    ("a name that is a blank letter", _yaml("places.yml", lambda d: _entry(d, "hami").update(name="\u3164")),
     lambda d: f"data/places.yml, line {line_after(d, 'places.yml', 'id: hami', 'name:')}: entry entries[2] (id 'hami'), "
               "field 'name': must not be empty or only spaces (got '\u3164')"),
    ("a terminal escape code in an id", _text("marks.yml", "  - id: sic\n", '  - id: "si\\e[31mc"\n'),
     lambda d: f"data/marks.yml, line {line(d, 'marks.yml', '[31mc')}: entry marks[1] (id 'si\\x1b[31mc'), field 'id': 'si\\x1b[31mc' is not a "
               "valid id: use lower-case letters and digits in words joined by single hyphens, e.g. 's2-version-1'"),
    ("two entries of a kind with one name", _yaml("places.yml", lambda d: _entry(d, "hami").update(name="Turpan")),
     lambda d: f"duplicate name 'Turpan' (in {at_field(d, 'places.yml', 'id: hami', 'name:', 'entries[2]', 'hami')} and in "
               f"{at_field(d, 'places.yml', 'id: turpan', 'name:', 'entries[3]', 'turpan')}); {SAME_LOOK_ENTRY}"),
    ("one name in two Unicode forms", _yaml("places.yml", lambda d: _entry(d, "hami").update(name=unicodedata.normalize("NFD", "Ürümqi"))),
     lambda d: f"duplicate name 'Ürümqi' (typed in two Unicode forms that look the same) (in "
               f"{at_field(d, 'places.yml', 'id: hami', 'name:', 'entries[2]', 'hami')} and in "
               f"{at_field(d, 'places.yml', 'id: urumqi', 'name:', 'entries[5]', 'urumqi')}); {SAME_LOOK_ENTRY}"),
    ("one name in other capitals", _yaml("places.yml", lambda d: _entry(d, "hami").update(name="TURPAN")),
     lambda d: f"duplicate name 'TURPAN' and 'Turpan' (in {at_field(d, 'places.yml', 'id: hami', 'name:', 'entries[2]', 'hami')} and in "
               f"{at_field(d, 'places.yml', 'id: turpan', 'name:', 'entries[3]', 'turpan')}); {SAME_LOOK_ENTRY}"),
    ("two kinds with one title", _yaml("site.yml", lambda d: d["glossary"]["kinds"][3].update(title="People")),
     lambda d: f"duplicate glossary kind title 'People' (in data/site.yml, line {line_after(d, 'site.yml', 'id: people', 'title:')}: "
               "entry glossary > kinds[1] (id 'people'), field 'title' and in data/site.yml, line "
               f"{line_after(d, 'site.yml', 'id: terms', 'title:')}: entry glossary > kinds[4] (id 'terms'), field 'title'); "
               "the navigation would show two kinds of the same name; every one must be unique"),
    ("two packets with one title", _yaml("packets.yml", lambda d: d["packets"][1].update(title=d["packets"][0]["title"])),
     lambda d: f"duplicate packet title 'Three kinds of “rebelled” units' (in data/packets.yml, line "
               f"{line_after(d, 'packets.yml', 'id: three-versions', 'title:')}: entry packets[1] (id 'three-versions'), field 'title' "
               f"and in data/packets.yml, line {line_after(d, 'packets.yml', 'id: journey-of-a-cable', 'title:')}: entry packets[2] (id "
               "'journey-of-a-cable'), field 'title'); the navigation would show two pages of the same name; every one must be unique"),
    ("two lessons with one title", _yaml("lessons.yml", lambda d: d["lessons"][1].update(title=d["lessons"][0]["title"].upper())),
     lambda d: f"duplicate lesson title {WARM_WELCOME!r} and {WARM_WELCOME.upper()!r} (in data/lessons.yml, line "
               f"{line_after(d, 'lessons.yml', 'id: welcome-or-resistance', 'title:')}: entry lessons[1] (id 'welcome-or-resistance'), "
               f"field 'title' and in data/lessons.yml, line {line_after(d, 'lessons.yml', 'id: categories-and-silences', 'title:')}: "
               "entry lessons[2] (id 'categories-and-silences'), field 'title'); the navigation would show two pages of the same "
               "name; every one must be unique"),
    # --- addresses ---------------------------------------------------------------------------
    ("address not a web address", _yaml("sources.yml", lambda d: d["sources"][0].update(url="javascript:alert(1)")),
     lambda d: f"data/sources.yml, line {line(d, 'sources.yml', 'url: javascript')}: entry sources[1] (id 'wilson-record'), field 'url': "
               "'javascript:alert(1)' is not a valid address: it must start with https:// or http://"),
    ("address with a user name", _yaml("sources.yml", lambda d: d["sources"][0].update(url="https://digitalarchive.wilsoncenter.org@evil.example/")),
     lambda d: f"data/sources.yml, line {line(d, 'sources.yml', 'url: https://digitalarchive.wilsoncenter.org@')}: entry sources[1] "
               "(id 'wilson-record'), field 'url': 'https://digitalarchive.wilsoncenter.org@evil.example/' is not a valid address: "
               "after https:// it must name a plain host such as 'digitalarchive.wilsoncenter.org' (no user name, password, '@', port or IP address)"),
    ("plain http where https is needed", _text("document.yml", 'url: "https://digitalarchive', 'url: "http://digitalarchive'),
     lambda d: f"data/document.yml, line {line(d, 'document.yml', PLAIN_HTTP)}: entry record, field 'url': "
               "'http://digitalarchive.wilsoncenter.org/document/letter-cde-mao-zedong-cde-filippov-stalin-kovalev' is not a valid "
               "address: it must start with https://"),
    ("a prose link to a private address and port", _yaml("places.yml", lambda d: _entry(d, "hami").update(identification="See [here](https://10.0.0.1:8443/).")),
     lambda d: f"data/places.yml, line {line_after(d, 'places.yml', 'id: hami', 'identification:')}: entry entries[2] (id 'hami'), field "
               "'identification': the link [here](https://10.0.0.1:8443/): 'https://10.0.0.1:8443/' is not a valid address: after https:// it must name a plain host such as 'digitalarchive.wilsoncenter.org' (no user name, password, '@', port or IP address) (got 'See [here](https://10.0.0.1:8443/).')"),
    ("a prose link to localhost", _yaml("places.yml", lambda d: _entry(d, "hami").update(identification="See [here](https://localhost/).")),
     lambda d: f"data/places.yml, line {line_after(d, 'places.yml', 'id: hami', 'identification:')}: entry entries[2] (id 'hami'), field "
               "'identification': the link [here](https://localhost/): 'https://localhost/' is not a valid address: after https:// it must name a plain host such as 'digitalarchive.wilsoncenter.org' (no user name, password, '@', port or IP address) (got 'See [here](https://localhost/).')"),
    ("a prose link to a loopback address", _yaml("places.yml", lambda d: _entry(d, "hami").update(identification="See [here](https://127.0.0.1/admin).")),
     lambda d: f"data/places.yml, line {line_after(d, 'places.yml', 'id: hami', 'identification:')}: entry entries[2] (id 'hami'), field "
               "'identification': the link [here](https://127.0.0.1/admin): 'https://127.0.0.1/admin' is not a valid address: after https:// it must name a plain host such as 'digitalarchive.wilsoncenter.org' (no user name, password, '@', port or IP address) (got 'See [here](https://127.0.0.1/admin).')"),
    ("a prose link to an IPv6 loopback", _yaml("places.yml", lambda d: _entry(d, "hami").update(identification="See [here](https://[::1]/).")),
     lambda d: f"data/places.yml, line {line_after(d, 'places.yml', 'id: hami', 'identification:')}: entry entries[2] (id 'hami'), field "
               "'identification': the link [here](https://[::1]/): 'https://[::1]/' is not a valid address: after https:// it must name a plain host such as 'digitalarchive.wilsoncenter.org' (no user name, password, '@', port or IP address) (got 'See [here](https://[::1]/).')"),
    ("a prose link to a link-local address", _yaml("places.yml", lambda d: _entry(d, "hami").update(identification="See [here](https://169.254.169.254/latest/).")),
     lambda d: f"data/places.yml, line {line_after(d, 'places.yml', 'id: hami', 'identification:')}: entry entries[2] (id 'hami'), field "
               "'identification': the link [here](https://169.254.169.254/latest/): 'https://169.254.169.254/latest/' is not a valid address: after https:// it must name a plain host such as 'digitalarchive.wilsoncenter.org' (no user name, password, '@', port or IP address) (got 'See [here](https://169.254.169.254/latest/).')"),
    ("a prose link to an address written as one number", _yaml("places.yml", lambda d: _entry(d, "hami").update(identification="See [here](https://2130706433/).")),
     lambda d: f"data/places.yml, line {line_after(d, 'places.yml', 'id: hami', 'identification:')}: entry entries[2] (id 'hami'), field "
               "'identification': the link [here](https://2130706433/): 'https://2130706433/' is not a valid address: after https:// it must name a plain host such as 'digitalarchive.wilsoncenter.org' (no user name, password, '@', port or IP address) (got 'See [here](https://2130706433/).')"),
    ("a prose link to a .local host", _yaml("places.yml", lambda d: _entry(d, "hami").update(identification="See [here](https://printer.local/).")),
     lambda d: f"data/places.yml, line {line_after(d, 'places.yml', 'id: hami', 'identification:')}: entry entries[2] (id 'hami'), field "
               "'identification': the link [here](https://printer.local/): 'https://printer.local/' is not a valid address: 'printer.local' is a private or reserved name, not a public site; link to the public address (got 'See [here](https://printer.local/).')"),
    ("a prose link to a name under localhost", _yaml("places.yml", lambda d: _entry(d, "hami").update(identification="See [here](https://app.localhost/).")),
     lambda d: f"data/places.yml, line {line_after(d, 'places.yml', 'id: hami', 'identification:')}: entry entries[2] (id 'hami'), field "
               "'identification': the link [here](https://app.localhost/): 'https://app.localhost/' is not a valid address: 'app.localhost' is a private or reserved name, not a public site; link to the public address (got 'See [here](https://app.localhost/).')"),
    ("a prose link to an .internal host", _yaml("places.yml", lambda d: _entry(d, "hami").update(identification="See [here](https://wiki.corp.internal/page).")),
     lambda d: f"data/places.yml, line {line_after(d, 'places.yml', 'id: hami', 'identification:')}: entry entries[2] (id 'hami'), field "
               "'identification': the link [here](https://wiki.corp.internal/page): 'https://wiki.corp.internal/page' is not a valid address: 'wiki.corp.internal' is a private or reserved name, not a public site; link to the public address (got 'See [here](https://wiki.corp.internal/page).')"),
    ("a prose link to a host behind a user name", _yaml("places.yml", lambda d: _entry(d, "hami").update(identification="See [here](https://en.wikipedia.org@10.0.0.1/).")),
     lambda d: f"data/places.yml, line {line_after(d, 'places.yml', 'id: hami', 'identification:')}: entry entries[2] (id 'hami'), field "
               "'identification': the link [here](https://en.wikipedia.org@10.0.0.1/): 'https://en.wikipedia.org@10.0.0.1/' is not a valid address: after https:// it must name a plain host such as 'digitalarchive.wilsoncenter.org' (no user name, password, '@', port or IP address) (got 'See [here](https://en.wikipedia.org@10.0.0.1/).')"),
    ("a source's address on an intranet", _yaml("sources.yml", lambda d: d["sources"][0].update(url="https://archive.lan/record")),
     lambda d: f"data/sources.yml, line {line(d, 'sources.yml', 'url: https://archive.lan')}: entry sources[1] (id 'wilson-record'), "
               "field 'url': 'https://archive.lan/record' is not a valid address: 'archive.lan' is a private or reserved name, not a "
               "public site; link to the public address"),
    # A reference's words are plain: a link in them once published a raw placeholder (NUL bytes
    # included) into the page and the search index.
    ("a reference whose words are a link",
     _yaml("places.yml", lambda d: _entry(d, "hami").update(identification="Near [[turpan|[Turpan](https://en.wikipedia.org/wiki/Turpan)]].")),
     lambda d: f"data/places.yml, line {line_after(d, 'places.yml', 'id: hami', 'identification:')}: entry entries[2] (id 'hami'), "
               f"field 'identification': the '[[' at character 6 {NO_REFERENCE}"),
    ("a reference whose words hold brackets", _yaml("places.yml", lambda d: _entry(d, "hami").update(identification="Near [[turpan|the [old] town]].")),
     lambda d: f"data/places.yml, line {line_after(d, 'places.yml', 'id: hami', 'identification:')}: entry entries[2] (id 'hami'), "
               f"field 'identification': the '[[' at character 6 {NO_REFERENCE}"),
    ("a reference never closed", _yaml("places.yml", lambda d: _entry(d, "hami").update(identification="Near [[turpan, the town.")),
     lambda d: f"data/places.yml, line {line_after(d, 'places.yml', 'id: hami', 'identification:')}: entry entries[2] (id 'hami'), "
               f"field 'identification': the '[[' at character 6 {NO_REFERENCE}"),
    # --- YAML itself ---------------------------------------------------------------------------
    ("duplicate YAML key", _text("text.yml", "  - id: envelope\n", "  - id: envelope\n    id: envelope\n"),
     lambda d: f"data/text.yml, line {line(d, 'text.yml', 'id: envelope', 2)}: duplicate key 'id' (first given on line "
               f"{line(d, 'text.yml', 'id: envelope')}); each key may appear once in an entry: remove or rename one of them"),
    ("unclosed bracket", _text("sources.yml", "sources:\n", "sources: [\n"),
     lambda d: f"data/sources.yml, line {line(d, 'sources.yml', '- id: wilson-record')}, column "
               f"{(d / 'sources.yml').read_text(encoding='utf-8').splitlines()[line(d, 'sources.yml', '- id: wilson-record') - 1].index('-') + 1}: "
               "YAML syntax error: expected the "
               f"node content, but found '-'; the '[' on line {line(d, 'sources.yml', 'sources: [')} is not closed"),
    # The next double quote (two lines down) closes the string, so YAML fails there: the message
    # names the entry where the unclosed construct began.
    ("unclosed quote in the middle", _text("text.yml", 'title: "The cable’s envelope"', 'title: "The cable’s envelope'),
     lambda d: f"data/text.yml, line {line(d, 'text.yml', '- id: envelope')}: YAML syntax error: expected <block end>, but found "
               f"'<scalar>', while parsing a block mapping that begins on line {line(d, 'text.yml', '- id: envelope')} and is still "
               f"open at line {line(d, 'text.yml', OPEN_TITLE) + 1}, column 13; look for an unclosed quote or bracket on line "
               f"{line(d, 'text.yml', '- id: envelope')} or after it"),
    ("an unquoted clock time", _text("chronology.yml", 'time: "12:30"', "time: 12:30"),
     lambda d: f"data/chronology.yml, line {line(d, 'chronology.yml', 'time: 12:30')}: 12:30 is read by YAML as a number "
               "(sexagesimal), not as text; quote clock times: '12:30'"),
    ("a merge key", _text("marks.yml", "  - id: sic\n", "  - <<: {id: sic}\n    id: sic\n"),
     lambda d: f"data/marks.yml, line {line(d, 'marks.yml', '<<:')}: a merge key ('<<') is not allowed in data files; write the fields out in full"),
    ("a key that is a number", _text("marks.yml", "  - id: sic\n", "  - id: sic\n    1: one\n"),
     lambda d: f"data/marks.yml, line {line(d, 'marks.yml', '1: one')}: the key '1' is read by YAML as a int (1), not as a field name; "
               "keys must be field names (quote it if you meant the text: '1')"),
    # Explicit tags: a value is written plainly (pydantic would take a !!set for a list, and report
    # a !!timestamp as a Python repr).
    ("!!set where a list is expected", _text("places.yml", "  forms:\n  - HAMI\n", "  forms: !!set {HAMI}\n"),
     lambda d: f"data/places.yml, line {line(d, 'places.yml', '!!set')}: the YAML tag '!!set' {TAG_REFUSED}"),
    ("!!timestamp in a text field", _text("document.yml", 'translator: "Gary Goldberg"', "translator: !!timestamp 2001-01-01"),
     lambda d: f"data/document.yml, line {line(d, 'document.yml', '!!timestamp')}: the YAML tag '!!timestamp' {TAG_REFUSED}"),
    ("!!binary", _text("document.yml", 'translator: "Gary Goldberg"', "translator: !!binary R2FyeQ=="),
     lambda d: f"data/document.yml, line {line(d, 'document.yml', '!!binary')}: the YAML tag '!!binary' {TAG_REFUSED}"),
    ("a tag of one's own", _text("document.yml", 'translator: "Gary Goldberg"', 'translator: !name "Gary Goldberg"'),
     lambda d: f"data/document.yml, line {line(d, 'document.yml', '!name')}: the YAML tag '!name' {TAG_REFUSED}"),
    ("a Python object tag", _text("document.yml", 'translator: "Gary Goldberg"', "translator: !!python/object/apply:os.system [ls]"),
     lambda d: f"data/document.yml, line {line(d, 'document.yml', '!!python')}: the YAML tag '!!python/object/apply:os.system' {TAG_REFUSED}"),
    ("a second document", lambda d: (d / "marks.yml").write_text((d / "marks.yml").read_text(encoding="utf-8") + "---\nmarks: []\n", encoding="utf-8"),
     lambda d: f"data/marks.yml, line {line(d, 'marks.yml', 'marks: []') - 1}: {SECOND_DOCUMENT}"),
    ("a document end, then more", lambda d: (d / "marks.yml").write_text((d / "marks.yml").read_text(encoding="utf-8") + "...\nmarks: []\n", encoding="utf-8"),
     lambda d: f"data/marks.yml, line {line(d, 'marks.yml', 'marks: []')}: {SECOND_DOCUMENT}"),
    ("a list as a key", _text("marks.yml", "  - id: sic\n", "  - id: sic\n    ? [a, b]\n    : c\n"),
     lambda d: f"data/marks.yml, line {line(d, 'marks.yml', '? [a, b]')}: a key that is itself a list or a mapping ('? ...') is not "
               "allowed; keys must be field names"),
    ("a mapping as a key", _text("marks.yml", "  - id: sic\n", "  - id: sic\n    {a: b}: c\n"),
     lambda d: f"data/marks.yml, line {line(d, 'marks.yml', '{a: b}')}: a key that is itself a list or a mapping ('? ...') is not "
               "allowed; keys must be field names"),
    # Numbers far beyond any a data file needs: 5,001 digits once raised Python's own ValueError.
    ("a number of 5,001 digits", _text("chronology.yml", "date: '1949-10-", "date: 1" + "0" * 5000 + " #'1949-10-"),
     lambda d: f"data/chronology.yml, line {line(d, 'chronology.yml', 'date: 1000')}: the number 100000000000…0000 (5,001 characters) "
               f"{NUMBER_REFUSED}"),
    ("a number beyond a billion", _text("lessons.yml", "minutes: 50", "minutes: 50000000000"),
     lambda d: f"data/lessons.yml, line {line(d, 'lessons.yml', 'minutes: 50000000000')}: the number 50000000000 {NUMBER_REFUSED}"),
    ("an infinite number", _text("places.yml", "lat: 42.8193", "lat: .inf"),
     lambda d: f"data/places.yml, line {line(d, 'places.yml', 'lat: .inf')}: the number .inf {NUMBER_REFUSED}"),
    ("not a number", _text("places.yml", "lat: 42.8193", "lat: .nan"),
     lambda d: f"data/places.yml, line {line(d, 'places.yml', 'lat: .nan')}: the number .nan {NUMBER_REFUSED}"),
    ("a float that overflows", _text("places.yml", "lat: 42.8193", "lat: 1.0e+400"),
     lambda d: f"data/places.yml, line {line(d, 'places.yml', 'lat: 1.0e+400')}: the number 1.0e+400 {NUMBER_REFUSED}"),
    # YAML 1.1 reads 1e400 (no dot) as text; the model still refuses the infinity it means.
    ("a float written as text that overflows", _text("places.yml", "lat: 42.8193", "lat: 1e400"),
     lambda d: f"data/places.yml, line {line(d, 'places.yml', 'lat: 1e400')}: entry entries[2] (id 'hami') > coordinates, field 'lat': "
               "Input should be a finite number (got '1e400')"),
    # --- files ---------------------------------------------------------------------------------
    ("a misspelt file name", lambda d: (d / "questions.yml").rename(d / "questoins.yml"),
     lambda d: "data/questoins.yml: not a file this site reads. The files it reads are: background.yml, basemap.yml, categories.yml, chronology.yml, "
               "clocks.yml, document.yml, lessons.yml, marks.yml, packets.yml, people.yml, places.yml, published-ids.yml, questions.yml, "
               "related.yml, site.yml, sources.yml, standards.yml, terms.yml, text.yml, transcription.txt, units.yml (one per glossary kind in "
               "data/site.yml); rename or remove it"),
    ("a transcription that is not UTF-8", _bytes("transcription.txt", b"CABLE\n\xff\n"),
     lambda d: "data/transcription.txt, line 2: not valid UTF-8 (byte 0xff); save the file as UTF-8"),
    # --- the text ------------------------------------------------------------------------------
    ("duplicate id", _yaml("text.yml", lambda d: _paragraph(d, 1).update(id="cable-number")),
     lambda d: f"duplicate id 'cable-number' (in data/text.yml, line {line(d, 'text.yml', 'id: cable-number')}: entry {ENVELOPE} > "
               f"paragraphs[1] (id 'cable-number') and in data/text.yml, line {line(d, 'text.yml', 'id: cable-number', 2)}: entry "
               f"{ENVELOPE} > paragraphs[2] (id 'cable-number')); layers, sections and paragraphs share one set of anchors on the "
               "text page; every one must be unique"),
    ("unrecognised bracket", _yaml("text.yml", lambda d: _paragraph(d, 0).update(text="CABLE [xyz] Nº 59442")),
     lambda d: f"data/text.yml, line {line(d, 'text.yml', 'text: CABLE [xyz]')}: entry {ENVELOPE} > paragraphs[1] (id 'cable-number'), "
               "field 'text': the bracket '[xyz]' matches no kind of mark in data/marks.yml; add it to the 'forms' (or "
               "'starts_with') of the kind it belongs to"),
    ("unclosed text bracket", _yaml("text.yml", lambda d: _paragraph(d, 0).update(text="CABLE [sic Nº 59442")),
     lambda d: f"data/text.yml, line {line(d, 'text.yml', 'text: CABLE [sic')}: entry {ENVELOPE} > paragraphs[1] (id 'cable-number'), "
               "field 'text': the '[' at character 7 is never closed"),
    ("a word of the text changed", _text("text.yml", "letter of Cde. MAO ZEDONG", "letter of Comrade MAO ZEDONG"),
     lambda d: f"data/text.yml, line {line(d, 'text.yml', 'Comrade MAO ZEDONG') - 1}: entry layers[2] (id 'cover') > sections[1] "
               "(id 'cover-all') > paragraphs[1] (id 'cover-line'), field 'text': differs from the transcription "
               "(data/transcription.txt, paragraph 5): 'Cde.' became 'Comrade'. The text must stay word for word as printed: "
               "annotate elsewhere, never correct"),
    ("a published id renamed everywhere", _everywhere("s2-version-3", "s2-version-three"),
     lambda d: "data/published-ids.yml: the paragraph id 's2-version-3' was published (links and citations may use it) and is no "
               "longer in data/text.yml. Ids are permanent: restore it, or record where it went under 'moved' in "
               "data/published-ids.yml, e.g. {kind: paragraphs, id: s2-version-3, to: NEW-ID}; the site then keeps the old address working"),
    ("a move to an id that does not exist", _text("published-ids.yml", "layers: [", "moved: [{kind: sections, id: old-part, to: no-such-section}]\nlayers: ["),
     lambda d: "data/published-ids.yml: 'moved' sends the section 'old-part' to 'no-such-section', which is not in data/text.yml; "
               "it must name a section the site has now"),
    # --- the record ----------------------------------------------------------------------------
    ("duplicate source id", _yaml("sources.yml", lambda d: d["sources"][1].update(id="wilson-record")),
     lambda d: f"duplicate source id 'wilson-record' (in data/sources.yml, line {line(d, 'sources.yml', 'id: wilson-record')}: entry "
               f"sources[1] (id 'wilson-record') and in data/sources.yml, line {line(d, 'sources.yml', 'id: wilson-record', 2)}: entry "
               "sources[2] (id 'wilson-record')); every one must be unique"),
    ("unknown paragraph id", _yaml("document.yml", lambda d: d["chain"][0].update(paragraphs=["no-such-paragraph"])),
     lambda d: f"data/document.yml, line {line(d, 'document.yml', '- no-such-paragraph') - 1}: entry chain[1] (id 'report'), field "
               "'paragraphs': unknown id 'no-such-paragraph'; it must be one of the paragraph ids in data/text.yml"),
    ("unknown source id", _yaml("document.yml", lambda d: d["chain"][0].update(sources=["no-such-source"])),
     lambda d: f"data/document.yml, line {line(d, 'document.yml', '- no-such-source') - 1}: entry chain[1] (id 'report'), field "
               "'sources': unknown id 'no-such-source'; it must be one of the source ids in data/sources.yml"),
    ("an id one letter off", _yaml("document.yml", lambda d: d["chain"][0].update(paragraphs=["letter-first-reprt"])),
     lambda d: f"data/document.yml, line {line(d, 'document.yml', '- letter-first-reprt') - 1}: entry chain[1] (id 'report'), field "
               "'paragraphs': unknown id 'letter-first-reprt'; it must be one of the paragraph ids in data/text.yml (did you mean "
               "'letter-first-report'?)"),
    ("an id as near to three", _yaml("document.yml", lambda d: d["chain"][0].update(paragraphs=["s2-version-l"])),
     lambda d: f"data/document.yml, line {line(d, 'document.yml', '- s2-version-l') - 1}: entry chain[1] (id 'report'), field "
               "'paragraphs': unknown id 's2-version-l'; it must be one of the paragraph ids in data/text.yml (did you mean "
               "'s2-version-1', 's2-version-2' or 's2-version-3'?)"),
    ("claim without evidence", _yaml("document.yml", lambda d: d["chain"][0].update(paragraphs=[], sources=[])),
     lambda d: f"data/document.yml, line {line(d, 'document.yml', 'id: report')}: entry chain[1] (id 'report'): give the paragraphs "
               "of the text ('paragraphs') or the sources ('sources') that support this step; a claim without evidence cannot be published"),
    # --- the glossary --------------------------------------------------------------------------
    ("uncertain without a reason", _yaml("places.yml", lambda d: _entry(d, "hami").update(certainty="uncertain")),
     lambda d: f"data/places.yml, line {line(d, 'places.yml', 'id: hami')}: entry entries[2] (id 'hami'): certainty is 'uncertain', "
               "so 'certainty_note' must say why"),
    ("form not in the text", _yaml("places.yml", lambda d: _entry(d, "hami").update(forms=["KUMUL"])),
     lambda d: f"data/places.yml, line {line(d, 'places.yml', '- KUMUL') - 1}: entry entries[2] (id 'hami'), field 'forms': 'KUMUL' "
               "does not occur in data/text.yml as a whole word; copy each form exactly as the text prints it (capitals and "
               "apostrophes included)"),
    ("form 'corrected'", _yaml("people.yml", lambda d: _entry(d, "luo-shuren").update(forms=["LUO", "Luo"])),
     lambda d: f"data/people.yml, line {line(d, 'people.yml', '- LUO') - 1}: entry entries[10] (id 'luo-shuren'), field 'forms': 'Luo' "
               "does not occur in data/text.yml as a whole word; copy each form exactly as the text prints it (capitals and "
               "apostrophes included)"),
    ("form only inside a longer form", _yaml("units.yml", lambda d: _entry(d, "pla")["forms"].append("Liberation Army")),
     lambda d: f"data/units.yml, line {line(d, 'units.yml', '- People’s Liberation Army') - 1}: entry entries[1] (id 'pla'), field "
               "'forms': 'Liberation Army' occurs in data/text.yml only inside the longer form 'Chinese People’s Liberation Army' "
               "(entry 'pla'), so it is never linked; remove it, or give the longer form to this entry instead"),
    ("form with a space at its end", _yaml("places.yml", lambda d: _entry(d, "hami").update(forms=["HAMI "])),
     lambda d: f"data/places.yml, line {line(d, 'places.yml', 'id: hami')}: entry entries[2] (id 'hami'): the form 'HAMI ' has spaces "
               "at its ends, doubled or a line break; copy it exactly as printed, without surrounding spaces"),
    ("form with a Cyrillic letter", _yaml("places.yml", lambda d: _entry(d, "hami").update(forms=["HАMI"])),
     lambda d: f"data/places.yml, line {line(d, 'places.yml', '- HАMI') - 1}: entry entries[2] (id 'hami'), field 'forms': 'HАMI' mixes "
               "letters of different scripts (CYRILLIC, LATIN), as when a Cyrillic 'А' is typed for a Latin 'A'; retype it from the text"),
    ("form of two entries", _yaml("units.yml", lambda d: _entry(d, "pla").update(forms=["People’s Liberation Army", "HAMI"])),
     lambda d: f"duplicate form 'HAMI' (in data/places.yml, line {line(d, 'places.yml', 'id: hami')}: entry entries[2] (id 'hami') and "
               f"in data/units.yml, line {line(d, 'units.yml', 'id: pla')}: entry entries[1] (id 'pla')); a printed form can link to "
               "one entry only; every one must be unique"),
    ("glossary id reused", _yaml("terms.yml", lambda d: _entry(d, "liang").update(id="hami")),
     lambda d: f"duplicate glossary id 'hami' (in data/places.yml, line {line(d, 'places.yml', 'id: hami')}: entry entries[2] (id 'hami') "
               f"and in data/terms.yml, line {line(d, 'terms.yml', 'id: hami')}: entry entries[{1 + [e['id'] for e in yaml.safe_load((d / 'terms.yml').read_text(encoding='utf-8'))['entries']].index('hami')}] "
               "(id 'hami')); mentions refer to entries by id, so all the glossary's files share one set of ids; every one must be unique"),
    ("latitude out of range", _yaml("places.yml", lambda d: _entry(d, "hami").update(coordinates={"lat": 95, "lon": 93})),
     lambda d: f"data/places.yml, line {line(d, 'places.yml', 'lat: 95')}: entry entries[2] (id 'hami') > coordinates, field 'lat': "
               "Input should be less than or equal to 90 (got 95)"),
    ("coordinates for a person", _yaml("people.yml", lambda d: _entry(d, "mao-zedong").update(coordinates={"lat": 39.9, "lon": 116.4})),
     lambda d: f"data/people.yml, line {line(d, 'people.yml', 'coordinates:')}: entry entries[1] (id 'mao-zedong'), field 'coordinates': "
               "only entries of a located kind have coordinates (located kinds: places)"),
    ("fact without a source", _yaml("people.yml", lambda d: _entry(d, "mao-zedong").update(sources=[])),
     lambda d: f"data/people.yml, line {line(d, 'people.yml', 'id: mao-zedong')}: entry entries[1] (id 'mao-zedong'): every fact beyond "
               "the document needs a source: list ids from data/sources.yml in 'sources', or set 'text_only: true' if everything said "
               "comes from the document"),
    ("unknown source in an entry", _yaml("people.yml", lambda d: _entry(d, "mao-zedong").update(sources=["no-such-source"])),
     lambda d: f"data/people.yml, line {line(d, 'people.yml', '- no-such-source') - 1}: entry entries[1] (id 'mao-zedong'), field "
               "'sources': unknown id 'no-such-source'; it must be one of the source ids in data/sources.yml"),
    ("bad language tag", _yaml("places.yml", lambda d: _entry(d, "hami").update(scripts=[{"text": "哈密", "lang": "Chinese"}])),
     lambda d: f"data/places.yml, line {line(d, 'places.yml', 'lang: Chinese')}: entry entries[2] (id 'hami') > scripts[1], field 'lang': "
               "'Chinese' is not a language tag: use a BCP 47 tag such as 'zh-Hans', 'zh-Hant', 'ug-Arab', 'kk' or 'ru'"),
    ("language tag with its default script", _yaml("places.yml", lambda d: _entry(d, "hami").update(scripts=[{"text": "Құмыл", "lang": "kk-Cyrl"}])),
     lambda d: f"data/places.yml, line {line(d, 'places.yml', 'lang: kk-Cyrl')}: entry entries[2] (id 'hami') > scripts[1], field 'lang': "
               "'kk-Cyrl' names the default script of 'kk': write 'kk' (BCP 47 leaves it out)"),
    ("context entry with forms", _yaml("people.yml", lambda d: _entry(d, "gary-goldberg").update(forms=["Stalin"])),
     lambda d: f"data/people.yml, line {line(d, 'people.yml', 'id: gary-goldberg')}: entry entries[15] (id 'gary-goldberg'): an entry "
               "with 'context_only: true' is not printed in the document, so it has no 'forms'"),
    ("the earliest date after the latest", _text("site.yml", 'earliest: "1900-01-01"', 'earliest: "2030-01-01"'),
     lambda d: f"data/site.yml, line {line(d, 'site.yml', 'dates:')}: field 'dates': 'earliest' (2030-01-01) is after 'latest' "
               "(2026-12-31); swap them, or correct the year"),
    ("a glossary kind listed twice", _yaml("site.yml", lambda d: d["glossary"]["kinds"].append(dict(d["glossary"]["kinds"][1]))),
     lambda d: f"data/site.yml, line {line(d, 'site.yml', 'kinds:')}: entry glossary, field 'kinds': the kind 'places' is listed twice "
               "(kinds[2] and kinds[5]); each kind has one file and one page: remove one"),
    # Here 'terms' is no longer listed, so data/terms.yml is a file the site does not read; the
    # message names the mistake in site.yml, not the file it orphaned.
    ("a kind listed twice in place of another", _text("site.yml", "    - id: terms\n", "    - id: places\n"),
     lambda d: f"data/site.yml, line {line(d, 'site.yml', 'kinds:')}: entry glossary, field 'kinds': the kind 'places' is listed twice "
               "(kinds[2] and kinds[4]); each kind has one file and one page: remove one"),
    ("glossary kind called index", _text("site.yml", "    - id: terms\n", "    - id: index\n"),
     lambda d: f"data/site.yml, line {line(d, 'site.yml', '- id: index')}: entry glossary > kinds[4] (id 'index'), field 'id': 'index' is "
               "the glossary's own page; choose another id"),
    # --- the chronology ------------------------------------------------------------------------
    ("event at an unknown place", _yaml("chronology.yml", lambda d: d["events"][0].update(places=["atlantis"])),
     lambda d: f"data/chronology.yml, line {line(d, 'chronology.yml', '- atlantis') - 1}: entry events[1] (id 'advance-begins'), field "
               "'places': unknown id 'atlantis'; it must be one of the entry ids of a located glossary kind (data/places.yml)"),
    ("person given as a place", _yaml("chronology.yml", lambda d: d["events"][0].update(places=["mao-zedong"])),
     lambda d: f"data/chronology.yml, line {line(d, 'chronology.yml', '- mao-zedong') - 1}: entry events[1] (id 'advance-begins'), field "
               "'places': unknown id 'mao-zedong'; it must be one of the entry ids of a located glossary kind (data/places.yml)"),
    ("a place given as a person", _yaml("chronology.yml", lambda d: d["events"][0].update(people=["hami"])),
     lambda d: f"data/chronology.yml, line {line(d, 'chronology.yml', '- hami') - 1}: entry events[1] (id 'advance-begins'), field "
               "'people': unknown id 'hami'; it must be one of the entry ids of a glossary kind that is not located (data/people.yml, "
               "data/terms.yml, data/units.yml)"),
    ("a route through an unknown place", _yaml("chronology.yml", lambda d: d["events"][0]["route"][0].update(place="atlantis")),
     lambda d: f"data/chronology.yml, line {line(d, 'chronology.yml', 'place: atlantis')}: entry events[1] (id 'advance-begins') > "
               "route[1], field 'place': unknown id 'atlantis'; it must be one of the entry ids of a located glossary kind (data/places.yml)"),
    ("a clock time with no clocks file", lambda d: (d / "clocks.yml").unlink(),
     lambda d: f"data/chronology.yml, line {line_after(d, 'chronology.yml', 'id: report-written-in-hami', 'clock:')}: entry events[9] "
               "(id 'report-written-in-hami'), field 'clock': the event names a clock, but there is no data/clocks.yml"),
    ("impossible date", _yaml("chronology.yml", lambda d: d["events"][0].update(date="1949-10-32")),
     lambda d: f"data/chronology.yml, line {line(d, 'chronology.yml', BAD_DAY)}: entry events[1] (id 'advance-begins'), field "
               "'date': '1949-10-32' is not a date: write it as YYYY-MM-DD, e.g. '1949-10-18'"),
    ("the year 1", _yaml("chronology.yml", lambda d: _event(d, "turpan-entered").update(date="0001-10-18")),
     lambda d: f"data/chronology.yml, line {line(d, 'chronology.yml', YEAR_ONE)}: entry events[7] (id 'turpan-entered'), field "
               "'date': 0001-10-18 is outside the dates this site allows (1900-01-01 to 2026-12-31, set in data/site.yml under "
               "'dates'); check the year"),
    ("a date the cable contradicts", _yaml("chronology.yml", lambda d: _event(d, "qijiaojing-reached").update(date="1949-10-14")),
     lambda d: f"data/chronology.yml, line {line(d, 'chronology.yml', 'id: qijiaojing-reached') + 2}: entry events[4] (id "
               "'qijiaojing-reached'), field 'date': 1949-10-14 is not a date its paragraphs (s1-qijiaojing) print; they give 15 "
               "October. Date the event as the text does, or cite the paragraph that gives its date"),
    ("the journey out of order", _yaml("chronology.yml", lambda d: _event(d, "received-in-moscow").update(date="1949-10-17")),
     lambda d: f"data/chronology.yml, line {line(d, 'chronology.yml', 'id: received-in-moscow') + 2}: entry events[12] (id "
               "'received-in-moscow'), field 'date': this step of the journey (1949-10-17 10:10) is dated before the step listed "
               "above it, 'kovalev-cable' (1949-10-25); the journey's steps must be listed in the order they happened, each no "
               "earlier than the one before"),
    ("clock time without a clock", _yaml("chronology.yml", lambda d: _event(d, "deciphered").pop("clock")),
     lambda d: f"data/chronology.yml, line {line(d, 'chronology.yml', 'id: deciphered')}: entry events[14] (id 'deciphered'): a clock "
               "time needs 'clock': the id of the clock in data/clocks.yml it was read on"),
    ("unknown clock", _yaml("chronology.yml", lambda d: _event(d, "deciphered").update(clock="tokyo")),
     lambda d: f"data/chronology.yml, line {line(d, 'chronology.yml', 'clock: tokyo')}: entry events[14] (id 'deciphered'), field "
               "'clock': unknown id 'tokyo'; it must be one of the clock ids in data/clocks.yml"),
    ("time without precision 'time'", _yaml("chronology.yml", lambda d: _event(d, "deciphered").update(precision="day")),
     lambda d: f"data/chronology.yml, line {line(d, 'chronology.yml', 'id: deciphered')}: entry events[14] (id 'deciphered'): give "
               "'time' (and 'clock') exactly when 'precision' is 'time'"),
    ("context without a source", _yaml("chronology.yml", lambda d: _event(d, "prc-founded").update(sources=[])),
     lambda d: f"data/chronology.yml, line {line(d, 'chronology.yml', 'id: prc-founded')}: entry events[22] (id 'prc-founded'): a "
               "'context' event must cite its 'sources' (ids in data/sources.yml)"),
    ("cable event without paragraphs", _yaml("chronology.yml", lambda d: _event(d, "turpan-entered").update(paragraphs=[])),
     lambda d: f"data/chronology.yml, line {line(d, 'chronology.yml', 'id: turpan-entered')}: entry events[7] (id 'turpan-entered'): a "
               "'cable' event must give the 'paragraphs' of the text it comes from"),
    ("unknown kind of event", _yaml("chronology.yml", lambda d: _event(d, "turpan-entered").update(kind="rumour")),
     lambda d: f"data/chronology.yml, line {line(d, 'chronology.yml', 'kind: rumour')}: entry events[7] (id 'turpan-entered'), field "
               "'kind': unknown id 'rumour'; it must be one of the kinds at the top of data/chronology.yml: cable, journey, context"),
    ("same-day times out of order", _yaml("chronology.yml", lambda d: _event(d, "typed").update(time="12:00")),
     lambda d: f"data/chronology.yml, line {line_after(d, 'chronology.yml', 'id: typed', TYPED_AT_NOON)}: entry events[15] (id 'typed'), field 'time': "
               "12:00 comes before event 'deciphered' of the same day; move it above that event so the day reads in order"),
    ("unknown source in a disagreement", _yaml("chronology.yml", lambda d: _event(d, "report-written-in-hami")["disagreements"][0].update(source="nope")),
     lambda d: f"data/chronology.yml, line {line_after(d, 'chronology.yml', 'id: report-written-in-hami', 'source: nope')}: entry events[9] (id 'report-written-in-hami') "
               "> disagreements[1], field 'source': unknown id 'nope'; it must be one of the source ids in data/sources.yml"),
    ("a question beside the journey that is not a question", _yaml("chronology.yml", lambda d: d.update(journey_questions=["no-such-question"])),
     lambda d: f"data/chronology.yml, line {line(d, 'chronology.yml', 'journey_questions:')}: field 'journey_questions': unknown id "
               "'no-such-question'; it must be one of the question ids in data/questions.yml"),
    ("words for a journey that is not there", _yaml("chronology.yml", lambda d: [kind.pop("journey", None) for kind in d["kinds"]]),
     lambda d: f"data/chronology.yml, line {line(d, 'chronology.yml', 'journey_intro:')}: field 'journey_intro': it is shown beside "
               "the document's journey, but no event here is of a kind marked 'journey: true'; remove it, or mark the kind of the "
               "journey's events"),
    ("bad UTC offset", _yaml("clocks.yml", lambda d: d["clocks"][0].update(utc_offset="3")),
     lambda d: f"data/clocks.yml, line {line(d, 'clocks.yml', 'utc_offset:')}: entry clocks[1] (id 'moscow'), field 'utc_offset': '3' "
               "is not a UTC offset: write it as +HH:MM, e.g. '+03:00'"),
    ("long quotation", _yaml("related.yml", lambda d: d["documents"][0].update(quote=" ".join(["word"] * 30))),
     lambda d: f"data/related.yml, line {line(d, 'related.yml', 'id: chinese-source-translation')}: entry documents[1] (id "
               "'chinese-source-translation'): 'quote' must be a short quotation of 25 words at most; link to the document for more"),
    # --- teaching ------------------------------------------------------------------------------
    ("unknown skill", _yaml("questions.yml", lambda d: d["questions"][0].update(skill="guessing")),
     lambda d: f"data/questions.yml, line {line(d, 'questions.yml', 'skill: guessing')}: entry questions[1] (id 'sourcing-who-wrote'), "
               "field 'skill': unknown id 'guessing'; it must be one of the skills at the top of data/questions.yml: sourcing, "
               "contextualization, close-reading, corroboration, translation"),
    ("a reference to nothing", _yaml("questions.yml", lambda d: d["questions"][0].update(instructor_notes="See [[no-such-id]].")),
     lambda d: f"data/questions.yml, line {line(d, 'questions.yml', 'instructor_notes: See [[no-such-id]]')}: entry questions[1] (id "
               "'sourcing-who-wrote'), field 'instructor_notes': the reference [[no-such-id]] names nothing; write [[id]] with the "
               "id of a paragraph, section, layer, source or glossary entry (and [[id|words]] to choose the words shown)"),
    ("a quotation that is not the text's", _text("categories.yml", "arson even", "arson long"),
     lambda d: f"data/categories.yml, line {line(d, 'categories.yml', 'arson long') }: entry categories[1] (id 'first') > quotes > "
               "conduct[1], field 'quote': the quotation 'The organizations of reactionary elements and propaganda units of the "
               "Kuomintang engaged in arson long before the arrival of the PLA.' is not in paragraph 's2-version-1'; copy the words "
               "exactly as the text prints them"),
    ("quotations under a row that is not one", _yaml("categories.yml", lambda d: d["categories"][0]["quotes"].update(behaviour=d["categories"][0]["quotes"].pop("conduct"))),
     lambda d: f"data/categories.yml, line {line_after(d, 'categories.yml', 'id: first', 'quotes:')}: entry categories[1] (id 'first'), field "
               "'quotes': unknown id 'behaviour'; it must be one of the rows of quotations: conduct, examples, population, policy"),
    ("a line of the map citing an unknown source", _yaml("basemap.yml", lambda d: d["features"][0].update(sources=["no-such-source"])),
     lambda d: f"data/basemap.yml, line {line(d, 'basemap.yml', '- no-such-source') - 1}: entry features[1] (id 'three-districts'), field "
               "'sources': unknown id 'no-such-source'; it must be one of the source ids in data/sources.yml"),
    ("a silence not explained", _yaml("categories.yml", lambda d: d["categories"][2].pop("silence")),
     lambda d: f"data/categories.yml, line {line(d, 'categories.yml', 'id: third')}: entry categories[3] (id 'third'): nothing is quoted "
               "for 'policy', so 'silence' must say what the text does and does not say"),
    ("an inference that repeats its label", _yaml("categories.yml", lambda d: d["categories"][2].update(inference="Our reading: the latter.")),
     lambda d: f"data/categories.yml, line {line(d, 'categories.yml', 'Our reading: the latter.')}: entry categories[3] (id 'third'), field "
               "'inference': it begins with 'Our reading', which the page already prints before it ('inference_label: Our reading "
               "(an inference, not the report’s words):'); leave those words out"),
    ("packet called index", _yaml("packets.yml", lambda d: d["packets"][0].update(id="index")),
     lambda d: f"data/packets.yml, line {line(d, 'packets.yml', 'id: index')}: entry packets[1] (id 'index'), field 'id': 'index' would "
               "give this page the address of the list of all packets; choose another id"),
    ("packet with an unknown question", _yaml("packets.yml", lambda d: d["packets"][0].update(questions=["no-such-question"])),
     lambda d: f"data/packets.yml, line {line(d, 'packets.yml', '- no-such-question') - 1}: entry packets[1] (id 'three-versions'), field "
               "'questions': unknown id 'no-such-question'; it must be one of the question ids in data/questions.yml"),
    ("lesson timings that do not add up", _yaml("lessons.yml", lambda d: d["lessons"][0].update(minutes=55)),
     lambda d: f"data/lessons.yml, line {line(d, 'lessons.yml', 'procedure:')}: entry lessons[1] (id 'welcome-or-resistance'), "
               "field 'procedure': the steps take 50 minutes, the lesson 55; make the timings add up to the lesson's length"),
    ("an adapted sentence from outside the excerpt",
     _yaml("lessons.yml", lambda d: d["lessons"][0]["adaptation"]["sentences"][0].update(paragraph="s3-fires")),
     lambda d: f"data/lessons.yml, line {line(d, 'lessons.yml', 'paragraph: s3-fires')}: entry lessons[1] (id 'welcome-or-resistance') "
               "> adaptation > sentences[1], field 'paragraph': unknown id 's3-fires'; it must be one of the paragraphs of the "
               "lesson's packet 'welcome-or-resistance', which the adaptation sits beside"),
    # --- handouts print what they ask about (macros/checks/handouts.py) ----------------------------
    ("a lesson's question on paragraphs its handout does not print",
     _yaml("lessons.yml", lambda d: d["lessons"][0]["procedure"][2].update(questions=["close-welcome-language"])),
     lambda d: f"data/lessons.yml, line {line(d, 'lessons.yml', '- close-welcome-language') - 1}: entry lessons[1] "
               "(id 'welcome-or-resistance') > procedure[3], field 'questions': question 'close-welcome-language' rests on "
               "¶ 13 (s1-xinzhuangzi), ¶ 14 (s1-qijiaojing), ¶ 16 (s1-turpan), ¶ 18 (s1-demand), which the handout does not "
               "print; add them to the passages of packet 'welcome-or-resistance' (data/packets.yml), or leave question "
               "'close-welcome-language' out"),
    ("a packet's question on a paragraph it does not print",
     _yaml("packets.yml", lambda d: d["packets"][0]["questions"].append("close-shanshan-twice")),
     lambda d: f"data/packets.yml, line {line(d, 'packets.yml', '- close-three-versions') - 1}: entry packets[1] (id 'three-versions'), "
               "field 'questions': question 'close-shanshan-twice' rests on ¶ 15 (s1-shanshan), which the handout does not print; "
               "add it to the passages of packet 'three-versions' (data/packets.yml), or leave question 'close-shanshan-twice' out"),
    ("a chart whose evidence the handout does not print",
     _yaml("lessons.yml", lambda d: d["lessons"][1]["procedure"][2]["charts"].append("sourcing")),
     lambda d: f"data/lessons.yml, line {line_after(d, 'lessons.yml', 'name: Close reading in groups', 'charts:')}: entry lessons[2] "
               "(id 'categories-and-silences') "
               "> procedure[3], field 'charts': the sourcing chart rests on ¶ 2 (distribution), ¶ 3 (receipt), ¶ 4 (stamp), "
               "¶ 5 (cover-line), ¶ 6 (letter-first-report), ¶ 9 (letter-signature), ¶ 34 (report-date), ¶ 35 (signature-guo-peng), "
               "¶ 36 (signature-wang-enmao), ¶ 37 (kovalev-number), ¶ 38 (deciphered), ¶ 39 (typed), ¶ 40 (copies), ¶ 41 (verified), "
               "which the handout does not print; add them to the passages of packet 'categories-and-silences' (data/packets.yml), "
               "or leave the sourcing chart out"),
    ("a task on a paragraph the handout does not print",
     _yaml("lessons.yml", lambda d: d["lessons"][0]["assessment"]["paragraphs"].append("s3-fires")),
     lambda d: f"data/lessons.yml, line {line_after(d, 'lessons.yml', 'assessment:', 'paragraphs:')}: entry lessons[1] "
               "(id 'welcome-or-resistance') > assessment, field 'paragraphs': the writing task rests on ¶ 28 (s3-fires), which "
               "the handout does not print; add it to the passages of packet 'welcome-or-resistance' (data/packets.yml), or leave "
               "the writing task out"),
    ("no time for the class to discuss the question",
     _yaml("lessons.yml", lambda d: d["lessons"][0]["procedure"][4].pop("central_question")),
     lambda d: f"data/lessons.yml, line {line(d, 'lessons.yml', 'procedure:')}: entry lessons[1] (id 'welcome-or-resistance'), field "
               "'procedure': no step gives time to it: mark the step in which the whole class discusses the lesson's question with "
               "'central_question: true'"),
    ("no time to write the task",
     _yaml("lessons.yml", lambda d: d["lessons"][0]["procedure"][5].pop("task")),
     lambda d: f"data/lessons.yml, line {line(d, 'lessons.yml', 'procedure:')}: entry lessons[1] (id 'welcome-or-resistance'), field "
               "'procedure': no step gives time to it: mark the step in which students write the task with 'task: true'"),
    ("a step reads a document its packet lacks",
     _yaml("lessons.yml", lambda d: d["lessons"][0]["procedure"][1].update(reads=["document-c"])),
     lambda d: f"data/lessons.yml, line {line(d, 'lessons.yml', '- document-c') - 1}: entry lessons[1] (id 'welcome-or-resistance') "
               "> procedure[2], field 'reads': 'document-c' is not on the handout: the packet 'welcome-or-resistance' has Document B"),
    ("a chart for a document the handout does not print",
     _yaml("lessons.yml", lambda d: d["lessons"][0]["procedure"][2]["charts"].append("sourcing-document-c")),
     lambda d: f"data/lessons.yml, line {line(d, 'lessons.yml', '- sourcing-document-c') - 2}: entry lessons[1] "
               "(id 'welcome-or-resistance') > procedure[3], field 'charts': 'sourcing-document-c' is a chart for a document the "
               "handout does not print: the packet 'welcome-or-resistance' has Document B"),
    ("a step's unknown question",
     _yaml("lessons.yml", lambda d: d["lessons"][0]["procedure"][0].update(questions=["no-such-question"])),
     lambda d: f"data/lessons.yml, line {line(d, 'lessons.yml', '- no-such-question') - 1}: entry lessons[1] (id 'welcome-or-resistance') "
               "> procedure[1], field 'questions': unknown id 'no-such-question'; it must be one of the question ids in data/questions.yml"),
    ("an unknown standard",
     _yaml("lessons.yml", lambda d: d["lessons"][0].update(standards=["no-such-standard"])),
     lambda d: f"data/lessons.yml, line {line(d, 'lessons.yml', '- no-such-standard') - 1}: entry lessons[1] (id 'welcome-or-resistance'), "
               "field 'standards': unknown id 'no-such-standard'; it must be one of the standard ids in data/standards.yml"),
    ("an omission that is not in the excerpt",
     _yaml("related.yml", lambda d: next(x for x in d["documents"] if x["id"] == "savelyev-32616")["excerpt"].update(omit=["Copy Nº 99"])),
     lambda d: f"data/related.yml, line {line(d, 'related.yml', '- Copy Nº 99') - 1}: entry documents[4] (id 'savelyev-32616') > excerpt, "
               "field 'omit': 'Copy Nº 99' is not in 'text' after the piece before it: copy the words exactly, in the order they "
               "come"),
    ("an adapted claim that does not say whose it is",
     _yaml("lessons.yml", lambda d: d["lessons"][0]["adaptation"]["sentences"][6].update(text="The peoples of Xinjiang warmly welcomed the army.")),
     lambda d: f"data/lessons.yml, line {line(d, 'lessons.yml', 'text: The peoples of Xinjiang warmly welcomed the army.')}: entry "
               "lessons[1] (id 'welcome-or-resistance') > adaptation > sentences[7], field 'text': this sentence reports a claim "
               "('claim: true') but does not say whose: write who claims it, e.g. \"The report says …\", \"Mao writes …\", "
               "\"The cable's header says …\" (or set 'claim: false' if it only describes the text) (got 'The peoples of Xinjiang "
               "warmly welcomed the army.')"),
    ("a name in a document that is not in its excerpt",
     _yaml("related.yml", lambda d: next(x for x in d["documents"] if x["id"] == "savelyev-32616")["excerpt"]["names"].update({"Dihua": "urumqi"})),
     lambda d: f"data/related.yml, line {line(d, 'related.yml', 'URUMCHI: urumqi') - 1}: entry documents[4] (id 'savelyev-32616') > "
               "excerpt, field 'names': 'Dihua' is not in 'text': copy each name exactly as the excerpt prints it"),
    ("a gloss with no language",
     _yaml("related.yml", lambda d: d["documents"][0]["excerpt"].pop("lang")),
     lambda d: f"data/related.yml, line {line(d, 'related.yml', 'gloss:')}: entry documents[1] (id 'chinese-source-translation') > "
               "excerpt, field 'gloss': a gloss renders a text that is not in English: give the text's 'lang' too (got '(2) The "
               "Xinjiang *qiyi* (“uprising”) units of Zhang Zhiz...)"),
]


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return Path(shutil.copytree(ROOT / "data", tmp_path / "data"))


@pytest.mark.parametrize("mutate, expected", [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_broken_data_fails_with_one_clear_message(data_dir, mutate, expected):
    mutate(data_dir)
    assert str(load_within(data_dir, 30)) == expected(data_dir)


