"""Deadline phrases must be readable and possible.

The codes are the deadline reader's own (docs/deadlines.md), placed at the phrase.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from kehoach.check.rules.base import Finding, PlanContext, finding
from kehoach.tracking.schedule import reference_day

CODES = frozenset({
    "impossible-date",
    "weekday-mismatch",
    "period-reversed",
    "year-missing",
    "several-deadlines",
    "anchor-missing",
    "guessed",
    "unrecognized",
    "empty",
    "input-truncated",
    "internal-error",
    "year-name-mismatch",
    "partial",
    "working-days-approximate",
    "recurring-without-start",
})
"""The codes this rule emits (severities and explanations: kehoach.diagnostics.codes)."""


def check(ctx: PlanContext) -> Iterator[Finding]:
    from kehoach.deadline import read_deadline

    ref_day = reference_day(ctx.plan)
    # A deadline written for several items is read once, where it is written.
    phrases: list[tuple[tuple[Any, ...], str, dt.date | None]] = [
        ((*ref.path, "thoi_han"), ref.item.thoi_han, ref_day)
        for ref in ctx.items if ref.item.thoi_han]
    for ref in ctx.tasks:
        # An extension's phrase counts from the day it was granted ("đến 30/11" of that year).
        if ref.task.thoi_han and ref.deadline_from is None:
            phrases.append(((*ref.path, "thoi_han"), ref.task.thoi_han, ref_day))
        for j, ext in enumerate(ref.task.gia_han):
            phrases.append(((*ref.path, "gia_han", j, "thoi_han"), ext.thoi_han, ext.ngay))
    for path, phrase, day in phrases:
        reading = read_deadline(phrase, reference=day)
        for problem in reading.problems:
            yield finding(path, problem.code, problem.message)
        if reading.kind == "recurring" and ref_day is None and path[-1] == "thoi_han":
            yield finding(path, "recurring-without-start",
                          f"Thời hạn định kỳ “{phrase}” nhưng kế hoạch chưa có ngày ban hành "
                          "(ngay_ban_hanh) hay giai đoạn (giai_doan): chưa tính được kỳ nào, "
                          "nhiệm vụ chưa được theo dõi.")
