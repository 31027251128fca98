"""kehoach.check.rules.symbol: the number and symbol agree with type, issuer and style."""

from __future__ import annotations

import pytest

from tests.check.conftest import BASE

YOUTH_UNION = BASE.replace("[ls.ubnd]", "[ls.tinh-doan]")

CASES = {
    "not a number and symbol": (
        BASE.replace("253/KH-UBND", "KH 253 UBND"), [(3, 13, "symbol-style")],
    ),
    "a state body in the Youth Union's style": (
        BASE.replace("253/KH-UBND", "253-KH/UBND"), [(3, 13, "symbol-style")],
    ),
    "the Youth Union in a state body's style": (
        YOUTH_UNION.replace("253/KH-UBND", "253/KH-TĐ"), [(3, 13, "symbol-style")],
    ),
    "the Youth Union in its style": (YOUTH_UNION.replace("253/KH-UBND", "253-KH/TĐ"), []),
    "another document type": (
        BASE.replace("253/KH-UBND", "253/CTr-UBND"), [(3, 13, "symbol-type")],
    ),
    "another issuer": (BASE.replace("253/KH-UBND", "253/KH-SNV"), [(3, 13, "symbol-issuer")]),
    "an issued plan without a number": (
        BASE.replace("253/KH-UBND", "…/KH-UBND"), [(3, 13, "symbol-number")],
    ),
    "a draft without a number": (
        BASE.replace("253/KH-UBND", "…/KH-UBND").replace("loai: ke_hoach\n",
                                                          "loai: ke_hoach\ndu_thao: true\n"),
        [],
    ),
}


@pytest.mark.parametrize("text,expected", list(CASES.values()), ids=list(CASES))
def test_symbol_rule(assert_diagnostics, text, expected):
    assert_diagnostics(text, expected)
