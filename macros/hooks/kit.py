"""MkDocs hook (mkdocs.yml, `hooks:`): the edition kit's part in every build.

- `on_config`: load and check `data/` once (`macros.integration.state`); take the site's name from
  it; shape the navigation (glossary kinds, packets and lessons; optional parts left out).
- `on_pre_build`: the offline copy loads its worker shim from the site, not from unpkg.com.
- `on_files`: add the pages generated from data, drop the pages of absent parts.
- `on_env`: the theme's compiled templates are kept between builds; a template in `overrides/`
  that does not parse stops the build with its file and line; while serving, the site falls
  back to Material's own templates and says why.
- `on_page_content`: the HTML of the macros, kept out of Markdown, goes back in its place.
- `on_page_context`: a page of docs/ without a description gets one from the data; a page's
  description is escaped for the attribute Material prints it into;
  a glossary entry's section of the search index gets its other names (`macros.integration.search`);
  the page's schema.org data (`macros.integration.sharing`), printed by overrides/partials/sharing-meta.html.
- `on_post_page`: the page without the theme's indentation.
- `on_post_build`: the kit's stylesheet is shipped without its comments, and (except under
  `mkdocs serve`) Material's without the rules that nothing in the site can match
  (`macros.integration.theme_stylesheet`).

A build stops on the first error with one message; `mkdocs serve` keeps serving, and
serve_guard.py shows the message at the top of every page. While serving, the shape of the last
good build (the site's name, the navigation, the addresses of the pages made from data, which
parts the site has) is kept: while the data or the package is broken, the build takes that shape,
with a stand-in at each address that data makes, so a tab on any page stays on it, under the
banner, and comes back by itself when the mistake is fixed.

Loaded by MkDocs by its path; it imports the package only inside its events, after the
live_reload hook has made sure the package is fresh (or stood in for it).
"""

from __future__ import annotations

import copy
import functools
import sys
import types
from pathlib import Path

from mkdocs.plugins import event_priority

# In sys.modules: it must outlive a reload of the package (and hold only plain values, not its objects).
_SHAPE = "_kit_last_good_shape"
STAND_IN = (
    "This page is made from the site's data, which cannot be read until the error above is fixed. "
    "It comes back by itself when it is.\n"
)


def _one_message(event):
    """A failure of the kit's own code in this event (a bug, or an edit to macros/ that breaks at
    run time) stops the build with one line naming the file and line, never a traceback; under
    serve, serve_guard.py shows it and builds again in its safe mode."""

    @functools.wraps(event)
    def guarded(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except Exception as error:  # noqa: BLE001
            from mkdocs.exceptions import BuildError

            if isinstance(error, BuildError) or "_kit_macros_import_error" in sys.modules:
                raise
            from macros.integration.errors import describe_code, stop

            raise stop(describe_code(error, PROJECT)) from None

    return guarded


PROJECT = Path(__file__).resolve().parent.parent.parent


def _kit():
    """The package's site layer, or None while a stand-in replaces a package that fails to import."""
    if "_kit_macros_import_error" in sys.modules:
        return None
    from macros.integration import errors, pages, state

    return state, pages, errors


@event_priority(90)  # after live_reload (100), before mkdocs-macros-plugin (0)
@_one_message
def on_config(config):
    kit = _kit()
    if kit is None:  # the package stands in for itself (serve only): the last good shape, if any
        shape = _last_shape(config)
        if shape:
            _replay_config(config, shape)
        return config
    state, pages, errors = kit
    build = state.for_config(config)
    instructor = state.instructor_edition(config)
    if build.edition is None:
        if not build.serving:
            raise errors.stop(build.data_error)
        shape = _last_shape(config)
        if shape:
            _replay_config(config, shape)
            build.parts = dict(shape.parts)
        else:  # bad data since the server started: the navigation of docs/, in this edition
            build.parts = pages.configure_without_data(config, instructor, build.site)
        return config
    _list_theme_once(config)
    config["extra"]["kit_meta"] = _meta(build)
    config["extra"]["kit_palette"] = _palette(build)
    build.parts = pages.configure(config, build.edition, instructor)
    if build.serving:
        _record_config(config, build.parts)
    return config


# --- the last good build's shape, while serving ------------------------------------------------

_CONFIG_KEYS = ("site_name", "site_description", "nav")
_EXTRA_KEYS = ("kit_meta", "kit_palette")


def _last_shape(config) -> types.SimpleNamespace | None:
    shape = sys.modules.get(_SHAPE)
    return shape if shape is not None and shape.edition == config["extra"].get("edition") else None


def _record_config(config, parts: dict[str, bool]) -> None:
    old = sys.modules.get(_SHAPE)
    sys.modules[_SHAPE] = types.SimpleNamespace(  # type: ignore[assignment]
        edition=config["extra"].get("edition"),
        config={key: copy.deepcopy(config[key]) for key in _CONFIG_KEYS},
        extra={key: copy.deepcopy(config["extra"].get(key)) for key in _EXTRA_KEYS},
        # The pages are the last good build's until this build's on_files has run (it may fail).
        parts=dict(parts), pages=list(old.pages) if old else [], removed=list(old.removed) if old else [],
        titles=dict(old.titles) if old else {},
    )


def _record_files(before: set[str], files) -> None:
    shape = sys.modules.get(_SHAPE)
    if shape is None:
        return
    after = {f.src_uri for f in files}
    shape.pages = [f.src_uri for f in files.documentation_pages() if f.src_uri not in before]
    shape.removed = sorted(before - after)


def _replay_config(config, shape) -> None:
    for key in _CONFIG_KEYS:
        config[key] = copy.deepcopy(shape.config[key])
    config["extra"].update(copy.deepcopy(shape.extra))
    config["nav"] = _titled(config["nav"], shape.titles)


def _titled(item, titles: dict[str, str]):
    """The navigation with each page made from data under the title it had (a stand-in has none)."""
    if isinstance(item, str):
        return {titles[item]: item} if item in titles else item
    if isinstance(item, dict):
        return {key: _titled(value, titles) for key, value in item.items()}
    if isinstance(item, list):
        return [_titled(value, titles) for value in item]
    return item


def _replay_files(files, config, shape):
    from mkdocs.structure.files import File

    for src in shape.removed:
        found = files.get_file_from_path(src)
        if found:
            files.remove(found)
    for src in shape.pages:
        if not files.get_file_from_path(src):
            files.append(File.generated(config, src, content=STAND_IN))
    return files


# The theme's own folders (Material's: some 14,000 files, icons included) do not change while a
# server runs, yet MkDocs lists them at every build; only `overrides/` is listed again.
_THEME_LISTINGS: dict[str, list[str]] = {}


def _list_theme_once(config) -> None:
    import jinja2

    theme = config["theme"]
    custom = {str(Path(theme.custom_dir).resolve())} if theme.custom_dir else set()
    get_env = theme.get_env

    def get_env_listing_once():
        env = get_env()
        loader = env.loader

        def list_templates() -> list[str]:
            found: set[str] = set()
            for folder in loader.searchpath:
                if str(Path(folder).resolve()) in custom:
                    found.update(jinja2.FileSystemLoader(folder).list_templates())
                else:
                    if folder not in _THEME_LISTINGS:
                        _THEME_LISTINGS[folder] = jinja2.FileSystemLoader(folder).list_templates()
                    found.update(_THEME_LISTINGS[folder])
            return sorted(found)

        loader.list_templates = list_templates
        return env

    theme.get_env = get_env_listing_once


def _meta(build) -> list:
    from macros.views import citation

    return citation.meta_tags(build.edition.document)


def _palette(build) -> str:
    from macros.templating.environment import Renderer

    return Renderer(build.edition, False, "", build.project_dir).render("palette.css", "")


# Material's offline plugin adds a script from unpkg.com (a worker shim that search needs under
# file://); the site makes no request to another host, so the offline copy loads our copy of it.
LOCAL_WORKER_SHIM = "assets/vendor/iframe-worker-shim.js"


def on_pre_build(config):
    polyfills = config["extra"].get("polyfills")
    if polyfills:
        config["extra"]["polyfills"] = [LOCAL_WORKER_SHIM if "iframe-worker" in p else p for p in polyfills]


@_one_message
def on_files(files, config):
    kit = _kit()
    shape = _last_shape(config)
    if kit is None:
        return _replay_files(files, config, shape) if shape else files
    state, pages, errors = kit
    build = state.for_config(config)
    problem = pages.unreadable(files, build.project_dir)
    if problem:  # before MkDocs opens it: a named pipe would block the build for ever
        if not build.serving:
            raise errors.stop(problem)
        build.fail(problem)
        files = pages.without_unreadable(files, build.project_dir)
    if build.edition is None:
        if shape:
            return _replay_files(files, config, shape)
        return pages.adjust_files_without_data(files, state.instructor_edition(config)) if build.serving else files
    before = {f.src_uri for f in files}
    try:
        files = pages.adjust_files(files, config, build.edition, state.instructor_edition(config))
        build.pages = {f.src_uri for f in files.documentation_pages()}
        if build.serving:
            _record_files(before, files)
        return files
    except Exception as error:  # DataError: a generated page that would overwrite a page of docs/
        message = errors.describe_code(error, build.project_dir)
        if not build.serving:
            raise errors.stop(message) from None
        build.fail(message)
        for added in [f for f in files if f.src_uri not in before]:  # what adjust_files added before it failed
            files.remove(added)
        files = _replay_files(files, config, shape) if shape else files
        build.pages = {f.src_uri for f in files.documentation_pages()}
        return files


@_one_message
def on_env(env, config, files):
    kit = _kit()
    if kit is None:
        return env
    from macros.templating.environment import bytecode_cache

    env.bytecode_cache = bytecode_cache()  # the theme's templates too: compiled once, not at every build
    state, _, errors = kit
    build = state.for_config(config)
    # A theme template that fails while a page is drawn (one that extends itself, an undefined
    # name) stops the build with one line naming it, not a traceback.
    env.template_class = errors.described_template_class(env.template_class, build.project_dir)
    custom = Path(config["theme"].custom_dir) if config["theme"].custom_dir else None
    if custom is None:
        return env
    import jinja2

    for path in sorted(custom.rglob("*.html")):
        name = path.relative_to(custom).as_posix()
        try:
            env.parse(errors.read_regular_file(path), name, str(path))
        except (jinja2.TemplateSyntaxError, OSError, UnicodeDecodeError) as error:
            message = f"{Path(config['theme'].custom_dir).name}/{name}" + (
                f", line {error.lineno}: template syntax error: {error.message}"
                if isinstance(error, jinja2.TemplateSyntaxError)
                else f": cannot be read ({errors.os_reason(error)}); replace it with a file, or remove it"
            )
            if not build.serving:
                raise errors.stop(message) from None
            build.fail(message)
            # Material's own templates, without ours: the pages still build, under the banner.
            env.loader.searchpath = [p for p in env.loader.searchpath if Path(p).resolve() != custom.resolve()]
            env.cache.clear()
            break
    return env


@_one_message
def on_page_content(html, page, config, files):
    kit = _kit()
    if kit is None:
        return html
    from macros.integration.kept_html import restore_html

    return restore_html(html, kit[0].for_config(config), page)


@_one_message
def on_page_context(context, page, config, nav):
    """A page of docs/ without a description in its front matter gets one drawn from the data
    (`macros.integration.pages.page_description`), so that no page of docs/ names the document.
    Material prints a page's description into an attribute as it is: a straight quote (units
    "which had rebelled") ended the attribute early. Escaped here, once, for every page; entities
    typed in front matter are read first, so none is escaped twice."""
    import html

    from markupsafe import escape

    kit = _kit()
    build = kit[0].for_config(config) if kit else None
    description = page.meta.get("description") if page.meta else None
    if description is None and build is not None and build.edition is not None and build.renderer is not None:
        from macros.integration.pages import page_description

        description = page_description(build.renderer, page.file.src_uri)
    plain = html.unescape(description) if isinstance(description, str) else None
    if plain is not None:
        page.meta["description"] = escape(plain)
    if build is not None and build.edition is not None:
        from macros.integration.sharing import structured_data

        page.meta["kit_json_ld"] = structured_data(
            build.edition, page.file.src_uri, page.meta, page.canonical_url, plain or build.edition.site.description
        )
    search = config.plugins.get("material/search") or config.plugins.get("search")
    entries = getattr(getattr(search, "search_index", None), "entries", None)
    if build is not None and build.edition is not None and isinstance(entries, list):
        from macros.integration.search import tag_glossary_entries

        # After the search plugin's own on_page_context (plugins run before hooks) has added the page.
        tag_glossary_entries(entries, page.file.src_uri, page.url, build.edition)
    return context


@_one_message
def on_post_page(output, page, config):
    kit = _kit()
    if kit is None:
        return output
    state = kit[0]
    from macros.integration.assets import trim_indentation

    build = state.for_config(config)
    shape = sys.modules.get(_SHAPE) if build.serving and build.edition is not None else None
    if shape is not None and not build.errors and page.file.src_uri in shape.pages and page.title:
        shape.titles[page.file.src_uri] = page.title  # the stand-in's title in the navigation
    return trim_indentation(output)


@_one_message
def on_post_build(config):
    if _kit() is None:
        return
    from macros.integration import state
    from macros.integration.assets import minify_stylesheets
    from macros.integration.theme_stylesheet import reduce_theme_stylesheet

    minify_stylesheets(config["site_dir"])
    # Not while serving: it reads every page again, which each edit would wait for; the full
    # stylesheet draws the same pages (tests/kit/test_theme_stylesheet.py), so an editor sees no
    # difference; every build, the published one included, ships the reduced copy.
    if not state.for_config(config).serving:
        reduce_theme_stylesheet(config["site_dir"])
