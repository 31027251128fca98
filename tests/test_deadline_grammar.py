"""The deadline grammar on a table of real-style phrases, and the API built on it."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from kehoach.deadline import (
    KIND_NAMES_VI,
    KINDS,
    Deadline,
    Recurrence,
    Relative,
    clear_cache,
    due,
    explain,
    occurrences,
    read_deadline,
    resolve_relative,
    to_json,
)

D = date
REF = D(2023, 3, 1)  # reference (date of issue) for the yearless phrases
_UNSET = object()


def case(
    phrase: str,
    kind: str,
    occ: tuple[date, ...] = (),
    *,
    start: object = _UNSET,
    approx: bool = False,
    inferred: bool = False,
    rec: Recurrence | None = None,
    rel: Relative | None = None,
    errors: tuple[str, ...] = (),
    warnings: tuple[str, ...] = (),
    ref: date | None = None,
) -> object:
    expected = {
        "kind": kind,
        "occ": occ,
        "start": start,
        "approx": approx,
        "inferred": inferred,
        "rec": rec,
        "rel": rel,
        "errors": errors,
        "warnings": warnings,
    }
    return pytest.param(phrase, ref, expected, id=phrase[:60])


Y = Recurrence
SEEDS = [
    case("trước ngày 04/11/2022 (thứ Sáu)", "date", (D(2022, 11, 4),), start=D(2022, 11, 4)),
    case("tháng 3/2022", "month", (D(2022, 3, 31),), start=D(2022, 3, 1)),
    case("dự kiến tháng 12/2022", "month", (D(2022, 12, 31),), approx=True),
    case(
        "dự kiến cuối tháng 4 và tháng 5/2022",
        "dates",
        (D(2022, 4, 30), D(2022, 5, 31)),
        start=D(2022, 4, 1),
        approx=True,
    ),
    case(
        "tháng 3, 5, 10/2022",
        "dates",
        (D(2022, 3, 31), D(2022, 5, 31), D(2022, 10, 31)),
        start=D(2022, 3, 1),
    ),
    case("vào năm 2024", "year", (D(2024, 12, 31),), start=D(2024, 1, 1)),
    case("thực hiện trong giai đoạn 2021-2025", "period", (D(2025, 12, 31),), start=D(2021, 1, 1)),
    case("trong giai đoạn 2021-2025", "period", (D(2025, 12, 31),), start=D(2021, 1, 1)),
    case(
        "thực hiện thường xuyên hằng năm, bắt đầu từ Quý I năm 2022",
        "continuous",
        start=D(2022, 1, 1),
    ),
    case(
        "tổ chức kiểm tra ít nhất 01 lần/năm; thực hiện chế độ thống kê, báo cáo định kỳ hoặc "
        "đột xuất theo yêu cầu của cơ quan có thẩm quyền",
        "recurring",
        start=None,
        rec=Y("year", None),
    ),
    case("Định kỳ trước ngày 15/11 hằng năm", "recurring", rec=Y("year", "11-15"), start=None),
    case("dự kiến tháng 6/2025", "month", (D(2025, 6, 30),), start=D(2025, 6, 1), approx=True),
    case(
        "Tổ chức Hội nghị sơ kết, đánh giá kết quả triển khai thực hiện chương trình vào năm "
        "2024; tổ chức Hội nghị tổng kết chương trình vào năm 2026",
        "dates",
        (D(2024, 12, 31), D(2026, 12, 31)),
        start=D(2024, 1, 1),
    ),
]

NAMED = [
    case("quý II/2023", "quarter", (D(2023, 6, 30),), start=D(2023, 4, 1)),
    case("Quý 3 năm 2024", "quarter", (D(2024, 9, 30),), start=D(2024, 7, 1)),
    case("6 tháng đầu năm 2024", "half_year", (D(2024, 6, 30),), start=D(2024, 1, 1)),
    case("6 tháng cuối năm 2024", "half_year", (D(2024, 12, 31),), start=D(2024, 7, 1)),
    case("chậm nhất ngày 15 tháng 3 năm 2024", "date", (D(2024, 3, 15),)),
    case("trong tháng 9/2023", "month", (D(2023, 9, 30),), start=D(2023, 9, 1)),
    case("hằng tháng", "recurring", rec=Y("month", None), start=None),
    case("hằng quý", "recurring", rec=Y("quarter", None), start=None),
    case(
        "trong 15 ngày kể từ ngày ký",
        "relative",
        rel=Relative(15, "days", "ngày ký"),
        start=None,
    ),
    case(
        "trong 10 ngày làm việc kể từ ngày nhận",
        "relative",
        rel=Relative(10, "working_days", "ngày nhận"),
    ),
    case(
        "từ ngày 01/3/2023 đến ngày 30/6/2023",
        "period",
        (D(2023, 6, 30),),
        start=D(2023, 3, 1),
    ),
    case("31/02/2023", "unknown", errors=("impossible-date",)),
    case("04/11/2022 (thứ Hai)", "date", (D(2022, 11, 4),), errors=("weekday-mismatch",)),
]

SPELLINGS = [
    case("20/6/2023", "date", (D(2023, 6, 20),)),
    case("20/06/2023", "date", (D(2023, 6, 20),)),
    case("20-6-2023", "date", (D(2023, 6, 20),)),
    case("20.6.2023", "date", (D(2023, 6, 20),)),
    case("2023-06-20", "date", (D(2023, 6, 20),)),
    case("ngày 20 tháng 6 năm 2023", "date", (D(2023, 6, 20),)),
    case("20 tháng 6 năm 2023", "date", (D(2023, 6, 20),)),
    case("ngày 20 tháng sáu năm 2023", "date", (D(2023, 6, 20),)),
    case("ngày 20 tháng 6, năm 2023", "date", (D(2023, 6, 20),)),
    case("trước 20/6/2023", "date", (D(2023, 6, 20),)),
    case("chậm nhất ngày 20/06/2023", "date", (D(2023, 6, 20),)),
    case("vào ngày 20/6/2023", "date", (D(2023, 6, 20),)),
    case("hạn chót: 20/6/2023", "date", (D(2023, 6, 20),)),
    case("trước ngày 10/6/2023.", "date", (D(2023, 6, 10),)),
    case("đến hết ngày 31/12/2025", "date", (D(2025, 12, 31),)),
    case("TRƯỚC NGÀY 20/6/2023", "date", (D(2023, 6, 20),)),
    case("truoc ngay 20/6/2023", "date", (D(2023, 6, 20),)),
    case(unicodedata.normalize("NFD", "chậm nhất ngày 20/6/2023"), "date", (D(2023, 6, 20),)),
    case("quy II/2023", "quarter", (D(2023, 6, 30),)),
    case("QUÝ IV NĂM 2023", "quarter", (D(2023, 12, 31),), start=D(2023, 10, 1)),
    case("quý 4/2023", "quarter", (D(2023, 12, 31),)),
    case("Q2/2023", "quarter", (D(2023, 6, 30),)),
    case("quý I năm 2022", "quarter", (D(2022, 3, 31),), start=D(2022, 1, 1)),
    case("tháng 3 năm 2022", "month", (D(2022, 3, 31),)),
    case("tháng 03/2022", "month", (D(2022, 3, 31),)),
    case("tháng 6-2023", "month", (D(2023, 6, 30),)),
    case("hoàn thành 3/2022", "month", (D(2022, 3, 31),)),
    case("thang 12/2022", "month", (D(2022, 12, 31),)),
    case("sáu tháng đầu năm 2024", "half_year", (D(2024, 6, 30),)),
    case("06 tháng cuối năm 2024", "half_year", (D(2024, 12, 31),)),
    case("nửa đầu năm 2025", "half_year", (D(2025, 6, 30),)),
    case("trong 6 tháng đầu năm 2024", "half_year", (D(2024, 6, 30),)),
    case("năm 2025", "year", (D(2025, 12, 31),)),
    case("2024", "year", (D(2024, 12, 31),)),
    case("trong năm 2023", "year", (D(2023, 12, 31),)),
    case("hết năm 2024", "year", (D(2024, 12, 31),)),
]

MARKUP = [
    case("trước ngày **04/11/2022 (thứ Sáu)**", "date", (D(2022, 11, 4),)),
    case(
        "(*dự kiến cuối tháng 4 và tháng 5/2022*)",
        "dates",
        (D(2022, 4, 30), D(2022, 5, 31)),
        approx=True,
    ),
    case("trước ngày 30/6/2023[^1]", "date", (D(2023, 6, 30),)),
    case("**quý II/2023**[^ghi-chu]", "quarter", (D(2023, 6, 30),)),
    case("*Định kỳ* trước ngày **15/11** hằng năm", "recurring", rec=Y("year", "11-15")),
    case("trước\u00a0ngày\t20/6/2023\n", "date", (D(2023, 6, 20),)),
]

SENTENCES = [
    case("gửi Sở Nội vụ tổng hợp trước ngày 10/6/2023", "date", (D(2023, 6, 10),)),
    case(
        "Các sở, ngành báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ) chậm nhất ngày 15/12/2023 "
        "để tổng hợp",
        "date",
        (D(2023, 12, 15),),
    ),
    case(
        "Thực hiện theo Kế hoạch số 12/KH-UBND ngày 10/01/2023 của UBND tỉnh, hoàn thành trước "
        "ngày 30/6/2023",
        "date",
        (D(2023, 6, 30),),
    ),
    case(
        "Sở Tài chính chủ trì, phối hợp các đơn vị liên quan tham mưu trong quý III/2023",
        "quarter",
        (D(2023, 9, 30),),
    ),
    case(
        "Xây dựng và trình UBND tỉnh ban hành Quy chế, dự kiến tháng 10/2023",
        "month",
        (D(2023, 10, 31),),
        approx=True,
    ),
    case(
        "Tổ chức tập huấn cho cán bộ, công chức cấp xã vào quý I và quý II năm 2024",
        "dates",
        (D(2024, 3, 31), D(2024, 6, 30)),
    ),
    case(
        "Triển khai trên địa bàn toàn tỉnh giai đoạn 2021 – 2025",
        "period",
        (D(2025, 12, 31),),
        start=D(2021, 1, 1),
    ),
    case(
        "Báo cáo định kỳ hằng quý, gửi trước ngày 15 tháng cuối quý",
        "recurring",
        rec=Y("quarter", 15),
    ),
    case("Báo cáo trước ngày 20 hằng tháng", "recurring", rec=Y("month", 20)),
    case(
        "Tổ chức sơ kết vào tháng 12 hằng năm",
        "recurring",
        rec=Y("year", "12-31"),
    ),
    case("Tổng kết năm vào quý IV hằng năm", "recurring", rec=Y("year", "12-31")),
    case(
        "Thực hiện năm 2024 và các năm tiếp theo",
        "recurring",
        rec=Y("year", None),
        start=D(2024, 1, 1),
    ),
    case(
        "Rà soát hằng năm trong giai đoạn 2021-2025",
        "recurring",
        rec=Y("year", None),
        start=D(2021, 1, 1),
    ),
    case("Thực hiện thường xuyên", "continuous", start=None),
    case("Thực hiện thường xuyên, liên tục từ năm 2023", "continuous", start=D(2023, 1, 1)),
    case("thực hiện từ ngày 15/3/2023", "continuous", start=D(2023, 3, 15)),
    case("Cập nhật hằng ngày", "continuous"),
    case(
        "trong vòng 03 tháng kể từ ngày Kế hoạch có hiệu lực",
        "relative",
        rel=Relative(3, "months", "ngày Kế hoạch có hiệu lực"),
    ),
    case(
        "chậm nhất 05 ngày làm việc sau khi kết thúc hội nghị",
        "relative",
        rel=Relative(5, "working_days", "kết thúc hội nghị"),
    ),
    case("trong 2 tuần kể từ ngày nhận", "relative", rel=Relative(14, "days", "ngày nhận")),
    case(
        "Trong thời hạn 30 (ba mươi) ngày kể từ ngày nhận đủ hồ sơ, và báo cáo kết quả",
        "relative",
        rel=Relative(30, "days", "ngày nhận đủ hồ sơ"),
    ),
    case(
        "trong 15 ngày",
        "relative",
        rel=Relative(15, "days", ""),
        warnings=("anchor-missing",),
    ),
    case(
        "trong 15 ngày kể từ ngày ký, hoàn thành trước ngày 30/6/2023",
        "relative",
        rel=Relative(15, "days", "ngày ký"),
        warnings=("several-deadlines",),
    ),
    # Cycles are unions: the yearly report falls on the last quarter's day (no warning).
    case("Báo cáo định kỳ hằng quý, hằng năm", "recurring", rec=Y("quarter", None)),
    case(
        "Báo cáo định kỳ 2 tháng một lần và hằng quý",
        "recurring",
        rec=Y("two_months", None),
        warnings=("several-deadlines",),
    ),
    case(
        "Giai đoạn 2021-2025; sơ kết vào năm 2023",
        "period",
        (D(2025, 12, 31),),
        warnings=("several-deadlines",),
    ),
]

RANGES_AND_LISTS = [
    case("từ tháng 3 đến tháng 6/2023", "period", (D(2023, 6, 30),), start=D(2023, 3, 1)),
    case("từ tháng 11 đến tháng 2/2024", "period", (D(2024, 2, 29),), start=D(2023, 11, 1)),
    case("từ 01/3 đến 30/6/2023", "period", (D(2023, 6, 30),), start=D(2023, 3, 1)),
    case("01/3/2023 - 30/6/2023", "period", (D(2023, 6, 30),), start=D(2023, 3, 1)),
    case("tháng 3-5/2022", "period", (D(2022, 5, 31),), start=D(2022, 3, 1)),
    case("quý I-II/2023", "period", (D(2023, 6, 30),), start=D(2023, 1, 1)),
    case("năm 2023-2024", "period", (D(2024, 12, 31),), start=D(2023, 1, 1)),
    case("từ năm 2021 đến năm 2025", "period", (D(2025, 12, 31),), start=D(2021, 1, 1)),
    case("quý I, II năm 2023", "dates", (D(2023, 3, 31), D(2023, 6, 30))),
    case("tháng 3 và tháng 9/2023", "dates", (D(2023, 3, 31), D(2023, 9, 30))),
    case("vào năm 2024, tháng 6/2025", "dates", (D(2024, 12, 31), D(2025, 6, 30))),
    case("tháng 6/2025 (dự kiến tháng 6/2025)", "month", (D(2025, 6, 30),), approx=True),
    case(
        "từ ngày 30/6/2023 đến ngày 01/3/2023",
        "period",
        (D(2023, 3, 1),),
        errors=("period-reversed",),
    ),
]

APPROXIMATE = [
    case("cuối tháng 4/2022", "month", (D(2022, 4, 30),), start=D(2022, 4, 1), approx=True),
    case("đầu tháng 5/2022", "month", (D(2022, 5, 10),), start=D(2022, 5, 1), approx=True),
    case("giữa tháng 5/2022", "month", (D(2022, 5, 20),), approx=True),
    case("cuối quý II/2023", "quarter", (D(2023, 6, 30),), approx=True),
    case("đầu quý III/2023", "quarter", (D(2023, 7, 31),), approx=True),
    case("cuối năm 2024", "year", (D(2024, 12, 31),), approx=True),
    case("đầu năm 2024", "year", (D(2024, 3, 31),), approx=True),
    case("khoảng tháng 7/2023", "month", (D(2023, 7, 31),), approx=True),
    case("hết tháng 6/2023", "month", (D(2023, 6, 30),), approx=False),
]

YEARLESS = [
    case("trước ngày 15/11", "date", (D(2023, 11, 15),), inferred=True, ref=REF),
    case("trước ngày 15/02", "date", (D(2024, 2, 15),), inferred=True, ref=REF),
    case("trước ngày 01/03", "date", (D(2023, 3, 1),), inferred=True, ref=REF),
    case("ngày 29/2", "date", (D(2024, 2, 29),), inferred=True, ref=REF),
    case("tháng 12", "month", (D(2023, 12, 31),), inferred=True, ref=REF),
    case("quý I", "quarter", (D(2023, 3, 31),), inferred=True, ref=REF),
    case("6 tháng đầu năm", "half_year", (D(2023, 6, 30),), inferred=True, ref=REF),
    case("cuối năm", "year", (D(2023, 12, 31),), inferred=True, approx=True, ref=REF),
    case("trong năm", "year", (D(2023, 12, 31),), inferred=True, ref=REF),
    case("từ tháng 3 đến tháng 6", "period", (D(2023, 6, 30),), inferred=True, ref=REF),
    case("trước ngày 15/11", "date", warnings=("year-missing",)),
    case("tháng 12", "month", warnings=("year-missing",)),
]

ERRORS = [
    case("29/2/2023", "unknown", errors=("impossible-date",)),
    case("ngày 31/4/2024", "unknown", errors=("impossible-date",)),
    case("15/13/2023", "unknown", errors=("impossible-date",)),
    case("tháng 13/2023", "unknown", errors=("impossible-date",)),
    case("quý 5/2023", "unknown", errors=("impossible-date",)),
    case("trước ngày 31/2 hằng năm", "recurring", errors=("impossible-date",), rec=Y("year", None)),
    case("04/11/2022 (CN)", "date", (D(2022, 11, 4),), errors=("weekday-mismatch",)),
    case("thứ Hai, ngày 04/11/2022", "date", (D(2022, 11, 4),), errors=("weekday-mismatch",)),
    case("04/11/2022 (thứ 6)", "date", (D(2022, 11, 4),)),
    case("Thứ Sáu, ngày 04/11/2022", "date", (D(2022, 11, 4),)),
    case("29/02/2024", "date", (D(2024, 2, 29),)),
]

UNKNOWN = [
    case("theo yêu cầu của cấp có thẩm quyền", "unknown", warnings=("unrecognized",)),
    case("", "unknown", warnings=("empty",)),
    case("Nghị định số 15/2023/NĐ-CP", "unknown", warnings=("unrecognized",)),
    case("thứ tự ưu tiên", "unknown", warnings=("unrecognized",)),
]

TABLE = SEEDS + NAMED + SPELLINGS + MARKUP + SENTENCES + RANGES_AND_LISTS + APPROXIMATE
TABLE += YEARLESS + ERRORS + UNKNOWN


def test_table_is_large_enough() -> None:
    assert len(TABLE) >= 90


@pytest.mark.parametrize(("phrase", "ref", "expected"), TABLE)
def test_reading(phrase: str, ref: date | None, expected: dict[str, object]) -> None:
    dl = read_deadline(phrase, ref)
    assert dl.phrase == phrase
    assert dl.kind == expected["kind"]
    assert dl.occurrences == expected["occ"]
    if expected["start"] is not _UNSET:
        assert dl.start == expected["start"]
    assert dl.approximate is expected["approx"]
    assert dl.year_inferred is expected["inferred"]
    assert dl.recurrence == expected["rec"]
    assert dl.relative == expected["rel"]
    assert tuple(p.code for p in dl.errors) == expected["errors"]
    assert set(expected["warnings"]) <= {p.code for p in dl.warnings}  # type: ignore[arg-type]
    assert not dl.guess


# --- due, occurrences, relative ------------------------------------------------------


def test_due_of_finite_kinds_ignores_as_of() -> None:
    dl = read_deadline("quý II/2023")
    assert due(dl, D(2020, 1, 1)) == due(dl, D(2030, 1, 1)) == D(2023, 6, 30)
    assert due(read_deadline("giai đoạn 2021-2025"), D(2022, 5, 5)) == D(2025, 12, 31)


def test_due_of_dates_is_next_occurrence_then_last() -> None:
    dl = read_deadline("tháng 3, 5, 10/2022")
    assert due(dl, D(2022, 1, 1)) == D(2022, 3, 31)
    assert due(dl, D(2022, 3, 31)) == D(2022, 3, 31)
    assert due(dl, D(2022, 4, 1)) == D(2022, 5, 31)
    assert due(dl, D(2023, 1, 1)) == D(2022, 10, 31)


def test_due_of_recurring_is_next_on_or_after() -> None:
    yearly = read_deadline("Định kỳ trước ngày 15/11 hằng năm")
    assert due(yearly, D(2023, 11, 15)) == D(2023, 11, 15)
    assert due(yearly, D(2023, 11, 16)) == D(2024, 11, 15)
    assert due(read_deadline("hằng quý"), D(2023, 4, 1)) == D(2023, 6, 30)
    assert due(read_deadline("trước ngày 20 hằng tháng"), D(2023, 2, 21)) == D(2023, 3, 20)
    started = read_deadline("Thực hiện năm 2024 và các năm tiếp theo")
    assert due(started, D(2022, 6, 1)) == D(2024, 12, 31)


@pytest.mark.parametrize(
    "phrase", ["trong 15 ngày kể từ ngày ký", "thường xuyên", "không rõ", "31/02/2023"]
)
def test_due_is_none_without_a_fixed_day(phrase: str) -> None:
    assert due(read_deadline(phrase), D(2023, 1, 1)) is None


def test_occurrences_of_yearly_recurrence_in_window() -> None:
    dl = read_deadline("Định kỳ trước ngày 15/11 hằng năm")
    got = occurrences(dl, D(2021, 12, 31), D(2025, 12, 31))
    assert got == [D(2022, 11, 15), D(2023, 11, 15), D(2024, 11, 15), D(2025, 11, 15)]


def test_occurrences_of_once_a_year_is_year_end() -> None:
    dl = read_deadline("tổ chức kiểm tra ít nhất 01 lần/năm")
    assert occurrences(dl, D(2022, 1, 1), D(2024, 12, 31)) == [
        D(2022, 12, 31),
        D(2023, 12, 31),
        D(2024, 12, 31),
    ]


def test_occurrences_of_quarterly_and_monthly() -> None:
    quarterly = read_deadline("Báo cáo định kỳ hằng quý, gửi trước ngày 15 tháng cuối quý")
    assert occurrences(quarterly, D(2023, 1, 1), D(2023, 12, 31)) == [
        D(2023, 3, 15),
        D(2023, 6, 15),
        D(2023, 9, 15),
        D(2023, 12, 15),
    ]
    monthly = read_deadline("ngày 31 hằng tháng")
    got = occurrences(monthly, D(2024, 1, 1), D(2024, 4, 30))
    assert got == [D(2024, 1, 31), D(2024, 2, 29), D(2024, 3, 31), D(2024, 4, 30)]


def test_occurrences_of_finite_kinds_are_filtered_by_window() -> None:
    dl = read_deadline("tháng 3, 5, 10/2022")
    assert occurrences(dl, D(2022, 4, 1), D(2022, 12, 31)) == [D(2022, 5, 31), D(2022, 10, 31)]
    assert occurrences(read_deadline("thường xuyên"), D(2020, 1, 1), D(2030, 1, 1)) == []


def test_relative_resolution() -> None:
    calendar_days = read_deadline("trong 15 ngày kể từ ngày ký")
    assert resolve_relative(calendar_days, D(2023, 3, 1)) == D(2023, 3, 16)
    working = read_deadline("trong 10 ngày làm việc kể từ ngày nhận")
    # 07/02/2024: Tết Giáp Thìn off 08/02–14/02, so the tenth working day is 28/02.
    assert resolve_relative(working, D(2024, 2, 7)) == D(2024, 2, 28)
    months = read_deadline("trong vòng 01 tháng kể từ ngày ký")
    assert resolve_relative(months, D(2024, 1, 31)) == D(2024, 2, 29)
    assert occurrences(calendar_days, D(2023, 3, 1), D(2023, 12, 31)) == [D(2023, 3, 16)]
    assert occurrences(calendar_days, D(2023, 3, 1), D(2023, 3, 10)) == []
    with pytest.raises(ValueError):
        resolve_relative(read_deadline("quý II/2023"), D(2023, 1, 1))


# --- spans, JSON, explanation ----------------------------------------------------------


def test_span_points_into_the_nfc_text() -> None:
    text = "gửi Sở Nội vụ tổng hợp trước ngày 10/6/2023 để báo cáo"
    dl = read_deadline(text)
    assert dl.span is not None
    assert text[dl.span[0] : dl.span[1]] == "ngày 10/6/2023"
    marked = "trước ngày **04/11/2022 (thứ Sáu)**"
    dl = read_deadline(marked)
    assert dl.span is not None
    assert marked[dl.span[0] : dl.span[1]] == "ngày **04/11/2022 (thứ Sáu)"


def test_weekday_error_names_the_right_weekday() -> None:
    dl = read_deadline("trước ngày 04/11/2022 (thứ Hai)")
    assert [p.message for p in dl.errors] == ["ngày 04/11/2022 là thứ Sáu, không phải thứ Hai"]
    assert not dl.ok


def test_to_json_has_exactly_the_documented_keys() -> None:
    keys = {
        "phrase",
        "kind",
        "due",
        "start",
        "approximate",
        "occurrences",
        "recurrence",
        "year_inferred",
        "guess",
        "warnings",
        "errors",
    }
    for phrase in ["quý II/2023", "hằng năm", "31/02/2023", "trước ngày 15/11", ""]:
        assert set(to_json(read_deadline(phrase), D(2023, 1, 1))) == keys


def test_to_json_values() -> None:
    data = to_json(read_deadline("Định kỳ trước ngày 15/11 hằng năm"), D(2023, 12, 1))
    assert data["kind"] == "recurring"
    assert data["due"] == "2024-11-15"
    assert data["recurrence"] == {"every": "year", "day": "11-15", "days": None, "lunar": None}
    assert data["occurrences"] == []
    data = to_json(read_deadline("dự kiến cuối tháng 4 và tháng 5/2022"), D(2022, 5, 1))
    assert data["due"] == "2022-05-31"
    assert data["occurrences"] == ["2022-04-30", "2022-05-31"]
    assert data["approximate"] is True
    data = to_json(read_deadline("04/11/2022 (thứ Hai)"), D(2022, 1, 1))
    assert data["errors"][0]["code"] == "weekday-mismatch"
    assert data["warnings"] == []


def test_explain_mentions_kind_due_and_flags() -> None:
    text = explain(read_deadline("quý II/2023"), D(2023, 5, 1))
    assert text.splitlines()[0] == "Loại: quý (quý II/2023)"
    assert "Hạn cuối đúng hạn: 30/06/2023" in text
    approx = explain(read_deadline("dự kiến tháng 6/2025"), D(2025, 1, 1))
    assert "thời hạn dự kiến" in approx
    inferred = explain(read_deadline("trước ngày 15/11", REF), D(2023, 3, 1))
    assert "Năm được suy ra từ ngày 01/03/2023" in inferred
    wrong = explain(read_deadline("04/11/2022 (thứ Hai)"), D(2022, 1, 1))
    assert "Lỗi: ngày 04/11/2022 là thứ Sáu, không phải thứ Hai" in wrong


def test_kind_names_cover_every_kind() -> None:
    assert set(KIND_NAMES_VI) == set(KINDS)
    assert all(KIND_NAMES_VI.values())


# --- dateparser fallback ----------------------------------------------------------------


def test_fallback_reads_unknown_forms_as_a_guess() -> None:
    dl = read_deadline("hạn 2023/06/20")
    assert (dl.kind, dl.occurrences, dl.guess) == ("date", (D(2023, 6, 20),), True)
    assert "guessed" in {p.code for p in dl.warnings}
    assert "phỏng đoán (dateparser)" in explain(dl, D(2023, 1, 1))


def test_no_fallback_without_digits(monkeypatch: pytest.MonkeyPatch) -> None:
    import kehoach.deadline.fallback as fallback

    def boom(*args: object) -> None:
        raise AssertionError("fallback called")

    monkeypatch.setattr(fallback, "guess_date", boom)
    clear_cache()
    dl = read_deadline("theo yêu cầu của cấp trên")
    assert dl.kind == "unknown"


def test_fallback_failure_is_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    import dateparser.search

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("dateparser exploded")

    monkeypatch.setattr(dateparser.search, "search_dates", boom)
    clear_cache()
    dl = read_deadline("hạn 2023/06/20")
    assert dl.kind == "unknown" and not dl.guess and not dl.errors
    clear_cache()


def test_dateparser_is_not_imported_by_the_grammar() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from kehoach.deadline import read_deadline; "
        "read_deadline('trước ngày 04/11/2022'); read_deadline('thường xuyên'); "
        "print('dateparser' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_memoised_readings_are_shared_and_clearable() -> None:
    first = read_deadline("Quý IV/2023", D(2023, 1, 1))
    assert read_deadline("Quý IV/2023", D(2023, 1, 1)) is first
    assert read_deadline("Quý IV/2023") == first  # another reference, an equal reading
    clear_cache()
    assert read_deadline("Quý IV/2023", D(2023, 1, 1)) is not first


def test_reader_never_raises_on_odd_input() -> None:
    for text in [None, 42, b"15/11/2023"]:
        dl = read_deadline(text)  # type: ignore[arg-type]
        assert dl.kind == "unknown" and dl.problems[0].code == "internal-error"
    for text in ["\x00\x01", "🎉" * 50, "\u202e15/11/2023", "a" * 10_000, "ngày " * 3000]:
        dl = read_deadline(text)
        assert isinstance(dl, Deadline)
        assert "internal-error" not in {p.code for p in dl.problems}
    long = "x" * 2500 + " trước ngày 10/6/2023"
    assert "input-truncated" in {p.code for p in read_deadline(long).warnings}
