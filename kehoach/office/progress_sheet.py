"""The sheet an agency fills in (``kehoach tasks --for-update -o tien-do.xlsx``): one row per
occurrence × assignee not yet completed and due by a day, with empty columns for the day of
completion, the reporting document and a note, and hidden keys that say exactly which
obligation each row is, so ``kehoach import-progress`` can record it."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Collection
from pathlib import Path

from kehoach.office.columns import as_cell, plan_label
from kehoach.tracking.obligations import Obligation

SHEET = "Cập nhật tiến độ"
META_SHEET = "kehoach"
FORMAT = "kehoach-tien-do 1"
HEADER_ROW = 3
# Visible columns (title, width), then the three the agency fills, then the hidden keys.
SHOWN = (("STT", 5), ("Kế hoạch", 14), ("Nhiệm vụ", 14), ("Nội dung", 48), ("Kỳ", 11),
         ("Hạn", 11), ("Cơ quan", 22))
DONE_DAY, EVIDENCE, NOTE = "Ngày hoàn thành", "Số, ký hiệu văn bản báo cáo", "Ghi chú"
FILLED = ((DONE_DAY, 14), (EVIDENCE, 22), (NOTE, 22))
KEY_PLAN, KEY_TASK, KEY_OCCURRENCE, KEY_AGENCY = (
    "khóa: tệp kế hoạch", "khóa: mã nhiệm vụ", "khóa: kỳ", "khóa: mã cơ quan")
KEYS = (KEY_PLAN, KEY_TASK, KEY_OCCURRENCE, KEY_AGENCY)


def for_update(rows: Collection[Obligation], root: Path, as_of: dt.date, title: str) -> bytes:
    """The workbook: ``rows`` are the obligations to report on (lead rows, not completed)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.properties import PageSetupProperties

    book = Workbook()
    sheet = book.worksheets[0]  # the one a new workbook has (``active`` may be a chart sheet)
    sheet.title = SHEET
    sheet["A1"] = title
    sheet["A1"].font = Font(name="Times New Roman", size=14, bold=True)
    sheet["A2"] = (f"Điền {DONE_DAY.lower()} (ngày/tháng/năm) và {EVIDENCE.lower()} cho việc đã "
                   "xong; để trống việc chưa xong. Không sửa các cột khác.")
    sheet["A2"].font = Font(name="Times New Roman", size=11, italic=True)
    titles = [t for t, _ in SHOWN] + [t for t, _ in FILLED] + list(KEYS)
    widths = [w for _, w in SHOWN] + [w for _, w in FILLED] + [30] * len(KEYS)
    yellow = PatternFill("solid", fgColor="FFF2CC")
    for j, (text, width) in enumerate(zip(titles, widths, strict=True), start=1):
        cell = sheet.cell(HEADER_ROW, j, text)
        cell.font = Font(name="Times New Roman", size=11, bold=True)
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        sheet.column_dimensions[get_column_letter(j)].width = width
        if text in KEYS:
            sheet.column_dimensions[get_column_letter(j)].hidden = True
    first_filled = len(SHOWN) + 1
    for i, row in enumerate(rows, start=1):
        values = [i, plan_label(row), row.task_id, row.text, row.occurrence or None, row.due,
                  row.agency_name, None, None, None, _relative(row.plan, root),
                  row.task_id, row.occurrence, row.agency]
        for j, value in enumerate(values, start=1):
            cell = sheet.cell(HEADER_ROW + i, j, as_cell(value))
            cell.font = Font(name="Times New Roman", size=11)
            cell.alignment = Alignment(wrap_text=j == 4, vertical="top")
            if isinstance(value, dt.date):
                cell.number_format = "dd/mm/yyyy"
            if first_filled <= j < first_filled + len(FILLED):
                cell.fill = yellow
                cell.protection = Protection(locked=False)
        sheet.cell(HEADER_ROW + i, first_filled).number_format = "dd/mm/yyyy"
    last = HEADER_ROW + max(len(rows), 1)
    day = DataValidation(type="date", operator="between", formula1="DATE(2000,1,1)",
                         formula2="DATE(2100,12,31)", allow_blank=True, showErrorMessage=True,
                         errorTitle="Ngày không hợp lệ",
                         error="Ghi ngày hoàn thành dạng ngày/tháng/năm, ví dụ 15/11/2024.")
    column = get_column_letter(first_filled)
    day.add(f"{column}{HEADER_ROW + 1}:{column}{last}")
    sheet.add_data_validation(day)
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    setup = sheet.page_setup
    setup.orientation, setup.paperSize = "landscape", sheet.PAPERSIZE_A4
    setup.fitToWidth, setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    meta = book.create_sheet(META_SHEET)
    for k, (key, value) in enumerate((("định dạng", FORMAT), ("kho", root.name),
                                      ("đường dẫn kho", str(root)),
                                      ("ngày xuất", f"{as_of:%d/%m/%Y}")), start=1):
        meta.cell(k, 1, key)
        meta.cell(k, 2, value)
    meta.sheet_state = "hidden"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _relative(plan: str, root: Path) -> str:
    """The plan's path from the repository's root (rows name it as displayed, from the
    current folder)."""
    try:
        return Path(plan).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(plan).as_posix()
