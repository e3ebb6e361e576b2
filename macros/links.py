"""Every anchor and every link between the site's pages, defined once.

This is the bottom floor of the package: it imports nothing from it. Every other
module that needs an anchor (`src-wilson-record`, `event-deciphered`, ...) or a link
between pages asks here, so a prefix is typed in one place only.

The site is served under a sub-path on GitHub Pages (`/REPO/`), so every link is
relative to the page it is on; none starts with `/`.
"""

from __future__ import annotations

import posixpath

__all__ = [
    "ABOUT", "BACKGROUND", "INSTRUCTORS", "PROTECTED_FOLDER", "CATEGORIES", "CITATION_FILES", "CHRONOLOGY", "GLOSSARY", "HOME", "LESSONS", "Links", "MAP", "PACKETS",
    "QUESTIONS", "RELATED", "SOURCES", "SOURCES_CHECKED", "TEXT", "glossary_page", "lesson_page", "markdown_link",
    "packet_page", "page_url", "public_address", "relative", "worksheet_file",
]

# The kit's pages (sources under docs/). Generated pages are named by the functions below.
HOME = "index.md"
TEXT = "text.md"
ABOUT = "about.md"
SOURCES = "sources.md"
SOURCES_CHECKED = "sources-checked.md"
MAP = "map.md"
CHRONOLOGY = "chronology.md"
RELATED = "related.md"
CATEGORIES = "categories.md"
QUESTIONS = "questions.md"
GLOSSARY = "glossary/index.md"
PACKETS = "packets/index.md"
LESSONS = "lessons/index.md"
BACKGROUND = "background.md"
INSTRUCTORS = "instructors.md"

# The published instructor edition: a second site, built from the same data with the notes for
# instructors, encrypted, in this folder of the student site (macros/integration/protected_edition.py).
PROTECTED_FOLDER = "instructor"


# Files beside the About page, for reference managers.
CITATION_FILES = ((f"{ABOUT.removesuffix('.md')}/citation.ris", "RIS (.ris)"), (f"{ABOUT.removesuffix('.md')}/citation.bib", "BibTeX (.bib)"))


def glossary_page(kind_id: str) -> str:
    return f"glossary/{kind_id}.md"


def packet_page(packet_id: str) -> str:
    return f"packets/{packet_id}.md"


def lesson_page(lesson_id: str) -> str:
    return f"lessons/{lesson_id}.md"


def worksheet_file(lesson_id: str) -> str:
    """A lesson's worksheet as a Word file, in the built site (not a page)."""
    return f"lessons/{lesson_id}/worksheet.docx"


# --- anchors (ids of elements), one prefix per kind of thing ---------------------------------

def source_anchor(source_id: str) -> str:
    return f"src-{source_id}"


def checked_anchor(source_id: str) -> str:
    return f"checked-{source_id}"


def event_anchor(event_id: str) -> str:
    return f"event-{event_id}"


def question_anchor(question_id: str) -> str:
    return f"q-{question_id}"


def section_questions_anchor(section_id: str) -> str:
    return f"on-{section_id}"


def skill_anchor(skill_id: str) -> str:
    return f"skill-{skill_id}"


def map_place_anchor(entry_id: str) -> str:
    return f"place-{entry_id}"


def mark_anchor(mark_id: str) -> str:
    """The legend entry that explains a kind of editorial mark (on the text page)."""
    return f"mark-{mark_id}"


def description_anchor(entry_id: str) -> str:
    """The hidden element that describes a glossary entry to screen readers, on pages with mentions."""
    return f"gloss-desc-{entry_id}"


def related_anchor(document_id: str) -> str:
    return f"doc-{document_id}"


def chain_anchor(step_id: str) -> str:
    return f"chain-{step_id}"


def category_anchor(category_id: str) -> str:
    return f"category-{category_id}"


def organizer_anchor(name: str) -> str:
    return f"organizer-{name}"


def glossary_group_anchor(kind_id: str) -> str:
    return f"group-{kind_id}"


# --- links --------------------------------------------------------------------------------------

def page_url(src: str, directory: bool = True) -> str:
    """The URL (relative to the site root) of a page's Markdown source: 'text/' with directory URLs
    (the published site), 'text.html' without them (the offline edition, opened from a folder)."""
    stem = src.removesuffix(".md")
    if not directory:
        return stem + ".html"
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def public_address(site_url: str, page_src: str) -> str | None:
    """A page's published address, for a printed handout; None where the build has no public
    address (no `site_url`, or the local one of `mkdocs serve`), rather than a useless one."""
    from urllib.parse import urlsplit

    host = urlsplit(site_url or "").hostname or ""
    if host in ("", "localhost", "127.0.0.1", "0.0.0.0", "::1"):
        return None
    return site_url.rstrip("/") + "/" + page_url(page_src)


def _folder(url: str, directory: bool) -> str:
    """The folder a page's relative links start from."""
    return (url.rstrip("/") if directory else posixpath.dirname(url)) or "."


def relative(from_url: str, to_src: str, anchor: str = "", directory: bool = True) -> str:
    """Link from the page at `from_url` to the page `to_src`, optionally at `#anchor`."""
    target = page_url(to_src, directory)
    if target == from_url:
        path = ""
    elif directory:
        path = posixpath.relpath(target or ".", _folder(from_url, directory)) + "/"
    else:
        path = posixpath.relpath(target, _folder(from_url, directory))
    if anchor:
        return f"{path}#{anchor}"
    return path or ("./" if directory else posixpath.basename(target))


def markdown_link(from_src: str, to_src: str, anchor: str = "") -> str:
    """A Markdown link target from the page `from_src` to `to_src` (MkDocs resolves and checks these)."""
    path = posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")
    return f"{path}#{anchor}" if anchor else path


class Links:
    """The links a template on one page needs: `link.paragraph('s2-version-3')` and so on.

    `here` is the URL of the page being rendered (MkDocs' `page.url`, e.g. 'glossary/places/',
    or 'glossary/places.html' where the build has no directory URLs).
    """

    def __init__(self, here: str, directory: bool = True):
        self.here = here
        self.directory = directory  # False in the offline edition (no directory URLs)

    def to(self, page_src: str, anchor: str = "") -> str:
        return relative(self.here, page_src, anchor, self.directory)

    def file(self, path: str) -> str:
        """A file of the built site (not a page), e.g. 'about/citation.ris'."""
        return posixpath.relpath(path, _folder(self.here, self.directory))

    def paragraph(self, paragraph_id: str) -> str:
        return self.to(TEXT, paragraph_id)

    def section(self, section_id: str) -> str:
        return self.to(TEXT, section_id)

    def entry(self, kind_id: str, entry_id: str) -> str:
        return self.to(glossary_page(kind_id), entry_id)

    def glossary_kind(self, kind_id: str) -> str:
        return self.to(glossary_page(kind_id))

    def source(self, source_id: str) -> str:
        return self.to(SOURCES, source_anchor(source_id))

    def source_checked(self, source_id: str) -> str:
        return self.to(SOURCES_CHECKED, checked_anchor(source_id))

    def event(self, event_id: str) -> str:
        return self.to(CHRONOLOGY, event_anchor(event_id))

    def question(self, question_id: str) -> str:
        return self.to(QUESTIONS, question_anchor(question_id))

    def section_questions(self, section_id: str) -> str:
        return self.to(QUESTIONS, section_questions_anchor(section_id))

    def place_on_map(self, entry_id: str) -> str:
        return self.to(MAP, map_place_anchor(entry_id))

    def related(self, document_id: str) -> str:
        return self.to(RELATED, related_anchor(document_id))

    def packet(self, packet_id: str) -> str:
        return self.to(packet_page(packet_id))

    def protected(self, page_src: str) -> str:
        """A page of the published instructor edition (PROTECTED_FOLDER), from a page of the student site."""
        folder = _folder(self.here, self.directory)
        target = posixpath.join(PROTECTED_FOLDER, page_url(page_src, self.directory))
        return posixpath.relpath(target, folder) + ("/" if target.endswith("/") else "")

    def lesson(self, lesson_id: str) -> str:
        return self.to(lesson_page(lesson_id))
