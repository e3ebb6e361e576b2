"""Published ids are permanent: renaming one everywhere in the data is refused until the register
(data/published-ids.yml) records where it went, and then the old address still works: an old
paragraph anchor lands on the renamed paragraph, an old packet page sends readers to the new one.

Run over every site, in a copy of its project whose register `make register` has brought up to
date (as an editor does before publishing): a paragraph and the first packet are taken from its
data. This edition's renames of its own ids: tests/edition/test_permanence.py."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import assert_clean_build, mkdocs_build
from tests.kit.test_editor_commands import run_macros
from tests.sites import assert_part_absent


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


def published(tmp_path: Path, site_data) -> Path:
    """A copy of the site's project with every id it has now recorded as published."""
    project = site_data.assemble(tmp_path / "project")
    result = run_macros(project, "register")
    assert result.returncode == 0, result.stderr
    return project


def a_paragraph_to_rename(site_data) -> tuple[str, str]:
    """The first paragraph whose id is not also a word of the text (a search-and-replace of it
    would change the document's words), and what it is renamed to."""
    texts = "\n".join(site_data.paragraphs().values())
    ids = [p for p in site_data.paragraphs() if not re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", texts)]
    assert ids, "the site's text has paragraphs"
    return ids[0], f"{ids[0]}-renamed"


def check_renamed_paragraph(tmp_path: Path, project: Path, paragraphs: list[str], old: str, new: str) -> BeautifulSoup:
    """Rename `old` to `new` in `project`: refused, then recorded; the old anchor lands on the
    renamed paragraph. The text page of the build, for more checks."""
    rename_everywhere(project, old, new)
    refused = mkdocs_build(project, tmp_path / "refused")
    assert refused.returncode == 1
    assert f"the paragraph id '{old}' was published" in refused.stderr  # the whole message: test_validation
    record_move(project, "paragraphs", old, new)
    site = tmp_path / "site"
    assert_clean_build(mkdocs_build(project, site))
    text = BeautifulSoup((site / "text" / "index.html").read_text(encoding="utf-8"), "html.parser")
    anchor = text.find(id=old)
    assert anchor is not None, "the old anchor is still on the page"
    assert anchor.find_parent(id=new) or anchor.find_next(class_="cbl-para").get("id") == new, \
        "and it lands on the renamed paragraph"
    assert [p["id"] for p in text.select(".cbl-para")] == [new if p == old else p for p in paragraphs], \
        "the same paragraphs, one renamed: none lost, none invented"
    return text


def test_a_renamed_paragraph_is_refused_then_keeps_its_old_anchor(tmp_path, site_data):
    old, new = a_paragraph_to_rename(site_data)
    check_renamed_paragraph(tmp_path, published(tmp_path, site_data), list(site_data.paragraphs()), old, new)


def test_a_renamed_packet_keeps_its_old_address(tmp_path, site_data, builds, site_name):
    packets = site_data.items("packets.yml", "packets")
    if not packets:
        assert_part_absent(builds.student(site_name), "packets")
        return
    old = packets[0]["id"]
    new = f"{old}-renamed"
    project = published(tmp_path, site_data)
    rename_everywhere(project, old, new)
    refused = mkdocs_build(project, tmp_path / "refused")
    assert refused.returncode == 1 and f"'{old}'" in refused.stderr
    record_move(project, "packets", old, new)
    site = tmp_path / "site"
    assert_clean_build(mkdocs_build(project, site))
    assert (site / "packets" / new / "index.html").is_file()
    stub = BeautifulSoup((site / "packets" / old / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert stub.find("meta", attrs={"http-equiv": "refresh"})["content"].endswith(f"../{new}/")
    assert stub.a["href"] == f"../{new}/"
    assert not (site / "packets" / f"{new}-old").exists()
