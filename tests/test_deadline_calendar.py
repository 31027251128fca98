"""The holiday table, working days and period arithmetic of kehoach.deadline.calendar."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest

from kehoach.deadline import (
    HOLIDAYS,
    LUNAR_NEW_YEAR,
    MAKEUP_WORKING_DAYS,
    add_working_days,
    is_working_day,
)
from kehoach.deadline.calendar import (
    HOLIDAY_ROWS,
    TABLE_YEARS,
    add_months,
    holiday_name,
    month_end,
    weekday_vi,
)

D = date


def test_table_has_no_duplicate_days() -> None:
    counts = Counter(day for day, _ in HOLIDAY_ROWS)
    assert [day for day, n in counts.items() if n > 1] == []
    assert len(HOLIDAYS) == len(HOLIDAY_ROWS)


@pytest.mark.parametrize("year", list(TABLE_YEARS))
def test_each_year_has_its_fixed_holidays(year: int) -> None:
    for month, day in ((1, 1), (4, 30), (5, 1), (9, 2)):
        assert D(year, month, day) in HOLIDAYS
    assert all(day.year == year for day in HOLIDAYS if day.year == year)


@pytest.mark.parametrize("year", list(TABLE_YEARS))
def test_weekdays_off_match_the_statutory_count(year: int) -> None:
    """Weekdays off minus worked Saturdays = statutory days (10 to 2020, 11, 12 from 2026)."""
    off = sum(1 for day in HOLIDAYS if day.year == year and day.weekday() < 5)
    worked = sum(1 for day in MAKEUP_WORKING_DAYS if day.year == year)
    statutory = 10 if year == 2020 else 11 if year <= 2025 else 12
    assert off - worked == statutory


@pytest.mark.parametrize("year", list(TABLE_YEARS))
def test_tet_block_contains_the_lunar_new_year(year: int) -> None:
    tet = sorted(day for day, name in HOLIDAY_ROWS if name == "Tết Nguyên đán" and day.year == year)
    lny, eve = LUNAR_NEW_YEAR[year], LUNAR_NEW_YEAR[year] - timedelta(days=1)
    assert tet[0] <= lny <= tet[-1]
    assert tet[0] <= eve or eve.weekday() >= 5  # the eve is off unless it is a weekend day
    assert (tet[-1] - tet[0]).days <= 8
    assert tet[0].weekday() < 5 and tet[-1].weekday() < 5
    assert sum(1 for day in tet if day.weekday() < 5) == 5


def test_known_official_tet_holidays() -> None:
    expected = {
        2023: (D(2023, 1, 20), D(2023, 1, 26)),
        2024: (D(2024, 2, 8), D(2024, 2, 14)),
        2025: (D(2025, 1, 27), D(2025, 1, 31)),
        2026: (D(2026, 2, 16), D(2026, 2, 20)),
    }
    for year, (first, last) in expected.items():
        tet = sorted(d for d, n in HOLIDAY_ROWS if n == "Tết Nguyên đán" and d.year == year)
        assert (tet[0], tet[-1]) == (first, last)


def test_hung_kings_day_is_a_holiday() -> None:
    for day in (D(2023, 4, 29), D(2024, 4, 18), D(2025, 4, 7), D(2026, 4, 26)):
        assert HOLIDAYS[day].startswith("Giỗ Tổ Hùng Vương")


def test_compensatory_and_swapped_days() -> None:
    assert "nghỉ bù" in HOLIDAYS[D(2022, 1, 3)]  # 1/1/2022 was a Saturday
    assert "nghỉ bù" in HOLIDAYS[D(2023, 9, 4)]  # 2/9/2023 was a Saturday
    assert D(2024, 4, 29) in HOLIDAYS and is_working_day(D(2024, 5, 4))  # swap 2024
    assert D(2025, 5, 2) in HOLIDAYS and is_working_day(D(2025, 4, 26))  # swap 2025


def test_is_working_day() -> None:
    assert is_working_day(D(2024, 2, 7))  # Wednesday before Tết
    assert not is_working_day(D(2024, 2, 12))  # Tết
    assert not is_working_day(D(2024, 2, 17))  # Saturday
    assert not is_working_day(D(2035, 9, 2))  # outside the table: fixed solar dates
    assert holiday_name(D(2035, 1, 1)) == "Tết Dương lịch"
    assert holiday_name(D(2035, 3, 3)) is None


def test_working_days_across_tet_2024() -> None:
    assert add_working_days(D(2024, 2, 7), 1) == D(2024, 2, 15)
    assert add_working_days(D(2024, 2, 7), 10) == D(2024, 2, 28)


def test_working_days_across_30_4_and_1_5() -> None:
    # 2024: 27/4–1/5 off (29/4 swapped), Saturday 4/5 worked.
    assert add_working_days(D(2024, 4, 26), 1) == D(2024, 5, 2)
    assert add_working_days(D(2024, 4, 26), 3) == D(2024, 5, 4)
    assert add_working_days(D(2024, 4, 26), 4) == D(2024, 5, 6)
    # 2023: Giỗ Tổ 29/4 (Sat) + 30/4 (Sun) + 1/5 → off until 3/5.
    assert add_working_days(D(2023, 4, 28), 1) == D(2023, 5, 4)


def test_working_days_plain_week_zero_and_backwards() -> None:
    assert add_working_days(D(2023, 6, 1), 5) == D(2023, 6, 8)  # Thu + 5 → next Thu
    assert add_working_days(D(2023, 6, 3), 0) == D(2023, 6, 3)
    assert add_working_days(D(2024, 2, 15), -1) == D(2024, 2, 7)


def test_every_step_of_add_working_days_lands_on_a_working_day() -> None:
    start = D(2020, 1, 1)
    for n in range(1, 400, 7):
        day = add_working_days(start, n)
        assert is_working_day(day)
        count = sum(
            is_working_day(start + timedelta(days=i)) for i in range(1, (day - start).days + 1)
        )
        assert count == n


def test_month_arithmetic_and_weekday_names() -> None:
    assert month_end(2024, 2) == D(2024, 2, 29)
    assert month_end(2023, 2) == D(2023, 2, 28)
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2023, 11, 30), 3) == D(2024, 2, 29)
    assert add_months(D(2023, 3, 15), -3) == D(2022, 12, 15)
    assert weekday_vi(D(2022, 11, 4)) == "thứ Sáu"
    assert weekday_vi(D(2022, 11, 6)) == "Chủ nhật"
