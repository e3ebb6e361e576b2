"""Which Chromium the browser tests drive.

A system Chromium is used where one is installed (Debian's `chromium`; CI
installs it, since browsers cannot be downloaded there). Otherwise Playwright's
own Chromium is used, and `python -m tests.browser --ensure` (run by
`make test`) downloads it. CHROMIUM_PATH overrides the search.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

__all__ = ["LAUNCH_ARGS", "system_chromium"]

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

# Without these, Chromium tries to reach Google's servers at start-up; the tests
# also count every request to another host as a failure of the site.
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def system_chromium() -> str | None:
    if os.environ.get("CHROMIUM_PATH"):
        return os.environ["CHROMIUM_PATH"]
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def ensure() -> int:
    found = system_chromium()
    if found:
        print(f"Browser tests will use {found}")
        return 0
    print("No system Chromium found: installing Playwright's Chromium (needs internet access)")
    return subprocess.call([sys.executable, "-m", "playwright", "install", "chromium"])


if __name__ == "__main__" and "--ensure" in sys.argv:
    sys.exit(ensure())
