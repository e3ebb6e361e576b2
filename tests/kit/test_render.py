"""Rendering units, tested without MkDocs: the document's words stay literal, marks are
recognised, prose allows only its small Markdown subset, citations are well formed. The units
that read a site's data run over every site, what they must print taken from its document.yml;
this edition's values (RGASPI, Goldberg, 25 October 1949) and references: tests/edition/test_render.py."""

from __future__ import annotations

import re
import shutil

import pytest
from bs4 import BeautifulSoup

from macros.files.models.sources import MarkKind
from macros.files.models.text import Layer, Paragraph, Section
from macros.links import relative
from macros.matching.marks import Mark, parse_marks, plain_text
from macros.templating.environment import Renderer
from macros.templating.markup import markdown_inline, render_prose
from macros.views import citation
from macros.views.edition import NumberedParagraph
from macros.views.load import load_edition
from tests.conftest import ROOT
from tests.kit.test_metadata import document_of, filed_text, written

KINDS = [
    MarkKind(id="sic", name="Sic", explanation="thus", forms=["[sic]"]),
    MarkKind(id="stamp", name="Stamp", explanation="a stamp", starts_with=["[stamp:"]),
    MarkKind(id="original-term", name="Original", explanation="Russian", forms=["[OS – SIC]"]),
]


@pytest.fixture
def edition(site_data):
    """The site's data, as the build reads it."""
    return load_edition(site_data.data_dir)


@pytest.fixture
def renderer(edition):
    return Renderer(edition, instructor=False, site_url="https://example.org/site/")


def numbered(text: str, kinds=KINDS) -> NumberedParagraph:
    paragraph = Paragraph(id="p-test", text=text)
    section = Section(id="s-test", paragraphs=[paragraph])
    layer = Layer(id="report", title="Report", about="About.", colour={"light": "#000000", "dark": "#ffffff"}, sections=[section])
    return NumberedParagraph(7, paragraph, section, layer, parse_marks(text, kinds))


def test_marks_nest_and_keep_every_character():
    text = "[stamp: 1786 Special Department [OS – SIC]\nIncoming] and 3. [sic] After"
    tokens = parse_marks(text, KINDS)
    assert plain_text(tokens) == text
    stamp = tokens[0]
    assert isinstance(stamp, Mark) and stamp.kind.id == "stamp"
    assert [t.kind.id for t in stamp.children if isinstance(t, Mark)] == ["original-term"]
    assert [t.kind.id for t in tokens if isinstance(t, Mark)] == ["stamp", "sic"]


def test_unknown_bracket_is_refused():
    with pytest.raises(ValueError, match=r"\[Zhou\]"):
        parse_marks("MA [Zhou]", KINDS)


def test_paragraph_is_literal_text_with_number_anchor_and_copy_control(renderer):
    html = renderer.render("paragraph.html", "text/", p=numbered('<script>alert(1)</script> {{ x }} *not em* [sic] & “Nº”'))
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("script") is None and soup.find("em") is None
    text = soup.select_one(".cbl-para__text").get_text()
    assert text == '<script>alert(1)</script> {{ x }} *not em* [sic] & “Nº”'
    assert soup.select_one(".cbl-para")["id"] == "p-test"
    assert soup.select_one(".cbl-para__num")["href"] == "#p-test"
    button = soup.select_one("button.cbl-copy")
    assert button["data-cbl-target"] == "p-test" and "paragraph 7" in button["aria-label"]
    mark = soup.select_one(".cbl-mark--sic")
    assert mark.get_text() == "[sic]" and mark["tabindex"] == "0" and mark["aria-describedby"] == "mark-sic"


def test_line_breaks_are_kept(renderer):
    soup = BeautifulSoup(renderer.render("paragraph.html", "text/", p=numbered("Copy Nº 1\nCopy Nº 2")), "html.parser")
    assert len(soup.select(".cbl-para__text br")) == 1


@pytest.mark.parametrize(
    "source, expected",
    [
        ("plain *em* and **strong**", "plain <em>em</em> and <strong>strong</strong>"),
        ("[Wilson](https://example.org/a_b*c)", '<a href="https://example.org/a_b*c">Wilson</a>'),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("[x](javascript:alert(1))", "[x](javascript:alert(1))"),
        ("![img](https://example.org/i.png)", '!<a href="https://example.org/i.png">img</a>'),
        ('<img src=x onerror="alert(1)">', "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;"),
        ("{{ 7*7 }} {% if %}", "{{ 7*7 }} {% if %}"),
        # Block syntax of Markdown stays one line of text: no heading, list, table or code block.
        ("first\n\n# heading\n\n    code\n- item\n| a | b |", "first # heading code - item | a | b |"),
        ("a \x000\x00 b", "a 0 b"),  # the internal placeholder cannot be written from data
    ],
)
def test_prose_allows_only_emphasis_https_links_and_references(source, expected):
    assert render_prose(source) == expected


# The emphasis rules as they were written before (regular expressions that backtrack): the
# one-pass pairing must give the same HTML on every input, only without their quadratic time.
_STRONG_BEFORE = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EM_BEFORE = re.compile(r"(?<![*\w])\*(?=\S)(.+?)(?<=\S)\*(?![*\w])")


def test_emphasis_pairs_as_the_regular_expressions_did():
    import random

    from macros.templating.markup import _inline

    rng = random.Random(59442)
    samples = ["".join(rng.choice("** a_é.\u00a0") for _ in range(rng.randint(0, 16))) for _ in range(30_000)]
    samples += ["**a**", "*a*", "***a***", "a*b*c", "**a **b**", "* a *", "_*a*_", "**", "*"]
    differ = [s for s in samples if _inline(s) != _EM_BEFORE.sub(r"<em>\1</em>", _STRONG_BEFORE.sub(r"<strong>\1</strong>", s))]
    assert not differ, differ[:5]
    assert sum("<strong>" in _inline(s) for s in samples) > 500 and sum("<em>" in _inline(s) for s in samples) > 500


@pytest.mark.parametrize("unit", ["**a ", "*a ", "**", "* ", "a*", "***", "**a**a ", "*[", "[[a|", "[a](https://a.org/", "[", "](", "\\*"])
def test_prose_renders_in_linear_time_whatever_it_holds(unit):
    """200 KB of one pattern repeated (80 KB of '**a ' once took 32 s); the models bound a prose
    field to 10,000 characters, so this is twenty times what a field can hold."""
    import time

    text = unit * (200_000 // len(unit))
    started = time.monotonic()
    render_prose(text, lambda target, words: words or target)
    assert time.monotonic() - started < 2


@pytest.mark.parametrize("source", [
    "Near [[turpan|[Turpan](https://en.wikipedia.org/wiki/Turpan)]].",
    "[see [[turpan]] here](https://en.wikipedia.org/wiki/Turpan)",
    "[[turpan|**[x](https://a.org/)**]] and [[hami|the [town]]]",
])
def test_no_placeholder_is_left_in_prose_however_links_and_references_nest(source):
    """The models refuse these ('[[' that opens no reference); rendered anyway, no internal
    placeholder (NUL bytes and a number) may reach the page, and the words stay."""
    html = str(render_prose(source, lambda target, words: f'<a href="#{target}">{words or target}</a>'))
    assert "\x00" not in html and not re.search(r"\x00|\b\d+\x00", html)
    text = BeautifulSoup(html, "html.parser").get_text()
    assert ("Turpan" in text or "turpan" in text) and "\x00" not in text


def test_markdown_inline_keeps_headings_and_templates_literal():
    assert markdown_inline("Title\n\n# Heading {{ x }} <b>") == r"Title \# Heading \{\{ x \}\} &lt;b&gt;"


# MLA 9th edition abbreviates the months of more than four letters.
MLA_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]


def test_citations_name_title_date_archive_translator_and_record(edition, site_data):
    document = document_of(site_data)
    day = written(document)
    doc = edition.document
    for text in (citation.chicago(doc), citation.mla(doc)):
        assert document["title"] in text
        if document.get("translator"):
            assert document["translator"] in text
        else:  # a record that names no translator: the citation names none
            assert "ranslat" not in text, text
        assert document["archival_citation"].rstrip(".") in text
        assert document["record"]["url"].removeprefix("https://") in text
    assert f"{day:%B} {day.day}, {day.year}" in citation.chicago(doc), "Chicago: October 25, 1949"
    assert f"{day.day} {MLA_MONTHS[day.month - 1]} {day.year}" in citation.mla(doc), "MLA: 25 Oct. 1949"


def test_meta_tags_describe_the_document_for_reference_managers(edition, site_data):
    document = document_of(site_data)
    tags = dict(citation.meta_tags(edition.document))
    assert tags["citation_title"] == document["title"]
    assert tags["citation_date"] == f"{written(document):%Y/%m/%d}"
    assert tags["DC.creator"] == filed_text(document, "author")
    if document.get("translator"):
        assert tags["z.translators"] == filed_text(document, "translator")
    else:
        assert "z.translators" not in tags


@pytest.mark.parametrize(
    "here, page, anchor, expected",
    [("about/", "text.md", "stamp", "../text/#stamp"), ("", "text.md", "", "text/"),
     ("about/", "about.md", "cite", "#cite"), ("a/b/", "index.md", "", "../../")],
)
def test_links_are_relative_so_the_site_works_under_a_sub_path(here, page, anchor, expected):
    assert relative(here, page, anchor) == expected


def test_the_stylesheet_is_shipped_without_comments_and_otherwise_unchanged():
    import re

    from macros.integration.assets import _COMMENT, minify_css

    source = (ROOT / "docs" / "assets" / "kit.css").read_text(encoding="utf-8")
    shipped = minify_css(source)
    import gzip

    assert "/*" not in shipped
    assert len(gzip.compress(shipped.encode())) < 0.75 * len(gzip.compress(source.encode())), "a quarter fewer bytes sent"
    squeeze = lambda css: re.sub(r"\s+", "", css)  # noqa: E731
    assert squeeze(shipped) == squeeze(_COMMENT.sub("", source)), "only comments and whitespace went"
    strings = re.findall(r'"[^"\n]*"', _COMMENT.sub("", source))
    assert strings and all(s in shipped for s in strings), "every string kept as written"


def test_pages_ship_without_the_templates_indentation():
    from macros.integration.assets import trim_indentation

    html = ('<nav>\n      <ul>\n        <li><a href="a">A</a>\n        <a href="b">B</a></li>\n      </ul>\n    </nav>'
            '<pre>  kept\n    as written\n</pre><script>\n  var a = 1\n  var b = 2\n</script><p>one  two</p>')
    assert trim_indentation(html) == (
        '<nav>\n<ul>\n<li><a href="a">A</a>\n<a href="b">B</a></li>\n</ul>\n</nav>'
        '<pre>  kept\n    as written\n</pre><script>\n  var a = 1\n  var b = 2\n</script><p>one  two</p>'
    ), "indentation goes; a line break stays between words and links; pre and script keep theirs"


def test_the_site_citation_asks_for_the_address_where_the_build_has_none(edition, site_data, tmp_path):
    """A local preview has no public address: the citation asks the reader for it and links the
    example paragraph on the site itself; editors named in site.yml replace "the site's contributors"."""
    from macros.render.source import render_site_citation

    shutil.copytree(site_data.data_dir, tmp_path / "data")
    with (tmp_path / "data" / "site.yml").open("a", encoding="utf-8") as site_file:
        site_file.write("\neditors: Ann Lee and Bo Chen\n")
    local = Renderer(load_edition(tmp_path / "data"), instructor=False, site_url="http://127.0.0.1:8000/")
    soup = BeautifulSoup(render_site_citation(local, "about/", 1999), "html.parser")
    assert soup.find(id="cite-this-site").get_text() == (
        f"Ann Lee and Bo Chen, {edition.site.title}, 1999, (the address where you read it)."
    )
    example = soup.select_one(".cbl-cite-paragraph").find_all("a")[-1]
    assert example.get_text() == "its link" and example["href"].startswith("../text/#")

    published = Renderer(edition, instructor=False, site_url="https://example.org/site/")
    text = BeautifulSoup(render_site_citation(published, "about/", 1999), "html.parser").find(id="cite-this-site").get_text()
    assert text == f"The site’s contributors, {edition.site.title}, 1999, https://example.org/site/."
