"""Workbooks for people (openpyxl, imported only here): a title row with the as-of day and
the question asked, frozen headers, filters, widths and wrapped text that print on A4
landscape, real dates and rates, overdue rows marked; the tracker's grid with a native chart.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING, Any

from kehoach.office.charts import grid_chart
from kehoach.office.columns import (
    DATE,
    INT,
    PERCENT,
    SUMMARY_COLUMNS,
    WRAP,
    Column,
    as_cell,
    obligation_columns,
)
from kehoach.tracking.obligations import OVERDUE, Obligation
from kehoach.tracking.summary import SummaryRow

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

HEADER_ROW = 3  # title, question, header
CHART_SHEET = "Số liệu biểu đồ"
FONT = "Times New Roman"
OVERDUE_FILL = "FDE2E1"
HEADER_FILL = "DDE5F0"
NUMBER_FORMATS = {DATE: "dd/mm/yyyy", INT: "0", PERCENT: "0.0%"}
LINE_HEIGHT = 15.0  # points, for 11 pt text
CHARS_PER_UNIT = 1.25  # Times New Roman 11 pt: characters per unit of column width
MAX_LINES = 30  # Excel's rows stop at 409 pt


def obligations_workbook(rows: Collection[Obligation], title: str, question: str,
                         name: Callable[[str], str] | None = None) -> bytes:
    """One sheet of obligation rows (overdue, due soon, all tasks); ``name`` names bodies
    by their ids (``Registry.name``)."""
    book = _new_book()
    _obligation_sheet(book.active, "Danh sách", rows, title, question, name)
    return _save(book)


def summary_workbook(rows: Sequence[SummaryRow], as_of: dt.date, question: str) -> bytes:
    book = _new_book()
    _summary_sheet(book.active, rows, as_of, question)
    return _save(book)


def export_workbook(summary: Sequence[SummaryRow], overdue: Collection[Obligation],
                    upcoming: Collection[Obligation], as_of: dt.date, question: str,
                    within_days: int, name: Callable[[str], str] | None = None) -> bytes:
    """``kehoach export``: Tổng hợp (with the chart), Quá hạn, Sắp đến hạn."""
    book = _new_book()
    _summary_sheet(book.active, summary, as_of, question)
    _obligation_sheet(book.create_sheet(), "Quá hạn", overdue,
                      f"Nhiệm vụ quá hạn tính đến ngày {as_of:%d/%m/%Y}", question, name)
    _obligation_sheet(book.create_sheet(), "Sắp đến hạn", upcoming,
                      f"Nhiệm vụ đến hạn trong {within_days} ngày tới, tính từ ngày "
                      f"{as_of:%d/%m/%Y}", question, name)
    if CHART_SHEET in book.sheetnames:  # the chart's numbers last, after the lists
        book.move_sheet(CHART_SHEET, offset=len(book.sheetnames) - 2)
    return _save(book)


def _new_book() -> Any:
    from openpyxl import Workbook

    book = Workbook()
    book.properties.creator = "kehoach"
    return book


def _save(book: Any) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _obligation_sheet(sheet: Worksheet, name: str, rows: Collection[Obligation], title: str,
                      question: str, body_name: Callable[[str], str] | None = None) -> None:
    sheet.title = name
    shown = obligation_columns(body_name)
    columns = (Column("STT", 5, INT, lambda r: None), *shown)
    _head(sheet, columns, title, question)
    for i, row in enumerate(rows, start=1):
        values = [i, *(c.value(row) for c in shown)]
        _write_row(sheet, HEADER_ROW + i, columns, values,
                   "overdue" if row.status == OVERDUE else "plain")
    _finish(sheet, columns, len(rows))


def _summary_sheet(sheet: Worksheet, rows: Sequence[SummaryRow], as_of: dt.date,
                   question: str) -> None:
    sheet.title = "Tổng hợp"
    columns = (Column("STT", 5, INT, lambda r: None), *SUMMARY_COLUMNS)
    _head(sheet, columns, f"Tổng hợp kết quả thực hiện nhiệm vụ tính đến ngày {as_of:%d/%m/%Y}",
          question)
    for i, row in enumerate(rows, start=1):
        number = i if row.agency is not None else None
        _write_row(sheet, HEADER_ROW + i, columns,
                   [number, *(c.value(row) for c in SUMMARY_COLUMNS)],
                   "total" if row.agency is None else "plain")
    _finish(sheet, columns, len(rows))
    _chart(sheet, rows, HEADER_ROW + len(rows) + 3)


def _head(sheet: Worksheet, columns: Sequence[Column], title: str, question: str) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    last = len(columns)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last)
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last)
    sheet.cell(1, 1, title).font = Font(name=FONT, size=14, bold=True)
    sheet.cell(2, 1, question).font = Font(name=FONT, size=11, italic=True)
    thin = Side(style="thin", color="808080")
    for j, column in enumerate(columns, start=1):
        cell = sheet.cell(HEADER_ROW, j, column.title)
        cell.font = Font(name=FONT, size=11, bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
        sheet.column_dimensions[cell.column_letter].width = column.width


def _write_row(sheet: Worksheet, number: int, columns: Sequence[Column],
               values: Sequence[Any], variant: str) -> None:
    """One row; ``variant``: "plain", "overdue" (marked red) or "total" (bold)."""
    for j, (column, value) in enumerate(zip(columns, values, strict=True), start=1):
        sheet.cell(number, j, as_cell(value)).style = _cell_style(sheet, column.kind, variant)
    sheet.row_dimensions[number].height = LINE_HEIGHT * _lines(columns, values)


def _cell_style(sheet: Worksheet, kind: str, variant: str) -> str:
    """The name of the workbook's style for a cell of this kind and variant, registered on
    first use. A named style is set by reference: building font, border and alignment
    objects for every cell made a 50,000-row sheet take minutes (openpyxl hashes each one
    to find its twin among the workbook's styles)."""
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

    name = f"kehoach-{kind}-{variant}"
    book = sheet.parent
    assert book is not None  # a sheet of a workbook, made by it
    if name in book.named_styles:
        return name
    thin = Side(style="thin", color="BFBFBF")
    style = NamedStyle(
        name, font=Font(name=FONT, size=11, bold=variant == "total",
                        color="9C0006" if variant == "overdue" else None),
        alignment=Alignment(wrap_text=kind == WRAP, vertical="top"),
        border=Border(top=thin, bottom=thin, left=thin, right=thin),
        number_format=NUMBER_FORMATS.get(kind, "General"))
    if variant == "overdue":
        style.fill = PatternFill("solid", fgColor=OVERDUE_FILL)
    book.add_named_style(style)
    return name


def _lines(columns: Sequence[Column], values: Sequence[Any]) -> int:
    """How many lines the row's wrapped cells take: spreadsheets do not grow a row for
    wrapped text they did not lay out themselves (LibreOffice, Excel on open)."""
    most = 1
    for column, value in zip(columns, values, strict=True):
        if column.kind == WRAP and isinstance(value, str):
            per_line = max(1, int(column.width * CHARS_PER_UNIT))
            lines = sum(-(-max(len(part), 1) // per_line) for part in value.splitlines())
            most = max(most, lines)
    return min(most, MAX_LINES)


def _finish(sheet: Worksheet, columns: Sequence[Column], count: int) -> None:
    """Frozen header, filter, and a page setup that prints on A4 landscape, one page wide,
    the header repeated on every page."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    last = get_column_letter(len(columns))
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + max(count, 1)}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.fitToWidth, setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    margins = sheet.page_margins
    margins.left = margins.right = 0.4
    margins.top = margins.bottom = 0.6
    footer = sheet.oddFooter
    if footer is not None:  # a new sheet has one; openpyxl's stubs allow none
        footer.center.text = "Trang &P/&N"


def _chart(sheet: Worksheet, rows: Sequence[SummaryRow], top: int) -> None:
    """A native stacked bar chart of the grid per agency under the grid; its numbers on a
    sheet of their own, "Số liệu biểu đồ", where a reader can check them."""
    from openpyxl.chart import BarChart, Reference

    chart_data = grid_chart(rows)
    if chart_data.empty:
        return
    book = sheet.parent
    assert book is not None  # a sheet of a workbook, made by it
    data_sheet = book.create_sheet(CHART_SHEET)
    columns = (Column("Cơ quan", 40, WRAP, lambda r: None),
               *(Column(label, 12, INT, lambda r: None) for label, _ in chart_data.series))
    _head(data_sheet, columns, "Số liệu biểu đồ kết quả thực hiện nhiệm vụ theo cơ quan",
          "Tối đa 15 cơ quan có nhiều nhiệm vụ đã đến hạn nhất; các cơ quan còn lại cộng chung.")
    for i, body in enumerate(chart_data.bodies):
        _write_row(data_sheet, HEADER_ROW + 1 + i, columns,
                   [body, *(counts[i] for _, counts in chart_data.series)], "plain")
    last = HEADER_ROW + len(chart_data.bodies)
    chart = BarChart()
    chart.type, chart.grouping, chart.overlap = "bar", "stacked", 100
    chart.title = "Kết quả thực hiện nhiệm vụ theo cơ quan"
    chart.y_axis.title = "Số nhiệm vụ"
    chart.x_axis.scaling.orientation = "maxMin"  # the first body on top, as in the table
    data = Reference(data_sheet, min_col=2, max_col=1 + len(chart_data.series),
                     min_row=HEADER_ROW, max_row=last)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(data_sheet, min_col=1, min_row=HEADER_ROW + 1, max_row=last))
    chart.height = max(7.5, 0.7 * len(chart_data.bodies) + 4)
    chart.width = 26
    sheet.add_chart(chart, f"B{top}")
