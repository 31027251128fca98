"""How big a plan may be: the limits that keep every command bounded in time and memory.

A plans repository is hostile input (a colleague's clone, a CI job): a file that passes
``check`` must also render, track and format within bounded time and memory. The limits are
far above any real plan (the heaviest of the benchmark's 1,000 synthetic plans has 2,416 YAML
values, 100 tasks and 2,454 obligation rows; the longest paragraph of the real seeds is 795
characters) and are stated, with the test that proves each, in docs/guarantees.md. The
file's own shape (size, nesting, line length) is limited in ``kehoach.load.source``.
"""

from __future__ import annotations

import datetime as dt

MIN_YEAR = 1900
MAX_YEAR = 2199
"""The calendar kehoach reasons about: every date and year of a plan (and ``--as-of``) lies
in it. The deadline reader reads the same years; date arithmetic (a year's horizon, ``trong
999 tháng``) stays far inside what ``datetime`` can hold."""
MIN_DATE = dt.date(MIN_YEAR, 1, 1)
MAX_DATE = dt.date(MAX_YEAR, 12, 31)

MAX_INT_DIGITS = 100
"""Longest integer accepted (Python refuses to print integers past 4,300 digits)."""

MAX_VALUES = 100_000
"""YAML values (keys, scalars, lists and mappings) in one file: 40 times the heaviest
benchmark plan, 24 times the benchmark's registry of 270 bodies; loading costs about a
kilobyte and 5 microseconds per value."""

MAX_TEXT = 15_000
"""Characters in one text value. ``fmt`` writes a text that needs quoting on one line with
at most six characters per character (``\\uFEFF``): 15,000 keeps that line, indented at the
deepest nesting, under the 100,000-character line limit, so ``fmt`` can write every file
``check`` accepts."""

MAX_ENTRIES = 1_500
"""Entries ``render`` prints as a paragraph or a table row of their own, in one plan: items
(``phan`` and every ``muc`` below), legal bases, closing paragraphs, recipients, footnotes,
committee members and agenda entries. python-docx costs about a millisecond and 10–40 KB for
each paragraph or table cell it writes: a plan at this limit, at the two below and at the
file size limit at once renders in under 256 MiB (docs/guarantees.md)."""

MAX_TASKS = 500
"""Tasks (``nhiem_vu``) in one plan: five times the heaviest benchmark plan, twenty times the
largest real seed; each is a row of the generated task table (``bang_nhiem_vu``)."""

MAX_TABLE_CELLS = 2_000
"""Cells of the annexes' own tables (``phu_luc[].bang``), headers included, in one plan (a
table of 200 rows × 10 columns)."""

MAX_PERIOD_YEARS = 50
"""Longest period (``giai_doan``): from ``tu`` to ``den``, in calendar years."""

MAX_OBLIGATIONS = 50_000
"""Obligation rows one plan may give (occurrences × assignees, coordinators included), as
counted by ``kehoach.tracking.bounds``: 20 times the heaviest benchmark plan. ``tasks``
printing all of them peaks near 130 MiB."""


def in_calendar(day: dt.date) -> bool:
    return MIN_DATE <= day <= MAX_DATE


def calendar_vi() -> str:
    """The calendar's span, as messages say it."""
    return f"từ năm {MIN_YEAR} đến năm {MAX_YEAR}"
