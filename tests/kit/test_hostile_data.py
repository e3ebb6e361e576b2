"""Hostile data cannot be turned against readers: injection payloads put into every free-text
field of every data file render as inert text, and template code in data is never run.

The fields are found from the models (each free-text type carries a `FreeText` marker), so a
field added later is covered without changing this test. Fields that must repeat the cable's
words (glossary forms, quotations: `CableCopy`) are not free text; the paragraphs they copy are.

Run over every site, in a copy of its project. How many fields must be poisoned, and shown, is
counted from the site's data by plain means (each paragraph's text; each glossary entry's name,
summary and identification); this edition's floors: tests/edition/test_hostile_data.py.
"""

from __future__ import annotations

import json
import types
import typing
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from pydantic import BaseModel

from macros.files.catalogue import FILES, glossary_file
from macros.files.fields import FreeText
from tests.conftest import assert_clean_build, mkdocs_build

# Under 110 characters, so that it fits every length limit (a glossary summary is at most 140).
PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)> [a](javascript:alert(1)) ![i](x.png) {{ "inj" ~ "ected" }}'
# The document's words may not contain unexplained square brackets (the build rejects them), so
# verbatim fields get this variant; in paragraphs (and a document's excerpt) it is added after the
# real words, which glossary forms, quotations and the excerpt's names and omissions must still find.
VERBATIM_PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)> javascript:alert(1) {{ "inj" ~ "ected" }} {% if 1 %}tmpl{% endif %}'


def free_text_fields(tp, value, path=()):
    """(path, kind) of every free-text string in `value`, which has type `tp`."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Annotated:
        marker = next((m for m in args[1:] if isinstance(m, FreeText)), None)
        if marker and isinstance(value, str):
            yield path, marker.kind
        else:
            yield from free_text_fields(args[0], value, path)
    elif origin in (typing.Union, types.UnionType):
        for arg in args:
            if arg is not type(None) and value is not None:
                yield from free_text_fields(arg, value, path)
                return
    elif origin is dict and isinstance(value, dict):
        for key, item in value.items():
            yield from free_text_fields(args[1], item, path + (key,))
    elif origin is list and isinstance(value, list):
        for i, item in enumerate(value):
            yield from free_text_fields(args[0], item, path + (i,))
    elif isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(value, dict):
        for name, field in tp.model_fields.items():
            if name in value:
                annotated = typing.Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation
                yield from free_text_fields(annotated, value[name], path + (name,))


def data_files(project: Path):
    """Every data file of the project, with its model (the glossary's files named by site.yml)."""
    site = yaml.safe_load((project / "data" / "site.yml").read_text(encoding="utf-8"))
    specs = [*FILES, *(glossary_file(kind["id"]) for kind in site["glossary"]["kinds"])]
    return [(spec.name, spec.model) for spec in specs if (project / "data" / spec.name).exists()]


def poison(project: Path) -> int:
    count = 0
    for file_name, model in data_files(project):
        path = project / "data" / file_name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for field_path, kind in list(free_text_fields(model, data)):
            *parents, last = field_path
            node = data
            for step in parents:
                node = node[step]
            # Appended, not replacing: words that other rules read (forms and quotations copy the
            # paragraphs; an excerpt's names and omissions copy its text; an adapted claim says whose).
            if (file_name == "text.yml" and last == "text") or field_path[-2:] == ("excerpt", "text") or (
                    "adaptation" in field_path and last == "text"):
                node[last] = f"{node[last]} {VERBATIM_PAYLOAD}"  # keep the words that forms and quotes copy
            else:
                # Numbered: names shown side by side (two entries of a kind) must differ.
                node[last] = f"{VERBATIM_PAYLOAD if kind == 'verbatim' else PAYLOAD} n{count}"
            count += 1
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return count


def fewest_free_text_fields(site_data) -> int:
    """A floor counted from the data itself: every paragraph's text, and every glossary entry's
    name, summary and identification, are free text."""
    paragraphs, entries = len(site_data.paragraphs()), len(site_data.entries())
    assert paragraphs and entries, "the site has paragraphs and glossary entries"
    return paragraphs + 3 * len(site_data.entries())


def fewest_shown(site_data) -> int:
    """Each paragraph is shown on the text page and each entry's summary on its glossary page."""
    return len(site_data.paragraphs()) + len(site_data.entries())


_BUILT: dict[tuple[str, str], tuple[int, Path]] = {}


def poisoned_site(tmp_path_factory, site_data) -> tuple[int, Path]:
    """(fields poisoned, built site) for the site with the payload in every free-text field: built
    once per session and site (this edition's floors are checked on the same build)."""
    key = (site_data.name, "inert")
    if key not in _BUILT:
        project = site_data.assemble(tmp_path_factory.mktemp(f"poisoned-{site_data.name}") / "project")
        # The payload is added to the text itself, which the transcription check would (rightly) refuse.
        (project / "data" / "transcription.txt").unlink(missing_ok=True)
        poisoned = poison(project)
        site = project.parent / "site"
        assert_clean_build(mkdocs_build(project, site))
        _BUILT[key] = (poisoned, site)
    return _BUILT[key]


def shown_inert(site: Path) -> int:
    """How many payloads the pages show as text; fails on any that acts as code."""
    shown = 0
    for html_file in site.rglob("*.html"):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        where = html_file.relative_to(site)
        scripts = soup.find_all("script")
        # Structured data is JSON, not code: it may hold the payload as text, escaped so that no "<"
        # can end the element (tojson writes \u003c), and it must still parse.
        data = [s for s in scripts if s.get("type") == "application/ld+json"]
        assert all("<" not in (s.string or "") and json.loads(s.string) for s in data), where
        assert not [s for s in scripts if s not in data and "alert" in (s.string or "")], where
        assert not soup.select("[onerror], img[src=x], img[src$='x.png']"), where
        assert not soup.select('[href^="javascript"], [src^="javascript"]'), where
        text = soup.get_text()
        ran = "injected" in text or text.count("tmpl") != text.count("{% if 1 %}tmpl{% endif %}")
        assert not ran, f"{where}: template code from data was run"
        shown += text.count('{{ "inj" ~ "ected" }}')
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "injected" not in index
    return shown


def test_every_free_text_field_renders_as_inert_text(tmp_path_factory, site_data):
    poisoned, site = poisoned_site(tmp_path_factory, site_data)
    assert poisoned >= fewest_free_text_fields(site_data), "every free-text field of every data file"
    assert shown_inert(site) >= fewest_shown(site_data), "the payloads are shown, as text"


# Block Markdown typed into a one-paragraph prose field: a blank line, a heading, a list, an
# indented code block, a table. It must show as typed (on one line), never as real structure.
BLOCK_PAYLOAD = "Start.\n\n# HEADING-INJ\n\n- LIST-INJ\n\n    CODE-INJ\n\n| TABLE-INJ | b |\n|---|---|\n| c | d |"


def prose_site(tmp_path_factory, site_data) -> tuple[int, Path]:
    """(prose fields filled, built site) for the site with block Markdown in every prose field:
    built once per session and site."""
    key = (site_data.name, "block")
    if key not in _BUILT:
        project = site_data.assemble(tmp_path_factory.mktemp(f"block-{site_data.name}") / "project")
        count = 0
        for file_name, model in data_files(project):
            path = project / "data" / file_name
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            for field_path, kind in list(free_text_fields(model, data)):
                if kind != "prose":
                    continue
                *parents, last = field_path
                node = data
                for step in parents:
                    node = node[step]
                node[last] = BLOCK_PAYLOAD
                count += 1
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        site = project.parent / "site"
        assert_clean_build(mkdocs_build(project, site))
        _BUILT[key] = (count, site)
    return _BUILT[key]


def shown_as_typed(site: Path) -> int:
    """How many block payloads the pages show on one line; fails on any that became structure."""
    shown = 0
    for html_file in site.rglob("*.html"):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        where = html_file.relative_to(site)
        assert not [h for h in soup.select("h1, h2, h3, h4, h5, h6") if "HEADING-INJ" in h.get_text()], where
        assert not [li for li in soup.select("li") if li.get_text(" ", strip=True).startswith("LIST-INJ")], where
        assert not [c for c in soup.select("pre, code") if "CODE-INJ" in c.get_text()], where
        assert not [t for t in soup.select("th, td") if t.get_text(strip=True) == "TABLE-INJ"], where
        shown += soup.get_text().count("Start. # HEADING-INJ - LIST-INJ CODE-INJ | TABLE-INJ | b |")
    return shown


def test_block_markdown_in_prose_shows_as_typed(tmp_path_factory, site_data):
    count, site = prose_site(tmp_path_factory, site_data)
    entries = len(site_data.entries())  # each entry's identification is prose, shown on its glossary page
    assert entries, "the site has glossary entries"
    assert count >= entries, "every prose field of every data file"
    assert shown_as_typed(site) >= entries, "the payloads are shown, as typed, on one line"
