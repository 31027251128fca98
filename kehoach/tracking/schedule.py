"""A task's schedule: the deadline in force and the occurrences it falls due on.

The original phrase (``thoi_han``) is read with the plan's reference day (date of issue, else
the start of its period) so that "trước ngày 15/11" gets a year. Recurring deadlines are
expanded over the plan's window: from the day after the date of issue (an obligation cannot
fall due the day it is created) or the period's start, whichever is later, to the period's end.
A plan with neither (a draft without a period) has no window: its recurring tasks have no
occurrence yet, rather than occurrences from before the plan existed (``check`` warns).
Extensions (``gia_han``) apply in the order they were granted; each is read with its own date
as reference. See docs/tracking.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from kehoach.deadline import Deadline, occurrences, read_deadline, resolve_relative
from kehoach.plan.model import Completion, Extension, Plan, Task

_FALLBACK_HORIZON = dt.timedelta(days=366)


@dataclass(frozen=True)
class Occurrence:
    """One occurrence: its key (its original due day, ISO: what ``hoan_thanh.ky`` names), the
    due day in force, the original due day."""

    key: str
    due: dt.date | None
    original_due: dt.date | None
    approximate: bool = False


UNDATED = Occurrence("", None, None)


@dataclass(frozen=True)
class Schedule:
    phrase: str | None  # the phrase in force
    extension: Extension | None  # the latest extension, when one is in force
    occurrences: tuple[Occurrence, ...]


def reference_day(plan: Plan) -> dt.date | None:
    """The day a date without a year counts from: the date of issue, else the period's start."""
    if plan.ngay_ban_hanh:
        return plan.ngay_ban_hanh
    return plan.giai_doan.start if plan.giai_doan else None


def window(plan: Plan, as_of: dt.date) -> tuple[dt.date, dt.date] | None:
    """The days a recurring task's occurrences may fall on; None before the plan has any."""
    starts = [plan.ngay_ban_hanh + dt.timedelta(days=1)] if plan.ngay_ban_hanh else []
    if plan.giai_doan:
        starts.append(plan.giai_doan.start)
    if not starts:
        return None
    start = max(starts)
    end = plan.giai_doan.end if plan.giai_doan else max(start, as_of) + _FALLBACK_HORIZON
    return start, end


def event_day(plan: Plan, task: Task | None) -> dt.date | None:
    """The day of the event a task prepares for: the nearest ``su_kien`` around the task (its
    item, then the enclosing ones) whose ``thoi_gian`` names one day; else the plan's only
    event with one."""
    from kehoach.plan.walk import iter_items

    items = list(iter_items(plan))
    for ref in items:
        if task is not None and any(t is task for t in ref.item.nhiem_vu):
            for item in (ref.item, *reversed(ref.ancestors)):
                day = _event_on(item.su_kien.thoi_gian if item.su_kien else None)
                if day is not None:
                    return day
    found = {_event_on(r.item.su_kien.thoi_gian) for r in items if r.item.su_kien} - {None}
    return found.pop() if len(found) == 1 else None


def _event_on(text: str | None) -> dt.date | None:
    if not text:
        return None
    reading = read_deadline(text)
    return reading.occurrences[0] if reading.kind == "date" and reading.occurrences else None


def expand(
    reading: Deadline, plan: Plan, as_of: dt.date, anchor: dt.date | None = None,
    task: Task | None = None,
) -> list[Occurrence]:
    """The dated occurrences of a reading (empty when it has no due day).

    A relative deadline ("trong 15 ngày kể từ ngày ký") counts from ``anchor``, by default the
    date of issue; a draft's relative deadlines have no due day yet. One counted back from an
    event ("15 ngày trước ngày tổ chức") counts from the event's day (``event_day``).
    """
    approx = reading.approximate
    if reading.kind == "recurring" and reading.recurrence is not None:
        bounds = window(plan, as_of)
        if bounds is None:
            return []
        return [Occurrence(d.isoformat(), d, d, approx) for d in occurrences(reading, *bounds)]
    if reading.kind == "relative" and reading.relative is not None:
        if reading.relative.amount < 0:  # "15 ngày trước ngày tổ chức": before the event
            anchor = event_day(plan, task)
        else:
            anchor = anchor or plan.ngay_ban_hanh
        if anchor is None:
            return []
        day = resolve_relative(reading, anchor)
        return [Occurrence(day.isoformat(), day, day, approx)]
    if reading.kind in ("continuous", "unknown"):
        return []
    return [Occurrence(d.isoformat(), d, d, approx) for d in reading.occurrences]


def record_occurrence(record: Completion, occs: Sequence[Occurrence]) -> Occurrence | None:
    """The occurrence a completion record is for (rules in docs/tracking.md).

    ``ky`` a date: the occurrence originally due that day, or due that day after an extension;
    a year (format 1 files, or written by hand): the first occurrence falling in that year;
    absent: the only occurrence, else the first due on or after the completion day (else the
    last)."""
    ky = record.ky
    if isinstance(ky, dt.date):
        return next((o for o in occs if ky in (o.original_due, o.due)), None)
    if isinstance(ky, int):
        return next((o for o in occs if (o.original_due or o.due or dt.date.min).year == ky), None)
    if len(occs) == 1:
        return occs[0]
    done = record.ngay_hoan_thanh
    dated = [o for o in occs if o.due is not None]
    return next((o for o in dated if o.due >= done), dated[-1] if dated else None)  # type: ignore[operator]


def _extend(current: list[Occurrence], new: list[Occurrence]) -> list[Occurrence]:
    """Apply one extension's occurrences to the current ones (rules in docs/tracking.md)."""
    if not new:
        return [replace(o, due=None, approximate=False) for o in current] or [UNDATED]
    if current == [UNDATED]:
        return new
    if len(new) == 1 and len(current) > 1:
        target = new[0].due or dt.date.max
        moved = [o for o in current if o.due is not None and o.due <= target]
        chosen = moved[-1] if moved else current[0]
        return [replace(o, due=target, approximate=new[0].approximate) if o is chosen else o
                for o in current]
    if len(new) == len(current):
        return [replace(n, key=o.key, original_due=o.original_due)
                for o, n in zip(current, new, strict=True)]
    return new


def schedule(task: Task, plan: Plan, as_of: dt.date) -> Schedule:
    """The occurrences of ``task`` with the deadline in force (extensions applied)."""
    if not task.thoi_han:
        current = [UNDATED]
    else:
        reading = read_deadline(task.thoi_han, reference_day(plan))
        current = expand(reading, plan, as_of, task=task) or [UNDATED]
    phrase, latest = task.thoi_han, None
    granted = [e for e in task.gia_han if e.ngay <= as_of]  # not yet granted: not in force
    for ext in sorted(granted, key=lambda e: e.ngay):  # stable: list order on ties
        new = expand(read_deadline(ext.thoi_han, ext.ngay), plan, as_of, anchor=ext.ngay)
        current = _extend(current, new)
        phrase, latest = ext.thoi_han, ext
    return Schedule(phrase, latest, tuple(current))


def extension_shift(task: Task, plan: Plan, phrase: str, granted: dt.date) -> int | None:
    """Days by which granting ``phrase`` on ``granted`` moves the due day in force of the
    occurrence it applies to (> 0 later); None when that is not one clear shift.

    Uses the tracker's own rules (``_extend``), so that the days said are the days ``tasks``
    will count: for a yearly task, the shift of that year's occurrence, not of the first one.
    """
    before = schedule(task, plan, granted).occurrences
    new = expand(read_deadline(phrase, granted), plan, granted, anchor=granted)
    after = _extend(list(before), new)
    pairs = list(zip(before, after, strict=False))
    if not new or len(after) != len(before) or any((a.due is None) != (b.due is None)
                                                    for b, a in pairs):
        return None
    shifts = {(a.due - b.due).days for b, a in pairs if a.due and b.due and a.due != b.due}
    if not shifts:
        return 0
    return shifts.pop() if len(shifts) == 1 else None
