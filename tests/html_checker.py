"""The W3C Nu HTML Checker (vnu), run on files by Java.

The checker comes from npm (`vnu-jar`, locked in package-lock.json, installed by `make test`); it
needs a Java runtime (17 or newer). `python -m tests.html_checker --ensure` (run by `make test`)
makes sure there is one: as root on a Debian-like machine it installs Debian's
`default-jre-headless` with apt-get, as tests/browser.py installs Chromium. A missing checker or
Java fails the tests that use it; it is never a skip.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

__all__ = ["VNU_JAR", "check", "java"]

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def java() -> str | None:
    return os.environ.get("JAVA") or shutil.which("java")


def check(files: list[Path]) -> list[dict]:
    """Every message of the checker about `files`, in one run (the JVM starts once: a second or
    two, then about 0.1 s a page). Each message is vnu's JSON: type, subType, url, message,
    extract. Raises AssertionError, with what to do, if Java or the checker is missing."""
    runtime = java()
    assert runtime, "no Java runtime for the W3C Nu HTML Checker: run `make test` (as root it installs default-jre-headless) or set JAVA"
    assert VNU_JAR.is_file(), f"the W3C Nu HTML Checker is missing ({VNU_JAR.relative_to(ROOT)}): run `make node_modules/.installed`"
    assert files, "no files to check"
    result = subprocess.run(
        [runtime, "-jar", str(VNU_JAR), "--format", "json", "--stdout", "--exit-zero-always", *map(str, files)],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, f"the checker did not run: {result.stderr[-2000:]}"
    return json.loads(result.stdout)["messages"]


def ensure() -> int:
    if java():
        print(f"The HTML checker will use {java()}")
        return 0
    if shutil.which("apt-get") and os.geteuid() == 0:
        print("No Java runtime found: installing Debian's default-jre-headless with apt-get (for the W3C Nu HTML Checker)")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        installed = (
            subprocess.call(["apt-get", "update", "-qq"], env=env) == 0
            and subprocess.call(["apt-get", "install", "-y", "-qq", "default-jre-headless"], env=env,
                                stdout=subprocess.DEVNULL) == 0
        )
        if installed and java():
            print(f"The HTML checker will use {java()}")
            return 0
    print("No Java runtime (17 or newer) for the W3C Nu HTML Checker: install one (e.g. apt-get install "
          "default-jre-headless) or set JAVA; the HTML tests fail without it")
    return 1


if __name__ == "__main__" and "--ensure" in sys.argv:
    sys.exit(ensure())
