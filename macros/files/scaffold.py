"""A new edition's `data/` from a capture of an archive's document page (`make scaffold CAPTURE=FILE`).

The capture is the page saved as text, in the shape of the Wilson Center Digital Archive's
document pages (the seed, `archive-page-capture.txt`): page chrome, the date line, the title, a
funder line, the document's paragraphs (separated by blank lines, their own line breaks kept),
the archive's summary, "Document Information", the citation (often ending "Translated by NAME."),
the rights paragraphs, "Original Uploaded Date", "Record ID", "Original Classification" and its
value. From it come `document.yml` (the record: what the page does not give is left out, never
invented), `text.yml` and `transcription.txt` (every paragraph word for word, one layer to split
later), `marks.yml` (a kind for every bracket found), `site.yml` (the document's own words), a
source for the archive's record, an empty register, and `scaffold-notes.md` beside `data/` for the
editor: what the page did not give, and the names to gloss (the site does not publish it).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import DataError

__all__ = ["Capture", "parse_capture", "scaffold"]

MAX_BYTES = 2_000_000  # a document page is tens of kilobytes; a larger file is not one
_DATE = re.compile(r"(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2}), (\d{4})")
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
_FUNDER = re.compile(r"^This document was made possible with support from ")
_INFO = "Document Information"
_LABELS = ("Original Uploaded Date", "Record ID", "Original Classification")
_TRANSLATOR = re.compile(r"(?:^|\s)(?:[Tt]ranslated by|and translated by) ([^.]+)\.\s*$")
_NOUNS = ("cable", "telegram", "letter", "memorandum", "report", "minutes", "record", "note", "speech", "diary", "transcript")


@dataclass
class Capture:
    """What an archive's document page gives."""

    title: str
    date: dt.date
    paragraphs: list[str]
    summary: str | None = None
    citation: str | None = None  # the archival reference, without "Translated by …"
    translator: str | None = None
    rights: list[str] = field(default_factory=list)
    classification: str | None = None
    hidden_rights: list[str] = field(default_factory=list)  # rights paragraphs left out: the page hid their address


def _blocks(lines: list[str]) -> list[str]:
    """Runs of non-blank lines, each a block with its own line breaks kept."""
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

    def refuse(why: str) -> DataError:
        return DataError(
            f"{name} is not a capture of an archive's document page: {why}. Save the document's page as text (its date "
            "line, title, the document, \"Document Information\", the citation and rights), as in "
            "archive-page-capture.txt"
        )

    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks = _blocks(lines)
    if _INFO not in blocks:
        raise refuse(f'it has no line "{_INFO}"')
    info = blocks.index(_INFO)
    head = blocks[:info]
    dated = next((i for i, b in enumerate(head) if _DATE.fullmatch(b.strip())), None)
    if dated is None or dated + 1 >= len(head):
        raise refuse("no date line (e.g. \"October 25, 1949\") followed by the document's title before it")
    month, day, year = _DATE.fullmatch(head[dated].strip()).groups()
    title = head[dated + 1].strip()
    body = head[dated + 2:]
    if body and _FUNDER.match(body[0]):
        body = body[1:]
    if len(body) < 2:
        raise refuse("nothing between the title and the summary: the document's text is missing")
    summary, document = body[-1], body[:-1]
    tail = blocks[info + 1:]
    citation = translator = classification = None
    rights: list[str] = []
    if tail and tail[0] not in _LABELS and not _FUNDER.match(tail[0]):
        citation = tail.pop(0)
        found = _TRANSLATOR.search(citation)
        if found:
            translator = found.group(1).strip()
            citation = citation[: found.start()].strip()
            citation = re.sub(r"\s*(?:Obtained by [^.]*?)?$", "", citation).strip()
    rights = tail[: _first_label(tail)]
    # An address the saved page hid behind a placeholder ("[email protected]", with a no-break space):
    # not the archive's words, so the paragraph is left out and the notes say so.
    hidden = [b for b in rights if re.search(r"\[email\s+protected\]", b)]
    rights = [b for b in rights if b not in hidden]
    if "Original Classification" in tail:
        after = tail.index("Original Classification") + 1
        if after < len(tail) and tail[after] not in _LABELS and not _FUNDER.match(tail[after]):
            classification = tail[after]
    return Capture(
        title=title, date=dt.date(int(year), _MONTHS.index(month) + 1, int(day)), paragraphs=document,
        summary=summary, citation=citation or None, translator=translator, rights=rights, classification=classification,
        hidden_rights=hidden,
    )


def _first_label(blocks: list[str]) -> int:
    return next((i for i, b in enumerate(blocks) if b in _LABELS or _FUNDER.match(b)), len(blocks))


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    return "-".join(words[:4]) or "paragraph"


def paragraph_ids(paragraphs: list[str]) -> list[str]:
    """Ids made from each paragraph's first words, made unique in reading order ('-2', '-3')."""
    seen: Counter[str] = Counter()
    ids = []
    for text in paragraphs:
        base = _slug(text)
        seen[base] += 1
        ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return ids


def _brackets(text: str) -> list[str]:
    """Every bracketed span in reading order, the outer of nested ones too ('[stamp: … [OS – SIC] …]'):
    the build finds a kind for each, so each needs one."""
    spans, opened = [], []
    for i, char in enumerate(text):
        if char == "[":
            opened.append(i)
        elif char == "]" and opened:
            start = opened.pop()
            spans.append((start, text[start:i + 1]))
    return [span for _, span in sorted(spans)]


def _marks(paragraphs: list[str]) -> list[dict]:
    """A kind for every bracket form found, each described for readers."""
    found = [m for p in paragraphs for m in _brackets(p.replace("\n", " "))]
    kinds = {
        "sic": ("Sic", "Latin for “thus”: printed exactly so in the source, even though it may look like a mistake."),
        "stamp": ("Stamp", "A description of a stamp on the paper document: the words inside are the stamp’s, the label is the translator’s."),
        "illegible": ("Illegible", "A description of something that cannot be read, sometimes with a possible reading."),
        "translator-note": ("Translator’s note", "An explanation added by the translator. It is not part of the document."),
        "supplied": ("Word supplied or given in the original", "A word the translator or the archive added, or a word of the original given in Latin letters. It is not the translation of the document’s own words."),
    }
    forms: dict[str, list[str]] = {k: [] for k in kinds}
    starts: dict[str, list[str]] = {k: [] for k in kinds}
    for mark in dict.fromkeys(found):
        lower = mark.lower()
        if lower == "[sic]":
            forms["sic"].append(mark)
        elif lower.startswith("[stamp"):
            starts["stamp"].append(mark.split(":")[0] + (":" if ":" in mark else ""))
        elif lower.startswith("[illegible"):
            starts["illegible"].append("[illegible")
        elif lower.startswith("[translator"):
            starts["translator-note"].append(mark.split(":")[0] + (":" if ":" in mark else ""))
        else:
            forms["supplied"].append(mark)
    result = []
    for kind, (name, explanation) in kinds.items():
        entry: dict = {"id": kind, "name": name, "explanation": explanation}
        if forms[kind]:
            entry["forms"] = forms[kind]
        if starts[kind]:
            entry["starts_with"] = list(dict.fromkeys(starts[kind]))
        if forms[kind] or starts[kind]:
            result.append(entry)
    return result


def _noun(title: str, paragraphs: list[str]) -> str:
    words = re.findall(r"[a-z]+", (title + " " + (paragraphs[0] if paragraphs else "")).lower())
    return next((w for w in words if w in _NOUNS), "document")


def _candidates(paragraphs: list[str], ids: list[str]) -> list[tuple[str, int, list[str]]]:
    """Names to gloss: runs of words printed in capitals, and names after a title ('Cde. Stalin')."""
    found: dict[str, list[str]] = {}
    for pid, text in zip(ids, paragraphs):
        flat = text.replace("\n", " ")
        names = re.findall(r"\b[A-Z][A-Z’'\-]+(?: [A-Z][A-Z’'\-]+)*\b", flat)
        names += re.findall(r"\b(?:Cde|Comrade|General|Mr|Dr)\.? ([A-Z][a-z’'\-]+(?: [A-Z][a-z’'\-]+)?)", flat)
        for name in names:
            if len(name) > 1 and not re.fullmatch(r"[IVXLC]+", name):
                found.setdefault(name, []).append(pid)
    return sorted(((n, len(p), list(dict.fromkeys(p))) for n, p in found.items()), key=lambda x: (-x[1], x[0]))


def _dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110, default_style=None)


def scaffold(capture_path: Path, project: Path, force: bool = False) -> list[str]:
    """Write `project`/data/ from the capture; the paths written. Refuses to overwrite without `force`."""
    if not capture_path.is_file():
        raise DataError(f"{capture_path}: no such file (give the capture of an archive's document page, saved as text)")
    if capture_path.stat().st_size > MAX_BYTES:
        raise DataError(f"{capture_path} is {capture_path.stat().st_size:,} bytes: a document page is far smaller")
    try:
        text = capture_path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise DataError(f"{capture_path} is not UTF-8 text (byte {error.start}): save the page as text in UTF-8") from None
    capture = parse_capture(text, capture_path.name)
    data = project / "data"
    if data.exists() and any(data.iterdir()) and not force:
        raise DataError(f"{data} already holds data: scaffold into an empty folder, or add --force to replace it")
    data.mkdir(parents=True, exist_ok=True)
    ids = paragraph_ids(capture.paragraphs)
    noun = _noun(capture.title, capture.paragraphs)
    date = capture.date
    record = {"title": capture.title, "date": date.isoformat()}
    if capture.summary:
        record["summary"] = capture.summary
    if capture.citation:
        record["archival_citation"] = capture.citation
    if capture.translator:
        record["translator"] = capture.translator
    if capture.rights:
        record["rights"] = capture.rights
    if capture.classification:
        record["original_classification"] = capture.classification
    files = {
        "document.yml": ("document", record),
        "text.yml": ("text", {"layers": [{
            "id": "text", "title": f"The {noun}",
            "about": f"The {noun} as the archive prints it. Split it into layers (who wrote which part, and when) as you learn more.",
            "colour": {"light": "#283593", "dark": "#9fa8da"},
            "sections": [{"id": "all", "paragraphs": [{"id": pid, "text": text} for pid, text in zip(ids, capture.paragraphs)]}],
        }]}),
        "marks.yml": ("marks", {"marks": _marks(capture.paragraphs)}),
        "sources.yml": ("sources", {"sources": [{
            "id": "archive-record", "short": "The archive’s record", "title": capture.title,
            "note": "The archive’s page of the document: its text, summary, citation and rights.",
        }]}),
        "site.yml": ("site", {
            "title": capture.title,
            "description": f"A teaching edition of “{capture.title}” ({date.day} {_MONTHS[date.month - 1]} {date.year}).",
            "document_noun": noun,
            "dates": {"earliest": f"{date.year - 50}-01-01", "latest": f"{dt.date.today().year}-12-31"},
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
        }),
        "published-ids.yml": ("published-ids", {}),
    }
    written = []
    for name, (schema, content) in files.items():
        header = f"# yaml-language-server: $schema=schemas/{schema}.schema.json\n# Written by `make scaffold` from {capture_path.name}; edit freely.\n"
        (data / name).write_text(header + (_dump(content) if content else ""), encoding="utf-8")
        written.append(f"data/{name}")
    (data / "transcription.txt").write_text("\n\n".join(capture.paragraphs) + "\n", encoding="utf-8")
    written.append("data/transcription.txt")
    notes = project / "scaffold-notes.md"
    notes.write_text(_notes(capture, capture_path.name, ids), encoding="utf-8")
    written.append("scaffold-notes.md")
    return written


def _notes(capture: Capture, name: str, ids: list[str]) -> str:
    missing = [label for label, value in (
        ("the archive's summary", capture.summary), ("the archival citation", capture.citation),
        ("the translator", capture.translator), ("the rights statement", capture.rights),
        ("the original classification", capture.classification),
    ) if not value]
    lines = [
        f"# Notes for the editor, from `{name}`", "",
        "Written by `make scaffold`. The site does not publish this file.", "",
        "## What the page did not give", "",
        "Add these to `data/document.yml` if you know them from the archive (never guess): the record's address "
        "(`record.url`), the author and recipient, the archive's and publisher's names, the original language"
        + (", " + ", ".join(missing) if missing else "") + ".", "",
        "## Names to gloss", "",
        "Words printed in capitals and names after a title, with the paragraphs they are in. Add the ones a reader "
        "needs to `data/<kind>.yml` (kinds are listed in `data/site.yml`), copying each `forms` entry exactly.", "",
    ]
    lines += [f"- {n} ({count}×): {', '.join(p)}" for n, count, p in _candidates(capture.paragraphs, ids)] or ["- (none found)"]
    if capture.hidden_rights:
        lines += ["", "## Left out", "", "Rights paragraphs whose e-mail address the saved page had hidden (“[email protected]”): "
                  "read them on the archive's page.", ""] + [f"> {b}" for b in capture.hidden_rights]
    return "\n".join(lines) + "\n"
