"""Find the glossary entries the cable mentions, without changing a character of its text.

Each entry lists the exact `forms` the cable prints for it ("URUMCHI"; "LU" and
"LUO"). A form matches as a whole word, case-sensitively; where forms overlap
("People’s Liberation Army" and "Chinese People’s Liberation Army") the
longest wins. Matching runs over the plain strings of a paragraph's tokens,
inside editorial marks too, and only wraps the matched string in a `Mention`:
joined back together, the tokens still give the paragraph's text exactly.
"""

from __future__ import annotations

import re

from .marks import Mark, Mention, Token

__all__ = ["MentionFinder"]

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
                parts.append(text[last : match.start()])
            parts.append(Mention(self._entry_of[match.group()], match.group()))
            last = match.end()
        if last < len(text):
            parts.append(text[last:])
        return parts

    def occurs(self, form: str, text: str) -> bool:
        """Whether `form` occurs in `text` as a whole word."""
        return re.search(f"(?<![{_WORD}]){re.escape(form)}(?![{_WORD}])", text) is not None
