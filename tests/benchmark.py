"""Benchmark: speed and size figures for the README, printed in one run (`make bench`).

    python -m tests.benchmark [--runs N] [--no-lighthouse] [--pages text/ map/ ...]

Prints, on this machine:
- the whole-process time of a clean `mkdocs build`, and its ratio to the same site built
  with the macros plugin switched off (the cost of our data and macros);
- the time from saving a data file to the rebuilt page being served by `mkdocs serve`;
- for every page: requests, bytes transferred (bodies and headers, with text gzip-compressed as
  GitHub Pages serves it), and requests to other hosts, measured in Chromium with an empty cache;
- Lighthouse scores (mobile preset) for every page, with Lighthouse 12.2.3 from npm and the
  system Chromium (CHROME_PATH).
Targets are checked and each miss is printed. Timings are medians of several runs; the
machine is shared, so expect some noise. This is not a test: it never fails the suite.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from tests.browser import LAUNCH_ARGS, system_chromium
from tests.conftest import ROOT, SUBPATH, _SubPathHandler, copy_project, free_port

LIGHTHOUSE = "lighthouse@12.2.3"
TARGETS = {"build_ratio": 1.3, "rebuild_s": 1.0, "page_kib": 100, "page_requests": 8, "lighthouse": 100}
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **extra)
    env.pop("CABLE_MKDOCS_COMMAND", None)
    return env


def _timed_build(project: Path, config: str, site: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site)],
                   cwd=project, env=_env(), check=True, capture_output=True)
    return time.perf_counter() - start


def build_times(work: Path, runs: int) -> tuple[float, float]:
    """Median clean-build time with our macros, and with the macros plugin switched off."""
    project = copy_project(work / "project-build")
    # The same site without the macros plugin: MkDocs' INHERIT replaces the plugin list.
    (project / "mkdocs-no-macros.yml").write_text("INHERIT: mkdocs.yml\nstrict: false\nplugins:\n  - search\n")
    with_macros, without = [], []
    for i in range(runs):
        for config, results in (("mkdocs.yml", with_macros), ("mkdocs-no-macros.yml", without)):
            site = work / f"site-{config}-{i}"
            results.append(_timed_build(project, config, site))
            shutil.rmtree(site)
    return statistics.median(with_macros), statistics.median(without)


def rebuild_time(work: Path, runs: int) -> float:
    """Median time from saving data/text.yml to `mkdocs serve` serving the changed page."""
    project = copy_project(work / "project-serve")
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/text/"

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    try:
        deadline = time.monotonic() + 120
        while "Nº 59442" not in page():
            if time.monotonic() > deadline:
                raise RuntimeError("mkdocs serve did not start")
            time.sleep(0.2)
        data = project / "data" / "text.yml"
        original = data.read_text(encoding="utf-8")
        times = []
        for i in range(runs):
            time.sleep(1.5)  # let the watcher settle between edits
            marker = f"BENCH{i}MARK"
            start = time.perf_counter()
            data.write_text(original.replace("Nº 59442", f"Nº 59442 {marker}", 1), encoding="utf-8")
            while marker not in page():
                if time.perf_counter() - start > 60:
                    raise RuntimeError("the edit never showed")
                time.sleep(0.02)
            times.append(time.perf_counter() - start)
        return statistics.median(times)
    finally:
        server.terminate()
        server.wait(timeout=20)


def page_weights(base: str, pages: list[str]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    results = []
    host = base.split("/")[2]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=system_chromium(), args=LAUNCH_ARGS)
        for path in pages:
            context = browser.new_context()  # empty cache for every page
            page = context.new_page()
            seen: list = []
            page.on("response", lambda response: seen.append(response))
            page.goto(base + path, wait_until="networkidle")
            page.wait_for_timeout(500)
            total, offsite = 0, 0
            for response in seen:
                if response.url.split("/")[2] != host:
                    offsite += 1
                    continue
                sizes = response.request.sizes()  # as transferred: compressed body and headers
                total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
            results.append({"page": path or "/", "requests": len(seen), "kib": total / 1024, "offsite": offsite})
            context.close()
        browser.close()
    return results


def lighthouse_scores(base: str, pages: list[str], work: Path) -> list[dict]:
    env = _env(CHROME_PATH=system_chromium() or "")
    flags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"
    results = []
    for path in pages:
        out = work / "lighthouse.json"
        subprocess.run(
            ["npx", "--yes", LIGHTHOUSE, base + path, "--quiet", "--output=json", f"--output-path={out}",
             "--only-categories=performance,accessibility,best-practices,seo", f"--chrome-flags={flags}"],
            env=env, check=True, capture_output=True, timeout=300,
        )
        report = json.loads(out.read_text(encoding="utf-8"))
        scores = {k: round((v["score"] or 0) * 100) for k, v in report["categories"].items()}
        failing = [
            a["id"] for a in report["audits"].values()
            if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") in ("binary", "metricSavings", "numeric")
        ]
        results.append({"page": path or "/", **scores, "failing": failing[:6]})
    return results


class _PagesLikeHandler(_SubPathHandler):
    """Serves as GitHub Pages does for what matters here: gzip for text, a 10-minute cache."""

    def send_head(self):
        target = Path(self.translate_path(self.path))
        if target.is_dir() and self.path.split("?")[0].endswith("/"):
            target = target / "index.html"
        content_type = self.guess_type(str(target))
        if not (target.is_file() and content_type.startswith(COMPRESSED_TYPES)
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()  # redirects, missing files, images
        body = gzip.compress(target.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


def serve_site(site: Path, port: int) -> http.server.ThreadingHTTPServer:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_PagesLikeHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--pages", nargs="*", help="paths under the site root, e.g. text/ (default: every page)")
    args = parser.parse_args(argv)
    misses: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        with_macros, without = build_times(work, args.runs)
        ratio = with_macros / without
        print(f"Clean build: {with_macros:.2f} s; without the macros plugin: {without:.2f} s; ratio {ratio:.2f} (target ≤ {TARGETS['build_ratio']})")
        if ratio > TARGETS["build_ratio"]:
            misses.append(f"build ratio {ratio:.2f}")
        rebuild = rebuild_time(work, args.runs)
        print(f"Data edit to rebuilt page under mkdocs serve: {rebuild:.2f} s (target < {TARGETS['rebuild_s']:.0f} s)")
        if rebuild >= TARGETS["rebuild_s"]:
            misses.append(f"rebuild {rebuild:.2f} s")

        port = free_port()
        base = f"http://127.0.0.1:{port}{SUBPATH}"
        site = work / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=ROOT,
                       env=_env(SITE_URL=base), check=True, capture_output=True)
        pages = args.pages or sorted(p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("index.html"))
        httpd = serve_site(site, port)
        try:
            print("\nPer page (empty cache; bytes on the wire, text gzip-compressed as GitHub Pages serves it):")
            print(f"  {'page':34} {'requests':>8} {'KiB':>7} {'off-site':>8}")
            for row in page_weights(base, pages):
                print(f"  {row['page']:34} {row['requests']:>8} {row['kib']:>7.1f} {row['offsite']:>8}")
                if row["kib"] > TARGETS["page_kib"] or row["requests"] > TARGETS["page_requests"] or row["offsite"]:
                    misses.append(f"{row['page']}: {row['requests']} requests, {row['kib']:.1f} KiB, {row['offsite']} off-site")
            if not args.no_lighthouse:
                print(f"\nLighthouse {LIGHTHOUSE.split('@')[1]} (mobile preset):")
                print(f"  {'page':34} {'perf':>5} {'a11y':>5} {'b.p.':>5} {'SEO':>5}  below 1")
                for row in lighthouse_scores(base, pages, work):
                    print(f"  {row['page']:34} {row['performance']:>5} {row['accessibility']:>5} "
                          f"{row['best-practices']:>5} {row['seo']:>5}  {', '.join(row['failing'])}")
                    low = [k for k in ("performance", "accessibility", "best-practices", "seo") if row[k] < TARGETS["lighthouse"]]
                    if low:
                        misses.append(f"{row['page']}: Lighthouse {', '.join(f'{k} {row[k]}' for k in low)}")
        finally:
            httpd.shutdown()
    print("\nTargets:", "all met" if not misses else f"{len(misses)} missed")
    for miss in misses:
        print("  -", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
