"""Regenerate reference.tsv: the Vietnamese lunar calendar 1900–2199 from an ephemeris.

An independent source for tests/test_deadline_lunar.py: the PyEphem ephemeris (VSOP87 for the
sun, ELP for the moon — not Hồ Ngọc Đức's series that kehoach.deadline.lunar uses) and the rule
of the calendar stated directly, in Việt Nam's time zone (UTC+7):

* a month begins on the local day of a new moon;
* month 11 is the month holding the (local day of the) winter solstice;
* when 13 months begin between two months 11, the first of them holding no major solar term
  (the sun's apparent longitude crossing a multiple of 30°, local day) is the leap month,
  numbered as the month before it.

Not run by the tests (the project does not depend on ephem). To regenerate::

    pip install ephem==4.2.1
    python tests/data/lunar/make_reference.py > tests/data/lunar/reference.tsv
"""

from __future__ import annotations

import datetime as dt
import math

import ephem

ZONE = 7 * ephem.hour
FIRST, LAST = 1900, 2199
_SUN = ephem.Sun()


def local_day(moment: float) -> dt.date:
    return ephem.Date(moment + ZONE).datetime().date()


def longitude(moment: float) -> float:
    """The sun's apparent geocentric ecliptic longitude, degrees, equinox of date."""
    _SUN.compute(moment)
    eq = ephem.Equatorial(_SUN.g_ra, _SUN.g_dec, epoch=moment)
    return math.degrees(float(ephem.Ecliptic(eq, epoch=moment).lon))


def major_terms(start: float, end: float) -> list[dt.date]:
    """Local days on which the sun crosses a multiple of 30° between two moments."""
    days = []
    t = start
    while t < end:
        a, b = longitude(t), longitude(t + 1)
        if math.floor(a / 30) != math.floor(b / 30) or (b < a):  # a crossing within this day
            target = (math.floor(a / 30) + 1) * 30 % 360
            lo, hi = t, t + 1
            for _ in range(40):
                mid = (lo + hi) / 2
                delta = (longitude(mid) - target + 180) % 360 - 180
                lo, hi = (mid, hi) if delta < 0 else (lo, mid)
            days.append(local_day(lo))
        t += 1
    return days


def month_starts() -> list[dt.date]:
    starts = []
    moment = ephem.Date(f"{FIRST - 1}/9/1")
    while True:
        moment = ephem.next_new_moon(moment)
        day = local_day(moment)
        if day > dt.date(LAST + 2, 2, 1):
            return starts
        starts.append(day)


def main() -> None:
    starts = month_starts()
    terms = set(major_terms(float(ephem.Date(f"{FIRST - 1}/9/1")),
                            float(ephem.Date(f"{LAST + 2}/2/1"))))
    solstices = {y: local_day(ephem.next_solstice(f"{y}/12/1")) for y in range(FIRST - 1, LAST + 2)}
    # index of month 11 of each solar year: the month holding that year's winter solstice
    m11 = {y: max(i for i, s in enumerate(starts) if s <= d) for y, d in solstices.items()}
    labels: dict[int, tuple[int, int, bool]] = {}  # month index -> (lunar year, month, leap)
    for y in range(FIRST - 1, LAST + 1):
        a, b = m11[y], m11[y + 1]
        leap_at = None
        if b - a == 13:
            leap_at = next(i for i in range(a + 1, b)
                           if not any(starts[i] <= t < starts[i + 1] for t in terms))
        number = 11
        for i in range(a, b):
            if i == leap_at:
                labels[i] = (labels[i - 1][0], labels[i - 1][1], True)
                continue
            if i != a:
                number = number % 12 + 1
            labels[i] = (y + 1 if number < 11 else y, number, False)
    print("# Vietnamese lunar calendar (UTC+7) from the PyEphem ephemeris; see make_reference.py.")
    print("# year\ttet\tleap_month\tmonth_lengths (one per month from month 1, leap month in its"
          " place; 0 = 29 days, 1 = 30 days)")
    for year in range(FIRST, LAST + 1):
        months = sorted(i for i, lab in labels.items() if lab[0] == year)
        leap = next((labels[i][1] for i in months if labels[i][2]), 0)
        lengths = "".join("1" if (starts[i + 1] - starts[i]).days == 30 else "0" for i in months)
        print(f"{year}\t{starts[months[0]].isoformat()}\t{leap}\t{lengths}")


if __name__ == "__main__":
    main()
