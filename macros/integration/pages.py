"""Pages from data, and the optional parts: what the navigation and the files of a build hold.

- Each glossary kind in `data/site.yml` gets a page `glossary/<kind>/`, each packet
  `packets/<id>/`, each lesson `lessons/<id>/`; their pages hold only a macro call keyed by
  a validated id, so no text from the data is placed where Markdown or Jinja would read it.
- A part whose data is absent (no `categories.yml`) loses its page and its navigation entry.
- A retired packet or lesson id (data/published-ids.yml, `moved`) keeps its old address as a
  small page that sends the reader on.
"""

from __future__ import annotations

import html
import json
import os
import posixpath
import re
import stat
from pathlib import Path

from mkdocs.structure.files import File, Files

from .. import links
from ..files.errors import DataError
from ..render import worksheet
from ..templating.environment import Renderer
from ..templating.plain import plain_prose
from ..views import citation
from ..views.edition import Edition
from ..files.models.site import Site
from .errors import NOT_REGULAR
from ..views.parts import PARTS, present, present_without_data

__all__ = [
    "GLOSSARY_SEARCH_BOOST", "adjust_files", "adjust_files_without_data", "configure", "configure_without_data", "generated_pages",
    "page_description", "unreadable", "without_unreadable",
]


def generated_pages(edition: Edition) -> dict[str, str]:
    """Markdown source of every generated page, by its path under docs/.

    Each carries its title and description in front matter: without a `title:`, MkDocs names a
    page after its raw first heading, attribute list and all ("People { #glossary-people }" in
    every page's navigation, in `<title>` and in the footer's links)."""
    pages = {}
    for kind in edition.kinds:
        pages[links.glossary_page(kind.id)] = (
            _front_matter(kind.title, kind.description, boost=GLOSSARY_SEARCH_BOOST)
            + f"# {{{{ glossary_kind_title('{kind.id}') }}}} {{ #glossary-{kind.id} }}\n\n"
            f"{{{{ glossary_intro() }}}}\n\n{{{{ glossary_kind('{kind.id}') }}}}\n"
        )
    # Packets and lessons repeat paragraphs of the text: leave them out of the search index, so
    # that a search lands on the text page itself (and the index stays small).
    for packet in edition.packets():
        pages[links.packet_page(packet.id)] = (
            _front_matter(packet.title, plain_prose(edition, packet.brief), exclude=True)
            + f"{{{{ packet_page('{packet.id}') }}}}\n"
        )
    for lesson in edition.lessons() if edition.packets() else []:
        description = f"{lesson.question} {lesson.audience}, {lesson.minutes} minutes."
        pages[links.lesson_page(lesson.id)] = (
            _front_matter(lesson.title, description, exclude=True) + f"{{{{ lesson_page('{lesson.id}') }}}}\n"
        )
    return pages


# A glossary page's sections rank above a passing mention elsewhere (Sources, Background): a search
# for "Urumqi" or "Kovalev" should list the entry first (tests/kit/test_browser.py). Material's search
# plugin multiplies a page's scores by its front matter's `search: boost:`.
GLOSSARY_SEARCH_BOOST = 10


def _front_matter(title: str, description: str, *, boost: float | None = None, exclude: bool = False) -> str:
    """YAML front matter (each value a JSON string, which is YAML). The title is HTML-escaped, as
    MkDocs's titles taken from headings are: Material prints it into the navigation as HTML. The
    description is plain text, escaped where it is printed (macros/hooks/kit.py, on_page_context)."""
    # mkdocs-macros renders a title that holds "{{", "{%" or "{#" as a template: a brace as an
    # entity is the same text to a reader and inert to Jinja (tests/kit/test_hostile_data.py).
    title_html = html.escape(title, quote=False).replace("{", "&#123;")
    lines = [f"title: {_yaml(title_html)}", f"description: {_yaml(description)}"]
    if exclude:
        lines += ["search:", "  exclude: true"]
    elif boost is not None:
        lines += ["search:", f"  boost: {boost}"]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def _yaml(text: str) -> str:
    """A one-line YAML string (JSON is YAML)."""
    return json.dumps(" ".join(text.split()), ensure_ascii=False)


def page_description(renderer: Renderer, src: str) -> str | None:
    """The description of a page of docs/ that has none in its front matter, drawn from the data
    by the template page-description.txt; None for a page it does not describe. So no page of
    docs/ names the document: a site for another document describes its pages in its own words."""
    text = " ".join(html.unescape(renderer.render("page-description.txt", "", page=src)).split())
    return text or None


def _titles_from_data(edition: Edition) -> dict[str, str]:
    """The navigation's titles that the data gives (a part's own title), by page; escaped as
    `_front_matter` escapes a title, since Material prints it as HTML."""
    categories = edition.part("categories.yml")
    if not (categories and categories.title):
        return {}
    return {links.CATEGORIES: html.escape(categories.title, quote=False).replace("{", "&#123;")}


def configure(config, edition: Edition, instructor: bool) -> dict[str, bool]:
    """`on_config`: the site's name from the data, and the navigation of this edition's parts
    (which it returns)."""
    site = edition.site
    # Material prints both into the page unescaped (its theme has no autoescape).
    config["site_name"] = html.escape(site.title)
    config["site_description"] = html.escape(site.description)
    parts = present(edition, instructor)
    absent = {part.page for part in PARTS if not parts[part.name]}
    expand = {
        links.GLOSSARY: [links.glossary_page(k.id) for k in edition.kinds],
        links.PACKETS: [links.packet_page(p.id) for p in edition.packets()],
        links.LESSONS: [links.lesson_page(lesson.id) for lesson in edition.lessons()] if edition.packets() else [],
    }
    titles = _titles_from_data(edition)
    config["nav"] = [n for n in (_nav_item(item, absent, expand, titles) for item in config["nav"] or []) if n is not None]
    return parts


def configure_without_data(config, instructor: bool, site: Site | None) -> dict[str, bool]:
    """`on_config` under serve while the data cannot be read and no build was good yet: the site's
    name if data/site.yml can be read, and the navigation of docs/ in the edition served (never
    an instructor's page in the student edition). Returns the parts the pages may name."""
    if site is not None:
        config["site_name"] = html.escape(site.title)
        config["site_description"] = html.escape(site.description)
    parts = present_without_data(instructor)
    absent = {part.page for part in PARTS if not parts[part.name]}
    config["nav"] = [n for n in (_nav_item(item, absent, {}) for item in config["nav"] or []) if n is not None]
    return parts


def adjust_files_without_data(files: Files, instructor: bool) -> Files:
    """`on_files` to go with `configure_without_data`."""
    parts = present_without_data(instructor)
    for part in PARTS:
        found = None if parts[part.name] else files.get_file_from_path(part.page)
        if found:
            files.remove(found)
    return files


def _nav_item(item, absent: set[str], expand: dict[str, list[str]], titles: dict[str, str] | None = None):
    titles = titles or {}
    if isinstance(item, str):
        if item in absent:
            return None
        if item in expand:
            return {titles.get(item, _title_of(item)): [item, *expand[item]]}
        return {titles[item]: item} if item in titles else item
    if isinstance(item, dict):
        ((title, value),) = item.items()
        if isinstance(value, str):
            if value in absent:
                return None
            title = titles.get(value, title)
            return {title: [value, *expand[value]]} if value in expand else {title: value}
        children = [n for n in (_nav_item(v, absent, expand, titles) for v in value) if n is not None]
        return {title: children} if children else None
    return item


def _title_of(src: str) -> str:
    return posixpath.dirname(src).capitalize() or src


def adjust_files(files: Files, config, edition: Edition, instructor: bool) -> Files:
    """`on_files`: add the generated pages, drop the pages of absent parts, keep retired addresses."""
    parts = present(edition, instructor)
    for part in PARTS:
        if not parts[part.name]:
            found = files.get_file_from_path(part.page)
            if found:
                files.remove(found)
    for src, content in generated_pages(edition).items():
        if files.get_file_from_path(src):
            raise DataError(
                f"docs/{src} exists, and the data also makes a page there ({_owner(src)}); "
                "rename the entry's id or the file in docs/"
            )
        files.append(File.generated(config, src, content=content))
    for name, content in citation_files(edition).items():
        files.append(File.generated(config, name, content=content))
    # Each lesson's worksheet as a Word file, for teachers to adapt (linked from the lesson's page).
    for lesson in edition.lessons() if edition.packets() else []:
        files.append(File.generated(config, links.worksheet_file(lesson.id), content=worksheet.render_worksheet(edition, lesson.id)))
    register = edition.part("published-ids.yml")
    directory = config["use_directory_urls"]
    for move in register.moved if register else []:
        if move.kind in ("packets", "lessons"):
            page = links.packet_page if move.kind == "packets" else links.lesson_page
            old, new = links.page_url(page(move.id), directory), links.page_url(page(move.to), directory)
            stub = old + "index.html" if directory else old
            target = links.relative(old, page(move.to), directory=directory)
            files.append(File.generated(config, stub, content=_moved_page(target)))
    return files


def citation_files(edition: Edition) -> dict[str, str]:
    """The document's RIS and BibTeX records, beside the About page that links them."""
    doc = edition.document
    (ris, _), (bib, _) = links.CITATION_FILES
    return {ris: citation.ris(doc), bib: citation.bibtex(doc, citation.bibtex_key(doc))}


def _owner(src: str) -> str:
    folder, name = posixpath.split(src.removesuffix(".md"))
    return {"glossary": f"glossary kind '{name}'", "packets": f"packet '{name}'", "lessons": f"lesson '{name}'"}[folder]


def _moved_page(target: str) -> str:
    """A stand-in for a retired address: HTML because it is a redirect, not a page of the site."""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Moved</title>'
        f'<meta http-equiv="refresh" content="0; url={target}"><link rel="canonical" href="{target}"></head>'
        f'<body><p>This page has moved: <a href="{target}">follow this link</a>.</p></body></html>\n'
    )


def _unreadable(files: Files, project: Path) -> list[tuple[object, str]]:
    """The project's own files (docs/, overrides/) that MkDocs could not read or copy: a named
    pipe or device (reading one blocks for ever), a link that loops or leads nowhere."""
    found = []
    for file in files:
        path = file.abs_src_path
        if file.generated_by is not None or not path or not Path(path).is_relative_to(project):
            continue
        try:
            regular = stat.S_ISREG(os.stat(path).st_mode)
            reason = "" if regular else NOT_REGULAR
        except OSError as error:
            reason = f"cannot be read ({error.strerror})"
        if reason:
            found.append((file, f"{Path(path).relative_to(project).as_posix()}: {reason}; replace it with a file, or remove it"))
    return found


def unreadable(files: Files, project: Path) -> str | None:
    """The first of `_unreadable`, as a message."""
    found = _unreadable(files, project)
    return found[0][1] if found else None


def without_unreadable(files: Files, project: Path) -> Files:
    for file, _ in _unreadable(files, project):
        files.remove(file)
    return files
