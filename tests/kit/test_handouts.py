"""A lesson's handout prints what its plan's steps use, holds every paragraph its questions, charts
and task rest on, and gives no answer before the reading. Everything here is computed from the data
(the steps, the questions' paragraphs, the chain of transmission, the chronology, the glossary) and
looked for in the built pages: the student edition's handout, the instructor edition's plan.
Run over every site, one case per lesson; a site without lessons has no lesson page and no link
to one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.sites import assert_part_absent, site_items

LESSONS = site_items("lessons.yml", "lessons")


def lesson(site_data, lesson_id: str) -> dict:
    return next(x for x in site_data.items("lessons.yml", "lessons") if x["id"] == lesson_id)


def packet_of(site_data, spec: dict) -> dict:
    return next(p for p in site_data.items("packets.yml", "packets") if p["id"] == spec["packet"])


def page(site: Path, lesson_id: str) -> BeautifulSoup:
    return BeautifulSoup((site / "lessons" / lesson_id / "index.html").read_text(encoding="utf-8"), "html.parser")


def printed_paragraphs(site_data, packet: dict) -> set[str]:
    """The paragraphs a packet's passages name (paragraph, section or layer ids), from text.yml."""
    wanted, found = set(packet["passages"]), set()
    for layer in site_data.data("text.yml")["layers"]:
        for section in layer["sections"]:
            for p in section["paragraphs"]:
                if {p["id"], section["id"], layer["id"]} & wanted:
                    found.add(p["id"])
    return found


def plain(text: str) -> str:
    """Prose as a reader sees it: references as their words, no emphasis marks, one space."""
    text = re.sub(r"\[\[[^|\]]*\|([^\]]*)\]\]", r"\1", text)
    return " ".join(text.replace("*", "").split())


@pytest.mark.parametrize("site_name, lesson_id", LESSONS)
def test_the_handout_prints_what_the_steps_use_and_nothing_else(site, site_data, lesson_id):
    if lesson_id is None:
        assert_part_absent(site, "lessons")
        return
    spec, soup = lesson(site_data, lesson_id), page(site, lesson_id)
    steps = spec["procedure"]
    agenda = [li.get_text(" ", strip=True) for li in soup.select("ol.cbl-agenda > li")]
    assert len(agenda) == len(steps)
    for shown, step in zip(agenda, steps):
        assert shown.startswith(f"{step['minutes']} min {step['name']}.")
    # The charts: exactly those the steps name.
    named = {c for step in steps for c in step.get("charts", [])}
    shown_charts = {s["id"].removeprefix("organizer-") for s in soup.select("section.cbl-organizer")}
    assert shown_charts == named
    # The questions: exactly those the steps ask, in the order they are first asked.
    asked = list(dict.fromkeys(q for step in steps for q in step.get("questions", [])))
    texts = {q["id"]: plain(q["text"]) for q in site_data.items("questions.yml", "questions")}
    shown_questions = [" ".join(li.p.get_text(" ").split()) for li in soup.select("ol.cbl-handout-questions > li")]
    assert len(shown_questions) == len(asked)
    for shown, question in zip(shown_questions, asked):
        assert shown.startswith(texts[question][:60])
    # The background and the documents only where a step reads them.
    reads = {r for step in steps for r in step.get("reads", [])}
    assert bool(soup.select(".cbl-background")) == bool(reads & {"background", "plain-background"})
    assert bool(soup.select(".cbl-background--plain")) == ("plain-background" in reads)
    documents = packet_of(site_data, spec).get("documents", [])
    for letter, document in zip("bcd", documents):
        assert bool(soup.select(f"#document-{letter}")) == (f"document-{letter}" in reads or f"sourcing-document-{letter}" in named)
    assert soup.select_one(".cbl-assessment__task") and len(soup.select(".cbl-rubric thead th")) == len(spec["assessment"]["rubric"])


@pytest.mark.parametrize("site_name, lesson_id", LESSONS)
def test_every_paragraph_the_handout_asks_about_is_on_it(site, site_data, lesson_id):
    """The questions', the task's and the sourcing chart's paragraphs (the chain of transmission)
    are all printed; the negative control is the broken-input table (tests/kit/test_validation.py), where the
    build refuses a question on a paragraph the handout does not print."""
    if lesson_id is None:
        assert_part_absent(site, "lessons")
        return
    spec, soup = lesson(site_data, lesson_id), page(site, lesson_id)
    on_page = {div["id"] for div in soup.select(".cbl-packet__text .cbl-para")}
    assert on_page == printed_paragraphs(site_data, packet_of(site_data, spec))
    rests_on = {q["id"]: q["paragraphs"] for q in site_data.items("questions.yml", "questions")}
    needed = set(spec["assessment"]["paragraphs"])
    for step in spec["procedure"]:
        for question in step.get("questions", []):
            needed |= set(rests_on[question])
        if "sourcing" in step.get("charts", []):
            needed |= {p for link in site_data.data("document.yml").get("chain") or [] for p in link.get("paragraphs", [])}
    assert needed and needed <= on_page, sorted(needed - on_page)
    for p in needed:  # word for word, as in the text
        shown = soup.select_one(f"#{p} .cbl-para__text")
        for br in shown.find_all("br"):
            br.replace_with("\n")
        assert shown.get_text() == site_data.paragraphs()[p]


@pytest.mark.parametrize("site_name, lesson_id", LESSONS)
def test_no_answer_is_given_before_the_reading(site, instructor_site, site_data, lesson_id):
    """What students should conclude is on the plan (instructor edition), not on the handout."""
    if lesson_id is None:
        assert_part_absent(site, "lessons")
        return
    spec = lesson(site_data, lesson_id)
    student = " ".join(page(site, lesson_id).get_text(" ").split())
    plan = " ".join(page(instructor_site, lesson_id).select_one(".cbl-plan").get_text(" ").split())
    assert spec["objectives"]
    for objective in spec["objectives"]:
        words = plain(objective)[:70]
        assert words not in student
        assert words in plan
    for answer in spec["assessment"]["model_answers"]:
        assert plain(answer["text"])[:70] not in student


@pytest.mark.parametrize("site_name, lesson_id", LESSONS)
def test_a_strong_model_answer_is_as_long_as_its_task_asks(site, site_data, lesson_id):
    if lesson_id is None:
        assert_part_absent(site, "lessons")
        return
    spec = lesson(site_data, lesson_id)
    task = spec["assessment"]["task"]
    ranged = re.search(r"(\d+) to (\d+) words", task)
    about = re.search(r"about (\d+) words", task)
    assert ranged or about, task
    low, high = (int(ranged[1]), int(ranged[2])) if ranged else (int(int(about[1]) * 0.8), int(int(about[1]) * 1.25))
    strong = [a for a in spec["assessment"]["model_answers"] if a["quality"] == "strong"]
    assert strong
    for answer in strong:
        assert low <= len(plain(answer["text"]).split()) <= high


@pytest.mark.parametrize("site_name, lesson_id", LESSONS)
def test_the_dates_strip_holds_the_days_of_the_passages_and_documents(site, site_data, lesson_id):
    """The days of the chronology's events on the printed paragraphs, and of the documents read;
    a site without a chronology or documents has no days to show, and shows none."""
    if lesson_id is None:
        assert_part_absent(site, "lessons")
        return
    spec, soup = lesson(site_data, lesson_id), page(site, lesson_id)
    printed = printed_paragraphs(site_data, packet_of(site_data, spec))
    days = {e["date"] for e in site_data.items("chronology.yml", "events") if printed & set(e.get("paragraphs", []))}
    reads = {r for step in spec["procedure"] for r in step.get("reads", [])}
    related = {d["id"]: d for d in site_data.items("related.yml", "documents")}
    days |= {related[d]["date"] for letter, d in zip("bcd", packet_of(site_data, spec).get("documents", [])) if f"document-{letter}" in reads}
    months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    expected = [f"{int(d[8:])} {months[int(d[5:7]) - 1]}" for d in sorted(days)]
    shown = [li.select_one(".cbl-dates__day").get_text() for li in soup.select(".cbl-dates li")]
    assert shown == expected  # none without a chronology or a document read (this edition's: tests/edition)


@pytest.mark.parametrize("site_name, lesson_id", LESSONS)
def test_the_word_bank_defines_the_hard_words_of_the_passages(site, site_data, lesson_id):
    if lesson_id is None:
        assert_part_absent(site, "lessons")
        return
    spec, soup = lesson(site_data, lesson_id), page(site, lesson_id)
    text = " ".join(site_data.paragraphs()[p] for p in printed_paragraphs(site_data, packet_of(site_data, spec)))
    expected = {}
    for kind in site_data.kinds():
        for entry in site_data.items(f"{kind['id']}.yml", "entries"):
            if entry.get("word_bank") and any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text) for f in entry.get("forms", [])):
                expected[entry["name"]] = entry["word_bank"]
    shown = {div.dt.get_text(" ", strip=True): div.dd.get_text(" ", strip=True) for div in soup.select(".cbl-word-bank dl > div")}
    assert shown == expected  # none when no entry with a word_bank is printed (this edition's: tests/edition)


def test_standards_are_on_the_plan_only(site, instructor_site, site_data):
    lessons = site_data.items("lessons.yml", "lessons") if site_data.items("packets.yml", "packets") else []
    if not lessons:
        assert_part_absent(site, "lessons")
        assert_part_absent(instructor_site, "lessons")
        return
    standards = {s["id"]: s for f in site_data.items("standards.yml", "frameworks") for s in f["standards"]}
    with_standards = [spec for spec in lessons if spec.get("standards")]
    for spec in lessons:
        if not spec.get("standards"):  # no standard named: none printed on the plan
            assert not page(instructor_site, spec["id"]).select(".cbl-plan__standards"), spec["id"]
    for spec in with_standards:
        plan = page(instructor_site, spec["id"]).select_one(".cbl-plan").get_text(" ")
        student = page(site, spec["id"]).get_text(" ")
        for standard_id in spec["standards"]:
            standard = standards[standard_id]
            assert standard["code"] in plan and " ".join(standard["text"].split()) in " ".join(plan.split())
            assert standard["text"] not in student
