"""Intermediate pieces found by the grammar ("atoms") and the calendar window of a time."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from kehoach.deadline.calendar import month_end, valid_date
from kehoach.deadline.lunar import named_year, to_solar

# Last day of the "đầu / giữa" part of a unit ("cuối" is the end of the unit itself).
EARLY_MONTH_DAY = 10
MID_MONTH_DAY = 20


@dataclass(slots=True)
class TimeRef:
    """A calendar time named in the text: a day, month, quarter, half-year or year.

    ``index`` is the month (date, month), the quarter (1–4) or the half (1–2);
    ``part`` is "early", "mid" or "late" for "đầu", "giữa", "cuối".
    """

    unit: str
    year: int | None
    index: int = 0
    day: int = 0
    part: str | None = None
    inferred: bool = False  # year inferred from the reference date
    shared: bool = False  # year taken from the next item of a list or range
    offset: int = 0  # "lunar": solar days added to the lunar day (-1: the day before Tết)
    canchi: str = ""  # "lunar": the year's sexagenary name as written, folded ("giap thin")
    next_year: bool = False  # "… năm sau": the year after the one inferred
    this_year: bool = False  # "… năm nay": the reference day's year


@dataclass(slots=True)
class Atom:
    """A match of the grammar in the folded text, ``[start, end)``.

    kinds: "time" (refs: one or more times, a list), "period" (refs: from, to),
    "every" (every), "continuous", "relative" (amount, unit, anchor span), "day" (day,
    every for "tháng cuối quý"), "invalid" (message: an impossible date).
    """

    kind: str
    start: int
    end: int
    refs: list[TimeRef] = field(default_factory=list)
    every: str | None = None
    amount: int = 0
    unit: str = ""
    anchor: tuple[int, int] | None = None
    day: int = 0
    message: str = ""
    cite: bool = False
    code: str = "impossible-date"  # "invalid": the error's code


_MONTH_PART_END = {"early": EARLY_MONTH_DAY, "mid": MID_MONTH_DAY}
_QUARTER_PART_OFFSET = {"early": 0, "mid": 1}
_YEAR_PART_END = {"early": 3, "mid": 6}


def window(ref: TimeRef, year: int) -> tuple[date, date] | None:
    """First and last on-time day of ``ref`` in ``year``; None if that day does not exist."""
    unit, index, part = ref.unit, ref.index, ref.part
    if unit == "lunar":
        return _lunar_window(ref, year)
    if unit == "date":
        if not valid_date(year, index, ref.day):
            return None
        day = date(year, index, ref.day)
        return (day, day)
    if unit == "month" and part and part.startswith("week"):
        end = month_end(year, index)
        if part == "week_last":
            return (end.replace(day=end.day - 6), end)
        week = int(part[4:])
        return (date(year, index, 7 * week - 6), date(year, index, 7 * week))
    if unit == "month":
        last = _MONTH_PART_END.get(part) if part else None
        end = date(year, index, last) if last else month_end(year, index)
        return (date(year, index, 1), end)
    if unit == "quarter":
        first = 3 * index - 2
        offset = _QUARTER_PART_OFFSET.get(part, 2) if part else 2
        return (date(year, first, 1), month_end(year, first + offset))
    if unit == "half_year":
        if index == 1:
            return (date(year, 1, 1), date(year, 6, 30))
        return (date(year, 7, 1), date(year, 12, 31))
    end_month = _YEAR_PART_END.get(part, 12) if part else 12
    return (date(year, 1, 1), month_end(year, end_month))


def _lunar_window(ref: TimeRef, year: int) -> tuple[date, date] | None:
    solar = to_solar(ref.day, ref.index, year)
    if solar is None:
        return None
    day = solar + timedelta(days=ref.offset)
    return (day, day)


def kind_of(ref: TimeRef) -> str:
    """The reading kind of a single time: a lunar day is a date."""
    return "date" if ref.unit == "lunar" else ref.unit


def ref_window(ref: TimeRef) -> tuple[date, date] | None:
    """The window of a ref whose year is known (None when it is not)."""
    return None if ref.year is None else window(ref, ref.year)


def infer_year(ref: TimeRef, reference: date) -> bool:
    """Give a yearless ``ref`` the first year whose last on-time day is on/after ``reference``;
    a lunar day named with its year's name ("Tết Giáp Thìn") the year of that name nearest
    to ``reference``."""
    if ref.this_year:
        ref.year, ref.inferred = reference.year, True
        return True
    if ref.canchi:
        named = named_year(ref.canchi, reference.year)
        if named is not None:
            ref.year, ref.inferred = named, True
        return named is not None
    for year in range(reference.year, reference.year + 9):
        span = window(ref, year)
        if span is not None and span[1] >= reference:
            ref.year, ref.inferred = year + ref.next_year, True
            return True
    return False
