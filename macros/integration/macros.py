"""The macros that pages call, registered on mkdocs-macros-plugin's `env`.

Each macro is a one-liner into `macros.render`. Every call is guarded: an exception raised
while rendering (a broken template, a renderer's bug meeting odd data) becomes one clear
message that names the page and the call, never a traceback. `guard_page_rendering` does
the same for errors in a page's own Jinja (`{{ typo( }}`), which the plugin would otherwise
answer by exiting the process.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import traceback
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

import jinja2

from .. import links
from ..render import chronology, glossary, lessons, map as map_, source, teaching, text
from ..templating.environment import Renderer, template_cycle
from ..views.parts import PARTS, present
from .errors import describe, read_regular_file, stop
from .state import Build

__all__ = ["MACRO_NAMES", "build_year", "guard_page_rendering", "keep_html", "register", "register_placeholders", "restore_html"]


class _Failure(Exception):
    """A macro failed; the message is already recorded for the page."""


def register(env, build: Build, instructor: bool) -> None:
    """Register every macro, rendering with the build's edition."""
    edition = build.edition
    renderer = Renderer(edition, instructor, env.conf["site_url"] or "", build.project_dir, env.conf["use_directory_urls"])
    build.renderer = renderer  # the hook draws the pages' descriptions with it (macros.integration.pages)
    cycle = template_cycle(renderer.env)
    if cycle:
        message = (f"the component templates lead back to themselves: {cycle}; a template cannot include, import or "
                   "extend itself, directly or through another (macros/templating/templates/, overrides/components/)")
        if not build.serving:
            raise stop(message)
        build.fail(message)  # and the macros that draw components draw nothing (below); titles stay

    def here() -> str:
        return env.page.url

    def protected_published() -> bool:
        """This student site carries the encrypted instructor edition (not the offline copy: it has none)."""
        return bool(env.conf["extra"].get("protected_edition")) and not instructor and env.conf["use_directory_urls"]

    def macro(function: Callable | None = None, *, markdown: bool = False) -> Callable:
        """Register a macro. Its HTML is kept out of Markdown (see `keep_html`); a macro that returns
        Markdown (`markdown=True`: an inline citation, a title) is left to Markdown."""

        def register_one(function: Callable) -> Callable:
            @functools.wraps(function)
            def guarded(*args, **kwargs):
                try:
                    result = function(*args, **kwargs)
                except Exception as error:  # noqa: BLE001 - every failure becomes one message
                    call = f"{function.__name__}({', '.join(repr(a) for a in args)})"
                    _record(env, call, describe(error, build.project_dir))
                    raise _Failure() from error
                return result if markdown or not isinstance(result, str) else keep_html(result, build, env.page.file.src_uri)

            env.macro(guarded if not cycle or function.__name__ in _TITLES else (lambda *args, **kwargs: ""), function.__name__)
            return guarded

        return register_one(function) if function else register_one

    @macro
    def document_text() -> str:
        """The document's full text, layer by layer, with paragraph numbers and anchors."""
        return text.render_text(renderer, here())

    @macro
    def home_cards() -> str:
        """The home page's ways in, one card per audience, linking only to pages this site has."""
        repository = edition.site.repository or env.conf["extra"].get("repository") or None
        return text.render_home_cards(renderer, here(), build.pages, repository)

    @macro
    def mark_legend() -> str:
        """The kinds of editorial mark and what each means."""
        return text.render_mark_legend(renderer, here())

    @macro(markdown=True)
    def document_title() -> str:
        """The archive's title for the document (kept literal in Markdown)."""
        return renderer.env.filters["md"](edition.document.title)

    @macro(markdown=True)
    def site_title() -> str:
        """The site's title (data/site.yml), for the home page's heading (kept literal in Markdown)."""
        return renderer.env.filters["md"](edition.site.title)

    @macro
    def page_words(name: str) -> str:
        """A page's own words about this document (template page-NAME.html): its opening, or a part of
        it that the data may leave out (the home page's "Why it matters")."""
        if not _PAGE_WORDS.fullmatch(name):
            raise ValueError(f"{name!r} is not the name of a page's words: use lower-case words joined by hyphens, e.g. 'text-intro'")
        try:
            renderer.env.get_template(f"page-{name}.html")
        except jinja2.TemplateNotFound:
            raise ValueError(f"{name!r} names no page's words: there is no template page-{name}.html "
                             "(macros/templating/templates/, overrides/components/)") from None
        return renderer.render(f"page-{name}.html", here())

    @macro(markdown=True)
    def paragraph_count() -> int:
        """How many paragraphs the text has."""
        return len(edition.paragraphs)

    @macro
    def source_record() -> str:
        """The archival record, and the archive's other records of the document."""
        return source.render_record(renderer, here())

    @macro
    def source_chain() -> str:
        """The chain by which the text reached us, with evidence."""
        return source.render_chain(renderer, here())

    @macro
    def citations() -> str:
        """Chicago and MLA citations with copy buttons, and RIS and BibTeX files."""
        return source.render_citations(renderer, here(), [(label, path) for path, label in links.CITATION_FILES])

    @macro
    def site_citation() -> str:
        """How to cite this site, with its public address, and how its ¶ numbers work."""
        return source.render_site_citation(renderer, here(), build_year())

    @macro
    def rights() -> str:
        """The archive's rights statement."""
        return source.render_rights(renderer, here())

    @macro
    def bibliography() -> str:
        """Every source this edition cites."""
        return source.render_sources(renderer, here(), _cited_by_pages(Path(env.conf["docs_dir"]), instructor))

    @macro
    def source_checks() -> str:
        """Where each source was read, and the words seen there."""
        return source.render_source_checks(renderer, here())

    @macro(markdown=True)
    def cite(source_id: str) -> str:
        """An inline citation of a source in data/sources.yml."""
        if source_id not in {s.id for s in edition.sources}:
            raise ValueError(f"{source_id!r} is not a source id in data/sources.yml")
        return source.render_cite(renderer, here(), env.page.file.src_uri, source_id)

    @macro
    def glossary_kind(kind_id: str) -> str:
        """Every glossary entry of one kind (a kind in data/site.yml)."""
        return glossary.render_glossary_kind(renderer, here(), kind_id)

    @macro(markdown=True)
    def glossary_kind_title(kind_id: str) -> str:
        """A glossary kind's title, for its page's heading (kept literal in Markdown)."""
        return renderer.env.filters["md"](next(k for k in edition.kinds if k.id == kind_id).title)

    @macro
    def glossary_intro() -> str:
        """How to read a glossary entry, with what each certainty level means."""
        return glossary.render_glossary_intro(renderer, here())

    @macro
    def glossary_overview() -> str:
        """The glossary's groups with links to every entry."""
        return glossary.render_glossary_overview(renderer, here())

    @macro
    def route_map() -> str:
        """The SVG map of the places and the route."""
        return map_.render_map(renderer, here())

    @macro
    def place_table() -> str:
        """The map's text alternative: a table of places, names and dates."""
        return map_.render_place_table(renderer, here())

    @macro
    def chronology_timeline() -> str:
        """Every event in time order, the kinds distinct and each shown or hidden at will."""
        return chronology.render_timeline(renderer, here())

    @macro
    def journey() -> str:
        """The document's journey, with elapsed times computed from the data."""
        return chronology.render_journey(renderer, here())

    @macro
    def related_documents() -> str:
        """Documents to read alongside, and what each corroborates or contradicts."""
        return chronology.render_related(renderer, here())

    @macro
    def categories_matrix() -> str:
        """The comparison matrix of data/categories.yml."""
        return teaching.render_categories(renderer, here())

    @macro
    def reading_guide() -> str:
        """Our short guide, with sources, to the matrix's words."""
        return teaching.render_reading_guide(renderer, here())

    @macro
    def questions() -> str:
        """The discussion questions by skill and by section (with notes in the instructor edition)."""
        return teaching.render_questions(renderer, here())

    @macro
    def question_box(question_id: str) -> str:
        """One question, set beside a part of a page; nothing if the site has no questions."""
        if not edition.questions():
            return ""
        if question_id not in {q.id for q in edition.questions()}:
            raise ValueError(f"{question_id!r} is not a question id in data/questions.yml")
        return teaching.render_question_box(renderer, here(), question_id)

    @macro
    def packet_list() -> str:
        """Every reading packet, with its brief."""
        return teaching.render_packet_list(renderer, here())

    @macro
    def packet_page(packet_id: str) -> str:
        """A reading packet's page (generated from data/packets.yml)."""
        return teaching.render_packet_page(renderer, here(), packet_id)

    @macro
    def background_reading() -> str:
        """The background reading for students (data/background.yml)."""
        return lessons.render_background(renderer, here())

    @macro
    def lesson_list() -> str:
        """Every lesson, with its question, audience and length."""
        return lessons.render_lesson_list(renderer, here())

    @macro
    def lesson_page(lesson_id: str) -> str:
        """A lesson's page (generated from data/lessons.yml)."""
        return lessons.render_lesson_page(renderer, here(), lesson_id, protected_published())

    @macro(markdown=True)
    def categories_title() -> str:
        """The categories page's title (data/categories.yml, 'title'), else its title in the navigation
        (mkdocs.yml); kept literal in Markdown."""
        return renderer.env.filters["md"](edition.part("categories.yml").title or env.page.title)

    @macro(markdown=True)
    def background_title() -> str:
        """The background reading's title (kept literal in Markdown)."""
        return renderer.env.filters["md"](edition.part("background.yml").title)

    @macro(markdown=True)
    def edition_name() -> str:
        """The name of this edition (data/site.yml, 'editions')."""
        return edition.site.editions.instructor if instructor else edition.site.editions.student

    @macro
    def instructor_access() -> str:
        """The page "For instructors": what the instructor edition holds, where it is, how to get its passphrase."""
        repository = edition.site.repository or env.conf["extra"].get("repository") or None
        return lessons.render_instructor_access(renderer, here(), protected_published(), bool(env.conf["extra"].get("protected")),
                                                repository)

    env.variables["parts"] = present(edition, instructor)
    offline_zip = env.conf["extra"].get("offline_zip") or ""

    @macro
    def offline_note() -> str:
        """Where to download the offline copy, on builds that made one (not inside the copy itself)."""
        if not offline_zip or not env.conf["use_directory_urls"]:
            return ""
        return source.render_offline_note(renderer, here(), offline_zip)
    env.variables["instructor"] = instructor
    env.variables["pages"] = links


# What a page's heading or a sentence of its prose takes from data: drawn even while the component
# templates cannot be (they draw no component).
_TITLES = {"document_title", "glossary_kind_title", "background_title", "paragraph_count", "edition_name", "site_title",
           "categories_title"}
_PAGE_WORDS = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

MACRO_NAMES = (
    "document_text", "home_cards", "mark_legend", "document_title", "site_title", "page_words", "paragraph_count", "source_record", "source_chain",
    "citations", "site_citation", "rights", "bibliography", "source_checks", "cite", "glossary_kind", "glossary_kind_title", "glossary_intro", "glossary_overview",
    "route_map", "place_table", "chronology_timeline", "journey", "related_documents", "categories_matrix",
    "reading_guide", "questions", "question_box", "packet_list", "packet_page", "background_reading", "categories_title", "background_title", "lesson_list", "lesson_page", "offline_note", "edition_name",
    "instructor_access",
)


def build_year() -> int:
    """The year this edition is built, as a citation of the site gives it: the year of
    SOURCE_DATE_EPOCH where a reproducible build sets it, else today's (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch.isdigit() else datetime.now(timezone.utc)
    return moment.year


def register_placeholders(env, parts: dict[str, bool], instructor: bool) -> None:
    """Bad data while serving: the pages still build, without what data makes, under the banner.
    A page's own Jinja sees the parts the last good build had (`parts.map`) and the edition
    served, so nothing fails for want of data the page's mistake did not touch."""
    for name in MACRO_NAMES:
        env.macro(lambda *args, **kwargs: "", name)
    env.variables["parts"] = dict(parts)
    env.variables["instructor"] = instructor
    env.variables["pages"] = links


_HEADING = re.compile(r"#{1,6} ")


def keep_html(output: str, build: Build, page: str) -> str:
    """The macro's output for Markdown: its Markdown headings stay (they make the table of
    contents and the search sections), and every run of HTML between them becomes a placeholder
    that `restore_html` replaces after Markdown has run. Python-Markdown would otherwise parse
    all of that HTML again with html.parser, which is most of a rebuild's Markdown time, and
    could read data in it as Markdown. The placeholder has the build's secret token: data,
    which is always escaped, cannot write one."""
    store = build.kept.setdefault(page, [])
    parts, chunk = [], []

    def flush() -> None:
        html = "\n".join(chunk).strip()
        chunk.clear()
        if html:
            store.append(html)
            parts.append(f"\n\n<!--kit-{build.token}-{len(store) - 1}-->\n\n")

    for line in output.split("\n"):
        if _HEADING.match(line):
            flush()
            parts.append(f"\n\n{line}\n\n")
        else:
            chunk.append(line)
    flush()
    return "".join(parts)


_ID = re.compile(r'\sid="([^"]+)"')


def restore_html(html: str, build: Build, page) -> str:
    """After Markdown: put each kept run of HTML back in its placeholder's place, and tell MkDocs
    the anchors it holds (MkDocs checks links to anchors against the ids it saw in the page)."""
    store = build.kept.get(page.file.src_uri)
    if not store:
        return html
    if page.present_anchor_ids is not None:
        page.present_anchor_ids.update(i for kept in store for i in _ID.findall(kept))
    return re.sub(f"<!--kit-{build.token}-(\\d+)-->", lambda m: store[int(m.group(1))], html)


_CITE = re.compile(r"""\bcite\(\s*["']([a-z0-9-]+)["']\s*\)""")


def _cited_by_pages(docs_dir: Path, instructor: bool) -> set[str]:
    """The source ids the pages of docs/ cite with `cite("id")` (but an instructor's page in the
    student edition): a page may be rendered after the Sources page, so its Markdown is read."""
    instructors_only = {part.page for part in PARTS if part.instructor_only and not instructor}
    cited: set[str] = set()
    for path in sorted(docs_dir.rglob("*.md")):
        if path.relative_to(docs_dir).as_posix() in instructors_only:
            continue
        try:
            cited.update(_CITE.findall(read_regular_file(path)))
        except (OSError, UnicodeDecodeError):
            continue  # the build says why (macros/hooks/kit.py, on_files)
    return cited


def _record(env, call: str, description: str) -> None:
    page = env.page.file.src_uri if getattr(env, "page", None) else "?"
    failures = env.variables.setdefault("_failures", {})
    failures.setdefault(page, []).append((call, description))


class _Capture(logging.Filter):
    """Keeps the plugin's own report of a failed page (with its traceback) out of the log."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            self.messages.append(record.getMessage())
            return False
        return True


_PLUGIN_LOGGER = "mkdocs.plugins.mkdocs_macros.util"


def guard_page_rendering(env, build: Build) -> None:
    """Wrap the plugin's page rendering: a failure becomes our message (build) or banner (serve)."""
    render = env.render

    def guarded_render(markdown: str, force_rendering: bool = False) -> str:
        capture = _Capture()
        logger = logging.getLogger(_PLUGIN_LOGGER)
        logger.addFilter(capture)
        try:
            return render(markdown, force_rendering)
        except SystemExit as stopped:  # on_error_fail: the plugin exits after logging the error
            page = env.page
            failures = env.variables.get("_failures", {}).get(page.file.src_uri)
            where = f"docs/{page.file.src_uri}"
            if failures:
                message = f"{where}: " + "; ".join(f"{call}: {description}" for call, description in failures)
                # A broken component fails on every page that uses it: one message says so.
                same_mistake = tuple(description for _, description in failures)
            else:
                message = same_mistake = where + _page_error(stopped.__context__, page)
            if not build.serving:
                raise stop(message) from None
            build.fail(message, same_mistake)
            # The page keeps its own heading (when it is plain text), so the tab still says where it is.
            heading = next((line for line in markdown.splitlines() if line.startswith("# ") and "{" not in line.split(" {")[0]
                            and "{{" not in line and "{%" not in line), "")
            return f"{heading}\n\nThis page could not be built: the message at the top says why.\n"
        finally:
            logger.removeFilter(capture)

    env.render = guarded_render


def _page_error(error: BaseException | None, page) -> str:
    """An error in the page's own Jinja, at its line in the page's file (front matter counted)."""
    if error is None:
        return ": the page's template could not be rendered"
    line = error.lineno if isinstance(error, jinja2.TemplateSyntaxError) else None
    if line is None:
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == "<template>"]
        line = frames[-1].lineno if frames else None
    where = f", line {line + _front_matter_lines(page)}: " if line else ": "
    kind = "template syntax error" if isinstance(error, jinja2.TemplateSyntaxError) else type(error).__name__
    text = error.message if isinstance(error, jinja2.TemplateError) and error.message else str(error)
    return f"{where}{kind}: {text}"


def _front_matter_lines(page) -> int:
    """MkDocs hands the page's Markdown to plugins without its front matter: count those lines back."""
    try:
        source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    except (OSError, TypeError):
        return 0
    match = re.match(r"---\s*\n.*?\n---\s*\n", source, re.DOTALL)
    return match.group(0).count("\n") if match else 0
