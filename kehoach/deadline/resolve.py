"""Deadlines against the calendar: the due day as of a date, occurrences in a window."""

from __future__ import annotations

from datetime import date, timedelta

from kehoach.deadline.calendar import (
    add_months,
    add_working_days,
    clamp_day,
    month_end,
    quarter_months,
)
from kehoach.deadline.reading import FINITE_KINDS, Deadline, Recurrence

# Longest gap between two occurrences of a recurrence, with margin.
_HORIZON = timedelta(days=400)


def due(deadline: Deadline, as_of: date) -> date | None:
    """The last on-time day that matters on ``as_of``.

    date/month/quarter/half_year/year/period: their (last) day whatever ``as_of``;
    dates: the first occurrence on/after ``as_of``, else the last one; recurring: the next
    occurrence on/after ``as_of`` (and on/after its start); relative, continuous,
    unknown: None.
    """
    if deadline.kind == "recurring" and deadline.recurrence is not None:
        since = max(as_of, deadline.start) if deadline.start else as_of
        upcoming = recurring_dates(deadline.recurrence, since, since + _HORIZON)
        return upcoming[0] if upcoming else None
    if deadline.kind not in FINITE_KINDS or not deadline.occurrences:
        return None
    if deadline.kind == "dates":
        return next((d for d in deadline.occurrences if d >= as_of), deadline.occurrences[-1])
    return deadline.occurrences[-1]


def resolve_relative(deadline: Deadline, anchor: date) -> date:
    """The last on-time day of a relative deadline counted from ``anchor``.

    The anchor day is not counted (BLDS 2015 art. 147): "trong 15 ngày kể từ ngày ký"
    signed on 01/03/2023 ends 16/03/2023; working days skip weekends and ``HOLIDAYS``.
    """
    rel = deadline.relative
    if rel is None:
        raise ValueError(f"not a relative deadline: {deadline.kind}")
    if rel.unit == "working_days":
        return add_working_days(anchor, rel.amount)
    if rel.unit == "months":
        return add_months(anchor, rel.amount)
    return anchor + timedelta(days=rel.amount)


def occurrences(deadline: Deadline, window_start: date, window_end: date) -> list[date]:
    """Last on-time days of the deadline's occurrences within [window_start, window_end].

    Recurring deadlines are expanded period by period; a relative deadline is resolved
    with ``window_start`` as its anchor (e.g. the date of signing).
    """
    if deadline.kind == "recurring" and deadline.recurrence is not None:
        since = max(window_start, deadline.start) if deadline.start else window_start
        return recurring_dates(deadline.recurrence, since, window_end)
    if deadline.kind == "relative" and deadline.relative is not None:
        day = resolve_relative(deadline, window_start)
        return [day] if day <= window_end else []
    if deadline.kind in FINITE_KINDS:
        return [d for d in deadline.occurrences if window_start <= d <= window_end]
    return []


def _yearly(rec: Recurrence, year: int) -> date:
    if not isinstance(rec.day, str):
        return date(year, 12, 31)
    month, day = (int(part) for part in rec.day.split("-"))
    return clamp_day(year, month, day)


def _in_month(rec: Recurrence, year: int, month: int) -> date:
    if isinstance(rec.day, int):
        return clamp_day(year, month, rec.day)
    return month_end(year, month)


def recurring_dates(rec: Recurrence, start: date, end: date) -> list[date]:
    """Occurrences of ``rec`` falling within [start, end], in order."""
    found: list[date] = []
    if start > end:
        return found
    for year in range(start.year, end.year + 1):
        if rec.every == "year":
            found.append(_yearly(rec, year))
        elif rec.every == "quarter":
            found.extend(_in_month(rec, year, quarter_months(q)[1]) for q in range(1, 5))
        else:
            found.extend(_in_month(rec, year, m) for m in range(1, 13))
    return [d for d in found if start <= d <= end]
