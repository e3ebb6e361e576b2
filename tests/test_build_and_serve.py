"""The build as an editor meets it. A mistake anywhere (data, a page's Jinja, a macros module, a
component template, a theme template) stops `mkdocs build` with one clear message and no
traceback; under `mkdocs serve` the same mistake is a banner on every page, the server keeps
running, and the page comes back when the file is mended. (Bad data, case by case:
tests/test_data.py; hostile strings: tests/test_hostile_data.py.)"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Callable

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.conftest import ROOT, assert_clean_build, copy_project, free_port, mkdocs_build


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}: the case no longer fits the project"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


# (case, how the project is broken, the exact error lines of `mkdocs build --strict`)
BREAKS: list[tuple[str, Callable[[Path], None], Callable[[Path], list[str]]]] = [
    ("bad data",
     lambda p: _edit(p / "data" / "text.yml", "    sections:\n      - id: cover-all\n        paragraphs:\n          - id: cover-line\n",
                     "    sections:\n      - id: cover-all\n        paragraphs:\n          - id: cover-line\n            style: bold\n"),
     lambda p: [f"ERROR   -  Invalid data: data/text.yml, line {_line_of(p / 'data' / 'text.yml', 'style: bold')}: entry layers[2] (id 'cover') > sections[1] (id 'cover-all') > "
                "paragraphs[1] (id 'cover-line'), field 'style': Input should be 'prose', 'item' or 'signature' (got 'bold')"]),
    ("a syntax error in a macros module",
     lambda p: _edit(p / "macros" / "render" / "text.py", "def render_text(renderer: Renderer, here: str) -> str:",
                     "def render_text(renderer: Renderer, here: str) -> str"),
     lambda p: [f"ERROR   -  macros/render/text.py, line {_line_of(p / 'macros' / 'render' / 'text.py', 'def render_text')}: "
                "SyntaxError: expected ':'"]),
    ("a syntax error in a theme template",
     lambda p: _edit(p / "overrides" / "main.html", "{% block scripts %}", "{% block scripts %"),
     lambda p: [f"ERROR   -  overrides/main.html, line {_line_of(p / 'overrides' / 'main.html', '{% block scripts %')}: template syntax error: expected token 'end of statement block', got '%'"]),
    ("a syntax error in a component template",
     lambda p: _edit(p / "macros" / "templating" / "templates" / "paragraph.html", "{{ p.number }}</a>", "{{ p.number }</a>"),
     lambda p: ["ERROR   -  Error reading page 'text.md':",
                "ERROR   -  docs/text.md: document_text(): template macros/templating/templates/paragraph.html, line "
                f"{_line_of(p / 'macros' / 'templating' / 'templates' / 'paragraph.html', '{{ p.number }</a>')}: unexpected '}}'"]),
    ("a macro that does not exist",
     lambda p: _append(p / "docs" / "map.md", "\n{{ no_such_macro() }}\n"),
     lambda p: ["ERROR   -  Error reading page 'map.md':",
                f"ERROR   -  docs/map.md, line {_lines(p / 'docs' / 'map.md')}: UndefinedError: 'no_such_macro' is undefined"]),
    ("a syntax error in a page",
     lambda p: _append(p / "docs" / "map.md", "\n{{ route_map( }}\n"),
     lambda p: ["ERROR   -  Error reading page 'map.md':",
                f"ERROR   -  docs/map.md, line {_lines(p / 'docs' / 'map.md')}: template syntax error: unexpected '}}', expected ')'"]),
    ("a macro given an id that does not exist",
     lambda p: _edit(p / "docs" / "chronology.md", '{{ question_box("sourcing-week-in-peking") }}', '{{ question_box("no-such-question") }}'),
     lambda p: ["ERROR   -  Error reading page 'chronology.md':",
                "ERROR   -  docs/chronology.md: question_box('no-such-question'): ValueError: 'no-such-question' is not a question id in data/questions.yml"]),
    ("a generated page over a page of docs/",
     lambda p: (p / "docs" / "packets" / "three-versions.md").write_text("# Mine\n", encoding="utf-8"),
     lambda p: ["ERROR   -  docs/packets/three-versions.md exists, and the data also makes a page there (packet 'three-versions'); "
                "rename the entry's id or the file in docs/"]),
]


@pytest.mark.parametrize("breaking, expected", [b[1:] for b in BREAKS], ids=[b[0] for b in BREAKS])
def test_a_mistake_stops_the_build_with_one_clear_message(tmp_path, breaking, expected):
    project = copy_project(tmp_path / "project")
    breaking(project)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert [line for line in result.stderr.splitlines() if line.startswith("ERROR")] == expected(project)
    assert "Traceback" not in result.stderr


def test_a_place_at_the_ends_of_the_earth_is_drawn_as_a_pointer(tmp_path):
    """Valid but extreme coordinates (the map once widened its frame past -180 and crashed)."""
    project = copy_project(tmp_path / "project")
    places = project / "data" / "places.yml"
    data = yaml.safe_load(places.read_text(encoding="utf-8"))
    data["entries"].append({"id": "far-south", "name": "Far South", "summary": "A test point", "identification": "A test point.",
                            "certainty": "certain", "context_only": True, "coordinates": {"lat": -89.9, "lon": -179.9},
                            "sources": ["wilson-record"]})
    places.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (project / "data" / "published-ids.yml").unlink()  # a test place, not to be published
    assert_clean_build(mkdocs_build(project, tmp_path / "site"))
    svg = BeautifulSoup((tmp_path / "site" / "map" / "index.html").read_text(encoding="utf-8"), "html.parser").find("svg", class_="cbl-map__svg")
    pointer = svg.find(id="place-far-south")
    assert "cbl-map__place--far" in pointer["class"] and "off the map" in pointer["aria-label"]


# --- mkdocs serve -------------------------------------------------------------------------


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(url: str, condition, what: str, seconds: float = 40) -> str:
    deadline = time.monotonic() + seconds
    html = ""
    while time.monotonic() < deadline:
        try:
            html = _get(url)
            if condition(html):
                return html
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}; last page:\n{html[:2000]}")


@pytest.fixture
def served(tmp_path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    url = f"http://127.0.0.1:{port}/text/"
    try:
        _wait_for(url, lambda html: "Nº 59442" in html, "the first build")
        yield project, url, process
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=20)
        assert "Traceback" not in stderr, stderr


def served_build(project: Path) -> Path:
    """The same project built with `mkdocs build`: what the served index must equal."""
    site = project.parent / "built"
    assert_clean_build(mkdocs_build(project, site))
    return site


def _banner(html: str) -> str:
    found = BeautifulSoup(html, "html.parser").select_one(".cbl-data-error")
    return found.get_text(" ", strip=True) if found else ""


def test_serve_shows_edits_and_survives_every_mistake(served):
    project, url, process = served
    text_file = project / "data" / "text.yml"
    good = text_file.read_text(encoding="utf-8")
    # An edit to our own words (a layer's introduction): the cable's words would be refused.
    text_file.write_text(good.replace("Moscow’s header on the deciphered cable", "EDITED-IN-TEST header", 1), encoding="utf-8")
    _wait_for(url, lambda html: "EDITED-IN-TEST" in html, "a data edit to show")
    # The search index follows the edit; the pages the edit did not change keep their entries
    # (macros/hooks/rebuild_less.py reuses them rather than parsing them again).
    index = json.loads(_get(url.replace("text/", "search/search_index.json")))
    assert any("EDITED-IN-TEST" in doc["text"] for doc in index["docs"] if doc["location"].startswith("text/"))
    built = json.loads((served_build(project) / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] == built["docs"], "every entry as a clean build makes it"
    text_file.write_text(good, encoding="utf-8")

    for case, breaking, expected in BREAKS[:-1]:  # the last is about a build's files, not an edit
        saved = {p: p.read_bytes() for p in project.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
        breaking(project)
        message = expected(project)[-1].removeprefix("ERROR   -  ").removeprefix("Invalid data: ")
        html = _wait_for(url, lambda html: message in _banner(html), f"the banner for {case}")
        assert process.poll() is None, f"the server stopped on {case}"
        assert "Nº 59442" in html or case != "bad data", "the page still shows what it can"
        for path, content in saved.items():
            if path.read_bytes() != content:
                path.write_bytes(content)
        for path in project.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts and path not in saved:
                path.unlink()
        _wait_for(url, lambda html: not _banner(html) and "Nº 59442" in html, f"recovery from {case}")

    template = project / "macros" / "templating" / "templates" / "paragraph.html"
    _edit(template, 'class="cbl-para cbl-para--', 'data-reloaded class="cbl-para cbl-para--')
    _wait_for(url, lambda html: "data-reloaded" in html, "a template edit to show without a restart")
    _edit(project / "macros" / "render" / "text.py", 'return renderer.render("text.html", here)',
          'return "PYTHON-RELOADED " + renderer.render("text.html", here)')
    _wait_for(url, lambda html: "PYTHON-RELOADED" in html, "a macros/*.py edit to show without a restart")
    # Static files and overrides follow edits too (macros/hooks/rebuild_less.py copies only what
    # changed and finds the theme's files once per server).
    stylesheet = url.replace("text/", "assets/kit.css")
    (project / "docs" / "assets" / "kit.css").write_text(
        (project / "docs" / "assets" / "kit.css").read_text(encoding="utf-8") + "\n.cbl-edited-in-test { color: red; }\n",
        encoding="utf-8")
    _wait_for(stylesheet, lambda css: ".cbl-edited-in-test" in css, "a stylesheet edit to be served")
    (project / "overrides" / "assets").mkdir()
    (project / "overrides" / "assets" / "added-in-test.txt").write_text("ADDED-IN-TEST", encoding="utf-8")
    _wait_for(url.replace("text/", "assets/added-in-test.txt"), lambda body: "ADDED-IN-TEST" in body,
              "a file added to overrides/ to be served")
    assert process.poll() is None


def _free_port_check(port: int | str) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "-s", "free-port", f"PORT={port}", f"BIN={Path(sys.executable).parent}", "STAMP="],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)


def _ours(stderr: str) -> list[str]:
    """What the check printed (make adds a line of its own when a command fails)."""
    return [line for line in stderr.splitlines() if not line.startswith("make: ***")]


def _listening_pair() -> tuple[socket.socket, socket.socket]:
    """Two servers listening on two consecutive ports."""
    while True:
        first = socket.socket()
        first.bind(("127.0.0.1", 0))
        first.listen()
        second = socket.socket()
        try:
            second.bind(("127.0.0.1", first.getsockname()[1] + 1))
        except OSError:
            first.close()
            second.close()
            continue
        second.listen()
        return first, second


def test_make_serve_on_a_busy_port_names_one_that_is_free():
    """`make serve PORT=...` checks the port first: one line naming it and a port that is free
    now (the next one is taken too here), no traceback."""
    first, second = _listening_pair()
    with first, second:
        busy = first.getsockname()[1]
        result = _free_port_check(busy)
        suggested = next(p for p in range(busy + 2, busy + 100) if _bindable(p))
    assert result.returncode != 0
    assert _ours(result.stderr) == [
        f"Port {busy} is already in use (another server?): stop it, or pick another port, e.g. make serve PORT={suggested}"]
    assert "Traceback" not in result.stderr + result.stdout


def test_make_serve_on_a_port_that_is_no_port_says_so_in_one_line():
    result = _free_port_check("8O00")
    assert result.returncode != 0
    assert _ours(result.stderr) == ["PORT=8O00 is not a port number: use a number from 1 to 65535, e.g. make serve PORT=8001"]


def _bindable(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def test_make_serve_right_after_a_server_stopped_is_not_refused():
    """A server that stopped leaves its port in TIME-WAIT for a minute; MkDocs can listen on it
    again at once (SO_REUSEADDR), so the check must not refuse it."""
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen()
    port = server.getsockname()[1]
    client = socket.create_connection(("127.0.0.1", port))
    connection, _ = server.accept()
    connection.close()  # the server closes first, as a stopped server does: its side waits
    time.sleep(0.1)
    client.close()
    server.close()
    with socket.socket() as plain, pytest.raises(OSError):  # negative control: the port is in TIME-WAIT
        plain.bind(("127.0.0.1", port))
    result = _free_port_check(port)
    assert result.returncode == 0 and not result.stderr, result.stderr


def test_make_serve_on_a_free_port_passes_the_check():
    result = _free_port_check(free_port())
    assert result.returncode == 0 and not result.stderr, result.stderr
