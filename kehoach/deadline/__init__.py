"""Vietnamese deadline phrases (thời hạn) read into structured deadlines.

>>> d = read_deadline("gửi Sở Nội vụ tổng hợp trước ngày 10/6/2023")
>>> d.kind, d.occurrences
('date', (datetime.date(2023, 6, 10),))

See docs/deadlines.md for every reading rule and the holiday table.
"""

from kehoach.deadline.calendar import (
    HOLIDAYS,
    LUNAR_NEW_YEAR,
    MAKEUP_WORKING_DAYS,
    add_working_days,
    is_working_day,
)
from kehoach.deadline.explain import KIND_NAMES_VI, explain, label, to_json
from kehoach.deadline.grammar import clear_cache, read_deadline
from kehoach.deadline.reading import KINDS, Deadline, Kind, Problem, Recurrence, Relative
from kehoach.deadline.resolve import due, occurrences, resolve_relative

__all__ = [
    "HOLIDAYS",
    "KINDS",
    "KIND_NAMES_VI",
    "LUNAR_NEW_YEAR",
    "MAKEUP_WORKING_DAYS",
    "Deadline",
    "Kind",
    "Problem",
    "Recurrence",
    "Relative",
    "add_working_days",
    "clear_cache",
    "due",
    "explain",
    "is_working_day",
    "label",
    "occurrences",
    "read_deadline",
    "resolve_relative",
    "to_json",
]
