"""Output of tracking rows, one pure function per format: JSON, CSV, plain text cells.

JSON: a list of objects, keys sorted, UTF-8 as is (``ensure_ascii=False``), dates ISO, absent
values ``null``. CSV: UTF-8 with a BOM (Excel then shows Vietnamese), CRLF line ends, the
fixed column order of ``OBLIGATION_COLUMNS`` / ``SUMMARY_COLUMNS``, absent values empty,
booleans ``true``/``false``. Every column is documented in docs/tracking.md. Text cells for
people go through ``textnorm.printable``; JSON and CSV keep the exact text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from itertools import islice
from pathlib import PurePath
from typing import Any

from kehoach.textnorm import printable
from kehoach.tracking.obligations import (
    DONE_LATE,
    DONE_ON_TIME,
    OPEN,
    OVERDUE,
    ROLE_VI,
    STATUS_VI,
    STATUSES,
    Obligation,
)
from kehoach.tracking.summary import SummaryRow

BOM = "\ufeff"
OBLIGATION_COLUMNS = (
    "plan", "so_ky_hieu", "task_id", "agency", "agency_name", "original_agency", "role",
    "occurrence", "due", "approximate", "status", "status_vi", "days_late", "days_overdue",
    "days_left", "completed", "evidence", "completion_note", "deadline", "original_deadline",
    "original_due", "extension_document", "extension_date", "as_of", "text",
)
SUMMARY_COLUMNS = (
    "agency", "agency_name", *STATUSES, "total", "due_by_as_of", "on_time_rate", "as_of",
)
TEXT_WIDTH = 60


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def obligation_record(row: Obligation) -> dict[str, Any]:
    """One row as a flat mapping with exactly ``OBLIGATION_COLUMNS``."""
    done, ext = row.completion, row.extension
    return {
        "plan": row.plan, "so_ky_hieu": row.so_ky_hieu, "task_id": row.task_id,
        "agency": row.agency, "agency_name": row.agency_name,
        "original_agency": row.original_agency, "role": row.role,
        "occurrence": row.occurrence, "due": _iso(row.due), "approximate": row.approximate,
        "status": row.status, "status_vi": STATUS_VI[row.status], "days_late": row.days_late,
        "days_overdue": row.days_overdue, "days_left": row.days_left,
        "completed": _iso(row.completed), "evidence": done.minh_chung if done else None,
        "completion_note": done.ghi_chu if done else None, "deadline": row.deadline,
        "original_deadline": row.original_deadline, "original_due": _iso(row.original_due),
        "extension_document": ext.van_ban if ext else None,
        "extension_date": _iso(ext.ngay) if ext else None, "as_of": _iso(row.as_of),
        "text": row.text,
    }


_ISO: dict[int, str] = {}


def _iso_of(n: int | None) -> str | None:
    """``_iso`` of a day kept as an ordinal (an answer has few distinct days)."""
    if n is None:
        return None
    text = _ISO.get(n)
    if text is None:
        text = _ISO[n] = dt.date.fromordinal(n).isoformat()
    return text


def data_record(plan: str, t: tuple[Any, ...]) -> dict[str, Any]:
    """``obligation_record`` of a row still in its cache data (indices follow
    ``kehoach.tracking.rowcache.encode``), without building the row: the same mapping."""
    done, ext = t[15], t[18]
    return {
        "plan": plan, "so_ky_hieu": t[0], "task_id": t[1], "agency": t[2],
        "agency_name": t[3], "original_agency": t[4], "role": t[5], "occurrence": t[6],
        "due": _iso_of(t[7]), "approximate": t[9], "status": t[10],
        "status_vi": STATUS_VI[t[10]], "days_late": t[11], "days_overdue": t[12],
        "days_left": t[13], "completed": _iso_of(t[14]),
        "evidence": done[3] if done else None, "completion_note": done[4] if done else None,
        "deadline": t[16], "original_deadline": t[17], "original_due": _iso_of(t[8]),
        "extension_document": ext[2] if ext else None,
        "extension_date": _iso_of(ext[1]) if ext else None, "as_of": _iso_of(t[20]),
        "text": t[19],
    }


def summary_record(row: SummaryRow) -> dict[str, Any]:
    """One body's grid with exactly ``SUMMARY_COLUMNS``; the rate rounded to 4 places."""
    rate = row.on_time_rate
    return {
        "agency": row.agency, "agency_name": row.agency_name, **row.counts,
        "total": row.total, "due_by_as_of": row.due,
        "on_time_rate": None if rate is None else round(rate, 4), "as_of": _iso(row.as_of),
    }


def to_json(records: Iterable[dict[str, Any]]) -> str:
    return "".join(json_chunks(records))


def json_chunks(records: Iterable[dict[str, Any]], flat: bool = False) -> Iterator[str]:
    """The text of ``to_json``, a record at a time: a plan at the limit of 100,000 obligation
    rows is never one string of 200 MB (``json.dumps`` of the list, indented 2). ``flat``:
    the records are known to hold scalars only (obligation and summary records), so they are
    not inspected for nested values, and are encoded ``_BATCH`` at a time."""
    if flat:
        yield from _flat_chunks(iter(records))
        return
    opening = "[\n"
    for record in records:
        yield opening + _indented(record)
        opening = ",\n"
    yield "[]\n" if opening == "[\n" else "\n]\n"


_BATCH = 256


def _flat_chunks(records: Iterator[dict[str, Any]]) -> Iterator[str]:
    """``json_chunks`` of flat records, one call of the C encoder per ``_BATCH`` records (a
    call per record cost an all-agency ``tasks`` a fifth of its JSON time): the batch is
    encoded as a list with the keys' separator, and each ``},\n    {`` between two records —
    which no scalar can hold: a string's line breaks are escaped — becomes the records'."""
    opening = "[\n"
    while batch := list(islice(records, _BATCH)):
        if all(batch):
            text = _FLAT.encode(batch)[2:-2].replace("},\n    {", "\n  },\n  {\n    ")
            yield f"{opening}  {{\n    {text}\n  }}"
        else:  # an empty record is laid out as ``{}``: one at a time
            yield opening + ",\n".join(_indented(r) for r in batch)
        opening = ",\n"
    yield "[]\n" if opening == "[\n" else "\n]\n"


_FLAT = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",\n    ", ": "))
"""The text of ``json.dumps(record, indent=2)`` of a flat record (scalars only), a line per
key, without ``indent``: with it Python falls back to its pure-Python encoder (a third of a
warm query's time); without it the C encoder writes the same characters."""


def _indented(record: dict[str, Any]) -> str:
    """One record as ``json_chunks`` lays it out: inside the list, indented 2 (keys 4)."""
    if not record or any(isinstance(v, (dict, list, tuple)) for v in record.values()):
        text = json.dumps(record, ensure_ascii=False, sort_keys=True, indent=2)
        return "\n".join("  " + line for line in text.split("\n"))
    return "  {\n    " + _FLAT.encode(record)[1:-1] + "\n  }"


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def to_csv(records: Iterable[dict[str, Any]], columns: Sequence[str]) -> str:
    """CSV text starting with a BOM; write it out as UTF-8 bytes (no newline translation)."""
    return "".join(csv_chunks(records, columns))


def csv_chunks(records: Iterable[dict[str, Any]], columns: Sequence[str]) -> Iterator[str]:
    """The text of ``to_csv``, a row at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    yield BOM + buffer.getvalue()
    for record in records:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([_csv_value(record[c]) for c in columns])
        yield buffer.getvalue()


# --- text -------------------------------------------------------------------------------

OBLIGATION_HEADERS = ("Hạn", "Tình trạng", "Cơ quan", "Vai trò", "Nhiệm vụ", "Kế hoạch",
                      "Nội dung")
# Terminal tables: column → the width it keeps when wrapped (others stay on one line).
OBLIGATION_WRAP = {2: 14, 4: 14, 5: 12, 6: 20}  # body, task, plan, text
STATUS_STYLES = {OVERDUE: "red", DONE_LATE: "yellow", DONE_ON_TIME: "green"}
SUMMARY_HEADERS = ("Cơ quan", "HT đúng hạn", "HT quá hạn", "Chưa HT, trong hạn",
                   "Chưa HT, quá hạn", "Không thời hạn", "Tổng", "Đã đến hạn", "Tỷ lệ đúng hạn")
SUMMARY_WRAP = {0: 24, **{i: 0 for i in range(1, len(SUMMARY_HEADERS))}}


def _vn_date(day: dt.date | None) -> str:
    return "—" if day is None else f"{day:%d/%m/%Y}"


def due_cell(row: Obligation) -> str:
    """The due day, flagged when the deadline is approximate ("dự kiến")."""
    text = _vn_date(row.due)
    return f"{text} (dự kiến)" if row.approximate and row.due else text


def status_cell(row: Obligation) -> str:
    if row.status == OVERDUE:
        return f"Chưa hoàn thành, quá hạn {row.days_overdue} ngày"
    if row.status == DONE_LATE:
        return f"Hoàn thành quá hạn {row.days_late} ngày"
    if row.status == OPEN:
        return f"Chưa hoàn thành, còn {row.days_left} ngày"
    return STATUS_VI[row.status]


def shorten(text: str, width: int = TEXT_WIDTH) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def obligation_cells(rows: Collection[Obligation], width: int = TEXT_WIDTH,
                     name: Callable[[str], str] | None = None) -> list[list[str]]:
    """Table cells; ``name`` gives a body's name for its id (``Registry.name``): people read
    names, ids are for files."""
    out = []
    for row in rows:
        body = row.agency_name
        if row.original_agency:
            body += f" (nhận từ {name(row.original_agency) if name else row.original_agency})"
        task = row.task_id + (f" — kỳ {row.occurrence}" if row.occurrence else "")
        cells = [due_cell(row), status_cell(row), body, ROLE_VI[row.role], task,
                 row.so_ky_hieu or PurePath(row.plan).name, shorten(row.text, width)]
        out.append([printable(c) for c in cells])
    return out


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%".replace(".", ",")


def summary_cells(rows: Sequence[SummaryRow]) -> list[list[str]]:
    return [[printable(row.agency_name), *(str(row.counts[s]) for s in STATUSES),
             str(row.total), str(row.due), _percent(row.on_time_rate)] for row in rows]


def plain_table(headers: Sequence[str], cells: Sequence[Sequence[str]]) -> str:
    """Columns aligned with two spaces, a header and a rule; for pipes and logs."""
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h)
              for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
              for r in cells]
    return "\n".join(lines) + "\n"
