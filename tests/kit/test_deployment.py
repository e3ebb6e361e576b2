"""Deployment: the site as the Pages workflow builds it for a project site
(`https://USER.github.io/REPO/`). The session's site is that build, served from 127.0.0.1 under
the sub-path only, so every browser test already meets it as a reader of GitHub Pages would:
test_browser visits every page in both colour schemes and fails on a request to another host,
a broken asset or a console error; test_site resolves every link and anchor, relative or to the
public address. Here: what the public address itself must change."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.sites import assert_part_absent


def _soup(site, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_pages_name_their_public_address(site, site_data):
    public_url = site_data.public_url
    assert _soup(site, "text").find("link", rel="canonical")["href"] == public_url + "text/"
    packets = site_data.items("packets.yml", "packets")
    if not packets:
        assert_part_absent(site, "packets")
        return
    handout = _soup(site, f"packets/{packets[0]['id']}").select_one(".cbl-packet__source").get_text()
    assert public_url + f"packets/{packets[0]['id']}/" in handout, "a printed handout says where it came from"


def test_no_page_loads_an_asset_from_its_public_address(site, site_data):
    """It would load from the public host instead of the copy the reader has (a fork's preview,
    a local build); on the real host it would hide a broken relative path. Links that leave the
    sub-path are test_site's."""
    PUBLIC_URL = site_data.public_url  # noqa: N806
    problems = []
    for html_file in site.rglob("*.html"):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for element in soup.select("link[href], script[src], img[src], source[src], iframe[src]"):
            value = element.get("href") or element.get("src")
            if value.startswith(PUBLIC_URL) and element.get("rel") != ["canonical"]:
                problems.append(f"{html_file.relative_to(site)}: {value} is loaded from the public address")
    assert not problems, "\n".join(problems[:10])
