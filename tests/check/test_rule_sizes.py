"""Rule sizes: a plan within what every command can handle — printed entries, tasks, table
cells, the period, the obligation rows — each limit met exactly, then passed by one."""

from __future__ import annotations

import pytest

from kehoach.plan.limits import (
    MAX_ENTRIES,
    MAX_OBLIGATIONS,
    MAX_PERIOD_YEARS,
    MAX_TABLE_CELLS,
    MAX_TASKS,
)
from tests.check.conftest import BASE

# BASE prints three entries: its legal basis, the part I. and the item 1.
BASE_ENTRIES = 3


def closing(paragraphs: int) -> str:
    return BASE + "ket_thuc:\n" + "".join(f"  - Đoạn kết {i}.\n" for i in range(paragraphs))


def test_printed_entries_up_to_the_limit(assert_diagnostics):
    assert_diagnostics(closing(MAX_ENTRIES - BASE_ENTRIES), [])


def test_one_printed_entry_more(assert_diagnostics):
    # the last paragraph is the 1,501st entry: line 26 is "ket_thuc:", 1,498 paragraphs follow
    assert MAX_ENTRIES - BASE_ENTRIES + 1 == 1_498
    assert_diagnostics(closing(1_498), [(1_524, 5, "too-many-items")])


def test_committee_members_and_agenda_rows_count_as_entries(assert_diagnostics):
    members = "".join(f"          - ho_ten: Thành viên {i}\n" for i in range(MAX_ENTRIES - 4))
    agenda = "          - noi_dung: Khai mạc\n          - noi_dung: Bế mạc\n"
    text = BASE.replace(
        "        nhiem_vu:\n",
        "        ban_to_chuc:\n          thanh_vien:\n" + members
        + "        su_kien:\n          chuong_trinh:\n" + agenda + "        nhiem_vu:\n")
    # 3 + 1,496 members + 2 agenda rows: the second agenda row (line 18 + 2 + 1,496 + 2 + 1)
    # is the 1,501st entry
    assert_diagnostics(text, [(1_519, 13, "too-many-items")])


def tasks(count: int) -> str:
    extra = "".join(f"          - id: t{i}\n            chu_tri: ls.snv\n"
                    for i in range(2, count + 1))
    return BASE.replace("chu_ky:\n", extra + "chu_ky:\n", 1)


def test_tasks_up_to_the_limit(assert_diagnostics):
    assert_diagnostics(tasks(MAX_TASKS), [])


def test_one_task_more(assert_diagnostics):
    # t1 is on lines 19–21; t2… take two lines each from line 22: t501 is on line 1020
    assert MAX_TASKS == 500
    assert_diagnostics(tasks(MAX_TASKS + 1), [(1_020, 17, "too-many-tasks")])


def table(cells: int) -> str:
    rows = "".join(f"        - [ô {i}]\n" for i in range(cells - 1))
    return BASE + "phu_luc:\n  - so: I\n    bang:\n      cot: [Cột]\n      dong:\n" + rows


def test_table_cells_up_to_the_limit(assert_diagnostics):
    assert_diagnostics(table(MAX_TABLE_CELLS), [])


def test_one_table_cell_more(assert_diagnostics):
    assert_diagnostics(table(MAX_TABLE_CELLS + 1), [(29, 7, "table-too-large")])


@pytest.mark.parametrize("last,expected", [
    (2020 + MAX_PERIOD_YEARS, []),
    (2021 + MAX_PERIOD_YEARS, [(26, 28, "period-too-long")]),
    (2199, [(26, 28, "period-too-long")]),
])
def test_the_period(assert_diagnostics, last, expected):
    assert_diagnostics(BASE + f"giai_doan: {{tu: 2021, den: {last}}}\n", expected)


# A listed group of 50 bodies, and tasks due "before the 5th of every month" from January
# 2022 (the day after the date of issue) to April 2030: 100 months × 50 bodies = 5,000 rows
# each, so 10 tasks give exactly MAX_OBLIGATIONS rows.
MEMBERS = 50
GROUP_REGISTRY = "co_quan:\n  - id: ls.ubnd\n    ten: Ủy ban nhân dân tỉnh\n" + "".join(
    f"  - id: ls.s{i}\n    ten: Sở số {i}\n" for i in range(MEMBERS)
) + "  - id: ls.nhom\n    ten: Các sở\n    nhom: liet_ke\n    thanh_vien: [" + ", ".join(
    f"ls.s{i}" for i in range(MEMBERS)) + "]\n"
MONTHLY = "trước ngày 5 hằng tháng"


def monthly(count: int) -> str:
    text = BASE.replace("chu_tri: ls.snv", "chu_tri: ls.nhom")
    text = text.replace("thoi_han: trước ngày 15/11/2022", f"thoi_han: {MONTHLY}")
    text = text.replace("báo cáo trước ngày 15/11/2022.", f"báo cáo {MONTHLY}.")
    extra = "".join(f"          - id: t{i}\n            chu_tri: ls.nhom\n"
                    f"            thoi_han: {MONTHLY}\n" for i in range(2, count + 1))
    return text.replace("chu_ky:\n", extra + "chu_ky:\n", 1) + (
        "giai_doan: {tu: 2022-01-01, den: 2030-04-30}\n")


def test_obligations_up_to_the_limit(assert_diagnostics):
    assert 10 * 100 * MEMBERS == MAX_OBLIGATIONS
    assert_diagnostics(monthly(10), [], registry=GROUP_REGISTRY)


def test_the_task_that_passes_the_obligation_limit(assert_diagnostics):
    # t2… take three lines each from line 22: t11's deadline is on line 22 + 9 × 3 + 2
    assert_diagnostics(monthly(11), [(51, 23, "too-many-obligations")],
                       registry=GROUP_REGISTRY)
