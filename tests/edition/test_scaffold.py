"""The scaffold on this edition's own page: the seed capture (the archive's page of Cable 59442)
gives today's data/text.yml word for word, its strict build with the repository's docs/ shows
it, and its record is the page's (the kit's checks of the scaffold: tests/kit/test_scaffold.py)."""

from __future__ import annotations

import re

import yaml
from bs4 import BeautifulSoup

from tests.conftest import ROOT
from tests.data_files import paragraphs as todays_paragraphs
from tests.kit.test_scaffold import data_paragraphs, kit_files, seed, shown_paragraphs  # noqa: F401 (seed: a fixture)


def test_the_seed_page_gives_todays_text_word_for_word(seed):
    project, _ = seed
    today = list(todays_paragraphs().values())
    assert len(today) == 41
    assert [text for _, text in data_paragraphs(project)] == today, "every paragraph, in order, line breaks kept"
    transcription = (project / "data" / "transcription.txt").read_text(encoding="utf-8")
    assert transcription == "\n\n".join(today) + "\n"


def test_the_seed_strict_build_shows_every_paragraph_as_printed(seed):
    """Built with the repository's docs/, unchanged, the text page shows every paragraph of
    today's data/text.yml word for word (line breaks kept), in order."""
    project, site = seed
    assert kit_files(project) == kit_files(ROOT), "the kit as it is: code, theme, config, docs/"
    today = list(todays_paragraphs().values())
    assert len(today) == 41
    assert shown_paragraphs(site) == today
    # The negative control: one word changed on the built page (in ¶ 5) is one paragraph that differs.
    page = BeautifulSoup((site / "text" / "index.html").read_text(encoding="utf-8"), "html.parser")
    words = page.select(".cbl-para__text")[4].find(string=re.compile(r"\b[A-Za-z]{4,}\b"))
    word = re.search(r"\b[A-Za-z]{4,}\b", words).group(0)
    words.replace_with(words.replace(word, word[:-1] + "X", 1))
    changed = shown_paragraphs(site, str(page))
    assert len(changed) == len(today)
    assert [i for i, (shown, typed) in enumerate(zip(changed, today)) if shown != typed] == [4], word
    page = BeautifulSoup((site / "text" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one(".cbl-para .cbl-mark--stamp").get_text().startswith("[stamp: 1786")
    assert page.select_one(".cbl-para .cbl-mark--sic").get_text() == "[sic]"


def test_the_seed_record_is_the_pages_and_nothing_more(seed):
    """What the page prints, as this edition typed it by hand; what it does not print is absent."""
    project, _ = seed
    record = yaml.safe_load((project / "data" / "document.yml").read_text(encoding="utf-8"))
    today = yaml.safe_load((ROOT / "data" / "document.yml").read_text(encoding="utf-8"))
    given = ("title", "date", "summary", "archival_citation", "translator", "original_classification", "program", "rights")
    assert set(record) == set(given)
    assert {k: record[k] for k in given} == {k: today[k] for k in given}
    assert "Stalin" in record["title"] and record["original_classification"] == "Top Secret"
    for invented in ("author", "recipient", "archive_name", "publisher", "original_language", "record", "chain"):
        assert invented not in record, invented
    site = yaml.safe_load((project / "data" / "site.yml").read_text(encoding="utf-8"))
    assert (site["title"], site["document_noun"]) == (record["title"], "cable")
