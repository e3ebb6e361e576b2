"""A new edition's `data/` from a capture of an archive's document page (`make scaffold CAPTURE=FILE`).

The capture is the page saved as text, in the shape of the Wilson Center Digital Archive's
document pages (tests/fixtures/captures/): page chrome, the date line, the title, a funder line,
the document's paragraphs (separated by blank lines, their own line breaks kept), the archive's
summary, "Document Information", the citation (often ending "Translated by NAME."), the rights
paragraphs, "Original Uploaded Date", "Record ID", "Original Classification" and its value.

From it come `document.yml` (the record: what the page does not give is left out, never
invented), `text.yml` and `transcription.txt` (every paragraph word for word, in one layer to split
later), `marks.yml` (a kind for every bracket found), `site.yml` (the document's own words), a
source for the archive's record, an empty register, the schemas, and `scaffold-notes.md` beside
`data/` for the editor: what the page did not give, and the names to gloss (the site does not
publish it). Everything is written to a folder beside `data/` first and, when `check` is given,
checked there as a build would check it: `data/` is replaced only by data that passes.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import stat
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import yaml

from .errors import DataError

__all__ = ["Capture", "EXPECTED", "parse_capture", "read_capture", "scaffold"]

MAX_BYTES = 2_000_000  # a document page is a few to tens of kilobytes; a file this large is not one
EXPECTED = (
    "expected a capture of an archive's document page, saved as UTF-8 text: its date line (\"October 25, 1949\"), "
    "title, the document, the summary, \"Document Information\" and the citation (as in tests/fixtures/captures/)"
)
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
_DATE = re.compile(rf"({'|'.join(_MONTHS)}) (\d{{1,2}}), (\d{{4}})")
_FUNDER = re.compile(r"^This document was made possible with support from (.+)$")
_INFO = "Document Information"
_LABELS = ("Original Uploaded Date", "Record ID", "Original Classification")
# "Translated by Gary Goldberg.", "Obtained by Jamil Hasanli and translated by Gary Goldberg.",
# "Translated for CWIHP from Russian by Sergey Radchenko." (the shapes seen on the archive's pages)
_TRANSLATOR = re.compile(r"\b[Tt]ranslated\b(?: (?:for|from) [^.,;]+?)* by ([^.,;]+?)\.?$")
_SENTENCE = re.compile(r"(?<=\.)\s+(?=[A-Z])")  # "l. 25-28. Translated": not "f. 558" or "op. 11"
_RIGHTS_WORDS = re.compile(r"\b(copyright|rights|reuse)\b", re.IGNORECASE)
_PROGRAM = re.compile(r"^The (.+?) welcomes reuse of ")
# What the page may say the document is, as pages name it ("the cable"), most specific first.
_NOUNS = ("cable", "telegram", "letter", "memorandum", "minutes", "transcript", "diary", "speech", "report", "record", "note")
_NOT_NAMES = set(_MONTHS) | {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


@dataclass
class Capture:
    """What an archive's document page gives."""

    title: str
    date: dt.date
    paragraphs: list[str]
    summary: str | None = None
    citation: str | None = None  # where the archive holds it: the citation's first sentence
    citation_more: list[str] = field(default_factory=list)  # the citation's other sentences ("Obtained by …")
    translator: str | None = None
    rights: list[str] = field(default_factory=list)
    program: str | None = None  # who welcomes reuse, as the rights statement names it
    classification: str | None = None
    hidden_rights: list[str] = field(default_factory=list)  # rights paragraphs left out: the page hid their address


def _refuse(name: str, found: str) -> DataError:
    return DataError(f"{name}: {found}; {EXPECTED}")


def read_capture(path: Path) -> str:
    """The capture's text, or one DataError saying what was found instead of a page saved as text."""
    name = str(path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise _refuse(name, "no such file") from None
    except OSError as error:
        raise _refuse(name, f"it cannot be read ({error.strerror or error})") from None
    if stat.S_ISDIR(mode):
        raise _refuse(name, "it is a folder")
    if not stat.S_ISREG(mode):
        raise _refuse(name, "it is not a regular file (a pipe or a device)")  # reading one could wait for ever
    size = path.stat().st_size
    if size == 0:
        raise _refuse(name, "it is empty")
    if size > MAX_BYTES:
        raise _refuse(name, f"it is {size:,} bytes, far more than a document page (at most {MAX_BYTES:,})")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise _refuse(name, f"it cannot be read ({error.strerror or error})") from None
    if b"\x00" in raw:
        raise _refuse(name, "it is not text (it holds NUL bytes, as a PDF, an image or a word processor's file does)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _refuse(name, f"it is not UTF-8 text (byte {raw[error.start]:#04x} at position {error.start:,})") from None


def _blocks(lines: list[str]) -> list[str]:
    """Runs of non-blank lines, each a block with its own line breaks kept (ends of lines trimmed)."""
    blocks, current = [], []
    for line in lines + [""]:
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append("\n".join(current))
            current = []
    return blocks


def parse_capture(text: str, name: str = "the capture") -> Capture:
    """Read a capture; one DataError, saying what is missing, where it is not such a page."""
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks = _blocks(lines)
    if not blocks:
        raise _refuse(name, "it holds only blank lines")
    if _INFO not in blocks:
        raise _refuse(name, f'it has no line "{_INFO}" (the heading of the archive\'s record, after the document)')
    info = blocks.index(_INFO)
    head = blocks[:info]
    dated = next((i for i, b in enumerate(head) if _DATE.fullmatch(b.strip())), None)
    if dated is None:
        raise _refuse(name, f'it has no date line (a line such as "October 25, 1949") before "{_INFO}"')
    month, day, year = _DATE.fullmatch(head[dated].strip()).groups()
    try:
        date = dt.date(int(year), _MONTHS.index(month) + 1, int(day))
    except ValueError:
        raise _refuse(name, f'its date line "{head[dated].strip()}" is not a date in the calendar') from None
    if dated + 1 >= len(head):
        raise _refuse(name, f'it has nothing between its date line and "{_INFO}": no title, no document')
    title = " ".join(head[dated + 1].split())
    body = head[dated + 2:]
    funder = _FUNDER.match(body[0]) if body else None
    if funder:
        body = body[1:]
    if len(body) < 2:
        raise _refuse(name, "it has no document between its title and the summary before \"Document Information\"")
    summary, document = body[-1], body[:-1]
    tail = blocks[info + 1:]
    capture = Capture(title=title, date=date, paragraphs=document, summary=summary)
    if tail and tail[0] not in _LABELS and not _RIGHTS_WORDS.search(tail[0]) and not _is_funder(tail[0], funder):
        _citation(capture, " ".join(tail.pop(0).split()))
    rights = tail[: next((i for i, b in enumerate(tail) if b in _LABELS or _is_funder(b, funder)), len(tail))]
    # An address the saved page hid behind a placeholder ("[email protected]", with a no-break space):
    # not the archive's words, so the paragraph is left out and the notes say so.
    capture.hidden_rights = [b for b in rights if re.search(r"\[email\s+protected\]", b)]
    capture.rights = [" ".join(b.split()) for b in rights if b not in capture.hidden_rights]
    program = _PROGRAM.match(capture.rights[0]) if capture.rights else None
    capture.program = program.group(1) if program else None
    if "Original Classification" in tail:
        after = tail.index("Original Classification") + 1
        if after < len(tail) and tail[after] not in _LABELS and not _is_funder(tail[after], funder):
            capture.classification = " ".join(tail[after].split())
    return capture


def _is_funder(block: str, funder: re.Match | None) -> bool:
    """The page's funder lines: "This document was made possible with support from …" at the top, and
    the funders' names at the foot ("MacArthur Foundation and Blavatnik Family Foundation"), which
    may name more funders than the top; a funder's line has no digits, a citation does."""
    named = bool(re.search(r"\bFoundation\b", block) and not re.search(r"\d", block) and len(block) < 200)
    return bool(_FUNDER.match(block) or named or (funder and funder.group(1) in block))


def _citation(capture: Capture, citation: str) -> None:
    """A sentence naming the translator gives the translator; of the other sentences, the first is
    where the archive holds the document, and any more ("Obtained by …", "Reprinted in …") go to the notes."""
    sentences = _SENTENCE.split(citation)
    named = [found.group(1).strip() for found in map(_TRANSLATOR.search, sentences) if found]
    capture.translator = named[0] if named else None
    rest = [s for s in sentences if not _TRANSLATOR.match(s)]  # a sentence that only names the translator
    capture.citation = rest[0] if rest else None
    capture.citation_more = rest[1:]


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def paragraph_ids(paragraphs: list[str], taken: set[str] = frozenset()) -> list[str]:
    """Ids made from each paragraph's first words ('on-13-october-when'), made unique in reading order
    ('-2', '-3') and different from the ids in `taken` (the layer's and the section's, the page's anchors)."""
    seen: Counter[str] = Counter()
    ids = []
    for text in paragraphs:
        base = "-".join(re.findall(r"[a-z0-9]+", _plain(text))[:4]) or "paragraph"
        while True:
            seen[base] += 1
            candidate = base if seen[base] == 1 else f"{base}-{seen[base]}"
            if candidate not in taken and candidate not in ids:
                break
        ids.append(candidate)
    return ids


def brackets(text: str) -> list[str]:
    """Every bracketed passage, brackets included, outer ones before those nested in them ("[stamp: … [OS – SIC] …]")."""
    found, opened = [], []
    for i, char in enumerate(text):
        if char == "[":
            opened.append((i, len(found)))
            found.append(None)
        elif char == "]" and opened:
            start, slot = opened.pop()
            found[slot] = text[start: i + 1]
    return [f for f in found if f is not None]


# The kinds of mark a translation prints, with what each means for a reader.
_KINDS = {
    "sic": ("Sic", "Latin for “thus”: printed exactly so in the source, even where it looks like a mistake."),
    "stamp": ("Stamp", "Describes a stamp on the paper document: the words inside are the stamp’s, the label is the translator’s."),
    "illegible": ("Illegible", "Marks what cannot be read, sometimes with a possible reading."),
    "translator-note": ("Translator’s note", "An explanation the translator added. It is not part of the document."),
    "supplied": ("Supplied or original word", "A word the translator or the archive added, or a word of the original "
                 "given in Latin letters. It is not a translation of the document’s own words."),
}


def _marks(paragraphs: list[str]) -> list[dict]:
    """A kind for every bracket form found: [sic], stamps, illegible passages and translator's notes by
    how they begin; any other bracket is a word supplied (or given in the original), by its exact form."""
    forms: dict[str, list[str]] = {kind: [] for kind in _KINDS}
    starts: dict[str, list[str]] = {kind: [] for kind in _KINDS}
    for mark in dict.fromkeys(m for p in paragraphs for m in brackets(p)):
        lower = mark.lower()
        opening = mark.split(":")[0] + ":" if ":" in mark else None
        if lower == "[sic]":
            forms["sic"].append(mark)
        elif lower.startswith("[stamp"):
            starts["stamp"].append(opening or "[stamp")
        elif lower.startswith("[illegible"):
            starts["illegible"].append(mark[:len("[illegible")])
        elif re.match(r"\[translator", lower):
            starts["translator-note"].append(opening or mark[:len("[translator")])
        else:
            forms["supplied"].append(mark)
    found = []
    for kind, (name, explanation) in _KINDS.items():
        entry: dict = {"id": kind, "name": name, "explanation": explanation}
        if forms[kind]:
            entry["forms"] = forms[kind]
        if starts[kind]:
            entry["starts_with"] = list(dict.fromkeys(starts[kind]))
        if forms[kind] or starts[kind]:
            found.append(entry)
    return found


def document_noun(title: str, paragraphs: list[str]) -> str:
    """What the page says the document is: a word of its own heading (its first line, if short:
    "CABLE Nº 59442"), else of the archive's title ("Ciphered Telegram No. …"); else 'document'."""
    first_line = paragraphs[0].split("\n")[0] if paragraphs else ""
    for words in (first_line if len(first_line.split()) <= 6 else "", title):
        found = [w for w in re.findall(r"[a-z]+", words.lower()) if w in _NOUNS]
        if found:
            return found[0]
    return "document"


def name_candidates(paragraphs: list[str], ids: list[str], noun: str = "") -> dict[str, list[tuple[str, list[str]]]]:
    """Names to gloss, with the paragraphs they are in: runs of words printed in capitals, names after a
    title ('Cde. Stalin'), and other capitalised words that do not begin a sentence. Line by line (a name
    does not run across a line break), outside [sic] and the translator's labels."""
    groups: dict[str, dict[str, list[str]]] = {"capitals": {}, "titled": {}, "capitalised": {}}
    for pid, text in zip(ids, paragraphs):
        for line in text.split("\n"):
            line = re.sub(r"\[(?:sic|stamp:|illegible[^\]]*|translator[’']s note:)\]?", " ", line, flags=re.IGNORECASE)
            capitals = re.findall(rf"\b{_CAPS}(?: {_CAPS})*\b", line)
            titled = re.findall(rf"\b(?:{_TITLES})\.? ({_WORD}(?: {_WORD})?)", line)
            capitalised = re.findall(rf"(?<=[^\s.!?:;“\"(\[]) ({_WORD}(?: {_WORD})*)", line)
            for group, names in (("capitals", capitals), ("titled", titled), ("capitalised", capitalised)):
                for found in names:
                    words = found.split()
                    if len(found) < 2 or re.fullmatch(r"[IVXLC]+", found) or found.lower() in (noun, *_NOUNS) or \
                            (len(words) == 1 and (words[0] in _NOT_NAMES or words[0] in _TITLES.split("|"))):
                        continue
                    groups[group].setdefault(found, []).append(pid)
    titled = set(groups["titled"])
    groups["capitalised"] = {n: p for n, p in groups["capitalised"].items() if n not in titled}
    return {
        group: sorted(((n, list(dict.fromkeys(p))) for n, p in names.items()), key=lambda x: (-len(x[1]), x[0]))
        for group, names in groups.items()
    }


_CAPS = r"[A-Z][A-Z’'\-]*[A-Z]"  # "PLA", "SAVEL’YEV", "JIUQUAN-YUMEN-ANXI"; "PLA’s" gives "PLA"
_WORD = r"[A-Z][a-z]+(?:[’'\-][a-z]+)*"  # "Stalin", "Prokop’yev"
_TITLES = "Cde|Comrade|General|Gen|Marshal|Mr|Mrs|Dr|Minister"


class _Dumper(yaml.SafeDumper):
    """Paragraphs with line breaks as literal blocks (`|-`), as an editor writes them."""


_Dumper.add_representer(str, lambda d, s: d.represent_scalar("tag:yaml.org,2002:str", s, style="|" if "\n" in s else None))


def _dump(data) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)


def _files(capture: Capture) -> tuple[dict[str, tuple[str | None, object]], list[str], str]:
    """Each data file's schema (None: not YAML) and content; the paragraphs' ids; the document's noun."""
    noun = document_noun(capture.title, capture.paragraphs)
    layer, section = noun, f"{noun}-all"
    ids = paragraph_ids(capture.paragraphs, taken={"text", layer, section})
    date = capture.date
    record: dict = {"title": capture.title, "date": date}
    for key, value in (("summary", capture.summary), ("archival_citation", capture.citation), ("translator", capture.translator),
                       ("original_classification", capture.classification), ("program", capture.program),
                       ("rights", capture.rights)):
        if value:
            record[key] = value
    archive_source = {"id": "archive-record", "short": "The archive’s record", "title": capture.title}
    if capture.program:
        archive_source["publisher"] = capture.program
    archive_source["note"] = f"The archive’s page of the {noun}: its text, summary, citation and rights."
    site = {
        "title": capture.title,
        "description": f"A teaching edition of “{capture.title}” ({date.day} {_MONTHS[date.month - 1]} {date.year}), word for word.",
        "document_noun": noun,
        # The plausible range of the dates the data may give (typing mistakes fall outside): from two
        # generations before the document to the end of this year (its archiving and publication).
        "dates": {"earliest": dt.date(max(1, date.year - 50), 1, 1), "latest": dt.date(max(dt.date.today().year, date.year), 12, 31)},
        "editions": {"student": "Student edition", "instructor": "Instructor edition"},
        "glossary": {
            "identification_label": f"In {_MONTHS[date.month - 1]} {date.year}", "then_label": f"In {date.year}", "kinds": [],
            "certainty": {
                "certain": {"label": "Certain", "meaning": f"the sources agree and fit everything the {noun} says"},
                "probable": {"label": "Probable", "meaning": "the best reading of the sources, but not proved"},
                "uncertain": {"label": "Uncertain", "meaning": f"sources disagree, or the {noun}’s words allow more than one reading"},
                "unidentified": {"label": "Unidentified", "meaning": "no source found identifies it; we say what was looked for"},
            },
        },
        "home": [{"title": f"Read the {noun}", "text": f"The {noun}, word for word, and where it comes from.",
                  "links": [{"page": "text.md", "label": "The text"}, {"page": "about.md", "label": "About the source"}]}],
    }
    text = {"layers": [{
        "id": layer, "title": f"The {noun}", "about": f"The {noun}, word for word as the archive prints it.",
        "colour": {"light": "#283593", "dark": "#9fa8da"},
        "sections": [{"id": section, "paragraphs": [{"id": pid, "text": p} for pid, p in zip(ids, capture.paragraphs)]}],
    }]}
    return {
        "site.yml": ("site", site),
        "document.yml": ("document", record),
        "text.yml": ("text", text),
        "marks.yml": ("marks", {"marks": _marks(capture.paragraphs)}),
        "sources.yml": ("sources", {"sources": [archive_source]}),
        "published-ids.yml": ("published-ids", None),
        "transcription.txt": (None, "\n\n".join(capture.paragraphs) + "\n"),
    }, ids, noun


_REGISTER_NOTE = (
    "# Every id the site has published, by kind: empty until the first `make register`, which you run\n"
    "# before publishing (guides/editing.md, \"Ids are permanent\").\n"
)


def _schemas() -> dict[str, str]:
    from .schema import SCHEMAS, schema_text  # the schema module reads the catalogue: loaded only when writing

    return {name: schema_text(name) for name in SCHEMAS}


def _target(project: Path, force: bool) -> Path:
    """The project's data/ folder, checked before anything is written."""
    shown = str(project)
    where = "expected the project folder whose data/ the scaffold writes (a copy of this repository)"
    if not project.exists():
        raise DataError(f"{shown}: no such folder; {where}")
    if not project.is_dir():
        raise DataError(f"{shown} is a file; {where}")
    data = project / "data"
    if data.is_symlink() or (data.exists() and not data.is_dir()):
        raise DataError(f"{data} is not a folder (a file or a link): move it away, then scaffold again")
    if data.is_dir() and not force:
        try:
            count = sum(1 for _ in data.iterdir())
        except OSError as error:
            raise DataError(f"{data}: the folder cannot be listed ({error.strerror or error})") from None
        if count:
            raise DataError(
                f"{data}/ already holds {count} file{'s' if count != 1 else ''}: scaffold into a project without data, or add "
                "--force to replace it with the page's"
            )
    return data


def scaffold(capture_path: Path, project: Path, force: bool = False,
             check: Callable[[Path], object] | None = None) -> list[str]:
    """Write `project`/data/ (and `project`/scaffold-notes.md) from the capture; the paths written.

    Refuses, with one DataError, a file that is not such a page, a project folder that is not one,
    and an existing data/ unless `force` (which replaces it). With `check` (e.g. the build's
    `load_edition`), the new data is checked before data/ is replaced; a refusal leaves data/ as it was.
    """
    capture_path, project = Path(capture_path), Path(project)
    capture = parse_capture(read_capture(capture_path), str(capture_path))
    data = _target(project, force)
    files, ids, noun = _files(capture)
    try:
        staging = Path(tempfile.mkdtemp(prefix=".scaffold-", dir=project))
    except OSError as error:
        raise DataError(f"{project}: cannot write there ({error.strerror or error}); expected a folder you may write to") from None
    try:
        new = staging / "data"
        (new / "schemas").mkdir(parents=True)
        for name, text in _schemas().items():
            (new / "schemas" / name).write_text(text, encoding="utf-8")
        for name, (schema, content) in files.items():
            if schema is None:
                (new / name).write_text(content, encoding="utf-8")
                continue
            header = (f"# yaml-language-server: $schema=schemas/{schema}.schema.json\n"
                      f"# Written by `make scaffold` from {capture_path.name}; edit freely (scaffold-notes.md says what next).\n"
                      + (_REGISTER_NOTE if name == "published-ids.yml" else ""))
            (new / name).write_text(header + (_dump(content) if content else ""), encoding="utf-8")
        if check is not None:
            try:
                check(new)
            except DataError as error:
                raise DataError(
                    f"{capture_path}: read as a document page, but the data made from it does not pass the checks, so "
                    f"nothing was written: {error}"
                ) from None
        if data.exists():
            os.replace(data, staging / "replaced")
        os.replace(new, data)
        (project / "scaffold-notes.md").write_text(_notes(capture, capture_path.name, ids, noun), encoding="utf-8")
    except OSError as error:
        raise DataError(f"{project}: cannot write there ({error.strerror or error}); expected a folder you may write to") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [f"data/{name}" for name in files] + ["data/schemas/", "scaffold-notes.md"]


def _notes(capture: Capture, name: str, ids: list[str], noun: str) -> str:
    missing = [label for label, value in (
        ("`summary` (the archive's summary)", capture.summary), ("`archival_citation`", capture.citation),
        ("`translator`", capture.translator), ("`rights`", capture.rights),
        ("`original_classification`", capture.classification), ("`program`", capture.program),
    ) if not value]
    lines = [
        f"# Notes for the editor, from `{name}`", "",
        "Written by `make scaffold`. The site does not publish this file; delete it when you are done.", "",
        "## What the page did not give", "",
        "Nothing was invented: `data/document.yml` holds only what the page printed. Add these if you know them from "
        "the archive (never guess); the citations and the About page leave out what is missing:", "",
        "- `record` (the archive's page: its `url`, which the citations link), `author` and `recipient`, `archive_name` "
        "(the archive that holds the document, written out), `publisher` and `original_language`",
    ]
    lines += [f"- {label}" for label in missing]
    lines += ["- `chain`: the steps by which the text reached us, each with the paragraphs that attest it", ""]
    lines += [
        "## Check these readings", "",
        f"- The **summary** (“{capture.summary}”) is the page's last paragraph before \"Document Information\": if it is "
        f"the {noun}'s own last line instead, move it back into `data/text.yml` and `data/transcription.txt`.",
        f"- The site calls the document a **{noun}** (`document_noun` in `data/site.yml`), from "
        f"{'its own first line or ' if noun != 'document' else ''}the archive's title.",
    ]
    if capture.citation_more:
        lines.append("- The citation also says (kept here, not in the record): " + " ".join(f"“{s}”" for s in capture.citation_more))
    if capture.hidden_rights:
        lines.append("- Rights paragraphs left out, because the saved page hid their e-mail address (“[email protected]”): "
                     "read them on the archive's page. " + " ".join(f"“{b}”" for b in capture.hidden_rights))
    lines += [
        "", "## What to do next", "",
        f"1. `make serve` and read the {noun} on the text page against the archive's page.",
        f"2. Split `data/text.yml` into layers (who wrote which part, and when) and sections, if the {noun} has them; "
        "keep every paragraph's `id` (they are permanent once published) and its words.",
        "3. Add glossary entries: a kind in `data/site.yml` (`glossary.kinds`, e.g. `{id: people, title: People, singular: "
        "person, description: …}`) and its file (`data/people.yml`), each entry's `forms` copied from the text as printed.",
        "4. Add the sources you cite to `data/sources.yml`, then questions, packets and lessons at your own pace.",
        "5. Before publishing: `make register` records the ids published.", "",
        "## Names to gloss", "",
        "With the paragraphs they are in (by id). Not every one needs an entry; none is identified here.", "",
    ]
    titles = {"capitals": "Printed in capitals", "titled": "After a title (Cde., General…)",
              "capitalised": "Other capitalised words, not at the start of a sentence"}
    for group, found in name_candidates(capture.paragraphs, ids, noun).items():
        lines += [f"### {titles[group]}", ""]
        lines += [f"- {n} ({len(p)}): {', '.join(p)}" for n, p in found] or ["- (none)"]
        lines.append("")
    return "\n".join(lines)
