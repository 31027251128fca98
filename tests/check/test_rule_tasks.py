"""kehoach.check.rules.tasks: leads, quoted deadlines and excerpts, completions, annexes."""

from __future__ import annotations

import pytest

from tests.check.conftest import BASE, with_task_fields


def _completion(fields: str) -> str:
    return with_task_fields("            hoan_thanh:\n              - " + fields)


SHARED = """\
      - so: "2."
        noi_dung: Công tác chuẩn bị
        thoi_han: trước ngày 20/6/2023
        muc:
          - so: "-"
            noi_dung: Xây dựng kịch bản hội nghị.
            nhiem_vu:
              - id: t2
                chu_tri: ls.snv
          - so: "-"
            noi_dung: Gửi giấy mời đại biểu.
            nhiem_vu:
              - id: t3
                chu_tri: ls.snv
          - so: "*"
            noi_dung: Hoàn thành công tác chuẩn bị trước ngày 20/6/2023.
"""
"""An item whose deadline, written once after its dashes, governs the tasks under it."""

MENTION = """\
      - so: "2."
        noi_dung: Tỉnh đoàn phối hợp với Sở Nội vụ tổng hợp, báo cáo.
        nhiem_vu_lien_quan: [t1]
"""
"""An item that mentions the task t1, tracked in item 1."""


def _after_task(text: str) -> str:
    """BASE with ``text`` (items of part I) after item 1."""
    return BASE.replace("chu_ky:\n", text + "chu_ky:\n")


CASES = {
    "a deadline written once for several items": (_after_task(SHARED), []),
    "a deadline for several items that their text does not say": (
        _after_task(SHARED.replace("thoi_han: trước ngày 20/6/2023",
                                   "thoi_han: trước ngày 21/6/2023")),
        [(24, 19, "deadline-not-in-text")],
    ),
    "a task's own deadline under a shared one is its own": (
        _after_task(SHARED.replace("                chu_tri: ls.snv\n          - so: \"-\"\n",
                                   "                chu_tri: ls.snv\n"
                                   "                thoi_han: tháng 5/2023\n"
                                   "          - so: \"-\"\n", 1)),
        [(31, 27, "deadline-not-in-text")],
    ),
    "a mention of a task tracked elsewhere": (_after_task(MENTION), []),
    "a mention of a task the plan does not have": (
        _after_task(MENTION.replace("[t1]", "[t1, t9]")), [(24, 34, "task-reference-unknown")],
    ),
    "a task without a lead": (
        BASE.replace("            chu_tri: ls.snv\n", ""), [(19, 17, "task-no-lead")],
    ),
    "a lead inherited from the item": (
        BASE.replace("            chu_tri: ls.snv\n", "").replace(
            '      - so: "1."\n', '      - so: "1."\n        co_quan: [ls.snv]\n'),
        [],
    ),
    "a deadline the text does not say": (
        BASE.replace("thoi_han: trước ngày 15/11/2022", "thoi_han: trước ngày 16/11/2022"),
        [(21, 23, "deadline-not-in-text")],
    ),
    "an excerpt the text does not have": (
        with_task_fields("            noi_dung: Sở Nội vụ tổng hợp số liệu\n"),
        [(22, 23, "task-text-not-in-item")],
    ),
    "an excerpt of the text": (
        with_task_fields("            noi_dung: Sở Nội vụ tổng hợp, báo cáo\n"), [],
    ),
    "a completion by a body not assigned": (
        _completion("co_quan: ls.ubnd\n                ngay_hoan_thanh: 2022-11-10\n"),
        [(23, 26, "completion-assignee")],
    ),
    "a completion without its body where several must complete": (
        _completion("ngay_hoan_thanh: 2022-11-10\n").replace(
            "chu_tri: ls.snv", "chu_tri: [ls.snv, ls.tinh-doan]"),
        [(23, 17, "completion-assignee")],
    ),
    "a completion of a year not scheduled": (
        _completion("ky: 2023\n                ngay_hoan_thanh: 2023-11-10\n"),
        [(23, 21, "completion-unknown-occurrence")],
    ),
    "a completion of a due day not scheduled": (
        _completion("ky: 2022-11-16\n                ngay_hoan_thanh: 2022-11-10\n"),
        [(23, 21, "completion-unknown-occurrence")],
    ),
    "a year that holds two occurrences": (
        _completion("ky: 2022\n                ngay_hoan_thanh: 2022-06-10\n").replace(
            "trước ngày 15/11/2022", "trước ngày 15/6 và 15/12 hằng năm"),
        [(23, 21, "completion-year-ambiguous")],
    ),
    "a year that holds one occurrence": (
        _completion("ky: 2022\n                ngay_hoan_thanh: 2022-11-10\n").replace(
            "trước ngày 15/11/2022", "trước ngày 15/11 hằng năm"), [],
    ),
    "a completion of the scheduled due day": (
        _completion("ky: 2022-11-15\n                ngay_hoan_thanh: 2022-11-10\n"), [],
    ),
    "an annex listing a task the plan does not have": (
        BASE + "phu_luc:\n  - so: I\n    bang_nhiem_vu: [t1, t9]\n",
        [(28, 25, "annex-unknown-task")],
    ),
    "an annex listing the plan's tasks": (
        BASE + "phu_luc:\n  - so: I\n    bang_nhiem_vu: [t1]\n", [],
    ),
}


@pytest.mark.parametrize("text,expected", list(CASES.values()), ids=list(CASES))
def test_tasks_rule(assert_diagnostics, text, expected):
    assert_diagnostics(text, expected)
