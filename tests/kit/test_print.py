"""Paper is a product: every print of a lesson and a packet, on A4 and on US Letter, printed to PDF in
Chromium and read page by page (tests/print_layout.py). No table row is split across pages and no
heading, caption or name line is left at a page's foot; the plan prints on one page, the task with
its rubric on one, each chart on one (the sourcing charts share theirs), and the 50-minute lesson's
handout on at most six."""

from __future__ import annotations

import pytest

from tests.data_files import data
from tests.print_layout import PAPERS, print_layout

LESSONS = data("lessons.yml")["lessons"]
PACKETS = [p["id"] for p in data("packets.yml")["packets"]]
HANDOUT_PAGES = 6  # the 50-minute lesson's handout, as promised to teachers (issue "Teach it tomorrow")


def _open(browser, base: str, path: str):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}{path}", wait_until="load")
    return context, page


def _clean(layout, what: str) -> None:
    assert not layout.split_rows(), f"{what}: table rows split across pages: {layout.split_rows()}"
    assert not layout.stranded_headings(), f"{what}: left at a page foot: {layout.stranded_headings()}"


def test_there_are_lessons_and_packets_to_print():
    assert len(LESSONS) >= 2 and any(x["minutes"] == 50 for x in LESSONS) and PACKETS


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("lesson_id", [x["id"] for x in LESSONS])
def test_a_lesson_prints_cleanly_in_every_mode(browser, server, instructor_server, lesson_id, paper):
    spec = next(x for x in LESSONS if x["id"] == lesson_id)
    # What a teacher or a student prints from the published site with Ctrl+P: the student handout.
    context, page = _open(browser, server, f"lessons/{lesson_id}/")
    charts = page.locator("section.cbl-organizer h3").all_text_contents()
    assert charts
    handout = print_layout(page, None, paper)
    _clean(handout, "handout")
    assert handout.words(1).startswith(spec["title"][:40])
    assert "Your task" in handout.words(len(handout.pages)) or "Your task" in handout.words(len(handout.pages) - 1)
    if spec["minutes"] == 50:
        assert len(handout.pages) <= HANDOUT_PAGES, f"the handout prints on {len(handout.pages)} pages"
    if spec.get("adaptation"):
        support = print_layout(page, "support", paper)
        _clean(support, "support sheet")
        assert "In plainer words" in support.words(1) and "Your task" not in " ".join(support.pages)
    context.close()

    context, page = _open(browser, instructor_server, f"lessons/{lesson_id}/")
    plan = print_layout(page, "plan", paper)
    _clean(plan, "plan")
    assert len(plan.pages) == 1, f"the plan prints on {len(plan.pages)} pages"
    assert spec["procedure"][-1]["name"] in plan.words(1)

    task = print_layout(page, "assessment", paper)
    _clean(task, "task")
    assert len(task.pages) == 1 and "How the answer is judged" in task.words(1)

    worksheet = print_layout(page, "worksheet", paper)
    _clean(worksheet, "charts")
    on = {title: [n for n in range(1, len(worksheet.pages) + 1) if title in worksheet.words(n)] for title in charts}
    assert all(len(pages) == 1 for pages in on.values()), on  # each chart on one page
    sourcing = {on[t][0] for t in charts if t.startswith("Sourcing chart")}
    others = [t for t in charts if not t.startswith("Sourcing chart")]
    assert len(sourcing) <= 1, "the sourcing charts share a page"
    assert len(worksheet.pages) == len(sourcing) + len(others)

    everything = print_layout(page, "instructor", paper)
    _clean(everything, "instructor copy")
    assert "model answers" in " ".join(everything.pages)
    context.close()


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("packet_id", PACKETS)
def test_a_packet_prints_cleanly(browser, server, instructor_server, packet_id, paper):
    context, page = _open(browser, server, f"packets/{packet_id}/")
    _clean(print_layout(page, None, paper), "packet")
    context.close()
    context, page = _open(browser, instructor_server, f"packets/{packet_id}/")
    _clean(print_layout(page, "instructor", paper), "packet, instructor copy")
    context.close()


def test_the_layout_reader_sees_a_split_row_and_a_stranded_heading(browser, server):
    """The negative control: a chart row made taller than a page must split, and a heading forced to
    the foot of a page must be seen there."""
    lesson_id = next(x["id"] for x in LESSONS if x["minutes"] == 50)
    context, page = _open(browser, server, f"lessons/{lesson_id}/")
    page.add_style_tag(content="@media print { .cbl-chart--corroboration tbody tr:first-child td { height: 40cm !important; }"
                               " .md-typeset .cbl-chart tr { break-inside: auto !important; }"
                               " h2#task { break-before: auto !important; } .cbl-assessment { break-before: page !important; } }")
    layout = print_layout(page, None, "A4")
    assert layout.split_rows(), "a row taller than a page is split"
    assert any("Your task" in s for s in layout.stranded_headings()), layout.stranded_headings()
    context.close()
