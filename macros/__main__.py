"""The kit's commands for editors (`make validate`, `make schemas`, `make register`):

    python -m macros            check data/ without building the site
    python -m macros schemas    write data/schemas/*.schema.json (--check: only compare)
    python -m macros register   add the ids published now to data/published-ids.yml
    python -m macros basemap    write data/basemap.yml's lines from public-domain data (needs npm)
    python -m macros port N     check that `make serve` can have port N (one line if it cannot)
    python -m macros instructor-edition SITE_DIR
                                build the instructor edition into SITE_DIR/instructor/ and encrypt
                                it with INSTRUCTOR_PASSPHRASE (`make build`); without the variable,
                                say that none is published
    python -m macros instructor-edition --folder
                                print the folder the student site links to ('instructor', or nothing)
"""

import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def port_is_free(port: str) -> int:
    """0 if a local server can listen on `port`; otherwise one line saying what to do (mkdocs
    serve would print a traceback)."""
    import socket

    if not port.isdigit() or not 0 < int(port) < 65536:
        print(f"PORT={port} is not a port number: use a number from 1 to 65535, e.g. make serve PORT=8001", file=sys.stderr)
        return 1
    with socket.socket() as probe:
        in_use = probe.connect_ex(("127.0.0.1", int(port))) == 0
        if not in_use:
            try:
                probe.bind(("127.0.0.1", int(port)))
            except OSError:
                in_use = True
    if in_use:
        print(f"Port {port} is already in use (another server?): stop it, or pick another port, "
              f"e.g. make serve PORT={int(port) + 1}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["port"] and len(argv) == 2:
        return port_is_free(argv[1])
    if argv[:1] == ["schemas"]:
        from .files.schema import main as schemas

        return schemas(argv[1:])
    if argv[:1] == ["basemap"]:
        from .files.basemap_build import main as basemap

        return basemap(argv[1:])
    if argv[:1] == ["instructor-edition"] and len(argv) == 2:
        import os

        from .integration import protected_edition as protected

        try:
            if argv[1] == "--folder":
                print(protected.folder_if_published())
                return 0
            line = protected.publish(DATA.parent, Path(argv[1]).resolve(), os.environ.get("SITE_URL", ""),
                                     protected.passphrase_from_environment())
        except protected.ProtectError as error:
            print(f"Instructor edition: {error}", file=sys.stderr)
            return 1
        if os.environ.get("GITHUB_ACTIONS") == "true" and protected.passphrase_from_environment() is None:
            print(f"::warning title=Instructor edition not published::{line}")
        print(line)
        return 0
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
