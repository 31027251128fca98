"""A plan must stay within what every command can handle (``kehoach.plan.limits``): printed
entries, tasks, table cells, the period's length and the obligation rows (counted as of today,
as the tracking commands count them as of the day they are asked).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from kehoach.check.rules.base import Finding, PlanContext, finding
from kehoach.deadline.clock import today_vn
from kehoach.load.guard import number_vi
from kehoach.plan.limits import MAX_ENTRIES, MAX_PERIOD_YEARS, MAX_TABLE_CELLS, MAX_TASKS
from kehoach.plan.model import Plan
from kehoach.plan.walk import ItemRef, Path, iter_items
from kehoach.tracking.bounds import past_limit

CODES = frozenset({
    "period-too-long",
    "too-many-items",
    "too-many-tasks",
    "table-too-large",
    "too-many-obligations",
})
"""The codes this rule emits (severities and explanations: kehoach.diagnostics.codes)."""


def check(ctx: PlanContext) -> Iterator[Finding]:
    plan = ctx.plan
    period = plan.giai_doan
    if period is not None and period.end.year - period.start.year + 1 > MAX_PERIOD_YEARS:
        yield finding(("giai_doan", "den"), "period-too-long",
                      f"Giai đoạn {period.start.year}–{period.end.year} dài hơn "
                      f"{MAX_PERIOD_YEARS} năm, giới hạn của kehoach.")
    for path in islice(printed_entries(plan, ctx.items), MAX_ENTRIES, MAX_ENTRIES + 1):
        yield finding(path, "too-many-items",
                      f"Kế hoạch có hơn {number_vi(MAX_ENTRIES)} mục in ra (phần, mục, căn cứ, "
                      "đoạn kết, nơi nhận, chú thích, thành viên ban tổ chức, chương trình sự "
                      "kiện); hãy tách thành nhiều kế hoạch.")
    refs = ctx.tasks
    if len(refs) > MAX_TASKS:
        yield finding((*refs[MAX_TASKS].path, "id"), "too-many-tasks",
                      f"Kế hoạch có hơn {number_vi(MAX_TASKS)} nhiệm vụ; hãy tách thành nhiều kế "
                      "hoạch.")
    yield from _tables(plan)
    excess = past_limit(plan, ctx.registry, today_vn(), refs)
    if excess is not None:
        yield finding(excess.path, "too-many-obligations", excess.message)


def printed_entries(plan: Plan, items: Iterable[ItemRef] | None = None) -> Iterator[Path]:
    """The data path of every entry the document prints as a paragraph or a row of its own,
    in the order of the plan's keys (``items``: the plan's ``iter_items``, when walked)."""
    yield from (("can_cu", i) for i in range(len(plan.can_cu)))
    for ref in iter_items(plan) if items is None else items:
        yield ref.path
        item = ref.item
        if item.ban_to_chuc is not None:
            members = range(len(item.ban_to_chuc.thanh_vien))
            yield from ((*ref.path, "ban_to_chuc", "thanh_vien", i) for i in members)
        if item.su_kien is not None:
            agenda = range(len(item.su_kien.chuong_trinh))
            yield from ((*ref.path, "su_kien", "chuong_trinh", i) for i in agenda)
    for key in ("ket_thuc", "noi_nhan", "chu_thich"):
        yield from ((key, i) for i in range(len(getattr(plan, key))))


def _tables(plan: Plan) -> Iterator[Finding]:
    cells = 0
    for i, annex in enumerate(plan.phu_luc):
        if annex.bang is None:
            continue
        cells += len(annex.bang.cot) + sum(len(row) for row in annex.bang.dong)
        if cells > MAX_TABLE_CELLS:
            yield finding(("phu_luc", i, "bang"), "table-too-large",
                          f"Các bảng phụ lục có hơn {number_vi(MAX_TABLE_CELLS)} ô; hãy giữ bảng "
                          "lớn ở tệp riêng (ben_ngoai).")
            return
