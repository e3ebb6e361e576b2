"""The edition kit's macros (mkdocs-macros-plugin's `module_name: macros`).

`define_env` only registers macros: the data was loaded and checked once for this build
(`macros.integration.state`), and every macro is a one-liner into `macros.render`. The layers,
from the bottom: `links` (anchors and page links), `files` (read and validate each file),
`matching` (marks, mentions, dates, clocks in the text), `checks` (across files), `views`
(the edition of one build), `templating` (the Jinja environment and component templates),
`render` (one module per family of components), `integration` (MkDocs: state, macros, pages,
errors), and `hooks/` (the files mkdocs.yml loads).
"""

from __future__ import annotations

__all__ = ["define_env"]


def define_env(env) -> None:
    """Register the page macros for this build (or placeholders, while serving bad data); a
    failure of the kit's code is one line naming its file and line, never a traceback."""
    from mkdocs.exceptions import BuildError

    from .integration.errors import describe_code, stop

    try:
        _define_env(env)
    except BuildError:
        raise
    except Exception as error:  # noqa: BLE001
        from pathlib import Path

        raise stop(describe_code(error, Path(__file__).resolve().parent.parent)) from None


def _define_env(env) -> None:
    from .integration import macros, page_guard, state
    from .integration.errors import stop

    build = state.for_config(env.conf)
    page_guard.guard_page_rendering(env, build)
    if build.edition is None:
        if not build.serving:
            raise stop(build.data_error)
        macros.register_placeholders(env, build.parts, state.instructor_edition(env.conf))
        return
    macros.register(env, build, state.instructor_edition(env.conf))
