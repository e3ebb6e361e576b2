"""How long an editor waits under `mkdocs serve`: `python -m tests.serve_timing` (not a test).

Tabs are left open, as an editor leaves them, on the text (a page of docs/), a glossary kind, a
packet and a lesson of the student edition, and on a lesson's plan in the instructor edition.
Each of the four commonest mistakes (an unclosed quote, a misspelt field, a glossary form not in
the text, an unquoted clock time; their cases in tests/kit/test_validation.py) is saved, then mended. For
each tab it prints the seconds from the save to the banner (exactly one message) and from the fix
to the page back without it; no tab is ever reloaded by hand. `--rounds N` repeats each mistake.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from tests.browser import LAUNCH_ARGS, system_chromium
from tests.conftest import copy_project
from tests.serving import Served, Snapshot, wait_for_tabs
from tests.kit.test_build_and_serve import FOUR_MISTAKES, _data_case

STUDENT_TABS = {
    "text/": "The text",
    "glossary/places/": "Places",
    "packets/three-versions/": "Three kinds of “rebelled” units",
    "lessons/welcome-or-resistance/": "A warm welcome? What Mao told Stalin about the PLA's arrival in Xinjiang",
}
INSTRUCTOR_TABS = {"lessons/welcome-or-resistance/#plan": STUDENT_TABS["lessons/welcome-or-resistance/"]}


def _path(tab: str) -> str:
    return "/" + tab.split("#")[0]


def measure(browser, edition: str | None, tabs: dict[str, str], rounds: int) -> list[tuple[str, str, float, float]]:
    """(mistake, tab, seconds to the banner, seconds to the page back) for every tab and round."""
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder) / "project")
        server = Served(project, edition)
        try:
            server.wait_until_up()
            context = browser.new_context()
            pages = {}
            for tab in tabs:
                pages[tab] = context.new_page()
                pages[tab].goto(server.url(tab), wait_until="load")

            def back(tab, state):
                return not state["banner"] and state["heading"] == tabs[tab] and (state["plan"] or "#plan" not in tab)

            wait_for_tabs(pages, back, "the first pages")
            snapshot = Snapshot(project)
            for name, breaking, message in [_data_case(n) for n in FOUR_MISTAKES]:
                for _ in range(rounds):
                    breaking(project)
                    expected = message(project)
                    shown = wait_for_tabs(pages, lambda tab, s: s["banner"] == [expected] and s["path"] == _path(tab), name)
                    snapshot.restore()
                    mended = wait_for_tabs(pages, back, f"{name} mended")
                    rows += [(name, tab, shown[tab][1], mended[tab][1]) for tab in tabs]
            context.close()
        finally:
            stderr = server.stop()
        if "Traceback" in stderr:
            raise SystemExit(f"the server printed a traceback:\n{stderr}")
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=system_chromium(), args=LAUNCH_ARGS)
        rows = measure(browser, None, STUDENT_TABS, args.rounds) + measure(browser, "instructor", INSTRUCTOR_TABS, args.rounds)
        browser.close()
    print(f"{'mistake':32} {'tab':42} {'banner s':>8} {'back s':>8}")
    for name, tab, shown, mended in rows:
        edition = " (instructor)" if "#plan" in tab else ""
        print(f"{name:32} {tab + edition:42} {shown:8.2f} {mended:8.2f}")
    banner, back = [r[2] for r in rows], [r[3] for r in rows]
    print(f"banner: median {statistics.median(banner):.2f} s, worst {max(banner):.2f} s; "
          f"page back: median {statistics.median(back):.2f} s, worst {max(back):.2f} s ({len(rows)} tab-mistakes)")
    return 0 if max(banner + back) <= 2 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
