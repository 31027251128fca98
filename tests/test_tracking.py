"""The status engine: occurrences, extensions, completions, successors, the calendar day.

Expected values are computed by hand in the comments; day counts go month by month.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kehoach.check.checker import load_registry
from kehoach.deadline import clock
from kehoach.deadline.clock import parse_day, today_vn
from kehoach.load.document import load_document
from kehoach.plan.model import Plan
from kehoach.plan.registry import Registry
from kehoach.tracking.obligations import (
    DONE_LATE,
    DONE_ON_TIME,
    NO_DEADLINE,
    OPEN,
    OVERDUE,
    Obligation,
    classify,
    obligations,
)
from kehoach.tracking.schedule import schedule, window
from tests.conftest import write_repo

D = dt.date
FIXTURE = Path(__file__).parent / "data" / "tracking"


def _load(root: Path, name: str) -> tuple[Plan, Registry]:
    registry, _ = load_registry(root)
    doc = load_document(root / "plans" / name)
    assert doc.plan is not None, doc.diagnostics
    return doc.plan, registry


@pytest.fixture(scope="module")
def fixture_plan() -> tuple[Plan, Registry]:
    return _load(FIXTURE, "bao-cao-nam.yaml")


def rows_of(plan_reg: tuple[Plan, Registry], as_of: dt.date, task: str) -> list[Obligation]:
    plan, registry = plan_reg
    return [r for r in obligations(plan, registry, as_of) if r.task_id == task]


def grid(rows: list[Obligation]) -> list[tuple[str, str, str, str, int | None, int | None]]:
    return [(r.occurrence, r.agency, r.role, r.status, r.days_late, r.days_overdue)
            for r in rows]


# --- the calendar day --------------------------------------------------------------------


def test_today_vn_is_the_next_day_at_20h_utc(monkeypatch):
    # 2024-01-01 20:00 UTC is 2024-01-02 03:00 in Việt Nam (UTC+7).
    monkeypatch.setattr(clock, "_utc_now",
                        lambda: dt.datetime(2024, 1, 1, 20, 0, tzinfo=dt.UTC))
    assert today_vn() == D(2024, 1, 2)


def test_today_vn_before_17h_utc_is_the_same_day():
    assert today_vn(dt.datetime(2024, 1, 1, 16, 59, tzinfo=dt.UTC)) == D(2024, 1, 1)


def test_today_vn_converts_other_zones_and_naive_utc():
    kiritimati = dt.timezone(dt.timedelta(hours=14))
    # 2024-01-02 05:00 at UTC+14 is 2024-01-01 15:00 UTC, 22:00 in Việt Nam.
    assert today_vn(dt.datetime(2024, 1, 2, 5, 0, tzinfo=kiritimati)) == D(2024, 1, 1)
    assert today_vn(dt.datetime(2024, 1, 1, 20, 0)) == D(2024, 1, 2)  # naive = UTC


def test_today_vn_without_tzdata_uses_a_fixed_offset(monkeypatch):
    import zoneinfo

    def missing(key: str) -> None:
        raise zoneinfo.ZoneInfoNotFoundError(key)

    monkeypatch.setattr(zoneinfo, "ZoneInfo", missing)
    assert clock.vn_zone() is clock.VN_OFFSET
    assert today_vn(dt.datetime(2024, 1, 1, 20, 0, tzinfo=dt.UTC)) == D(2024, 1, 2)


@pytest.mark.parametrize(("text", "day"), [
    ("2024-11-15", D(2024, 11, 15)), ("15/11/2024", D(2024, 11, 15)), ("5/3/2024", D(2024, 3, 5)),
])
def test_parse_day(text, day):
    assert parse_day(text) == day


@pytest.mark.parametrize("text", ["2023-02-31", "31/02/2023", "15-11-2024", "hôm nay", ""])
def test_parse_day_rejects(text):
    with pytest.raises(ValueError):
        parse_day(text)


# --- classification ----------------------------------------------------------------------


@pytest.mark.parametrize(("due", "done", "expected"), [
    (D(2023, 11, 15), D(2023, 11, 15), (DONE_ON_TIME, 0, None)),  # the due day is on time
    (D(2023, 11, 15), D(2023, 11, 30), (DONE_LATE, 15, None)),
    (D(2023, 11, 15), None, (OVERDUE, None, 228)),  # 15+31+31+29+31+30+31+30
    (D(2024, 6, 30), None, (OPEN, None, 0)),  # due today: still in time
    (D(2024, 11, 15), D(2024, 11, 14), (OPEN, None, 0)),  # done after as-of: not yet
    (None, D(2024, 1, 1), (NO_DEADLINE, None, None)),
])
def test_classify(due, done, expected):
    assert classify(due, done, D(2024, 6, 30)) == expected


# --- the fixture plan, hand-computed -----------------------------------------------------


def test_yearly_group_task_each_member_separately(fixture_plan):
    # bc-nam: trước ngày 15/11 hằng năm, lead t.cac-so = SNV, STC, SGD; Tỉnh đoàn coordinates.
    rows = rows_of(fixture_plan, D(2024, 6, 30), "bc-nam")
    assert grid(rows)[:8] == [
        ("2022-11-15", "t.snv", "chu_tri", DONE_ON_TIME, 0, None),  # 10/11 ≤ 15/11
        ("2022-11-15", "t.stc", "chu_tri", DONE_LATE, 5, None),  # 20/11 − 15/11
        ("2022-11-15", "t.sgd", "chu_tri", DONE_ON_TIME, 0, None),
        ("2022-11-15", "t.tinh-doan", "phoi_hop", DONE_LATE, 5, None),  # mirrors: latest is 20/11
        ("2023-11-15", "t.snv", "chu_tri", OVERDUE, None, 228),  # the missing 2023 report
        ("2023-11-15", "t.stc", "chu_tri", DONE_ON_TIME, 0, None),
        ("2023-11-15", "t.sgd", "chu_tri", DONE_LATE, 15, None),
        ("2023-11-15", "t.tinh-doan", "phoi_hop", OVERDUE, None, 228),
    ]
    # 2024 and 2025 are still ahead: 15/11/2024 − 30/06/2024 = 31+31+30+31+15 = 138 days.
    assert {(r.occurrence, r.status, r.days_left) for r in rows[8:]} == {
        ("2024-11-15", OPEN, 138), ("2025-11-15", OPEN, 503)}  # 2025: 138 + 365
    assert rows[0].completion is not None
    assert rows[0].completion.minh_chung == "Báo cáo số 12/BC-SNV"


def test_missed_2023_report_stays_overdue_after_2024(fixture_plan):
    rows = rows_of(fixture_plan, D(2025, 12, 31), "bc-nam")
    overdue = [(r.occurrence, r.agency, r.days_overdue) for r in rows
               if r.status == OVERDUE and r.role == "chu_tri"]
    # 2023: 46 (to 31/12/2023) + 366 + 365 = 777; 2024: only SGD did not report, 46 + 365 = 411;
    # 2025: nobody reported, 15 + 31 = 46.
    assert overdue == [("2023-11-15", "t.snv", 777), ("2024-11-15", "t.sgd", 411),
                       ("2025-11-15", "t.snv", 46), ("2025-11-15", "t.stc", 46),
                       ("2025-11-15", "t.sgd", 46)]


def test_two_of_three_reported(fixture_plan):
    rows = rows_of(fixture_plan, D(2024, 12, 1), "bc-nam")
    year = [(r.agency, r.role, r.status, r.days_overdue) for r in rows
            if r.occurrence == "2024-11-15"]
    # 15/11 → 01/12 = 16 days; the coordinator mirrors the one member missing.
    assert year == [("t.snv", "chu_tri", DONE_ON_TIME, None),
                    ("t.stc", "chu_tri", DONE_ON_TIME, None),
                    ("t.sgd", "chu_tri", OVERDUE, 16),
                    ("t.tinh-doan", "phoi_hop", OVERDUE, 16)]


def test_extensions_move_due_and_keep_the_original(fixture_plan):
    # kinh-phi: trước ngày 30/6/2023, extended on 25/06 to 30/9, on 28/09 to 31/10/2023.
    [lead, coord] = rows_of(fixture_plan, D(2024, 6, 30), "kinh-phi")
    assert (lead.due, lead.original_due, lead.occurrence) == (
        D(2023, 10, 31), D(2023, 6, 30), "2023-06-30")
    assert lead.deadline == "trước ngày 31/10/2023"
    assert lead.original_deadline == "trước ngày 30/6/2023"
    assert lead.extension is not None and lead.extension.van_ban == "Công văn số 71/UBND-NC"
    assert (lead.status, lead.days_overdue) == (OVERDUE, 243)  # 30 + 31 + 182
    assert (coord.agency, coord.role, coord.days_overdue) == ("t.snv", "phoi_hop", 243)


@pytest.mark.parametrize(("as_of", "due", "status"), [
    (D(2023, 6, 20), D(2023, 6, 30), OPEN),  # before any extension was granted
    (D(2023, 9, 1), D(2023, 9, 30), OPEN),  # the first extension only
    (D(2023, 10, 15), D(2023, 10, 31), OPEN),  # both: the latest is in force
])
def test_extension_in_force_as_of_a_day(fixture_plan, as_of, due, status):
    lead = rows_of(fixture_plan, as_of, "kinh-phi")[0]
    assert (lead.due, lead.status) == (due, status)


def test_successor_takes_open_obligations(fixture_plan):
    # sld-viec-lam: t.sld, trước ngày 20/12 hằng năm; t.sld dissolved 2025-02-28 → t.snv.
    rows = rows_of(fixture_plan, D(2025, 12, 31), "sld-viec-lam")
    assert [(r.occurrence, r.agency, r.original_agency, r.status, r.days_late, r.days_overdue)
            for r in rows] == [
        ("2022-12-20", "t.sld", None, DONE_ON_TIME, 0, None),  # done: stays with the old body
        ("2023-12-20", "t.sld", None, DONE_ON_TIME, 0, None),
        ("2024-12-20", "t.snv", "t.sld", OVERDUE, None, 376),  # open when merged: 11 + 365
        ("2025-12-20", "t.snv", "t.sld", OVERDUE, None, 11),  # falls due after the merger
    ]


def test_before_the_merger_the_old_body_holds(fixture_plan):
    rows = rows_of(fixture_plan, D(2024, 12, 31), "sld-viec-lam")
    assert [(r.occurrence, r.agency, r.original_agency, r.status) for r in rows] == [
        ("2022-12-20", "t.sld", None, DONE_ON_TIME), ("2023-12-20", "t.sld", None, DONE_ON_TIME),
        ("2024-12-20", "t.sld", None, OVERDUE),  # 11 days
        ("2025-12-20", "t.snv", "t.sld", OPEN),  # due 20/12/2025, after den_ngay
    ]


def test_open_group_approximate_yearless_and_continuous(fixture_plan):
    as_of = D(2024, 6, 30)
    [open_group] = rows_of(fixture_plan, as_of, "ra-soat")
    # One assignee for the open group; 31/03/2023 → 30/06/2024 = 275 + 182 = 457.
    assert (open_group.agency, open_group.days_overdue) == ("t.lien-quan", 457)
    lead, coord = rows_of(fixture_plan, as_of, "dien-dan")
    # dự kiến tháng 12/2022: approximate, still overdue: 365 + 182 = 547.
    assert (lead.approximate, lead.status, lead.days_overdue) == (True, OVERDUE, 547)
    assert (coord.agency, coord.approximate) == ("t.cac-so", True)
    [yearless] = rows_of(fixture_plan, as_of, "kiem-tra")
    # "trước ngày 15/3" in a plan issued 10/01/2022 → 15/03/2022; done 20/03 → 5 days late.
    assert (yearless.due, yearless.status, yearless.days_late) == (D(2022, 3, 15), DONE_LATE, 5)
    [continuous] = rows_of(fixture_plan, as_of, "don-doc")
    assert (continuous.status, continuous.due, continuous.occurrence) == (NO_DEADLINE, None, "")


def test_draft_counts_from_the_start_of_its_period():
    plan, registry = _load(FIXTURE, "du-thao.yaml")
    rows = obligations(plan, registry, D(2024, 6, 30))
    # No date of issue: "trước ngày 15/11" → 15/11/2023; "hằng năm" → 31/12/2023, 31/12/2024.
    assert [(r.task_id, r.occurrence, r.due, r.status) for r in rows] == [
        ("dt-so-ket", "2023-11-15", D(2023, 11, 15), OVERDUE),
        ("dt-tong-ket", "2023-12-31", D(2023, 12, 31), DONE_ON_TIME),
        ("dt-tong-ket", "2024-12-31", D(2024, 12, 31), OPEN),
    ]


# --- rules on small repositories -----------------------------------------------------------

PLAN = """\
loai: ke_hoach
co_quan_ban_hanh: [ls.ubnd]
so_ky_hieu: 5/KH-UBND
dia_danh: Lạng Sơn
ngay_ban_hanh: {issued}
trich_yeu: Thử
giai_doan: {{tu: 2022, den: 2024}}
phan:
  - so: "1."
    noi_dung: "{text}"
    nhiem_vu:
      - id: t1
        chu_tri: {lead}
        thoi_han: "{text}"
{extra}
noi_nhan: ["- Lưu: VT."]
chu_ky: [{{quyen_han: TM. UBND, chuc_vu: CHỦ TỊCH, nguoi_ky: A}}]
"""


def plan_rows(tmp_path: Path, as_of: dt.date, text: str, extra: str = "", lead: str = "ls.snv",
              issued: str = "2022-01-10", registry: str | None = None) -> list[Obligation]:
    body = PLAN.format(issued=issued, text=text, lead=lead, extra=extra)
    kwargs = {} if registry is None else {"registry": registry}
    root = write_repo(tmp_path, {"a.yaml": body}, **kwargs)
    plan, reg = _load(root, "a.yaml")
    return obligations(plan, reg, as_of)


def test_no_occurrence_on_the_day_of_issue(tmp_path):
    # Issued 31/12/2022: the 2022 occurrence of "hằng năm" (31/12/2022) is not owed.
    rows = plan_rows(tmp_path, D(2024, 6, 30), "hằng năm", issued="2022-12-31")
    assert [r.occurrence for r in rows] == ["2023-12-31", "2024-12-31"]


def test_record_without_ky_goes_to_the_next_occurrence(tmp_path):
    extra = """\
        hoan_thanh:
          - {ngay_hoan_thanh: 2023-11-10}
          - {ky: 2023-11-15, ngay_hoan_thanh: 2023-11-12}
          - {ky: 2024, ngay_hoan_thanh: 2024-11-20}"""
    rows = plan_rows(tmp_path, D(2024, 12, 31), "trước ngày 15/11 hằng năm", extra)
    # No ky, done 10/11/2023 → the 2023 occurrence (first due on or after it); the earliest
    # of the two 2023 records counts; ky 2024 → the 2024 occurrence, 5 days late.
    assert [(r.occurrence, r.status, r.completed, r.days_late) for r in rows] == [
        ("2022-11-15", OVERDUE, None, None),
        ("2023-11-15", DONE_ON_TIME, D(2023, 11, 10), 0),
        ("2024-11-15", DONE_LATE, D(2024, 11, 20), 5),
    ]


def test_single_date_extension_moves_one_occurrence(tmp_path):
    extra = """\
        gia_han:
          - {thoi_han: trước ngày 30/11/2023, ngay: 2023-11-10, van_ban: Công văn số 1/UBND}"""
    rows = plan_rows(tmp_path, D(2024, 6, 30), "trước ngày 15/11 hằng năm", extra)
    assert [(r.occurrence, r.due, r.original_due) for r in rows] == [
        ("2022-11-15", D(2022, 11, 15), D(2022, 11, 15)),
        ("2023-11-15", D(2023, 11, 30), D(2023, 11, 15)),  # the one being extended
        ("2024-11-15", D(2024, 11, 15), D(2024, 11, 15)),
    ]
    assert rows[0].deadline == "trước ngày 30/11/2023"  # the phrase in force for the task


def test_unreadable_extension_leaves_no_due_day(tmp_path):
    extra = """\
        gia_han:
          - {thoi_han: khi có ý kiến, ngay: 2023-01-05, van_ban: Công văn số 2/UBND}"""
    [row] = plan_rows(tmp_path, D(2024, 6, 30), "trước ngày 30/6/2023", extra)
    assert (row.status, row.due, row.original_due) == (NO_DEADLINE, None, D(2023, 6, 30))


def test_successor_record_completes_an_inherited_obligation(tmp_path):
    registry = """\
co_quan:
  - {id: ls.ubnd, ten: UBND tỉnh Lạng Sơn}
  - {id: ls.snv, ten: Sở Nội vụ tỉnh Lạng Sơn}
  - {id: ls.sld, ten: Sở LĐTBXH tỉnh Lạng Sơn, den_ngay: 2025-02-28, ke_thua: ls.snv}
  - {id: ls.huyen, ten: UBND huyện A, den_ngay: 2025-06-30}
  - {id: ls.moi, ten: Sở mới, tu_ngay: 2025-03-01}
  - {id: ls.nhom, ten: Nhóm, nhom: liet_ke, thanh_vien: [ls.sld, ls.snv, ls.huyen, ls.moi]}
"""
    extra = """\
        hoan_thanh:
          - {co_quan: ls.snv, ky: 2024, ngay_hoan_thanh: 2024-11-01}
          - {co_quan: ls.snv, ky: 2025, ngay_hoan_thanh: 2025-11-01}
          - {co_quan: ls.sld, ky: 2025, ngay_hoan_thanh: 2025-11-03}
          - {co_quan: ls.moi, ky: 2025, ngay_hoan_thanh: 2025-11-02}"""
    body = PLAN.format(issued="2024-01-10", text="trước ngày 15/11 hằng năm", lead="ls.nhom",
                       extra=extra).replace("{tu: 2022, den: 2024}", "{tu: 2024, den: 2025}")
    root = write_repo(tmp_path, {"a.yaml": body}, registry=registry)
    plan, reg = _load(root, "a.yaml")
    rows = obligations(plan, reg, D(2025, 12, 31))
    # 2024: SLD did not report and passed it to SNV; SNV's own 2024 record is its own, so the
    # inherited one stays overdue (46 + 365 = 411). 2025: SLD and SNV are one obligation (SNV's
    # record of 01/11 counts); the district, dissolved without a successor, owes nothing; the
    # new body (from 01/03/2025) owes only 2025.
    assert [(r.occurrence, r.agency, r.original_agency, r.status, r.days_overdue)
            for r in rows] == [
        ("2024-11-15", "ls.snv", "ls.sld", OVERDUE, 411),
        ("2024-11-15", "ls.snv", None, DONE_ON_TIME, None),
        ("2024-11-15", "ls.huyen", None, OVERDUE, 411),
        ("2025-11-15", "ls.snv", None, DONE_ON_TIME, None),
        ("2025-11-15", "ls.moi", None, DONE_ON_TIME, None),
    ]
    assert rows[3].completed == D(2025, 11, 1)


def test_window_and_schedule_of_a_plan_without_period(tmp_path):
    body = PLAN.format(issued="2023-05-01", text="hằng quý", lead="ls.snv", extra="").replace(
        "giai_doan: {tu: 2022, den: 2024}\n", "")
    root = write_repo(tmp_path, {"a.yaml": body})
    plan, _ = _load(root, "a.yaml")
    as_of = D(2023, 12, 1)
    assert window(plan, as_of) == (D(2023, 5, 2), D(2024, 12, 1))  # to as-of + 366 days
    occs = schedule(plan.phan[0].nhiem_vu[0], plan, as_of).occurrences
    assert [o.key for o in occs][:3] == ["2023-06-30", "2023-09-30", "2023-12-31"]
