"""Twenty times the cable, beside the cable, side by side in one run (part of `make bench`).

    python -m tests.bench_scale [--rounds N]     # this part alone

Three projects, each in a copy made for the run:
- the cable: this edition as it is (its data/ and docs/);
- the cable, scaffolded: the seed capture scaffolded into a copy of the kit (tests/long_document.py),
  with pages that suit scaffolded data;
- twenty times the cable: the same with the document's paragraphs repeated twenty times.
The scaffolded cable is the yardstick for the long one: the same pages and the same kind of data,
only the length differs; the cable itself is what an editor of this edition sees today.

For each it prints the median and the worst of:
- a clean `mkdocs build` as a whole process, the three taken in turn in each round (A B C, C B A...)
  so that a busy machine slows all alike; a first round warms the caches and is not counted;
- edit to screen: a tab open on `mkdocs serve` at the text page, scrolled to the paragraph "5. The
  discipline of our units…" (its last copy in the long one); the time from saving that paragraph
  with a new word at its end in data/text.yml, its transcription (data/transcription.txt) saved
  with it as the data require, to the first frame the reloaded tab draws with the new word. The
  three servers and tabs are open together and edited in turn; the first edit of each warms its
  server and is not counted. The frame's time is the page's own (tests.benchmark.edit_to_screen).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

from tests.benchmark import _FIRST_FRAME, _serve, _timed_build
from tests.browser import LAUNCH_ARGS, system_chromium
from tests.conftest import ROOT, copy_project
from tests.long_document import DOCS, FACTOR, long_project

EDITED = "The masses are extraordinarily grateful."  # the end of the paragraph an edit adds a word to


def _paragraphs(text: dict) -> list[dict]:
    return [p for layer in text["layers"] for section in layer["sections"] for p in section["paragraphs"]]


class ParagraphEdit:
    """Saves the last paragraph ending with EDITED with a word added, in text.yml and in the
    transcription. text.yml is written back from its parsed form (the scaffold folds long lines,
    so the words are not found as they are typed): the copy is rewritten so at the start, so that
    an edit changes nothing but the word."""

    def __init__(self, project: Path) -> None:
        self.text_file = project / "data" / "text.yml"
        self.transcription_file = project / "data" / "transcription.txt"
        self.text = yaml.safe_load(self.text_file.read_text(encoding="utf-8"))
        self.transcription = self.transcription_file.read_text(encoding="utf-8")
        targets = [p for p in _paragraphs(self.text) if p["text"].endswith(EDITED)]
        assert targets, f"{self.text_file}: no paragraph ends with {EDITED!r}"
        self.paragraph, self.original = targets[-1], targets[-1]["text"]
        self.paragraphs = len(_paragraphs(self.text))
        self.save(None)

    def save(self, word: str | None) -> None:
        new = self.original + (f" {word}" if word else "")
        head, found, tail = self.transcription.rpartition(self.original)
        assert found, f"{self.transcription_file}: the paragraph is not in the transcription"
        self.paragraph["text"] = new
        text = yaml.safe_dump(self.text, allow_unicode=True, sort_keys=False, width=10_000)
        # Both files written back to back, their new contents made first: `mkdocs serve` starts a
        # rebuild 0.1 s after the first change it sees, and a second file saved later (as when the
        # dump came between the writes) costs a second rebuild.
        self.transcription_file.write_text(head + new + tail, encoding="utf-8")
        self.text_file.write_text(text, encoding="utf-8")


def projects(work: Path, docs: Path = DOCS) -> dict[str, Path]:
    return {
        "the cable": copy_project(work / "cable"),
        "the cable, scaffolded": long_project(work / "scaffolded", 1, docs),
        f"{FACTOR} × the cable, scaffolded": long_project(work / "long", FACTOR, docs),
    }


def _turns(names: list[str], round_: int) -> list[str]:
    return names if round_ % 2 == 0 else names[::-1]


def build_times(sides: dict[str, Path], rounds: int, work: Path) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in sides}
    for i in range(rounds + 1):
        for name in _turns(list(sides), i):
            site = work / "site"
            elapsed = _timed_build(sides[name], "mkdocs.yml", site)
            shutil.rmtree(site)
            if i:  # the first round warms the caches (compiled templates), as every later build is
                times[name].append(elapsed)
    return times


def edit_times(sides: dict[str, Path], rounds: int) -> tuple[dict[str, list[float]], dict[str, int]]:
    from playwright.sync_api import sync_playwright

    edits = {name: ParagraphEdit(project) for name, project in sides.items()}
    times: dict[str, list[float]] = {name: [] for name in sides}
    servers = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=system_chromium(), args=LAUNCH_ARGS)
            tabs = {}
            for name, project in sides.items():
                servers[name], url = _serve(project)
                tabs[name] = browser.new_page()
                tabs[name].add_init_script(_FIRST_FRAME)
                tabs[name].goto(url, wait_until="load")
                tabs[name].get_by_text(EDITED).last.scroll_into_view_if_needed()
            for i in range(rounds + 1):
                for name in _turns(list(sides), i):
                    time.sleep(1.5)  # let the servers and the tabs settle between edits
                    word, start = f"SCALE{i}{len(name)}MARK", time.time()  # the wall clock, as the page's Date.now()
                    edits[name].save(word)
                    tabs[name].get_by_text(word).first.wait_for(state="visible", timeout=120_000)
                    drawn = tabs[name].wait_for_function("window.__drawnAt").json_value() / 1000
                    if i:  # the first edit warms the server's caches, as an editor's first save does
                        times[name].append(drawn - start)
            browser.close()
    finally:
        for server in servers.values():
            server.terminate()
            server.wait(timeout=20)
    return times, {name: edit.paragraphs for name, edit in edits.items()}


def _figure(values: list[float]) -> str:
    return f"{statistics.median(values):5.2f} s (worst {max(values):.2f})"


def report(work: Path, rounds: int, docs: Path = DOCS) -> None:
    sides = projects(work, docs)
    builds = build_times(sides, rounds, work)
    edits, paragraphs = edit_times(sides, rounds)
    print(f"\n{FACTOR} times the cable beside the cable, side by side ({rounds} rounds; medians, worst in brackets; "
          f"scaffolded pages: {docs.relative_to(ROOT) if docs.is_relative_to(ROOT) else docs}):")
    print(f"  {'':32} {'paragraphs':>10}  {'clean build':>20}  {'edit to screen':>20}")
    for name in sides:
        print(f"  {name:32} {paragraphs[name]:>10}  {_figure(builds[name]):>20}  {_figure(edits[name]):>20}")
    short, long = list(sides)[1:]
    extra = paragraphs[long] - paragraphs[short]
    build_ratio = statistics.median(builds[long]) / statistics.median(builds[short])
    per_paragraph = (statistics.median(builds[long]) - statistics.median(builds[short])) / extra * 1000
    edit_ratio = statistics.median(edits[long]) / statistics.median(edits[short])
    print(f"  {FACTOR} × the text: the build {build_ratio:.2f} × the scaffolded cable's ({per_paragraph:.2f} ms for each "
          f"paragraph more), an edit {edit_ratio:.2f} ×")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        report(Path(folder), args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
