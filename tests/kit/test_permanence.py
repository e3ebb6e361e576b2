"""Published ids are permanent: renaming one everywhere in the data is refused until the register
(data/published-ids.yml) records where it went, and then the old address still works: an old
paragraph anchor lands on the renamed paragraph, an old packet page sends readers to the new one."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import assert_clean_build, copy_project, mkdocs_build


def rename_everywhere(project: Path, old: str, new: str) -> None:
    """What an editor's search-and-replace does: every data file but the register."""
    whole = re.compile(rf"(?<![\w-]){re.escape(old)}(?![\w-])")
    for path in (project / "data").glob("*.yml"):
        if path.name != "published-ids.yml":
            path.write_text(whole.sub(new, path.read_text(encoding="utf-8")), encoding="utf-8")


def record_move(project: Path, kind: str, old: str, new: str) -> None:
    register = project / "data" / "published-ids.yml"
    register.write_text(register.read_text(encoding="utf-8") + f"moved:\n  - {{kind: {kind}, id: {old}, to: {new}}}\n",
                        encoding="utf-8")


def test_a_renamed_paragraph_is_refused_then_keeps_its_old_anchor(tmp_path):
    project = copy_project(tmp_path / "project")
    rename_everywhere(project, "s2-version-3", "s2-third-version")
    refused = mkdocs_build(project, tmp_path / "refused")
    assert refused.returncode == 1
    assert "the paragraph id 's2-version-3' was published" in refused.stderr  # the whole message: test_data
    record_move(project, "paragraphs", "s2-version-3", "s2-third-version")
    site = tmp_path / "site"
    assert_clean_build(mkdocs_build(project, site))
    text = BeautifulSoup((site / "text" / "index.html").read_text(encoding="utf-8"), "html.parser")
    old = text.find(id="s2-version-3")
    assert old is not None, "the old anchor is still on the page"
    assert old.find_parent(id="s2-third-version") or old.find_next(class_="cbl-para").get("id") == "s2-third-version", \
        "and it lands on the renamed paragraph"
    assert text.find(id="s2-version-1") and not text.find(id="s2-version-4"), "negative control: no other anchor invented"


def test_a_renamed_packet_keeps_its_old_address(tmp_path):
    project = copy_project(tmp_path / "project")
    rename_everywhere(project, "three-versions", "three-tellings")
    refused = mkdocs_build(project, tmp_path / "refused")
    assert refused.returncode == 1 and "'three-versions'" in refused.stderr
    record_move(project, "packets", "three-versions", "three-tellings")
    site = tmp_path / "site"
    assert_clean_build(mkdocs_build(project, site))
    assert (site / "packets" / "three-tellings" / "index.html").is_file()
    stub = BeautifulSoup((site / "packets" / "three-versions" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert stub.find("meta", attrs={"http-equiv": "refresh"})["content"].endswith("../three-tellings/")
    assert stub.a["href"] == "../three-tellings/"
    assert not (site / "packets" / "three-tellings-old").exists()
