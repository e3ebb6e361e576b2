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

Every free-text type carries a `FreeText` marker, so a test can find every such field in
every file and fill it with hostile strings (tests/test_hostile_data.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict

__all__ = [
    "Colour", "Email", "FreeText", "Id", "LangTag", "Model", "Prose", "Text", "Url", "Verbatim", "VerbatimCopy", "WebUrl",
]


@dataclass(frozen=True)
class FreeText:
    """Marks a field that holds free text: `kind` is 'text', 'prose' or 'verbatim'."""

    kind: str


_ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_HOST_RE = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}")
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
    if "@" in parts.netloc or parts.port is not None or not _HOST_RE.fullmatch(parts.netloc.lower()):
        raise ValueError(
            f"{value!r} is not a valid address: after {parts.scheme}:// it must name a plain host "
            "such as 'digitalarchive.wilsoncenter.org' (no user name, password, '@' or port)"
        )
    rest = value[len(parts.scheme) + 3 + len(parts.netloc):]
    if not _PATH_RE.fullmatch(rest):
        raise ValueError(f"{value!r} is not a valid address: it must contain no spaces, quotes or angle brackets")
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


def _check_not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty or only spaces")
    return value


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
Text = Annotated[str, AfterValidator(_check_not_blank), FreeText("text")]
Verbatim = Annotated[str, AfterValidator(_check_not_blank), FreeText("verbatim")]
Prose = Annotated[str, AfterValidator(_check_not_blank), FreeText("prose")]
VerbatimCopy = Annotated[str, AfterValidator(_check_not_blank)]
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
    """Frozen, and unknown fields are errors: a misspelt field name is never silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)
