"""Deadlines against the calendar: the due day as of a date, occurrences in a window."""

from __future__ import annotations

from datetime import date, timedelta

from kehoach.deadline.calendar import add_months, add_working_days, clamp_day
from kehoach.deadline.lunar import to_solar
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
    return shift(anchor, rel.amount, rel.unit)


def shift(anchor: date, amount: int, unit: str) -> date:
    """``amount`` days, working days or months after ``anchor`` (before it when negative)."""
    if unit == "working_days":
        return add_working_days(anchor, amount)
    if unit == "months":
        return add_months(anchor, amount)
    return anchor + timedelta(days=amount)


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


def recurring_dates(rec: Recurrence, start: date, end: date) -> list[date]:
    """Occurrences of ``rec`` falling within [start, end], in order."""
    found: list[date] = []
    if start > end:
        return found
    if rec.lunar is not None:
        return _lunar_dates(rec.lunar, start, end)
    days = rec.yearly_days()
    for year in range(start.year, end.year + 1):
        found.extend(clamp_day(year, month, day) for month, day in days)
    return [d for d in found if start <= d <= end]


def _lunar_dates(lunar: tuple[int, int, int], start: date, end: date) -> list[date]:
    month, day, offset = lunar
    found = []
    for year in range(start.year - 1, end.year + 1):  # a lunar year ends in the next solar one
        solar = to_solar(day, month, year)
        if solar is not None and start <= solar + timedelta(days=offset) <= end:
            found.append(solar + timedelta(days=offset))
    return found
