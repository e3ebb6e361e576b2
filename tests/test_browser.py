"""Every page in a real Chromium, served under a sub-path: zero axe-core violations
(WCAG 2.x A/AA) in both colour schemes, no request to another host, no console error;
and the copy-link control works from the keyboard."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}


@pytest.fixture
def context_factory(browser, server):
    contexts = []

    def make(**options):
        context = browser.new_context(**options)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


def open_page(context, url: str):
    """Open `url`, recording requests to other hosts and console errors."""
    page = context.new_page()
    page.offsite = []
    page.errors = []
    origin = urlsplit(url).netloc
    page.on("request", lambda r: urlsplit(r.url).netloc not in (origin, "") and page.offsite.append(r.url))
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(url, wait_until="networkidle")
    return page


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_is_accessible_self_contained_and_error_free(context_factory, server, page_paths, scheme):
    assert len(page_paths) >= 4  # home, text, about, 404
    context = context_factory(color_scheme=scheme)
    axe = Axe()
    failures = []
    for path in page_paths:
        page = open_page(context, server + path)
        expected_scheme = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == expected_scheme
        results = axe.run(page, options=AXE_OPTIONS)
        if results.violations_count:
            failures.append(f"{path or '/'} ({scheme}):\n{results.generate_report()}")
        if page.offsite:
            failures.append(f"{path or '/'}: requests to other hosts: {page.offsite}")
        # The 404 page is fetched as a page that exists here; a real 404 logs a console error by design.
        if page.errors:
            failures.append(f"{path or '/'}: console errors: {page.errors}")
        page.close()
    assert not failures, "\n\n".join(failures)


def test_copy_link_control_works_from_the_keyboard(context_factory, server):
    context = context_factory(permissions=["clipboard-read", "clipboard-write"])
    page = open_page(context, server + "text/")
    # Start from the last link before the button (the paragraph's number, or its last glossary link).
    page.locator("#s1-greeted a").last.focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused == "Copy link to paragraph 12"
    button = page.locator("#s1-greeted button.cbl-copy")
    assert float(button.evaluate("b => getComputedStyle(b).opacity")) == 1.0, "the focused control must be visible"
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('cbl-status')?.textContent.includes('Link copied')")
    assert page.evaluate("navigator.clipboard.readText()") == server + "text/#s1-greeted"
    assert not page.errors


def test_copy_link_control_is_hidden_until_hover_or_focus(context_factory, server):
    page = open_page(context_factory(), server + "text/")
    button = page.locator("#s1-greeted button.cbl-copy")
    assert float(button.evaluate("b => getComputedStyle(b).opacity")) == 0.0
    page.hover("#s1-greeted .cbl-para__text")
    page.wait_for_function("getComputedStyle(document.querySelector('#s1-greeted button.cbl-copy')).opacity === '1'")


def test_citation_copy_button_copies_the_citation(context_factory, server):
    context = context_factory(permissions=["clipboard-read", "clipboard-write"])
    page = open_page(context, server + "about/")
    page.click('button[data-cbl-target="cite-chicago"]')
    page.wait_for_function("document.getElementById('cbl-status')?.textContent.includes('copied')")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.inner_text("#cite-chicago").strip()
    assert copied.startswith("“Letter from Cde. Mao Zedong")


def test_editorial_mark_explains_itself_on_keyboard_focus(context_factory, server):
    page = open_page(context_factory(), server + "text/")
    mark = page.locator("#s3-fires .cbl-mark--sic")
    mark.focus()
    tip = mark.evaluate("m => getComputedStyle(m, '::after').content")
    assert "Sic" in tip and "thus" in tip
    described_by = mark.get_attribute("aria-describedby")
    assert "thus" in page.inner_text(f"#{described_by}")


def test_glossary_mention_explains_itself_on_focus_and_on_a_first_tap(context_factory, server):
    page = open_page(context_factory(), server + "text/")
    mention = page.locator('#s3-fires a.cbl-term[href$="#jinghua"]')
    mention.focus()
    tip = mention.evaluate("m => getComputedStyle(m, '::after').content")
    assert "Hutubi" in tip
    described = page.evaluate("id => document.getElementById(id).textContent", mention.get_attribute("aria-describedby"))
    assert described.startswith("Hutubi")

    phone = open_page(context_factory(has_touch=True, is_mobile=True, viewport={"width": 360, "height": 740}), server + "text/")
    target = phone.locator('#s3-fires a.cbl-term[href$="#jinghua"]')
    target.tap()
    assert phone.url.endswith("/text/"), "a first tap shows the description instead of leaving the paragraph"
    tip_box = target.evaluate("m => { const s = getComputedStyle(m, '::after'); return [s.content, s.position] }")
    assert "Hutubi" in tip_box[0] and tip_box[1] == "fixed"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    target.tap()
    phone.wait_for_url("**/glossary/places/**")
    assert phone.url.endswith("#jinghua")


@pytest.mark.parametrize("variant, entry", [("Kumul", "hami"), ("Dihua", "urumqi"), ("Barkol", "zhenxi")])
def test_site_search_finds_an_entry_by_a_variant_name(context_factory, server, variant, entry):
    page = open_page(context_factory(), server)
    loaded = "performance.getEntriesByType('resource').some(e => e.name.includes('search_index'))"
    assert not page.evaluate(loaded), "the search index loads only when a reader starts to search"
    page.click(".md-search__input")
    page.keyboard.type(variant, delay=50)
    # The entry's own section is among the results (Material may fold it under "more on this page").
    page.locator(f'.md-search-result a[href$="#{entry}"]').first.wait_for(state="attached", timeout=20000)
    assert page.evaluate(loaded)


def test_every_page_prints_cleanly(context_factory, server, page_paths):
    context = context_factory(viewport={"width": 700, "height": 1000})
    for path in page_paths:
        page = open_page(context, server + path)
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
        page.close()


def test_packet_prints_as_a_handout(context_factory, server):
    page = open_page(context_factory(), server + "packets/three-versions/")
    assert not page.locator(".cbl-answer").first.is_visible(), "no writing space on screen"
    page.emulate_media(media="print")
    assert page.locator(".cbl-para__num").first.is_visible()
    spaces = page.locator(".cbl-answer")
    assert spaces.count() == page.locator(".cbl-handout-questions > li").count() >= 3
    assert spaces.first.bounding_box()["height"] >= 80
    footer = page.inner_text(".cbl-packet__source")
    assert "Wilson Center Digital Archive" in footer and "packets/three-versions/" in footer
    assert not page.locator(".cbl-copy").first.is_visible()


def test_no_page_scrolls_sideways_on_a_phone(context_factory, server, page_paths):
    context = context_factory(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    wide = []
    for path in page_paths:
        page = open_page(context, server + path)
        if page.evaluate("document.documentElement.scrollWidth") > 360:
            culprit = page.evaluate(
                "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 361)"
                ".map(e => e.tagName + '.' + e.className).slice(0, 3)"
            )
            wide.append(f"{path}: {culprit}")
        page.close()
    assert not wide, "\n".join(wide)


def test_copy_link_works_by_touch(context_factory, server):
    context = context_factory(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True,
                              permissions=["clipboard-read", "clipboard-write"])
    page = open_page(context, server + "text/")
    button = page.locator("#s2-rebelled button.cbl-copy")
    assert float(button.evaluate("b => getComputedStyle(b).opacity")) == 1.0, "no hover on a phone: always shown"
    box = button.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    button.tap()
    page.wait_for_function("document.getElementById('cbl-status')?.textContent.includes('Link copied')")
    assert page.evaluate("navigator.clipboard.readText()") == server + "text/#s2-rebelled"
