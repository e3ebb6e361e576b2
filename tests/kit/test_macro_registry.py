"""The macros pages call are one registry (macros/integration/macro_registry.py): what a build
binds, what the placeholders bind while serving bad data, and what the pages call are the same
names. A page that calls a name the registry lacks stops the build with one clear message."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest

from macros.integration import macros
from macros.integration.macro_registry import MACROS
from macros.integration.pages import generated_pages
from macros.integration.state import Build
from macros.views.load import load_edition
from tests.conftest import FIXTURE, FIXTURE_PUBLIC_URL, ROOT, assemble, mkdocs_build

# Every fixture site is a data/ folder built with the repository's docs/ (a fork writes no page).
FIXTURE_SITES = sorted(p.parent for p in (ROOT / "tests" / "fixtures").glob("*/data"))


class _Env:
    """What `register` uses of mkdocs-macros-plugin's env: the macros it is given, by name."""

    def __init__(self, docs_dir: Path) -> None:
        self.conf = {"site_url": "", "use_directory_urls": True, "extra": {}, "docs_dir": str(docs_dir)}
        self.variables: dict = {}
        self.bound: list[str] = []

    def macro(self, function, name: str) -> None:
        self.bound.append(name)


def test_the_registry_holds_the_macros():
    assert len(MACROS) >= 30
    assert {"document_text", "cite", "route_map", "lesson_page"} <= set(MACROS)
    # A title is drawn inside a Markdown heading or sentence: it must be left to Markdown.
    titles = [m.name for m in MACROS.values() if m.title]
    assert titles and all(MACROS[name].markdown for name in titles)


def test_a_build_binds_every_macro_of_the_registry_and_the_placeholders_the_same_names():
    build = Build(ROOT, load_edition(ROOT / "data"), None, serving=False)
    env = _Env(ROOT / "docs")
    macros.register(env, build, instructor=False)
    assert env.bound == list(MACROS)
    placeholders = _Env(ROOT / "docs")
    macros.register_placeholders(placeholders, {"map": True}, instructor=False)
    assert placeholders.bound == list(MACROS)
    assert placeholders.variables.keys() == env.variables.keys() == {"parts", "instructor", "pages"}


# A call in a page's Jinja: a name and "(" inside {{ }} or {% %}, not a filter ("|format("), a
# method (".t("), a test ("is divisibleby("), a keyword ("if (") or a macro the page defines.
_JINJA = re.compile(r"\{\{(.*?)\}\}|\{%(.*?)%\}", re.DOTALL)
_CALL = re.compile(r"(\|\s*|\.\s*|\bis\s+(?:not\s+)?)?\b([A-Za-z_]\w*)\s*\(")
_NOT_CALLS = {"if", "elif", "in", "not", "and", "or", "is", "for", "set", "with"} | set(jinja2.Environment().globals)
_DEFINED = re.compile(r"\{%-?\s*macro\s+(\w+)\s*\(")


def macro_calls(markdown: str) -> list[str]:
    """The names a page's Jinja calls as functions, in order."""
    defined = set(_DEFINED.findall(markdown))
    calls = []
    for block in _JINJA.finditer(markdown):
        for prefix, name in _CALL.findall(block.group(1) or block.group(2)):
            if not prefix and name not in _NOT_CALLS and name not in defined and name != "macro":
                calls.append(name)
    return calls


def _pages(site: Path) -> dict[str, str]:
    """A site's pages: the repository's docs/**/*.md, and the pages its data makes."""
    pages = {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").rglob("*.md"))}
    pages.update({f"{site.name}: docs/{src} (made from data/)": text for src, text in generated_pages(load_edition(site / "data")).items()})
    return pages


def test_the_scan_finds_calls_and_knows_what_is_not_one():
    assert macro_calls('{{ cite("kraus-2017") }} {% if parts.map %}{{ route_map() }}{% endif %}') == ["cite", "route_map"]
    assert macro_calls('{{ "%.1f"|format(x) }} {{ lang.t("search") }} {% if x is divisibleby(3) %}{{ range(3) }}') == []
    assert macro_calls("{% macro box(x) %}{{ x }}{% endmacro %}{{ box(1) }}{{ not_a_macro( 1 ) }}") == ["not_a_macro"]


@pytest.mark.parametrize("site", [ROOT, *FIXTURE_SITES], ids=lambda p: p.name)
def test_every_macro_a_page_calls_is_registered(site):
    assert FIXTURE in FIXTURE_SITES
    pages = _pages(site)
    calls = {(src, name) for src, text in pages.items() for name in macro_calls(text)}
    assert len({name for _, name in calls}) >= 8, f"the scan found too few calls in {site}: {sorted(calls)}"
    assert any("made from data" in src for src, _ in calls), "the scan found no call in the pages the data makes"
    unknown = sorted(f"{src}: {name}()" for src, name in calls if name not in MACROS)
    assert not unknown, unknown


def test_a_page_calling_a_macro_the_registry_lacks_stops_the_build(tmp_path):
    """The negative control: the scan above would find this call, and the build refuses it."""
    project = assemble(tmp_path / "project")
    page = project / "docs" / "map.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ place_tables() }}\n", encoding="utf-8")
    assert "place_tables" in macro_calls(page.read_text(encoding="utf-8")) and "place_tables" not in MACROS
    result = mkdocs_build(project, tmp_path / "site", FIXTURE_PUBLIC_URL)
    assert result.returncode != 0
    lines = len(page.read_text(encoding="utf-8").splitlines())
    assert [line for line in result.stderr.splitlines() if line.startswith(("ERROR", "WARNING"))] == [
        "ERROR   -  Error reading page 'map.md':",
        f"ERROR   -  docs/map.md, line {lines}: 'place_tables' is not a macro or variable of this site; did you mean 'place_table'?",
    ]
    assert "Traceback" not in result.stderr
