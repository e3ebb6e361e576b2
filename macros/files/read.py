"""Read every file in `data/`: refuse what does not belong there, validate each present file.

`read_all(data_dir)` returns a `Files`: each data file's validated model (or None for an
optional part that is absent), with the parsed `Located` form of each for line numbers.
"""

from __future__ import annotations

import errno
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .catalogue import FILES, DataFile, glossary_file
from .errors import DataError
from .models.site import Site
from .validate import validate
from .yaml_io import MAX_BYTES, Located, read_bounded, read_yaml

__all__ = ["Files", "read_all", "read_one"]

_IGNORED = {"schemas", "README.md"}
TRANSCRIPTION = "transcription.txt"  # optional: the text as captured, which data/text.yml must equal


@dataclass(frozen=True)
class Files:
    """The validated data files of one build, by file name (`files.model("text.yml")`)."""

    data_dir: Path
    models: dict[str, Any]
    located: dict[str, Located] = field(repr=False)
    transcription: str | None = None  # data/transcription.txt, if there is one

    @property
    def site(self) -> Site:
        return self.models["site.yml"]

    def model(self, name: str) -> Any:
        """The file's model, or None if the file is absent."""
        return self.models.get(name)

    def line(self, name: str, loc: tuple) -> int | None:
        located = self.located.get(name)
        return located.line(loc) if located else None

    def glossary(self) -> dict[str, Any]:
        """Each glossary kind's entries file, by kind id, for the kinds whose file exists."""
        return {k.id: self.models[f"{k.id}.yml"] for k in self.site.glossary.kinds if f"{k.id}.yml" in self.models}


# Under `mkdocs serve` one file changes between two builds: the others are read as bytes but
# parsed and validated once. Keyed by the file's bytes, so a change is always seen.
_VALIDATED: dict[tuple[str, type, bytes], tuple[Located, Any]] = {}


def read_one(data_dir: Path, spec: DataFile) -> tuple[Located, Any]:
    path = data_dir / spec.name
    label = f"data/{spec.name}"
    _refuse_outside_link(data_dir, path, label)
    try:
        digest = hashlib.blake2b(read_bounded(path, label, MAX_BYTES), digest_size=16).digest()
    except DataError:
        digest = b""  # read_yaml says why
    key = (str(path), spec.model, digest)
    if digest and key in _VALIDATED:
        return _VALIDATED[key]
    located = read_yaml(path, label, may_be_empty=spec.may_be_empty)
    result = located, validate(located, label, spec.model)
    if digest:
        for old in [k for k in _VALIDATED if k[0] == key[0]]:
            del _VALIDATED[old]
        _VALIDATED[key] = result
    return result


def read_all(data_dir: Path) -> Files:
    """Every data file, validated; the first file with problems raises one `DataError`."""
    site_located, site = read_one(data_dir, FILES[0])
    specs = [*FILES[1:], *(glossary_file(k.id) for k in site.glossary.kinds)]
    _refuse_unknown_files(data_dir, {"site.yml", TRANSCRIPTION, *(s.name for s in specs)})
    models: dict[str, Any] = {"site.yml": site}
    located: dict[str, Located] = {"site.yml": site_located}
    for spec in specs:
        if not (data_dir / spec.name).exists() and not (data_dir / spec.name).is_symlink():
            if spec.required:
                raise DataError(f"data/{spec.name}: cannot be read (No such file or directory); this file is required")
            continue
        located[spec.name], models[spec.name] = read_one(data_dir, spec)
    return Files(data_dir, models, located, _transcription(data_dir))


def _transcription(data_dir: Path) -> str | None:
    path = data_dir / TRANSCRIPTION
    if not path.exists() and not path.is_symlink():
        return None
    label = f"data/{TRANSCRIPTION}"
    _refuse_outside_link(data_dir, path, label)
    raw = read_bounded(path, label, MAX_BYTES)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError(f"{label}, line {line}: not valid UTF-8 (byte {raw[error.start]:#04x}); save the file as UTF-8") from None


def _refuse_unknown_files(data_dir: Path, known: set[str]) -> None:
    """A misspelt file name ('plces.yml') would otherwise be silently ignored, and its part left out."""
    try:
        listing = sorted(data_dir.iterdir())
    except OSError as error:
        raise DataError(f"data/: the folder cannot be listed ({error.strerror or error}); check its permissions") from None
    for path in listing:
        if path.name in known or path.name in _IGNORED or path.name.startswith("."):
            continue
        raise DataError(
            f"data/{path.name}: not a file this site reads. The files it reads are: {', '.join(sorted(known))} "
            "(one per glossary kind in data/site.yml); rename or remove it"
        )


def _refuse_outside_link(data_dir: Path, path: Path, label: str) -> None:
    """A data file may be a link only to a file inside the project: the build must not publish
    a file from elsewhere on the machine because a link pointed there."""
    if not path.is_symlink():
        return
    project = data_dir.resolve().parent
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError) as error:  # a link to itself, or to a file that is not there
        reason = "it leads round in a loop" if isinstance(error, RuntimeError) or getattr(error, "errno", 0) == errno.ELOOP else (
            f"it leads nowhere ({getattr(error, 'strerror', None) or error})")
        raise DataError(f"{label}: a link that cannot be followed: {reason}; replace it with the file") from None
    if not target.is_relative_to(project):
        raise DataError(f"{label}: a link to {target}, outside the project; data files must be inside the project")
