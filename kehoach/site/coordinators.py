"""Coordinators' entries from the lead rows, without a row per occurrence and coordinator.

A coordinator's row mirrors the lead rows of the same occurrence (``tracking.obligations``):
done when every lead assignee is done, on the latest date; otherwise open or overdue by the
same due day. Every coordinator of a task therefore has the same status, occurrence by
occurrence, and the site needs only one entry each: it is computed once per task. This holds
exactly when no body involved has a start or end date (``tu_ngay``, ``den_ngay``): then a
body owes every occurrence itself and no successor takes over. A plan where one does is
expanded by ``tracking.obligations`` in full (``plan_entries``), and a test holds both ways
to the same entries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kehoach.plan.model import Plan
from kehoach.plan.registry import Registry
from kehoach.plan.walk import TaskRef
from kehoach.site.entries import Entry, entries, pick
from kehoach.tracking.obligations import COORDINATE, LEAD, OPEN, OVERDUE, Obligation, classify
from kehoach.tracking.obligations import obligations as expand
from kehoach.tracking.schedule import schedule


@dataclass(frozen=True, slots=True)
class _Occurrence:
    status: str
    due: dt.date | None
    approximate: bool
    days_overdue: int | None
    days_left: int | None
    completed: dt.date | None
    deadline: str | None


def plan_entries(plan: Plan, registry: Registry, as_of: dt.date, path: str,
                 refs: list[TaskRef]) -> tuple[list[Obligation], list[Entry]]:
    """The plan's lead rows (the grid counts them) and its entries, leads and coordinators."""
    if not _timeless(registry, refs):
        rows = expand(plan, registry, as_of, path)
        return [r for r in rows if r.role == LEAD], entries(rows)
    leads = expand(plan, registry, as_of, path, leads_only=True)
    return leads, entries(leads) + _coordinators(plan, as_of, refs, leads)


def _timeless(registry: Registry, refs: list[TaskRef]) -> bool:
    for ref in refs:
        for body_id in (*registry.assignees(ref.leads), *ref.task.phoi_hop):
            body = registry.get(body_id)
            if body is not None and (body.tu_ngay is not None or body.den_ngay is not None):
                return False
    return True


def _coordinators(plan: Plan, as_of: dt.date, refs: list[TaskRef],
                  leads: list[Obligation]) -> list[Entry]:
    by_task: dict[str, dict[str, list[Obligation]]] = {}
    for row in leads:
        by_task.setdefault(row.task_id, {}).setdefault(row.occurrence, []).append(row)
    out: list[Entry] = []
    for ref in refs:
        bodies = list(dict.fromkeys(ref.task.phoi_hop))
        if not bodies:
            continue
        occurrences = _mirrored(by_task.get(ref.task.id), ref, plan, as_of)
        shown = pick(occurrences)
        overdue = sum(o.status == OVERDUE for o in occurrences)
        out.extend(Entry(ref.task.id, body, None, COORDINATE, shown.status, shown.due,
                         shown.approximate, shown.days_overdue, shown.days_left, overdue,
                         len(occurrences), shown.deadline) for body in bodies)
    return out


def _mirrored(rows: dict[str, list[Obligation]] | None, ref: TaskRef, plan: Plan,
              as_of: dt.date) -> list[_Occurrence]:
    """Each occurrence as its coordinators see it (a task without lead: from its schedule)."""
    if not rows:
        sched = schedule(ref.task, plan, as_of)
        return [_occurrence(o.due, o.approximate, None, sched.phrase, as_of)
                for o in sched.occurrences]
    out = []
    for group in rows.values():
        dates = [r.completed for r in group if r.completed is not None]
        done = max(dates) if len(dates) == len(group) else None
        first = group[0]
        out.append(_occurrence(first.due, first.approximate, done, first.deadline, as_of))
    return out


def _occurrence(due: dt.date | None, approximate: bool, done: dt.date | None,
                phrase: str | None, as_of: dt.date) -> _Occurrence:
    status, _, overdue = classify(due, done, as_of)
    left = (due - as_of).days if status == OPEN and due is not None else None
    return _Occurrence(status, due, approximate, overdue, left, done if done and done <= as_of
                       else None, phrase)
