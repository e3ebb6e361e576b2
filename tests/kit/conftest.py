"""The kit's tests run over every site (tests/sites.py): this edition and every fixture site.

A test that uses `site_name` (or anything built from it: `site`, `server`, `site_data`…) is run
once per site, unless it parametrizes `site_name` itself (one case per item of a site's data:
`tests.sites.site_items`)."""

from __future__ import annotations

from tests.sites import SITES


def _parametrizes_site_name(metafunc) -> bool:
    for marker in metafunc.definition.iter_markers("parametrize"):
        names = marker.args[0]
        names = [n.strip() for n in names.split(",")] if isinstance(names, str) else list(names)
        if "site_name" in names:
            return True
    return False


def pytest_generate_tests(metafunc):
    if "site_name" in metafunc.fixturenames and not _parametrizes_site_name(metafunc):
        metafunc.parametrize("site_name", list(SITES), ids=list(SITES))
