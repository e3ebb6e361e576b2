"""This repository is forkable: a fork for another document, made as a forker makes it (data/
replaced, docs/ as a forker has it, tests/edition/ deleted: tests/fork.py), passes `make test`,
which the Pages workflow runs before it deploys. The fork is the fictional document's
(tests/fixtures/fictional-document): the kit's tests run there over the fork's own data and
over the fixture sites it keeps."""

from __future__ import annotations

import time

import yaml

from tests.conftest import ROOT
from tests.fork import assemble_fork, kit_test_functions, run_make_test


def test_the_workflow_deploys_only_what_make_test_passed():
    """What a fork relies on: `make test` runs the tests that are there (testpaths), and the
    workflow builds and deploys after the job that runs it, and only then."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    assert any(step.get("run") == "make test" for step in jobs["test"]["steps"])
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build"
    pytest_ini = (ROOT / "pytest.ini").read_text(encoding="utf-8")
    assert "testpaths = tests" in pytest_ini


def test_a_fork_for_another_document_passes_make_test(tmp_path):
    fork = assemble_fork(tmp_path / "fork")
    assert not (fork / "tests" / "edition").exists() and (fork / "tests" / "kit" / "conftest.py").is_file()
    assert not (fork / "data" / "chronology.yml").exists(), "the fork's data is the other document's"
    floor = kit_test_functions(fork)
    assert floor > 100, floor
    started = time.monotonic()
    report = run_make_test(fork, tmp_path / "report.xml")
    took = time.monotonic() - started
    print(f"fork: {report.tests} tests, {report.failures} failed, {report.errors} errors, "
          f"{report.skipped} skipped, in {took:.0f} s (make test)")
    tail = "\n".join(report.output.splitlines()[-80:])
    assert report.returncode == 0, f"make test failed in the fork (exit {report.returncode}):\n{tail}"
    assert report.tests >= floor, f"only {report.tests} tests ran; the kit defines {floor}:\n{tail}"
    assert report.failures == report.errors == report.skipped == 0, tail


def test_a_fork_without_tests_fails_make_test(tmp_path):
    """The negative control: with the kit's tests deleted too, pytest collects nothing (its exit
    status 5), and `make test`, so the workflow, fails rather than deploying untested."""
    fork = assemble_fork(tmp_path / "fork")
    for path in sorted((fork / "tests" / "kit").rglob("test_*.py")):
        path.unlink()
    report = run_make_test(fork, tmp_path / "report.xml")
    assert report.returncode != 0 and report.tests == 0, report.output[-2000:]
    assert "no tests ran" in report.output, report.output[-2000:]
