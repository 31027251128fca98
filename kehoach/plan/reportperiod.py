"""The period a progress report covers (``kehoach report --period``, ``ky`` of a narrative).

Three forms, as officials name report periods:

- a year, ``2024``: "năm 2024", 1/1–31/12;
- a half year, ``6T-2024`` (or ``6T-dau-2024``): "6 tháng đầu năm 2024", 1/1–30/6, and
  ``6T-cuoi-2024``: "6 tháng cuối năm 2024", 1/7–31/12 — both halves, because offices report
  on both (the second often inside the yearly report, but not always);
- a range of years, ``2021-2025``: "giai đoạn 2021-2025", 1/1 of the first to 31/12 of the last.

Case, diacritics ("6T-cuối-2024") and spaces around the dashes do not matter. Anything else
is a ``PeriodError`` whose message says what the forms are.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kehoach.errors import KehoachError
from kehoach.textnorm import fold

FORMS_VI = ("một năm (2024), sáu tháng đầu năm (6T-2024), sáu tháng cuối năm (6T-cuoi-2024) "
            "hoặc một giai đoạn (2021-2025)")
MIN_YEAR, MAX_YEAR = 1900, 2200

_YEAR = re.compile(r"(\d{4})")
_HALF = re.compile(r"6t(?:-(dau|cuoi))?-(\d{4})")
_RANGE = re.compile(r"(\d{4})-(\d{4})")


class PeriodError(KehoachError, ValueError):
    """A report period that is not one of the forms (a usage error at the command line)."""

    exit_code = 2


@dataclass(frozen=True)
class ReportPeriod:
    code: str  # canonical: "2024", "6T-2024", "6T-cuoi-2024", "2021-2025"
    label: str  # "năm 2024", "6 tháng đầu năm 2024", "giai đoạn 2021-2025"
    start: dt.date
    end: dt.date

    def following(self) -> ReportPeriod:
        """The period of the same kind right after this one (the "kỳ tới" of a report)."""
        if self.code.startswith("6T-cuoi-"):
            return parse_period(f"6T-{self.end.year + 1}")
        if self.code.startswith("6T-"):
            return parse_period(f"6T-cuoi-{self.end.year}")
        years = self.end.year - self.start.year + 1
        if years == 1:
            return parse_period(str(self.end.year + 1))
        return parse_period(f"{self.end.year + 1}-{self.end.year + years}")

    def holds(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def parse_period(text: str) -> ReportPeriod:
    """The period ``text`` names; PeriodError (in Vietnamese) for anything else."""
    key = re.sub(r"\s*-\s*", "-", fold(str(text)).strip())
    if m := _YEAR.fullmatch(key):
        year = _year(m[1], text)
        return ReportPeriod(str(year), f"năm {year}", dt.date(year, 1, 1), dt.date(year, 12, 31))
    if m := _HALF.fullmatch(key):
        year = _year(m[2], text)
        if m[1] == "cuoi":
            return ReportPeriod(f"6T-cuoi-{year}", f"6 tháng cuối năm {year}",
                                dt.date(year, 7, 1), dt.date(year, 12, 31))
        return ReportPeriod(f"6T-{year}", f"6 tháng đầu năm {year}", dt.date(year, 1, 1),
                            dt.date(year, 6, 30))
    if m := _RANGE.fullmatch(key):
        first, last = _year(m[1], text), _year(m[2], text)
        if last <= first:
            raise PeriodError(f"Kỳ báo cáo “{text}”: năm cuối phải sau năm đầu.")
        return ReportPeriod(f"{first}-{last}", f"giai đoạn {first}-{last}",
                            dt.date(first, 1, 1), dt.date(last, 12, 31))
    raise PeriodError(f"Kỳ báo cáo “{text}” không đúng dạng: cần {FORMS_VI}.")


def year_period(day: dt.date) -> ReportPeriod:
    """The year holding ``day``: a report's period when none is named."""
    return parse_period(str(day.year))


def _year(digits: str, text: str) -> int:
    year = int(digits)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PeriodError(f"Kỳ báo cáo “{text}”: năm {year} nằm ngoài {MIN_YEAR}–{MAX_YEAR}.")
    return year
