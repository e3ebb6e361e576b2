"""The benchmark's long document (tests/long_document.py) is a valid project: the seed capture's
paragraphs twenty times, in order, each with its own id, and data that the kit's own check
(`python -m macros`) accepts. Not timed: the figures are `make bench`'s."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from macros.files.scaffold import parse_capture
from tests.long_document import CAPTURE, FACTOR, long_project, repeated_capture


def _paragraphs(project: Path) -> list[dict]:
    text = yaml.safe_load((project / "data" / "text.yml").read_text(encoding="utf-8"))
    return [p for layer in text["layers"] for section in layer["sections"] for p in section["paragraphs"]]


def _validate(project: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "macros"], cwd=project, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def seed() -> list[str]:
    paragraphs = parse_capture(CAPTURE.read_text(encoding="utf-8")).paragraphs
    # The seed as read from the archive's page: the cable's first and last lines, 41 paragraphs.
    assert (paragraphs[0], paragraphs[-1], len(paragraphs)) == (
        "CABLE Nº 59442", "Verified by shift chief [illegible signature, possible Finenko] 1430", 41)
    return paragraphs


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return long_project(tmp_path_factory.mktemp("long") / "project")


def test_the_capture_repeats_the_document_and_keeps_the_page_around_it(seed):
    original = parse_capture(CAPTURE.read_text(encoding="utf-8"))
    repeated = parse_capture(repeated_capture(CAPTURE.read_text(encoding="utf-8")))
    assert repeated.paragraphs == seed * FACTOR
    assert (repeated.title, repeated.date, repeated.summary, repeated.citation, repeated.translator, repeated.rights) == (
        original.title, original.date, original.summary, original.citation, original.translator, original.rights)


def test_the_project_has_the_paragraphs_twenty_times_in_order_each_with_its_own_id(project, seed):
    paragraphs = _paragraphs(project)
    assert [p["text"] for p in paragraphs] == seed * FACTOR
    ids = [p["id"] for p in paragraphs]
    assert len(set(ids)) == len(ids) == len(seed) * FACTOR


def test_the_project_validates(project, seed):
    result = _validate(project)
    assert result.returncode == 0, result.stderr
    assert f"{len(seed) * FACTOR} paragraphs" in result.stdout


def test_a_repeated_id_would_be_refused(project, tmp_path):
    """The negative control: the same check refuses the project with two paragraphs sharing an id."""
    broken = tmp_path / "broken"
    shutil.copytree(project / "macros", broken / "macros")
    shutil.copytree(project / "data", broken / "data")
    text_file = broken / "data" / "text.yml"
    text = yaml.safe_load(text_file.read_text(encoding="utf-8"))
    paragraphs = text["layers"][0]["sections"][0]["paragraphs"]
    paragraphs[-1]["id"] = paragraphs[0]["id"]
    text_file.write_text(yaml.safe_dump(text, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = _validate(broken)
    assert result.returncode == 1
    assert f"duplicate id '{paragraphs[0]['id']}'" in result.stderr, result.stderr


def test_its_pages_are_the_repositorys_docs_unchanged(project):
    """The long document is built with this edition's own pages, as a fork would be: docs/ names no document."""
    from tests.long_document import DOCS, ROOT

    def pages(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    assert DOCS == ROOT / "docs"
    mine = pages(project / "docs")
    assert "text.md" in mine and len([p for p in mine if p.endswith(".md")]) >= 14
    assert mine == pages(DOCS)
