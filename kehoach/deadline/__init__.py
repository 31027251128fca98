"""Vietnamese deadline phrases (thời hạn) read into structured deadlines.

>>> d = read_deadline("gửi Sở Nội vụ tổng hợp trước ngày 10/6/2023")
>>> d.kind, d.occurrences
('date', (datetime.date(2023, 6, 10),))

See docs/deadlines.md for every reading rule and the holiday table.
"""

from typing import TYPE_CHECKING, Any

from kehoach.deadline.calendar import (
    HOLIDAYS,
    LUNAR_NEW_YEAR,
    MAKEUP_WORKING_DAYS,
    add_working_days,
    is_working_day,
)
from kehoach.deadline.explain import KIND_NAMES_VI, explain, label, to_json
from kehoach.deadline.reading import KINDS, Deadline, Kind, Problem, Recurrence, Relative
from kehoach.deadline.resolve import due, occurrences, resolve_relative

# The grammar is imported when first used (PEP 562): importing a module of this package —
# ``kehoach.deadline.clock`` for today's date — then does not compile its regular
# expressions, which a ``check`` that finds every file unchanged never uses (~40 ms).
if TYPE_CHECKING:
    from kehoach.deadline.grammar import clear_cache, read_deadline


def __getattr__(name: str) -> Any:
    if name not in ("clear_cache", "read_deadline"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from kehoach.deadline import grammar

    value = getattr(grammar, name)
    globals()[name] = value
    return value

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
