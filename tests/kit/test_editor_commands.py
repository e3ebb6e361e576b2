"""The editor's commands (`make validate`, `make register`: `python -m macros ...`) end in one
clear line when something is wrong, never a traceback, and `make register` records ids only from
data that passes every check, keeping the register as the editor wrote it. Run over every site,
in a copy of its project: the ids, marks and packets the cases edit are found in its data. This
edition's own register lines and counts: tests/edition/test_editor_commands.py."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from macros.files.errors import DataError
from macros.views.load import load_edition
from tests.conftest import copy_project


def run_macros(project: Path, *args: str) -> subprocess.CompletedProcess:
    """`python -m macros ...` in `project` (its own copy of the package)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run([sys.executable, "-m", "macros", *args], cwd=project, env=env, capture_output=True, text=True, timeout=120)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def project(tmp_path, site_data) -> Path:
    """A copy of the site's project: the kit with the site's data and pages."""
    return site_data.assemble(tmp_path / "project")


def _flow(kind: str, ids: list[str]) -> str:
    return f"{kind}: [{', '.join(ids)}]\n"


def test_register_adds_new_ids_and_keeps_the_file_as_written(project, site_data):
    """The register as `make register` makes it for the site; then, as if the last paragraph and
    every layer had never been recorded, in a file the editor laid out their own way (a comment,
    the paragraphs one a line): the ids come back, and every line the editor wrote stays."""
    register = project / "data" / "published-ids.yml"
    assert run_macros(project, "register").returncode == 0
    complete = yaml.safe_load(register.read_text(encoding="utf-8"))
    layers = [layer["id"] for layer in site_data.data("text.yml")["layers"]]
    paragraphs = list(site_data.paragraphs())
    assert layers and len(paragraphs) > 1, "the site's text has layers and paragraphs"
    assert complete["layers"] == layers and complete["paragraphs"][-1] == paragraphs[-1] and set(paragraphs) <= set(complete["paragraphs"])
    *kept, last = complete["paragraphs"]
    edited = "# The site's published ids.\n# Layers come later.\n" + "".join(
        "paragraphs:\n" + "".join(f"  - {p}\n" for p in kept) if kind == "paragraphs" else _flow(kind, ids)
        for kind, ids in complete.items() if kind != "layers")
    register.write_text(edited, encoding="utf-8")
    result = run_macros(project, "register")
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    found = re.fullmatch(r"data/published-ids\.yml: (\d+) new ids added \((.*)\)", line)
    assert found, line
    assert int(found.group(1)) == 1 + len(layers)
    assert set(found.group(2).split(", ")) == {"1 paragraphs", f"{len(layers)} layers"}
    after = register.read_text(encoding="utf-8")
    assert after == edited.replace(f"  - {kept[-1]}\n", f"  - {kept[-1]}\n  - {last}\n") + _flow("layers", layers), \
        "the editor's lines kept, the new ids after the last of their kind, a kind not listed yet at the end"
    assert yaml.safe_load(after) == complete, "the same ids as before they were taken out"
    again = run_macros(project, "register")
    assert again.stdout.splitlines() == ["data/published-ids.yml: 0 new ids added"] and register.read_text(encoding="utf-8") == after


def _unclosed_quote_in_a_mark_name(data: Path) -> None:
    path = data / "marks.yml"
    text = path.read_text(encoding="utf-8")
    found = re.search(r"\n(\s+)name: (\"?)([^\"\n]+)\"?\n", text)
    assert found, "the site's marks.yml names its marks"
    broken = f"\n{found.group(1)}name: \"{found.group(3)}\n"
    path.write_text(text[:found.start()] + broken + text[found.end():], encoding="utf-8")


def _a_draft_packet(data: Path) -> None:
    """A draft packet that validation refuses: its id must not become permanent."""
    path = data / "packets.yml"
    draft = "packets:\n  - id: a-draft\n    title: Draft\n"
    if path.is_file():
        _edit(path, "packets:\n", draft)
    else:
        path.write_text(draft, encoding="utf-8")


@pytest.mark.parametrize("breaking, first_line", [
    (_unclosed_quote_in_a_mark_name, "Invalid data: data/marks.yml, line"),
    (_a_draft_packet, "Invalid data: data/packets.yml, line"),
], ids=["unclosed-quote", "draft-packet"])
def test_register_refuses_data_that_validation_refuses_and_records_nothing(project, site_data, breaking, first_line):
    assert site_data.items("marks.yml", "marks"), "the site's text has marks"
    register = project / "data" / "published-ids.yml"
    before = register.read_bytes() if register.exists() else None
    breaking(project / "data")
    result = run_macros(project, "register")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(first_line) and lines[-1] == "No id was recorded: fix the data, then run make register again."
    assert "Traceback" not in result.stderr + result.stdout
    assert (register.read_bytes() if register.exists() else None) == before
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


def test_validate_prints_terminal_codes_from_the_data_as_escapes(project, site_data):
    marks = site_data.items("marks.yml", "marks")
    assert marks, "the site's text has marks"
    first = marks[0]["id"]
    _edit(project / "data" / "marks.yml", f"  - id: {first}\n", f'  - id: "{first[:-1]}\\e[31m{first[-1]}\\u202e"\n')
    result = run_macros(project)
    assert result.returncode == 1
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr
    assert f"(id '{first[:-1]}\\x1b[31m{first[-1]}\\u202e')" in result.stderr


def test_validate_on_good_data_counts_what_it_checked(project, site_data):
    result = run_macros(project)
    paragraphs = len(site_data.paragraphs())
    assert paragraphs, "the site's text has paragraphs"
    assert result.returncode == 0 and result.stdout.startswith(f"data/ is valid: {paragraphs} paragraphs"), result.stdout + result.stderr


# --- an empty register --------------------------------------------------------------------------

@pytest.mark.parametrize("empty", ["", "[]\n", "{}\n", "# Ids come later.\n\n# (nothing published yet)\n"],
                         ids=["no bytes", "[]", "{}", "only comments"])
def test_an_empty_register_is_valid_and_register_fills_it(project, site_data, empty):
    """A new edition starts its register empty (guides/editing.md, "Ids are permanent"): the data
    validates, and `make register` then records every id the data publishes (every layer and
    paragraph of the site's text among them), keeps the editor's comments, and adds nothing the
    second time. This edition's register, filled so, equals the one it keeps:
    tests/edition/test_editor_commands.py."""
    layers = [layer["id"] for layer in site_data.data("text.yml")["layers"]]
    paragraphs = list(site_data.paragraphs())
    assert layers and paragraphs, "the site's text has layers and paragraphs"
    register = project / "data" / "published-ids.yml"
    register.write_text(empty, encoding="utf-8")
    assert run_macros(project).returncode == 0
    result = run_macros(project, "register")
    assert result.returncode == 0, result.stderr
    after = register.read_text(encoding="utf-8")
    recorded = yaml.safe_load(after)
    assert recorded["layers"] == layers and recorded["paragraphs"] == paragraphs, "in the data's order"
    added = sum(len(ids) for ids in recorded.values())
    assert result.stdout.startswith(f"data/published-ids.yml: {added} new ids added (")
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
    """This repository's project (in a fork, the fork's): the cases do not depend on its data."""
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
