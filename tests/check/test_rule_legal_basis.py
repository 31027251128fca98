"""kehoach.check.rules.legal_basis: a legal basis's fields say what its text says."""

from __future__ import annotations

import pytest

from tests.check.conftest import BASE

OPENING = (
    "mo_dau: >-\n  Căn cứ Quyết định số 1331/QĐ-TTg ngày 24/7/2021 của Thủ tướng Chính phủ; UBND "
    "tỉnh ban hành\n  Kế hoạch như sau:\n"
)
"""An opening sentence that holds the basis of BASE (the basis is an excerpt of it)."""

CASES = {
    "another date": (
        BASE.replace("ngay: 2021-07-24", "ngay: 2021-07-25"), [(11, 11, "legal-basis-mismatch")],
    ),
    "another number": (
        BASE.replace("so: 1331/QĐ-TTg", "so: 1332/QĐ-TTg"), [(10, 9, "legal-basis-mismatch")],
    ),
    "another kind of document": (
        BASE.replace("loai_van_ban: Quyết định", "loai_van_ban: Chỉ thị"),
        [(9, 19, "legal-basis-mismatch")],
    ),
    "another issuer": (
        BASE.replace("    ngay: 2021-07-24\n",
                     "    ngay: 2021-07-24\n    co_quan: Chính phủ Lào\n"),
        [(12, 14, "legal-basis-mismatch")],
    ),
    "the date spelled out": (BASE.replace("ngày 24/7/2021", "ngày 24 tháng 7 năm 2021"), []),
    "the date with zeros": (BASE.replace("ngày 24/7/2021", "ngày 24/07/2021"), []),
    "a basis written inside the opening sentence": (
        BASE.replace("    ngay: 2021-07-24\n", "    ngay: 2021-07-24\n    trong_mo_dau: true\n")
        .replace("phan:\n", OPENING + "phan:\n"),
        [],
    ),
    "a basis the opening sentence does not have": (
        BASE.replace("    ngay: 2021-07-24\n", "    ngay: 2021-07-24\n    trong_mo_dau: true\n")
        .replace("phan:\n", OPENING.replace("1331", "1313") + "phan:\n"),
        [(8, 15, "legal-basis-not-in-opening")],
    ),
}


@pytest.mark.parametrize("text,expected", list(CASES.values()), ids=list(CASES))
def test_legal_basis_rule(assert_diagnostics, text, expected):
    assert_diagnostics(text, expected)
