"""Where the tracking commands' answers go: a table on the terminal, JSON or CSV on stdout,
or a file named with ``-o`` whose extension chooses the format (.xlsx, .csv, .json)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kehoach.cli.options import TrackFormat, usage
from kehoach.cli.printing import show_table, write_chunks, write_out

if TYPE_CHECKING:
    from kehoach.tracking.obligations import Obligation
    from kehoach.tracking.summary import SummaryRow

Output = Annotated[Path | None, typer.Option(
    "-o", "--output", help="Ghi ra tệp; định dạng theo đuôi tệp: .xlsx (Excel), .csv, .json.",
    show_default=False)]
Headers = Annotated[str, typer.Option(
    "--headers", help="Tiêu đề cột CSV: id (mã cột cố định, cho chương trình) hoặc vi (tiếng "
    "Việt, cho người đọc).")]


@dataclass(frozen=True)
class Destination:
    fmt: str  # table, json, csv, xlsx
    path: Path | None
    vietnamese: bool


def destination(fmt: TrackFormat | None, output: Path | None, headers: str) -> Destination:
    """The destination the options name; a contradiction is a usage error (exit 2)."""
    from kehoach.office.outputs import TRACKING_FORMATS, OutputChoiceError, output_format

    if headers not in ("id", "vi"):
        usage(f"--headers: “{headers}” không có; chọn id hoặc vi.")
    if output is None:
        return Destination((fmt or TrackFormat.table).value, None, headers == "vi")
    try:
        chosen = output_format(output, fmt.value if fmt else None, TRACKING_FORMATS)
    except OutputChoiceError as exc:
        usage(exc.message_vi)
    return Destination(chosen, output, headers == "vi")


def _deliver(dest: Destination, data: bytes | str | Iterator[str]) -> None:
    """``data`` on stdout, or in the file named; text made in pieces reaches stdout piece by
    piece (a plan at the limit of 50,000 rows is never one string there)."""
    if dest.path is None:
        if isinstance(data, Iterator):
            write_chunks(data)
        else:
            write_out(data if isinstance(data, str) else data.decode("utf-8"))
        return
    from kehoach.fs.repo import display_path
    from kehoach.office.outputs import write_output

    if isinstance(data, Iterator):  # written as made: never the whole text in memory
        write_output(dest.path, (chunk.encode("utf-8") for chunk in data))
    else:
        write_output(dest.path, data.encode("utf-8") if isinstance(data, str) else data)
    print(f"Đã ghi {display_path(dest.path)}")


def footer_for(body: str | None, text: str) -> str:
    """A table's last line, naming the body a name was taken for (it may be one of several
    that share the name)."""
    return f"{body} — {text[0].lower()}{text[1:]}" if body else text


def _note(dest: Destination, note: str) -> None:
    """Say what the counts include (draft plans): beside the data, never inside it."""
    if note and dest.fmt in ("json", "csv"):
        print(f"Ghi chú:{note}", file=sys.stderr)


def emit_rows(dest: Destination, rows: Collection[Obligation], as_of: date, what: str,
              title: str, question: str, body: str | None = None,
              name: Callable[[str], str] | None = None, note: str = "") -> None:
    """``body``: the name of the body asked about; ``name``: a body's name by its id, for
    the rows it inherited (ids stay in JSON and CSV); ``note`` (" Trong 3 kế hoạch … có 1 dự
    thảo …") ends the table's footer, or goes to stderr beside JSON and CSV."""
    from kehoach.tracking import tables
    from kehoach.tracking.queries import Rows

    _note(dest, note)
    if dest.fmt == "xlsx":
        from kehoach.office.workbook import obligations_workbook

        _deliver(dest, obligations_workbook(rows, title, question, name))
        return
    records = (rows.records() if isinstance(rows, Rows)  # made one at a time
               else (tables.obligation_record(r) for r in rows))
    if dest.fmt == "json":
        _deliver(dest, tables.json_chunks(records, flat=True))
    elif dest.fmt == "csv":
        _deliver(dest, _csv(records, tables.OBLIGATION_COLUMNS, dest.vietnamese))
    else:
        footer = footer_for(body, f"Tính đến ngày {as_of:%d/%m/%Y}: {len(rows)} {what}.{note}")
        styles = [tables.STATUS_STYLES.get(r.status, "") for r in rows]
        show_table(tables.OBLIGATION_HEADERS, tables.obligation_cells(rows, name=name), footer,
                   tables.OBLIGATION_WRAP, styles)


def emit_summary(dest: Destination, rows: list[SummaryRow], as_of: date,
                 question: str, body: str | None = None, note: str = "") -> None:
    from kehoach.tracking import tables

    _note(dest, note)
    if dest.fmt == "xlsx":
        from kehoach.office.workbook import summary_workbook

        _deliver(dest, summary_workbook(rows, as_of, question))
        return
    records = [tables.summary_record(r) for r in rows]
    if dest.fmt == "json":
        _deliver(dest, tables.to_json(records))
    elif dest.fmt == "csv":
        _deliver(dest, _csv(records, tables.SUMMARY_COLUMNS, dest.vietnamese))
    else:
        footer = footer_for(body, f"Tính đến ngày {as_of:%d/%m/%Y}; chỉ tính nghĩa vụ chủ trì."
                            f"{note}")
        show_table(tables.SUMMARY_HEADERS, tables.summary_cells(rows), footer,
                   tables.SUMMARY_WRAP)


def _csv(records: Iterable[dict[str, object]], columns: tuple[str, ...],
         vietnamese: bool) -> Iterator[str]:
    from kehoach.tracking import tables

    if vietnamese:
        from kehoach.office.csv_vi import csv_vi_chunks

        return csv_vi_chunks(records, columns)
    return tables.csv_chunks(records, columns)
