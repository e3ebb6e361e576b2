"""Deployment check: the site built for a GitHub Pages project site
(`https://example.github.io/<repo>/`) and served under `/<repo>/` only, visited page by page
in Chromium: no broken link, anchor or asset, no console error, no request to another host."""

from __future__ import annotations

import functools
import http.server
import threading
import urllib.error
import urllib.request
from urllib.parse import urldefrag, urlsplit

from bs4 import BeautifulSoup

from tests.conftest import ROOT, SUBPATH, _SubPathHandler, assert_clean_build, free_port, mkdocs_build

PUBLIC_URL = f"https://example.github.io{SUBPATH}"


def _fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            body = response.read()
            kind = response.headers.get("Content-Type", "")
            return response.status, body.decode("utf-8") if "html" in kind else ""
    except urllib.error.HTTPError as error:
        return error.code, ""


def test_project_site_works_under_its_sub_path(tmp_path, browser):
    site = tmp_path / "site"
    assert_clean_build(mkdocs_build(ROOT, site, PUBLIC_URL))
    canonical = BeautifulSoup((site / "text" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert canonical.find("link", rel="canonical")["href"] == PUBLIC_URL + "text/"
    handout = BeautifulSoup((site / "packets" / "three-versions" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert PUBLIC_URL + "packets/three-versions/" in handout.select_one(".cbl-packet__source").get_text(), \
        "a handout printed from the published site says where it came from"

    port = free_port()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_SubPathHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{port}{SUBPATH}"
    pages = sorted(p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("index.html"))
    problems: list[str] = []
    links: set[str] = set()
    context = browser.new_context()
    try:
        for path in pages:
            page = context.new_page()
            page.on("response", lambda r, path=path: r.status >= 400 and problems.append(f"{path}: {r.status} {r.url}"))
            page.on("request", lambda r, path=path: urlsplit(r.url).netloc != f"127.0.0.1:{port}"
                    and problems.append(f"{path}: request to another host {r.url}"))
            page.on("console", lambda m, path=path: m.type == "error" and problems.append(f"{path}: console {m.text}"))
            page.on("pageerror", lambda e, path=path: problems.append(f"{path}: {e}"))
            page.goto(base + path, wait_until="networkidle")
            # HTML links here; the map's SVG links (whose .href is not a string) just below.
            links.update(page.eval_on_selector_all(
                "a[href]", "as => as.filter(a => typeof a.href === 'string').map(a => a.href)"))
            links.update(page.eval_on_selector_all(
                "svg a", "as => as.map(a => new URL(a.getAttribute('xlink:href') || a.getAttribute('href'), location.href).href)"))
            page.close()
    finally:
        context.close()

    checked = 0
    ids_of: dict[str, set[str] | None] = {}  # each page fetched and parsed once, however many links
    for link in sorted(links):
        url, fragment = urldefrag(link)
        if urlsplit(url).netloc != f"127.0.0.1:{port}":
            continue  # links to the archive and sources are for readers to follow, not loaded here
        if url not in ids_of:
            status, html = _fetch(url)
            if status != 200:
                problems.append(f"broken link {link} ({status})")
                ids_of[url] = None
                continue
            ids_of[url] = {e["id"] for e in BeautifulSoup(html, "html.parser").find_all(id=True)} if html else set()
        if ids_of[url] is None:
            problems.append(f"broken link {link}")
            continue
        if fragment and fragment not in ids_of[url]:
            problems.append(f"missing anchor {link}")
        checked += 1
    httpd.shutdown()
    assert not problems, "\n".join(problems)
    assert checked > 300 and len(pages) >= 15
