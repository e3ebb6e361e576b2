"""The editor's commands (`make validate`, `make register`: `python -m macros ...`) end in one
clear line when something is wrong, never a traceback, and `make register` records ids only from
data that passes every check, keeping the register as the editor wrote it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from macros.files.errors import DataError
from macros.views.load import load_edition
from tests.conftest import ROOT, copy_project


def run_macros(project: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m macros ...` in `project` (its own copy of the package)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run([sys.executable, "-m", "macros", *args], cwd=project, env=env, capture_output=True, text=True, timeout=120)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def test_register_adds_new_ids_and_keeps_the_file_as_written(project):
    register = project / "data" / "published-ids.yml"
    original = register.read_text(encoding="utf-8")
    assert ", copies, verified]" in original and "\nlessons: [welcome-or-resistance, categories-and-silences]\n" in original
    # As if 'verified' and both lessons had never been recorded, with a comment of the editor's own.
    edited = (original.replace(", copies, verified]", ", copies]")
              .replace("\nlessons: [welcome-or-resistance, categories-and-silences]\n", "\n# Lessons come later.\n"))
    register.write_text(edited, encoding="utf-8")
    result = run_macros(project, "register")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["data/published-ids.yml: 3 new ids added (1 paragraphs, 2 lessons)"]
    after = register.read_text(encoding="utf-8")
    assert after == (edited.replace(", copies]", ", copies,\n  verified]")
                     + "lessons: [welcome-or-resistance, categories-and-silences]\n")
    assert yaml.safe_load(after) == yaml.safe_load(original), "the same ids as before they were taken out"
    again = run_macros(project, "register")
    assert again.stdout.splitlines() == ["data/published-ids.yml: 0 new ids added"] and register.read_text(encoding="utf-8") == after


def test_register_adds_to_a_list_written_one_id_a_line(project):
    register = project / "data" / "published-ids.yml"
    _edit(register, "layers: [envelope, cover, letter, report, transmission]\n",
          "layers:\n  - envelope  # the cipher clerk's\n  - cover\n  - letter\n  - report\n")
    assert run_macros(project, "register").returncode == 0
    assert "layers:\n  - envelope  # the cipher clerk's\n  - cover\n  - letter\n  - report\n  - transmission\n" in \
        register.read_text(encoding="utf-8")


@pytest.mark.parametrize("breaking, first_line", [
    (lambda d: _edit(d / "marks.yml", 'name: "Sic"', 'name: "Sic'), "Invalid data: data/marks.yml, line"),
    # A draft packet that validation refuses: its id must not become permanent.
    (lambda d: (d / "packets.yml").write_text((d / "packets.yml").read_text(encoding="utf-8").replace(
        "packets:\n", "packets:\n  - id: a-draft\n    title: Draft\n", 1), encoding="utf-8"), "Invalid data: data/packets.yml, line"),
])
def test_register_refuses_data_that_validation_refuses_and_records_nothing(project, breaking, first_line):
    register = project / "data" / "published-ids.yml"
    before = register.read_bytes()
    breaking(project / "data")
    result = run_macros(project, "register")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(first_line) and lines[-1] == "No id was recorded: fix the data, then run make register again."
    assert "Traceback" not in result.stderr + result.stdout
    assert register.read_bytes() == before
    with pytest.raises(DataError) as caught:  # the same message as `make validate` and the build give
        load_edition(project / "data")
    assert lines[0] == f"Invalid data: {str(caught.value).splitlines()[0]}"


@pytest.mark.parametrize("module, old, new", [
    ("macros/checks/text.py", "def check(files: Files) -> None:", "def check(files: Files) -> None"),
    # The module that escapes messages is itself broken: the line is still printed.
    ("macros/files/errors.py", "def printable(text: str) -> str:", "def printable(text: str) -> str"),
])
def test_validate_with_a_syntax_error_in_macros_says_where_in_one_line(project, module, old, new):
    _edit(project / module, old, new)
    line = next(i for i, text in enumerate((project / module).read_text(encoding="utf-8").splitlines(), 1) if new in text)
    for command in ((), ("register",)):
        result = run_macros(project, *command)
        assert result.returncode == 1, command
        assert result.stderr.splitlines() == [f"{module}, line {line}: SyntaxError: expected ':'"], command


def test_validate_prints_terminal_codes_from_the_data_as_escapes(project):
    _edit(project / "data" / "marks.yml", "  - id: sic\n", '  - id: "si\\e[31mc\\u202e"\n')
    result = run_macros(project)
    assert result.returncode == 1
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr
    assert "(id 'si\\x1b[31mc\\u202e')" in result.stderr


def test_validate_on_good_data_counts_what_it_checked():
    result = subprocess.run([sys.executable, "-m", "macros"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stdout.startswith("data/ is valid: 41 paragraphs")
