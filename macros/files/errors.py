"""The one kind of error bad data raises."""

from __future__ import annotations

import unicodedata

__all__ = ["DataError", "printable"]


def printable(text: str) -> str:
    """`text` with every invisible or control character written as an escape (`\\x1b`, `\\u202e`):
    a message quotes what is in the data, and terminal codes or bidi controls in it must not
    recolour the terminal or reverse the message. Line breaks stay (they separate problems)."""
    if text.isprintable():
        return text
    out = []
    for char in text:
        if char == "\n" or char.isprintable() or unicodedata.category(char) == "Zs":
            out.append(char)
        else:
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
    return "".join(out)


class DataError(Exception):
    """Bad data: the message names the file, the entry and the field, and what would be valid.

    Positions of entries in messages count from 1, as an editor counts them (`entries[1]` is
    the first entry), and every message that can give a line number does. Whatever the data
    holds, the message is printable (see `printable`).
    """

    def __init__(self, message: str = "") -> None:
        super().__init__(printable(str(message)))
