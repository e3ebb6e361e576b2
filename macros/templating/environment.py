"""The Jinja environment every component is rendered with, and what each template can use.

Every template gets, as globals of the page it is rendered for:
- `edition` (the checked data and its views), `site` (data/site.yml), `noun` (how the site
  names its document, e.g. "cable"), `instructor` (True in the instructor edition);
- `link`, the page-relative links of `macros.links.Links` (`link.paragraph(id)`, ...), and
  `anchor`, the module of anchor names (`anchor.source_anchor(id)`, ...);
- `parts` (which optional parts the site has: `parts.map`), and the date formats `day(iso)`,
  `short_date(iso)` and `when(event)`;
and the filters `md` (text in Markdown, kept literal), `prose` (the prose subset, with
`[[id]]` references), `plain` (a prose field as plain text, for a description), `verbatim`
(the document's words: line breaks kept as <br>), `sentence` (a first capital, the rest as
typed: not Jinja's `capitalize`, which lowercases names).
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from .. import links
from ..matching.marks import Mark, Mention
from ..views import dates, packets
from ..views.edition import Edition
from ..views.parts import present
from .markup import markdown_inline, render_prose
from .plain import plain_prose

__all__ = ["DEFAULT_TEMPLATES", "OVERRIDE_FOLDER", "Renderer", "bytecode_cache", "template_cycle"]

DEFAULT_TEMPLATES = Path(__file__).resolve().parent / "templates"
OVERRIDE_FOLDER = Path("overrides") / "components"  # relative to the project


def _first_words(text: str, count: int = 9) -> str:
    """A prose field's first words, without its emphasis marks, for an index."""
    words = text.replace("*", "").split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


def _verbatim(text: str) -> Markup:
    return Markup("<br>").join(escape(line) for line in text.split("\n"))


def _sentence(text: str) -> str:
    """The text with its first letter a capital, and every other letter as typed: Jinja's
    `capitalize` lowercases the rest ("from hami towards peking, … to moscow")."""
    return text[:1].upper() + text[1:]


def bytecode_cache() -> jinja2.BytecodeCache:
    """Compiled templates kept between builds (Jinja checks each template's source before reuse):
    compiling them is most of a build's template time. In the system's temporary folder, never
    in the project."""
    folder = Path(tempfile.gettempdir()) / f"kit-jinja-{os.getuid() if hasattr(os, 'getuid') else 'user'}"
    folder.mkdir(mode=0o700, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))


def _environment(project_dir: Path | None) -> jinja2.Environment:
    search = [str(project_dir / OVERRIDE_FOLDER)] if project_dir and (project_dir / OVERRIDE_FOLDER).is_dir() else []
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([*search, str(DEFAULT_TEMPLATES)]),
        bytecode_cache=bytecode_cache(),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["md"] = markdown_inline
    env.filters["verbatim"] = _verbatim
    env.filters["prose"] = _prose
    env.filters["sentence"] = _sentence
    env.filters["plain"] = _plain
    env.tests["mark"] = lambda token: isinstance(token, Mark)
    env.tests["mention"] = lambda token: isinstance(token, Mention)
    env.globals["anchor"] = links
    env.globals["short"] = _first_words
    return env


@jinja2.pass_context
def _prose(context: jinja2.runtime.Context, text: str | None) -> Markup:
    """Prose with its `[[id]]` references rendered by the `reference` macro of references.html."""
    if text is None:
        return Markup("")
    macro = context.environment.get_template("references.html").module.reference
    return render_prose(text, lambda target, words: Markup(macro(target, words)))


@jinja2.pass_environment
def _plain(env: jinja2.Environment, text: str | None) -> str:
    """The `plain` filter: `plain_prose` with the edition being rendered (escaped where it is printed)."""
    return plain_prose(env.globals["edition"], text) if text else ""


@dataclass
class Renderer:
    """Renders components for one build: `renderer.render("glossary-entry.html", here, entry=...)`."""

    edition: Edition
    instructor: bool
    site_url: str
    project_dir: Path | None = None
    directory_urls: bool = True

    def __post_init__(self) -> None:
        self.env = _environment(self.project_dir)
        # `link` is a global whose page is set before each render, rather than a variable of each
        # render: shared macros (links.html, tokens.html) are then imported without context, and
        # Jinja evaluates each such module once per build instead of once per paragraph or entry.
        self.link = links.Links("", self.directory_urls)
        self.env.globals.update(
            link=self.link,
            edition=self.edition, site=self.edition.site, noun=self.edition.site.document_noun,
            instructor=self.instructor, site_url=self.site_url, parts=present(self.edition, self.instructor),
            sourcing_asks=packets.SOURCING_ASKS, trust_column=packets.TRUST,
            day=dates.day, short_date=dates.short_date, when=lambda event: dates.when(event, self.edition),
        )

    def render(self, template: str, here: str, **context: Any) -> str:
        """The component, for the page at URL `here`."""
        self.link.here = here
        return self.env.get_template(template).render(here=here, **context)


# Each template's file (path, modification time, size) -> the templates it names: parsed once per
# change, so the check below costs a build almost nothing.
_NAMED: dict[tuple[str, float, int], list[str]] = {}


def template_cycle(env: jinja2.Environment) -> str | None:
    """A chain of templates that leads back to where it started ('paragraph.html' includes
    'paragraph.html'), as one line, or None. Rendering one would recurse until Python stops it,
    on every page that uses it; found here, it is one message before any page is drawn. A
    template that does not parse is left to the page that uses it (its message names the line)."""
    from jinja2 import meta

    graph: dict[str, list[str]] = {}
    for name in env.loader.list_templates():
        try:
            source, filename, _ = env.loader.get_source(env, name)
        except jinja2.TemplateNotFound:
            continue
        stat = os.stat(filename) if filename else None
        key = (filename or name, stat.st_mtime if stat else 0.0, stat.st_size if stat else len(source))
        if key not in _NAMED:
            try:
                _NAMED[key] = sorted(n for n in meta.find_referenced_templates(env.parse(source)) if isinstance(n, str))
            except jinja2.TemplateSyntaxError:
                _NAMED[key] = []
        graph[name] = _NAMED[key]
    state: dict[str, int] = {}

    def visit(name: str, path: list[str]) -> list[str] | None:
        state[name] = 1
        for target in graph.get(name, []):
            if state.get(target) == 1:
                return path[path.index(target):] + [target] if target in path else path + [name, target]
            if target in graph and not state.get(target):
                found = visit(target, path + [target])
                if found:
                    return found
        state[name] = 2
        return None

    for start in sorted(graph):
        if not state.get(start):
            cycle = visit(start, [start])
            if cycle:
                return " → ".join(cycle)
    return None
