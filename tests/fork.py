"""A fork of this repository for another document, as a forker makes one: every file of the
repository (as `git ls-files` lists them, plus new files not yet committed, never .venv or what
.gitignore leaves out), with data/ replaced by another document's data, docs/ as a forker has it,
and this edition's own tests (tests/edition/) deleted. `run_make_test` then runs `make test`
there, reusing this checkout's virtualenv and npm tools so that nothing is installed again.

Used by tests/edition/test_fork.py; `python -m tests.fork DIR` assembles one to look at.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

from tests.sites import FIXTURES, ROOT

# Which docs/ the fork has. "repository": the repository's own pages, unchanged (a forker writes
# no prose in docs/: every page takes its document's words from data). "fixture": a fixture's own
# docs/, for a fixture that brings pages of its own.
FORK_DOCS = "repository"

EDITION_TESTS = "tests/edition/"
_SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=.*?([\w.-]+\.schema\.json)\s*$")


def repository_files(root: Path = ROOT) -> list[str]:
    """The repository's files as a clone would have them: tracked, and new ones not ignored."""
    listed = subprocess.run(["git", "-C", str(root), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            capture_output=True, text=True, check=True).stdout
    return sorted({name for name in listed.split("\0") if name and (root / name).is_file()})


def assemble_fork(destination: Path, document: Path = FIXTURES / "fictional-document", docs: str = FORK_DOCS) -> Path:
    """The fork in `destination`: the repository minus data/ and tests/edition/, the document's
    data/ (with the kit's JSON Schemas in data/schemas/, named on each file's first line as the
    scaffold writes them), and docs/ as FORK_DOCS says."""
    assert docs in ("repository", "fixture"), docs
    replaced = ["data/", EDITION_TESTS] + (["docs/"] if docs == "fixture" else [])
    files = [name for name in repository_files() if not name.startswith(tuple(replaced))]
    assert "Makefile" in files and "macros/__init__.py" in files, "not a checkout of the kit"
    for name in files:
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    # data/: the document's, with the kit's schemas (a forker keeps data/schemas/: they describe the kit's models).
    shutil.copytree(document / "data", destination / "data")
    shutil.copytree(ROOT / "data" / "schemas", destination / "data" / "schemas")
    for path in (destination / "data").glob("*.yml"):
        lines = path.read_text(encoding="utf-8").split("\n")
        found = _SCHEMA_LINE.match(lines[0])
        if found:
            lines[0] = f"# yaml-language-server: $schema=schemas/{found.group(1)}"
            path.write_text("\n".join(lines), encoding="utf-8")
    if docs == "fixture":
        assert (document / "docs").is_dir(), f"{document} has no docs/: set FORK_DOCS to 'repository'"
        shutil.copytree(document / "docs", destination / "docs")
        shutil.copytree(ROOT / "docs" / "assets", destination / "docs" / "assets")
    (destination / "node_modules").symlink_to(ROOT / "node_modules")
    return destination


def kit_test_functions(root: Path) -> int:
    """How many test functions the kit's own files define (read from the code): the fewest
    tests `make test` can collect in a fork, each being run at least once."""
    count = 0
    for path in (root / "tests" / "kit").rglob("test_*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        count += sum(isinstance(node, ast.FunctionDef) and node.name.startswith("test_") for node in tree.body)
    return count


@dataclass
class Report:
    returncode: int
    output: str
    tests: int
    failures: int
    errors: int
    skipped: int
    seconds: float


def run_make_test(fork: Path, report_file: Path, timeout: float = 3600) -> Report:
    """`make test` in the fork, as its workflow runs it, with this checkout's virtualenv (BIN) and
    no set-up stamps; pytest's own JUnit report (through PYTEST_ADDOPTS) says what ran."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PYTEST_", "MAKE")) and key not in {"MFLAGS", "INSTRUCTOR_PASSPHRASE", "SITE_URL"}}
    env["PYTEST_ADDOPTS"] = f"--junitxml={report_file} -p no:cacheprovider"
    bin_dir = Path(sys.executable).parent
    result = subprocess.run(["make", "test", f"BIN={bin_dir}", "STAMP=", "NODE_STAMP="], cwd=fork, env=env,
                            capture_output=True, text=True, timeout=timeout)
    output = result.stdout + result.stderr
    tests = failures = errors = skipped = 0
    seconds = 0.0
    if report_file.is_file():
        root = ElementTree.parse(report_file).getroot()
        for suite in root.iter("testsuite"):
            tests += int(suite.get("tests", 0))
            failures += int(suite.get("failures", 0))
            errors += int(suite.get("errors", 0))
            skipped += int(suite.get("skipped", 0))
            seconds += float(suite.get("time", 0))
    return Report(result.returncode, output, tests, failures, errors, skipped, seconds)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else sys.exit("python -m tests.fork DIR  (DIR must not exist)")
    assert not target.exists(), f"{target} exists"
    print(assemble_fork(target))
