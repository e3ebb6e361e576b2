"""The sites the kit's tests run over: this edition (the repository's `data/` and `docs/`; in a
fork, the fork's own) and every fixture site in `tests/fixtures/` (a folder with `data/` and,
optionally, `docs/`; without one, the repository's pages, as a fork keeps them).

The data is read here as plain YAML, by simple means of the tests' own, not through the `macros`
package under test. A kit test takes its expectations from `Site.data(...)`; where a part's file
is absent, the test asserts that the part is absent from the built site (`assert_part_absent`).
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
EDITION = "edition"
# What a site's project is made of besides its data/ and docs/: the kit itself.
KIT_PARTS = ("macros", "overrides", "mkdocs.yml")


@dataclass(frozen=True)
class Site:
    name: str
    data_dir: Path
    docs_dir: Path  # its pages (docs/assets/ always comes from the repository: the kit's)
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def slug(self) -> str:
        return "cable-59442" if self.name == EDITION else self.name

    @property
    def subpath(self) -> str:
        """The sub-path it is served under, as GitHub Pages serves a project site."""
        return f"/{self.slug}/"

    @property
    def public_url(self) -> str:
        return f"https://example.github.io{self.subpath}"

    # --- the data -------------------------------------------------------------------------

    def has(self, name: str) -> bool:
        return (self.data_dir / name).is_file()

    def data(self, name: str) -> Any:
        """The parsed content of data/<name>, or None when the site has no such file."""
        if name not in self._cache:
            path = self.data_dir / name
            self._cache[name] = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
        return self._cache[name]

    def items(self, name: str, key: str) -> list[dict]:
        """The entries under `key` in data/<name>; [] when the file is absent."""
        content = self.data(name)
        return list(content.get(key) or []) if content else []

    def paragraphs(self) -> dict[str, str]:
        """Every paragraph's text by id, in reading order."""
        text = self.data("text.yml")
        return {p["id"]: p["text"] for layer in text["layers"] for s in layer["sections"] for p in s["paragraphs"]}

    def paragraph_places(self) -> list[tuple[dict, dict, dict]]:
        """(layer, section, paragraph) for every paragraph, in reading order."""
        return [(layer, s, p) for layer in self.data("text.yml")["layers"] for s in layer["sections"] for p in s["paragraphs"]]

    def kinds(self) -> list[dict]:
        """The glossary's kinds (data/site.yml)."""
        return list((self.data("site.yml").get("glossary") or {}).get("kinds") or [])

    def entries(self) -> dict[str, dict]:
        """Every glossary entry by id, with its kind's id under "kind"."""
        return {e["id"]: dict(e, kind=kind["id"]) for kind in self.kinds() for e in self.items(f"{kind['id']}.yml", "entries")}

    def located_kinds(self) -> list[str]:
        return [k["id"] for k in self.kinds() if k.get("located")]

    @cached_property
    def pages(self) -> set[str]:
        """The site's pages from docs/ (paths of the Markdown files, e.g. "text.md")."""
        return {p.relative_to(self.docs_dir).as_posix() for p in self.docs_dir.rglob("*.md")}

    def page_source(self, page: str) -> str | None:
        """The Markdown of docs/<page> (e.g. "about.md"), or None when the site has no such page."""
        path = self.docs_dir / page
        return path.read_text(encoding="utf-8") if path.is_file() else None

    def calls(self, page: str, macro: str) -> bool:
        """Whether docs/<page> calls the macro `macro` (a component the page asks for)."""
        source = self.page_source(page) or ""
        return re.search(r"\{\{-?\s*" + re.escape(macro) + r"\(", source) is not None

    def front_matter(self, page: str) -> dict:
        source = self.page_source(page) or ""
        found = re.match(r"---\n(.*?)\n---\n", source, re.S)
        return (yaml.safe_load(found.group(1)) or {}) if found else {}

    # --- a project folder -------------------------------------------------------------------

    def assemble(self, destination: Path) -> Path:
        """A project folder for this site: the kit's code, theme and configuration, the site's
        data/, and its pages with the kit's docs/assets/. For this edition, a copy of the
        repository's own (not its .venv)."""
        destination.mkdir(parents=True, exist_ok=True)
        for part in KIT_PARTS:
            source = ROOT / part
            if source.is_dir():
                shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(source, destination / part)
        shutil.copytree(self.data_dir, destination / "data")
        if not (destination / "data" / "schemas").exists():
            shutil.copytree(ROOT / "data" / "schemas", destination / "data" / "schemas")
        shutil.copytree(self.docs_dir, destination / "docs", ignore=shutil.ignore_patterns("assets"))
        shutil.copytree(ROOT / "docs" / "assets", destination / "docs" / "assets")
        return destination


def _fixture(folder: Path) -> Site:
    docs = folder / "docs"
    return Site(folder.name, folder / "data", docs if docs.is_dir() else ROOT / "docs")


def all_sites() -> dict[str, Site]:
    """This edition first, then every fixture site, by name."""
    sites = {EDITION: Site(EDITION, ROOT / "data", ROOT / "docs")}
    for folder in sorted(FIXTURES.iterdir()) if FIXTURES.is_dir() else []:
        if (folder / "data").is_dir():
            sites[folder.name] = _fixture(folder)
    return sites


SITES = all_sites()


def site_items(name: str, key: str, select=None) -> list:
    """pytest params (site name, item id) for every item under `key` in each site's data/<name>
    (filtered by `select`), and (site name, None) for a site that has none: there the test
    asserts that the part is absent."""
    params = []
    for site in SITES.values():
        ids = [item["id"] for item in site.items(name, key) if select is None or select(item)]
        params += [pytest.param(site.name, i, id=f"{site.name}-{i}") for i in ids]
        if not ids:
            params.append(pytest.param(site.name, None, id=f"{site.name}-none"))
    return params


# --- a part that is absent --------------------------------------------------------------------

def assert_part_absent(built: Path, page: str) -> None:
    """No page at `page` (e.g. "chronology", "lessons"), and no link to it from any page."""
    from urllib.parse import urljoin, urlsplit

    from bs4 import BeautifulSoup

    page = page.strip("/")
    assert not (built / page).exists() and not (built / f"{page}.html").exists(), f"{page}: a page for a part without data"
    linked = []
    pages = [h for h in built.rglob("*.html") if "assets" not in h.relative_to(built).parts]
    assert pages, f"{built}: no pages"
    for html in pages:
        here = "/" + html.relative_to(built).as_posix()
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for a in soup.select("a[href]"):
            url = urlsplit(urljoin(here, a["href"]))
            if url.scheme or url.netloc:
                continue
            path = url.path.lstrip("/")
            if path == page or path.startswith(page + "/") or path == page + ".html":
                linked.append(f"{html.relative_to(built)}: {a['href']}")
    assert not linked, f"links to the absent part {page}: {linked[:5]}"
