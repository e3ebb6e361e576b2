"""The teaching pages as students and instructors meet them: the categories with their evidence
and their silences, the tagged questions, instructor notes only in the instructor edition, packets
generated from data and printed as handouts.

Run over every site, with what each page must show taken from its data; a site without categories
or questions has no page for them and no link to one. (This edition's categories, counts and its
own packet: tests/edition/test_teaching.py.)"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from tests.conftest import assert_clean_build, mkdocs_build
from tests.sites import assert_part_absent


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def _column(table, header_id: str) -> list:
    headers = [th.get("id") for th in table.select("thead th, thead td")]
    index = headers.index(header_id)
    return [row.find_all(["th", "td"])[index] for row in table.select("tbody tr")]


def matrix_cells(site: Path, categories: dict) -> dict[str, dict[str, object]]:
    """Each category's cells on the categories page, by the row's label."""
    table = soup(site, "categories").select_one("table.cbl-matrix")
    labels = [row.th.get_text(strip=True) for row in table.select("tbody tr")]
    return {c["id"]: dict(zip(labels, _column(table, f"category-{c['id']}"))) for c in categories["categories"]}


def test_each_category_shows_its_quotations_linked_to_their_paragraphs(site, site_data):
    categories = site_data.data("categories.yml")
    if categories is None:
        assert_part_absent(site, "categories")
        return
    assert categories["categories"] and categories["rows"]
    paragraphs = site_data.paragraphs()
    cells = matrix_cells(site, categories)
    for category in categories["categories"]:
        shown_quotes = 0
        for row in categories["rows"]:
            if row.get("shows", "quotes") != "quotes":
                continue
            cell = cells[category["id"]][row["label"]]
            quoted = category["quotes"].get(row["id"], [])
            shown = cell.find_all("q")
            assert [q.get_text() for q in shown] == [" ".join(q["quote"].split()) for q in quoted], (category["id"], row["id"])
            # Every quotation shown is in the paragraph its link points to.
            for q in shown:
                pid = q.find_next_sibling("span").a["href"].rsplit("#", 1)[1]
                assert q.get_text() in " ".join(paragraphs[pid].split()), (category["id"], q.get_text())
            shown_quotes += len(shown)
        assert shown_quotes, f"{category['id']}: a category quotes the text"


def test_no_quotation_is_shown_where_the_text_states_none(site, site_data):
    """A row without a quotation for a category says so, in the row's own words for it."""
    categories = site_data.data("categories.yml")
    if categories is None:
        assert_part_absent(site, "categories")
        return
    cells = matrix_cells(site, categories)
    for category in categories["categories"]:
        for row in categories["rows"]:
            if row.get("shows", "quotes") != "quotes" or category["quotes"].get(row["id"]):
                continue
            cell = cells[category["id"]][row["label"]]
            assert not cell.find_all("q") and (row.get("empty") or "Nothing.") in cell.get_text(), (category["id"], row["id"])


def test_questions_are_tagged_and_grouped_by_skill(site, site_data):
    questions = site_data.items("questions.yml", "questions")
    if not questions:
        assert_part_absent(site, "questions")
        return
    page = soup(site, "questions")
    for skill in {q["skill"] for q in questions}:
        heading = page.find(id=f"skill-{skill}")
        listed = heading.find_next("ol").select("li.cbl-question")
        assert len(listed) == sum(q["skill"] == skill for q in questions), skill
    for q in questions:
        item = page.find(id=f"q-{q['id']}")
        meta = item.select_one(".cbl-question__meta").get_text()
        assert q["level"].capitalize() in meta
        for pid in q["paragraphs"]:
            assert item.select_one(f'a[href$="text/#{pid}"]'), (q["id"], pid)


def test_each_section_of_the_text_links_to_its_questions(site, site_data):
    """A section has a link to its questions where a question rests on one of its paragraphs,
    saying how many; the questions page lists them there."""
    questions = site_data.items("questions.yml", "questions")
    text = soup(site, "text")
    links = text.select(".cbl-section-questions a")
    if not questions:
        assert not links
        assert_part_absent(site, "questions")
        return
    expected = {}
    for layer in site_data.data("text.yml")["layers"]:
        for section in layer["sections"]:
            ids = {p["id"] for p in section["paragraphs"]}
            count = sum(bool(ids & set(q["paragraphs"])) for q in questions)
            if count:
                expected[f"on-{section['id']}"] = count
    assert expected, "a question rests on a paragraph of the text"
    questions_page = soup(site, "questions")
    shown = {}
    for link in links:
        anchor = link["href"].rsplit("#", 1)[1]
        shown[anchor] = int(re.match(r"\d+", link.get_text()).group())
        row = questions_page.find(id=anchor)
        listed = [a for a in row.find_all("a") if a["href"].startswith("#q-")]
        assert len(listed) == shown[anchor]
        for a in listed:
            assert questions_page.find(id=a["href"][1:]) is not None
    assert shown == expected


def _instructor_only(site_data) -> list[str]:
    """Every text meant for instructors only: the questions' notes, and each lesson's plan (the
    instructor's steps, the objectives, differentiation), notes and model answers; what students do in
    each step is on their handout ("What you will do"). (The rubric
    is for students: they are told how their answer will be judged.)"""
    texts = [q.get("instructor_notes") or "" for q in site_data.items("questions.yml", "questions")]
    for lesson in site_data.items("lessons.yml", "lessons"):
        texts += [step["teacher"] for step in lesson["procedure"]]  # what students do is on their handout
        texts += lesson.get("objectives", [])
        texts += lesson.get("differentiation", [])
        texts += [lesson.get("instructor_notes") or ""]
        texts += [a[part] for a in lesson["assessment"]["model_answers"] for part in ("text", "why")]
    return [t for t in texts if t]


def note_snippets(site_data) -> list[str]:
    """From each text for instructors only, six plain words in a row found in no text meant for
    students (not quoted from the cable, a source or the question), so finding them on a page
    means the note leaked."""
    only = _instructor_only(site_data)
    everything = " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in site_data.data_dir.glob("*.yml"))
    snippets = []
    for text in only:
        words = text.split()
        # Elsewhere: all the data with this one text taken out (a phrase repeated in a student
        # field is not a leak).
        elsewhere = everything.replace(" ".join(words), "", 1) if words else everything
        for i in range(len(words) - 5):
            window = " ".join(words[i : i + 6])
            if re.fullmatch(r"[A-Za-z ,]+", window) and window not in elsewhere:
                snippets.append(window)
                break
    return snippets


def test_student_edition_has_no_instructor_note_anywhere(site, site_data):
    snippets = note_snippets(site_data)
    # A site with texts for instructors has words of them to look for.
    assert snippets or not _instructor_only(site_data)
    everything = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    everything.append((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for text in everything:
        assert "cbl-instructor-note" not in text and "For instructors: model answers" not in text
    plain = " ".join(BeautifulSoup(t, "html.parser").get_text(" ") if t.lstrip().startswith("<") else t for t in everything)
    for snippet in snippets:
        assert snippet not in plain, snippet


def test_instructor_edition_has_every_note(instructor_site, site_data):
    questions = site_data.items("questions.yml", "questions")
    if not questions:
        assert_part_absent(instructor_site, "questions")
        return
    page = soup(instructor_site, "questions")
    noted = [q for q in questions if q.get("instructor_notes")]
    for q in questions:
        note = page.find(id=f"q-{q['id']}").select_one(".cbl-instructor-note")
        assert (note is not None) == bool(q.get("instructor_notes")), q["id"]
    index = json.loads((instructor_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any("For instructors" in d["text"] for d in index["docs"]) == bool(noted)


def a_packet_to_add(site_data) -> tuple[dict, list[str], dict | None]:
    """A packet of the site's first question, given as the sections its paragraphs are in: the
    packet, the paragraphs it must print (those sections' paragraphs, in reading order), and a
    glossary entry those paragraphs mention (or None)."""
    question = site_data.items("questions.yml", "questions")[0]
    sections = [s for layer in site_data.data("text.yml")["layers"] for s in layer["sections"]
                if {p["id"] for p in s["paragraphs"]} & set(question["paragraphs"])]
    printed = [p["id"] for s in sections for p in s["paragraphs"]]
    packet = {
        "id": "test-packet-added",
        "title": "A packet added to the data",
        "brief": "Read the passages and answer the question.",
        "head_note": "A packet the tests add, to see it become a page.",
        "passages": [s["id"] for s in sections],
        "questions": [question["id"]],
    }
    paragraphs = site_data.paragraphs()
    text = " ".join(paragraphs[p] for p in printed)
    mentioned = next((e for e in site_data.entries().values()
                      if any(re.search(rf"(?<![\w’']){re.escape(f)}(?![\w’'])", text) for f in e.get("forms", []))), None)
    return packet, printed, mentioned


def add_a_packet(project: Path, packet: dict) -> None:
    path = project / "data" / "packets.yml"
    packets = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {"packets": []}
    packets["packets"].append(packet)
    path.write_text(yaml.safe_dump(packets, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_a_packet_added_to_the_data_becomes_a_page(tmp_path, site, site_data):
    if not site_data.items("questions.yml", "questions"):
        # A packet asks questions: without any, there is no packet to add, and no packets page.
        assert_part_absent(site, "packets")
        return
    packet, printed, mentioned = a_packet_to_add(site_data)
    project = site_data.assemble(tmp_path / "project")
    add_a_packet(project, packet)
    assert_clean_build(mkdocs_build(project, tmp_path / "site"))
    page = soup(tmp_path / "site", f"packets/{packet['id']}")
    assert page.h1.get_text(strip=True).startswith(packet["title"])
    assert page.select_one(".cbl-head-note").get_text(" ", strip=True).startswith(packet["head_note"])
    shown = [d["id"] for d in page.select(".cbl-packet__text .cbl-para")]
    assert shown == printed
    assert len(page.select("ol.cbl-handout-questions > li")) == 1
    if mentioned:
        assert page.select_one(f'a.cbl-term[href$="#{mentioned["id"]}"]'), "mentions link to the glossary"
    listing = soup(tmp_path / "site", "packets")
    assert listing.select_one(f'.cbl-packets a[href$="{packet["id"]}/"]')
    assert listing.select_one(f'nav a[href$="{packet["id"]}/"]'), "the packet is in the navigation"


def _cited_on(site: Path, skip: set[str]) -> set[str]:
    """The source anchors that the pages of `site` (but those in `skip`) link to."""
    cited = set()
    for html in site.rglob("*.html"):
        if html.relative_to(site).parent.as_posix() in skip:
            continue
        for a in BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select('a[href*="#src-"]'):
            if "sources/" in a["href"] or html.parent.name == "sources":
                cited.add(a["href"].rsplit("#", 1)[1])
    return cited


def test_the_sources_page_lists_exactly_the_sources_the_student_site_cites(site):
    listed = {li["id"] for li in soup(site, "sources").select("ul.cbl-sources > li")}
    assert listed, "the site cites a source"
    assert listed == _cited_on(site, skip={"sources-checked"})


def test_a_source_cited_only_for_instructors_is_not_on_the_student_sources_page(tmp_path, site_data):
    """A source cited only in a question's note for instructors, another only in a lesson plan
    (where the site has lessons): the student edition's Sources page leaves them out; the
    instructor edition's lists them."""
    from macros.render.source import render_sources
    from macros.templating.environment import Renderer
    from macros.views.load import load_edition

    data_dir = site_data.assemble(tmp_path / "project") / "data"
    (data_dir / "published-ids.yml").unlink(missing_ok=True)

    def listed(instructor: bool) -> set[str]:
        html = render_sources(Renderer(load_edition(data_dir), instructor, ""), "sources/")
        return {li["id"] for li in BeautifulSoup(html, "html.parser").select("li")}

    if not site_data.items("questions.yml", "questions"):
        # No question to note (and so no packet or lesson): nothing is cited for instructors only.
        assert listed(False) and listed(False) == listed(True)
        return
    sources = yaml.safe_load((data_dir / "sources.yml").read_text(encoding="utf-8"))
    added = ["only-in-a-note"] + (["only-in-a-plan"] if site_data.items("lessons.yml", "lessons") else [])
    for new in added:
        sources["sources"].append({"id": new, "short": new, "title": f"Title {new}", "publisher": "P", "note": "For a test."})
    (data_dir / "sources.yml").write_text(yaml.safe_dump(sources, allow_unicode=True, sort_keys=False), encoding="utf-8")
    questions = yaml.safe_load((data_dir / "questions.yml").read_text(encoding="utf-8"))
    assert questions["questions"], "a question to note"
    questions["questions"][0]["instructor_notes"] = "See [[only-in-a-note]]."
    (data_dir / "questions.yml").write_text(yaml.safe_dump(questions, allow_unicode=True, sort_keys=False), encoding="utf-8")
    if "only-in-a-plan" in added:
        lessons = yaml.safe_load((data_dir / "lessons.yml").read_text(encoding="utf-8"))
        lessons["lessons"][0]["procedure"][0]["teacher"] += " Read [[only-in-a-plan]]."
        (data_dir / "lessons.yml").write_text(yaml.safe_dump(lessons, allow_unicode=True, sort_keys=False), encoding="utf-8")
    student, instructor = listed(False), listed(True)
    wanted = {f"src-{new}" for new in added}
    assert wanted <= instructor
    assert not wanted & student
    assert student and student < instructor  # negative control: the rest stay listed
