"""`make audit` says plainly what it checked (tests/audit.py): pip-audit's own last line, "No known
vulnerabilities found", is printed even when every package was skipped (offline), and read as a pass."""

from __future__ import annotations

import pytest

from tests.audit import verdict

OK = {"name": "mkdocs", "version": "1.6.1", "vulns": []}
SKIPPED = {"name": "pydantic", "skip_reason": "Dependency not found on PyPI and could not be audited: pydantic (2.14.4)"}
VULNERABLE = {"name": "jinja2", "version": "3.0.0", "vulns": [{"id": "GHSA-h5c8-rqwp-cp95", "fix_versions": ["3.1.3"]}]}


@pytest.mark.parametrize("dependencies, status, start", [
    ([SKIPPED, SKIPPED], 2, "make audit checked nothing: pip-audit could not look up any of the 2 locked packages"),
    ([], 2, "make audit checked nothing: pip-audit listed no package"),
    ([OK, SKIPPED], 2, "make audit checked 1 of 2 packages; these could not be checked:\n  pydantic: Dependency not found"),
    ([OK, VULNERABLE], 1, "Known vulnerabilities in locked packages:\n  jinja2 3.0.0: GHSA-h5c8-rqwp-cp95"),
    ([OK, OK], 0, "make audit: all 2 locked packages checked against PyPI's advisory data; no known vulnerabilities."),
])
def test_the_audit_says_what_it_checked(dependencies, status, start):
    got_status, message = verdict({"dependencies": dependencies, "fixes": []})
    assert (got_status, message[:len(start)]) == (status, start)
