"""A plan must stay within the limits every command can handle (``kehoach.plan.limits``).

Codes (errors): ``too-many-items``, ``too-many-tasks``, ``table-too-large``,
``period-too-long``, ``too-many-obligations`` (counted as of today, as the tracking commands
count it as of the day they are asked).
"""

from __future__ import annotations

from collections.abc import Iterator

from kehoach.check.rules.base import Finding, PlanContext, finding
from kehoach.deadline.clock import today_vn
from kehoach.plan.limits import MAX_ITEMS, MAX_PERIOD_YEARS, MAX_TABLE_CELLS, MAX_TASKS
from kehoach.plan.walk import iter_items, iter_tasks
from kehoach.tracking.bounds import CODE, past_limit


def _n(count: int) -> str:
    return f"{count:,}".replace(",", ".")


def check(ctx: PlanContext) -> Iterator[Finding]:
    plan = ctx.plan
    period = plan.giai_doan
    if period is not None and period.end.year - period.start.year + 1 > MAX_PERIOD_YEARS:
        yield finding(("giai_doan", "den"), "period-too-long",
                  f"Giai đoạn {period.start.year}–{period.end.year} dài hơn {MAX_PERIOD_YEARS} "
                  "năm, giới hạn của kehoach.")
    for i, ref in enumerate(iter_items(plan)):
        if i == MAX_ITEMS:
            yield finding(ref.path, "too-many-items", f"Kế hoạch có hơn {_n(MAX_ITEMS)} mục (phần "
                      "và mục con); hãy tách thành nhiều kế hoạch hoặc đưa vào phụ lục ngoài.")
            break
    for i, task in enumerate(iter_tasks(plan)):
        if i == MAX_TASKS:
            yield finding((*task.path, "id"), "too-many-tasks", f"Kế hoạch có hơn {_n(MAX_TASKS)} "
                      "nhiệm vụ; hãy tách thành nhiều kế hoạch.")
            break
    yield from _tables(ctx)
    excess = past_limit(plan, ctx.registry, today_vn())
    if excess is not None:
        yield finding(excess.path, CODE, excess.message)


def _tables(ctx: PlanContext) -> Iterator[Finding]:
    cells = 0
    for i, annex in enumerate(ctx.plan.phu_luc):
        if annex.bang is None:
            continue
        cells += len(annex.bang.cot) + sum(len(row) for row in annex.bang.dong)
        if cells > MAX_TABLE_CELLS:
            yield finding(("phu_luc", i, "bang"), "table-too-large",
                      f"Các bảng phụ lục có hơn {_n(MAX_TABLE_CELLS)} ô; hãy giữ bảng lớn ở tệp "
                      "riêng (ben_ngoai).")
            return
