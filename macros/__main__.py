"""The kit's commands for editors (`make validate`, `make schemas`, `make register`):

    python -m macros            check data/ without building the site
    python -m macros schemas    write data/schemas/*.schema.json (--check: only compare)
    python -m macros register   add the ids published now to data/published-ids.yml
    python -m macros basemap    write data/basemap.yml's lines from public-domain data (needs npm)
"""

import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def main(argv: list[str]) -> int:
    if argv[:1] == ["schemas"]:
        from .files.schema import main as schemas

        return schemas(argv[1:])
    if argv[:1] == ["basemap"]:
        from .files.basemap_build import main as basemap

        return basemap(argv[1:])
    if argv[:1] == ["register"]:
        from .checks.permanence import write_register

        print(write_register(DATA))
        return 0
    from .files.errors import DataError
    from .views.load import load_edition

    try:
        edition = load_edition(DATA)
    except DataError as error:
        print(f"Invalid data: {error}", file=sys.stderr)
        return 1
    print(f"data/ is valid: {len(edition.paragraphs)} paragraphs, {len(edition.sources)} sources.")
    return 0


sys.exit(main(sys.argv[1:]))
