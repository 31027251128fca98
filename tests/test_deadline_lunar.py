"""The Vietnamese lunar calendar against an independent reference, 1900–2199.

tests/data/lunar/reference.tsv was computed from the PyEphem ephemeris with the calendar's rule
stated directly (tests/data/lunar/make_reference.py says how); kehoach.deadline.lunar uses Hồ
Ngọc Đức's series. Every month of every lunar year 1900–2199 must agree: its first day, its
length, its number and whether it is a leap month.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from kehoach.deadline.calendar import LUNAR_NEW_YEAR
from kehoach.deadline.lunar import LunarDate, new_year, to_lunar, to_solar, year_name

REFERENCE = Path(__file__).parent / "data" / "lunar" / "reference.tsv"


def _months() -> Iterator[tuple[int, int, bool, date, int]]:
    """(lunar year, month, leap, first day, length) of every month in the reference."""
    for line in REFERENCE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        year, tet, leap_month, lengths = line.split("\t")
        start, number = date.fromisoformat(tet), 0
        for i, bit in enumerate(lengths):
            leap = int(leap_month) == number and i == number and number > 0
            if not leap:
                number += 1
            length = 30 if bit == "1" else 29
            yield int(year), number, leap, start, length
            start += timedelta(days=length)


MONTHS = list(_months())


def test_the_reference_covers_1900_to_2199() -> None:
    years = {m[0] for m in MONTHS}
    assert years == set(range(1900, 2200))
    assert len(MONTHS) == 300 * 12 + sum(1 for m in MONTHS if m[2])
    assert sum(1 for m in MONTHS if m[2]) > 100  # about 7 leap months in 19 years


def test_every_month_agrees_with_the_reference() -> None:
    wrong = []
    for year, month, leap, start, length in MONTHS:
        last = start + timedelta(days=length - 1)
        if (
            to_solar(1, month, year, leap) != start
            or to_lunar(start) != LunarDate(1, month, year, leap)
            or to_lunar(last) != LunarDate(length, month, year, leap)
            or (length == 29 and to_solar(30, month, year, leap) is not None)
        ):
            wrong.append((year, month, leap, start))
    assert wrong == []


@pytest.mark.parametrize(
    ("year", "vietnam", "china"),
    [
        # The Chinese calendar (UTC+8) of the same years, as lunardate 0.3.0 gives it.
        (1985, date(1985, 1, 21), date(1985, 2, 20)),
        (2007, date(2007, 2, 17), date(2007, 2, 18)),
        (2030, date(2030, 2, 2), date(2030, 2, 3)),
    ],
)
def test_tet_is_vietnams_not_chinas(year: int, vietnam: date, china: date) -> None:
    assert new_year(year) == vietnam != china


def test_the_holiday_tables_tet_is_the_calendars() -> None:
    assert {y: new_year(y) for y in LUNAR_NEW_YEAR} == LUNAR_NEW_YEAR


@pytest.mark.parametrize(
    ("lunar", "solar"),
    [
        ((15, 1, 2025, False), date(2025, 2, 12)),  # Rằm tháng Giêng Ất Tỵ
        ((5, 5, 2024, False), date(2024, 6, 10)),  # Tết Đoan ngọ
        ((15, 8, 2024, False), date(2024, 9, 17)),  # Tết Trung thu
        ((10, 3, 2024, False), date(2024, 4, 18)),  # Giỗ Tổ Hùng Vương (the holiday table's)
        ((1, 2, 2023, True), date(2023, 3, 22)),  # tháng 2 nhuận Quý Mão
        ((23, 12, 2023, False), date(2024, 2, 2)),  # ông Công ông Táo, before Tết Giáp Thìn
    ],
)
def test_festival_days(lunar: tuple[int, int, int, bool], solar: date) -> None:
    assert to_solar(*lunar) == solar
    assert to_lunar(solar) == LunarDate(*lunar)


def test_days_that_do_not_exist() -> None:
    assert to_solar(1, 3, 2023, leap=True) is None  # 2023 has a leap 2nd month, not a 3rd
    assert to_solar(1, 5, 2024, leap=True) is None  # 2024 has no leap month
    assert to_solar(31, 1, 2024) is None
    assert to_solar(1, 13, 2024) is None


def test_year_names() -> None:
    assert [year_name(y) for y in (1984, 2024, 2025, 2026)] == [
        "Giáp Tý", "Giáp Thìn", "Ất Tỵ", "Bính Ngọ",
    ]
