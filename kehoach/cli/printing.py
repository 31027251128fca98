"""Printing: exact bytes to stdout, tables for people, diagnostics in the chosen format."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kehoach.diagnostics.diagnostic import Diagnostic


def write_out(text: str) -> None:
    """Write exactly these characters as UTF-8 (CSV keeps its BOM and CRLF on Windows too)."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
    else:
        buffer.write(text.encode("utf-8"))
        buffer.flush()


def write_chunks(chunks: Iterable[str]) -> None:
    """``write_out`` for text made a piece at a time (never held whole in memory)."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    for chunk in chunks:
        if buffer is None:
            sys.stdout.write(chunk)
        else:
            buffer.write(chunk.encode("utf-8"))
    if buffer is not None:
        buffer.flush()


def errors_to_stderr(diagnostics: Sequence[Diagnostic]) -> None:
    from kehoach.diagnostics import formats

    sys.stderr.write(formats.plain(diagnostics))


def show_table(headers: Sequence[str], cells: list[list[str]], footer: str,
               wrap: dict[int, int], styles: Sequence[str] | None = None) -> None:
    """Rich in a terminal, aligned plain text in a pipe. Columns in ``wrap`` may wrap, keeping
    the width given; the others keep their cells on one line."""
    from kehoach.tracking import tables

    if not sys.stdout.isatty():
        if cells:
            sys.stdout.write(tables.plain_table(headers, cells))
        print(footer)
        return
    from rich.table import Table
    from rich.text import Text

    from kehoach.cli.console import stdout_console

    console = stdout_console()
    if cells:
        table = Table(highlight=False)
        for i, header in enumerate(headers):
            table.add_column(header, no_wrap=i not in wrap, min_width=wrap.get(i),
                             overflow="fold")
        for i, row in enumerate(cells):
            table.add_row(*(Text(c) for c in row), style=styles[i] if styles else None)
        console.print(table)
    console.print(footer, markup=False)
