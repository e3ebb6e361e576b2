"""Every page in a real Chromium, as GitHub Pages serves a project site (built for its public
address, served under the sub-path only): zero axe-core violations (WCAG 2.x A/AA) in both colour
schemes, no request to another host, no broken asset, no console error; and the controls work
from the keyboard, by touch and in print. Every site (tests/sites.py): the paragraphs, marks,
entries and pages used are found in the site's data; this edition's pinned searches are in
tests/edition/test_browser.py."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.sites import assert_part_absent

# resultTypes: every rule still runs on every node and every violation is reported in full; only
# the passes are not collected node by node, which made axe a third slower (measured side by side).
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}


def _factory(browser):
    contexts = []

    def make(**options):
        context = browser.new_context(**options)
        contexts.append(context)
        return context

    return make, contexts


@pytest.fixture
def context_factory(browser, server):
    """New browser contexts for the site under test (served)."""
    make, contexts = _factory(browser)
    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def blank_context_factory(browser):
    """New browser contexts for the negative controls, which need no site."""
    make, contexts = _factory(browser)
    yield make
    for context in contexts:
        context.close()


def minimum_pages(site_data) -> int:
    """The fewest pages the site's data makes (home, text, about, 404, a page per glossary kind,
    per packet and per lesson)."""
    return 4 + len(site_data.kinds()) + len(site_data.items("packets.yml", "packets")) + len(site_data.items("lessons.yml", "lessons"))


def a_paragraph(site_data, at: int) -> tuple[str, int]:
    """(id, number) of the paragraph at position `at` (0-based), or of the last if there are fewer."""
    ids = list(site_data.paragraphs())
    assert ids
    index = min(at, len(ids) - 1)
    return ids[index], index + 1


def a_marked_paragraph(site_data):
    """(paragraph id, the mark kind, the mark's text) of the first paragraph the marks' kinds find in."""
    for pid, text in site_data.paragraphs().items():
        for kind in site_data.items("marks.yml", "marks"):
            for form in kind.get("forms", []):
                if form in text:
                    return pid, kind
            for opening in kind.get("starts_with", []):
                if opening in text:
                    return pid, kind
    return None, None


def a_mentioned_entry(site_data):
    """(paragraph id, entry) of the first paragraph that prints a glossary entry's form."""
    import re

    entries = [e for e in site_data.entries().values() if e.get("forms")]
    for pid, text in site_data.paragraphs().items():
        for entry in entries:
            if any(re.search(rf"(?<![\w’']){re.escape(f)}(?![\w’'])", text) for f in entry["forms"]):
                return pid, entry
    return None, None


def _watch(page, origin: str):
    """Record on `page` its requests to other hosts, and its broken responses and console errors."""
    page.offsite, page.errors = [], []
    page.on("request", lambda r: urlsplit(r.url).netloc not in (origin, "") and page.offsite.append(r.url))
    page.on("response", lambda r: r.status >= 400 and page.errors.append(f"{r.status} {r.url}"))
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))


def open_page(context, url: str, wait: str = "networkidle"):
    """Open `url` in a new tab, watched."""
    page = context.new_page()
    _watch(page, urlsplit(url).netloc)
    page.goto(url, wait_until=wait)
    return page


def visit_each(context, base: str, paths):
    """Yield (path, page) for every path, opened in turn in one watched tab, at "load" (laid out;
    networkidle's half second of quiet per page would cost a minute of `make test`). One tab, not
    one per page: a new tab starts a renderer, and all pages at phone width took 16 s that way
    against 6 s in one tab (measured side by side). The record is emptied before each page."""
    page = context.new_page()
    _watch(page, urlsplit(base).netloc)
    try:
        for path in paths:
            page.offsite.clear()
            page.errors.clear()
            page.goto(base + path, wait_until="load")
            yield path, page
    finally:
        page.close()


# Every page in each scheme, in two halves: four tests of half a minute share the cores better
# than two of a minute (pytest-xdist hands out whole tests).
@pytest.mark.parametrize("half", [0, 1], ids=["first-half", "second-half"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_is_accessible_self_contained_and_error_free(context_factory, server, page_paths, scheme, half):
    assert len(page_paths) >= 4  # home, text, about, 404
    context = context_factory(color_scheme=scheme)
    axe = Axe()
    failures = []
    # Requests and console errors are counted after axe's run (over half a second on every page).
    for path, page in visit_each(context, server, page_paths[half::2]):
        expected_scheme = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected_scheme
        results = axe.run(page, options=AXE_OPTIONS)
        if results.violations_count:
            failures.append(f"{path or '/'} ({scheme}):\n{results.generate_report()}")
        if page.offsite:
            failures.append(f"{path or '/'}: requests to other hosts: {page.offsite}")
        # The 404 page is fetched as a page that exists here; a real 404 logs a console error by design.
        if page.errors:
            failures.append(f"{path or '/'}: broken assets or console errors: {page.errors}")
    assert not failures, "\n\n".join(failures)


def test_the_accessibility_check_reports_what_it_must(blank_context_factory):
    """Negative control for the check above, with the same options: grey-on-white text and an
    image without a text alternative are reported."""
    page = blank_context_factory().new_page()
    page.set_content('<html lang="en"><title>t</title><main><p style="color:#bbb">faint words</p>'
                     '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></html>')
    results = Axe().run(page, options=AXE_OPTIONS)
    assert {v["id"] for v in results.response["violations"]} >= {"color-contrast", "image-alt"}


def test_copy_link_control_works_from_the_keyboard(context_factory, server, site_data):
    pid, number = a_paragraph(site_data, 11)
    context = context_factory(permissions=["clipboard-read", "clipboard-write"])
    page = open_page(context, server + "text/")
    # Start from the last stop before the button: the paragraph's number, its last glossary link,
    # or its last editorial mark (a mark takes the focus too, to show its explanation).
    page.locator(f"#{pid} :is(a[href], [tabindex='0'])").last.focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused == f"Copy link to paragraph {number}"
    button = page.locator(f"#{pid} button.cbl-copy")
    assert float(button.evaluate("b => getComputedStyle(b).opacity")) == 1.0, "the focused control must be visible"
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('cbl-status')?.textContent.includes('Link copied')")
    assert page.evaluate("navigator.clipboard.readText()") == server + f"text/#{pid}"
    assert not page.errors


def test_copy_link_control_is_hidden_until_hover_or_focus(context_factory, server, site_data):
    pid, _ = a_paragraph(site_data, 11)
    page = open_page(context_factory(), server + "text/")
    button = page.locator(f"#{pid} button.cbl-copy")
    assert float(button.evaluate("b => getComputedStyle(b).opacity")) == 0.0
    page.hover(f"#{pid} .cbl-para__text")
    page.wait_for_function(f"getComputedStyle(document.querySelector('#{pid} button.cbl-copy')).opacity === '1'")


def test_citation_copy_button_copies_the_citation(context_factory, server, site_data):
    context = context_factory(permissions=["clipboard-read", "clipboard-write"])
    page = open_page(context, server + "about/")
    page.click('button[data-cbl-target="cite-chicago"]')
    page.wait_for_function("document.getElementById('cbl-status')?.textContent.includes('copied')")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.inner_text("#cite-chicago").strip()
    assert copied.startswith("“" + site_data.data("document.yml")["title"][:25])


def test_editorial_mark_explains_itself_on_keyboard_focus(context_factory, server, site_data):
    pid, kind = a_marked_paragraph(site_data)
    page = open_page(context_factory(), server + "text/")
    if pid is None:
        assert page.locator(".cbl-mark").count() == 0, "no mark the data does not find"
        return
    mark = page.locator(f"#{pid} .cbl-mark--{kind['id']}").first
    mark.focus()
    tip = mark.evaluate("m => getComputedStyle(m, '::after').content")
    explanation = " ".join(kind["explanation"].split())
    assert kind["name"] in tip and explanation.split()[0] in tip
    described_by = mark.get_attribute("aria-describedby")
    # The legend is folded away in a <details>; a description is read from hidden text too.
    assert explanation[:20] in " ".join(page.evaluate("id => document.getElementById(id).textContent", described_by).split())


def test_glossary_mention_explains_itself_on_focus_and_on_a_first_tap(context_factory, server, site_data):
    pid, entry = a_mentioned_entry(site_data)
    page = open_page(context_factory(), server + "text/")
    if pid is None:
        assert page.locator("a.cbl-term").count() == 0, "no mention the data does not find"
        return
    # The entry's name, then its summary: the mention may print another form of the name ("LU").
    explanation = f"{entry['name']}: {entry['summary']}"
    mention = page.locator(f'#{pid} a.cbl-term[href$="#{entry["id"]}"]').first
    mention.focus()
    tip = mention.evaluate("m => getComputedStyle(m, '::after').content")
    assert explanation in tip
    described = page.evaluate("id => document.getElementById(id).textContent", mention.get_attribute("aria-describedby"))
    assert described == explanation

    phone = open_page(context_factory(has_touch=True, is_mobile=True, viewport={"width": 360, "height": 740}), server + "text/")
    target = phone.locator(f'#{pid} a.cbl-term[href$="#{entry["id"]}"]').first
    target.tap()
    # Material's navigation.tracking may write the heading in view into the hash while the tap
    # scrolls: the page must still be the text, not the glossary.
    assert urlsplit(phone.url).path.endswith("/text/"), "a first tap shows the description instead of leaving the page"
    assert f"#{entry['id']}" not in phone.url
    tip_box = target.evaluate("m => { const s = getComputedStyle(m, '::after'); return [s.content, s.position] }")
    assert explanation in tip_box[0] and tip_box[1] == "fixed"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    target.tap()
    phone.wait_for_url(f"**/glossary/{entry['kind']}/**")
    assert phone.url.endswith(f"#{entry['id']}")


_FIRST_RESULT = """() => {
  const item = document.querySelector('.md-search-result__item');
  if (!item) return null;
  const hrefs = [...item.querySelectorAll('a[href]')].map(a => a.getAttribute('href').split('?')[0] + (a.hash || ''));
  return [hrefs[0], hrefs.find(h => h.includes('#')) || null];
}"""


def search_first_result(page, query: str, kind: str, entry: str):
    """Type `query` into the site's search as a reader does; the first result: [page, anchor]."""
    loaded = "[...performance.getEntriesByType('resource')].map(e => e.name.split('/').pop().split('.')[0])"
    assert not {"search_index", "search"} & set(page.evaluate(loaded)), \
        "the search worker and index load only when a reader starts to search"
    page.click(".md-search__input")
    page.keyboard.type(query, delay=50)  # as a reader types: the worker may still be loading
    page.locator(f'.md-search-result a[href*="#{entry}"]').first.wait_for(state="attached", timeout=30000)
    # Results are redrawn as each letter arrives: wait for those of the whole word.
    expected = f"glossary/{kind}/#{entry}"
    try:
        page.wait_for_function(f"() => {{ const f = ({_FIRST_RESULT})(); return f && f[1] && f[1].endsWith({expected!r}) }}",
                               timeout=10000)
    except Exception:
        pass
    first = page.evaluate(_FIRST_RESULT)
    assert {"search_index", "search"} <= set(page.evaluate(loaded))
    return first


def test_site_search_lists_the_glossary_entry_first(context_factory, server, site_data):
    """A name the text does not print (an entry's other name, or else its name): its glossary
    entry is the first result, in the first group (its page). (This edition's names: tests/edition.)"""
    entries = list(site_data.entries().values())
    if not entries:
        assert not site_data.kinds() or not any(site_data.items(f"{k['id']}.yml", "entries") for k in site_data.kinds())
        return
    entry = next((e for e in entries if e.get("other_names")), entries[0])
    query = (entry.get("other_names") or [entry["name"]])[0]
    page = open_page(context_factory(), server)
    first = search_first_result(page, query, entry["kind"], entry["id"])
    assert first[0].endswith(f"glossary/{entry['kind']}/") and first[1].endswith(f"glossary/{entry['kind']}/#{entry['id']}"), \
        f"{query!r}: the first result is {first}"
    assert not page.errors


# A link followed by punctuation: the space between the link's last letter and the comma, in
# pixels, where it is more than a third of a space (links that print their address after them
# are left out). A target made 24 px wide by min-width put one before the comma: "¶ 7 , ¶ 8".
GAP_BEFORE_PUNCTUATION = """() => {
  const found = [];
  for (const a of document.querySelectorAll('.md-content a')) {
    const next = a.nextSibling;
    if (!next || next.nodeType !== 3 || !/^[,.;:)]/.test(next.data)) continue;
    if (!['none', 'normal', ''].includes(getComputedStyle(a, '::after').content)) continue;
    const punctuation = document.createRange(); punctuation.setStart(next, 0); punctuation.setEnd(next, 1);
    const words = document.createRange(); words.selectNodeContents(a);
    const end = [...words.getClientRects()].filter(r => r.width > 0).pop(), mark = punctuation.getClientRects()[0];
    if (!end || !mark || Math.abs(mark.top - end.top) > end.height) continue;  // the line breaks between them
    const space = document.createElement('span'); space.textContent = '\u00a0'; next.parentNode.insertBefore(space, next);
    const width = space.getBoundingClientRect().width; space.remove();
    if (mark.left - end.right > width / 3) found.push(`${a.textContent}${next.data.slice(0, 2)} (${(mark.left - end.right).toFixed(1)} px)`);
  }
  return found;
}"""


def test_every_page_prints_cleanly_and_no_link_leaves_a_gap_before_punctuation(context_factory, server, page_paths, site_data):
    context = context_factory(viewport={"width": 700, "height": 1000})
    assert len(page_paths) >= minimum_pages(site_data), page_paths
    visited = numbered = 0
    gaps = {}
    for path, page in visit_each(context, server, page_paths):
        visited += 1
        found = page.evaluate(GAP_BEFORE_PUNCTUATION)
        if found:
            gaps[path or "/"] = found[:4]
        page.emulate_media(media="print")
        hidden = page.evaluate(
            "[...document.querySelectorAll('.md-header, .md-sidebar, .md-search, .md-footer')]"
            ".every(e => getComputedStyle(e).display === 'none')"
        )
        assert hidden, f"{path}: navigation or search is printed"
        assert page.evaluate("document.documentElement.scrollWidth") <= 700, f"{path}: something is cut off at the side"
        numbers = page.locator(".cbl-para__num")
        if numbers.count():
            assert numbers.first.is_visible(), f"{path}: paragraph numbers are not printed"
            numbered += 1
        page.emulate_media(media="screen")
    assert not gaps, f"gaps between a link and the punctuation after it: {gaps}"
    # The pages that print paragraphs: the text, each packet (and its list) and each lesson.
    with_paragraphs = 1 + len(site_data.items("packets.yml", "packets")) + len(site_data.items("lessons.yml", "lessons"))
    assert visited == len(page_paths) and numbered >= with_paragraphs, (visited, numbered)


def test_the_gap_check_catches_a_gap_before_a_comma(blank_context_factory):
    """Negative control: the rule the site had (a 24 px minimum width on "¶ 7"), and none."""
    page = blank_context_factory().new_page()
    links = '<a href="#a">¶&nbsp;7</a>, <a href="#b">¶&nbsp;8</a>.'
    page.set_content(f'<div class="md-content"><p style="font-size:14px"><span class="x">{links}</span></p>'
                     f'<p style="font-size:14px">{links}</p></div>'
                     '<style>.x a { display: inline-block; min-width: 24px }</style>')
    assert [g.split(" (")[0] for g in page.evaluate(GAP_BEFORE_PUNCTUATION)] == ["¶\u00a07, ", "¶\u00a08."]


def test_packet_prints_as_a_handout(context_factory, server, site, site_data):
    packets = site_data.items("packets.yml", "packets")
    if not packets:
        assert_part_absent(site, "packets")
        return
    packet, questions = packets[0]["id"], packets[0].get("questions") or []
    assert questions, "the packet to print has questions in the data"
    page = open_page(context_factory(), server + f"packets/{packet}/")
    assert page.locator(".cbl-answer textarea").first.is_visible(), "a place to type on screen"
    assert not page.locator(".cbl-answer .cbl-fill__print").first.is_visible(), "and no copy of it for print"
    page.emulate_media(media="print")
    assert page.locator(".cbl-para__num").first.is_visible()
    spaces = page.locator(".cbl-answer")
    assert spaces.count() == page.locator(".cbl-handout-questions > li").count() == len(questions), \
        "every question of the packet's, each with its space to write"
    assert spaces.first.bounding_box()["height"] >= 80
    footer = page.inner_text(".cbl-packet__source")
    # The handout says where it came from: its published address, not the one it was read at
    # (test_lessons checks that a build with no public address prints none).
    document = site_data.data("document.yml")
    assert (document.get("publisher") or document["archive_name"]) in footer
    assert site_data.public_url + f"packets/{packet}/" in footer
    assert "127.0.0.1" not in footer
    assert not page.locator(".cbl-copy").first.is_visible()


def test_copy_link_works_by_touch(context_factory, server, site_data):
    pid, _ = a_paragraph(site_data, 19)
    context = context_factory(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True,
                              permissions=["clipboard-read", "clipboard-write"])
    page = open_page(context, server + "text/")
    button = page.locator(f"#{pid} button.cbl-copy")
    assert float(button.evaluate("b => getComputedStyle(b).opacity")) == 1.0, "no hover on a phone: always shown"
    box = button.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    button.tap()
    page.wait_for_function("document.getElementById('cbl-status')?.textContent.includes('Link copied')")
    assert page.evaluate("navigator.clipboard.readText()") == server + f"text/#{pid}"


# --- reading on a phone ------------------------------------------------------------------------

PHONE = {"viewport": {"width": 375, "height": 800}, "has_touch": True, "is_mobile": True}


def test_the_text_comes_first_on_a_phone(context_factory, server, site_data):
    first, _ = a_paragraph(site_data, 0)
    page = open_page(context_factory(**PHONE), server + "text/")
    top = page.locator(f"#{first}").bounding_box()["y"]
    assert top < 2 * 800, f"the first paragraph starts {top:.0f} px down, more than two screens"
    guide = page.locator("details.cbl-how-to-read")
    assert guide.get_attribute("open") is None, "the guide to the page is folded away"
    assert page.locator(".cbl-legend").first.is_hidden()


def test_matrix_cells_are_visibly_separated(context_factory, server, site, site_data):
    if not site_data.has("categories.yml"):
        assert_part_absent(site, "categories")
        return
    for options in ({"viewport": {"width": 1280, "height": 900}}, PHONE):
        page = open_page(context_factory(**options), server + "categories/")
        borders = page.evaluate(
            "[...document.querySelectorAll('table.cbl-matrix td')].map(td => {"
            " const s = getComputedStyle(td); return parseFloat(s.borderBottomWidth) + parseFloat(s.borderTopWidth)"
            " + parseFloat(s.borderLeftWidth) })"
        )
        assert borders and min(borders) > 0, options
        padding = page.evaluate("parseFloat(getComputedStyle(document.querySelector('table.cbl-matrix td')).paddingLeft)")
        assert padding >= 8


_BROKEN_WORDS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll('.md-content table td, .md-content table th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const re = /[^\\s\\-\u2010]+/g; let m;  // a line may break after a hyphen ("Socio-|Political")
      while ((m = re.exec(node.data))) {
        const range = document.createRange();
        range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}"""


_WIDER_THAN = """width => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > width + 1).map(e => e.tagName + '.' + e.className).slice(0, 3)"""


@pytest.mark.parametrize("width", [360, 375])
def test_on_a_phone_no_page_scrolls_sideways_and_no_table_breaks_a_word(context_factory, server, page_paths, site, width):
    context = context_factory(viewport={"width": width, "height": 800}, has_touch=True, is_mobile=True)
    wide, broken = [], {}
    for path, page in visit_each(context, server, page_paths):
        if page.evaluate("document.documentElement.scrollWidth") > width:
            wide.append(f"{path or '/'}: {page.evaluate(_WIDER_THAN, width)}")
        words = page.evaluate(_BROKEN_WORDS)
        if words:
            broken[path or "/"] = words[:5]
    assert not wide, "pages that scroll sideways:\n" + "\n".join(wide)
    assert not broken, f"words broken in tables: {broken}"
    if not (site / "map" / "index.html").is_file():
        assert "map/" not in page_paths
        return
    page = open_page(context, server + "map/")
    fits = page.evaluate("(() => { const t = document.querySelector('table.cbl-places'); return t.getBoundingClientRect().right <= window.innerWidth + 1 })()")
    assert fits, "the map's table keeps its last column on screen"


def test_the_phone_checks_catch_a_broken_word_and_a_wide_page(blank_context_factory):
    """Negative control for the checks above: a narrow cell breaks "Transmission" and a wide
    block makes the page scroll; a hyphenated word may still break after its hyphen."""
    page = blank_context_factory(viewport={"width": 360, "height": 800}, has_touch=True, is_mobile=True).new_page()
    page.set_content('<meta name="viewport" content="width=device-width"><div class="md-content"><table>'
                     '<tr><td style="width:3em;max-width:3em;word-break:break-all">Transmission</td>'
                     '<td style="width:4em;max-width:4em">Socio-Political</td></tr></table></div>'
                     '<div style="width:600px">wide</div>')
    assert page.evaluate(_BROKEN_WORDS) == ["Transmission"]
    assert page.evaluate("document.documentElement.scrollWidth") > 360
    assert page.evaluate(_WIDER_THAN, 360) == ["DIV."]


_LABELS = """() => {
  const svg = document.querySelector('svg.cbl-map__svg');
  const frame = svg.querySelector('.cbl-map__frame').getBBox();
  const texts = [...svg.querySelectorAll('text')].map(t => ({text: t.textContent, box: t.getBBox(),
    screen: t.getBoundingClientRect().height, date: t.classList.contains('cbl-map__date')}));
  const lines = [...svg.querySelectorAll('.cbl-map__route line, .cbl-map__cable line')].map(l =>
    [l.x1.baseVal.value, l.y1.baseVal.value, l.x2.baseVal.value, l.y2.baseVal.value]);
  return {frame: [frame.x, frame.y, frame.x + frame.width, frame.y + frame.height],
          texts: texts.map(t => ({text: t.text, box: [t.box.x, t.box.y, t.box.x + t.box.width, t.box.y + t.box.height],
                                  screen: t.screen, date: t.date})), lines};
}"""


def _crosses(box, line) -> bool:
    (x0, y0, x1, y1), (ax, ay, bx, by) = box, line
    t0, t1 = 0.0, 1.0
    for p, q in ((-(bx - ax), ax - x0), (bx - ax, x1 - ax), (-(by - ay), ay - y0), (by - ay, y1 - ay)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        t0, t1 = (max(t0, t), t1) if p < 0 else (t0, min(t1, t))
        if t0 > t1:
            return False
    return True


def located(site_data) -> list[str]:
    return [i for i, e in site_data.entries().items() if e.get("coordinates")]


def route_stops(site_data) -> list[dict]:
    return [stop for event in site_data.items("chronology.yml", "events") for stop in event.get("route", [])]


def test_map_labels_never_overlap_and_can_be_read_on_a_phone(context_factory, server, site, site_data):
    """From the boxes the browser draws (not the ones the build reserved): no two labels overlap,
    every label is inside the frame, no route line crosses a date, and at 375 px every label is
    at least 11 CSS px tall while the page itself does not scroll sideways."""
    if not (site / "map" / "index.html").is_file():
        assert "map.md" not in site_data.pages or not located(site_data)
        return
    page = open_page(context_factory(**PHONE), server + "map/")
    found = page.evaluate(_LABELS)
    fx0, fy0, fx1, fy1 = found["frame"]
    texts = found["texts"]
    assert located(site_data) and len(texts) >= len(located(site_data)), "a label for every place drawn"
    problems = []
    for i, a in enumerate(texts):
        x0, y0, x1, y1 = a["box"]
        if not (fx0 <= x0 and x1 <= fx1 and fy0 <= y0 and y1 <= fy1):
            problems.append(f"{a['text']!r} leaves the frame")
        if a["screen"] < 11:
            problems.append(f"{a['text']!r} is {a['screen']:.1f} px tall")
        for b in texts[i + 1:]:
            bx0, by0, bx1, by1 = b["box"]
            if x0 < bx1 and bx0 < x1 and y0 < by1 and by0 < y1:
                problems.append(f"{a['text']!r} overlaps {b['text']!r}")
        if a["date"]:
            problems += [f"a route line crosses {a['text']!r}" for line in found["lines"] if _crosses(a["box"], line)]
    assert not problems, "\n".join(problems)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


_MAP_ON_A_PHONE = """() => {
  const svg = document.querySelector('svg.cbl-map__svg'), scroller = document.querySelector('.cbl-map__scroller');
  const view = scroller.getBoundingClientRect(), first = svg.querySelector('.cbl-map__route line');
  const start = new DOMPoint(first.x1.baseVal.value, first.y1.baseVal.value).matrixTransform(first.getScreenCTM());
  const texts = [...svg.querySelectorAll('text')].map(t => ({text: t.textContent, box: t.getBBox()}));
  const crossed = new Set();
  for (const path of svg.querySelectorAll('path.cbl-map__border, path.cbl-map__boundary, path.cbl-map__region')) {
    for (let d = 0, total = path.getTotalLength(); d <= total; d += 2) {
      const p = path.getPointAtLength(d);
      for (const {text, box} of texts)
        if (p.x > box.x && p.x < box.x + box.width && p.y > box.y && p.y < box.y + box.height) crossed.add(text);
    }
  }
  const hint = document.querySelector('.cbl-map__hint');
  return {start: start.x, left: view.left, right: view.right, scrolls: scroller.scrollWidth > scroller.clientWidth,
          hint: hint && getComputedStyle(hint).display !== 'none' ? hint.textContent : null, crossed: [...crossed]};
}"""


def test_the_map_on_a_phone_opens_at_the_route_start_says_it_scrolls_and_no_line_crosses_a_label(context_factory, server, site, site_data):
    """At 375 px the map opened at its west end, with the route's start (in the east) off screen,
    nothing said it scrolled, and the Soviet border crossed "1,930 km from HAMI" and the Three
    Districts' label. Border, boundary and region lines are sampled every 2 units of their length
    against the boxes the browser draws for the labels. A site without a route (no journey in its
    chronology) draws none."""
    if not route_stops(site_data):
        if (site / "map" / "index.html").is_file():
            html = (site / "map" / "index.html").read_text(encoding="utf-8")
            assert "cbl-map__route" not in html or "<line" not in html.split("cbl-map__route", 1)[1].split("</g>", 1)[0]
        return
    page = open_page(context_factory(**PHONE), server + "map/")
    found = page.evaluate(_MAP_ON_A_PHONE)
    assert found["scrolls"], "at 375 px the map is wider than its frame"
    assert found["left"] <= found["start"] <= found["right"], f"the route's start is off screen: {found}"
    assert found["hint"] and "scroll" in found["hint"], "a phone is told that the map scrolls"
    assert not found["crossed"], f"lines cross the labels {found['crossed']}"
    for width in (1000, 1280, 1600):  # the column's width depends on the sidebars as much as on the screen
        wide = open_page(context_factory(viewport={"width": width, "height": 900}), server + "map/").evaluate(_MAP_ON_A_PHONE)
        assert bool(wide["hint"]) == wide["scrolls"], f"at {width} px the hint is shown exactly when the map scrolls: {wide}"
