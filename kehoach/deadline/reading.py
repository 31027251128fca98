"""Data model of a deadline reading (thời hạn) — plain frozen dataclasses.

Other modules import these names; keep them stable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal, get_args

from kehoach.diagnostics.codes import lookup

Kind = Literal[
    "date",
    "month",
    "quarter",
    "half_year",
    "year",
    "period",
    "dates",
    "recurring",
    "relative",
    "continuous",
    "unknown",
]
Severity = Literal["error", "warning"]
Every = Literal["year", "half_year", "quarter", "two_months", "month"]
RelativeUnit = Literal["days", "working_days", "months"]

KINDS: tuple[Kind, ...] = get_args(Kind)
# Kinds whose occurrences are a finite, known list of dates.
FINITE_KINDS: frozenset[str] = frozenset(
    {"date", "month", "quarter", "half_year", "year", "period", "dates"}
)


@dataclass(frozen=True)
class Problem:
    """An error or warning about a reading; ``code`` is stable, ``message`` is Vietnamese."""

    code: str
    message: str
    severity: Severity

    @classmethod
    def of(cls, code: str, message: str) -> Problem:
        """The problem ``code``, with the severity the code registry gives it."""
        severity: Severity = "error" if lookup(code).severity == "error" else "warning"
        return cls(code, message, severity)


@dataclass(frozen=True)
class Recurrence:
    """A repeating deadline.

    ``day`` is ``"MM-DD"`` for a yearly deadline with a day, an ``int`` for a monthly
    deadline (day of the month) or a quarterly one (day of the quarter's last month),
    ``None`` for the end of each period. ``days`` lists every ``"MM-DD"`` of the year when
    there are several ("trước ngày 15/6 và 15/12 hằng năm"); ``day`` is then the first.
    """

    every: Every
    day: str | int | None
    days: tuple[str, ...] = ()
    # A lunar day (month, day, solar days added): "Tết Trung thu hằng năm" is (8, 15, 0).
    lunar: tuple[int, int, int] | None = None

    def yearly_days(self) -> tuple[tuple[int, int], ...]:
        """(month, day) of every occurrence in a year, in order; a day past the month's end
        (31 for "the end of the month") is clamped by the caller."""
        if self.days:
            return tuple((int(d[:2]), int(d[3:])) for d in self.days)
        if self.every == "year":
            if isinstance(self.day, str):
                return ((int(self.day[:2]), int(self.day[3:])),)
            return ((12, 31),)
        day = self.day if isinstance(self.day, int) else 31
        step = _STEP[self.every]
        return tuple((month, day) for month in range(step, 13, step))


_STEP = {"half_year": 6, "quarter": 3, "two_months": 2, "month": 1}


@dataclass(frozen=True)
class Relative:
    """A deadline counted from an event: ``amount`` ``unit`` after ``anchor`` (e.g. "ngày ký")."""

    amount: int
    unit: RelativeUnit
    anchor: str


@dataclass(frozen=True)
class Deadline:
    """The structured reading of a Vietnamese deadline phrase."""

    phrase: str
    kind: Kind
    start: date | None
    occurrences: tuple[date, ...]
    recurrence: Recurrence | None = None
    relative: Relative | None = None
    approximate: bool = False
    year_inferred: bool = False
    guess: bool = False
    problems: tuple[Problem, ...] = ()
    span: tuple[int, int] | None = None
    # The reference date used to infer a missing year (None when none was needed or given).
    reference: date | None = None
    # Spans of the NFC text the grammar explained (dates, markers, cited documents): every
    # date-like token outside them made the reader warn ("partial").
    explained: tuple[tuple[int, int], ...] = ()

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")

    @property
    def ok(self) -> bool:
        return not self.errors
