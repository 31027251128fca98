"""How many obligation rows a plan gives, counted before any row is made.

A 45 KB plan (300 monthly tasks led by a group of 26 bodies over 2021–9999) once asked the
tracker for 200 million rows. ``past_limit`` counts an upper bound of each task's rows —
occurrences (of the phrase and of every extension, whichever has most) times assignees (lead
bodies, listed groups expanded, plus coordinators) — without expanding anything, so that
``check`` and the tracking commands refuse such a plan with the same diagnostic, at the task
that crosses ``MAX_OBLIGATIONS``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kehoach.plan.limits import MAX_OBLIGATIONS

if TYPE_CHECKING:  # counted only for a plan being loaded: a warm query imports none of these
    from kehoach.deadline import Deadline
    from kehoach.plan.model import Plan
    from kehoach.plan.registry import Registry
    from kehoach.plan.walk import TaskRef


@dataclass(frozen=True)
class Excess:
    """The task at which the plan's rows pass the limit, and where to point at it."""

    ref: TaskRef
    path: tuple[object, ...]
    message: str


def periods(every: str, start: dt.date, end: dt.date) -> int:
    """Months, quarters or years touching [start, end] (an upper bound of the occurrences)."""
    if start > end:
        return 0
    if every == "month":
        return (end.year - start.year) * 12 + end.month - start.month + 1
    if every == "quarter":
        return (end.year - start.year) * 4 + (end.month - 1) // 3 - (start.month - 1) // 3 + 1
    return end.year - start.year + 1


def occurrence_bound(reading: Deadline, plan: Plan, as_of: dt.date) -> int:
    """At most how many occurrences ``kehoach.tracking.schedule.expand`` gives (≥ 1: an undated
    task still has one row per assignee)."""
    from kehoach.tracking.schedule import window

    if reading.kind == "recurring" and reading.recurrence is not None:
        bounds = window(plan, as_of)
        if bounds is None:  # no date of issue, no period: no occurrence yet
            return 1
        start, end = bounds
        since = max(start, reading.start) if reading.start else start
        return max(periods(reading.recurrence.every, since, end), 1)
    return max(len(reading.occurrences), 1) if reading.kind == "dates" else 1


def task_bound(ref: TaskRef, plan: Plan, registry: Registry, as_of: dt.date) -> int:
    from kehoach.deadline import read_deadline
    from kehoach.tracking.schedule import reference_day

    task = ref.task
    phrases = [(task.thoi_han, reference_day(plan))]
    phrases += [(ext.thoi_han, ext.ngay) for ext in task.gia_han]
    occurrences = max((occurrence_bound(read_deadline(phrase, day), plan, as_of)
                       for phrase, day in phrases if phrase), default=1)
    return occurrences * (len(registry.assignees(ref.leads)) + len(task.phoi_hop))


def past_limit(plan: Plan, registry: Registry, as_of: dt.date,
               refs: Iterable[TaskRef] | None = None) -> Excess | None:
    """The task whose rows take the plan past ``MAX_OBLIGATIONS``, or None (``refs``: the
    plan's tasks, when the caller has walked them already)."""
    from kehoach.load.guard import number_vi
    from kehoach.plan.walk import iter_tasks

    total = 0
    for ref in iter_tasks(plan) if refs is None else refs:
        total += task_bound(ref, plan, registry, as_of)
        if total > MAX_OBLIGATIONS:
            where = "thoi_han" if ref.task.thoi_han else "id"
            limit = number_vi(MAX_OBLIGATIONS)
            return Excess(ref, (*ref.path, where),
                          f"Kế hoạch sinh ra hơn {limit} nghĩa vụ cần theo dõi (số kỳ × số cơ "
                          f"quan thực hiện) khi tính đến nhiệm vụ “{ref.task.id}”; hãy rút ngắn "
                          "giai đoạn, bớt nhiệm vụ định kỳ giao cho nhóm cơ quan, hoặc tách kế "
                          "hoạch.")
    return None
