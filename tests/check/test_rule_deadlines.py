"""kehoach.check.rules.deadlines: the deadline reader's problems, placed at the phrase."""

from __future__ import annotations

import pytest

from kehoach.deadline import clear_cache
from tests.check.conftest import BASE, with_task_fields

DRAFT = BASE.replace("loai: ke_hoach\n", "loai: ke_hoach\ndu_thao: true\n").replace(
    "ngay_ban_hanh: 2021-12-31\n", "")


def deadline(phrase: str, text: str = BASE) -> str:
    """The plan with the task's deadline, in its field and in the item's text, ``phrase``."""
    return text.replace("trước ngày 15/11/2022", phrase)


def extension(phrase: str) -> str:
    """The plan with an extension whose new deadline is ``phrase`` (its value at 23:27)."""
    return with_task_fields(
        f"            gia_han:\n              - thoi_han: {phrase}\n"
        "                ngay: 2022-11-01\n                van_ban: Công văn số 15/UBND-VP\n")


CASES = {
    "a day the month does not have": (
        deadline("trước ngày 31/11/2022"), [(21, 23, "impossible-date")],
    ),
    "29 February of a common year": (
        deadline("trước ngày 29/02/2023"), [(21, 23, "impossible-date")],
    ),
    "the wrong weekday": (deadline("ngày 04/11/2022 (thứ Hai)"), [(21, 23, "weekday-mismatch")]),
    "the right weekday": (deadline("ngày 04/11/2022 (thứ Sáu)"), []),
    "a period that ends before it starts": (
        deadline("từ ngày 01/12/2022 đến ngày 30/11/2022"), [(21, 23, "period-reversed")],
    ),
    "no year and no day of issue": (
        deadline("trước ngày 15/11", DRAFT), [(21, 23, "year-missing")],
    ),
    "no year, counted from the day of issue": (deadline("trước ngày 15/11"), []),
    "several deadlines": (
        deadline("định kỳ 2 tháng một lần và hằng quý"), [(21, 23, "several-deadlines")],
    ),
    "cycles that nest are one": (deadline("hằng quý, hằng năm"), []),
    "a phrase read only in part": (
        deadline("Báo cáo 5 tháng, gửi trước ngày 10/6/2022"), [(21, 23, "partial")],
    ),
    "a year's name that is not the number's": (
        deadline("trước Tết Nguyên đán Giáp Thìn 2025"), [(21, 23, "year-name-mismatch")],
    ),
    "Tết of a year named": (deadline("trước Tết Nguyên đán Giáp Thìn 2024"), []),
    "working days across a Tết not announced yet": (
        deadline("trong 10 ngày làm việc kể từ ngày 02/02/2027"),
        [(21, 23, "working-days-approximate")],
    ),
    "counted back from an event the plan gives no day for": (
        deadline("15 ngày trước ngày tổ chức"), [(21, 23, "event-day-missing")],
    ),
    "counted back from the event's day": (
        deadline("15 ngày trước ngày tổ chức").replace(
            '      - so: "1."\n',
            '      - so: "1."\n        su_kien: {thoi_gian: ngày 26/3/2023}\n'),
        [],
    ),
    "a relative deadline without its anchor": (
        deadline("trong 15 ngày"), [(21, 23, "anchor-missing")],
    ),
    "a relative deadline with its anchor": (deadline("trong 15 ngày kể từ ngày ký"), []),
    "a deadline only guessed": (deadline("hạn 20/6/23"), [(21, 23, "guessed")]),
    "no deadline to read": (deadline("khi có điều kiện"), [(21, 23, "unrecognized")]),
    "a draft's recurring deadline with no period to count from": (
        deadline("hằng quý", DRAFT), [(21, 23, "recurring-without-start")],
    ),
    "a draft's recurring deadline within its period": (
        deadline("hằng quý", DRAFT.replace("phan:\n", "giai_doan: {tu: 2024, den: 2025}\nphan:\n")),
        [],
    ),
    "a deadline written once for several items, read where it is written": (
        BASE.replace('        noi_dung: Sở Nội vụ tổng hợp, báo cáo trước ngày 15/11/2022.\n',
                     '        noi_dung: Sở Nội vụ tổng hợp, báo cáo trước ngày 31/11/2022.\n'
                     '        thoi_han: trước ngày 31/11/2022\n')
        .replace("            thoi_han: trước ngày 15/11/2022\n", ""),
        [(18, 19, "impossible-date")],
    ),
    "a blank deadline": (
        BASE.replace("thoi_han: trước ngày 15/11/2022", 'thoi_han: " "'), [(21, 23, "empty")],
    ),
    "a blank extension": (extension('" "'), [(23, 27, "empty")]),
    "an extension too long to read": (
        extension("trước ngày 30/11/2022 " + "x" * 2100), [(23, 27, "input-truncated")],
    ),
}


@pytest.mark.parametrize("text,expected", list(CASES.values()), ids=list(CASES))
def test_deadlines_rule(assert_diagnostics, text, expected):
    assert_diagnostics(text, expected)


def test_a_bug_in_the_reader_is_reported_not_raised(assert_diagnostics, monkeypatch):
    import kehoach.deadline.grammar as grammar

    def broken(text, reference):
        raise ZeroDivisionError

    clear_cache()
    monkeypatch.setattr(grammar, "_read", broken)
    try:
        assert_diagnostics(BASE, [(21, 23, "internal-error")])
    finally:
        clear_cache()  # no broken reading outlives the test
