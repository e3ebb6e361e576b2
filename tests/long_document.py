"""A document twenty times the cable's length, for `make bench` (generated each time, never committed).

The seed capture (the archive's page of Cable 59442, saved as text) is copied with the document's
paragraphs repeated twenty times, in order, and scaffolded (`macros/files/scaffold.py`) into a
copy of the kit, exactly as an instructor makes a new edition. The scaffold's id maker keeps the
repeated paragraphs' ids unique ('-2', '-3'... in reading order); `tests/kit/test_long_document.py`
checks that the result is such a project and that it validates.

The pages are `DOCS`, the repository's own `docs/`: they take every word about their document
from data (issue 23, item 2), so they build on whatever a scaffold gives, as a fork's would.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml

from macros.files.models.document import Document
from macros.files.models.sources import Source
from macros.files.scaffold import parse_capture, scaffold

ROOT = Path(__file__).resolve().parent.parent
CAPTURE = ROOT / "tests" / "fixtures" / "captures" / "letter-cde-mao-zedong-cde-filippov-stalin-kovalev.txt"
DOCS = ROOT / "docs"
FACTOR = 20

# What the models still require and an archive's page does not give (issue 23, item 3 makes these
# optional): written only for a field the model requires and the scaffold left out, so that once
# the fields are optional nothing is added. Plainly not facts: the generated site is never published.
_PLACEHOLDERS = {
    "author": "Unknown (benchmark)",
    "recipient": "Unknown (benchmark)",
    "summary": "Benchmark placeholder.",
    "archival_citation": "Benchmark placeholder.",
    "archive_name": "Benchmark placeholder",
    "translator": "Unknown (benchmark)",
    "original_language": "Unknown (benchmark)",
    "original_classification": "Unknown (benchmark)",
    "publisher": "Benchmark placeholder",
    "program": "Benchmark placeholder",
    "rights": ["Benchmark placeholder."],
    "record": {
        "id": "benchmark-record", "title": "Benchmark placeholder", "url": "https://example.org/benchmark",
        "source": "Benchmark placeholder", "translated_from": "Unknown (benchmark)",
        "how_to_recognise": "Benchmark placeholder.",
    },
}


def _normalised(text: str) -> str:
    """Line ends and trailing spaces as the scaffold reads them (it strips them from every line)."""
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def repeated_capture(text: str, factor: int = FACTOR) -> str:
    """The capture with its document's paragraphs (everything between the title or funder line
    and the archive's summary) repeated `factor` times; the page around them unchanged."""
    text = _normalised(text)
    capture = parse_capture(text)
    start = text.index(capture.paragraphs[0], text.index(capture.title) + len(capture.title))
    end = text.index(capture.summary, text.index(capture.paragraphs[-1], start) + len(capture.paragraphs[-1]))
    repeated = text[:start] + text[start:end] * factor + text[end:]
    if parse_capture(repeated).paragraphs != capture.paragraphs * factor:  # the scaffold must read it as meant
        raise AssertionError(f"the capture repeated {factor} times does not read as {factor} × its paragraphs")
    return repeated


def _fill(entry: dict, model, placeholders: dict, where: str) -> None:
    """Give `entry` a placeholder for each field `model` requires and `entry` lacks."""
    missing = [name for name, info in model.model_fields.items() if info.is_required() and name not in entry]
    unknown = [name for name in missing if name not in placeholders]
    if unknown:
        raise AssertionError(f"{where}: the model requires {unknown}, which the scaffold leaves out: "
                             "add a placeholder to tests/long_document.py")
    entry.update({name: placeholders[name] for name in missing})


def _complete(data: Path) -> None:
    """Add what the models require and the scaffold does not give (see _PLACEHOLDERS)."""
    def edit(name: str, change) -> None:
        path = data / name
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(content)
        path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")

    text = yaml.safe_load((data / "text.yml").read_text(encoding="utf-8"))
    first = text["layers"][0]["sections"][0]["paragraphs"][0]["id"]
    chain = [{"id": "written", "title": "Written", "when": "Unknown (benchmark)", "description": "Benchmark placeholder.",
              "paragraphs": [first]}]
    edit("document.yml", lambda record: _fill(record, Document, dict(_PLACEHOLDERS, chain=chain), "document.yml"))
    edit("sources.yml", lambda sources: [_fill(s, Source, _PLACEHOLDERS, "sources.yml") for s in sources["sources"]])


def long_project(destination: Path, factor: int = FACTOR, docs: Path = DOCS, capture: Path = CAPTURE) -> Path:
    """A copy of the kit (code, theme, config, `docs`' pages and the site's assets) whose data/ is
    scaffolded from the capture with its paragraphs repeated `factor` times (1: the cable as the
    archive prints it)."""
    destination.mkdir(parents=True)
    for part in ("macros", "overrides"):
        shutil.copytree(ROOT / part, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    shutil.copytree(docs, destination / "docs")
    if not (destination / "docs" / "assets").exists():
        shutil.copytree(ROOT / "docs" / "assets", destination / "docs" / "assets")
    with tempfile.TemporaryDirectory() as folder:
        repeated = Path(folder) / capture.name  # the scaffold names the capture in its files' headers
        repeated.write_text(repeated_capture(capture.read_text(encoding="utf-8"), factor), encoding="utf-8")
        scaffold(repeated, destination)
    _complete(destination / "data")
    return destination


if __name__ == "__main__":  # python -m tests.long_document DIR [FACTOR]: write one, to look at or serve
    import sys

    print(long_project(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else FACTOR))
