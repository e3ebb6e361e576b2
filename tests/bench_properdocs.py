"""`make properdocs-check`: build the site with ProperDocs and with MkDocs, and compare the pages.

ProperDocs (PyPI `properdocs`, a fork of MkDocs 1.x kept by one of its former maintainers) is the
tested fallback should MkDocs 1.x stop working (guides/maintaining.md, "Future of the stack"). It is installed
into a venv of its own (build/properdocs-venv: the same hash-checked lock, then properdocs), not
into the project's lock. Both builds run in that venv from the same sources, with the same
SITE_URL, so any difference comes from the builder. Every file is compared byte for byte, except
the generator line MkDocs and ProperDocs each write; the script prints what differs and exits 1
if anything else does. Not a test: it installs packages (PyPI) and takes about a minute.
"""

from __future__ import annotations

import filecmp
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / "build" / "properdocs-venv"
PROPERDOCS = "properdocs==1.6.7"
_GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _venv() -> Path:
    python = VENV / "bin" / "python"
    stamp = VENV / f".installed-{PROPERDOCS}"
    if not stamp.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "--require-hashes", "-r", str(ROOT / "requirements.lock")], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", PROPERDOCS], check=True)
        stamp.touch()
    return VENV / "bin"


def differences(one: Path, other: Path) -> list[str]:
    """Files that differ between two built sites, apart from the generator line."""
    found = []
    names = {p.relative_to(one) for p in one.rglob("*") if p.is_file()} | {p.relative_to(other) for p in other.rglob("*") if p.is_file()}
    for name in sorted(names):
        a, b = one / name, other / name
        if not (a.is_file() and b.is_file()):
            found.append(f"{name}: only in {'the MkDocs' if a.is_file() else 'the ProperDocs'} build")
        elif not filecmp.cmp(a, b, shallow=False):
            if name.suffix == ".html" and _GENERATOR.sub(b"", a.read_bytes()) == _GENERATOR.sub(b"", b.read_bytes()):
                continue
            found.append(f"{name}: differs")
    return found


def main() -> int:
    bin_dir = _venv()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL="https://example.github.io/cable-59442/")
    with tempfile.TemporaryDirectory() as folder:
        sites = {}
        for tool in ("mkdocs", "properdocs"):
            sites[tool] = Path(folder) / tool
            result = subprocess.run([str(bin_dir / tool), "build", "--strict", "-f", "mkdocs.yml", "-d", str(sites[tool])],
                                    cwd=ROOT, env=env, capture_output=True, text=True)
            if result.returncode != 0:
                print(f"{tool} build failed:\n{result.stderr[-3000:]}")
                return 1
        pages = sum(1 for _ in sites["mkdocs"].rglob("*.html"))
        found = differences(sites["mkdocs"], sites["properdocs"])
        generators = {tool: _GENERATOR.search((sites[tool] / "index.html").read_bytes()) for tool in sites}
    print(f"{PROPERDOCS} against MkDocs, {pages} pages: "
          + ("identical except the generator line" if not found else f"{len(found)} files differ"))
    for tool, match in generators.items():
        print(f"  {tool}: {match.group(0).decode() if match else '(no generator line)'}")
    for line in found[:40]:
        print("  " + line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
