"""CSV for people who insist on CSV (``--headers vi``): Vietnamese column titles, status and
role words, dates dd/mm/yyyy. The plain CSV keeps its column ids and value codes: it is a
contract with scripts (docs/tracking.md)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from kehoach.tracking import tables
from kehoach.tracking.obligations import ROLE_VI, STATUS_VI

TITLES = {
    "plan": "Tệp kế hoạch", "so_ky_hieu": "Số, ký hiệu", "task_id": "Mã nhiệm vụ",
    "agency": "Mã cơ quan", "agency_name": "Cơ quan", "original_agency": "Nhận từ cơ quan",
    "role": "Vai trò", "occurrence": "Kỳ", "due": "Hạn", "approximate": "Hạn dự kiến",
    "status": "Tình trạng", "status_vi": "Tình trạng (diễn giải)", "days_late": "Số ngày trễ",
    "days_overdue": "Số ngày quá hạn", "days_left": "Số ngày còn lại",
    "completed": "Ngày hoàn thành", "evidence": "Minh chứng", "completion_note": "Ghi chú",
    "deadline": "Thời hạn", "original_deadline": "Thời hạn gốc", "original_due": "Hạn gốc",
    "extension_document": "Văn bản gia hạn", "extension_date": "Ngày gia hạn",
    "as_of": "Tính đến ngày", "text": "Nội dung", "total": "Tổng",
    "due_by_as_of": "Đã đến hạn", "on_time_rate": "Tỷ lệ đúng hạn",
    **STATUS_VI,
}
_DATES = {"due", "completed", "original_due", "extension_date", "as_of"}


def _value(column: str, value: Any) -> str:
    if value is None:
        return ""
    if column in _DATES:
        return f"{dt.date.fromisoformat(value):%d/%m/%Y}"
    if column == "status":
        return STATUS_VI[value]
    if column == "role":
        return ROLE_VI[value]
    if isinstance(value, bool):
        return "có" if value else "không"
    if column == "on_time_rate":
        return f"{value * 100:.1f}%".replace(".", ",")
    return str(value)


def csv_vi_chunks(records: Iterable[dict[str, Any]], columns: Sequence[str]) -> Iterator[str]:
    """The records with Vietnamese titles and words, in the plain CSV's byte conventions, a
    row at a time (``tables.csv_chunks``)."""
    people = ({TITLES[c]: _value(c, r[c]) for c in columns} for r in records)
    return tables.csv_chunks(people, [TITLES[c] for c in columns])
