"""The kit's commands for editors (`make validate`, `make schemas`, `make register`, `make scaffold`):

    python -m macros            check data/ without building the site
    python -m macros schemas    write data/schemas/*.schema.json (--check: only compare)
    python -m macros register   add the ids published now to data/published-ids.yml
    python -m macros scaffold FILE [--into DIR] [--force]
                                write DIR/data/ (DIR: the project folder, the current one by default)
                                from FILE, an archive's document page saved as text; --force
                                replaces a data/ that exists
    python -m macros basemap    write data/basemap.yml's lines from public-domain data (needs npm)
    python -m macros port N     check that `make serve` can have port N (one line if it cannot)
    python -m macros instructor-edition SITE_DIR
                                build the instructor edition into SITE_DIR/instructor/ and encrypt
                                it with INSTRUCTOR_PASSPHRASE (`make build`); without the variable,
                                say that none is published
    python -m macros instructor-edition --folder
                                print the folder the student site links to ('instructor', or nothing)

Every command ends in one line on standard error when something is wrong (bad arguments, bad
data, a broken module), never a traceback.
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


def _usage(command: str, why: str) -> int:
    print(f"{why}: use {USAGE[command]} (python -m macros --help lists every command)", file=sys.stderr)
    return 2


def validate(args: list[str]) -> int:
    from .files.errors import DataError
    from .views.load import load_edition

    try:
        edition = load_edition(DATA)
    except DataError as error:
        print(f"Invalid data: {error}", file=sys.stderr)
        return 1
    print(f"data/ is valid: {len(edition.paragraphs)} paragraphs, {len(edition.sources)} sources.")
    return 0


def schemas(args: list[str]) -> int:
    if args not in ([], ["--check"]):
        return _usage("schemas", f"schemas takes no argument but --check (got {' '.join(args)!r})")
    from .files.schema import main as write_schemas

    try:
        return write_schemas(args)
    except OSError as error:
        print(f"data/schemas/: the schemas cannot be written there ({error.strerror or error}); it must be a folder you "
              "may write to", file=sys.stderr)
        return 1


def register(args: list[str]) -> int:
    if args:
        return _usage("register", f"register takes no argument (got {' '.join(args)!r})")
    from .checks.permanence import write_register
    from .files.errors import DataError
    from .views.load import load_edition

    try:
        print(write_register(load_edition(DATA).files))
    except DataError as error:
        print(f"Invalid data: {error}\nNo id was recorded: fix the data, then run make register again.", file=sys.stderr)
        return 1
    return 0


def scaffold(args: list[str]) -> int:
    """`scaffold FILE [--into DIR] [--force]`: DIR/data/ from a capture, checked as a build checks it."""
    files, into, force, rest = [], None, False, list(args)
    while rest:
        arg = rest.pop(0)
        if arg == "--force":
            force = True
        elif arg == "--into" or arg.startswith("--into="):
            value = arg.partition("=")[2] if "=" in arg else (rest.pop(0) if rest else "")
            if not value or into is not None:
                return _usage("scaffold", "--into needs one folder" if not value else "--into is given twice")
            into = value
        elif arg.startswith("-") and arg != "-":
            return _usage("scaffold", f"scaffold has no option {arg!r}")
        else:
            files.append(arg)
    if len(files) != 1:
        return _usage("scaffold", "scaffold needs the capture's file" if not files else
                      f"scaffold takes one capture, not {len(files)} ({', '.join(files)})")
    from .files.errors import DataError
    from .files.scaffold import scaffold as write_data
    from .views.load import load_edition

    project = Path(into) if into is not None else Path(".")  # named as typed in messages: "data", not /home/…/data
    try:
        written = write_data(Path(files[0]), project, force=force, check=load_edition)
    except DataError as error:
        print(f"Cannot scaffold: {error}", file=sys.stderr)
        return 1
    data = project / "data"
    count = len(load_edition(data).paragraphs)
    print(f"{data}: written from {files[0]} ({count} paragraphs): {', '.join(w.removeprefix('data/') for w in written[:-1])}.")
    print(f"Next: read {project / 'scaffold-notes.md'} (what the page did not give, the names to gloss), then make serve.")
    return 0


def basemap(args: list[str]) -> int:
    if args:
        return _usage("basemap", f"basemap takes no argument (got {' '.join(args)!r})")
    from .files.basemap_build import main as write_basemap

    return write_basemap(args)


def port(args: list[str]) -> int:
    if len(args) != 1:
        return _usage("port", "port needs one port number" if not args else f"port takes one number, not {len(args)}")
    return port_is_free(args[0])


def instructor_edition(args: list[str]) -> int:
    if len(args) != 1 or (args[0].startswith("-") and args[0] != "--folder"):
        return _usage("instructor-edition", "instructor-edition needs one folder, or --folder")
    import os

    from .integration import protected_edition as protected

    try:
        if args[0] == "--folder":
            print(protected.folder_if_published())
            return 0
        line = protected.publish(DATA.parent, Path(args[0]).resolve(), os.environ.get("SITE_URL", ""),
                                 protected.passphrase_from_environment())
    except protected.ProtectError as error:
        print(f"Instructor edition: {error}", file=sys.stderr)
        return 1
    if os.environ.get("GITHUB_ACTIONS") == "true" and protected.passphrase_from_environment() is None:
        print(f"::warning title=Instructor edition not published::{line}")
    print(line)
    return 0


# Every command: how it is called and what runs it (a test runs each with bad arguments and input).
COMMANDS = {
    "schemas": schemas, "register": register, "scaffold": scaffold, "basemap": basemap, "port": port,
    "instructor-edition": instructor_edition,
}
USAGE = {
    "schemas": "python -m macros schemas [--check]", "register": "python -m macros register",
    "scaffold": "python -m macros scaffold FILE [--into DIR] [--force]", "basemap": "python -m macros basemap",
    "port": "python -m macros port N", "instructor-edition": "python -m macros instructor-edition SITE_DIR|--folder",
}


def main(argv: list[str]) -> int:
    if not argv:
        return validate(argv)
    command, args = argv[0], argv[1:]
    if command in ("-h", "--help", "help"):
        print(__doc__.strip())
        return 0
    if command not in COMMANDS:
        print(f"Unknown command {command!r}: use one of {', '.join(COMMANDS)}, or none to check data/ "
              "(python -m macros --help)", file=sys.stderr)
        return 2
    return COMMANDS[command](args)


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


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
