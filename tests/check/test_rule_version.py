"""kehoach.check.rules.version: a plan of a newer format is refused, an older one is read."""

from __future__ import annotations

import pytest

from tests.check.conftest import BASE

CASES = {
    "a newer format": ("phien_ban_dinh_dang: 3\n" + BASE, [(1, 22, "format-version-newer")]),
    "the current format": ("phien_ban_dinh_dang: 2\n" + BASE, []),
    "format 1 (no version)": (BASE, []),
}


@pytest.mark.parametrize("text,expected", list(CASES.values()), ids=list(CASES))
def test_version_rule(assert_diagnostics, text, expected):
    assert_diagnostics(text, expected)
