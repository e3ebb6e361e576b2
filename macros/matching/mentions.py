"""Find the glossary entries the text mentions, without changing a character of it.

Each entry lists the exact `forms` the text prints for it ("URUMCHI"; "LU" and "LUO").
A form matches as a whole word, case-sensitively; where forms overlap ("People’s
Liberation Army" and "Chinese People’s Liberation Army") the longest wins. Matching runs
over the plain strings of a paragraph's tokens, inside editorial marks too, and only
wraps the matched string in a `Mention`: joined back together, the tokens still give the
paragraph's text exactly. The check that every form is in the text uses this same
matching (`linked_forms`), so what the check passes is what the page links.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from .marks import Mark, Mention, Token

__all__ = ["MentionFinder", "linked_forms", "mentioned_ids"]

# Letters, digits and the apostrophes of words like "national’nyy" count as inside a word.
_WORD = r"\w’'"


class MentionFinder:
    def __init__(self, forms: dict[str, str]):
        """`forms` maps each printed form to the id of its entry."""
        self._entry_of = forms
        alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        self._pattern = re.compile(f"(?<![{_WORD}])(?:{alternatives})(?![{_WORD}])") if forms else None

    def link(self, tokens: tuple[Token, ...]) -> tuple[Token, ...]:
        """The same tokens, with every mention inside their strings split out as a `Mention`."""
        out: list[Token] = []
        for token in tokens:
            if isinstance(token, str):
                out.extend(self._split(token))
            elif isinstance(token, Mark):
                out.append(Mark(token.kind, self.link(token.children)))
            else:
                out.append(token)
        return tuple(out)

    def _split(self, text: str) -> list[Token]:
        if self._pattern is None:
            return [text]
        parts: list[Token] = []
        last = 0
        for match in self._pattern.finditer(text):
            if match.start() > last:
                parts.append(text[last: match.start()])
            parts.append(Mention(self._entry_of[match.group()], match.group()))
            last = match.end()
        if last < len(text):
            parts.append(text[last:])
        return parts

    @staticmethod
    def occurs(form: str, text: str) -> bool:
        """Whether `form` occurs in `text` as a whole word (linked or not)."""
        return re.search(f"(?<![{_WORD}]){re.escape(form)}(?![{_WORD}])", text) is not None


def linked_forms(paragraphs: Iterable[tuple[Token, ...]]) -> set[str]:
    """Every form that the linking actually turned into a mention, in any paragraph."""
    return {m.text for tokens in paragraphs for m in _mentions(tokens)}


def mentioned_ids(tokens: tuple[Token, ...]) -> Iterator[str]:
    for mention in _mentions(tokens):
        yield mention.entry_id


def _mentions(tokens: tuple[Token, ...]) -> Iterator[Mention]:
    for token in tokens:
        if isinstance(token, Mention):
            yield token
        elif isinstance(token, Mark):
            yield from _mentions(token.children)
