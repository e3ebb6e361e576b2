"""The teaching pages as students and instructors meet them: the three categories with their
evidence and their silences, the tagged questions, instructor notes only in the instructor
edition, packets generated from data and printed as handouts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from tests.conftest import ROOT, assert_clean_build, copy_project, mkdocs_build
from tests.data_files import data, paragraphs


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def _column(table, header_id: str) -> list:
    headers = [th.get("id") for th in table.select("thead th, thead td")]
    index = headers.index(header_id)
    return [row.find_all(["th", "td"])[index] for row in table.select("tbody tr")]


def test_three_categories_with_quoted_evidence(site):
    table = soup(site, "categories").select_one("table.cbl-matrix")
    categories = data("categories.yml")["categories"]
    assert len(categories) == 3
    aspects = [row.th.get_text(strip=True) for row in table.select("tbody tr")]
    for category in categories:
        cells = dict(zip(aspects, _column(table, f"category-{category['id']}")))
        # Every quotation shown is in the paragraph its link points to.
        quotes = 0
        for cell in cells.values():
            for q in cell.find_all("q"):
                link = q.find_next_sibling("span").a
                pid = link["href"].rsplit("#", 1)[1]
                assert q.get_text() in paragraphs()[pid], (category["id"], q.get_text())
                quotes += 1
        assert quotes >= 2
        assert category["quotes"]["conduct"][0]["quote"] in cells["What the units did"].get_text()


def test_no_policy_is_shown_without_a_quotation_that_states_it(site):
    table = soup(site, "categories").select_one("table.cbl-matrix")
    aspects = [row.th.get_text(strip=True) for row in table.select("tbody tr")]
    silent = 0
    for category in data("categories.yml")["categories"]:
        cell = dict(zip(aspects, _column(table, f"category-{category['id']}")))["Stated policy"]
        policy = category["quotes"].get("policy", [])
        if policy:
            assert [q.get_text() for q in cell.find_all("q")] == [p["quote"] for p in policy]
        else:
            assert not cell.find_all("q") and "No policy is stated" in cell.get_text()
            silent += 1
    assert silent == 1, "the report states a policy for the first two categories only"


def test_at_least_24_questions_tagged_and_grouped_by_skill(site):
    questions = data("questions.yml")["questions"]
    assert len(questions) >= 24
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


def test_each_section_of_the_text_links_to_its_questions(site):
    text = soup(site, "text")
    questions_page = soup(site, "questions")
    links = text.select(".cbl-section-questions a")
    assert len(links) >= 8
    for link in links:
        anchor = link["href"].rsplit("#", 1)[1]
        row = questions_page.find(id=anchor)
        count = int(re.match(r"\d+", link.get_text()).group())
        listed = [a for a in row.find_all("a") if a["href"].startswith("#q-")]
        assert len(listed) == count
        for a in listed:
            assert questions_page.find(id=a["href"][1:]) is not None


def _instructor_only() -> list[str]:
    """Every text meant for instructors only: the questions' notes, and each lesson's plan (the
    instructor's steps, the objectives, differentiation), notes and model answers; what students do in
    each step is on their handout ("What you will do"). (The rubric
    is for students: they are told how their answer will be judged.)"""
    texts = [q.get("instructor_notes") or "" for q in data("questions.yml")["questions"]]
    for lesson in data("lessons.yml")["lessons"]:
        texts += [step["teacher"] for step in lesson["procedure"]]  # what students do is on their handout
        texts += lesson.get("objectives", [])
        texts += lesson.get("differentiation", [])
        texts += [lesson.get("instructor_notes") or ""]
        texts += [a[part] for a in lesson["assessment"]["model_answers"] for part in ("text", "why")]
    return texts


def _note_snippets() -> list[str]:
    """From each text for instructors only, six plain words in a row found in no text meant for
    students (not quoted from the cable, a source or the question), so finding them on a page
    means the note leaked."""
    only = _instructor_only()
    everything = " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in (ROOT / "data").glob("*.yml"))
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


def test_student_edition_has_no_instructor_note_anywhere(site):
    snippets = _note_snippets()
    assert len(snippets) >= 40
    everything = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    everything.append((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for text in everything:
        assert "cbl-instructor-note" not in text and "For instructors: model answers" not in text
    plain = " ".join(BeautifulSoup(t, "html.parser").get_text(" ") if t.lstrip().startswith("<") else t for t in everything)
    for snippet in snippets:
        assert snippet not in plain, snippet


def test_instructor_edition_has_every_note(instructor_site):
    page = soup(instructor_site, "questions")
    noted = [q for q in data("questions.yml")["questions"] if q.get("instructor_notes")]
    assert len(noted) >= 20
    for q in noted:
        note = page.find(id=f"q-{q['id']}").select_one(".cbl-instructor-note")
        assert note is not None, q["id"]
    index = json.loads((instructor_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any("For instructors" in d["text"] for d in index["docs"])


def test_a_packet_added_to_the_data_becomes_a_page(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "data" / "packets.yml"
    packets = yaml.safe_load(path.read_text(encoding="utf-8"))
    packets["packets"].append({
        "id": "test-packet-discipline",
        "title": "Discipline in section 5",
        "brief": "Read section 5 and the signatures.",
        "head_note": "The report ends with orders on discipline and with the names of its two signers.",
        "passages": ["report-section-5", "signature-guo-peng"],
        "questions": ["close-discipline"],
    })
    path.write_text(yaml.safe_dump(packets, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert_clean_build(mkdocs_build(project, tmp_path / "site"))
    page = soup(tmp_path / "site", "packets/test-packet-discipline")
    assert page.h1.get_text(strip=True).startswith("Discipline in section 5")
    assert page.select_one(".cbl-head-note").get_text(" ", strip=True).startswith("The report ends with orders")
    shown = [d["id"] for d in page.select(".cbl-packet__text .cbl-para")]
    assert shown == ["s5-discipline", "s5-quartermaster", "signature-guo-peng"]
    assert len(page.select("ol.cbl-handout-questions > li")) == 1
    assert page.select_one('a.cbl-term[href$="#liang"]'), "mentions link to the glossary"
    listing = soup(tmp_path / "site", "packets")
    assert listing.select_one('.cbl-packets a[href$="test-packet-discipline/"]')
    assert listing.select_one('nav a[href$="test-packet-discipline/"]'), "the packet is in the navigation"


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
    assert len(listed) >= 100
    assert listed == _cited_on(site, skip={"sources-checked"})


def test_a_source_cited_only_for_instructors_is_not_on_the_student_sources_page(tmp_path):
    """A source cited only in a question's note for instructors, another only in a lesson plan:
    the student edition's Sources page leaves both out; the instructor edition's lists both."""
    from macros.render.source import render_sources
    from macros.templating.environment import Renderer
    from macros.views.load import load_edition

    data_dir = copy_project(tmp_path / "project") / "data"
    sources = yaml.safe_load((data_dir / "sources.yml").read_text(encoding="utf-8"))
    for new in ("only-in-a-note", "only-in-a-plan"):
        sources["sources"].append({"id": new, "short": new, "title": f"Title {new}", "publisher": "P", "note": "For a test."})
    (data_dir / "sources.yml").write_text(yaml.safe_dump(sources, allow_unicode=True, sort_keys=False), encoding="utf-8")
    questions = yaml.safe_load((data_dir / "questions.yml").read_text(encoding="utf-8"))
    questions["questions"][0]["instructor_notes"] = "See [[only-in-a-note]]."
    (data_dir / "questions.yml").write_text(yaml.safe_dump(questions, allow_unicode=True, sort_keys=False), encoding="utf-8")
    lessons = yaml.safe_load((data_dir / "lessons.yml").read_text(encoding="utf-8"))
    lessons["lessons"][0]["procedure"][0]["teacher"] += " Read [[only-in-a-plan]]."
    (data_dir / "lessons.yml").write_text(yaml.safe_dump(lessons, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (data_dir / "published-ids.yml").unlink()
    edition = load_edition(data_dir)

    def listed(instructor: bool) -> set[str]:
        html = render_sources(Renderer(edition, instructor, ""), "sources/")
        return {li["id"] for li in BeautifulSoup(html, "html.parser").select("li")}

    student, instructor = listed(False), listed(True)
    assert {"src-only-in-a-note", "src-only-in-a-plan"} <= instructor
    assert not {"src-only-in-a-note", "src-only-in-a-plan"} & student
    assert len(student) >= 100 and student < instructor  # negative control: the rest stay listed
