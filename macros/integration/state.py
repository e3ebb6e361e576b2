"""One build's state: its edition (loaded once), whether it is served, and its errors.

The site hook loads the data in `on_config`, before mkdocs-macros-plugin calls
`define_env`; both ask `for_config(config)` and get the same `Build`.
"""

from __future__ import annotations

import logging
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from ..files.catalogue import FILES
from ..files.errors import DataError
from ..files.models.site import Site
from ..files.read import read_one
from ..views.edition import Edition
from ..views.load import load_edition

__all__ = ["Build", "SERVE_FLAG", "for_config", "instructor_edition", "is_serving"]

# Set by the live_reload hook when MkDocs starts the `serve` command.
SERVE_FLAG = "KIT_MKDOCS_COMMAND"


def instructor_edition(config) -> bool:
    """Whether this build is the instructor edition (`extra.edition`: SITE_EDITION or CABLE_EDITION)."""
    value = config["extra"].get("edition")
    if value in (None, "", "student"):
        return False
    if value == "instructor":
        return True
    from mkdocs.exceptions import PluginError

    raise PluginError(f"mkdocs.yml: extra.edition (SITE_EDITION) is {value!r}; it must be 'student' or 'instructor'")


def is_serving() -> bool:
    return os.environ.get(SERVE_FLAG) == "serve"


@dataclass
class Build:
    project_dir: Path
    edition: Edition | None
    data_error: str | None
    serving: bool
    errors: list[str] = field(default_factory=list)  # reported while serving
    pages: set[str] = field(default_factory=set)  # the Markdown sources of this build's pages (on_files)
    kept: dict[str, list[str]] = field(default_factory=dict)  # HTML kept out of Markdown, by page
    token: str = field(default_factory=lambda: secrets.token_hex(8))  # marks this build's placeholders
    # While serving bad data: which parts the pages may name (the last good build's), and the
    # site's own words if data/site.yml itself can be read.
    parts: dict[str, bool] = field(default_factory=dict)
    site: Site | None = None
    # The components' renderer, made once per build when the macros are registered
    # (macros.integration.macros); the hook draws the pages' descriptions with it.
    renderer: object | None = None
    _mistakes: set = field(default_factory=set, repr=False)

    def fail(self, message: str, mistake: object = None) -> None:
        """An error while serving: logged once; macros/hooks/serve_guard.py shows it at the top of
        every page (under serve `strict` is off, so the rebuild goes on). `mistake` says which
        failures are one mistake (a component that fails on every page that uses it)."""
        key = message if mistake is None else mistake
        if key not in self._mistakes:
            self._mistakes.add(key)
            self.errors.append(message)
            logging.getLogger("mkdocs.plugins.kit").error(message)


_current: tuple[int, Build] | None = None


def for_config(config) -> Build:
    """The build of this MkDocs config (loaded on first call)."""
    global _current
    if _current and _current[0] == id(config):
        return _current[1]
    project = Path(config["config_file_path"]).resolve().parent
    serving = is_serving()
    try:
        build = Build(project, load_edition(project / "data"), None, serving)
    except DataError as error:
        build = Build(project, None, f"Invalid data: {error}", serving)
        if serving:
            build.fail(build.data_error)
            build.site = _site_alone(project / "data")
    _current = (id(config), build)
    return build


def _site_alone(data_dir: Path) -> Site | None:
    """data/site.yml on its own (the site's name), when the mistake is in another file."""
    try:
        return read_one(data_dir, FILES[0])[1]
    except DataError:
        return None
