"""dateparser fallback for date forms the grammar does not know.

dateparser is imported lazily, inside ``guess_date`` (never at module import), and only
for text that holds a digit. Its warnings are silenced and any exception it raises is
swallowed: the caller gets ``None``. A reading built from it is marked ``guess=True``.
"""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime

_HAS_DIGIT = re.compile(r"[0-9]")


def guess_date(text: str, reference: date | None) -> tuple[date, str] | None:
    """The first full date (day, month and year) dateparser finds in ``text``, with the
    substring it read; None when it finds none or fails."""
    if not _HAS_DIGIT.search(text):
        return None
    settings: dict[str, object] = {
        "DATE_ORDER": "DMY",
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if reference is not None:
        settings["RELATIVE_BASE"] = datetime(reference.year, reference.month, reference.day)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from dateparser.search import search_dates

            found = search_dates(text, languages=["vi"], settings=settings)
    except Exception:  # dateparser must never raise out of the reader
        return None
    if not found:
        return None
    matched, moment = found[0]
    return moment.date(), matched
