"""Relative deadlines against the plan: an event's day, and working days across Tết.

Codes: ``event-day-missing`` (a deadline counted back from an event — "15 ngày trước ngày tổ
chức" — whose day the plan does not give in ``su_kien.thoi_gian``), ``working-days-approximate``
(working days counted from the date of issue across a Tết whose days off are not announced
yet, so the due day is an estimate). The tracker's rules: docs/tracking.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from kehoach.check.rules.base import Finding, PlanContext, finding
from kehoach.plan.model import Task
from kehoach.tracking.schedule import reference_day

CODES = frozenset({"event-day-missing", "working-days-approximate"})
"""The codes this rule emits (severities and explanations: kehoach.diagnostics.codes)."""


def check(ctx: PlanContext) -> Iterator[Finding]:
    from kehoach.deadline import read_deadline

    ref_day = reference_day(ctx.plan)
    for ref in ctx.tasks:
        if ref.task.thoi_han:
            reading = read_deadline(ref.task.thoi_han, reference=ref_day)
            if reading.kind == "relative" and reading.relative is not None:
                yield from _relative(ctx, ref.task, reading, (*ref.path, "thoi_han"))


def _relative(ctx: PlanContext, task: Task, reading: Any, path: tuple[Any, ...]
              ) -> Iterator[Finding]:
    from kehoach.deadline import resolve_relative
    from kehoach.deadline.calendar import crosses_unannounced
    from kehoach.tracking.schedule import event_day

    rel = reading.relative
    anchor: dt.date | None = (event_day(ctx.plan, task) if rel.amount < 0
                              else ctx.plan.ngay_ban_hanh)
    if anchor is None and rel.amount < 0:
        yield finding(path, "event-day-missing",
                      f"Thời hạn tính lùi từ “{rel.anchor}” nhưng kế hoạch không ghi ngày của sự "
                      "kiện (su_kien.thoi_gian) nên không tính được hạn.")
    elif anchor is not None and rel.unit == "working_days":
        due = resolve_relative(reading, anchor)
        if crosses_unannounced(anchor, due):
            yield finding(path, "working-days-approximate",
                          f"Hạn {due:%d/%m/%Y} tính qua kỳ nghỉ Tết năm chưa công bố lịch nghỉ: "
                          "ngày nghỉ được ước tính, hạn có thể lệch khi lịch nghỉ được công bố.")
