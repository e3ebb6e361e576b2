"""Field types shared by every data model.

- `Id` values are permanent: lower-case words joined by hyphens.
- `CableStr` fields hold the cable's words exactly as printed; they are always
  shown literally.
- `Prose` fields are our own writing; they may use the small Markdown subset in
  `macros.markup` (emphasis, strong, https links) and nothing else.
- `Text` fields are plain text, shown literally.
- `CableCopy` fields must repeat words that are in the cable's text (a glossary
  form, a quotation); the build checks that they do.

Every free-text type carries a `FreeText` marker, so a test can find every such
field in every file and fill it with hostile strings (tests/test_hostile_data.py).
"""

from __future__ import annotations

import re
from typing import Annotated

from dataclasses import dataclass

from pydantic import AfterValidator, BaseModel, ConfigDict

__all__ = ["CableCopy", "CableStr", "FreeText", "Id", "LangTag", "Model", "Prose", "Text", "Url", "WebUrl"]


@dataclass(frozen=True)
class FreeText:
    """Marks a field that holds free text: `kind` is 'text', 'prose' or 'cable'."""

    kind: str


_ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_URL_RE = re.compile(r"https://[^\s<>\"']+")
_WEB_URL_RE = re.compile(r"https?://[^\s<>\"']+")


def _check_id(value: str) -> str:
    if not _ID_RE.fullmatch(value):
        raise ValueError(
            f"{value!r} is not a valid id: use lower-case letters and digits in words "
            "joined by single hyphens, e.g. 's2-version-1'"
        )
    return value


def _check_url(value: str) -> str:
    if not _URL_RE.fullmatch(value):
        raise ValueError(f"{value!r} is not a valid address: it must start with https:// and contain no spaces")
    return value


def _check_not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty or only spaces")
    return value


def _check_web_url(value: str) -> str:
    if not _WEB_URL_RE.fullmatch(value):
        raise ValueError(f"{value!r} is not a valid address: it must start with https:// (or http://) and contain no spaces")
    return value


Id = Annotated[str, AfterValidator(_check_id)]
Url = Annotated[str, AfterValidator(_check_url)]
# A source's address: some sources (older official and newspaper sites) exist only over plain
# http. Only the bibliography links to them; prose links stay https-only.
WebUrl = Annotated[str, AfterValidator(_check_web_url)]
Text = Annotated[str, AfterValidator(_check_not_blank), FreeText("text")]
CableStr = Annotated[str, AfterValidator(_check_not_blank), FreeText("cable")]
Prose = Annotated[str, AfterValidator(_check_not_blank), FreeText("prose")]
CableCopy = Annotated[str, AfterValidator(_check_not_blank)]

_LANG_RE = re.compile(r"[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-[A-Z]{2})?")


def _check_lang(value: str) -> str:
    if not _LANG_RE.fullmatch(value):
        raise ValueError(
            f"{value!r} is not a language tag: use a BCP 47 tag such as 'zh-Hans', 'zh-Hant', 'ug-Arab', 'kk-Cyrl' or 'ru'"
        )
    return value


LangTag = Annotated[str, AfterValidator(_check_lang)]


class Model(BaseModel):
    """Frozen, and unknown fields are errors: a misspelt field name is never silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)
