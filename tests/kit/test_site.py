"""Each site (this edition and every fixture site), built strictly once, inspected as HTML.
What a page must show is taken from the site's data (tests/sites.py); this edition's own words
and counts are in tests/edition/test_site.py."""

from __future__ import annotations

import json
import re
import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOT, student_pages
from tests.site_checks import broken_links


def soup_of(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def paragraph_texts(soup: BeautifulSoup) -> list[str]:
    texts = []
    for element in soup.select(".cbl-para__text"):
        for br in element.find_all("br"):
            br.replace_with("\n")
        texts.append(element.get_text())
    return texts


def minimum_pages(site_data) -> int:
    """The fewest pages the site's data makes: home, text, about and the 404 page, one per
    glossary kind, one per packet and one per lesson."""
    return 4 + len(site_data.kinds()) + len(site_data.items("packets.yml", "packets")) + len(site_data.items("lessons.yml", "lessons"))


def test_text_page_reproduces_the_text_word_for_word(site, site_data):
    """Every paragraph of the document, in order, character for character (line breaks
    included), as text.yml has it, and as the transcription has it where the site keeps one."""
    expected = list(site_data.paragraphs().values())
    assert expected, "the text has paragraphs"
    assert paragraph_texts(soup_of(site, "text")) == expected
    transcription = site_data.data_dir / "transcription.txt"
    if transcription.is_file():
        assert re.split(r"\n\s*\n", transcription.read_text(encoding="utf-8").strip()) == expected


def test_every_paragraph_has_its_permanent_id_and_number(site, site_data):
    soup = soup_of(site, "text")
    paragraphs = soup.select(".cbl-para")
    assert paragraphs and [p["id"] for p in paragraphs] == list(site_data.paragraphs())
    assert [p.select_one(".cbl-para__num").get_text() for p in paragraphs] == [
        str(n) for n in range(1, len(paragraphs) + 1)
    ]
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids)), "duplicate ids on the text page"


def test_layers_and_sections_have_anchors_and_distinct_styles(site, site_data):
    soup = soup_of(site, "text")
    layers = site_data.data("text.yml")["layers"]
    assert layers
    for layer in layers:
        assert soup.find(id=layer["id"]) is not None, layer["id"]
        assert soup.select(f".cbl-layer--{layer['id']} .cbl-para"), layer["id"]
        for section in layer["sections"]:
            assert soup.find(id=section["id"]) is not None, section["id"]
    if len(layers) > 1:
        colours = {layer["colour"]["light"] for layer in layers}
        assert len(colours) == len(layers), "each layer in its own colour"


def _marks_in_text(site_data) -> tuple[set[str], set[str]]:
    """The bracketed forms the text prints (kinds' `forms`), and the kinds' `starts_with`
    openings it prints: found in the paragraphs by plain search."""
    kinds = site_data.items("marks.yml", "marks")
    text = "\n".join(site_data.paragraphs().values())
    forms = {f for kind in kinds for f in kind.get("forms", []) if f in text}
    openings = {o for kind in kinds for o in kind.get("starts_with", []) if o in text}
    return forms, openings


def test_editorial_marks_are_set_apart_and_explained(site, site_data):
    soup = soup_of(site, "text")
    shown = [m.get_text() for m in soup.select(".cbl-mark[aria-describedby]")]
    forms, openings = _marks_in_text(site_data)
    if not forms and not openings:
        assert not shown and "[" not in "".join(site_data.paragraphs().values()), "no brackets, no marks"
        return
    for form in forms:
        assert form in shown, form
    for opening in openings:
        assert any(m.startswith(opening) for m in shown), opening
    for mark in soup.select(".cbl-mark[aria-describedby]"):
        assert soup.find(id=mark["aria-describedby"]) is not None
        assert mark.get("data-cbl-tip")


def test_every_internal_link_and_anchor_resolves(site, site_data):
    """Relative links, and absolute ones to the public address (the canonical link)."""
    problems, checked = broken_links(site, site_data.public_url)
    assert not problems, "\n".join(problems)
    # At least: every paragraph's number links to it, every page its stylesheets and scripts.
    floor = len(site_data.paragraphs()) + 3 * minimum_pages(site_data)
    assert checked > floor, (checked, floor)


def test_no_page_loads_anything_from_another_host(site, site_data):
    pages = list(site.rglob("*.html"))  # the encrypted instructor edition's too (its password page loads nothing)
    assert len(pages) >= minimum_pages(site_data)
    students = set(student_pages(site))
    loaded = 0
    for html_file in pages:
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for element in soup.select("script[src], link[rel=stylesheet], img[src], iframe"):
            reference = element.get("src") or element.get("href")
            assert not re.match(r"(https?:)?//", reference), f"{html_file}: {reference}"
            loaded += html_file in students
    assert loaded >= 3 * len(students), loaded  # every student page loads its stylesheets and scripts


def test_about_page_gives_record_chain_citations_rights_and_meta_tags(site, site_data):
    document = site_data.data("document.yml")
    soup = soup_of(site, "about")
    record = " ".join(soup.select_one(".cbl-record").get_text().split())
    for field in ("archival_citation", "translator", "original_classification", "archive_name"):
        if document.get(field):
            assert " ".join(str(document[field]).rstrip(".").split()) in record, field
    assert document["record"]["url"] in str(soup.select_one(".cbl-record"))
    others = soup.select_one(".cbl-other-records")
    assert bool(others) == bool(document.get("other_records"))
    for other in document.get("other_records", []):
        assert others.select_one(f'a[href="{other["url"]}"]'), other["id"]
    assert len(soup.select(".cbl-chain__step")) == len(document.get("chain", []))
    for key in ("chicago", "mla"):
        assert soup.find(id=f"cite-{key}").get_text().strip()
        assert soup.select_one(f'button[data-cbl-target="cite-{key}"]')
    rights = " ".join(soup.select_one(".cbl-rights").get_text().split())
    assert document["rights"] and all(" ".join(r.split())[:60] in rights for r in document["rights"])
    meta = {m["name"]: m["content"] for m in soup.find_all("meta", attrs={"name": True})}
    if not site_data.front_matter("about.md").get("citation_meta"):
        assert "citation_title" not in meta, "the tags only where the page asks for them (citation_meta)"
        return
    assert meta["citation_title"] == document["title"]
    if document.get("archival_citation"):
        assert meta["DC.coverage"] == document["archival_citation"].rstrip(".")


def test_about_page_says_how_to_cite_the_site_and_its_paragraph_numbers(site, site_data):
    """The citation names the site's title, its editors (or its contributors), the year it was
    built and its public address; its example paragraph's number and link are the ones the text
    page shows for that paragraph."""
    about = soup_of(site, "about")
    if not site_data.calls("about.md", "site_citation"):
        assert not about.find(id="cite-this-site"), "only where the page asks for it"
        return
    paragraphs = site_data.paragraphs
    public_url = site_data.public_url
    assert about.find(id="cite-site").get_text(strip=True).startswith("Cite this site")
    site_yml = site_data.data("site.yml")
    citation = about.find(id="cite-this-site").get_text()
    year = datetime.now(timezone.utc).year
    editors = site_yml.get("editors") or "The site’s contributors"
    assert citation == f"{editors}, {site_yml['title']}, {year}, {public_url}."
    assert about.select_one('button[data-cbl-target="cite-this-site"]')

    note = about.select_one(".cbl-cite-paragraph")
    words = " ".join(note.get_text().split())
    assert f"(¶ 1–{len(paragraphs())})" in words and "not the archive’s" in words
    example = note.find_all("a")[-1]
    assert example["href"].startswith("../text/#")
    paragraph_id = example["href"].split("#", 1)[1]
    assert example.get_text() == f"{public_url}text/#{paragraph_id}"
    shown = soup_of(site, "text").find(id=paragraph_id).select_one(".cbl-para__num").get_text()
    assert f"¶ {shown}, {public_url}text/#{paragraph_id}" in words
    assert shown == str(list(paragraphs()).index(paragraph_id) + 1)


def test_search_index_holds_the_text(site, site_data):
    """A word of every paragraph (its longest) is found in the search index."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    words = [max(re.findall(r"\w+", p), key=len) for p in site_data.paragraphs().values() if re.search(r"\w", p)]
    assert words and not [w for w in words if w not in text]


@pytest.mark.parametrize("page", ["", "text", "about"])
def test_pages_have_a_title_description_and_language(site, page):
    soup = soup_of(site, page)
    assert soup.html["lang"] == "en"
    assert soup.find("meta", attrs={"name": "description"})["content"]
    assert soup.title.get_text().strip()


def test_the_home_page_shows_each_reader_where_to_start(site, site_data):
    """The cards of data/site.yml's `home`, each with its links to the pages the site has; a
    site without cards has none."""
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    cards = {c.select_one(".cbl-home__title").get_text(strip=True): c for c in home.select(".cbl-home > ul > li")}
    wanted = (site_data.data("site.yml").get("home") or []) if site_data.calls("index.md", "home_cards") else []
    assert set(cards) == {card["title"] for card in wanted}
    for card in wanted:
        hrefs = {a["href"] for a in cards[card["title"]].select("a[href]")}
        for link in card.get("links", []):
            page = link["page"].removesuffix(".md").removesuffix("index").rstrip("/")
            page = f"{page}/" if page else "./"
            assert (page in hrefs) == (site / page / "index.html").is_file(), (card["title"], page)
    # Without cards the opening still points to the text (page-home-intro.html); with them, the
    # cards do, and the opening does not say it again.
    pointer = [p for p in home.select("article > p") if p.find("a", href="text/")]
    assert bool(pointer) == (not wanted), "a home page without cards, and only it, points to the text in its opening"
    # Negative control: without the repository's address (REPOSITORY_URL) no card for editors,
    # rather than one that says "see the README" with nowhere to go.
    assert "Change or reuse it" not in cards


def test_the_card_for_editors_links_the_repository(tmp_path, site_data):
    from tests.conftest import assert_clean_build, mkdocs_build

    repository = f"https://github.com/example/{site_data.slug}"
    with_cards = site_data.calls("index.md", "home_cards")
    site = tmp_path / "site"
    assert_clean_build(mkdocs_build(site_data.assemble(tmp_path / "project"), site, extra_env={"REPOSITORY_URL": repository}))
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    cards = [c for c in home.select(".cbl-home > ul > li") if "Change or reuse it" in c.get_text()]
    if not with_cards:
        assert not cards, "no cards where the home page does not ask for them"
        return
    (card,) = cards
    assert card.select_one(f'a[href="{repository}"]')


FILE_NAMES = re.compile(r"\b[\w-]+\.(?:yml|yaml|py|json|md)\b|\bdata/|\bREADME\b|\b[a-z]+_[a-z_]+\b")  # files, fields


@pytest.mark.parametrize("edition", ["student", "instructor"])
def test_no_reader_sees_a_file_name(site, instructor_site, edition):
    """Students and instructors read prose, never a file or folder name of the project."""
    root = site if edition == "student" else instructor_site
    seen = {}
    for page in root.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for hidden in soup.select("script, style, .cbl-data-error"):
            hidden.decompose()
        found = FILE_NAMES.findall(soup.get_text(" "))
        if found:
            seen[page.relative_to(root).as_posix()] = found[:5]
    assert not seen, seen


def _headings(path: Path) -> dict[str, str]:
    """A Markdown file's headings by the anchor GitHub gives them ("Speed, size and safety" →
    speed-size-and-safety), fenced code left out."""
    text = re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"), flags=re.M | re.S)
    names = [h.strip() for h in re.findall(r"^#{1,4} (.+)$", text, re.M)]
    return {re.sub(r"[^\w\- ]", "", name.lower()).replace(" ", "-"): name for name in names}


def broken_pointers(root: Path) -> tuple[list[str], int]:
    """Where the README and the guides link to each other ([words](guides/editing.md#ids-are-permanent))
    and where data, code and the Makefile send an editor to a guide's section by name
    ('guides/editing.md, "Ids are permanent"'): each names a file and a heading it has."""
    problems, checked = [], 0
    documents = [root / "README.md", *sorted((root / "guides").glob("*.md"))]
    for document in documents:
        for target, anchor in re.findall(r"\]\(((?:\.\./|guides/)?[\w.-]+\.md)?(?:#([\w-]+))?\)", document.read_text(encoding="utf-8")):
            if not target and not anchor:
                continue
            checked += 1
            path = (document.parent / target).resolve() if target else document
            if not path.is_file() or (anchor and anchor not in _headings(path)):
                problems.append(f"{document.relative_to(root)}: {target}#{anchor}")
    sources = [*sorted((root / "data").glob("*.yml")), *sorted((root / "macros").rglob("*.py")), root / "Makefile"]
    for source in sources:
        text = " ".join(source.read_text(encoding="utf-8").split())
        for target, name in re.findall(r'(README\.md|README|guides/[\w-]+\.md), \\?"([^"\\]+)\\?"', text):
            checked += 1
            path = root / ("README.md" if target.startswith("README") else target)
            if not path.is_file() or name not in _headings(path).values():
                problems.append(f'{source.relative_to(root)}: {target}, "{name}"')
    return problems, checked


def test_every_pointer_to_a_guide_names_a_section_it_has(tmp_path):
    """A newcomer follows the README's links into the guides, and an editor follows a data file's
    comment ('guides/editing.md, "Ids are permanent"') to its section: each exists."""
    problems, checked = broken_pointers(ROOT)
    assert checked >= 25 and not problems, problems
    # The negative control: a guide's heading renamed breaks the pointers to it.
    for part in ("guides", "data", "macros"):
        shutil.copytree(ROOT / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__", "schemas"))
    for name in ("README.md", "Makefile"):
        shutil.copy2(ROOT / name, tmp_path / name)
    guide = tmp_path / "guides" / "editing.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace("## Ids are permanent", "## Ids last"), encoding="utf-8")
    problems, _ = broken_pointers(tmp_path)
    assert any("#ids-are-permanent" in p for p in problems) and any('"Ids are permanent"' in p for p in problems), problems


def test_no_reader_sees_an_escaped_character(site):
    """Text escaped twice shows its entity ("the PLA&#39;s arrival" in the navigation, as a lesson
    title once did): no page's text holds one."""
    residue = re.compile(r"&(?:#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);", re.I)
    seen = {}
    for page in site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for hidden in soup.select("script, style"):
            hidden.decompose()
        texts = [soup.get_text(" ")] + [soup.title.get_text() if soup.title else ""]
        found = [m for t in texts for m in residue.findall(t)]
        if found:
            seen[page.relative_to(site).as_posix()] = found[:5]
    assert not seen, seen
