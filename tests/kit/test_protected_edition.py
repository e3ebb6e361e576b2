"""The instructor edition on the published site: encrypted, so that only a passphrase opens it.

- No sentence that only the instructor edition has is readable in any published file: pages,
  search index, sitemap, scripts, the offline zip, the citation files. The sentences are taken from
  the instructor edition's own build (every sentence of its pages that no student page has), not
  from a list; a negative control publishes it without encryption and must find them.
- In a browser: a wrong passphrase is refused with a message, the right one opens the plan, and
  the other pages then open without asking; the lock page passes axe in light and dark.
- Students reach "For instructors" from the home page (where its cards name it), the lessons and
  each lesson.

Run over every site: the sentences come from each site's own builds, the lesson from its data (or,
without lessons, its questions page or "For instructors"). This edition's counts:
tests/edition/test_protected_edition.py."""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from macros.integration import protected_edition
from tests.sites import assert_part_absent
from tests.conftest import PASSPHRASE, PROTECTED, PUBLIC_URL, ROOT, student_pages
from tests.print_layout import PAPERS, print_layout

SENTENCE = re.compile(r"(?<=[.!?:;])\s+")


def _text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup.select("script, style"):
        hidden.decompose()
    return " ".join(soup.get_text(" ").split())


BLOCKS = ("p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "figcaption", "blockquote", "caption", "summary", "title")


def _sentences(html: str) -> set[str]:
    """Every sentence of six words or more of a page, read block by block (a paragraph, a list item,
    a cell), so that no sentence runs from one block into the next."""
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup.select("script, style"):
        hidden.decompose()
    found = set()
    for block in soup.find_all(BLOCKS):
        if block.find(BLOCKS):
            continue  # its inner blocks are read on their own
        for sentence in SENTENCE.split(" ".join(block.get_text(" ").split())):
            if len(sentence.split()) >= 6:
                found.add(sentence)
    return found


def instructor_only_sentences(instructor_site: Path, student_site: Path) -> list[str]:
    """Every sentence of the instructor edition's pages that no page of the student site holds."""
    student = " ".join(_text(p.read_text(encoding="utf-8")) for p in student_pages(student_site))
    found: dict[str, None] = {}
    for page in sorted(instructor_site.rglob("*.html")):
        for sentence in sorted(_sentences(page.read_text(encoding="utf-8"))):
            if sentence not in student:
                found.setdefault(sentence)
    return list(found)


def published_texts(site: Path):
    """(name, text) for every file of the published tree as a reader could read it: pages as
    text and as markup, JSON and XML as they are, gzip unpacked, zip archives member by member."""

    def texts(name: str, data: bytes):
        if name.endswith(".gz"):
            yield from texts(name[:-3], gzip.decompress(data))
        elif name.endswith(".zip"):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for member in archive.namelist():
                    yield from texts(f"{name}/{member}", archive.read(member))
        else:
            raw = data.decode("utf-8", errors="replace")
            yield name, " ".join(raw.split())
            if name.endswith(".html"):
                yield name, _text(raw)
            elif name.endswith(".json"):
                yield name, " ".join(json.dumps(json.loads(raw), ensure_ascii=False).split())

    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        yield from texts(path.relative_to(site).as_posix(), path.read_bytes())


def leaks(site: Path, sentences: list[str]) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {}
    for name, text in published_texts(site):
        for sentence in sentences:
            if sentence in text:
                seen.setdefault(name, []).append(sentence)
    return seen


_SECRETS: dict[tuple[Path, Path], list[str]] = {}


def lessons(site_data) -> list[dict]:
    """The lessons the site shows (none without packets: a lesson is taught from a packet)."""
    return site_data.items("lessons.yml", "lessons") if site_data.items("packets.yml", "packets") else []


def secrets_of(site: Path, instructor_site: Path) -> list[str]:
    if (site, instructor_site) not in _SECRETS:  # read once per built site
        _SECRETS[site, instructor_site] = instructor_only_sentences(instructor_site, site)
    return _SECRETS[site, instructor_site]


@pytest.fixture
def secrets_of_the_instructor_edition(site, instructor_site, site_data) -> list[str]:
    sentences = secrets_of(site, instructor_site)
    # The plans, the model answers and the notes are there to be found (this edition's count:
    # tests/edition); the first model answer of the site's lessons among them.
    assert sentences
    answers = [a["text"] for lesson in lessons(site_data) for a in lesson["assessment"]["model_answers"]]
    assert all(any(s[:40] in " ".join(a.split()) for s in sentences) for a in answers[:1])
    notes = [q["instructor_notes"] for q in site_data.items("questions.yml", "questions") if q.get("instructor_notes")]
    assert answers or notes, "the site has something for instructors only"
    return sentences


def test_no_published_file_holds_a_sentence_only_instructors_may_read(site, site_data, secrets_of_the_instructor_edition):
    assert (site / PROTECTED / "index.html").is_file() and (site / "download").is_dir() and (site / "about" / "citation.ris").is_file()
    assert (site / PROTECTED / "lessons").is_dir() == bool(lessons(site_data))
    assert leaks(site, secrets_of_the_instructor_edition) == {}


def test_without_encryption_the_same_search_finds_them(site, site_data, tmp_path, secrets_of_the_instructor_edition):
    """The negative control: the same tree with the instructor edition published in the clear."""
    clear = tmp_path / "site"
    shutil.copytree(site, clear, ignore=shutil.ignore_patterns(PROTECTED))
    project = site_data.assemble(tmp_path / "project")
    protected_edition.publish(project, clear, site_data.public_url, None, encrypt=False)
    found = leaks(clear, secrets_of_the_instructor_edition)
    assert sum(len(v) for v in found.values()) > 0.9 * len(secrets_of_the_instructor_edition)
    where = f"{PROTECTED}/lessons/" if lessons(site_data) else f"{PROTECTED}/"
    assert any(name.startswith(where) for name in found)


def test_the_encrypted_edition_has_no_search_index_or_sitemap_and_every_page_is_locked(site):
    folder = site / PROTECTED
    assert not (folder / "search").exists() and not (folder / "sitemap.xml").exists()
    pages = sorted(folder.rglob("*.html"))
    # Every page of the student site has its instructor edition (and "For instructors" more).
    assert len(pages) >= len(student_pages(site)), (len(pages), len(student_pages(site)))
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert soup.select_one("#cbl-passphrase"), page
        assert "staticryptEncryptedMsgUniqueVariableName" in page.read_text(encoding="utf-8")


def _unlock(page, passphrase: str) -> None:
    page.fill("#cbl-passphrase", passphrase)
    page.click("button[type=submit]")


def a_locked_page(site_data) -> tuple[str, str, str]:
    """(the page to unlock, a selector only its unlocked instructor edition shows, another page):
    the plan of the first 50-minute lesson (or the first lesson); without lessons, the questions'
    notes; without notes, "For instructors", whose edition names the passphrase's keeper."""
    found = lessons(site_data)
    noted = [q for q in site_data.items("questions.yml", "questions") if q.get("instructor_notes")]
    if found:
        lesson = next((x for x in found if x["minutes"] == 50), found[0])
        return f"lessons/{lesson['id']}/", ".cbl-plan__steps", "questions/" if noted else "instructors/"
    if noted:
        return "questions/", ".cbl-instructor-note", "instructors/"
    return "instructors/", "article.md-content__inner", ""


def test_a_wrong_passphrase_is_refused_and_the_right_one_opens_the_plan(browser, server, site_data):
    path, shown, other = a_locked_page(site_data)
    found = lessons(site_data)
    lesson = next((x for x in found if x["minutes"] == 50), found[0]) if found else None
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{server}{PROTECTED}/{path}")
    assert page.locator("#cbl-passphrase").is_visible()
    assert not page.locator(shown).count()
    _unlock(page, PASSPHRASE + " (wrong)")
    error = page.locator("#cbl-lock-error")
    error.wait_for(state="visible")
    assert "does not open" in error.inner_text() and error.get_attribute("role") == "alert"
    assert not page.locator(shown).count()
    _unlock(page, PASSPHRASE)
    page.locator(shown).first.wait_for(timeout=20000)
    if lesson:
        steps = page.locator(".cbl-plan__steps tbody tr")
        assert steps.count() == len(lesson["procedure"])
        assert lesson["title"] in page.title()
        # From the published build only, the teacher prints the plan: one page, on A4 and on Letter.
        for paper in PAPERS:
            plan = print_layout(page, "plan", paper)
            assert len(plan.pages) == 1 and lesson["procedure"][0]["name"] in plan.words(1)
        page.emulate_media(media="screen")
    # The key is remembered on this device: another page of the edition opens without asking.
    other = other or path
    page.goto(f"{server}{PROTECTED}/{other}")
    opened = ".cbl-instructor-note" if other == "questions/" else "article.md-content__inner"
    page.locator(opened).first.wait_for(timeout=20000)
    # ... until the reader locks it again.
    page.goto(f"{server}{PROTECTED}/?staticrypt_logout")
    page.locator("#cbl-passphrase").wait_for()
    page.goto(f"{server}{PROTECTED}/{other}")
    page.locator("#cbl-passphrase").wait_for()
    assert not page.locator(opened).count(), "locked again"
    assert not errors, errors
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_lock_page_is_accessible(browser, server, site_data, scheme):
    from axe_playwright_python.sync_playwright import Axe

    from tests.kit.test_browser import AXE_OPTIONS

    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    offsite = []
    page.on("request", lambda r: not r.url.startswith((server, "data:")) and offsite.append(r.url))
    page.goto(f"{server}{PROTECTED}/{'lessons/' if lessons(site_data) else 'instructors/'}")
    page.locator("#cbl-passphrase").wait_for()
    result = Axe().run(page, options=AXE_OPTIONS)
    assert result.violations_count == 0, result.generate_report()
    _unlock(page, "wrong, to show the message too")
    page.locator("#cbl-lock-error").wait_for(state="visible")
    result = Axe().run(page, options=AXE_OPTIONS)
    assert result.violations_count == 0, result.generate_report()
    links = page.eval_on_selector_all("[data-cbl-to]", "els => els.map(a => a.href)")
    assert links == [f"{server}instructors/#passphrase", server]
    assert not offsite, offsite
    context.close()


def test_students_are_sent_to_for_instructors_and_it_links_the_plans(site, site_data):
    def hrefs(path: str) -> list[str]:
        soup = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
        return [a["href"] for a in soup.select("article a[href]")]

    cards = [link["page"] for card in site_data.data("site.yml").get("home") or [] for link in card.get("links", [])]
    named = "instructors.md" in cards or "instructors.md" in (site_data.page_source("index.md") or "")
    assert any(h.endswith("instructors/") for h in hrefs("")) == named, "the home page's card, where the site has one"
    lessons_ = lessons(site_data)
    if not lessons_:
        assert_part_absent(site, "lessons")
        assert f"../{PROTECTED}/instructors/" in hrefs("instructors")
        return
    assert any(h.endswith("instructors/") for h in hrefs("lessons")), "the lessons page"
    for lesson in lessons_:
        assert any(h.endswith("instructors/") or f"{PROTECTED}/lessons/{lesson['id']}/" in h for h in hrefs(f"lessons/{lesson['id']}"))
    page = hrefs("instructors")
    assert f"../{PROTECTED}/instructors/" in page
    assert all(f"../{PROTECTED}/lessons/{lesson['id']}/" in page for lesson in lessons_)


def test_without_a_passphrase_nothing_is_published_and_the_build_says_so(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != protected_edition.PASSPHRASE_VARIABLE}
    result = subprocess.run([sys.executable, "-m", "macros", "instructor-edition", str(tmp_path)], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.strip() == ("INSTRUCTOR_PASSPHRASE is not set: no instructor material is published "
                                     "(the student site says the instructor edition is not part of it)")
    assert not list(tmp_path.iterdir())
    folder = subprocess.run([sys.executable, "-m", "macros", "instructor-edition", "--folder"], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert folder.stdout == "\n"


@pytest.mark.parametrize("passphrase, message", [
    ("short", "Instructor edition: INSTRUCTOR_PASSPHRASE is 5 characters long: use at least 14 characters without "
              "spaces at the ends (a few unrelated words work well)"),
    (" fourteen chars and more ", "Instructor edition: INSTRUCTOR_PASSPHRASE is 25 characters long with spaces at its ends: "
                                  "use at least 14 characters without spaces at the ends (a few unrelated words work well)"),
])
def test_a_weak_passphrase_is_refused(tmp_path, passphrase, message):
    env = dict(os.environ, INSTRUCTOR_PASSPHRASE=passphrase, SITE_URL=PUBLIC_URL)
    result = subprocess.run([sys.executable, "-m", "macros", "instructor-edition", str(tmp_path)], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 1 and result.stderr.strip() == message and not result.stdout
    assert not list(tmp_path.iterdir())


def test_the_workflow_takes_the_passphrase_from_a_repository_secret():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
    build = next(step for step in workflow["jobs"]["build"]["steps"] if step.get("name") == "Build site")
    variable = protected_edition.PASSPHRASE_VARIABLE
    assert build["env"][variable] == f"${{{{ secrets.{variable} }}}}"
    assert "make build" in build["run"]
    assert variable in (ROOT / "README.md").read_text(encoding="utf-8")
