"""A site owner changes one component's markup by dropping a file of the same name into
`overrides/components/`, the way Material lets a site override a partial."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.conftest import assert_clean_build, mkdocs_build

KIT = "macros/templating/templates/glossary-entry.html"


def test_a_component_in_overrides_replaces_the_kits_own(tmp_path, site_data):
    kinds = site_data.kinds()
    entries = site_data.items(f"{kinds[0]['id']}.yml", "entries") if kinds else []
    assert entries, "a glossary kind with an entry, whose component the site overrides"
    project = site_data.assemble(tmp_path / "project")
    original = (project / KIT).read_text(encoding="utf-8")
    shadow = project / "overrides" / "components" / "glossary-entry.html"
    shadow.parent.mkdir(parents=True)
    shadow.write_text('<div class="site-own-entry">{{ item.entry.name }}</div>\n' + original, encoding="utf-8")
    site = tmp_path / "site"
    assert_clean_build(mkdocs_build(project, site))
    glossary = BeautifulSoup((site / "glossary" / kinds[0]["id"] / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert entries[-1]["name"] in [d.get_text() for d in glossary.select(".site-own-entry")], "the site's copy is used"
    text = BeautifulSoup((site / "text" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert not text.select(".site-own-entry"), "only that component changes"
    assert (project / KIT).read_text(encoding="utf-8") == original, "the kit's own template is untouched"
