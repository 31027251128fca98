"""Reading filled progress sheets: a workbook is hostile input like any file. It is opened
only when it is a small zip whose parts inflate to a bounded size (a zip bomb is refused
before any XML is read; XML entities are refused by defusedxml), formulas are never evaluated
(a formula is an error naming its cell), and rows are found by their hidden keys, whatever
the agency did to the order of columns, hidden rows, merged cells or extra sheets."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kehoach.errors import KehoachError
from kehoach.office.progress_sheet import (
    DONE_DAY,
    EVIDENCE,
    KEY_AGENCY,
    KEY_OCCURRENCE,
    KEY_PLAN,
    KEY_TASK,
    KEYS,
    META_SHEET,
    NOTE,
    SHEET,
)

MAX_FILE = 20 * 1024 * 1024
MAX_INFLATED = 100 * 1024 * 1024
MAX_PARTS = 2000
MAX_ROWS = 20000
MAX_SCAN_ROWS = 20  # where the header row may stand
_DMY = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
EXCEL_EPOCH = dt.date(1899, 12, 30)


class SheetError(KehoachError, ValueError):
    """The workbook cannot be read as a progress sheet."""


@dataclass(frozen=True)
class FilledRow:
    """One filled row: where it is, which obligation its keys name, what was reported."""

    where: str  # "tien-do.xlsx, dòng 5"
    plan: str
    task_id: str
    occurrence: str
    agency: str
    day: dt.date
    evidence: str | None
    note: str | None


@dataclass
class ReadSheet:
    rows: list[FilledRow]
    problems: list[str]  # Vietnamese, each naming its cell or row


def read_progress(path: Path) -> ReadSheet:
    """The filled rows of one workbook (rows without a day of completion are not filled)."""
    data = io.BytesIO(_read(path))  # read once: a FIFO or a swapped file cannot fool the checks
    _check_zip(data, path)
    from openpyxl import load_workbook

    try:
        book = load_workbook(data, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        raise SheetError(f"“{path.name}” không mở được như một tệp Excel ({exc}).") from None
    try:
        if SHEET not in book.sheetnames or META_SHEET not in book.sheetnames:
            raise SheetError(f"“{path.name}” không phải bảng cập nhật tiến độ do kehoach xuất "
                             f"(thiếu trang “{SHEET}”).")
        return _rows(book[SHEET], path.name)
    finally:
        book.close()


def _read(path: Path) -> bytes:
    from kehoach.fs.reader import FileTooLarge, ReadError, read_bytes

    try:  # the sheet comes back by mail: it may lie anywhere, so it is not confined
        return read_bytes(path, limit=MAX_FILE, confine=False)
    except FileTooLarge:
        raise SheetError(f"“{path.name}” lớn hơn 20 MiB: không phải một bảng tiến độ.") from None
    except ReadError as exc:
        raise SheetError(f"Không đọc “{path}”: {exc.reason}") from None
    except OSError as exc:
        from kehoach.fs.oserror import reason_vi

        raise SheetError(f"Không đọc được “{path}”: {reason_vi(exc, reading=True)}.") from None


def _check_zip(data: io.BytesIO, path: Path) -> None:
    if not zipfile.is_zipfile(data):
        raise SheetError(f"“{path.name}” không phải tệp Excel .xlsx.")
    with zipfile.ZipFile(data) as archive:
        parts = archive.infolist()
        if len(parts) > MAX_PARTS or sum(p.file_size for p in parts) > MAX_INFLATED:
            raise SheetError(f"“{path.name}” giải nén ra quá lớn (hơn 100 MiB): không đọc.")
        if any(p.filename.lower().endswith("vbaproject.bin") for p in parts):
            raise SheetError(f"“{path.name}” chứa macro: hãy lưu lại thành .xlsx thường.")
        for part in parts:
            if part.filename.lower().endswith((".xml", ".rels")):
                with archive.open(part) as stream:
                    start = stream.read(4096)
                if b"<!DOCTYPE" in start or b"<!ENTITY" in start:
                    raise SheetError(f"“{path.name}” có khai báo DOCTYPE/ENTITY trong "
                                     f"{part.filename}: Excel không tạo ra như vậy, không đọc.")
    data.seek(0)


def _rows(sheet: Any, name: str) -> ReadSheet:
    out = ReadSheet([], [])
    rows = sheet.iter_rows()
    header: dict[str, int] = {}
    number = 0
    for cells in rows:
        number += 1
        titles = {str(c.value).strip(): k for k, c in enumerate(cells) if c.value is not None}
        if set(KEYS) <= titles.keys():
            header = titles
            break
        if number >= MAX_SCAN_ROWS:
            break
    if not header or DONE_DAY not in header:
        raise SheetError(f"“{name}”: không thấy hàng tiêu đề có các cột khóa; hãy dùng bảng "
                         "do kehoach xuất, không xóa cột.")
    for cells in rows:
        number += 1
        if number > MAX_ROWS + MAX_SCAN_ROWS:
            raise SheetError(f"“{name}” có hơn {MAX_ROWS} dòng: không phải một bảng tiến độ.")
        _row(cells, header, f"{name}, dòng {number}", out)
    return out


def _row(cells: Any, header: dict[str, int], where: str, out: ReadSheet) -> None:
    def cell(title: str) -> Any:
        k = header.get(title)
        return cells[k] if k is not None and k < len(cells) else None

    used = [cell(t) for t in (DONE_DAY, EVIDENCE, NOTE, *KEYS)]
    for c in used:
        if c is not None and getattr(c, "data_type", None) == "f":
            out.problems.append(f"{where}: ô {_at(c)} chứa công thức; kehoach không tính "
                                "công thức, hãy ghi giá trị.")
            return
    day_cell = cell(DONE_DAY)
    if day_cell is None or day_cell.value in (None, ""):
        return  # not filled: not done yet
    keys = [_text(cell(k)) for k in KEYS]
    if not all(keys[i] for i in (0, 1, 3)):
        out.problems.append(f"{where}: thiếu khóa (tệp kế hoạch, mã nhiệm vụ, cơ quan); hãy "
                            "dùng bảng do kehoach xuất.")
        return
    try:
        day = read_day(day_cell.value)
    except ValueError:
        out.problems.append(f"{where}: ô {_at(day_cell)} “{day_cell.value}” không phải "
                            "một ngày (ghi ngày/tháng/năm, ví dụ 15/11/2024).")
        return
    out.rows.append(FilledRow(where, keys[0], keys[1], keys[2], keys[3], day,
                              _text(cell(EVIDENCE)) or None, _text(cell(NOTE)) or None))


def _at(cell: Any) -> str:
    return str(getattr(cell, "coordinate", "") or "")


def _text(cell: Any) -> str:
    if cell is None or cell.value is None:
        return ""
    value = cell.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read_day(value: Any) -> dt.date:
    """A day as agencies type it: an Excel date, a serial number, or text 15/11/2024."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not 1 <= value <= 100000:
            raise ValueError(value)
        return EXCEL_EPOCH + dt.timedelta(days=int(value))
    text = str(value).strip()
    if m := _DMY.match(text):
        return dt.date(int(m[3]), int(m[2]), int(m[1]))
    return dt.date.fromisoformat(text)


__all__ = [
    "KEY_AGENCY",
    "KEY_OCCURRENCE",
    "KEY_PLAN",
    "KEY_TASK",
    "FilledRow",
    "ReadSheet",
    "SheetError",
    "read_day",
    "read_progress",
]
