"""`make audit`: pip-audit over the lock file, and a verdict that says what was checked.

pip-audit skips a package it cannot look up and still ends with "No known vulnerabilities found":
offline, it skips every one, and the line reads as a pass. Here its JSON report is read instead:
the audit passes only if every locked package was looked up and none has a known vulnerability;
a package that could not be checked is a failure that says so, and so is an audit that checked
nothing. Not a test (it needs PyPI's advisory data); the publish workflow runs it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def verdict(report: dict) -> tuple[int, str]:
    """(exit status, what to print) for pip-audit's JSON report."""
    dependencies = report.get("dependencies", [])
    skipped = [d for d in dependencies if d.get("skip_reason")]
    vulnerable = [d for d in dependencies if d.get("vulns")]
    checked = len(dependencies) - len(skipped)
    lines = [f"{d['name']} {d['version']}: " + ", ".join(v["id"] for v in d["vulns"]) for d in vulnerable]
    if not dependencies:
        return 2, "make audit checked nothing: pip-audit listed no package from requirements.lock."
    if checked == 0:
        return 2, (f"make audit checked nothing: pip-audit could not look up any of the {len(dependencies)} "
                   f"locked packages (first reason: {skipped[0]['skip_reason']}). Without PyPI's advisory data "
                   "(offline?) this is not a pass; run it where PyPI is reachable (the publish workflow does).")
    if vulnerable:
        return 1, "Known vulnerabilities in locked packages:\n  " + "\n  ".join(lines)
    if skipped:
        return 2, (f"make audit checked {checked} of {len(dependencies)} packages; these could not be checked:\n  "
                   + "\n  ".join(f"{d['name']}: {d['skip_reason']}" for d in skipped))
    return 0, f"make audit: all {checked} locked packages checked against PyPI's advisory data; no known vulnerabilities."


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "audit.json"
        result = subprocess.run(
            [str(Path(sys.executable).with_name("pip-audit")), "-r", str(ROOT / "requirements.lock"), "--require-hashes",
             "--disable-pip", "--progress-spinner", "off", "--format", "json", "--output", str(out)],
            capture_output=True, text=True,
        )
        if not out.is_file():
            print(f"make audit: pip-audit did not run (exit {result.returncode}):\n{result.stderr.strip()}")
            return 2
        status, message = verdict(json.loads(out.read_text(encoding="utf-8")))
    print(message)
    return status


if __name__ == "__main__":
    sys.exit(main())
