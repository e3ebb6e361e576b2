"""Shared fixtures: the real site built once per session, served under a sub-path, and a browser.

The site is built by `make build` exactly as the Pages workflow publishes it (strict builds, the
offline copy's zip, and the instructor edition encrypted under `instructor/` with a test
passphrase), with `site_url` set to a project site's public address (PUBLIC_URL), and served from
127.0.0.1 under the same sub-path only. So every browser test sees what a reader of GitHub
Pages would get, and anything that leans on the public host or on the site root (an
absolute asset address, a link to `/`) fails: it would be a request to another host or a 404.

Every site a test may run on is built this way, once per session and on demand: this edition, and
for the kit's tests (tests/kit/) every fixture site too (tests/sites.py). A test's `site_name`
says which: "edition" unless tests/kit/conftest.py parametrizes it over every site; `site`,
`instructor_site`, `server`, `instructor_server` and `page_paths` follow it.
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
from tests.sites import EDITION, SITES, Site

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
    """Serves the built site under SUBPATH (or the `subpath` given) only, as GitHub Pages serves
    a project site."""

    def __init__(self, *args, subpath: str = SUBPATH, **kwargs):
        self.subpath = subpath
        super().__init__(*args, **kwargs)

    def translate_path(self, path):
        if not path.startswith(self.subpath):
            return str(Path(self.directory) / "__outside_subpath__")
        return super().translate_path("/" + path[len(self.subpath):])

    def log_message(self, *args):
        pass


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


def student_pages(site: Path) -> list[Path]:
    """The student site's HTML pages (not its assets, not the encrypted instructor edition's)."""
    return sorted(p for p in site.rglob("*.html") if p.relative_to(site).parts[0] not in ("assets", PROTECTED))


def assert_clean_build(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert not warnings, "\n".join(warnings)



# --- the sites under test ------------------------------------------------------------------------


class Builds:
    """Each site built once per session, when a test first asks for it, and kept: the student
    site by `make build` as published (at the site's public address, with the offline copy and the
    encrypted instructor edition), the instructor edition by a strict `mkdocs build`. A failed
    build is remembered, so each test that needs it fails with the same message at once."""

    def __init__(self, tmp_path_factory):
        self._tmp = tmp_path_factory
        self._built: dict[tuple[str, str], Path | str] = {}

    def _get(self, key: tuple[str, str], build) -> Path:
        if key not in self._built:
            try:
                self._built[key] = build()
            except AssertionError as error:
                self._built[key] = f"{key[0]}'s {key[1]} site does not build:\n{error}"
        built = self._built[key]
        assert isinstance(built, Path), built
        return built

    def student(self, name: str) -> Path:
        def build() -> Path:
            spec = SITES[name]
            project = spec.assemble(self._tmp.mktemp(f"published-{name}") / "project")
            result = make_build(project, spec.public_url, PASSPHRASE)
            assert result.returncode == 0, result.stdout + result.stderr
            warnings = [line for line in result.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]
            assert not warnings, "\n".join(warnings)
            assert (project / "site" / PROTECTED / "index.html").is_file(), result.stdout
            return project / "site"

        return self._get((name, "student"), build)

    def instructor(self, name: str) -> Path:
        def build() -> Path:
            spec = SITES[name]
            project = ROOT if name == EDITION else spec.assemble(self._tmp.mktemp(f"instructor-{name}") / "project")
            site_dir = self._tmp.mktemp(f"instructor-site-{name}")
            assert_clean_build(mkdocs_build(project, site_dir, edition="instructor"))
            return site_dir

        return self._get((name, "instructor"), build)


class Servers:
    """Each built site served from 127.0.0.1 under its sub-path, started on first use."""

    def __init__(self):
        self._running: dict[Path, tuple[str, http.server.ThreadingHTTPServer]] = {}

    def url(self, spec: Site, directory: Path) -> str:
        if directory not in self._running:
            port = free_port()
            handler = functools.partial(_SubPathHandler, directory=str(directory), subpath=spec.subpath)
            httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
            threading.Thread(target=httpd.serve_forever, daemon=True).start()
            self._running[directory] = (f"http://127.0.0.1:{port}{spec.subpath}", httpd)
        return self._running[directory][0]

    def stop(self) -> None:
        for _, httpd in self._running.values():
            httpd.shutdown()


@pytest.fixture
def site_name() -> str:
    """The site the test runs on: this edition, unless tests/kit/conftest.py parametrizes it."""
    return EDITION


@pytest.fixture
def site_data(site_name) -> Site:
    """The site's data (tests/sites.py), from which a kit test takes what it expects."""
    return SITES[site_name]


@pytest.fixture(scope="session")
def builds(tmp_path_factory) -> Builds:
    return Builds(tmp_path_factory)


@pytest.fixture(scope="session")
def servers():
    running = Servers()
    yield running
    running.stop()


@pytest.fixture
def site(builds, site_name) -> Path:
    """The site, built once per session by `make build` as it is published (its public address):
    the student site, its offline copy's zip, and the encrypted instructor edition in `instructor/`."""
    return builds.student(site_name)


@pytest.fixture
def instructor_site(builds, site_name) -> Path:
    """The instructor edition (SITE_EDITION=instructor), built strictly once per session."""
    return builds.instructor(site_name)


@pytest.fixture
def server(servers, site, site_data) -> str:
    """The site's address under its sub-path on 127.0.0.1 (ends with "/")."""
    return servers.url(site_data, site)


@pytest.fixture
def base_url(server) -> str:
    return server




@pytest.fixture
def instructor_server(servers, instructor_site, site_data) -> str:
    """The instructor edition, served under the sub-path like the student site."""
    return servers.url(site_data, instructor_site)


@pytest.fixture
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


# The fictional document (tests/fixtures/fictional-document), for the tests about it.
FIXTURE = ROOT / "tests" / "fixtures" / "fictional-document"
FIXTURE_PUBLIC_URL = SITES["fictional-document"].public_url


def assemble(destination: Path, fixture: Path = FIXTURE) -> Path:
    """The kit (code, theme, config and the pages of docs/, unchanged) with another document's
    data: a fork replaces data/ and writes no page."""
    return SITES[fixture.name].assemble(destination)


@pytest.fixture
def fictional_site(builds) -> Path:
    """The fictional document's site (tests/fixtures/fictional-document), built once, as published."""
    return builds.student("fictional-document")
