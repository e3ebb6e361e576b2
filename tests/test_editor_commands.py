"""The editor's commands (`make validate`, `make register`: `python -m macros ...`) end in one
clear line when something is wrong, never a traceback, and `make register` records ids only from
data that passes every check, keeping the register as the editor wrote it."""

from __future__ import annotations

import os
import shutil
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


# --- an empty register --------------------------------------------------------------------------

@pytest.mark.parametrize("empty", ["", "[]\n", "{}\n", "# Ids come later.\n\n# (nothing published yet)\n"],
                         ids=["no bytes", "[]", "{}", "only comments"])
def test_an_empty_register_is_valid_and_register_fills_it_with_todays_ids(project, empty):
    """A new edition starts its register empty (guides/editing.md, "Ids are permanent"); the build reads it
    as the validation does (load_edition), and the scaffolded site's strict build has one
    (tests/test_scaffold.py). `make register` then records every id the data publishes today: the
    ids this edition's own register lists, as it was kept by hand and by the command."""
    register = project / "data" / "published-ids.yml"
    kept = yaml.safe_load(register.read_text(encoding="utf-8"))
    kept.pop("moved", None)
    assert sum(len(ids) for ids in kept.values()) > 100
    register.write_text(empty, encoding="utf-8")
    assert run_macros(project).returncode == 0
    result = run_macros(project, "register")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"data/published-ids.yml: {sum(len(ids) for ids in kept.values())} new ids added (")
    after = register.read_text(encoding="utf-8")
    assert {k: sorted(v) for k, v in yaml.safe_load(after).items()} == {k: sorted(v) for k, v in kept.items()}, "in the data's order"
    for comment in [line for line in empty.splitlines() if line.startswith("#")] or ["# yaml-language-server: $schema="]:
        assert comment in after, "the editor's comments stay (a register with none gets the usual header)"
    assert run_macros(project).returncode == 0 and run_macros(project, "register").stdout == "data/published-ids.yml: 0 new ids added\n"


# --- every command, given bad arguments or bad input: one clean message -----------------------------

USE = " (python -m macros --help lists every command)"
# (command line, environment, exit status, the message on standard error, exactly)
BAD = [
    (["bogus"], {}, 2, "Unknown command 'bogus': use one of schemas, register, scaffold, basemap, port, instructor-edition, "
                       "or none to check data/ (python -m macros --help)"),
    (["--bogus"], {}, 2, "Unknown command '--bogus': use one of schemas, register, scaffold, basemap, port, instructor-edition, "
                         "or none to check data/ (python -m macros --help)"),
    (["schemas", "--bogus"], {}, 2, "schemas takes no argument but --check (got '--bogus'): use python -m macros schemas [--check]" + USE),
    (["register", "now"], {}, 2, "register takes no argument (got 'now'): use python -m macros register" + USE),
    (["scaffold"], {}, 2, "scaffold needs the capture's file: use python -m macros scaffold FILE [--into DIR] [--force]" + USE),
    (["scaffold", "a.txt", "b.txt"], {}, 2, "scaffold takes one capture, not 2 (a.txt, b.txt): use python -m macros scaffold FILE "
                                            "[--into DIR] [--force]" + USE),
    (["scaffold", "a.txt", "--into"], {}, 2, "--into needs one folder: use python -m macros scaffold FILE [--into DIR] [--force]" + USE),
    (["scaffold", "a.txt", "--into", "x", "--into=y"], {}, 2, "--into is given twice: use python -m macros scaffold FILE [--into DIR] "
                                                              "[--force]" + USE),
    (["scaffold", "a.txt", "--overwrite"], {}, 2, "scaffold has no option '--overwrite': use python -m macros scaffold FILE "
                                                  "[--into DIR] [--force]" + USE),
    (["basemap", "--fast"], {}, 2, "basemap takes no argument (got '--fast'): use python -m macros basemap" + USE),
    (["port"], {}, 2, "port needs one port number: use python -m macros port N" + USE),
    (["port", "8000", "8001"], {}, 2, "port takes one number, not 2: use python -m macros port N" + USE),
    (["port", "eighty"], {}, 1, "PORT=eighty is not a port number: use a number from 1 to 65535, e.g. make serve PORT=8001"),
    (["port", "70000"], {}, 1, "PORT=70000 is not a port number: use a number from 1 to 65535, e.g. make serve PORT=8001"),
    (["instructor-edition"], {}, 2, "instructor-edition needs one folder, or --folder: use python -m macros instructor-edition "
                                    "SITE_DIR|--folder" + USE),
    (["instructor-edition", "--all"], {}, 2, "instructor-edition needs one folder, or --folder: use python -m macros "
                                             "instructor-edition SITE_DIR|--folder" + USE),
    (["instructor-edition", "site"], {"INSTRUCTOR_PASSPHRASE": "too short"}, 1,
     "Instructor edition: INSTRUCTOR_PASSPHRASE is 9 characters long: use at least 14 characters without spaces at the ends "
     "(a few unrelated words work well)"),
    (["instructor-edition", "--folder"], {"INSTRUCTOR_PASSPHRASE": " spaces at both ends "}, 1,
     "Instructor edition: INSTRUCTOR_PASSPHRASE is 21 characters long with spaces at its ends: use at least 14 characters "
     "without spaces at the ends (a few unrelated words work well)"),
    (["scaffold", "no-such-page.txt"], {}, 1, "Cannot scaffold: no-such-page.txt: no such file; expected a capture of an archive's "
                                              "document page, saved as UTF-8 text: its date line (\"October 25, 1949\"), title, the "
                                              "document, the summary, \"Document Information\" and the citation (as in "
                                              "tests/fixtures/captures/)"),
    ([], {"BREAK": "data"}, 1, "Invalid data: data/published-ids.yml, line 1: field 'layers': Input should be a valid list (got 5)"),
    (["register"], {"BREAK": "data"}, 1, "Invalid data: data/published-ids.yml, line 1: field 'layers': Input should be a valid list "
                                         "(got 5)\nNo id was recorded: fix the data, then run make register again."),
    (["schemas"], {"BREAK": "schemas"}, 1, "data/schemas/: the schemas cannot be written there (File exists); it must be a "
                                           "folder you may write to"),
]


@pytest.fixture(scope="module")
def shared_project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("commands") / "project")


def test_the_table_runs_every_command():
    """A command added to macros/__main__.py without a bad-input case here fails this test."""
    import importlib

    commands = importlib.import_module("macros.__main__").COMMANDS
    assert set(commands) == {argv[0] for argv, _, _, _ in BAD if argv and not argv[0].startswith("-")} - {"bogus"}


@pytest.mark.parametrize("argv, env, status, message", BAD, ids=[" ".join(a) or "validate" for a, _, _, _ in BAD])
def test_every_command_ends_bad_input_with_one_clean_message(shared_project, tmp_path, argv, env, status, message):
    project = shared_project
    env = dict(env)
    breaking = env.pop("BREAK", None)
    if breaking:
        project = copy_project(tmp_path / "project")
    if breaking == "data":
        (project / "data" / "published-ids.yml").write_text("layers: 5\n", encoding="utf-8")
    if breaking == "schemas":  # a file where the schemas' folder should be: writing them fails
        shutil.rmtree(project / "data" / "schemas")
        (project / "data" / "schemas").write_text("not a folder\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in (project / "data").rglob("*") if p.is_file()}
    result = subprocess.run([sys.executable, "-m", "macros", *argv], cwd=project, capture_output=True, text=True, timeout=120,
                            env={**{k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "INSTRUCTOR_PASSPHRASE")}, **env})
    assert "Traceback" not in result.stderr + result.stdout
    assert (result.returncode, result.stdout) == (status, "")
    assert result.stderr == message + "\n"
    assert {p: p.read_bytes() for p in (project / "data").rglob("*") if p.is_file()} == before, "nothing written"
