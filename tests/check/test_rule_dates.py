"""kehoach.check.rules.dates: periods, legal bases, extensions and completions in order."""

from __future__ import annotations

import pytest

from tests.check.conftest import BASE, with_task_fields


def _extension(thoi_han: str, day: str, document: str) -> str:
    return (f"              - thoi_han: {thoi_han}\n                ngay: {day}\n"
            f"                van_ban: {document}\n")


CASES = {
    "a period that ends before it starts": (
        BASE.replace("trich_yeu:", "giai_doan: {tu: 2026, den: 2022}\ntrich_yeu:"),
        [(6, 28, "dates-order")],
    ),
    "a period in order": (
        BASE.replace("trich_yeu:", "giai_doan: {tu: 2022, den: 2026}\ntrich_yeu:"), [],
    ),
    "a legal basis dated after the plan": (
        BASE.replace("ngày 24/7/2021", "ngày 24/7/2022").replace(
            "ngay: 2021-07-24", "ngay: 2022-07-24"),
        [(11, 11, "dates-order")],
    ),
    "an extension granted before the plan": (
        with_task_fields("            gia_han:\n" + _extension(
            "trước ngày 30/11/2022", "2021-12-01", "Công văn số 15/UBND-VP")),
        [(24, 23, "dates-order")],
    ),
    "extensions out of order": (
        with_task_fields(
            "            gia_han:\n"
            + _extension("trước ngày 30/11/2022", "2022-11-10", "Công văn số 15/UBND-VP")
            + _extension("trước ngày 15/12/2022", "2022-11-01", "Công văn số 16/UBND-VP")),
        [(27, 23, "dates-order")],
    ),
    "a completion before the plan was issued": (
        with_task_fields("            hoan_thanh:\n              - ngay_hoan_thanh: 2021-11-10\n"),
        [(23, 34, "completion-before-issue")],
    ),
}


@pytest.mark.parametrize("text,expected", list(CASES.values()), ids=list(CASES))
def test_dates_rule(assert_diagnostics, text, expected):
    assert_diagnostics(text, expected)
