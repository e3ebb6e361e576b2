"""`mkdocs serve` on a copy of the project, and browser tabs left open on it, as an editor works:
a tab is never reloaded by hand; whatever it shows comes from the live-reload script.

Used by tests/kit/test_build_and_serve.py and by `python -m tests.serve_timing`, which times, tab by
tab, a mistake's banner and the page's return.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.conftest import free_port

__all__ = ["Served", "Snapshot", "tab_state", "wait_for_tab", "wait_for_tabs"]

# What a tab shows, read in the page: the banner's messages, the page's heading, the header's
# site name, and whether the navigation lists the instructors' page.
_STATE = """() => ({
  banner: Array.from(document.querySelectorAll('.cbl-data-error pre'), p => p.textContent),
  heading: (document.querySelector('article h1') || {textContent: ''}).textContent.replace('¶', '').trim(),
  site: (document.querySelector('.md-header__topic .md-ellipsis') || {textContent: ''}).textContent.trim(),
  instructorsPage: !!document.querySelector('.md-nav a[href$="sources-checked/"]'),
  title: document.title,
  path: location.pathname,
  plan: !!document.querySelector('.cbl-plan'),
  content: document.querySelectorAll('article .cbl-para, article .cbl-entry').length,
})"""


class Served:
    """`mkdocs serve` of `project` on a free port; `stop()` returns what it printed on stderr."""

    def __init__(self, project: Path, edition: str | None = None) -> None:
        self.project = project
        self.port = free_port()
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        for name in ("KIT_MKDOCS_COMMAND", "SITE_EDITION", "CABLE_EDITION", "SITE_URL"):
            env.pop(name, None)
        if edition:
            env["SITE_EDITION"] = edition
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"],
            cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )

    def url(self, path: str = "") -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def wait_until_up(self, path: str = "", seconds: float = 90) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"mkdocs serve stopped:\n{self.stop()}")
            try:
                with urllib.request.urlopen(self.url(path), timeout=5):
                    return
            except urllib.error.HTTPError:
                return  # it answers (a 404 is an answer)
            except OSError:
                time.sleep(0.2)
        raise AssertionError("mkdocs serve did not answer")

    def stop(self) -> str:
        if self.process.poll() is None:
            self.process.terminate()
        try:
            _, stderr = self.process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, stderr = self.process.communicate()
        return stderr


class Snapshot:
    """Every file of the project as it is now, to put back after a mistake (files the mistake
    added are removed, files it turned into something else are recreated)."""

    def __init__(self, project: Path) -> None:
        self.project = project
        self.files = {p: p.read_bytes() for p in self._files()}

    def _files(self):
        for path in self.project.rglob("*"):
            if "__pycache__" in path.parts or path.is_dir():
                continue
            yield path

    def restore(self) -> None:
        for path in [p for p in self.project.rglob("*") if "__pycache__" not in p.parts]:
            if path.is_symlink() or (path.exists() and not path.is_dir() and not path.is_file()):
                path.unlink()  # a link or a named pipe the mistake made
            elif path.is_file() and path not in self.files:
                path.unlink()
        for path, content in self.files.items():
            if path.is_dir():
                path.rmdir()
            if not path.exists() or path.read_bytes() != content:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content)


def tab_state(page) -> dict | None:
    """What the tab shows now (None while it is between two pages)."""
    try:
        return page.evaluate(_STATE)
    except Exception:  # noqa: BLE001 - the page is reloading: its old document is gone
        return None


def wait_for_tab(page, condition, what: str, seconds: float = 30, poll: float = 0.02) -> tuple[dict, float]:
    """Wait until the tab's state meets `condition`; (the state, the seconds it took)."""
    started = time.monotonic()
    state = None
    while time.monotonic() - started < seconds:
        state = tab_state(page)
        if state is not None and condition(state):
            return state, time.monotonic() - started
        time.sleep(poll)
    raise AssertionError(f"{what}: not within {seconds} s; the tab shows {state}")


def wait_for_tabs(tabs: dict, condition, what: str, seconds: float = 30, poll: float = 0.02) -> dict[str, tuple[dict, float]]:
    """Wait until every tab (name -> page) meets `condition(name, state)`; for each tab, its state
    and the seconds after the call at which it first did."""
    started = time.monotonic()
    done: dict[str, tuple[dict, float]] = {}
    states: dict[str, dict | None] = {}
    while len(done) < len(tabs) and time.monotonic() - started < seconds:
        for name, page in tabs.items():
            if name in done:
                continue
            states[name] = tab_state(page)
            if states[name] is not None and condition(name, states[name]):
                done[name] = (states[name], time.monotonic() - started)
        time.sleep(poll)
    missing = {name: states.get(name) for name in tabs if name not in done}
    if missing:
        raise AssertionError(f"{what}: not within {seconds} s in {sorted(missing)}; they show {missing}")
    return done
