"""Checks of a built site as files: every internal link and anchor resolves."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup



def internal_targets(site: Path, base_url: str):
    """(page, href, file, fragment) for every internal link and asset reference."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base_url))
    subpath = urlsplit(base_url).path
    for html_file in site.rglob("*.html"):
        page_url = urljoin(base_url, html_file.relative_to(site).as_posix())
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("a", "href"), ("a", "xlink:href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in soup.find_all(tag):
                href = element.get(attr)
                if not href or href.startswith(("mailto:", "javascript:")):
                    continue
                url = urlsplit(urljoin(page_url, href))
                if f"{url.scheme}://{url.netloc}" != origin:
                    continue  # another host: checked by the browser tests (none may load)
                assert url.path.startswith(subpath), f"{html_file}: {href} leaves the sub-path"
                path = site / unquote(url.path[len(subpath):])
                if path.is_dir() or url.path.endswith("/"):
                    path = path / "index.html"
                yield html_file, href, path, url.fragment



def broken_links(site: Path, base_url: str) -> tuple[list[str], int]:
    """(problems, links checked): a link to a missing file, or to a missing anchor."""

    @lru_cache(maxsize=None)
    def ids(target: Path) -> frozenset[str]:
        soup = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
        return frozenset(tag["id"] for tag in soup.find_all(id=True))

    problems, checked = [], 0
    for page, href, target, fragment in internal_targets(site, base_url):
        if not target.is_file():
            problems.append(f"{page.relative_to(site)}: {href} points to a missing file")
        elif fragment and target.suffix == ".html" and fragment not in ids(target):
            problems.append(f"{page.relative_to(site)}: {href} points to a missing anchor")
        checked += 1
    return problems, checked
