"""Paper is a product: every print of a lesson and a packet, on A4 and on US Letter, printed to PDF in
Chromium and read page by page (tests/print_layout.py). No table row is split across pages and no
heading, caption or name line is left at a page's foot; the plan prints on one page, the task with
its rubric on one, each chart on one (the sourcing charts share theirs), and the 50-minute lesson's
handout on at most six (the kit's promise to teachers, README).

Run over every site, one case per lesson and per packet of its data and per paper; a site without
lessons or packets has no page for them and no link to one."""

from __future__ import annotations

import pytest

from tests.print_layout import PAPERS, print_layout
from tests.sites import assert_part_absent, site_items

HANDOUT_PAGES = 6  # the 50-minute lesson's handout, as promised to teachers (issue "Teach it tomorrow")


def _open(browser, base: str, path: str):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}{path}", wait_until="load")
    return context, page


def _clean(layout, what: str) -> None:
    assert not layout.split_rows(), f"{what}: table rows split across pages: {layout.split_rows()}"
    assert not layout.stranded_headings(), f"{what}: left at a page foot: {layout.stranded_headings()}"


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("site_name, lesson_id", site_items("lessons.yml", "lessons"))
def test_a_lesson_prints_cleanly_in_every_mode(browser, site, site_data, server, instructor_server, lesson_id, paper):
    if lesson_id is None:
        assert_part_absent(site, "lessons")
        return
    spec = next(x for x in site_data.items("lessons.yml", "lessons") if x["id"] == lesson_id)
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
@pytest.mark.parametrize("site_name, packet_id", site_items("packets.yml", "packets"))
def test_a_packet_prints_cleanly(browser, site, server, instructor_server, packet_id, paper):
    if packet_id is None:
        assert_part_absent(site, "packets")
        return
    context, page = _open(browser, server, f"packets/{packet_id}/")
    _clean(print_layout(page, None, paper), "packet")
    context.close()
    context, page = _open(browser, instructor_server, f"packets/{packet_id}/")
    _clean(print_layout(page, "instructor", paper), "packet, instructor copy")
    context.close()


# A page of the tests' own, with the kit's print mark-up (no site's data): a chart row taller than
# a page, and a heading whose text is pushed to the next page.
CONTROL_PAGE = """<!doctype html><html><head><style>
@page { margin: 1cm; } body { margin: 0; font: 12pt serif; }
tr { break-inside: auto; } td { border: 1px solid; }
</style></head><body><div class="md-content">
<table><tr><td style="height: 40cm">a row taller than a page</td></tr><tr><td>the next row</td></tr></table>
<h2 id="task">Your task</h2><p style="break-before: page">What follows the heading, on the next page.</p>
</div></body></html>"""


@pytest.mark.parametrize("paper", PAPERS)
def test_the_layout_reader_sees_a_split_row_and_a_stranded_heading(browser, paper):
    """The negative control, on a page of its own: the row must be seen split and the heading
    seen at a page's foot. (The same on this edition's lesson page: tests/edition/test_print.py.)"""
    context = browser.new_context()
    page = context.new_page()
    page.set_content(CONTROL_PAGE)
    layout = print_layout(page, None, paper)
    assert layout.split_rows(), "a row taller than a page is split"
    assert any("Your task" in s for s in layout.stranded_headings()), (layout.stranded_headings(), layout.pages)
    # And the same page without the tall row and the break: nothing to report.
    page.set_content(CONTROL_PAGE.replace("height: 40cm", "height: 1cm").replace("break-before: page", "margin: 0"))
    clean = print_layout(page, None, paper)
    assert not clean.split_rows() and not clean.stranded_headings(), (clean.split_rows(), clean.stranded_headings())
    context.close()
