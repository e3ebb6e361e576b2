"""What an error does: stop `mkdocs build` with one message; under `mkdocs serve`, show a banner
on every page and keep serving, so that the next save can mend it.

While serving, nothing here is logged through MkDocs' logger: `strict: true` turns a logged
warning into a failed rebuild, and a failed rebuild leaves the browser on the old page.
"""

from __future__ import annotations

import html

from mkdocs.exceptions import PluginError

__all__ = ["BANNER_CLASS", "banner", "insert_banner", "stop"]

BANNER_CLASS = "cbl-data-error"


def stop(message: str) -> PluginError:
    return PluginError(message)


def banner(messages: list[str]) -> str:
    """The banner's HTML. Built here rather than in a component template because it must show
    even when a template is what is broken; every message is escaped."""
    items = "".join(f"<pre>{html.escape(m)}</pre>" for m in messages)
    return (
        f'<div class="admonition failure {BANNER_CLASS}" role="alert"><p class="admonition-title">'
        "The site has an error (it is not published like this)</p>"
        f"{items}<p>Fix it and save: the page reloads by itself. <code>mkdocs build</code> refuses to "
        "publish until then.</p></div>"
    )


def insert_banner(output: str, messages: list[str]) -> str:
    """Put the banner at the start of the page's main content (or of the body)."""
    for marker in ('<article class="md-content__inner md-typeset">', "<body"):
        at = output.find(marker)
        if at != -1:
            end = output.index(">", at) + 1
            return output[:end] + banner(messages) + output[end:]
    return banner(messages) + output
