"""Support for every reader: the plainer versions say whose claim each sentence carries and are
measurably easier (reading level computed for instructors); a plainer background beside the full
one; Document B at full contrast in both colour schemes, its omissions marked as ours and its names
linked to the glossary, with the whole text one click away."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.files.models.lessons import ATTRIBUTION
from tests.data_files import data

ADAPTED = [x for x in data("lessons.yml")["lessons"] if x.get("adaptation")]


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_every_adapted_claim_says_whose_claim_it_is():
    """The build refuses one that does not (tests/test_data.py has the case and its message); here,
    the data as published: claims are attributed, one sentence each."""
    assert ADAPTED
    sentences = [s for lesson in ADAPTED for s in lesson["adaptation"]["sentences"]]
    assert sum(s["claim"] for s in sentences) >= 10
    for sentence in sentences:
        if sentence["claim"]:
            assert ATTRIBUTION.search(sentence["text"]), sentence["text"]
        assert len(re.findall(r"[.!?](?:\s|$)", sentence["text"])) == 1, f"one sentence: {sentence['text']}"


def test_instructors_see_the_reading_level_and_the_plainer_version_is_easier(instructor_site, site):
    assert ADAPTED
    for lesson in ADAPTED:
        plan = soup(instructor_site, f"lessons/{lesson['id']}").select_one(".cbl-plan__levels").get_text(" ", strip=True)
        grades = {label.strip(): float(grade) for label, grade in re.findall(r"(?:[:;]\s*)([a-z ]+?) (-?\d+(?:\.\d)?)", plan)}
        assert grades["the passages in plainer words"] < grades["the passages as printed"], plan
        assert grades["the background in plainer words"] < grades["the background"], plan
        assert not soup(site, f"lessons/{lesson['id']}").select(".cbl-plan__levels"), "for instructors only"


def test_the_background_has_a_plainer_version_with_the_same_sources(site):
    background = data("background.yml")["paragraphs"]
    assert background and all(p.get("plain") for p in background)
    page = soup(site, "background")
    plain = page.select(".cbl-background-plain .cbl-background--plain > p:not(.cbl-evidence)")
    assert len(plain) == len(background)
    sources = page.select_one(".cbl-background-plain .cbl-background--plain > p.cbl-evidence.cbl-screen-only")
    cited = {a["href"].rsplit("#", 1)[1] for a in sources.select("a")}
    assert cited == {f"src-{s}" for p in background for s in p["sources"]}


def _contrast(page, selector: str) -> float:
    """WCAG contrast of an element's text over the background behind it (a translucent text colour,
    as Material's are, blended over that background first)."""
    return page.evaluate("""sel => {
      const el = document.querySelector(sel);
      const parts = c => c.match(/[\\d.]+/g).map(Number);
      let node = el, back = null;
      while (node) { const c = parts(getComputedStyle(node).backgroundColor); if (c.length < 4 || c[3] > 0) { back = c; break; } node = node.parentElement; }
      back = back || parts(getComputedStyle(document.documentElement).backgroundColor);
      if (back.length === 4 && back[3] === 0) back = [255, 255, 255];
      const fore = parts(getComputedStyle(el).color), alpha = fore.length === 4 ? fore[3] : 1;
      const mixed = [0, 1, 2].map(i => fore[i] * alpha + back[i] * (1 - alpha));
      const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                         return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
      const [a, b] = [lum(mixed), lum(back.slice(0, 3))].sort((x, y) => y - x);
      return (a + 0.05) / (b + 0.05);
    }""", selector)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_document_b_is_at_full_contrast(browser, server, scheme):
    lesson = next(x for x in data("lessons.yml")["lessons"] if x["minutes"] == 50)
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{server}lessons/{lesson['id']}/")
    ratio = _contrast(page, "#document-b .cbl-document__text")
    body = _contrast(page, "#document-b .cbl-head-note")
    assert ratio >= 7 and ratio >= body * 0.95, (ratio, body)
    context.close()


def test_document_b_marks_what_it_leaves_out_and_links_its_names(site):
    document = next(d for d in data("related.yml")["documents"] if d["id"] == "savelyev-32616")
    excerpt = document["excerpt"]
    assert excerpt["omit"] and excerpt["names"]
    page = soup(site, "lessons/welcome-or-resistance")
    shown = page.select_one("#document-b")
    marks = shown.select(".cbl-omission")
    assert len(marks) == len(excerpt["omit"]) and all(m.get_text().startswith("[…]") for m in marks)
    text = shown.select_one(".cbl-document__text").get_text()
    assert all(piece.splitlines()[0] not in text for piece in excerpt["omit"]), "what is left out is not printed"
    linked = {a.get_text(): a["href"].rsplit("#", 1)[1] for a in shown.select(".cbl-document__text a.cbl-term")}
    assert linked == excerpt["names"]
    for entry in set(excerpt["names"].values()):
        assert page.select_one(f"#gloss-desc-{entry}"), "each linked name is described to screen readers"
    full = shown.select_one('figcaption a[href*="related/#doc-savelyev-32616"]')
    assert full, "the whole text one click away"
    related = soup(site, "related").select_one("#doc-savelyev-32616 details .cbl-document__text")
    for br in related.find_all("br"):
        br.replace_with("\n")
    assert related.get_text() == excerpt["text"]
