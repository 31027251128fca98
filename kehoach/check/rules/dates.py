"""Dates must be in order: a period ends after it starts, a plan cites only earlier
documents, and extensions follow the plan.
"""

from __future__ import annotations

from collections.abc import Iterator

from kehoach.check.rules.base import Finding, PlanContext, finding

CODES = frozenset({
    "dates-order",
    "completion-before-issue",
})
"""The codes this rule emits (severities and explanations: kehoach.diagnostics.codes)."""


def check(ctx: PlanContext) -> Iterator[Finding]:
    plan = ctx.plan
    if plan.giai_doan and plan.giai_doan.end < plan.giai_doan.start:
        yield finding(("giai_doan", "den"), "dates-order", "Giai đoạn kết thúc trước khi bắt đầu.")
    issued = plan.ngay_ban_hanh
    if issued is None:
        return
    for i, basis in enumerate(plan.can_cu):
        if basis.ngay and basis.ngay > issued:
            yield finding(("can_cu", i, "ngay"), "dates-order",
                          f"Căn cứ đề ngày {basis.ngay:%d/%m/%Y}, sau ngày ban hành kế hoạch "
                          f"({issued:%d/%m/%Y}).")
    for ref in ctx.tasks:
        for j, ext in enumerate(ref.task.gia_han):
            if ext.ngay < issued:
                yield finding((*ref.path, "gia_han", j, "ngay"), "dates-order",
                              "Ngày gia hạn trước ngày ban hành kế hoạch.")
            if j and ext.ngay < ref.task.gia_han[j - 1].ngay:
                yield finding((*ref.path, "gia_han", j, "ngay"), "dates-order",
                              "Các lần gia hạn phải theo thứ tự thời gian.")
        for j, done in enumerate(ref.task.hoan_thanh):
            if done.ngay_hoan_thanh < issued:
                yield finding((*ref.path, "hoan_thanh", j, "ngay_hoan_thanh"),
                              "completion-before-issue",
                              "Ngày hoàn thành trước ngày ban hành kế hoạch.")
