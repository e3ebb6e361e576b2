"""`python -m macros` (or `make validate`): check data/ without building the site."""

import sys
from pathlib import Path

from .load import DataError, load_edition

try:
    edition = load_edition(Path(__file__).resolve().parent.parent / "data")
except DataError as error:
    print(f"Invalid data: {error}", file=sys.stderr)
    sys.exit(1)
print(f"data/ is valid: {len(edition.paragraphs)} paragraphs, {len(edition.sources.sources)} sources.")
