"""The Vietnamese lunar calendar (âm lịch), computed for Việt Nam's time zone (UTC+7).

Hồ Ngọc Đức's published algorithm ("Thuật toán tính âm lịch", the one Vietnamese calendar
sites use): new moons and the sun's longitude from Meeus's low-precision series, month 11
is the month holding the winter solstice, and in a year of 13 months the first month with no
major solar term is the leap month. Libraries of the Chinese calendar compute at UTC+8, and
the two calendars then differ in some years (Tết 1985 is 21/01 in Việt Nam, 20/02 in China;
Tết 2007 is 17/02, not 18/02). tests/test_deadline_lunar.py checks every month of 1900–2199
against a table computed independently from the PyEphem ephemeris (tests/data/lunar/).

Standard library only, and cheap: a conversion is a few dozen floating-point operations.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

TIME_ZONE = 7.0
_SYNODIC = 29.530588853
_EPOCH_NEW_MOON = 2415021.076998695  # the first new moon of 1900, a Julian day
_JDN_OFFSET = 1721425  # Julian day number of a date = its proleptic ordinal + this
_RAD = math.pi / 180
# New moons of 1900–2199 that fall less than three minutes before local midnight by the
# PyEphem ephemeris, where the series above puts them just after it: the ephemeris decides
# (indices k of ``_new_moon_day``). Past 2100 the uncertainty of ΔT (Earth's rotation) is
# itself minutes, so those days are as good as any table can give.
_NEW_MOON_DAY_BEFORE = frozenset({550, 2139, 2200, 2849, 3097, 3208, 3402, 3699})

STEMS = ("Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý")
BRANCHES = ("Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi")
# The names without diacritics, as the deadline grammar matches them (Tý and Tỵ both "ty").
STEMS_FOLDED = ("giap", "at", "binh", "dinh", "mau", "ky", "canh", "tan", "nham", "quy")
BRANCHES_FOLDED = (
    "ty", "suu", "dan", "mao", "thin", "ty", "ngo", "mui", "than", "dau", "tuat", "hoi",
)


@dataclass(frozen=True, slots=True)
class LunarDate:
    """A day of the lunar calendar; ``year`` is the solar year in which its Tết falls."""

    day: int
    month: int
    year: int
    leap: bool = False


def _jdn(day: date) -> int:
    return day.toordinal() + _JDN_OFFSET


def _date(jdn: int) -> date:
    return date.fromordinal(jdn - _JDN_OFFSET)


@lru_cache(maxsize=4096)
def _new_moon_day(k: int) -> int:
    """Julian day number (local) of the k-th new moon after the first one of 1900."""
    t = k / 1236.85
    t2, t3 = t * t, t * t * t
    jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd1 += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * _RAD)
    m = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * _RAD
    mpr = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * _RAD
    f = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * _RAD
    c1 = (0.1734 - 0.000393 * t) * math.sin(m) + 0.0021 * math.sin(2 * m)
    c1 += -0.4068 * math.sin(mpr) + 0.0161 * math.sin(2 * mpr) - 0.0004 * math.sin(3 * mpr)
    c1 += 0.0104 * math.sin(2 * f) - 0.0051 * math.sin(m + mpr) - 0.0074 * math.sin(m - mpr)
    c1 += 0.0004 * math.sin(2 * f + m) - 0.0004 * math.sin(2 * f - m)
    c1 += -0.0006 * math.sin(2 * f + mpr) + 0.0010 * math.sin(2 * f - mpr)
    c1 += 0.0005 * math.sin(2 * mpr + m)
    if t < -11:
        delta_t = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2
    day = math.floor(jd1 + c1 - delta_t + 0.5 + TIME_ZONE / 24)
    return day - 1 if k in _NEW_MOON_DAY_BEFORE else day


def _sun_sector(jdn: int) -> int:
    """Which 30° sector (0–11) of the ecliptic the sun is in at local midnight of ``jdn``."""
    t = (jdn - 2451545.5 - TIME_ZONE / 24) / 36525
    t2 = t * t
    m = (357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * _RAD
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(m)
    dl += (0.019993 - 0.000101 * t) * math.sin(2 * m) + 0.000290 * math.sin(3 * m)
    longitude = ((l0 + dl) * _RAD) % (2 * math.pi)
    return math.floor(longitude / math.pi * 6)


@lru_cache(maxsize=1024)
def _month11(year: int) -> int:
    """Julian day number of the first day of lunar month 11 that begins in solar ``year``."""
    k = math.floor((_jdn(date(year, 12, 31)) - 2415021) / _SYNODIC)
    start = _new_moon_day(k)
    return _new_moon_day(k - 1) if _sun_sector(start) >= 9 else start


@lru_cache(maxsize=1024)
def _leap_offset(a11: int) -> int:
    """How many months after month 11 (starting ``a11``) the leap month comes."""
    k = math.floor((a11 - _EPOCH_NEW_MOON) / _SYNODIC + 0.5)
    i = 1
    arc = _sun_sector(_new_moon_day(k + i))
    while True:
        last = arc
        i += 1
        arc = _sun_sector(_new_moon_day(k + i))
        if arc == last or i >= 14:
            return i - 1


def to_lunar(day: date) -> LunarDate:
    """The lunar date of a solar ``day``."""
    jdn = _jdn(day)
    k = math.floor((jdn - _EPOCH_NEW_MOON) / _SYNODIC) + 1
    month_start = _new_moon_day(k)
    while month_start > jdn:  # the estimate of k can be one month too late
        k -= 1
        month_start = _new_moon_day(k)
    a11 = b11 = _month11(day.year)
    if a11 >= month_start:
        year = day.year
        a11 = _month11(day.year - 1)
    else:
        year = day.year + 1
        b11 = _month11(day.year + 1)
    diff = math.floor((month_start - a11) / 29)
    month, leap = diff + 11, False
    if b11 - a11 > 365:
        leap_diff = _leap_offset(a11)
        if diff >= leap_diff:
            month = diff + 10
            leap = diff == leap_diff
    if month > 12:
        month -= 12
    if month >= 11 and diff < 4:
        year -= 1
    return LunarDate(jdn - month_start + 1, month, year, leap)


def _month_start(month: int, year: int, leap: bool) -> int | None:
    """Julian day number of the first day of a lunar month; None for a leap month that the
    year does not have."""
    if month < 11:
        a11, b11 = _month11(year - 1), _month11(year)
    else:
        a11, b11 = _month11(year), _month11(year + 1)
    k = math.floor(0.5 + (a11 - _EPOCH_NEW_MOON) / _SYNODIC)
    offset = month - 11 + (12 if month < 11 else 0)
    if b11 - a11 > 365:
        leap_offset = _leap_offset(a11)
        leap_month = (leap_offset - 2) % 12
        if leap and month != leap_month:
            return None
        if leap or offset >= leap_offset:
            offset += 1
    elif leap:
        return None
    return _new_moon_day(k + offset)


def to_solar(day: int, month: int, year: int, leap: bool = False) -> date | None:
    """The solar date of lunar ``day``/``month`` of lunar ``year``; None when there is no such
    day (a 30th in a month of 29 days, a leap month the year does not have)."""
    if not (1 <= month <= 12 and 1 <= day <= 30):
        return None
    start = _month_start(month, year, leap)
    if start is None:
        return None
    found = _date(start + day - 1)
    return found if day < 30 or to_lunar(found).day == 30 else None


def new_year(year: int) -> date:
    """Tết Nguyên đán (mùng 1 tháng Giêng) of lunar ``year``."""
    found = to_solar(1, 1, year)
    assert found is not None  # month 1 is never a leap month, and day 1 always exists
    return found


def year_name(year: int) -> str:
    """The sexagenary name of a lunar year: 2024 → "Giáp Thìn"."""
    return f"{STEMS[(year + 6) % 10]} {BRANCHES[(year + 8) % 12]}"


def named_year(folded_name: str, near: int) -> int | None:
    """The year whose name, without diacritics, is ``folded_name`` ("giap thin"), nearest to
    ``near``; None for a name no year has. Tý and Tỵ are told apart by the stem: a year's
    stem and branch are both of even or both of odd rank."""
    stem_word, _, branch_word = folded_name.partition(" ")
    if stem_word not in STEMS_FOLDED:
        return None
    stem = STEMS_FOLDED.index(stem_word)
    for year in range(near - 29, near + 31):
        branch = (year + 8) % 12
        if (year + 6) % 10 == stem and BRANCHES_FOLDED[branch] == branch_word:
            return year
    return None
