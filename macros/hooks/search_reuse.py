"""MkDocs hook (mkdocs.yml, `hooks:`): under `mkdocs serve`, the search index parses only the
pages whose HTML changed.

Material's search plugin parses the HTML of every page at every rebuild (Python's html.parser:
about 0.07 s of a half-second rebuild), yet an edit changes a few pages. Here the index entries
of a page whose address, title, search settings and HTML are the same as at the last rebuild are
reused as they were. `mkdocs build` is untouched, and so is everything the site publishes.

It relies on two names of Material's search plugin (9.x): `search_index` and its
`add_entry_from_context(page)`, which appends to `entries`; if either is missing it does nothing
(tests/test_build_and_serve.py checks that the index under serve follows an edit).
"""

from __future__ import annotations

import copy
import hashlib
import os
import sys
import types

SERVE_FLAG = "KIT_MKDOCS_COMMAND"  # set by live_reload.py's on_startup
_STATE = "_kit_search_entries"  # in sys.modules, so that it outlives a reload of this module


def on_pre_build(config) -> None:
    if os.environ.get(SERVE_FLAG) != "serve":
        return
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(plugin, "search_index", None)
    original = getattr(index, "add_entry_from_context", None)
    if original is None or not isinstance(getattr(index, "entries", None), list):
        return
    state = sys.modules.setdefault(_STATE, types.SimpleNamespace(by_page={}))  # type: ignore[arg-type]

    def add_entry_from_context(page) -> None:
        key = (page.title, repr(page.meta.get("search")), hashlib.sha1(page.content.encode("utf-8")).digest())
        known = state.by_page.get(page.url)
        if known and known[0] == key:
            index.entries.extend(copy.deepcopy(known[1]))
            return
        before = len(index.entries)
        original(page)
        state.by_page[page.url] = (key, copy.deepcopy(index.entries[before:]))

    index.add_entry_from_context = add_entry_from_context
