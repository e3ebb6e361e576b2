"""Which Chromium the browser tests drive.

A system Chromium is used where one is installed. `python -m tests.browser
--ensure` (run by `make test`) makes sure there is one: as root on a Debian-like
machine it installs Debian's `chromium` with apt-get (machines like CI's reach
package mirrors but not Playwright's download host); otherwise Playwright
downloads its own Chromium, which needs internet access. CHROMIUM_PATH
overrides the search.
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
    if shutil.which("apt-get") and os.geteuid() == 0:
        print("No system Chromium found: installing Debian's chromium with apt-get")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        installed = (
            subprocess.call(["apt-get", "update", "-qq"], env=env) == 0
            and subprocess.call(["apt-get", "install", "-y", "-qq", "chromium"], env=env,
                                stdout=subprocess.DEVNULL) == 0
        )
        if installed and system_chromium():
            print(f"Browser tests will use {system_chromium()}")
            return 0
        print("apt-get could not install chromium; trying Playwright's own")
    print("No system Chromium found: installing Playwright's Chromium (needs internet access)")
    return subprocess.call([sys.executable, "-m", "playwright", "install", "chromium"])


if __name__ == "__main__" and "--ensure" in sys.argv:
    sys.exit(ensure())
