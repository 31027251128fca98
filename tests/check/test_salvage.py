"""Every problem at once: the rules run on the parts of an invalid file that validated.

A schema error used to hide every other problem of its file (unknown bodies, impossible dates,
deadlines not in the text) until it was fixed; ``load.salvage`` gives the rules what did
validate, and keeps only the findings no dropped part could cause.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.edit.fmt import format_file
from tests.check.conftest import BASE, with_task_fields
from tests.conftest import REGISTRY, write_repo

SECOND = """\
      - so: "2."
        noi_dung: Tỉnh đoàn tổ chức hội nghị trước ngày 31/02/2023.
        nhiem_vu:
          - id: t2
            chu_tri: ls.tinh-doann
            thoi_han: trước ngày 31/02/2023
"""
"""A second item (lines 22–27) with an unknown body and an impossible date."""


def _second(text: str = BASE) -> str:
    return text.replace("chu_ky:\n", SECOND + "chu_ky:\n")


CASES = {
    "a number where text belongs, beside an unknown body and an impossible date": (
        _second().replace('      - so: "1."\n', "      - so: 1.\n"),
        [(16, 13, "wrong-type"), (26, 22, "unknown-body"), (27, 23, "impossible-date")],
    ),
    "a missing subject line, beside a deadline not in the text": (
        BASE.replace("trich_yeu: Thực hiện Chương trình phát triển thanh niên\n", "")
        .replace("thoi_han: trước ngày 15/11/2022", "thoi_han: trước ngày 16/11/2022"),
        [(1, 1, "missing-field"), (20, 23, "deadline-not-in-text")],
    ),
    "a wrong document type and issuer, beside an unknown body": (
        BASE.replace("loai: ke_hoach", "loai: ke-hoachx")
        .replace("co_quan_ban_hanh: [ls.ubnd]", "co_quan_ban_hanh: [LS]")
        .replace("chu_tri: ls.snv", "chu_tri: ls.snvx"),
        [(1, 7, "invalid-value"), (2, 20, "invalid-value"), (20, 22, "unknown-body")],
    ),
    "an unknown key, beside the problems of another item": (
        _second().replace("            chu_tri: ls.snv\n", "            chu_tri: ls.snv\n"
                          "            han: 2022-11-15\n"),
        [(21, 13, "unknown-key"), (27, 22, "unknown-body"), (28, 23, "impossible-date")],
    ),
    "an invalid completion drops its task, not the other task": (
        _second(with_task_fields("            hoan_thanh:\n"
                                 "              - ngay_hoan_thanh: 2022-13-01\n")),
        [(23, 34, "invalid-date"), (28, 22, "unknown-body"), (29, 23, "impossible-date")],
    ),
    "a wrong legal basis, beside a problem of the body": (
        _second().replace("    so: 1331/QĐ-TTg\n", "    so: 1331\n"),
        [(10, 9, "wrong-type"), (26, 22, "unknown-body"), (27, 23, "impossible-date")],
    ),
    "what a dropped sub-item held is not reported missing": (
        # The deadline of task t1 is written in its sub-item, which is invalid: the deadline is
        # not reported as missing from the text (it is there, in the part that was dropped).
        BASE.replace("        noi_dung: Sở Nội vụ tổng hợp, báo cáo trước ngày 15/11/2022.\n",
                     "        noi_dung: Sở Nội vụ tổng hợp, báo cáo.\n        muc:\n"
                     "          - noi_dung: Trước ngày 15/11/2022.\n            dam: 1\n"),
        [(20, 18, "wrong-type")],
    ),
    "a footnote referenced only from a dropped item is not reported unused": (
        BASE.replace("báo cáo trước ngày 15/11/2022.\n", "báo cáo trước ngày 15/11/2022.[^1]\n"
                     "        dam: khong\n")
        + "chu_thich:\n  - id: 1\n    noi_dung: Công văn số 12/SNV.\n",
        [(18, 14, "wrong-type")],
    ),
}


@pytest.mark.parametrize("text,expected", list(CASES.values()), ids=list(CASES))
def test_every_problem_at_once(assert_diagnostics, text, expected):
    assert_diagnostics(text, expected)


def test_a_registry_entry_with_an_error_keeps_the_others(assert_diagnostics):
    # One wrong body must not make every body of every plan unknown: the plan names the
    # others (ls.ubnd, ls.tinh-doan) and only the wrong one (ls.snv) is missing.
    registry = REGISTRY.replace("    viet_tat: SNV\n", "    viet_tat: SNV\n    loai: nha-nuoc\n")
    text = BASE.replace("chu_tri: ls.snv", "chu_tri: ls.tinh-doan")
    assert_diagnostics(text, [], registry=registry)
    assert_diagnostics(BASE, [(20, 22, "unknown-body")], registry=registry)
    assert_diagnostics(registry, [(11, 11, "invalid-value")], name="co-quan.yaml")


def test_fmt_still_never_rewrites_an_invalid_file(tmp_path: Path):
    text = _second().replace('      - so: "1."\n', "      - so: 1.\n")
    root = write_repo(tmp_path, {"a.yaml": text})
    path = root / "plans" / "a.yaml"
    before = path.read_bytes()
    result = format_file(path)
    assert not result.ok and not result.written
    assert [(d.line, d.code) for d in result.diagnostics if d.is_error] == [(16, "wrong-type")]
    assert path.read_bytes() == before


def test_the_fix_is_in_the_message(tmp_path: Path):
    from tests.check.conftest import check_messages

    text = BASE.replace('      - so: "1."\n', "      - so: 1.\n")
    assert check_messages(tmp_path, text) == [
        "Cần một chuỗi văn bản, nhưng gặp “1.” (YAML đọc thành số 1.0). Hãy đặt trong dấu nháy "
        'kép: so: "1."',
    ]
    listed = BASE.replace("chu_ky:\n", "noi_nhan:\n  - 1.5\nchu_ky:\n")
    assert check_messages(tmp_path / "b", listed) == [
        "Cần một chuỗi văn bản, nhưng gặp “1.5” (YAML đọc thành số 1.5). Hãy đặt trong dấu "
        'nháy kép: - "1.5"',
    ]
