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


def _can_listen(port: int) -> bool:
    """Whether a server could listen on 127.0.0.1:`port` now, binding as MkDocs' server does
    (SO_REUSEADDR, like every http.server): a port left in TIME-WAIT by a server that just
    stopped is free to it, one another program listens on is not."""
    import socket

    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            return False
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def port_is_free(port: str) -> int:
    """0 if a local server can listen on `port`; otherwise one line saying what to do (mkdocs
    serve would print a traceback), with a port that is free at this moment."""
    if not port.isdigit() or not 0 < int(port) < 65536:
        print(f"PORT={port} is not a port number: use a number from 1 to 65535, e.g. make serve PORT=8001", file=sys.stderr)
        return 1
    if _can_listen(int(port)):
        return 0
    free = next((p for p in range(int(port) + 1, min(int(port) + 101, 65536)) if _can_listen(p)), None)
    suggestion = f"e.g. make serve PORT={free}" if free else "e.g. make serve PORT=8001"
    print(f"Port {port} is already in use (another server?): stop it, or pick another port, {suggestion}", file=sys.stderr)
    return 1


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
    from .files.errors import DataError

    if argv[:1] == ["register"]:
        from .checks.permanence import write_register
        from .views.load import load_edition

        try:
            print(write_register(load_edition(DATA).files))
        except DataError as error:
            print(f"Invalid data: {error}\nNo id was recorded: fix the data, then run make register again.", file=sys.stderr)
            return 1
        return 0
    from .views.load import load_edition

    try:
        edition = load_edition(DATA)
    except DataError as error:
        print(f"Invalid data: {error}", file=sys.stderr)
        return 1
    print(f"data/ is valid: {len(edition.paragraphs)} paragraphs, {len(edition.sources)} sources.")
    return 0


def _one_line(error: BaseException) -> str:
    """'macros/render/text.py, line 12: SyntaxError: expected ':'': where in the project it failed."""
    import traceback

    project = DATA.parent
    if isinstance(error, SyntaxError) and error.filename:
        where = Path(error.filename)
        shown = where.resolve().relative_to(project).as_posix() if where.resolve().is_relative_to(project) else where
        return f"{shown}, line {error.lineno}: SyntaxError: {error.msg}"
    frames = [f for f in traceback.extract_tb(error.__traceback__)
              if Path(f.filename).resolve().is_relative_to(project) and ".venv" not in Path(f.filename).parts]
    where = f"{Path(frames[-1].filename).resolve().relative_to(project).as_posix()}, line {frames[-1].lineno}: " if frames else ""
    return f"{where}{type(error).__name__}: {error}"


def run(argv: list[str]) -> int:
    """`main`, with any failure (a syntax error in a module of macros/, say) as one line, not a traceback."""
    try:
        return main(argv)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - an editor's command ends in one line, never a traceback
        line = _one_line(error)  # without terminal codes, even if the module that escapes them is what is broken
        print("".join(c if c.isprintable() or c == "\n" else repr(c)[1:-1] for c in line), file=sys.stderr)
        return 1


sys.exit(run(sys.argv[1:]))
