"""The build as an editor meets it: bad data stops `mkdocs build` with one clear message;
`mkdocs serve` shows edits to data/ and macros/ live, shows a data error in the page, and
keeps running. (Hostile strings in data: tests/test_hostile_data.py.)"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.conftest import copy_project, free_port, mkdocs_build

def _edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_bad_data_stops_the_build_with_one_message(tmp_path):
    project = copy_project(tmp_path / "project")
    _edit_yaml(project / "data" / "text.yml",
               lambda d: d["layers"][1]["sections"][0]["paragraphs"][0].update(style="bold"))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, result.stderr
    assert "data/text.yml" in errors[0] and "(id 'cover-line')" in errors[0] and "field 'style'" in errors[0]
    assert "Traceback" not in result.stderr


# --- mkdocs serve -------------------------------------------------------------------------


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(url: str, condition, what: str, seconds: float = 40) -> str:
    deadline = time.monotonic() + seconds
    html = ""
    while time.monotonic() < deadline:
        try:
            html = _get(url)
            if condition(html):
                return html
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}; last page:\n{html[:2000]}")


@pytest.fixture
def served(tmp_path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    url = f"http://127.0.0.1:{port}/text/"
    try:
        _wait_for(url, lambda html: "Nº 59442" in html, "the first build")
        yield project, url, process
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_serve_shows_data_and_macro_edits_and_survives_bad_data(served):
    project, url, process = served
    text_file = project / "data" / "text.yml"
    good = text_file.read_text(encoding="utf-8")

    # An edit to our own words (a layer's introduction): the cable's words would be refused.
    text_file.write_text(good.replace("Moscow’s header on the deciphered cable", "EDITED-IN-TEST header", 1), encoding="utf-8")
    _wait_for(url, lambda html: "EDITED-IN-TEST" in html, "a data edit to show")

    text_file.write_text(good.replace("    sections:\n", "    sections: [\n", 1), encoding="utf-8")
    html = _wait_for(url, lambda html: "cbl-data-error" in html, "the data error to show in the page")
    assert "data/text.yml" in BeautifulSoup(html, "html.parser").select_one(".cbl-data-error").get_text()
    assert process.poll() is None, "the server stopped on bad data"

    text_file.write_text(good, encoding="utf-8")
    _wait_for(url, lambda html: "cbl-data-error" not in html and "Nº 59442" in html, "recovery")

    template = project / "macros" / "templating" / "templates" / "paragraph.html"
    markup = template.read_text(encoding="utf-8")
    template.write_text(markup.replace('class="cbl-para cbl-para--', 'data-reloaded class="cbl-para cbl-para--'), encoding="utf-8")
    _wait_for(url, lambda html: "data-reloaded" in html, "a template edit to show without a restart")

    module = project / "macros" / "render" / "text.py"
    code = module.read_text(encoding="utf-8")
    module.write_text(code.replace('return renderer.render("text.html", here)', 'return "PYTHON-RELOADED " + renderer.render("text.html", here)'), encoding="utf-8")
    _wait_for(url, lambda html: "PYTHON-RELOADED" in html, "a macros/*.py edit to show without a restart")
    assert process.poll() is None
