"""Each rule of `kehoach check`, asserted by (line, column, code) on small plans."""

from __future__ import annotations

import pytest

from tests.conftest import REGISTRY, diagnose

BASE = """\
loai: ke_hoach
co_quan_ban_hanh: [ls.ubnd]
so_ky_hieu: 253/KH-UBND
dia_danh: Lạng Sơn
ngay_ban_hanh: 2021-12-31
trich_yeu: Thực hiện Chương trình phát triển thanh niên
can_cu:
  - noi_dung: Căn cứ Quyết định số 1331/QĐ-TTg ngày 24/7/2021 của Thủ tướng Chính phủ;
    loai_van_ban: Quyết định
    so: 1331/QĐ-TTg
    ngay: 2021-07-24
phan:
  - so: I.
    noi_dung: NỘI DUNG
    muc:
      - so: "1."
        noi_dung: Sở Nội vụ tổng hợp, báo cáo trước ngày 15/11/2022.
        nhiem_vu:
          - id: t1
            chu_tri: ls.snv
            thoi_han: trước ngày 15/11/2022
chu_ky:
  - quyen_han: KT. CHỦ TỊCH
    chuc_vu: PHÓ CHỦ TỊCH
    nguoi_ky: Dương Xuân Huyên
"""


def test_base_plan_is_clean(repo):
    assert diagnose(repo({"a.yaml": BASE})) == []


CASES = {
    "duplicate key": (
        BASE.replace("dia_danh: Lạng Sơn\n", "dia_danh: Lạng Sơn\ndia_danh: X\n"),
        [(5, 1, "duplicate-key")],
    ),
    "unknown key": (
        BASE.replace("trich_yeu:", "trich_yue:"),
        [(6, 1, "unknown-key"), (1, 1, "missing-field")],
    ),
    "yaml 1.1 bool": (
        BASE.replace("loai: ke_hoach\n", "loai: ke_hoach\ndu_thao: no\n"),
        [(2, 10, "yaml11-surprise")],
    ),
    "octal": (BASE.replace("dia_danh: Lạng Sơn", "dia_danh: 0123"), [(4, 11, "yaml11-surprise")]),
    "sexagesimal": (
        BASE.replace("dia_danh: Lạng Sơn", "dia_danh: 1:30"),
        [(4, 11, "yaml11-surprise")],
    ),
    "number for text": (
        BASE.replace("dia_danh: Lạng Sơn", "dia_danh: 12"),
        [(4, 11, "wrong-type")],
    ),
    "impossible date": (
        BASE.replace("ngay_ban_hanh: 2021-12-31", "ngay_ban_hanh: 2021-02-30"),
        [(5, 16, "invalid-date")],
    ),
    "unknown body": (BASE.replace("chu_tri: ls.snv", "chu_tri: ls.sn"), [(20, 22, "unknown-body")]),
    "bad id": (BASE.replace("id: t1", "id: T 1"), [(19, 17, "invalid-value")]),
    "symbol type": (BASE.replace("253/KH-UBND", "253/CTr-UBND"), [(3, 13, "symbol-type")]),
    "symbol issuer": (BASE.replace("253/KH-UBND", "253/KH-SNV"), [(3, 13, "symbol-issuer")]),
    "symbol style": (BASE.replace("253/KH-UBND", "253-KH/UBND"), [(3, 13, "symbol-style")]),
    "legal basis date": (
        BASE.replace("ngay: 2021-07-24", "ngay: 2021-07-25"),
        [(11, 11, "legal-basis-mismatch")],
    ),
    "legal basis number": (
        BASE.replace("so: 1331/QĐ-TTg", "so: 1332/QĐ-TTg"),
        [(10, 9, "legal-basis-mismatch")],
    ),
    "basis after plan": (
        BASE.replace("ngày 24/7/2021", "ngày 24/7/2022").replace(
            "ngay: 2021-07-24", "ngay: 2022-07-24"
        ),
        [(11, 11, "dates-order")],
    ),
    "issued without signer": (
        BASE.replace("    nguoi_ky: Dương Xuân Huyên\n", ""),
        [(23, 5, "missing-field")],
    ),
    "issued without number": (
        BASE.replace("so_ky_hieu: 253/KH-UBND\n", ""),
        [(1, 1, "missing-field")],
    ),
    "deadline not in text": (
        BASE.replace("thoi_han: trước ngày 15/11/2022", "thoi_han: trước ngày 16/11/2022"),
        [(21, 23, "deadline-not-in-text")],
    ),
    "footnote missing": (
        BASE.replace("15/11/2022.", "15/11/2022.[^1]"),
        [(17, 19, "footnote-missing")],
    ),
    "duplicate task in file": (
        BASE.replace(
            "            thoi_han: trước ngày 15/11/2022\n",
            "            thoi_han: trước ngày 15/11/2022\n          - id: t1\n",
        ),
        [(22, 17, "duplicate-task-id"), (22, 17, "task-no-lead")],
    ),
    "impossible deadline": (
        BASE.replace("15/11/2022", "31/11/2022"),
        [(21, 23, "impossible-date")],
    ),
    "weekday contradicts": (
        BASE.replace("15/11/2022", "15/11/2022 (thứ Hai)"),
        [(21, 23, "weekday-mismatch")],
    ),
    "unreadable deadline": (
        BASE.replace("trước ngày 15/11/2022.", "khi có điều kiện.").replace(
            "thoi_han: trước ngày 15/11/2022", "thoi_han: khi có điều kiện"
        ),
        [(21, 23, "unrecognized")],
    ),
    "list where text": (
        BASE.replace("dia_danh: Lạng Sơn", "dia_danh: [a]"),
        [(4, 11, "wrong-type")],
    ),
}


@pytest.mark.parametrize("text,expected", list(CASES.values()), ids=list(CASES))
def test_rule(repo, text, expected):
    assert sorted(diagnose(repo({"a.yaml": text}))) == sorted(expected)


def test_draft_may_leave_number_date_and_signer_blank(repo):
    text = BASE.replace("loai: ke_hoach\n", "loai: ke_hoach\ndu_thao: true\n")
    text = text.replace("so_ky_hieu: 253/KH-UBND\n", "so_ky_hieu: …/KH-UBND\n")
    text = text.replace("ngay_ban_hanh: 2021-12-31\n", "")
    text = text.replace("    nguoi_ky: Dương Xuân Huyên\n", "")
    assert diagnose(repo({"a.yaml": text})) == []


def test_task_ids_are_unique_across_the_repository(repo):
    other = BASE.replace("id: t1", "id: t1").replace("253/KH", "254/KH")
    root = repo({"a.yaml": BASE, "sub/b.yaml": other})
    # Checking one file still sees the other plan of the repository.
    found = diagnose(root, "sub/b.yaml")
    assert found == [(19, 17, "duplicate-task-id")]


def test_youth_union_symbol_style(repo):
    text = BASE.replace("[ls.ubnd]", "[ls.tinh-doan]").replace("253/KH-UBND", "253/KH-TĐ")
    assert diagnose(repo({"a.yaml": text})) == [(3, 13, "symbol-style")]
    ok = BASE.replace("[ls.ubnd]", "[ls.tinh-doan]").replace("253/KH-UBND", "253-KH/TĐ")
    assert diagnose(repo({"a.yaml": ok})) == []


def test_completion_by_a_body_that_is_not_assigned(repo):
    text = BASE.replace(
        "            thoi_han: trước ngày 15/11/2022\n",
        "            thoi_han: trước ngày 15/11/2022\n            hoan_thanh:\n"
        "              - co_quan: ls.ubnd\n                ngay_hoan_thanh: 2022-11-10\n",
    )
    assert diagnose(repo({"a.yaml": text})) == [(23, 26, "completion-assignee")]


def test_registry_problems_are_reported_in_the_registry(repo, tmp_path):
    registry = "co_quan:\n  - id: a\n    ten: A\n    cap_tren: b\n  - id: a\n    ten: B\n"
    root = repo({}, registry=registry)
    from kehoach.check.checker import check_paths

    result = check_paths([root / "plans"], cwd=root)
    got = [(d.path, d.line, d.column, d.code) for d in result.diagnostics]
    reg = str(__import__("pathlib").Path("plans") / "co-quan.yaml")
    assert got == [(reg, 4, 15, "unknown-body"), (reg, 5, 9, "duplicate-id")]


def _with_completion(record: str) -> str:
    return BASE.replace(
        "            thoi_han: trước ngày 15/11/2022\n",
        "            thoi_han: trước ngày 15/11/2022\n            hoan_thanh:\n" + record,
    )


def test_completion_of_an_occurrence_that_is_not_scheduled(repo):
    text = _with_completion(
        "              - ky: 2023\n                ngay_hoan_thanh: 2023-11-10\n")
    assert diagnose(repo({"a.yaml": text})) == [(23, 21, "completion-unknown-occurrence")]
    ok = _with_completion("              - ky: 2022\n                ngay_hoan_thanh: 2022-11-10\n")
    assert diagnose(repo({"a.yaml": ok})) == []


def test_a_successor_may_complete_its_predecessors_task(repo):
    registry = REGISTRY + (
        "  - id: ls.snv-moi\n    ten: Sở Nội vụ (mới)\n"
    )
    registry = registry.replace("    cap_tren: ls.ubnd\n", "    cap_tren: ls.ubnd\n"
                                "    den_ngay: 2022-10-31\n    ke_thua: ls.snv-moi\n", 1)
    text = _with_completion("              - co_quan: ls.snv-moi\n"
                            "                ngay_hoan_thanh: 2022-11-10\n")
    assert diagnose(repo({"a.yaml": text}, registry=registry)) == []
