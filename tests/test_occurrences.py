"""Occurrences named by their due day: several due days a year, cycles, an event's day, and
the upgrade of format 1 files (a year in ``ky``) by ``kehoach fmt``."""

from __future__ import annotations

import datetime as dt

from kehoach.edit.fmt import format_text
from kehoach.load.document import load_document
from kehoach.load.parse import parse
from kehoach.tracking.obligations import DONE_ON_TIME, OPEN, OVERDUE, obligations
from tests.conftest import diagnose, write_repo
from tests.test_tracking import _load, plan_rows

D = dt.date


def test_two_due_days_a_year_are_two_occurrences(tmp_path):
    # The case: as of 1/7 the next due day is 15/12 of the same year, not next 15/6.
    rows = plan_rows(tmp_path, D(2023, 7, 1), "trước ngày 15/6 và 15/12 hằng năm")
    assert [(r.occurrence, r.status) for r in rows if r.due and r.due.year == 2023] == [
        ("2023-06-15", OVERDUE), ("2023-12-15", OPEN)]
    open_rows = [r for r in rows if r.status == OPEN]
    assert min(r.due for r in open_rows) == D(2023, 12, 15)  # type: ignore[type-var]


def test_six_monthly_and_yearly_is_the_half_years(tmp_path):
    rows = plan_rows(tmp_path, D(2022, 12, 31), "định kỳ 6 tháng và hằng năm")
    assert [r.occurrence for r in rows if r.due and r.due.year == 2022] == [
        "2022-06-30", "2022-12-31"]


def test_a_year_in_ky_names_the_years_first_occurrence(tmp_path):
    extra = """\
        hoan_thanh:
          - {ky: 2023, ngay_hoan_thanh: 2023-06-10}"""
    rows = plan_rows(tmp_path, D(2023, 12, 31), "trước ngày 15/6 và 15/12 hằng năm", extra)
    got = {r.occurrence: r.status for r in rows if r.due and r.due.year == 2023}
    assert got == {"2023-06-15": DONE_ON_TIME, "2023-12-15": OVERDUE}


EVENT = """\
phien_ban_dinh_dang: 2
loai: ke_hoach
co_quan_ban_hanh: [ls.ubnd]
so_ky_hieu: 5/KH-UBND
dia_danh: Lạng Sơn
ngay_ban_hanh: 2024-02-01
trich_yeu: Tổ chức Hội nghị
phan:
  - so: "1."
    noi_dung: "Hội nghị tổng kết."
    su_kien: {{thoi_gian: "{when}"}}
    muc:
      - so: a)
        noi_dung: "Gửi báo cáo tham luận 15 ngày trước ngày tổ chức."
        nhiem_vu:
          - id: t1
            chu_tri: ls.snv
            thoi_han: 15 ngày trước ngày tổ chức
noi_nhan: ["- Lưu: VT."]
chu_ky: [{{quyen_han: TM. UBND, chuc_vu: CHỦ TỊCH, nguoi_ky: A}}]
"""


def test_a_deadline_counted_back_from_the_event(tmp_path):
    root = write_repo(tmp_path, {"a.yaml": EVENT.format(when="8 giờ 00, ngày 26/3/2024")})
    plan, registry = _load(root, "a.yaml")
    (row,) = obligations(plan, registry, D(2024, 3, 1))
    assert (row.due, row.status) == (D(2024, 3, 11), OPEN)  # 26/3 − 15 days
    assert "event-day-missing" not in {code for *_, code in diagnose(root)}


def test_without_the_events_day_it_says_so(tmp_path):
    root = write_repo(tmp_path, {"a.yaml": EVENT.format(when="sẽ thông báo sau")})
    plan, registry = _load(root, "a.yaml")
    (row,) = obligations(plan, registry, D(2024, 3, 1))
    assert row.due is None
    assert "event-day-missing" in {code for *_, code in diagnose(root)}


V1 = """\
# Kế hoạch cũ (định dạng 1): kỳ ghi bằng năm.
loai: ke_hoach
co_quan_ban_hanh: [ls.ubnd]
so_ky_hieu: 5/KH-UBND
dia_danh: Lạng Sơn
ngay_ban_hanh: 2022-01-10
trich_yeu: Thử
giai_doan: {tu: 2022, den: 2024}
phan:
  - so: "1."
    noi_dung: "Báo cáo trước ngày 15/6 và 15/12 hằng năm; tổng kết trước ngày 15/11 hằng năm."
    nhiem_vu:
      - id: t1
        chu_tri: ls.snv
        thoi_han: trước ngày 15/6 và 15/12 hằng năm
        hoan_thanh:
          - {ky: 2023, ngay_hoan_thanh: 2023-06-10}  # báo cáo 6 tháng
          - {ky: 2023-12-15, ngay_hoan_thanh: 2023-12-10}
      - id: t2
        chu_tri: ls.snv
        thoi_han: trước ngày 15/11 hằng năm
        hoan_thanh:
          - {ky: 2022, ngay_hoan_thanh: 2022-11-10}
          - {ky: 2030, ngay_hoan_thanh: 2023-11-10}
noi_nhan: ["- Lưu: VT."]
chu_ky: [{quyen_han: TM. UBND, chuc_vu: CHỦ TỊCH, nguoi_ky: A}]
"""


def test_fmt_upgrades_a_format_1_file_without_changing_a_status(tmp_path):
    root = write_repo(tmp_path, {"a.yaml": V1})
    plan, registry = _load(root, "a.yaml")
    before = [(r.task_id, r.occurrence, r.status) for r in obligations(plan, registry,
                                                                       D(2024, 12, 31))]
    upgraded = format_text(V1)
    data = parse(upgraded).data
    assert data["phien_ban_dinh_dang"] == 2
    t1, t2 = (task["hoan_thanh"] for task in data["phan"][0]["nhiem_vu"])
    assert [r["ky"] for r in t1] == [D(2023, 6, 15), D(2023, 12, 15)]
    assert [r["ky"] for r in t2] == [D(2022, 11, 15), 2030]  # no occurrence in 2030: kept
    assert "# Kế hoạch cũ (định dạng 1)" in upgraded and "# báo cáo 6 tháng" in upgraded
    assert format_text(upgraded) == upgraded
    (root / "plans" / "a.yaml").write_text(upgraded, encoding="utf-8")
    plan, registry = _load(root, "a.yaml")
    after = [(r.task_id, r.occurrence, r.status) for r in obligations(plan, registry,
                                                                      D(2024, 12, 31))]
    assert after == before


def test_a_year_with_several_occurrences_is_flagged(tmp_path):
    root = write_repo(tmp_path, {"a.yaml": V1})
    codes = [code for *_, code in diagnose(root)]
    assert codes.count("completion-year-ambiguous") == 1
    assert codes.count("completion-unknown-occurrence") == 1  # 2030


def test_a_newer_format_is_refused(tmp_path):
    newer = V1.replace("loai: ke_hoach", "phien_ban_dinh_dang: 3\nloai: ke_hoach")
    root = write_repo(tmp_path, {"a.yaml": newer})
    assert "format-version-newer" in [code for *_, code in diagnose(root)]


def test_new_writes_the_current_format(tmp_path):
    from kehoach.check.checker import load_registry
    from kehoach.edit.scaffold import new_plan
    from kehoach.plan.model import FORMAT_VERSION

    registry, _ = load_registry(write_repo(tmp_path, {}))
    text = new_plan("ke_hoach", "ls.ubnd", registry)
    assert parse(text).data["phien_ban_dinh_dang"] == FORMAT_VERSION == 2
    path = tmp_path / "plans" / "moi.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_document(path).plan is not None
