"""`make register` and `make validate` on this edition's data: its register as it is laid out
(flow lists wrapped at 100 characters, its lessons listed last), and its count of paragraphs (the
kit's checks on any site: tests/kit/test_editor_commands.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, copy_project
from tests.kit.test_editor_commands import _edit, run_macros


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


def test_register_refuses_a_broken_mark_name_and_records_nothing(project):
    register = project / "data" / "published-ids.yml"
    before = register.read_bytes()
    _edit(project / "data" / "marks.yml", 'name: "Sic"', 'name: "Sic')
    result = run_macros(project, "register")
    assert result.returncode == 1 and result.stderr.startswith("Invalid data: data/marks.yml, line")
    assert register.read_bytes() == before


def test_validate_prints_the_sic_marks_terminal_codes_as_escapes(project):
    _edit(project / "data" / "marks.yml", "  - id: sic\n", '  - id: "si\\e[31mc\\u202e"\n')
    result = run_macros(project)
    assert result.returncode == 1 and "(id 'si\\x1b[31mc\\u202e')" in result.stderr


def test_validate_on_good_data_counts_what_it_checked():
    result = subprocess.run([sys.executable, "-m", "macros"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stdout.startswith("data/ is valid: 41 paragraphs")


@pytest.mark.parametrize("empty", ["", "# Ids come later.\n"], ids=["no bytes", "only comments"])
def test_register_fills_an_empty_register_with_the_ids_this_edition_keeps(project, empty):
    """Filled from nothing by `make register`, the register lists every id this edition's own
    register lists (kept by hand and by the command), in the data's order."""
    register = project / "data" / "published-ids.yml"
    kept = yaml.safe_load(register.read_text(encoding="utf-8"))
    kept.pop("moved", None)
    assert sum(len(ids) for ids in kept.values()) > 100
    register.write_text(empty, encoding="utf-8")
    result = run_macros(project, "register")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"data/published-ids.yml: {sum(len(ids) for ids in kept.values())} new ids added (")
    after = yaml.safe_load(register.read_text(encoding="utf-8"))
    assert {k: sorted(v) for k, v in after.items()} == {k: sorted(v) for k, v in kept.items()}
