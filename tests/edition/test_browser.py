"""This edition's names in the site's search (the kit's search test, on one name found in each
site's data, is in tests/kit/test_browser.py)."""

from __future__ import annotations

import pytest

from tests.kit.test_browser import context_factory, open_page, search_first_result  # noqa: F401 (a fixture)


# A name, or a name the cable does not print: its glossary entry is the first result, in the first
# group (its page). "Urumqi" listed Sources first and the entry fifth until the entries carried their
# other names and plain-letter spellings into the index (macros/integration/search.py); "Kovalev"
# listed the text page first until the glossary pages were boosted.
@pytest.mark.parametrize("query, kind, entry", [
    ("Urumqi", "places", "urumqi"), ("Dihua", "places", "urumqi"), ("Kumul", "places", "hami"),
    ("Barkol", "places", "zhenxi"), ("Burhan", "people", "burhan-shahidi"), ("Kovalev", "people", "kovalev"),
])
def test_site_search_lists_the_glossary_entry_first(context_factory, server, query, kind, entry):  # noqa: F811
    page = open_page(context_factory(), server)
    first = search_first_result(page, query, kind, entry)
    assert first[0].endswith(f"glossary/{kind}/") and first[1].endswith(f"glossary/{kind}/#{entry}"), f"{query!r}: the first result is {first}"
    assert not page.errors
