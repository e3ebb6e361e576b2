"""MkDocs hook (mkdocs.yml, `hooks:`): under `mkdocs serve`, a rebuild skips work whose result
cannot have changed since the last one. A data edit is on screen sooner; `mkdocs build` and
everything the site publishes are untouched.

At every rebuild MkDocs lists and filters the theme's 14,000 files to find its static ones,
copies each of them into the server's folder again, and Material's search plugin compiles its
language template three times to look up three words. That was about a fifth of a rebuild
(measured with py-spy on a data edit). Here:

- a static file is copied only if its copy is older than the file (MkDocs' own `dirty` test,
  which serve does not use);
- the theme's static files are found once per server and again when `overrides/` changes;
- the search plugin's translations are looked up once per server and language, and again when
  `overrides/` changes;
- the search index parses only the pages whose HTML changed: Material's search plugin parses the
  HTML of every page at every rebuild (Python's html.parser, about 0.07 s of a half-second
  rebuild); the entries of a page whose address, title, search settings and HTML are the same
  as at one of the last two rebuilds are reused as they were (two: a mistake's rebuild, under the
  banner, comes between two builds of the same pages).

It patches names of MkDocs 1.6 and Material 9 (`File.copy_file`, `Files.add_files_from_theme`,
the search plugin's `_translate`, and its `search_index.add_entry_from_context(page)`, which
appends to `entries`); if one is missing, that part does nothing. Like the other hooks
it is loaded by its path and imports nothing from the package. tests/kit/test_build_and_serve.py
checks that pages, assets and the search index under serve follow every edit.
"""

from __future__ import annotations

import copy
import hashlib
import os
import sys
import types
from pathlib import Path

SERVE_FLAG = "KIT_MKDOCS_COMMAND"  # set by live_reload.py's on_startup
_STATE = "_kit_rebuild_less"  # in sys.modules: the patches and caches outlive a reload of this module
_SEARCH_STATE = "_kit_search_entries_2"  # (renamed when the shape of its cache changed)


def on_config(config):
    if os.environ.get(SERVE_FLAG) != "serve" or _STATE in sys.modules:
        return config
    state = types.SimpleNamespace(theme_files={}, words={})
    sys.modules[_STATE] = state  # type: ignore[assignment]
    _copy_only_what_changed()
    _find_theme_files_once(state)
    _translate_once(state)
    return config


def _overrides_signature(config) -> tuple:
    """What `overrides/` holds now (a few files): a change to it drops the caches below."""
    custom = config.theme.custom_dir
    if not custom or not os.path.isdir(custom):
        return ()
    return tuple(sorted((str(p), p.stat().st_mtime) for p in Path(custom).rglob("*")))


def _copy_only_what_changed() -> None:
    from mkdocs.structure.files import File

    copy_file = getattr(File, "copy_file", None)
    if copy_file is None or not hasattr(File, "is_modified"):
        return

    def copy_if_changed(self, dirty: bool = False) -> None:
        copy_file(self, True)  # copies generated files always, others when the copy is older

    File.copy_file = copy_if_changed


def _find_theme_files_once(state) -> None:
    from mkdocs.structure.files import File, Files

    add_files_from_theme = getattr(Files, "add_files_from_theme", None)
    if add_files_from_theme is None:
        return

    def add_theme_files(self, env, config) -> None:
        key = (tuple(config.theme.dirs), config.site_dir, config.use_directory_urls,
               tuple(config.theme.static_templates), _overrides_signature(config))
        found = state.theme_files.get(key)
        if found is None:
            probe = Files([])
            add_files_from_theme(probe, env, config)
            found = state.theme_files[key] = [(f.src_uri, f.src_dir) for f in probe]
        for path, folder in found:
            if self.get_file_from_path(path) is None:  # a file of docs/ wins, as in MkDocs
                self.append(File(path, folder, config.site_dir, config.use_directory_urls))

    Files.add_files_from_theme = add_theme_files


def _translate_once(state) -> None:
    try:
        from material.plugins.search.plugin import SearchPlugin
    except ImportError:
        return
    translate = getattr(SearchPlugin, "_translate", None)
    if translate is None:
        return

    def translate_once(self, config, value):
        key = (config.theme.get("language"), value, _overrides_signature(config))
        if key not in state.words:
            state.words[key] = translate(self, config, value)
        return state.words[key]

    SearchPlugin._translate = translate_once


def on_pre_build(config) -> None:
    if os.environ.get(SERVE_FLAG) != "serve":
        return
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(plugin, "search_index", None)
    original = getattr(index, "add_entry_from_context", None)
    if original is None or not isinstance(getattr(index, "entries", None), list):
        return
    state = sys.modules.setdefault(_SEARCH_STATE, types.SimpleNamespace(by_page={}))  # type: ignore[arg-type]

    def add_entry_from_context(page) -> None:
        key = (page.title, repr(page.meta.get("search")), hashlib.sha1(page.content.encode("utf-8")).digest())
        known = state.by_page.setdefault(page.url, [])
        for seen, entries in known:
            if seen == key:
                index.entries.extend(copy.deepcopy(entries))
                return
        before = len(index.entries)
        original(page)
        # Two versions per page: the page as it was before a mistake is found again when the
        # mistake is mended (the mistake's build drew it differently, under the banner).
        known[:] = [*known[-1:], (key, copy.deepcopy(index.entries[before:]))]

    index.add_entry_from_context = add_entry_from_context
