"""The recurrence of a repeating deadline: its cycle and the days of the year it falls on.

Cycles are unions: "định kỳ 6 tháng và hằng năm" falls on 30/6 and 31/12 — the yearly day is
one of the half-yearly ones, so nothing is lost by tracking the finer cycle. Calendar cycles
nest (a year's end is a half-year's, a quarter's, an even month's end), except two-monthly and
quarterly ones, which together are several deadlines. A yearly or half-yearly recurrence keeps
every day written ("trước ngày 15/6 và 15/12 hằng năm", "trong tháng 5 và tháng 11 hằng năm");
a lunar day ("Tết Trung thu hằng năm") falls on a different solar day each year.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kehoach.deadline.atoms import Atom, window
from kehoach.deadline.reading import Recurrence

ORDER = ("month", "two_months", "quarter", "half_year", "year")
_NOT_NESTED = frozenset({"two_months", "quarter"})
_FIRST_MONTHS = (1, 4, 7, 10)


@dataclass
class Found:
    """A recurrence and what the caller must report: ``several`` (a warning), ``bad_day``."""

    recurrence: Recurrence
    several: bool = False
    bad_day: int | None = None
    dated: bool = False  # a day written with its year, in a recurrence: which is meant?
    notes: list[str] = field(default_factory=list)


def recurrence(units: set[str], day_atoms: list[Atom], days: list[Atom]) -> Found:
    """The recurrence of the cycle markers ``units`` with the times and days written."""
    found = _recurrence(units, day_atoms, days)
    found.dated = any(r.unit == "date" and r.year is not None and not (r.inferred or r.shared)
                      for a in day_atoms for r in a.refs)
    return found


def _recurrence(units: set[str], day_atoms: list[Atom], days: list[Atom]) -> Found:
    units = {"quarter" if u == "quarter_next" else u for u in units}
    every = min(units, key=ORDER.index)
    several = units >= _NOT_NESTED
    lunar = [r for a in day_atoms for r in a.refs if r.unit == "lunar"]
    if lunar:
        ref = lunar[0]
        rec = Recurrence("year", None, lunar=(ref.index, ref.day, ref.offset))
        return Found(rec, several or len(day_atoms) > 1 or every != "year")
    shifted = [a for a in days if a.every == "quarter_next"]
    if shifted:
        tenth = shifted[0].day
        listed = tuple(f"{m:02d}-{tenth:02d}" for m in _FIRST_MONTHS)
        return Found(Recurrence("quarter", tenth, listed), several or len(day_atoms) > 0,
                     bad_day=tenth if not 1 <= tenth <= 31 else None)
    if every in ("year", "half_year") and day_atoms:
        listed = _yearly_days(day_atoms, every)
        first = listed[0] if listed else None
        return Found(Recurrence(every, first, listed if len(listed) > 1 else ()),  # type: ignore[arg-type]
                     several or bool(days and every != "year"))
    day: int | None = days[0].day if days else None
    for atom in day_atoms:
        if day is None and atom.refs[0].unit == "date":
            day = atom.refs[0].day
    found = Found(Recurrence(every, None if every == "year" else day), several)  # type: ignore[arg-type]
    found.several = several or len(day_atoms) > 1 or bool(day_atoms and days)
    if day is not None and not 1 <= day <= 31:
        found.bad_day, found.recurrence = day, Recurrence(every, None)  # type: ignore[arg-type]
    return found


def _yearly_days(day_atoms: list[Atom], every: str) -> tuple[str, ...]:
    """Every "MM-DD" written, in calendar order; one day of a half-yearly cycle is mirrored
    into the other half ("định kỳ 6 tháng, trước ngày 15/6" also falls on 15/12)."""
    found: set[tuple[int, int]] = set()
    for atom in day_atoms:
        for ref in atom.refs:
            span = window(ref, 2000)  # a leap year: 29/02 stays 29/02
            if span is not None:
                found.add((span[1].month, span[1].day))
    if every == "half_year" and len(found) == 1:
        month, day = next(iter(found))
        found.add(((month + 5) % 12 + 1, day))
    return tuple(f"{m:02d}-{d:02d}" for m, d in sorted(found))
