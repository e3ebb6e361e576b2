"""`make scaffold CAPTURE=FILE` (`python -m macros scaffold FILE [--into DIR] [--force]`): a new
edition's data/ from an archive's document page saved as text, as an editor would use it.

- The seed capture, scaffolded into a copy of the project, gives today's text word for word (the
  paragraphs typed by hand into data/text.yml), its transcription, its record and marks; the site
  builds strictly and its text page shows every paragraph as printed.
- Another real page (Ciphered Telegram No. 32616, Savel'yev in Urumchi) does the same, its
  citations leave out what the page does not give, and an editor adds a glossary entry to it
  (data only: no code, no page) and sees it, linked to its paragraph.
- Anything that is not such a page, or a project it cannot write, is refused with one line; an
  existing data/ is never replaced without --force, nor by data that does not pass the checks.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import rispy
import yaml
from bs4 import BeautifulSoup

from macros.files.errors import DataError
from macros.files.scaffold import EXPECTED, scaffold
from macros.views.load import load_edition
from tests.conftest import ROOT, assert_clean_build, copy_project, mkdocs_build
from tests.kit.test_editor_commands import run_macros
from tests.kit.test_metadata import _bib

CAPTURES = ROOT / "tests" / "fixtures" / "captures"
SEED = CAPTURES / "letter-cde-mao-zedong-cde-filippov-stalin-kovalev.txt"
SAVELYEV = CAPTURES / "ciphered-telegram-no-32616-savelyev-urumchi.txt"
# What a new edition keeps from the kit, unchanged: its code, theme, config and the pages of docs/,
# which take every word about their document from data (issue 23, item 2).
KIT = ("macros", "overrides", "docs", "mkdocs.yml")


def scaffolded(folder: Path, capture: Path) -> Path:
    """A copy of the project (the repository's docs/ included), its data/ removed, then scaffolded
    from `capture` by the command an editor types."""
    project = copy_project(folder)
    shutil.rmtree(project / "data")
    shutil.copy2(capture, project / capture.name)
    result = run_macros(project, "scaffold", capture.name)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "Next: read scaffold-notes.md (what the page did not give, the names to gloss), then make serve."
    return project


def kit_files(project: Path) -> dict[str, bytes]:
    """The kit's files in a project, by path: what an editor must not have to touch."""
    found = {}
    for part in KIT:
        paths = [project / part] if (project / part).is_file() else sorted((project / part).rglob("*"))
        found.update({p.relative_to(project).as_posix(): p.read_bytes() for p in paths
                      if p.is_file() and "__pycache__" not in p.parts})
    return found


def data_paragraphs(project: Path) -> list[tuple[str, str]]:
    text = yaml.safe_load((project / "data" / "text.yml").read_text(encoding="utf-8"))
    return [(p["id"], p["text"]) for layer in text["layers"] for s in layer["sections"] for p in s["paragraphs"]]


def shown_paragraphs(site: Path, html: str | None = None) -> list[str]:
    """Each paragraph of the text page (or of `html`, a text page) as a reader reads it (a line
    break where the page breaks the line)."""
    page = BeautifulSoup(html or (site / "text" / "index.html").read_text(encoding="utf-8"), "html.parser")
    texts = []
    for element in page.select(".cbl-para__text"):
        for br in element.find_all("br"):
            br.replace_with("\n")
        texts.append(element.get_text())
    return texts


def page_blocks(capture: Path) -> list[str]:
    """The capture's blocks (runs of lines between blank lines), by the simplest means."""
    text = capture.read_text(encoding="utf-8")
    return [b.strip("\n") for b in re.split(r"\n\s*\n", text) if b.strip()]


def scaffolded_and_built(folder: Path, capture: Path) -> tuple[Path, Path]:
    """The project scaffolded from `capture` and its strict build: (project, site)."""
    project = scaffolded(folder / "project", capture)
    site = folder / "site"
    assert_clean_build(mkdocs_build(project, site))
    return project, site


@pytest.fixture(scope="module")
def seed(tmp_path_factory) -> tuple[Path, Path]:
    return scaffolded_and_built(tmp_path_factory.mktemp("seed"), SEED)


@pytest.fixture(scope="module")
def savelyev(tmp_path_factory) -> tuple[Path, Path]:
    return scaffolded_and_built(tmp_path_factory.mktemp("savelyev"), SAVELYEV)


# --- the seed: today's text, from the page --------------------------------------------------------

def test_the_seed_marks_name_every_bracket_the_page_prints(seed):
    project, _ = seed
    marks = {m["id"]: m for m in yaml.safe_load((project / "data" / "marks.yml").read_text(encoding="utf-8"))["marks"]}
    assert sorted(marks) == ["illegible", "sic", "stamp", "supplied", "translator-note"]
    assert marks["stamp"]["starts_with"] == ["[stamp:"] and marks["sic"]["forms"] == ["[sic]"]
    assert marks["translator-note"]["starts_with"] == ["[Translator’s note:"]
    assert marks["supplied"]["forms"] == ["[OS – SIC]", "[them]", "[Cheng]", "[Chengxiang]", "[Shuren]", "[razvedchiki]", "[otp.]"]
    assert all(m["explanation"].strip() for m in marks.values())


def test_the_register_starts_empty_and_the_build_accepted_it(seed):
    project, site = seed
    register = (project / "data" / "published-ids.yml").read_text(encoding="utf-8")
    assert yaml.safe_load(register) is None and (site / "text" / "index.html").exists()


def test_the_notes_list_what_is_missing_and_the_names_to_gloss(seed):
    project, site = seed
    notes = (project / "scaffold-notes.md").read_text(encoding="utf-8")
    assert "- `record` (the archive's page" in notes and "- `chain`" in notes
    ids = {text: pid for pid, text in data_paragraphs(project)}
    with_xinjiang = [pid for text, pid in ids.items() if "XINJIANG" in text]
    assert len(with_xinjiang) > 5 and f"- XINJIANG ({len(with_xinjiang)}): {', '.join(with_xinjiang)}\n" in notes
    (signed,) = [pid for text, pid in ids.items() if "WANG ENMAO" in text]
    assert f"- WANG ENMAO (1): {signed}\n" in notes
    assert "- Stalin (1): copy-no-1-to" in notes, "a name after a title (Cde. Stalin)"
    assert "Stalin Copy" not in notes, "a name does not run across a line break"
    assert not list(site.rglob("scaffold-notes*")), "the notes are not published"


# --- another real page, as an editor would use it -----------------------------------------------

def test_another_page_gives_its_text_word_for_word(savelyev):
    project, site = savelyev
    blocks = page_blocks(SAVELYEV)
    start = blocks.index("This document was made possible with support from MacArthur Foundation") + 1
    end = blocks.index("PLA troops arrived in Urumchi in Xinjiang.")  # the archive's summary
    expected = blocks[start:end]
    assert len(expected) == 24 and expected[0].startswith("Cable ") and expected[0].endswith(" Strictly Secret")
    assert expected[-1] == "17 copies. vg\nTyped on 21 October at 1325\nDistributed at 1420\nIssued by Nekipelov  Authenticated by: [illegible signature]"
    assert [text for _, text in data_paragraphs(project)] == expected
    assert (project / "data" / "transcription.txt").read_text(encoding="utf-8") == "\n\n".join(expected) + "\n"
    assert shown_paragraphs(site) == expected


def test_another_pages_citations_leave_out_what_it_does_not_give(savelyev):
    """The page gives no address, no publisher's name, no classification: each citation, written
    here by hand from its style, goes without them."""
    project, site = savelyev
    about = BeautifulSoup((site / "about" / "index.html").read_text(encoding="utf-8"), "html.parser")
    cited = [p.get_text() for p in about.select(".cbl-citation__text")]
    assert cited[:2] == [
        "“Ciphered Telegram No. 32616 from Savel'yev in Urumchi,” October 20, 1949, RGASPI, f. 558, op. 11, d. 219, l. 111. "
        "Translated by Gary Goldberg.",
        "“Ciphered Telegram No. 32616 from Savel'yev in Urumchi.” 20 Oct. 1949. Translated by Gary Goldberg, RGASPI, f. 558, "
        "op. 11, d. 219, l. 111. History and Public Policy Program.",
    ]
    rows = {th.get_text(): th.find_next_sibling("td").get_text() for th in about.select(".cbl-record th")}
    assert rows == {
        "Title (the archive’s)": "Ciphered Telegram No. 32616 from Savel'yev in Urumchi", "Date": "20 October 1949",
        "Archival citation": "RGASPI, f. 558, op. 11, d. 219, l. 111.", "Translated by": "Gary Goldberg",
        "Published by": "History and Public Policy Program", "The archive’s summary": "PLA troops arrived in Urumchi in Xinjiang.",
    }
    (record,) = rispy.loads((site / "about" / "citation.ris").read_text(encoding="utf-8"))
    assert record["subsidiary_authors"] == ["Goldberg, Gary"] and record["accession_number"] == "RGASPI, f. 558, op. 11, d. 219, l. 111"
    assert not {"authors", "urls", "database_provider", "name_of_database"} & set(record)
    (entry,) = _bib((site / "about" / "citation.bib").read_text(encoding="utf-8")).entries
    assert entry.key == "ciphered1949" and entry["note"] == "RGASPI, f. 558, op. 11, d. 219, l. 111"
    assert not {"author", "url"} & set(entry.fields_dict)
    for page in ("about", "text"):
        words = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser").get_text(" ")
        assert "None" not in words and "Translated by ." not in words, page


def test_an_editor_adds_a_glossary_entry_with_data_alone(savelyev, tmp_path):
    """A kind in site.yml and one entry in data/people.yml, as the notes say: no code, no page."""
    project, _ = savelyev
    editor = tmp_path / "project"
    shutil.copytree(project, editor)
    site_yml = editor / "data" / "site.yml"
    text = site_yml.read_text(encoding="utf-8")
    assert "  kinds: []\n" in text
    site_yml.write_text(text.replace("  kinds: []\n", (
        "  kinds:\n"
        "  - {id: people, title: People, singular: person, description: The people the telegram names.}\n")), encoding="utf-8")
    (editor / "data" / "people.yml").write_text(
        "# yaml-language-server: $schema=schemas/glossary.schema.json\n"
        "entries:\n"
        "  - id: savelyev\n"
        "    name: Savel’yev\n"
        "    forms: [SAVEL’YEV]\n"
        "    summary: Signs the telegram from Urumchi\n"
        "    identification: Signs the telegram in Urumchi on 20 October 1949; it gives no other name.\n"
        "    certainty: certain\n"
        "    text_only: true\n", encoding="utf-8")
    site = tmp_path / "site"
    assert_clean_build(mkdocs_build(editor, site))

    signed = [pid for pid, words in data_paragraphs(editor) if "SAVEL’YEV" in words]
    assert len(signed) == 1
    people = BeautifulSoup((site / "glossary" / "people" / "index.html").read_text(encoding="utf-8"), "html.parser")
    entry = people.find(id="savelyev").find_next_sibling(class_="cbl-entry")
    mentioned = entry.find("dt", string="Mentioned in").find_next("dd").find_all("a")
    assert [a["href"].rsplit("#", 1)[1] for a in mentioned] == signed
    text_page = BeautifulSoup((site / "text" / "index.html").read_text(encoding="utf-8"), "html.parser")
    (link,) = text_page.find(id=signed[0]).select("a.cbl-term")
    assert link.get_text() == "SAVEL’YEV" and link["href"].endswith("glossary/people/#savelyev")


def site_words(site: Path) -> dict[str, str]:
    """Each page's own words (its text, title and meta tags), by page, without the document's own
    words: the paragraphs of its text, which keep whatever the document calls itself."""
    found = {}
    for html in sorted(site.rglob("*.html")):
        page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for quoted in page.select(".cbl-para__text"):
            quoted.decompose()
        found[html.relative_to(site).as_posix()] = page.get_text(" ") + " " + " ".join(m.get("content", "") for m in page.find_all("meta"))
    return found


def saying(site: Path, word: str) -> list[str]:
    """The pages whose own words say `word` (any case, also in the plural)."""
    return [page for page, words in site_words(site).items() if re.search(rf"\b{word}s?\b", words, re.IGNORECASE)]


# The scaffolded words that name the document (not ids): the site's noun and the sentences and
# titles the scaffold wrote with it; the document's own words keep their capital ("Cable").
_NOUN_WORD = re.compile(r"(?<![\w-])cable(?!-)")


def test_an_editor_calls_it_a_telegram_and_glosses_a_place_with_data_alone(savelyev, tmp_path):
    """The scaffold names the document after its own first line ("Cable  Strictly Secret"), a
    reading its notes ask the editor to check; the archive calls it a ciphered telegram. The
    editor calls it a telegram and adds a place the text names, in data/ alone: no code, no page.
    Then no page's own words say "cable" (only the telegram's own first line does), and the place
    has its entry, linked from both paragraphs that print it."""
    project, site = savelyev
    notes = (project / "scaffold-notes.md").read_text(encoding="utf-8")
    assert "- The site calls the document a **cable** (`document_noun` in `data/site.yml`)" in notes
    assert kit_files(project) == kit_files(ROOT)
    # The positive control: the scaffolded site's own words say "cable" on many pages.
    assert {"index.html", "text/index.html", "about/index.html"} <= set(saying(site, "cable")), saying(site, "cable")

    editor = tmp_path / "project"
    shutil.copytree(project, editor)
    printed = data_paragraphs(editor)
    assert not any(_NOUN_WORD.search(words) for _, words in printed), "the replacement below leaves the telegram's words alone"
    for path in sorted((editor / "data").glob("*.yml")):
        lines = path.read_text(encoding="utf-8").split("\n")
        path.write_text("\n".join(line if re.match(r"\s*-?\s*id:", line) else _NOUN_WORD.sub("telegram", line) for line in lines),
                        encoding="utf-8")
    site_yml = editor / "data" / "site.yml"
    text = site_yml.read_text(encoding="utf-8")
    assert "document_noun: telegram\n" in text and "  kinds: []\n" in text
    site_yml.write_text(text.replace("  kinds: []\n", (
        "  kinds:\n"
        "  - {id: places, title: Places, singular: place, description: The places the telegram names.}\n")), encoding="utf-8")
    (editor / "data" / "places.yml").write_text(
        "# yaml-language-server: $schema=schemas/glossary.schema.json\n"
        "entries:\n"
        "  - id: urumchi\n"
        "    name: Urumchi\n"
        "    forms: [URUMCHI, Urumchi]\n"
        "    summary: Where the telegram was sent from\n"
        "    identification: The city the telegram was sent from, where, it reports, the troops of the PLA arrived on\n"
        "      20 October 1949; the telegram says nothing more of it.\n"
        "    certainty: certain\n"
        "    text_only: true\n", encoding="utf-8")
    built = tmp_path / "site"
    assert_clean_build(mkdocs_build(editor, built))

    assert kit_files(editor) == kit_files(ROOT), "no code, no page touched"
    assert data_paragraphs(editor) == printed and shown_paragraphs(built) == [words for _, words in printed]
    assert saying(built, "cable") == []
    assert {"index.html", "text/index.html", "about/index.html"} <= set(saying(built, "telegram"))
    text_page = BeautifulSoup((built / "text" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert text_page.select_one(".cbl-para__text").get_text().startswith("Cable "), "the telegram's own words, as printed"

    named = [(pid, form) for pid, words in printed for form in ("URUMCHI", "Urumchi") if re.search(rf"\b{form}\b", words)]
    assert len(named) == 2 and {form for _, form in named} == {"URUMCHI", "Urumchi"}
    places = BeautifulSoup((built / "glossary" / "places" / "index.html").read_text(encoding="utf-8"), "html.parser")
    heading = places.find(id="urumchi")
    assert heading is not None and heading.get_text(strip=True).startswith("Urumchi")
    entry = heading.find_next_sibling(class_="cbl-entry")
    mentioned = entry.find("dt", string="Mentioned in").find_next("dd").find_all("a")
    assert [a["href"].rsplit("#", 1)[1] for a in mentioned] == [pid for pid, _ in named]
    for pid, form in named:
        (link,) = text_page.find(id=pid).select("a.cbl-term")
        assert link.get_text() == form and link["href"].endswith("glossary/places/#urumchi")


# --- refusals ---------------------------------------------------------------------------------------

def _seed_with(old: str, new: str) -> bytes:
    text = SEED.read_text(encoding="utf-8")
    assert old in text, old
    return text.replace(old, new, 1).encode("utf-8")


def _unwritable(project: Path) -> tuple[str, str]:
    """A folder the command may not write to, and what the system says when it tries."""
    if os.geteuid() == 0:  # permissions do not bind root: sysfs refuses new files to everyone
        return "/sys/kernel", "Operation not permitted"
    folder = project / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    return "locked", "Permission denied"


# (case, what the capture file is, the arguments after the file, the one line printed). "{e}" is the
# description of what was expected (EXPECTED); `FILE` is the capture's name in the project.
NOT_A_PAGE = [
    ("missing file", None, "FILE: no such file; {e}"),
    ("a folder", "folder", "FILE: it is a folder; {e}"),
    ("a named pipe", "fifo", "FILE: it is not a regular file (a pipe or a device); {e}"),
    ("empty", b"", "FILE: it is empty; {e}"),
    ("huge", b"a" * 2_000_001, "FILE: it is 2,000,001 bytes, far more than a document page (at most 2,000,000); {e}"),
    ("binary (an image)", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "FILE: it is not text (it holds NUL bytes, as a PDF, an image or "
     "a word processor's file does); {e}"),
    ("not UTF-8", "October 25, 1949\n\nCaf\xe9\n".encode("latin-1"), "FILE: it is not UTF-8 text (byte 0xe9 at position 21); {e}"),
    ("only blank lines", b"\n \n\t\n", "FILE: it holds only blank lines; {e}"),
    ("no Document Information", _seed_with("Document Information", "Information"),
     "FILE: it has no line \"Document Information\" (the heading of the archive's record, after the document); {e}"),
    ("no date line", _seed_with("October 25, 1949\n", "25.10.1949\n"),
     "FILE: it has no date line (a line such as \"October 25, 1949\") before \"Document Information\"; {e}"),
    ("a date not in the calendar", _seed_with("October 25, 1949\n", "February 30, 1949\n"),
     "FILE: its date line \"February 30, 1949\" is not a date in the calendar; {e}"),
    ("no title", b"Skip to content\n\nOctober 25, 1949\n\nDocument Information\n\nRGASPI, f. 1.\n",
     "FILE: it has nothing between its date line and \"Document Information\": no title, no document; {e}"),
    ("no paragraphs", b"October 25, 1949\n\nA title\n\nThis document was made possible with support from X\n\nA summary.\n\n"
     b"Document Information\n\nRGASPI, f. 1.\n",
     "FILE: it has no document between its title and the summary before \"Document Information\"; {e}"),
    ("a bracket never closed", _seed_with("3. [sic] After", "3. [sic After"),
     "FILE: read as a document page, but the data made from it does not pass the checks, so nothing was written: "
     "data/text.yml, line {line}: entry layers[1] (id 'cable') > sections[1] (id 'cable-all') > paragraphs[28] "
     "(id '3-sic-after-xinjiang'), field 'text': the '[' at character 4 is never closed"),
]


@pytest.fixture(scope="module")
def bare_project(tmp_path_factory) -> Path:
    """A copy of the project without data/ (the commands read nothing else there)."""
    project = copy_project(tmp_path_factory.mktemp("bare") / "project")
    shutil.rmtree(project / "data")
    return project


@pytest.mark.parametrize("case, content, message", NOT_A_PAGE, ids=[c for c, _, _ in NOT_A_PAGE])
def test_what_is_not_a_document_page_is_refused_in_one_line(bare_project, case, content, message):
    name = "capture-" + re.sub(r"\W+", "-", case)
    path = bare_project / name
    if content == "folder":
        path.mkdir(exist_ok=True)
    elif content == "fifo":
        if not path.exists():
            os.mkfifo(path)
    elif content is not None:
        path.write_bytes(content)
    result = run_macros(bare_project, "scaffold", name)
    assert (result.returncode, result.stdout) == (1, "")
    expected = "Cannot scaffold: " + message.replace("FILE", name).replace("{e}", EXPECTED)
    # The line of the paragraph in the text.yml that was made and not written: a number, whatever it is.
    assert len(result.stderr.splitlines()) == 1
    assert re.fullmatch(re.escape(expected).replace(re.escape("{line}"), r"\d+"), result.stderr.strip()), result.stderr
    assert not (bare_project / "data").exists(), "nothing written"
    assert not [p for p in bare_project.iterdir() if p.name.startswith(".scaffold-")], "nothing left behind"


PROJECT_CASES = [
    ("no such folder", "missing", "missing: no such folder; expected the project folder whose data/ the scaffold writes (a copy of this repository)"),
    ("a file", "a-file", "a-file is a file; expected the project folder whose data/ the scaffold writes (a copy of this repository)"),
    ("not writable", "unwritable", "{folder}: cannot write there ({why}); expected a folder you may write to"),
    ("data/ is a file", "data-file", "data-file/data is not a folder (a file or a link): move it away, then scaffold again"),
    ("data/ holds files", "holding", "holding/data/ already holds 2 files: scaffold into a project without data, or add --force to "
     "replace it with the page's"),
]


@pytest.mark.parametrize("case, into, message", PROJECT_CASES, ids=[c for c, _, _ in PROJECT_CASES])
def test_a_project_it_cannot_write_is_refused_in_one_line(bare_project, tmp_path, case, into, message):
    shutil.copy2(SEED, bare_project / "page.txt")
    folder, why = into, ""
    if into == "a-file":
        (bare_project / into).write_text("x", encoding="utf-8")
    elif into == "unwritable":
        folder, why = _unwritable(tmp_path)
        folder = str(tmp_path / folder) if folder == "locked" else folder
    elif into == "data-file":
        (bare_project / into).mkdir(exist_ok=True)
        (bare_project / into / "data").write_text("x", encoding="utf-8")
    elif into == "holding":
        (bare_project / into / "data").mkdir(parents=True, exist_ok=True)
        for name in ("site.yml", "people.yml"):
            (bare_project / into / "data" / name).write_text("# mine\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in (bare_project / into).rglob("*") if p.is_file()}
    result = run_macros(bare_project, "scaffold", "page.txt", "--into", folder)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == ["Cannot scaffold: " + message.format(folder=folder, why=why)]
    assert {p: p.read_bytes() for p in (bare_project / into).rglob("*") if p.is_file()} == before, "the editor's data untouched"


def test_force_replaces_data_only_with_data_that_passes(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "docs")
    (project / "bad.txt").write_bytes(_seed_with("3. [sic] After", "3. [sic After"))
    before = {p.relative_to(project): p.read_bytes() for p in (project / "data").rglob("*") if p.is_file()}
    assert len(before) > 20
    refused = run_macros(project, "scaffold", "bad.txt", "--force")
    assert refused.returncode == 1 and "nothing was written" in refused.stderr
    assert {p.relative_to(project): p.read_bytes() for p in (project / "data").rglob("*") if p.is_file()} == before
    shutil.copy2(SAVELYEV, project / "page.txt")
    replaced = run_macros(project, "scaffold", "page.txt", "--force")
    assert replaced.returncode == 0, replaced.stderr
    assert sorted(p.name for p in (project / "data").iterdir()) == [
        "document.yml", "marks.yml", "published-ids.yml", "schemas", "site.yml", "sources.yml", "text.yml", "transcription.txt"]
    assert load_edition(project / "data").document.title == "Ciphered Telegram No. 32616 from Savel'yev in Urumchi"


def test_make_scaffold_passes_the_file_name_as_typed(tmp_path):
    """`make scaffold CAPTURE=… INTO=…`: a name with a space, a quote and a dollar sign stays a name."""
    project = tmp_path / "it's $HOME"
    project.mkdir()
    capture = tmp_path / "a page's $(text).txt"
    shutil.copy2(SEED, capture)
    result = subprocess.run(["make", "-s", "scaffold", f"CAPTURE={capture}", f"INTO={project}", f"BIN={Path(sys.executable).parent}",
                             "STAMP="], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert load_edition(project / "data").site.title.startswith("Letter from Cde. Mao Zedong")
    missing = subprocess.run(["make", "-s", "scaffold", f"BIN={Path(sys.executable).parent}", "STAMP="],
                             cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2 and missing.stderr.splitlines()[0] == (
        "make scaffold needs CAPTURE=FILE: the archive's document page saved as text, e.g. make scaffold CAPTURE=page.txt "
        "INTO=../my-edition")


def test_the_function_is_callable_from_python(tmp_path):
    """`scaffold(capture_path, project, force=False)`, as `make bench` calls it: data that loads."""
    written = scaffold(SAVELYEV, tmp_path)
    assert written[:3] == ["data/site.yml", "data/document.yml", "data/text.yml"]
    assert len(load_edition(tmp_path / "data").paragraphs) == 24
    with pytest.raises(DataError, match="already holds"):
        scaffold(SAVELYEV, tmp_path)
    assert scaffold(SEED, tmp_path, force=True) == written
