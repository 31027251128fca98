"""kehoach.check.rules.issued: an issued plan carries its number, place, date and signers."""

from __future__ import annotations

import pytest

from tests.check.conftest import BASE

CASES = {
    "no number": (BASE.replace("so_ky_hieu: 253/KH-UBND\n", ""), [(1, 1, "missing-field")]),
    "no place": (BASE.replace("dia_danh: Lạng Sơn\n", ""), [(1, 1, "missing-field")]),
    "no date": (BASE.replace("ngay_ban_hanh: 2021-12-31\n", ""), [(1, 1, "missing-field")]),
    "no signature block": (BASE[: BASE.index("chu_ky:")], [(1, 1, "missing-field")]),
    "no signer's name": (
        BASE.replace("    nguoi_ky: Dương Xuân Huyên\n", ""), [(23, 5, "missing-field")],
    ),
    "a joint plan's signature without its body": (
        BASE.replace("[ls.ubnd]", "[ls.ubnd, ls.snv]").replace("253/KH-UBND", "253/KH-UBND-SNV"),
        [(23, 5, "missing-field")],
    ),
    "a draft may leave them blank": (
        BASE.replace("loai: ke_hoach\n", "loai: ke_hoach\ndu_thao: true\n")
        .replace("so_ky_hieu: 253/KH-UBND\n", "so_ky_hieu: …/KH-UBND\n")
        .replace("ngay_ban_hanh: 2021-12-31\n", "")
        .replace("    nguoi_ky: Dương Xuân Huyên\n", ""),
        [],
    ),
    "issued, known from a copy without its header": (
        BASE.replace("loai: ke_hoach\n", "loai: ke_hoach\nthieu_tieu_de: true\n")
        .replace("so_ky_hieu: 253/KH-UBND\n", "")
        .replace("dia_danh: Lạng Sơn\n", "")
        .replace("ngay_ban_hanh: 2021-12-31\n", ""),
        [],
    ),
    "a draft cannot also be issued": (
        BASE.replace("loai: ke_hoach\n", "loai: ke_hoach\ndu_thao: true\nthieu_tieu_de: true\n"),
        [(3, 1, "draft-and-missing-header")],
    ),
}


@pytest.mark.parametrize("text,expected", list(CASES.values()), ids=list(CASES))
def test_issued_rule(assert_diagnostics, text, expected):
    assert_diagnostics(text, expected)
