"""The one kind of error bad data raises."""

from __future__ import annotations

__all__ = ["DataError"]


class DataError(Exception):
    """Bad data: the message names the file, the entry and the field, and what would be valid.

    Positions of entries in messages count from 1, as an editor counts them (`entries[1]` is
    the first entry), and every message that can give a line number does.
    """
