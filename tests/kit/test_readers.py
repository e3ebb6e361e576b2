"""Support for every reader: the plainer versions say whose claim each sentence carries and are
measurably easier (reading level computed for instructors); a plainer background beside the full
one; Document B at full contrast in both colour schemes, its omissions marked as ours and its names
linked to the glossary, with the whole text one click away.

Run over every site, from its data: where no lesson has an adaptation, no background a plain
version, no packet a document, no page shows one. (This edition's Document B and its count of
claims: tests/edition/test_readers.py.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.files.models.lessons import ATTRIBUTION
from tests.sites import assert_part_absent


def lessons(site_data) -> list[dict]:
    """The lessons the site shows (none without packets: a lesson is taught from a packet)."""
    return site_data.items("lessons.yml", "lessons") if site_data.items("packets.yml", "packets") else []


def adapted(site_data) -> list[dict]:
    return [x for x in lessons(site_data) if x.get("adaptation")]


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def assert_no_adaptation(site: Path, site_data) -> None:
    if not lessons(site_data):
        assert_part_absent(site, "lessons")
    for lesson in lessons(site_data):
        assert not soup(site, f"lessons/{lesson['id']}").select(".cbl-adapted__table"), lesson["id"]


def test_every_adapted_claim_says_whose_claim_it_is(site, site_data):
    """The build refuses one that does not (tests/kit/test_validation.py has the case and its
    message); here, the data as published: claims are attributed, one sentence each."""
    if not adapted(site_data):
        assert_no_adaptation(site, site_data)
        return
    sentences = [s for lesson in adapted(site_data) for s in lesson["adaptation"]["sentences"]]
    assert sentences
    for sentence in sentences:
        if sentence["claim"]:
            assert ATTRIBUTION.search(sentence["text"]), sentence["text"]
        assert len(re.findall(r"[.!?](?:\s|$)", sentence["text"])) == 1, f"one sentence: {sentence['text']}"


def test_instructors_see_the_reading_level_and_the_plainer_version_is_easier(instructor_site, site, site_data):
    if not adapted(site_data):
        assert_no_adaptation(site, site_data)
        return
    background = site_data.items("background.yml", "paragraphs")
    for lesson in adapted(site_data):
        plan = soup(instructor_site, f"lessons/{lesson['id']}").select_one(".cbl-plan__levels").get_text(" ", strip=True)
        grades = {label.strip(): float(grade) for label, grade in re.findall(r"(?:[:;]\s*)([a-z ]+?) (-?\d+(?:\.\d)?)", plan)}
        assert grades["the passages in plainer words"] < grades["the passages as printed"], plan
        if background and all(p.get("plain") for p in background):
            assert grades["the background in plainer words"] < grades["the background"], plan
        assert not soup(site, f"lessons/{lesson['id']}").select(".cbl-plan__levels"), "for instructors only"


def test_the_background_has_a_plainer_version_with_the_same_sources(site, site_data):
    background = site_data.items("background.yml", "paragraphs")
    if not site_data.has("background.yml"):
        assert_part_absent(site, "background")
        return
    assert background
    page = soup(site, "background")
    if not any(p.get("plain") for p in background):
        assert not page.select(".cbl-background--plain"), "no plainer version without one in the data"
        return
    plain = page.select(".cbl-background-plain .cbl-background--plain > p:not(.cbl-evidence)")
    assert len(plain) == len([p for p in background if p.get("plain")])
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


def documents_shown(site_data) -> list[tuple[str, dict]]:
    """(page, related document) for each page that prints a Document B: the lessons whose packet has
    documents, and those packets."""
    related = {d["id"]: d for d in site_data.items("related.yml", "documents")}
    packets = {p["id"]: p for p in site_data.items("packets.yml", "packets")}
    found = [(f"lessons/{x['id']}", related[packets[x["packet"]]["documents"][0]])
             for x in lessons(site_data) if packets[x["packet"]].get("documents")]
    found += [(f"packets/{p['id']}", related[p["documents"][0]]) for p in packets.values() if p.get("documents")]
    return found


def assert_no_document_b(site: Path, site_data) -> None:
    packets = site_data.items("packets.yml", "packets")
    if not packets:
        assert_part_absent(site, "packets")
    for p in packets:
        assert not soup(site, f"packets/{p['id']}").select("#document-b"), p["id"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_document_b_is_at_full_contrast(browser, server, site, site_data, scheme):
    shown = documents_shown(site_data)
    if not shown:
        assert_no_document_b(site, site_data)
        return
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{server}{shown[0][0]}/")
    ratio = _contrast(page, "#document-b .cbl-document__text")
    body = _contrast(page, "#document-b .cbl-head-note")
    assert ratio >= 7 and ratio >= body * 0.95, (ratio, body)
    context.close()


def test_document_b_marks_what_it_leaves_out_and_links_its_names(site, site_data):
    shown_on = documents_shown(site_data)
    if not shown_on:
        assert_no_document_b(site, site_data)
        return
    for path, document in shown_on:
        check_document_b(site, path, document)


def check_document_b(site: Path, path: str, document: dict) -> None:
    excerpt = document["excerpt"]
    page = soup(site, path)
    shown = page.select_one("#document-b")
    marks = shown.select(".cbl-omission")
    assert len(marks) == len(excerpt.get("omit") or []) and all(m.get_text().startswith("[…]") for m in marks)
    text = shown.select_one(".cbl-document__text").get_text()
    assert all(piece.splitlines()[0] not in text for piece in excerpt.get("omit") or []), "what is left out is not printed"
    linked = {a.get_text(): a["href"].rsplit("#", 1)[1] for a in shown.select(".cbl-document__text a.cbl-term")}
    assert linked == (excerpt.get("names") or {})
    for entry in set((excerpt.get("names") or {}).values()):
        assert page.select_one(f"#gloss-desc-{entry}"), "each linked name is described to screen readers"
    full = shown.select_one(f'figcaption a[href*="related/#doc-{document["id"]}"]')
    assert full, "the whole text one click away"
    related = soup(site, "related").select_one(f"#doc-{document['id']} details .cbl-document__text")
    for br in related.find_all("br"):
        br.replace_with("\n")
    assert related.get_text() == excerpt["text"]
