"""MkDocs hook (mkdocs.yml, `hooks:`): the edition kit's part in every build.

- `on_config`: load and check `data/` once (`macros.integration.state`); take the site's name from
  it; shape the navigation (glossary kinds, packets and lessons; optional parts left out).
- `on_pre_build`: the offline copy loads its worker shim from the site, not from unpkg.com.
- `on_files`: add the pages generated from data, drop the pages of absent parts.
- `on_env`: the theme's compiled templates are kept between builds; a template in `overrides/`
  that does not parse stops the build with its file and line; while serving, the site falls
  back to Material's own templates and says why.
- `on_page_content`: the HTML of the macros, kept out of Markdown, goes back in its place.
- `on_page_context`: a page's description is escaped for the attribute Material prints it into;
  a glossary entry's section of the search index gets its other names (`macros.integration.search`);
  the page's schema.org data (`macros.integration.sharing`), printed by overrides/partials/sharing-meta.html.
- `on_post_page`: the page without the theme's indentation; while serving, every error of the
  build is a banner at the top of every page.
- `on_post_build`: the kit's stylesheet is shipped without its comments, and (except under
  `mkdocs serve`) Material's without the rules that nothing in the site can match
  (`macros.integration.theme_stylesheet`).

A build stops on the first error with one message; `mkdocs serve` keeps serving.
Loaded by MkDocs by its path; it imports the package only inside its events, after the
live_reload hook has made sure the package is fresh (or stood in for it).
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.plugins import event_priority


def _kit():
    """The package's site layer, or None while a stand-in replaces a package that fails to import."""
    if "_kit_macros_import_error" in sys.modules:
        return None
    from macros.integration import errors, pages, state

    return state, pages, errors


@event_priority(90)  # after live_reload (100), before mkdocs-macros-plugin (0)
def on_config(config):
    kit = _kit()
    if kit is None:
        return config
    state, pages, errors = kit
    build = state.for_config(config)
    if build.edition is None:
        if not build.serving:
            raise errors.stop(build.data_error)
        return config
    _list_theme_once(config)
    config["extra"]["kit_meta"] = _meta(build)
    config["extra"]["kit_palette"] = _palette(build)
    pages.configure(config, build.edition, state.instructor_edition(config))
    return config


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


def on_files(files, config):
    kit = _kit()
    if kit is None:
        return files
    state, pages, errors = kit
    build = state.for_config(config)
    if build.edition is None:
        return files
    try:
        files = pages.adjust_files(files, config, build.edition, state.instructor_edition(config))
        build.pages = {f.src_uri for f in files.documentation_pages()}
        return files
    except Exception as error:  # DataError: a generated page that would overwrite a page of docs/
        if not build.serving:
            raise errors.stop(str(error)) from None
        build.fail(str(error))
        return files


def on_env(env, config, files):
    kit = _kit()
    if kit is None:
        return env
    from macros.templating.environment import bytecode_cache

    env.bytecode_cache = bytecode_cache()  # the theme's templates too: compiled once, not at every build
    state, _, errors = kit
    build = state.for_config(config)
    custom = Path(config["theme"].custom_dir) if config["theme"].custom_dir else None
    if custom is None:
        return env
    import jinja2

    for path in sorted(custom.rglob("*.html")):
        name = path.relative_to(custom).as_posix()
        try:
            env.parse(path.read_text(encoding="utf-8"), name, str(path))
        except jinja2.TemplateSyntaxError as error:
            message = f"{Path(config['theme'].custom_dir).name}/{name}, line {error.lineno}: template syntax error: {error.message}"
            if not build.serving:
                raise errors.stop(message) from None
            build.fail(message)
            # Material's own templates, without ours: the pages still build, under the banner.
            env.loader.searchpath = [p for p in env.loader.searchpath if Path(p).resolve() != custom.resolve()]
            env.cache.clear()
            break
    return env


def on_page_content(html, page, config, files):
    kit = _kit()
    if kit is None:
        return html
    from macros.integration.macros import restore_html

    return restore_html(html, kit[0].for_config(config), page)


def on_page_context(context, page, config, nav):
    """Material prints a page's description into an attribute as it is: a straight quote typed in
    front matter (units "which had rebelled") ended the attribute early. Escaped here, once, for
    every page; entities typed in front matter are read first, so none is escaped twice."""
    import html

    from markupsafe import escape

    description = page.meta.get("description") if page.meta else None
    plain = html.unescape(description) if isinstance(description, str) else None
    if plain is not None:
        page.meta["description"] = escape(plain)
    kit = _kit()
    build = kit[0].for_config(config) if kit else None
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


def on_post_page(output, page, config):
    kit = _kit()
    if kit is None:
        return output
    state, _, errors = kit
    from macros.integration.assets import trim_indentation

    output = trim_indentation(output)
    build = state.for_config(config)
    if build.serving and build.errors:
        return errors.insert_banner(output, build.errors)
    return output


def on_post_build(config):
    if _kit() is None:
        return
    from macros.integration import state
    from macros.integration.assets import minify_stylesheets
    from macros.integration.theme_stylesheet import reduce_theme_stylesheet

    minify_stylesheets(config["site_dir"])
    # Not while serving: it reads every page again, which each edit would wait for; the full
    # stylesheet draws the same pages (tests/test_theme_stylesheet.py), so an editor sees no
    # difference; every build, the published one included, ships the reduced copy.
    if not state.for_config(config).serving:
        reduce_theme_stylesheet(config["site_dir"])
