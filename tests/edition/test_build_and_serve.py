"""This edition's own mistakes, with their exact messages, at build time and under `mkdocs serve`:
edits of its entries and its pages (the kit's table of mistakes is tests/kit/test_build_and_serve.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from tests.conftest import copy_project, mkdocs_build
from tests.kit.test_build_and_serve import _append, _edit, _last_line, _line_of, check_mistake_in_open_tabs, editor  # noqa: F401 (a fixture)

# (case, how the project is broken, the exact error lines of `mkdocs build --strict`)
BREAKS: list[tuple[str, Callable[[Path], None], Callable[[Path], list[str]]]] = [
    ("bad data",
     lambda p: _edit(p / "data" / "text.yml", "    sections:\n      - id: cover-all\n        paragraphs:\n          - id: cover-line\n",
                     "    sections:\n      - id: cover-all\n        paragraphs:\n          - id: cover-line\n            style: bold\n"),
     lambda p: [f"ERROR   -  Invalid data: data/text.yml, line {_line_of(p / 'data' / 'text.yml', 'style: bold')}: entry layers[2] (id 'cover') > sections[1] (id 'cover-all') > "
                "paragraphs[1] (id 'cover-line'), field 'style': Input should be 'prose', 'item' or 'signature' (got 'bold')"]),
    ("a macro given an id that does not exist",
     lambda p: _append(p / "docs" / "chronology.md", '\n{{ question_box("no-such-question") }}\n'),
     lambda p: ["ERROR   -  Error reading page 'chronology.md':",
                "ERROR   -  docs/chronology.md: question_box('no-such-question'): ValueError: 'no-such-question' is not a question id in data/questions.yml"]),
    ("a home-page card naming a page that is not there",
     lambda p: _edit(p / "data" / "site.yml", "page: map.md", "page: mapp.md"),
     lambda p: ["ERROR   -  Error reading page 'index.md':",
                f"ERROR   -  docs/index.md: home_cards(): ValueError: data/site.yml, line {_line_of(p / 'data' / 'site.yml', 'mapp.md')}: "
                "entry home[1] > links[4], field 'page': 'mapp.md' is not a page of this site; name a file under docs/ (e.g. "
                "'text.md') or a page the data makes (e.g. 'glossary/people.md')"]),
    ("a link to a page that is not there",
     lambda p: _edit(p / "docs" / "about.md", "[Sources](sources.md)", "[Sources](sourcse.md)"),
     lambda p: ["WARNING -  Doc file 'about.md' contains a link 'sourcse.md', but the target is not found among documentation files."]),
]


@pytest.mark.parametrize("breaking, expected", [b[1:] for b in BREAKS], ids=[b[0] for b in BREAKS])
def test_a_mistake_in_this_edition_stops_the_build_with_one_clear_message(tmp_path, breaking, expected):
    project = copy_project(tmp_path / "project")
    breaking(project)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert [line for line in result.stderr.splitlines() if line.startswith(("ERROR", "WARNING", "Error:"))] == expected(project)
    assert "Traceback" not in result.stderr


def _edition_case(name: str):
    """A case of this edition's broken-input table (tests/edition/test_data.py), under serve."""
    from tests.edition.test_data import BROKEN

    _, mutate, expected = next(c for c in BROKEN if c[0] == name)
    return name, (lambda p: mutate(p / "data")), (lambda p: "Invalid data: " + expected(p / "data"))


# The four mistakes an editor makes most, in this edition's entries: an unclosed quote in the middle
# of a file, a misspelt field, a glossary form not in the text, an unquoted clock time.
SERVE_CASES = [
    *[(name, breaking, _last_line(expected)) for name, breaking, expected in BREAKS],
    _edition_case("unclosed quote in the middle"),
    _edition_case("a misspelt field name"),
    _edition_case("form not in the text"),
    _edition_case("an unquoted clock time"),
]


@pytest.mark.parametrize("breaking, message", [c[1:] for c in SERVE_CASES], ids=[c[0] for c in SERVE_CASES])
def test_this_editions_mistakes_show_in_the_open_tabs_and_the_page_comes_back(editor, breaking, message):  # noqa: F811
    check_mistake_in_open_tabs(editor, breaking, message)
