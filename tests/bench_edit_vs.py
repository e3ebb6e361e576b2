"""Side by side: the benchmark's edit-to-screen figure for this checkout and another one, with the
edits taken in turn (A, B, B, A, A, B...) so that a busy host slows both alike.

    python -m tests.bench_edit_vs OTHER_CHECKOUT [EDITS]    # e.g. a `git worktree` of an older commit

Each side gets its own copy of the project, its own `mkdocs serve` (this checkout's Python
environment) and its own browser tab; the timing is `tests.benchmark.edit_to_screen`'s.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmark import _FIRST_FRAME, _serve
from tests.browser import LAUNCH_ARGS, system_chromium
from tests.conftest import PROJECT_PARTS, ROOT

OLD = "Moscow’s header on the deciphered cable"  # as in tests.benchmark.edit_to_screen


def _copy(source: Path, destination: Path) -> Path:
    for part in PROJECT_PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif (source / part).is_file():
            shutil.copy2(source / part, destination / part)
    return destination


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    other, edits = Path(argv[0]), int(argv[1]) if len(argv) > 1 else 8
    with tempfile.TemporaryDirectory() as tmp:
        projects = {"this": _copy(ROOT, Path(tmp) / "a"), str(other): _copy(other, Path(tmp) / "b")}
        servers, pages, originals = {}, {}, {}
        times: dict[str, list[float]] = {name: [] for name in projects}
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=system_chromium(), args=LAUNCH_ARGS)
                for name, project in projects.items():
                    servers[name], url = _serve(project)
                    originals[name] = (project / "data" / "text.yml").read_text(encoding="utf-8")
                    pages[name] = browser.new_page()
                    pages[name].add_init_script(_FIRST_FRAME)
                    pages[name].goto(url, wait_until="load")
                names = list(projects)
                for i in range(edits + 1):
                    for name in names if i % 2 == 0 else names[::-1]:
                        time.sleep(1.5)  # let the servers and the pages settle between edits
                        marker, start = f"VS{i}{len(name)}MARK", time.time()
                        (projects[name] / "data" / "text.yml").write_text(originals[name].replace(OLD, marker, 1), encoding="utf-8")
                        pages[name].get_by_text(marker).first.wait_for(state="visible", timeout=60000)
                        drawn = pages[name].wait_for_function("window.__drawnAt").json_value() / 1000
                        if i:  # the first edit warms each server's caches
                            times[name].append(drawn - start)
                browser.close()
        finally:
            for server in servers.values():
                server.terminate()
                server.wait(timeout=20)
    for name, values in times.items():
        print(f"{name}: median {statistics.median(values):.2f} s (min {min(values):.2f}, max {max(values):.2f}, {len(values)} edits)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
