"""kehoach.check.rules.spoofing: look-alike names, at the value's line and column.

The full tables (every Vietnamese letter, 25 spoofs, real names in other scripts) are in
tests/test_lookalike_names.py; here each code once, at its exact position.
"""

from __future__ import annotations

import pytest

from tests.check.conftest import BASE
from tests.conftest import REGISTRY

# REGISTRY's lines: 7 ls.snv, 8 its ten, 9 its ten_khac, 10 its viet_tat.
REGISTRY_CASES = {
    "a Cyrillic letter in a name": (
        REGISTRY.replace("    ten: Sở Nội vụ tỉnh Lạng Sơn\n",
                         '    ten: "\\u0405ở Nội vụ tỉnh Lạng Sơn"\n'),
        [(8, 10, "mixed-script")],
    ),
    "a zero-width space in another name": (
        REGISTRY.replace("ten_khac: [Sở Nội vụ, SNV]", 'ten_khac: [SNV, "Sở\\u200b Nội vụ"]'),
        [(9, 21, "invisible-character")],
    ),
    "a bidi override in a printed name": (
        REGISTRY.replace("    cap_tren: ls.ubnd\n",
                         '    cap_tren: ls.ubnd\n    ten_in: "\\u202eSỞ NỘI VỤ"\n'),
        [(12, 13, "invisible-character")],
    ),
    "a fullwidth abbreviation": (
        REGISTRY.replace("    viet_tat: SNV\n", "    viet_tat: ＳＮＶ\n"),
        [(10, 15, "lookalike-character")],
    ),
    "the test registry, NFC and NFD": (REGISTRY, []),
}


@pytest.mark.parametrize("text,expected", list(REGISTRY_CASES.values()), ids=list(REGISTRY_CASES))
def test_registry_names(assert_diagnostics, text, expected):
    assert_diagnostics(text, expected, name="co-quan.yaml")


def test_registry_in_nfd_says_nothing(assert_diagnostics):
    import unicodedata

    assert_diagnostics(unicodedata.normalize("NFD", REGISTRY), [], name="co-quan.yaml")


PLAN_CASES = {
    "a Cyrillic letter in the number and symbol": (
        BASE.replace("so_ky_hieu: 253/KH-UBND", 'so_ky_hieu: "253/KH-U\\u0412ND"'),
        [(3, 13, "mixed-script"), (3, 13, "symbol-issuer")],
    ),
    "a Greek letter in an issuer's printed name": (
        BASE.replace("co_quan_ban_hanh: [ls.ubnd]",
                     'co_quan_ban_hanh:\n  - co_quan: ls.ubnd\n'
                     '    ten_in: "ỦY BAN NHÂN DÂN TỈNH LẠNG S\\u039fN"'),
        [(4, 13, "mixed-script")],
    ),
    "a word joiner in an issuer's parent body": (
        BASE.replace("co_quan_ban_hanh: [ls.ubnd]",
                     'co_quan_ban_hanh:\n  - co_quan: ls.ubnd\n'
                     '    chu_quan: "ỦY BAN\\u2060NHÂN DÂN"'),
        [(4, 15, "invisible-character")],
    ),
    "the base plan": (BASE, []),
}


@pytest.mark.parametrize("text,expected", list(PLAN_CASES.values()), ids=list(PLAN_CASES))
def test_plan_names(assert_diagnostics, text, expected):
    assert_diagnostics(text, expected)


SPOOFED_NUMBER = PLAN_CASES["a Cyrillic letter in the number and symbol"][0]


def _positions(tmp_path, plan: str, toml: str | None = None) -> list[tuple[int, int, str]]:
    from kehoach.check.checker import check_paths
    from tests.conftest import write_repo

    root = write_repo(tmp_path, {"a.yaml": plan})
    if toml is not None:
        (root / "kehoach.toml").write_text(toml, encoding="utf-8")
    result = check_paths([root / "plans" / "a.yaml"], cwd=root)
    return sorted((d.line, d.column, d.code) for d in result.diagnostics)


def test_no_configuration_switches_the_warnings_off(tmp_path):
    toml = '[kiem_tra]\ntat = ["mixed-script", "invisible-character", "lookalike-character"]\n'
    found = _positions(tmp_path, SPOOFED_NUMBER, toml)
    assert (3, 13, "mixed-script") in found
    assert [c for _, _, c in found].count("config-security") == 3


def test_no_comment_suppresses_them(tmp_path):
    plan = SPOOFED_NUMBER.replace('so_ky_hieu: "253/KH-U\\u0412ND"',
                                  'so_ky_hieu: "253/KH-U\\u0412ND"  # kehoach: bo-qua mixed-script')
    found = _positions(tmp_path, plan)
    assert (3, 13, "mixed-script") in found and "suppress-security" in [c for _, _, c in found]
