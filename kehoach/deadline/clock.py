"""The calendar day in Việt Nam, and days as officials type them on the command line."""

from __future__ import annotations

import datetime as dt
import re

VN_OFFSET = dt.timezone(dt.timedelta(hours=7), "ICT")
_DMY = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")



def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def vn_zone() -> dt.tzinfo:
    """Asia/Ho_Chi_Minh; a fixed UTC+7 when tzdata is missing (Việt Nam has no DST)."""
    try:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
    except ImportError:  # pragma: no cover - zoneinfo is in the standard library since 3.9
        return VN_OFFSET
    try:
        return ZoneInfo("Asia/Ho_Chi_Minh")
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return VN_OFFSET


def today_vn(now: dt.datetime | None = None) -> dt.date:
    """Today's date in Việt Nam, whatever the machine's time zone."""
    moment = now or _utc_now()
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(vn_zone()).date()


def parse_day(text: str) -> dt.date:
    """A day given on the command line: ``2024-11-15`` or ``15/11/2024``; ValueError else."""
    match = _DMY.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return dt.date(year, month, day)
    return dt.date.fromisoformat(text.strip())
