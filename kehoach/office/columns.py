"""The columns of the sheets people read: Vietnamese titles, widths that print on A4
landscape, and what each cell holds (real dates, numbers and rates, not text)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import PurePath
from typing import Any

from kehoach.tracking.obligations import ROLE_VI, STATUS_VI, STATUSES, Obligation
from kehoach.tracking.summary import SummaryRow

TEXT, WRAP, DATE, INT, PERCENT = "text", "wrap", "date", "int", "percent"


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # Excel's unit: the width of one digit
    kind: str
    value: Callable[[Any], Any]


def plan_label(row: Obligation) -> str:
    """The plan as people name it: its number and symbol, else its file name (a draft's
    symbol without its number, "/KH-UBND", names nothing)."""
    symbol = row.so_ky_hieu
    if symbol and symbol[0] not in "/-":
        return symbol
    return PurePath(row.plan).name


def obligation_columns(name: Callable[[str], str] | None = None) -> tuple[Column, ...]:
    """The columns of a sheet of rows; ``name`` gives a body's name for its id
    (``Registry.name``), so that an inherited row names the body first assigned."""
    def body(row: Obligation) -> str:
        first = row.original_agency
        return row.agency_name + (f" (nhận từ {name(first) if name else first})" if first else "")

    return (*_OBLIGATION_START, Column("Cơ quan", 20, WRAP, body), *_OBLIGATION_END)


_OBLIGATION_START = (
    Column("Kế hoạch", 13, WRAP, plan_label),
    Column("Nhiệm vụ", 12, WRAP, lambda r: r.task_id),
    Column("Nội dung", 42, WRAP, lambda r: r.text),
)
_OBLIGATION_END = (
    Column("Vai trò", 8, TEXT, lambda r: ROLE_VI[r.role]),
    Column("Kỳ", 10, TEXT, lambda r: r.occurrence or None),
    Column("Thời hạn (theo văn bản)", 18, WRAP, lambda r: r.deadline),
    Column("Hạn", 10.5, DATE, lambda r: r.due),
    Column("Tình trạng", 14, WRAP, lambda r: STATUS_VI[r.status]),
    Column("Số ngày quá hạn", 8, INT, lambda r: r.days_overdue or r.days_late or None),
    Column("Ngày hoàn thành", 10.5, DATE, lambda r: r.completed),
    Column("Minh chứng", 16, WRAP, lambda r: r.completion.minh_chung if r.completion else None),
)
OBLIGATION_COLUMNS = obligation_columns()

def _count(status: str, row: SummaryRow) -> int:
    return row.counts[status]


SUMMARY_COLUMNS = (
    Column("Cơ quan", 40, WRAP, lambda r: r.agency_name),
    *(Column(STATUS_VI[s], 12, INT, partial(_count, s)) for s in STATUSES),
    Column("Tổng", 8, INT, lambda r: r.total),
    Column("Đã đến hạn", 10, INT, lambda r: r.due),
    Column("Tỷ lệ đúng hạn", 11, PERCENT, lambda r: r.on_time_rate),
)


def as_cell(value: Any) -> Any:
    """What a workbook cell holds: dates as dates (Excel shows them dd/mm/yyyy)."""
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    return value


__all__ = ["OBLIGATION_COLUMNS", "SUMMARY_COLUMNS", "Column", "SummaryRow", "as_cell",
           "plan_label"]
