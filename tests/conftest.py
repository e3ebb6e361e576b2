"""Shared fixtures: the real site built once per session, served under a sub-path, and a browser.

The site is built by `make build` exactly as the Pages workflow publishes it (strict builds, the
offline copy's zip, and the instructor edition encrypted under `instructor/` with a test
passphrase), with `site_url` set to a project site's public address (PUBLIC_URL), and served from
127.0.0.1 under the same sub-path only. So every browser test sees what a reader of GitHub
Pages would get, and anything that leans on the public host or on the site root (an
absolute asset address, a link to `/`) fails: it would be a request to another host or a 404.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.browser import LAUNCH_ARGS, system_chromium

ROOT = Path(__file__).resolve().parent.parent
SUBPATH = "/cable-59442/"
PUBLIC_URL = f"https://example.github.io{SUBPATH}"
PROJECT_PARTS = ("docs", "data", "macros", "overrides", "mkdocs.yml")
# The tests' passphrase for the instructor edition (the real one is a secret of the repository).
PASSPHRASE = "tests only: not the real passphrase"
PROTECTED = "instructor"  # the folder of the encrypted instructor edition (macros.links.PROTECTED_FOLDER)
OFFLINE_NAME = "cable-59442-offline"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_project(destination: Path) -> Path:
    """A copy of the project's sources (not its .venv), for tests that edit or break them."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    return destination


def mkdocs_build(
    project: Path, site_dir: Path, site_url: str | None = None, edition: str | None = None,
    extra_env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    for name in ("KIT_MKDOCS_COMMAND", "SITE_EDITION", "CABLE_EDITION", "REPOSITORY_URL", "SITE_OFFLINE"):
        env.pop(name, None)
    env.update(extra_env or {})
    if site_url:
        env["SITE_URL"] = site_url
    if edition:
        env["SITE_EDITION"] = edition
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site under SUBPATH only, as GitHub Pages serves a project site."""

    def translate_path(self, path):
        if not path.startswith(SUBPATH):
            return str(Path(self.directory) / "__outside_subpath__")
        return super().translate_path("/" + path[len(SUBPATH):])

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def base_url(port) -> str:
    return f"http://127.0.0.1:{port}{SUBPATH}"


def make_build(project: Path, site_url: str, passphrase: str | None) -> subprocess.CompletedProcess:
    """`make build` in a copy of the project, as the workflow runs it (with the tests' Python and
    the project's npm tools)."""
    for name in ("Makefile", "package.json", "package-lock.json"):
        shutil.copy2(ROOT / name, project / name)
    if not (project / "node_modules").exists():
        (project / "node_modules").symlink_to(ROOT / "node_modules")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url)
    for name in ("KIT_MKDOCS_COMMAND", "SITE_EDITION", "CABLE_EDITION", "REPOSITORY_URL", "SITE_OFFLINE", "INSTRUCTOR_PASSPHRASE"):
        env.pop(name, None)
    if passphrase:
        env["INSTRUCTOR_PASSPHRASE"] = passphrase
    return subprocess.run(
        ["make", "-s", "build", f"BIN={Path(sys.executable).parent}", "STAMP=", "NODE_STAMP=", f"OFFLINE_NAME={OFFLINE_NAME}"],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once per session by `make build` as it is published (PUBLIC_URL): the
    student site, its offline copy's zip, and the encrypted instructor edition in `instructor/`."""
    project = copy_project(tmp_path_factory.mktemp("published"))
    result = make_build(project, PUBLIC_URL, PASSPHRASE)
    assert result.returncode == 0, result.stdout + result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert not warnings, "\n".join(warnings)
    assert (project / "site" / PROTECTED / "index.html").is_file(), result.stdout
    return project / "site"


def student_pages(site: Path) -> list[Path]:
    """The student site's HTML pages (not its assets, not the encrypted instructor edition's)."""
    return sorted(p for p in site.rglob("*.html") if p.relative_to(site).parts[0] not in ("assets", PROTECTED))


def assert_clean_build(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert not warnings, "\n".join(warnings)


@pytest.fixture(scope="session")
def instructor_site(tmp_path_factory) -> Path:
    """The instructor edition (SITE_EDITION=instructor), built strictly once per session."""
    site_dir = tmp_path_factory.mktemp("instructor-site")
    assert_clean_build(mkdocs_build(ROOT, site_dir, edition="instructor"))
    return site_dir


FIXTURE = ROOT / "tests" / "fixtures" / "fictional-document"
FIXTURE_PUBLIC_URL = "https://example.org/oakmere/"


def assemble(destination: Path, fixture: Path = FIXTURE) -> Path:
    """The kit (code, theme, config and the pages of docs/, unchanged) with another document's
    data: a fork replaces data/ and writes no page."""
    for part in ("macros", "overrides", "docs"):
        shutil.copytree(ROOT / part, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    shutil.copytree(fixture / "data", destination / "data")
    return destination


@pytest.fixture(scope="session")
def fictional_site(tmp_path_factory) -> Path:
    """The fictional document's site (tests/fixtures/fictional-document), built strictly once."""
    project = assemble(tmp_path_factory.mktemp("fictional") / "project")
    site = project.parent / "site"
    assert_clean_build(mkdocs_build(project, site, FIXTURE_PUBLIC_URL))
    return site


@pytest.fixture(scope="session")
def server(site, port, base_url):
    handler = functools.partial(_SubPathHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base_url
    httpd.shutdown()


@pytest.fixture(scope="session")
def page_paths(site) -> list[str]:
    """Every HTML page of the built site, as paths relative to the site root."""
    return [p.relative_to(site).as_posix().removesuffix("index.html") for p in student_pages(site)]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = system_chromium()
    with sync_playwright() as playwright:
        # No system Chromium: use Playwright's own (installed by `make test`). If neither
        # exists the launch fails, and so do the tests: a missing browser is never a skip.
        browser = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def instructor_server(instructor_site):
    """The instructor edition, served under the sub-path like the student site."""
    port = free_port()
    handler = functools.partial(_SubPathHandler, directory=str(instructor_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{port}{SUBPATH}"
    httpd.shutdown()
