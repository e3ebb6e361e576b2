"""Recognise the editorial marks inside the document's text.

A translation prints editorial insertions in square brackets: "[sic]", "[stamp: ...]",
"[Translator’s note: ...]", supplied words such as "[Cheng]". They stay in the text
verbatim; this module only finds them so that the page can set them apart. Brackets may
nest ("[stamp: ... [OS – SIC] ...]"). Every bracket must match a kind in
`data/marks.yml`, so a new kind of mark cannot slip through unexplained.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..files.models.sources import MarkKind

__all__ = ["Mark", "Mention", "Token", "classify", "parse_marks", "plain_text"]


@dataclass(frozen=True)
class Mark:
    kind: MarkKind
    children: tuple["Token", ...]  # the bracket's content, brackets included


@dataclass(frozen=True)
class Mention:
    """A glossary entry's form as printed in the text (found by `mentions.MentionFinder`)."""

    entry_id: str
    text: str


Token = str | Mark | Mention


def classify(bracketed: str, kinds: list[MarkKind]) -> MarkKind:
    """The kind of the bracketed text (brackets included), or ValueError."""
    for kind in kinds:
        if bracketed in kind.forms or any(bracketed.startswith(p) for p in kind.starts_with):
            return kind
    raise ValueError(
        f"the bracket {bracketed!r} matches no kind of mark in data/marks.yml; "
        "add it to the 'forms' (or 'starts_with') of the kind it belongs to"
    )


def parse_marks(text: str, kinds: list[MarkKind]) -> tuple[Token, ...]:
    """Split `text` into plain strings and (possibly nested) marks; joined, they give `text` back."""
    tokens, end = _parse(text, 0, kinds, depth=0)
    assert end == len(text)
    return tokens


def _parse(text: str, start: int, kinds: list[MarkKind], depth: int) -> tuple[tuple[Token, ...], int]:
    tokens: list[Token] = []
    plain_from = i = start
    while i < len(text):
        char = text[i]
        if char == "[":
            if depth >= 8:
                raise ValueError(f"brackets nest more than 8 deep at character {i + 1}")
            if i > plain_from:
                tokens.append(text[plain_from:i])
            children, close = _parse(text, i + 1, kinds, depth + 1)
            inner = ("[",) + children + ("]",)
            tokens.append(Mark(classify(text[i: close + 1], kinds), _merge(inner)))
            i = plain_from = close + 1
            continue
        if char == "]":
            if depth == 0:
                raise ValueError(f"a ']' at character {i + 1} closes no '['")
            if i > plain_from:
                tokens.append(text[plain_from:i])
            return tuple(tokens), i
        i += 1
    if depth > 0:
        raise ValueError(f"the '[' at character {start} is never closed")
    if i > plain_from:
        tokens.append(text[plain_from:i])
    return tuple(tokens), i


def _merge(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """Join neighbouring strings so a mark's children alternate text and marks."""
    merged: list[Token] = []
    for token in tokens:
        if isinstance(token, str) and merged and isinstance(merged[-1], str):
            merged[-1] += token
        else:
            merged.append(token)
    return tuple(merged)


def plain_text(tokens: tuple[Token, ...]) -> str:
    """The text the tokens came from."""
    return "".join(
        t if isinstance(t, str) else t.text if isinstance(t, Mention) else plain_text(t.children) for t in tokens
    )
