"""This edition's lessons and packets to print, and the layout reader's negative control on its
50-minute lesson (the prints of every site: tests/kit/test_print.py)."""

from __future__ import annotations

from tests.data_files import data
from tests.print_layout import print_layout

LESSONS = data("lessons.yml")["lessons"]


def test_there_are_lessons_and_packets_to_print():
    assert len(LESSONS) >= 2 and any(x["minutes"] == 50 for x in LESSONS) and data("packets.yml")["packets"]


def test_the_layout_reader_sees_a_split_row_and_a_stranded_heading_on_a_lesson(browser, server):
    """A chart row made taller than a page must split, and the task's heading forced to the foot of
    a page must be seen there."""
    lesson_id = next(x["id"] for x in LESSONS if x["minutes"] == 50)
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{server}lessons/{lesson_id}/", wait_until="load")
    page.add_style_tag(content="@media print { .cbl-chart--corroboration tbody tr:first-child td { height: 40cm !important; }"
                               " .md-typeset .cbl-chart tr { break-inside: auto !important; }"
                               " h2#task { break-before: auto !important; } .cbl-assessment { break-before: page !important; } }")
    layout = print_layout(page, None, "A4")
    assert layout.split_rows(), "a row taller than a page is split"
    assert any("Your task" in s for s in layout.stranded_headings()), layout.stranded_headings()
    context.close()
