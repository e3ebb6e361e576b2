"""The build as an editor meets it. A mistake anywhere (data, a page's Jinja, a macros module, a
component template, a theme template) stops `mkdocs build` with one clear message and no
traceback; under `mkdocs serve` the same mistake is a banner on every page, the server keeps
running, and the page comes back when the file is mended. (Bad data, case by case:
tests/kit/test_validation.py; hostile strings: tests/kit/test_hostile_data.py.)

The build's table runs over every site, each mistake made in a copy of the site's project. The
`mkdocs serve` tests run over this edition's data only (in a fork, the fork's): each case is an
edit served live, the slowest kind of test, and the fork test (tests/edition/test_fork.py) runs
them over the fictional document's data."""

from __future__ import annotations

import json
import os
import re
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

from tests.conftest import ROOT, assert_clean_build, free_port, mkdocs_build
from tests.serving import Served, Snapshot, wait_for_tab, wait_for_tabs
from tests.sites import EDITION, SITES, Site


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


ITSELF = "(does a template extend, include or import itself, directly or through another?)"

def _invalid_data(site: Site):
    """The kit table's "invalid choice" case (a paragraph's style), as the build reports it."""
    from tests.kit.test_validation import kit_cases

    _, mutate, expected = next(c for c in kit_cases(site) if c[0] == "invalid choice")
    return lambda p: mutate(p / "data"), lambda p: [f"ERROR   -  Invalid data: {expected(p / 'data')}"]


# (case, how the project is broken, the exact error lines of `mkdocs build --strict`). Mistakes in
# the kit's own files, and in the pages every site has (docs/index.md).
KIT_BREAKS: list[tuple[str, Callable[[Path], None], Callable[[Path], list[str]]]] = [
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
     lambda p: _append(p / "docs" / "index.md", "\n{{ no_such_macro() }}\n"),
     lambda p: ["ERROR   -  Error reading page 'index.md':",
                f"ERROR   -  docs/index.md, line {_lines(p / 'docs' / 'index.md')}: 'no_such_macro' is not a macro or variable of this "
                "site; its macros are the functions of macros/integration/page_macros.py"]),
    ("a misspelt macro",
     lambda p: _append(p / "docs" / "index.md", "\n{{ home_cardz() }}\n"),
     lambda p: ["ERROR   -  Error reading page 'index.md':",
                f"ERROR   -  docs/index.md, line {_lines(p / 'docs' / 'index.md')}: 'home_cardz' is not a macro or variable of this "
                "site; did you mean 'home_cards'?"]),
    ("a syntax error in a page",
     lambda p: _append(p / "docs" / "index.md", "\n{{ paragraph_count( }}\n"),
     lambda p: ["ERROR   -  Error reading page 'index.md':",
                f"ERROR   -  docs/index.md, line {_lines(p / 'docs' / 'index.md')}: template syntax error: unexpected '}}', expected ')'"]),
    ("a page's words that no template draws",
     lambda p: _edit(p / "docs" / "index.md", '{{ page_words("home-intro") }}', '{{ page_words("home-intro-x") }}'),
     lambda p: ["ERROR   -  Error reading page 'index.md':",
                "ERROR   -  docs/index.md: page_words('home-intro-x'): ValueError: 'home-intro-x' names no page's words: there is no "
                "template page-home-intro-x.html (macros/templating/templates/, overrides/components/)"]),
    ("a page's words named as no template could be",
     lambda p: _edit(p / "docs" / "index.md", '{{ page_words("home-intro") }}', '{{ page_words("../home") }}'),
     lambda p: ["ERROR   -  Error reading page 'index.md':",
                "ERROR   -  docs/index.md: page_words('../home'): ValueError: '../home' is not the name of a page's words: use "
                "lower-case words joined by hyphens, e.g. 'text-intro'"]),
    ("a theme template that extends itself",
     lambda p: _edit(p / "overrides" / "main.html", '{% extends "base.html" %}', '{% extends "main.html" %}'),
     lambda p: [f"ERROR   -  overrides/main.html, line {_line_of(p / 'overrides' / 'main.html', 'extends')}: RecursionError: "
                f"maximum recursion depth exceeded in comparison {ITSELF}"]),
    ("a component template that includes itself",
     lambda p: _edit(p / "macros" / "templating" / "templates" / "paragraph.html", "{{ p.number }}</a>",
                     '{{ p.number }}</a>{% include "paragraph.html" %}'),
     lambda p: ["ERROR   -  the component templates lead back to themselves: paragraph.html → paragraph.html; a template cannot "
                "include, import or extend itself, directly or through another (macros/templating/templates/, overrides/components/)"]),
    ("two component templates that include each other",
     lambda p: (_edit(p / "macros" / "templating" / "templates" / "paragraph.html", "{{ p.number }}</a>",
                      '{{ p.number }}</a>{% include "mark-legend.html" %}'),
                _append(p / "macros" / "templating" / "templates" / "mark-legend.html", '{% include "paragraph.html" %}')),
     lambda p: ["ERROR   -  the component templates lead back to themselves: paragraph.html → mark-legend.html → paragraph.html; a "
                "template cannot include, import or extend itself, directly or through another (macros/templating/templates/, "
                "overrides/components/)"]),
    ("a component copied to overrides/ that extends itself",
     lambda p: ((p / "overrides" / "components").mkdir(), (p / "overrides" / "components" / "glossary-entry.html").write_text(
         '{% extends "glossary-entry.html" %}', encoding="utf-8")),
     lambda p: ["ERROR   -  the component templates lead back to themselves: glossary-entry.html → glossary-entry.html; a template "
                "cannot include, import or extend itself, directly or through another (macros/templating/templates/, "
                "overrides/components/)"]),
    ("a theme template that names what is not there",
     lambda p: _edit(p / "overrides" / "main.html", "{% block scripts %}", "{% block scripts %}{{ page.meta.x.y }}"),
     lambda p: [f"ERROR   -  overrides/main.html, line {_line_of(p / 'overrides' / 'main.html', 'page.meta.x.y')}: UndefinedError: "
                "'None' has no attribute 'meta'"]),
    ("a run-time error in a macros module",
     lambda p: _edit(p / "macros" / "integration" / "pages.py", "    for src, content in generated_pages(edition).items():",
                     "    undefined_name\n    for src, content in generated_pages(edition).items():"),
     lambda p: [f"ERROR   -  macros/integration/pages.py, line {_line_of(p / 'macros' / 'integration' / 'pages.py', 'undefined_name')}: "
                "NameError: name 'undefined_name' is not defined"]),
    ("a named pipe in docs/", lambda p: os.mkfifo(p / "docs" / "notes.md"),
     lambda p: ["ERROR   -  docs/notes.md: not a regular file (a named pipe, a device or a socket); replace it with a file, or remove it"]),
    ("a link in docs/ that loops", lambda p: os.symlink("loop.md", p / "docs" / "loop.md"),
     lambda p: ["ERROR   -  docs/loop.md: cannot be read (Too many levels of symbolic links); replace it with a file, or remove it"]),
    ("a named pipe in overrides/", lambda p: os.mkfifo(p / "overrides" / "notes.html"),
     lambda p: ["ERROR   -  overrides/notes.html: cannot be read (not a regular file (a named pipe, a device or a socket)); replace it "
                "with a file, or remove it"]),
    ("a link to a page that is not there",
     lambda p: _append(p / "docs" / "index.md", "\nSee [the text page](txet.md).\n"),
     lambda p: ["WARNING -  Doc file 'index.md' contains a link 'txet.md', but the target is not found among documentation files."]),
    ("mkdocs.yml that does not parse", lambda p: _edit(p / "mkdocs.yml", "strict: true", "strict: [true"),
     lambda p: ["Error: MkDocs encountered an error parsing the configuration file: while parsing a flow sequence"]),
]


def site_breaks(site: Site) -> list:
    """The table for `site`: bad data found in its own text, the kit's mistakes, and a page of
    docs/ where its data makes one (its first packet's, if it has packets)."""
    cases = [("bad data", *_invalid_data(site)), *KIT_BREAKS]
    packets = site.items("packets.yml", "packets")
    if packets:
        first = packets[0]["id"]
        cases.append(("a generated page over a page of docs/",
                      lambda p: (p / "docs" / "packets" / f"{first}.md").write_text("# Mine\n", encoding="utf-8"),
                      lambda p: [f"ERROR   -  docs/packets/{first}.md exists, and the data also makes a page there (packet '{first}'); "
                                 "rename the entry's id or the file in docs/"]))
    return cases


def _break_params() -> list:
    return [pytest.param(site.name, breaking, expected, id=f"{site.name}-{name}")
            for site in SITES.values() for name, breaking, expected in site_breaks(site)]


@pytest.mark.parametrize("site_name, breaking, expected", _break_params())
def test_a_mistake_stops_the_build_with_one_clear_message(tmp_path, site_data, breaking, expected):
    project = site_data.assemble(tmp_path / "project")
    breaking(project)
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert [line for line in result.stderr.splitlines() if line.startswith(("ERROR", "WARNING", "Error:"))] == expected(project)
    assert "Traceback" not in result.stderr


def test_a_place_at_the_ends_of_the_earth_is_drawn_as_a_pointer(tmp_path, site_data):
    """Valid but extreme coordinates (the map once widened its frame past -180 and crashed)."""
    located = site_data.located_kinds()
    if not located or not site_data.calls("map.md", "route_map"):
        assert not any(e.get("coordinates") for e in site_data.entries().values()) or "map.md" not in site_data.pages
        return
    project = site_data.assemble(tmp_path / "project")
    places = project / "data" / f"{located[0]}.yml"
    data = yaml.safe_load(places.read_text(encoding="utf-8"))
    data["entries"].append({"id": "far-south", "name": "Far South", "summary": "A test point", "identification": "A test point.",
                            "certainty": "certain", "context_only": True, "coordinates": {"lat": -89.9, "lon": -179.9},
                            "sources": [site_data.items("sources.yml", "sources")[0]["id"]]})
    places.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (project / "data" / "published-ids.yml").unlink(missing_ok=True)  # a test place, not to be published
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


SERVED = SITES[EDITION]  # the site the serve tests edit: this edition's data (in a fork, the fork's)


def _first_words(site: Site) -> str:
    """What shows that the text page is there: its first paragraph's anchor."""
    return f'id="{next(iter(site.paragraphs()))}"'


@pytest.fixture
def served(tmp_path):
    project = SERVED.assemble(tmp_path / "project")
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    url = f"http://127.0.0.1:{port}/text/"
    try:
        _wait_for(url, lambda html: _first_words(SERVED) in html, "the first build")
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


def test_serve_shows_every_edit_without_a_restart(served):
    project, url, process = served
    text_file = project / "data" / "text.yml"
    good = text_file.read_text(encoding="utf-8")
    # An edit to our own words (the first layer's introduction): the document's words would be refused.
    about = " ".join(SERVED.data("text.yml")["layers"][0]["about"].split())
    assert about and about in " ".join(good.split())
    edited = yaml.safe_load(good)
    edited["layers"][0]["about"] = "EDITED-IN-TEST introduction"
    text_file.write_text(yaml.safe_dump(edited, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _wait_for(url, lambda html: "EDITED-IN-TEST" in html, "a data edit to show")
    # The search index follows the edit; the pages the edit did not change keep their entries
    # (macros/hooks/rebuild_less.py reuses them rather than parsing them again).
    index = json.loads(_get(url.replace("text/", "search/search_index.json")))
    assert any("EDITED-IN-TEST" in doc["text"] for doc in index["docs"] if doc["location"].startswith("text/"))
    built = json.loads((served_build(project) / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] == built["docs"], "every entry as a clean build makes it"
    text_file.write_text(good, encoding="utf-8")
    _wait_for(url, lambda html: "EDITED-IN-TEST" not in html and _first_words(SERVED) in html, "the edit undone")

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


# --- the serve table: every mistake in open browser tabs ------------------------------------------

SITE_TITLE = SERVED.data("site.yml")["title"]
_PREFIXES = ("ERROR   -  ", "WARNING -  ")


def _data_case(name: str, site: Site = SERVED):
    """A case of the kit's broken-input table (tests/kit/test_validation.py) on `site`, under
    serve: its mistake in data/, its message."""
    from tests.kit.test_validation import kit_cases

    _, mutate, expected = next(c for c in kit_cases(site) if c[0] == name)
    return name, (lambda p: mutate(p / "data")), (lambda p: "Invalid data: " + expected(p / "data"))


def _last_line(expected):
    return lambda p: next(expected(p)[-1].removeprefix(x) for x in _PREFIXES if expected(p)[-1].startswith(x))


def _config_message(p: Path) -> str:
    config = p / "mkdocs.yml"
    return ('mkdocs.yml: MkDocs encountered an error parsing the configuration file: while parsing a flow sequence in '
            f'"{config}", line {_line_of(config, "strict: [true")}, column 9 expected \',\' or \']\', but got \':\' in "{config}", '
            f"line {_line_of(config, 'strict: [true') + 1}, column 19")


# The four mistakes an editor makes most: an unclosed quote, a misspelt field, a glossary form not
# in the text, an unquoted clock time (also timed by `python -m tests.serve_timing`).
FOUR_MISTAKES = ["unclosed quote at the end", "a misspelt field name", "form not in the text", "an unquoted clock time"]

# (case, how the project is broken, the one message the banner shows): every case of the build
# table, the four commonest mistakes, and files that block or loop.
SERVE_CASES = [
    *[(name, breaking, _config_message if name == "mkdocs.yml that does not parse" else _last_line(expected))
      for name, breaking, expected in site_breaks(SERVED)],
    *[_data_case(name) for name in FOUR_MISTAKES],
    _data_case("a data file that is a named pipe"),
    _data_case("the transcription a named pipe"),
    _data_case("a data file that links to itself"),
]


def _heading(site: Site, page: str) -> str:
    """A page's title as its heading shows it: the first '# ' line of docs/<page>, without its
    attribute list ('{ #text }')."""
    source = site.page_source(page) or ""
    found = re.search(r"^# (.+?)(?:\s*\{[^}]*\})?\s*$", source, re.M)
    assert found, f"docs/{page} has no heading"
    return found.group(1).strip()


def _tabs(site: Site) -> dict[str, tuple[str, int]]:
    """A tab on a page of docs/ (the text) and one on a page made from data (the first glossary
    kind's), with what each shows when all is well: its heading, and how many paragraphs or entries."""
    tabs = {"text/": (_heading(site, "text.md"), len(site.paragraphs()))}
    kinds = site.kinds()
    assert kinds, "the site has a glossary kind: a page made from data"
    tabs[f"glossary/{kinds[0]['id']}/"] = (kinds[0]["title"], len(site.items(f"{kinds[0]['id']}.yml", "entries")))
    return tabs


TABS = _tabs(SERVED)
# The instructor edition lists a page the student edition never does: before any good build, as
# docs/ has it; after one, where the data gives it something to show (a source with `checked`).
INSTRUCTORS_PAGE_IN_DOCS = "sources-checked.md" in SERVED.pages
INSTRUCTORS_PAGE = INSTRUCTORS_PAGE_IN_DOCS and any(s.get("checked") for s in SERVED.items("sources.yml", "sources"))


@pytest.fixture(scope="module")
def editor(tmp_path_factory, browser):
    """`mkdocs serve` of a copy of the project, with a browser tab open on each page of TABS."""
    project = SERVED.assemble(tmp_path_factory.mktemp("served") / "project")
    server = Served(project)
    context = None
    try:
        server.wait_until_up("text/")
        context = browser.new_context()
        tabs = {}
        for path in TABS:
            tabs[path] = context.new_page()
            tabs[path].goto(server.url(path), wait_until="load")
        yield project, server, tabs
    finally:
        if context:
            context.close()
        stderr = server.stop()
        assert "Traceback" not in stderr, stderr
        assert "[macros] -" not in stderr, "the macros plugin's INFO lines are left out while serving"


def _shows_page(path: str, state: dict) -> bool:
    heading, count = TABS[path]
    return not state["banner"] and state["heading"] == heading and state["content"] >= count


def check_mistake_in_open_tabs(editor, breaking, message) -> None:
    """Open tabs, never reloaded by hand: the mistake's one message at the top of the page each
    is on (or of a stand-in at its address), under the site's own name, in the edition served;
    the fix brings the page back."""
    project, server, tabs = editor
    for path, page in tabs.items():
        wait_for_tab(page, lambda state: _shows_page(path, state), f"{path} before the mistake")
    snapshot = Snapshot(project)
    try:
        breaking(project)
        expected = message(project)
        shown = wait_for_tabs(tabs, lambda path, state: state["banner"] == [expected] and state["path"] == "/" + path,
                              "the banner", seconds=30)
        for path, (state, _) in shown.items():
            assert state["site"] == SITE_TITLE, (path, state)
            assert not state["instructorsPage"], "the student edition never lists the instructors' page"
            # A stand-in's title is the page's own (the heading of a page made from data may carry
            # more than its title while macros/hooks/kit.py records it).
            assert state["heading"].startswith(TABS[path][0]), (path, state)
        assert server.process.poll() is None
    finally:
        snapshot.restore()
    wait_for_tabs(tabs, lambda path, state: _shows_page(path, state), "the page's return", seconds=30)


@pytest.mark.parametrize("breaking, message", [c[1:] for c in SERVE_CASES], ids=[c[0] for c in SERVE_CASES])
def test_every_mistake_shows_in_the_open_tabs_and_the_page_comes_back(editor, breaking, message):
    check_mistake_in_open_tabs(editor, breaking, message)


def _page_made_from_data(site: Site) -> tuple[str, str, bool]:
    """(address, title, has a plan) of the first lesson, or else of the first glossary kind's page."""
    lessons = site.items("lessons.yml", "lessons")
    if lessons:
        return f"lessons/{lessons[0]['id']}/", lessons[0]["title"], True
    kind = site.kinds()[0]
    return f"glossary/{kind['id']}/", kind["title"], False


def test_the_instructor_edition_served_from_bad_data_comes_back_with_its_plan(tmp_path, browser):
    """A server started on bad data has no page made from data yet: the tab on a lesson (or, in a
    site without lessons, another page made from data) gets the 404 page, with the banner and the
    live-reload script, under the site's name (data/site.yml alone can be read) and the instructor
    edition's navigation. The fix brings the page, a lesson's plan included; then each of the four
    commonest mistakes, and its fix, in the same tab."""
    lesson, title, plan = _page_made_from_data(SERVED)
    project = SERVED.assemble(tmp_path / "project")
    snapshot = Snapshot(project)
    first, *others = [_data_case(name) for name in FOUR_MISTAKES]
    first[1](project)
    server = Served(project, edition="instructor")
    context = None
    try:
        server.wait_until_up()
        context = browser.new_context()
        tab = context.new_page()
        response = tab.goto(server.url(lesson), wait_until="load")
        assert response.status == 404
        state, _ = wait_for_tab(tab, lambda s: s["banner"] == [first[2](project)], "the banner on the 404 page")
        assert state["site"] == SITE_TITLE and state["instructorsPage"] == INSTRUCTORS_PAGE_IN_DOCS, state
        snapshot.restore()
        wait_for_tab(tab, lambda s: not s["banner"] and s["heading"].startswith(title) and s["plan"] == plan, "the page, once mended")
        for name, breaking, message in [first, *others]:
            breaking(project)
            expected = message(project)
            state, _ = wait_for_tab(tab, lambda s: s["banner"] == [expected], f"the banner for {name}")
            assert state["site"] == SITE_TITLE and state["instructorsPage"] == INSTRUCTORS_PAGE, state
            assert state["heading"].startswith(title), state
            assert state["path"] == "/" + lesson
            snapshot.restore()
            wait_for_tab(tab, lambda s: not s["banner"] and s["heading"].startswith(title) and s["plan"] == plan, f"the page after {name}")
    finally:
        if context:
            context.close()
        stderr = server.stop()
    assert "Traceback" not in stderr, stderr


def test_a_student_edition_served_from_bad_data_lists_no_page_for_instructors(tmp_path):
    """Before any good build there is no last shape to keep: the navigation is docs/'s own, in the
    edition served, and the header names the site from data/site.yml."""
    project = SERVED.assemble(tmp_path / "project")
    _data_case("form not in the text")[1](project)
    server = Served(project)
    try:
        server.wait_until_up()
        html = _get(server.url("text/"))
    finally:
        server.stop()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".cbl-data-error") is not None
    assert not soup.select('.md-nav a[href$="sources-checked/"]')
    assert soup.select_one(".md-header__topic .md-ellipsis").get_text(strip=True) == SITE_TITLE


def _free_port_check(port: int | str) -> subprocess.CompletedProcess:
    # As typed in a shell: when the tests themselves run under `make test` (as in CI), make's
    # variables in the environment would make it a sub-make that words its lines differently.
    env = {key: value for key, value in os.environ.items() if key not in {"MAKELEVEL", "MAKEFLAGS", "MFLAGS"}}
    return subprocess.run(["make", "-s", "free-port", f"PORT={port}", f"BIN={Path(sys.executable).parent}", "STAMP="],
                          cwd=ROOT, capture_output=True, text=True, timeout=60, env=env)


def _ours(stderr: str) -> list[str]:
    """What the check printed (make adds a line of its own when a command fails)."""
    return [line for line in stderr.splitlines() if not re.match(r"make(\[\d+\])?: \*\*\*", line)]


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
