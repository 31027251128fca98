"""Deadline phrases must be readable and possible.

The codes are the deadline reader's own (docs/deadlines.md), placed at the phrase.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from kehoach.check.rules.base import Finding, PlanContext, finding
from kehoach.plan.walk import iter_tasks
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
})
"""The codes this rule emits (severities and explanations: kehoach.diagnostics.codes)."""


def check(ctx: PlanContext) -> Iterator[Finding]:
    from kehoach.deadline import read_deadline

    ref_day = reference_day(ctx.plan)
    for ref in iter_tasks(ctx.plan):
        # An extension's phrase counts from the day it was granted ("đến 30/11" of that year).
        phrases: list[tuple[tuple[Any, ...], str, dt.date | None]] = []
        if ref.task.thoi_han:
            phrases.append(((*ref.path, "thoi_han"), ref.task.thoi_han, ref_day))
        for j, ext in enumerate(ref.task.gia_han):
            phrases.append(((*ref.path, "gia_han", j, "thoi_han"), ext.thoi_han, ext.ngay))
        for path, phrase, day in phrases:
            reading = read_deadline(phrase, reference=day)
            for problem in reading.problems:
                yield finding(path, problem.code, problem.message)
