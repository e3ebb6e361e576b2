"""Material's stylesheet ships without the rules nothing in the site can match
(macros/integration/theme_stylesheet.py). A reader must not see the difference: no element of any
page, nor of what scripts draw (search results, the drawer, the table of contents following the
reader, "Back to top", a glossary tip), could be styled by a dropped rule in any state. Each
dropped selector is stripped of its pseudo-classes (so `.x:hover` counts where `.x` is) and looked
for. A negative control drops one more rule family and must be caught. Run over every site (its
pages, and a name from its glossary typed into the search); this edition's page counts:
tests/edition/test_theme_stylesheet.py."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from macros.integration.theme_stylesheet import reduce_css, used_in_site
from tests.conftest import student_pages

FULL_CSS = next((Path(material.__file__).parent / "templates/assets/stylesheets").glob("main.*.min.css"))
REDUCED_LINK = re.compile(r'href="[^"]*assets/stylesheets/(main\.[0-9a-f]{8}\.[0-9a-f]{8}\.min\.css)"')


def _as_static(selector: str) -> str:
    """The selector without pseudo-classes and pseudo-elements: it matches every element the
    selector could match in any state (hover, focus, checked...), and some more."""
    previous = None
    while previous != selector:
        previous, selector = selector, re.sub(r"::?[\w-]+(\([^()]*\))?", "", selector)
    selector = re.sub(r"(^|[\s>+~])(?=[\s>+~]|$)", r"\1*", selector.strip())
    return selector or "*"


def _dropped(site) -> list[str]:
    dropped: list[str] = []
    reduce_css(FULL_CSS.read_text(encoding="utf-8"), used_in_site(site), dropped)
    return sorted({_as_static(s) for s in dropped})


MATCHED = """selectors => {
  const found = [];
  for (const s of selectors) {
    try { if (document.querySelector(s)) found.push(s); } catch (e) { found.push("invalid: " + s); }
  }
  return found;
}"""


def test_pages_link_the_reduced_stylesheet_and_it_is_smaller(site, page_paths):
    names = set()
    for path in page_paths:
        html = (site / path if path.endswith(".html") else site / path / "index.html").read_text(encoding="utf-8")
        assert FULL_CSS.name not in html, path
        names.update(REDUCED_LINK.findall(html))
    assert len(names) == 1, names
    reduced = site / "assets/stylesheets" / names.pop()
    assert reduced.is_file()
    assert reduced.stat().st_size < 0.75 * FULL_CSS.stat().st_size
    assert not (site / "assets/stylesheets" / FULL_CSS.name).exists()


def every_page(site) -> list[str]:
    return sorted(p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("*.html")
                  if "assets" not in p.relative_to(site).parts)


def fewest_pages(site_data) -> int:
    """Home, text, about, the 404 page and one page per glossary kind."""
    return 4 + len(site_data.kinds())


def _look_on_every_page(browser, base: str, site, site_data) -> list[str]:
    dropped = _dropped(site)
    assert len(dropped) > 300  # Material's blog, tags, tabs, code highlighting... are not used here
    paths = every_page(site)
    assert len(paths) >= fewest_pages(site_data)
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    found = []
    try:
        for path in paths:
            page.goto(base + path, wait_until="load")
            found += [f"{path or '/'}: {s}" for s in page.evaluate(MATCHED, dropped)]
    finally:
        context.close()
    return found


def test_no_element_on_any_page_could_use_a_dropped_rule(browser, server, site, site_data):
    found = _look_on_every_page(browser, server, site, site_data)
    assert not found, "\n".join(found)


def test_nor_on_any_page_of_the_instructor_edition(browser, instructor_server, instructor_site, site_data):
    """The instructor edition is built, and reduced, on its own pages (notes, model answers)."""
    found = _look_on_every_page(browser, instructor_server, instructor_site, site_data)
    assert not found, "\n".join(found)


def a_name(site_data) -> str:
    """A name from the site's glossary (the first place on its map, if it has one), to search for."""
    entries = list(site_data.entries().values())
    assert entries, "the site's glossary has entries"
    located = [e for e in entries if e.get("coordinates")]
    return (located or entries)[0]["name"]


def _search_results(page, site_data):
    toggle = page.locator("label.md-header__button[for='__search']")  # a phone's search button
    if toggle.is_visible():
        toggle.click()
    page.locator(".md-search__input").click()
    page.keyboard.type(a_name(site_data), delay=50)
    page.locator(".md-search-result__item").first.wait_for(timeout=20000)


def _drawer(page, site_data):
    page.locator("label.md-header__button[for='__drawer']").click()


def _scrolled_back_up(page, site_data):
    """Read down the text, then up a little: the table of contents follows, "Back to top" shows."""
    page.mouse.wheel(0, 4000)
    page.wait_for_timeout(200)
    page.mouse.wheel(0, -300)
    page.locator(".md-top").wait_for()


def _term_tip(page, site_data):
    assert any(e.get("forms") for e in site_data.entries().values()), "the text names an entry of the glossary"
    page.locator(".cbl-para .cbl-term").first.focus()


# The drawer is the phone's navigation; at desktop width its button is hidden.
@pytest.mark.parametrize("state, width", [
    (_search_results, 375), (_search_results, 1280), (_drawer, 375),
    (_scrolled_back_up, 375), (_scrolled_back_up, 1280), (_term_tip, 375), (_term_tip, 1280),
], ids=["search-results-375", "search-results-1280", "drawer-375", "scrolled-back-up-375",
        "scrolled-back-up-1280", "term-tip-375", "term-tip-1280"])
def test_what_scripts_draw_could_not_use_a_dropped_rule(browser, server, site, site_data, state, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(server + "text/", wait_until="load")
        state(page, site_data)
        assert not page.evaluate(MATCHED, _dropped(site))
    finally:
        context.close()


def test_the_check_finds_an_element_that_a_dropped_rule_styles(browser, server, site):
    """Negative control: drop the navigation links' rules too, and the check must find them."""
    used = used_in_site(site)
    dropped: list[str] = []
    reduce_css(FULL_CSS.read_text(encoding="utf-8"), lambda name: used(name) and name != "md-nav__link", dropped)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(server, wait_until="load")
        found = page.evaluate(MATCHED, sorted({_as_static(s) for s in dropped}))
    finally:
        context.close()
    assert found and all("md-nav__link" in s for s in found), found


@pytest.mark.parametrize("css, used, expected", [
    (".a{x:1}.b{x:2}", {"a"}, ".a{x:1}"),
    (".a,.b{x:1}", {"a"}, ".a{x:1}"),
    (".b .a{x:1}p{y:2}", {"a"}, "p{y:2}"),
    ("a:not(.b){x:1}", set(), "a:not(.b){x:1}"),
    (":is(.a,.b) p{x:1}", set(), ":is(.a,.b) p{x:1}"),
    ("@media print{.b{x:1}}@media screen{.a{x:1}}", {"a"}, "@media screen{.a{x:1}}"),
    ("@keyframes b{0%{x:1}}", set(), "@keyframes b{0%{x:1}}"),
    ('@charset "UTF-8";.b{content:"}"}.a{content:"{"}', {"a"}, '@charset "UTF-8";.a{content:"{"}'),
    (".a{x:1}/*# sourceMappingURL=main.css.map*/", {"a"}, ".a{x:1}"),
    ("[data-md-state=x] .b{x:1}#a{y:2}", set(), "#a{y:2}"),
], ids=["rule", "selector-list", "descendant", "not", "is", "media", "keyframes", "strings", "source-map", "attribute"])
def test_reduce_css_drops_only_what_cannot_match(css, used, expected):
    assert reduce_css(css, lambda name: name in used) == expected


def test_reduce_css_keeps_material_whole_when_every_class_is_used():
    full = FULL_CSS.read_text(encoding="utf-8")
    assert reduce_css(full, lambda name: True) == re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", full)
