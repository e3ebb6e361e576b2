"""The built site over HTTP/2 with TLS, as GitHub Pages serves it (for Lighthouse in the benchmark).

Lighthouse's simulated phone replays the page's requests over the connections it saw: against
Python's HTTP/1.0 server every stylesheet and script costs a new connection (a round trip of
the simulated 150 ms before the first byte), which a reader of the published site, on one
HTTP/2 connection, never pays. Node (already needed for Lighthouse) has HTTP/2; browsers speak
it only over TLS, so each run makes a throwaway self-signed certificate with `openssl`, and the
browser is told to accept it (`IGNORE_CERTIFICATE_FLAG`, for this local server only).
"""

from __future__ import annotations

import contextlib
import json
import mimetypes
import shutil
import subprocess
from pathlib import Path
from typing import Iterator

SERVER = Path(__file__).with_name("pages_h2_server.mjs")
IGNORE_CERTIFICATE_FLAG = "--ignore-certificate-errors"


def missing_tools() -> list[str]:
    return [tool for tool in ("node", "openssl") if shutil.which(tool) is None]


def _certificate(work: Path) -> tuple[Path, Path]:
    key, cert = work / "h2-key.pem", work / "h2-cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True)
    return key, cert


@contextlib.contextmanager
def serve_site_h2(site: Path, port: int, subpath: str, compressed_types: tuple[str, ...], work: Path) -> Iterator[str]:
    """Serve `site` under `subpath` at https://127.0.0.1:`port`; yields the site's address."""
    key, cert = _certificate(work)
    suffixes = {p.suffix.lower() for p in site.rglob("*.*") if p.is_file()}
    types = {ext: kind for ext in suffixes if (kind := mimetypes.guess_type("file" + ext)[0])}
    process = subprocess.Popen(
        ["node", str(SERVER), str(site), str(port), subpath, str(key), str(cert), json.dumps(types), json.dumps(compressed_types)],
        stdout=subprocess.PIPE, text=True)
    try:
        if process.stdout.readline().strip() != "ready":
            raise RuntimeError(f"the HTTP/2 server did not start (exit code {process.poll()})")
        yield f"https://127.0.0.1:{port}{subpath}"
    finally:
        process.kill()
        process.wait()
