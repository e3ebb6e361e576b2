"""The instructor edition, published beside the student site and encrypted.

A static site has no login, so the published instructor edition is protected by encryption, not
by hiding: `make build` builds it from the same data (`SITE_EDITION=instructor`) into the folder
`links.PROTECTED_FOLDER` of the student site, and StatiCrypt (npm, locked in package-lock.json)
replaces every page with a small page that asks for the passphrase and decrypts the original in
the browser (AES-256-CBC with an HMAC, key from the passphrase by PBKDF2-SHA256, 600,000
iterations in all; github.com/robinmoisson/staticrypt). We chose StatiCrypt over
mkdocs-encryptcontent-plugin because it encrypts each file whole: the page title, navigation,
table of contents, meta description and scripts are inside the ciphertext, so there is no
list of places that must each be remembered; the plugin encrypts the content block and leaves
the theme's parts to its options.

What else the folder would give away is left out: the search index (an encrypted site cannot be
searched without a decrypted index in the browser; the instructor edition is published without
search), the sitemap. After encrypting, every file is checked: a page that still holds the
instructor edition's marks in plaintext stops the build.

The passphrase comes from the environment (INSTRUCTOR_PASSPHRASE, a repository secret in the
workflow), never from the repository. Without it nothing of the instructor edition is published,
and the build says so.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .. import links
from ..views.load import load_edition
from ..templating.environment import Renderer

__all__ = ["MIN_LENGTH", "PASSPHRASE_VARIABLE", "ProtectError", "folder_if_published", "publish"]

PASSPHRASE_VARIABLE = "INSTRUCTOR_PASSPHRASE"
MIN_LENGTH = 14  # StatiCrypt's own advice: shorter passphrases are easy to guess against public files
STATICRYPT = Path("node_modules") / "staticrypt" / "cli" / "index.js"  # relative to the project
REMEMBER_DAYS = 30  # how long "Remember on this device" keeps the key in the browser
# Classes only instructor-only material carries (templates): none may be left readable.
INSTRUCTOR_MARKS = ("cbl-instructor-note", "cbl-part--plan", "cbl-model-answers")
LEFT_OUT = ("sitemap.xml", "sitemap.xml.gz", "search")


class ProtectError(Exception):
    """The instructor edition cannot be published as asked; the message says why."""


def passphrase_from_environment() -> str | None:
    """The passphrase, or None when it is not set (then nothing of the instructor edition is published)."""
    value = os.environ.get(PASSPHRASE_VARIABLE, "")
    if not value:
        return None
    if len(value) < MIN_LENGTH or value != value.strip():
        raise ProtectError(
            f"{PASSPHRASE_VARIABLE} is {len(value)} characters long{' with spaces at its ends' if value != value.strip() else ''}: "
            f"use at least {MIN_LENGTH} characters without spaces at the ends (a few unrelated words work well)"
        )
    return value


def folder_if_published() -> str:
    """The folder the student site links to (`make build` passes it to the student build), or ''."""
    return links.PROTECTED_FOLDER if passphrase_from_environment() else ""


def publish(project: Path, site_dir: Path, site_url: str, passphrase: str | None, encrypt: bool = True) -> str:
    """Build the instructor edition into site_dir/instructor/ and encrypt it; a line saying what was done.

    `encrypt=False` exists for the test that must see the instructor edition's words where the
    encryption would have hidden them (its negative control); nothing else uses it."""
    if passphrase is None and encrypt:
        return (
            f"{PASSPHRASE_VARIABLE} is not set: no instructor material is published "
            "(the student site says the instructor edition is not part of it)"
        )
    if not site_url.startswith(("https://", "http://")):
        raise ProtectError(f"SITE_URL is {site_url!r}: the instructor edition is built for the site's public address")
    target = site_dir / links.PROTECTED_FOLDER
    shutil.rmtree(target, ignore_errors=True)
    _build(project, target, site_url.rstrip("/") + f"/{links.PROTECTED_FOLDER}/")
    for name in LEFT_OUT:
        path = target / name
        shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)
    pages = sorted(target.rglob("*.html"))
    if not encrypt:
        return f"Instructor edition built WITHOUT encryption into {target} ({len(pages)} pages): not for publishing"
    _encrypt(project, target, pages, passphrase)
    _check_encrypted(target)
    return f"Instructor edition: {len(pages)} pages encrypted into {target} (no search, no sitemap)"


def _build(project: Path, target: Path, url: str) -> None:
    env = dict(os.environ, SITE_EDITION="instructor", SITE_URL=url, SITE_PROTECTED="true", SITE_SEARCH="false",
               NO_MKDOCS_2_WARNING="1")
    for name in (PASSPHRASE_VARIABLE, "SITE_PROTECTED_EDITION", "SITE_OFFLINE", "SITE_OFFLINE_ZIP", "CABLE_EDITION"):
        env.pop(name, None)  # the passphrase never reaches MkDocs or its plugins
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(target)],
        cwd=project, env=env, capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise ProtectError("the instructor edition did not build:\n" + result.stderr.strip())


def _encrypt(project: Path, target: Path, pages: list[Path], passphrase: str) -> None:
    """StatiCrypt over the folder, in one run (one salt: a key remembered on one page opens the
    others). Its password page is our template; it writes into a scratch folder, and each page is
    put back in place of its original."""
    cli = project / STATICRYPT
    node = shutil.which("node")
    if node is None or not cli.is_file():
        raise ProtectError("StatiCrypt is not installed: run `make node_modules/.installed` (needs Node.js and npm)")
    renderer = Renderer(load_edition(project / "data"), True, "", project)
    env = {k: v for k, v in os.environ.items() if k != PASSPHRASE_VARIABLE}
    env["STATICRYPT_PASSWORD"] = passphrase  # from the environment: never on a command line
    with tempfile.TemporaryDirectory() as work:
        template = Path(work) / "lock.html"
        template.write_text(renderer.render("instructor-lock.html", "", folder=links.PROTECTED_FOLDER, days=REMEMBER_DAYS,
                                            ask=links.page_url(links.INSTRUCTORS) + "#passphrase"), encoding="utf-8")
        out = Path(work) / "out"
        result = subprocess.run(
            [node, str(cli), str(target), "--recursive", "-d", str(out), "--salt", secrets.token_hex(16),
             "--config", "false", "--remember", str(REMEMBER_DAYS), "--template", str(template)],
            cwd=work, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=600,
        )
        if result.returncode != 0:
            raise ProtectError(f"StatiCrypt failed: {(result.stderr or result.stdout).strip()}")
        for page in pages:
            encrypted = out / target.name / page.relative_to(target)
            if not encrypted.is_file():
                raise ProtectError(f"StatiCrypt wrote no encrypted copy of {page.relative_to(target.parent)}")
            shutil.copyfile(encrypted, page)


def _check_encrypted(target: Path) -> None:
    """Every page is a StatiCrypt page, and no file holds the instructor edition's marks in plaintext."""
    for path in sorted(p for p in target.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.suffix == ".html" and b"staticryptEncryptedMsgUniqueVariableName" not in data:
            raise ProtectError(f"{path.relative_to(target.parent)} was not encrypted")
        if path.relative_to(target).parts[0] == "assets":
            continue  # the stylesheets name the marks' classes (to print or hide them): that is no leak
        leaked = [m for m in INSTRUCTOR_MARKS if m.encode() in data]
        if leaked:
            raise ProtectError(f"{path.relative_to(target.parent)} still holds instructor material ({', '.join(leaked)})")
