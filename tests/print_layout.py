"""Print a page to PDF in Chromium and read where things fall, page by page.

Before printing, `mark` puts tiny invisible markers into the page: one at the start and one at
the bottom of every table row, and one at each heading and at the start of what follows it. The
PDF's text (pypdf, page by page) then says whether a row was split across pages (its two markers
on different pages) or a heading was left at a page foot (the heading's marker on one page, the
next content's on the next). Chromium lays out the page; the test only reads the result.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pypdf import PdfReader

__all__ = ["Layout", "PAPERS", "print_layout"]

PAPERS = ("A4", "Letter")

_MARK = """
(selectors) => {
  const style = 'font-size:2px;line-height:2px;color:transparent;';
  const marker = (text, bottom) => {
    const m = document.createElement('span');
    m.className = 'cbl-test-marker';
    m.textContent = ' ' + text + ' ';
    // Out of the flow, so that it moves nothing: at its place in the text, or at the cell's foot.
    m.style.cssText = style + 'position:absolute;white-space:nowrap;' + (bottom ? 'left:0;bottom:0;' : '');
    return m;
  };
  let rows = 0, heads = 0; const texts = [];
  document.querySelectorAll(selectors.rows).forEach((tr) => {
    if (!tr.offsetParent) return;
    const i = rows++;
    const first = tr.cells[0], last = tr.cells[tr.cells.length - 1];
    first.prepend(marker(`ROWSTART${i}X`, false));
    last.style.position = 'relative';
    last.append(marker(`ROWEND${i}X`, true));
  });
  document.querySelectorAll(selectors.heads).forEach((h) => {
    if (!h.offsetParent || h.getBoundingClientRect().width <= 2) return;  // hidden, or for screen readers only
    let next = h.nextElementSibling;
    while (next && (!next.offsetParent || !next.textContent.trim() && !next.querySelector('table'))) next = next.nextElementSibling;
    if (!next) return;
    const i = heads++;
    texts.push(h.textContent.trim().slice(0, 60));
    h.prepend(marker(`HEADSTART${i}X`, false));
    const target = next.matches('table') ? next.rows[0].cells[0] : next.matches('section, div, figure, ol, ul, dl') ? (next.querySelector('td, th, p, li, dt, blockquote') || next) : next;
    target.prepend(marker(`HEADNEXT${i}X`, false));
  });
  return [rows, texts];
}
"""

ROWS = ".md-content table tr"
HEADS = ".md-content :is(h1, h2, h3, h4, caption, .cbl-name-date)"


@dataclass
class Layout:
    pages: list[str]  # each page's text, markers included
    rows: int
    headings: list[str]  # the text of each heading (and caption, name line) marked

    @property
    def heads(self) -> int:
        return len(self.headings)

    def page_of(self, marker: str) -> int | None:
        return next((n for n, text in enumerate(self.pages, 1) if marker in text), None)

    def split_rows(self) -> list[int]:
        """Rows whose start and bottom are on different pages."""
        return [i for i in range(self.rows) if self.page_of(f"ROWSTART{i}X") != self.page_of(f"ROWEND{i}X")]

    def stranded_headings(self) -> list[str]:
        """Headings (and captions, name-and-date lines) on one page with what follows on the next."""
        stranded = []
        for i in range(self.heads):
            here, after = self.page_of(f"HEADSTART{i}X"), self.page_of(f"HEADNEXT{i}X")
            if here != after:
                stranded.append(f"page {here}: {self.headings[i]}")
        return stranded

    def words(self, page: int) -> str:
        """A page's text without the markers."""
        return " ".join(re.sub(r"(ROWSTART|ROWEND|HEADSTART|HEADNEXT)\d+X", " ", self.pages[page - 1]).split())


def print_layout(page, mode: str | None, paper: str) -> Layout:
    """Print the open page in one print mode ('plan', 'worksheet', 'assessment', 'instructor', or
    None for the handout) on A4 or Letter, and read the result."""
    page.evaluate(
        "mode => mode ? document.documentElement.setAttribute('data-cbl-print', mode)"
        " : document.documentElement.removeAttribute('data-cbl-print')", mode)
    page.emulate_media(media="print")
    page.evaluate("document.querySelectorAll('.cbl-test-marker').forEach(m => m.remove())")
    rows, headings = page.evaluate(_MARK, {"rows": ROWS, "heads": HEADS})
    pdf = page.pdf(format=paper, print_background=True)
    reader = PdfReader(io.BytesIO(pdf))
    return Layout([p.extract_text() or "" for p in reader.pages], rows, headings)
