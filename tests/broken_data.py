"""How the broken-input tables break a data folder, and how they find what to expect in it.

Used by the kit's table (tests/kit/test_validation.py, cases found in each site's own data) and by
this edition's (tests/edition/test_data.py). Line numbers in a message are not typed:
`line(data_dir, file, text)` finds, in the broken file itself, the line that holds `text`.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

import yaml

from macros.files.errors import DataError
from macros.views.load import load_edition


# --- how a case breaks a file --------------------------------------------------------------


def _yaml(file: str, change: Callable[[dict], None]) -> Callable[[Path], None]:
    def apply(data_dir: Path) -> None:
        path = data_dir / file
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    return apply


def _text(file: str, old: str, new: str, count: int = 1) -> Callable[[Path], None]:
    def apply(data_dir: Path) -> None:
        path = data_dir / file
        content = path.read_text(encoding="utf-8")
        assert old in content, f"{old!r} is not in {file}: the case no longer fits the data"
        path.write_text(content.replace(old, new, count), encoding="utf-8")

    return apply


def _everywhere(old: str, new: str) -> Callable[[Path], None]:
    """Rename an id in every data file (but the register of published ids)."""
    def apply(data_dir: Path) -> None:
        for path in data_dir.glob("*.yml"):
            if path.name != "published-ids.yml":
                path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")

    return apply


def _bytes(file: str, content: bytes) -> Callable[[Path], None]:
    return lambda data_dir: (data_dir / file).write_bytes(content)


def _both(*changes: Callable[[Path], None]) -> Callable[[Path], None]:
    def apply(data_dir: Path) -> None:
        for change in changes:
            change(data_dir)

    return apply


def line(data_dir: Path, file: str, text: str, nth: int = 1) -> int:
    """The number of the `nth` line of the (broken) file that contains `text`."""
    found = [i for i, content in enumerate((data_dir / file).read_text(encoding="utf-8").splitlines(), 1) if text in content]
    assert len(found) >= nth, f"{text!r} is not in {file} {nth} times"
    return found[nth - 1]


def line_after(data_dir: Path, file: str, anchor: str, text: str) -> int:
    """The first line at or after the line holding `anchor` that contains `text`."""
    lines = (data_dir / file).read_text(encoding="utf-8").splitlines()
    start = line(data_dir, file, anchor)
    return next(i for i, content in enumerate(lines[start - 1:], start) if text in content)

NOT_REGULAR = "not a regular file (a named pipe, a device, a socket or a folder); replace it with the file, or remove it"
TAG_REFUSED = "is not allowed in data files; write the value plainly (text in quotes, a list as '- item' lines)"
SECOND_DOCUMENT = ("a second YAML document starts here ('---' or '...' ends the first); a data file holds one document: "
                   "remove that line, or move what follows into the first")
NUMBER_REFUSED = ("is not one a data file can hold (at most 999,999,999, and no infinity or not-a-number); check for a "
                  "typing mistake, or quote it if it is text")
NO_REFERENCE = "does not open a reference; write [[id]] or [[id|words]], with plain words (no brackets, no link) after the '|'"
SAME_LOOK_ENTRY = "two entries of one kind would look the same in the glossary; every one must be unique"


def hidden(character: str, at: int) -> str:
    return (f"contains the invisible character {character} at character {at}; it can hide or reverse the text around it: "
            "delete it (retype the words if you cannot see it)")


def at_field(d: Path, file: str, anchor: str, text: str, entry: str, entry_id: str) -> str:
    return f"data/{file}, line {line_after(d, file, anchor, text)}: entry {entry} (id '{entry_id}'), field '{text.rstrip(':')}'"


def _replace(file: str, make: Callable[[Path], None]) -> Callable[[Path], None]:
    """The data file removed, and something else made in its place (`make(path)`)."""
    def apply(data_dir: Path) -> None:
        (data_dir / file).unlink(missing_ok=True)
        make(data_dir / file)

    return apply



def load_within(data_dir: Path, seconds: float) -> DataError:
    """The DataError that loading `data_dir` raises, in bounded time: a hang guard, far above the
    benchmark's target of 2 s, that holds even where a read would block for ever (a named pipe)."""
    outcome: list[BaseException | None] = []

    def load() -> None:
        try:
            load_edition(data_dir)
            outcome.append(None)
        except BaseException as error:  # noqa: BLE001 - reported below
            outcome.append(error)

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    worker.join(seconds)
    assert outcome, f"loading the data did not end within {seconds} s"
    assert isinstance(outcome[0], DataError), f"not one clear message: {outcome[0]!r}"
    return outcome[0]


