"""The one way data enters a build: read → validate each file → check across files → build views."""

from __future__ import annotations

from pathlib import Path

from ..checks import check_all
from ..files.errors import DataError
from ..files.read import read_all
from .edition import Edition, build_edition

__all__ = ["DataError", "load_edition"]


def load_edition(data_dir: Path) -> Edition:
    """The edition of `data_dir`, or one `DataError` naming the file, line, entry and field."""
    files = read_all(data_dir)
    check_all(files)
    return build_edition(files)
