"""Vietnamese public holidays, working days and calendar-period arithmetic.

Holiday table (``HOLIDAYS``), 2020–2030, days off for civil servants (cán bộ, công chức,
viên chức), who work Monday to Friday:

* Statutory holidays — Bộ luật Lao động 2012 art. 115 (to 2020) and Bộ luật Lao động
  2019 art. 112 (from 2021): Tết Dương lịch 1/1 (1 day); Tết Nguyên đán (5 days);
  Giỗ Tổ Hùng Vương 10/3 âm lịch (1 day); Ngày Chiến thắng 30/4; Quốc tế Lao động
  1/5; Quốc khánh 2/9 — 1 day to 2020, 2 days from 2021 (2/9 plus the day before or
  after, as decided each year: the day before when 2/9 is Tue/Wed/Fri/Sat, the day
  after when it is Sun/Mon/Thu). From 2026 also Ngày Văn hóa Việt Nam 24/11
  (Nghị quyết 80-NQ/TW, 2026).
* Tết Nguyên đán: the 5 days are the last day of the lunar year (giao thừa) and mùng
  1–4 of the Vietnamese lunar calendar (UTC+7; the real lunar new-year dates are in
  ``LUNAR_NEW_YEAR``; note 2030, when Vietnam's Tết is 2/2, a day before China's). A day
  falling on Saturday moves to the previous working day, on Sunday to the next one. This
  rule reproduces every official announcement 2020–2026 (e.g. 2024: 08/02–14/02, 2025:
  27/01–31/01, 2026: 16/02–20/02); 2027–2030 are computed by the same rule, pending the
  yearly announcement. The table lists the block from the first to the last weekday off.
* Other holidays on a Saturday or Sunday give a compensatory day off (nghỉ bù) on the
  next working day (Nghị định 145/2020/NĐ-CP art. 58).
* Swapped days (hoán đổi) announced by the Government: 29/4/2024 off, worked Saturday
  4/5/2024 (Công văn 2450/VPCP-KGVX); 2/5/2025 off, worked Saturday 26/4/2025;
  31/8/2026 off, worked Saturday 22/8/2026. Worked Saturdays are in
  ``MAKEUP_WORKING_DAYS``.

After 2030 the lunar holidays are projected by the same rules from the lunar calendar
(``kehoach.deadline.lunar``): the Tết block and Giỗ Tổ Hùng Vương. Days off are decreed
year by year, so working days counted across a holiday of a year not yet announced
(``ANNOUNCED_THROUGH``) are approximate: ``crosses_unannounced`` tells when. Before 2020 only
weekends and the fixed solar dates (1/1, 30/4, 1/5, 2/9) are known.
"""

from __future__ import annotations

import calendar as _stdcal
from datetime import date, timedelta
from functools import lru_cache

TABLE_YEARS = range(2020, 2031)
# The last year whose days off the Government has announced (Tết included).
ANNOUNCED_THROUGH = 2026

LUNAR_NEW_YEAR: dict[int, date] = {
    2020: date(2020, 1, 25),
    2021: date(2021, 2, 12),
    2022: date(2022, 2, 1),
    2023: date(2023, 1, 22),
    2024: date(2024, 2, 10),
    2025: date(2025, 1, 29),
    2026: date(2026, 2, 17),
    2027: date(2027, 2, 6),
    2028: date(2028, 1, 26),
    2029: date(2029, 2, 13),
    2030: date(2030, 2, 2),
}

_NAMES = {
    "DL": "Tết Dương lịch",
    "NĐ": "Tết Nguyên đán",
    "HV": "Giỗ Tổ Hùng Vương (10/3 âm lịch)",
    "CT": "Ngày Chiến thắng (30/4)",
    "LĐ": "Ngày Quốc tế Lao động (1/5)",
    "QK": "Quốc khánh (2/9)",
    "VH": "Ngày Văn hóa Việt Nam (24/11)",
    "HĐ": "Ngày nghỉ hoán đổi",
}

# "dd/mm CODE" entries; "dd/mm-dd/mm" is a block of days; "+" marks a compensatory day.
_TABLE: dict[int, str] = {
    2020: "01/01 DL; 23/01-29/01 NĐ; 02/04 HV; 30/04 CT; 01/05 LĐ; 02/09 QK",
    2021: "01/01 DL; 10/02-16/02 NĐ; 21/04 HV; 30/04 CT; 01/05 LĐ; 03/05 LĐ+; 02/09 QK; 03/09 QK",
    2022: "01/01 DL; 03/01 DL+; 31/01-04/02 NĐ; 10/04 HV; 11/04 HV+; 30/04 CT; 01/05 LĐ; "
    "02/05 CT+; 03/05 LĐ+; 01/09 QK; 02/09 QK",
    2023: "01/01 DL; 02/01 DL+; 20/01-26/01 NĐ; 29/04 HV; 30/04 CT; 01/05 LĐ; 02/05 HV+; "
    "03/05 CT+; 01/09 QK; 02/09 QK; 04/09 QK+",
    2024: "01/01 DL; 08/02-14/02 NĐ; 18/04 HV; 29/04 HĐ; 30/04 CT; 01/05 LĐ; 02/09 QK; 03/09 QK",
    2025: "01/01 DL; 27/01-31/01 NĐ; 07/04 HV; 30/04 CT; 01/05 LĐ; 02/05 HĐ; 01/09 QK; 02/09 QK",
    2026: "01/01 DL; 16/02-20/02 NĐ; 26/04 HV; 27/04 HV+; 30/04 CT; 01/05 LĐ; 31/08 HĐ; "
    "01/09 QK; 02/09 QK; 24/11 VH",
    2027: "01/01 DL; 04/02-10/02 NĐ; 16/04 HV; 30/04 CT; 01/05 LĐ; 03/05 LĐ+; 02/09 QK; "
    "03/09 QK; 24/11 VH",
    2028: "01/01 DL; 03/01 DL+; 24/01-28/01 NĐ; 04/04 HV; 30/04 CT; 01/05 LĐ; 02/05 CT+; "
    "01/09 QK; 02/09 QK; 04/09 QK+; 24/11 VH",
    2029: "01/01 DL; 12/02-16/02 NĐ; 23/04 HV; 30/04 CT; 01/05 LĐ; 02/09 QK; 03/09 QK; "
    "04/09 QK+; 24/11 VH; 26/11 VH+",
    2030: "01/01 DL; 31/01-06/02 NĐ; 12/04 HV; 30/04 CT; 01/05 LĐ; 02/09 QK; 03/09 QK; "
    "24/11 VH; 25/11 VH+",
}

MAKEUP_WORKING_DAYS: dict[date, str] = {
    date(2024, 5, 4): "Làm bù cho ngày nghỉ hoán đổi 29/4/2024",
    date(2025, 4, 26): "Làm bù cho ngày nghỉ hoán đổi 2/5/2025",
    date(2026, 8, 22): "Làm bù cho ngày nghỉ hoán đổi 31/8/2026",
}

_FIXED_SOLAR = ((1, 1, "DL"), (4, 30, "CT"), (5, 1, "LĐ"), (9, 2, "QK"))


def _day(year: int, text: str) -> date:
    dd, mm = text.split("/")
    return date(year, int(mm), int(dd))


def parse_table(table: dict[int, str]) -> list[tuple[date, str]]:
    """Expand the compact table into ``(day, name)`` rows, in table order."""
    rows: list[tuple[date, str]] = []
    for year, spec in table.items():
        for entry in spec.split(";"):
            days, code = entry.split()
            name = _NAMES[code.rstrip("+")] + (" (nghỉ bù)" if code.endswith("+") else "")
            first, _, last = days.partition("-")
            day, end = _day(year, first), _day(year, last or first)
            while day <= end:
                rows.append((day, name))
                day += timedelta(days=1)
    return rows


HOLIDAY_ROWS: list[tuple[date, str]] = parse_table(_TABLE)
HOLIDAYS: dict[date, str] = dict(HOLIDAY_ROWS)


def holiday_name(day: date) -> str | None:
    """The holiday name of ``day``, or None (before the table: fixed solar dates only; after
    it: those and the projected lunar holidays)."""
    if day.year in TABLE_YEARS:
        return HOLIDAYS.get(day)
    if day.year > TABLE_YEARS[-1] and day in _projected_lunar(day.year):
        return _projected_lunar(day.year)[day]
    for month, dom, code in _FIXED_SOLAR:
        if (day.month, day.day) == (month, dom):
            return _NAMES[code]
    return None


@lru_cache(maxsize=64)
def _projected_lunar(year: int) -> dict[date, str]:
    """Tết (giao thừa and mùng 1–4, a Saturday moved to the working day before, a Sunday to
    the one after) and Giỗ Tổ Hùng Vương of a year after the table, by the table's rules."""
    from kehoach.deadline.lunar import new_year, to_solar

    found: dict[date, str] = {}
    tet = new_year(year)
    for day in (tet + timedelta(days=k) for k in range(-1, 4)):
        step = -1 if day.weekday() == 5 else 1
        while day.weekday() >= 5 or day in found:
            day += timedelta(days=step)
        found[day] = _NAMES["NĐ"]
    hung = to_solar(10, 3, year)
    if hung is not None:
        found[hung] = _NAMES["HV"]
    return found


def tet_days_off(year: int) -> tuple[date, date]:
    """First and last weekday off for Tết in ``year`` (the table's, or projected)."""
    if year in TABLE_YEARS:
        days = [d for d, name in HOLIDAY_ROWS if d.year == year and name == _NAMES["NĐ"]]
    else:
        days = [d for d, name in _projected_lunar(year).items() if name == _NAMES["NĐ"]]
    return min(days), max(days)


def crosses_unannounced(start: date, end: date) -> bool:
    """Whether the days from ``start`` to ``end`` hold a Tết whose days off are not yet
    announced (so a count of working days across it is approximate)."""
    first, last = min(start, end), max(start, end)
    for year in range(max(first.year, ANNOUNCED_THROUGH + 1), last.year + 1):
        off = tet_days_off(year)
        if first <= off[1] and off[0] <= last:
            return True
    return False


def is_working_day(day: date) -> bool:
    """True on Monday–Friday that is not a holiday, and on announced make-up Saturdays."""
    if day in MAKEUP_WORKING_DAYS:
        return True
    return day.weekday() < 5 and holiday_name(day) is None


def add_working_days(start: date, n: int) -> date:
    """The ``n``-th working day after ``start`` (``start`` itself is not counted).

    ``n == 0`` returns ``start``; a negative ``n`` counts backwards.
    """
    step = timedelta(days=1 if n >= 0 else -1)
    day, left = start, abs(n)
    while left:
        day += step
        if is_working_day(day):
            left -= 1
    return day


# --- calendar periods -------------------------------------------------------------


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    if month == 2 and _stdcal.isleap(year):
        return 29
    return _MONTH_DAYS[month - 1]


def month_end(year: int, month: int) -> date:
    return date(year, month, days_in_month(year, month))


def clamp_day(year: int, month: int, day: int) -> date:
    """``date(year, month, day)`` with ``day`` clamped to the month's length."""
    return date(year, month, min(day, days_in_month(year, month)))


def add_months(day: date, months: int) -> date:
    """Same day ``months`` later, clamped to the end of a shorter month (BLDS 2015 art. 148)."""
    index = day.year * 12 + day.month - 1 + months
    return clamp_day(index // 12, index % 12 + 1, day.day)


def quarter_months(quarter: int) -> tuple[int, int]:
    """First and last month of a quarter (1–4)."""
    return (3 * quarter - 2, 3 * quarter)


def valid_date(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= days_in_month(year, month)


def weekday_vi(day: date) -> str:
    """Vietnamese weekday name: "thứ Hai" … "thứ Bảy", "Chủ nhật"."""
    return WEEKDAYS_VI[day.weekday()]


WEEKDAYS_VI = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
