"""The positive controls of the checks on the fictional document's site
(tests/kit/test_second_document.py): the words they look for are on this edition's pages, which
are about Cable 59442 and have every part."""

from __future__ import annotations

import re

import pytest

from tests.kit.test_second_document import ABSENT_PARTS, _content, cable_words


def test_the_word_check_finds_the_cable(site):
    assert {"cable", "Hami", "Mao", "Xinjiang", "59442", "Kovalev", "Stalin", "PLA"} <= set(
        cable_words((site / "index.html").read_text(encoding="utf-8") + (site / "text" / "index.html").read_text(encoding="utf-8")))


@pytest.mark.parametrize("part, words", ABSENT_PARTS, ids=[p for p, _ in ABSENT_PARTS])
def test_the_words_of_each_part_are_found_on_this_edition(site, part, words):
    assert any(re.search(words, text) for text in _content(site).values()), f"{part}: the check finds nothing on this edition"
