"""Field types shared by every data model.

- `Id` values are permanent: lower-case words joined by hyphens.
- `Verbatim` fields hold the document's words (or an archive's) exactly as printed; they
  are always shown literally.
- `Prose` fields are our own writing; they may use the small Markdown subset in
  `macros.templating.markup` (emphasis, strong, https links, `[[id]]` references) and
  nothing else.
- `Text` fields are plain text, shown literally.
- `VerbatimCopy` fields must repeat words that are in the document's text (a glossary
  form, a quotation); the build checks that they do.

No text field may hide what it says: characters that are invisible or that rearrange the text
around them (bidi overrides such as U+202E, zero-width spaces, control characters such as
\x1b, line and paragraph separators) are refused wherever they are, a value must show at least
one visible character, and every field has a length a page can hold (`MAX_LENGTH`), which also
bounds the work of rendering it.

Every free-text type carries a `FreeText` marker, so a test can find every such field in
every file and fill it with hostile strings (tests/kit/test_hostile_data.py).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict

__all__ = [
    "Colour", "Email", "FreeText", "INSTRUCTOR_ONLY", "Id", "InstructorOnly", "LangTag", "MAX_LENGTH", "Model", "PROSE_LINK", "Prose",
    "Text", "Url", "Verbatim", "VerbatimCopy", "WebUrl", "hidden_character",
]


@dataclass(frozen=True)
class InstructorOnly:
    """Marks a field that only the instructor edition shows (with everything inside it): what
    it cites is not listed on the student edition's Sources page."""


INSTRUCTOR_ONLY = InstructorOnly()


@dataclass(frozen=True)
class FreeText:
    """Marks a field that holds free text: `kind` is 'text', 'prose' or 'verbatim'."""

    kind: str


_ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_HOST_RE = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}")
# Names that never lead to a public site (RFC 6761, 6762, 8375, and the usual private ones): a
# reader's browser would try their own machine or network. IP addresses are not host names.
_PRIVATE_TLDS = {
    "localhost", "local", "localdomain", "internal", "intranet", "lan", "home", "corp", "private", "test",
    "invalid", "example", "arpa", "onion", "alt",
}
# A link in prose (the subset of macros.templating.markup): `[words](https://...)`.
PROSE_LINK = re.compile(r"\[([^\[\]\n]+)\]\((https://[^\s()<>\"']+)\)")
# The longest a field may be, in characters: several times the longest in the real data (a text
# 483, prose 1,716, a verbatim passage 764), far below what would slow a build.
MAX_LENGTH = {"text": 2_000, "prose": 10_000, "verbatim": 10_000}
_PATH_RE = re.compile(r"[^\s<>\"'\\]*")


def _check_id(value: str) -> str:
    if not _ID_RE.fullmatch(value):
        raise ValueError(
            f"{value!r} is not a valid id: use lower-case letters and digits in words "
            "joined by single hyphens, e.g. 's2-version-1'"
        )
    return value


def _check_address(value: str, schemes: tuple[str, ...]) -> str:
    """A web address that is what it looks like: the scheme, a plain host name, and a path.
    `https://archive.org@evil.example/` would take a reader to evil.example, so a user-info
    part (anything before '@'), a port or an IP address is refused."""
    wanted = " or ".join(f"{s}://" for s in schemes)
    parts = urlsplit(value)
    if parts.scheme not in schemes or not value.startswith(f"{parts.scheme}://"):
        raise ValueError(f"{value!r} is not a valid address: it must start with {wanted}")
    try:
        port = parts.port
    except ValueError:  # a port that is not a number
        port = -1
    if "@" in parts.netloc or port is not None or not _HOST_RE.fullmatch(parts.netloc.lower()):
        raise ValueError(
            f"{value!r} is not a valid address: after {parts.scheme}:// it must name a plain host "
            "such as 'digitalarchive.wilsoncenter.org' (no user name, password, '@', port or IP address)"
        )
    if parts.netloc.lower().rsplit(".", 1)[-1] in _PRIVATE_TLDS:
        raise ValueError(
            f"{value!r} is not a valid address: '{parts.netloc}' is a private or reserved name, not a public "
            "site; link to the public address"
        )
    rest = value[len(parts.scheme) + 3 + len(parts.netloc):]
    if not _PATH_RE.fullmatch(rest) or any(unicodedata.category(c)[0] in "CZ" for c in rest):
        raise ValueError(f"{value!r} is not a valid address: it must contain no spaces, quotes, angle brackets or control characters")
    return value


def _check_url(value: str) -> str:
    return _check_address(value, ("https",))


def _check_web_url(value: str) -> str:
    return _check_address(value, ("https", "http"))


_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@" + _HOST_RE.pattern)


def _check_email(value: str) -> str:
    if not _EMAIL_RE.fullmatch(value):
        raise ValueError(f"{value!r} is not an e-mail address: write it as name@example.org, without 'mailto:'")
    return value


# Letters that draw nothing (fillers), which a value must not consist of.
_BLANK_LETTERS = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u2800"}
# Zero-width joiners have one honest use: between two letters of a word in some scripts.
_JOINERS = {"\u200c", "\u200d"}


def hidden_character(value: str) -> tuple[int, str] | None:
    """The first character (position from 1, and the character) that is invisible or can
    rearrange the text around it: controls other than line break and tab, format characters
    (bidi controls, zero-width spaces, the byte-order mark), line and paragraph separators,
    private-use and unassigned code points."""
    for i, char in enumerate(value):
        category = unicodedata.category(char)
        if char in "\n\t" or category[0] not in "CZ" or category in ("Zs",):
            continue
        if char in _JOINERS and 0 < i < len(value) - 1 and value[i - 1].isalpha() and value[i + 1].isalpha():
            continue
        return i + 1, char
    return None


def _describe_character(char: str) -> str:
    name = unicodedata.name(char, "") or {"Cc": "a control character", "Co": "private use", "Cn": "unassigned"}.get(
        unicodedata.category(char), "invisible")
    return f"U+{ord(char):04X} ({name})"


def _check_text(kind: str):
    def check(value: str) -> str:
        if len(value) > MAX_LENGTH[kind]:
            raise ValueError(
                f"is {len(value):,} characters long; a field like this holds at most {MAX_LENGTH[kind]:,}: "
                "shorten it, or split it"
            )
        hidden = hidden_character(value)
        if hidden:
            at, char = hidden
            raise ValueError(
                f"contains the invisible character {_describe_character(char)} at character {at}; it can hide "
                "or reverse the text around it: delete it (retype the words if you cannot see it)"
            )
        if not any(unicodedata.category(c)[0] not in "CZ" and c not in _BLANK_LETTERS for c in value):
            raise ValueError("must not be empty or only spaces")
        if kind == "prose":
            for match in PROSE_LINK.finditer(value):
                try:
                    _check_url(match.group(2))
                except ValueError as error:
                    raise ValueError(f"the link [{match.group(1)}]({match.group(2)}): {error}") from None
        return value

    return check


_COLOUR_RE = re.compile(r"#[0-9a-fA-F]{6}")


def _check_colour(value: str) -> str:
    if not _COLOUR_RE.fullmatch(value):
        raise ValueError(f"{value!r} is not a colour: write it as #rrggbb, e.g. '#283593'")
    return value


Id = Annotated[str, AfterValidator(_check_id)]
Url = Annotated[str, AfterValidator(_check_url)]
# A source's address: some sources (older official and newspaper sites) exist only over plain
# http. Only the bibliography links to them; prose links stay https-only.
WebUrl = Annotated[str, AfterValidator(_check_web_url)]
Text = Annotated[str, AfterValidator(_check_text("text")), FreeText("text")]
Verbatim = Annotated[str, AfterValidator(_check_text("verbatim")), FreeText("verbatim")]
Prose = Annotated[str, AfterValidator(_check_text("prose")), FreeText("prose")]
VerbatimCopy = Annotated[str, AfterValidator(_check_text("text"))]
Colour = Annotated[str, AfterValidator(_check_colour)]
Email = Annotated[str, AfterValidator(_check_email)]

_LANG_RE = re.compile(r"[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-[A-Z]{2})?")


# A language's default script (IANA Language Subtag Registry, "Suppress-Script", as the W3C Nu HTML
# Checker 26.9.27 bundles it): BCP 47 says to leave it out ("kk", not "kk-Cyrl"); the checker flags it.
_DEFAULT_SCRIPT = {
    language: script
    for script, languages in {
        "Latn": "af ay bs ca ch cs cy da de dsb en eo es et eu fi fj fo fr frr frs fy ga gl gn gsw gv hr hsb ht hu id "
                "in is it kl la lb ln lt lv men mg mh mo ms mt na nb nd nds niu nl nn no nr nso ny om pl pt qu rm rn ro "
                "rw sg sk sl sm so sq ss st sv sw tem tkl tl tmh tn to tpi tr ts tvl ve vi xh zu",
        "Cyrl": "ab be bg kk mk ru uk", "Deva": "hi kok mai mr ne", "Arab": "ar fa ps ur", "Hebr": "he iw yi",
        "Ethi": "am ti", "Beng": "as bn", "Thaa": "dv", "Tibt": "dz", "Grek": "el", "Gujr": "gu", "Armn": "hy",
        "Jpan": "ja", "Geor": "ka", "Khmr": "km", "Knda": "kn", "Kore": "ko", "Laoo": "lo", "Mlym": "ml",
        "Mymr": "my", "Orya": "or", "Guru": "pa", "Sinh": "si", "Taml": "ta", "Telu": "te", "Thai": "th",
        "Nkoo": "nqo", "Blis": "zbl",
    }.items()
    for language in languages.split()
}


def _check_lang(value: str) -> str:
    if not _LANG_RE.fullmatch(value):
        raise ValueError(
            f"{value!r} is not a language tag: use a BCP 47 tag such as 'zh-Hans', 'zh-Hant', 'ug-Arab', 'kk' or 'ru'"
        )
    language, _, rest = value.partition("-")
    if rest[:4] and _DEFAULT_SCRIPT.get(language) == rest[:4]:
        shorter = "-".join([language, *rest.split("-")[1:]])
        raise ValueError(f"{value!r} names the default script of {language!r}: write {shorter!r} (BCP 47 leaves it out)")
    return value


LangTag = Annotated[str, AfterValidator(_check_lang)]


class Model(BaseModel):
    """Frozen, and unknown fields are errors: a misspelt field name is never silently ignored.
    No infinity or not-a-number, even written as text ('1e400')."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)
