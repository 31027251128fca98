"""``kehoach check`` and ``kehoach schema``."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kehoach.cli.app import app
from kehoach.cli.options import existing, usage

if TYPE_CHECKING:
    from kehoach.diagnostics.diagnostic import Diagnostic


class OutFormat(StrEnum):
    rich = "rich"
    plain = "plain"
    json = "json"
    github = "github"


@app.command()
def check(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Tệp hoặc thư mục (mặc định: plans/).")
    ] = None,
    fmt: Annotated[
        OutFormat | None,
        typer.Option("--format", "-f", help="Định dạng: rich, plain, json, github."),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Cảnh báo cũng tính là lỗi.")] = False,
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="Ghi ra tệp; định dạng theo đuôi: .json, .sarif (cho công cụ "
        "quét mã), .txt (tệp:dòng:cột).", show_default=False)] = None,
) -> None:
    """Kiểm tra kế hoạch và danh mục cơ quan; báo lỗi dạng tệp:dòng:cột."""
    from kehoach.check.checker import check_paths
    from kehoach.cli.progress import DelayedProgress
    from kehoach.diagnostics import formats
    from kehoach.diagnostics.diagnostic import exit_code

    written = _file_format(output, fmt)
    targets = existing(paths)
    with DelayedProgress("Đang kiểm tra") as progress:
        result = check_paths(targets, progress=progress, cache=True)
    diags = result.diagnostics
    if output is not None:
        _write_file(output, written, diags, len(result.documents))
        raise typer.Exit(exit_code(diags, strict=strict))
    chosen = fmt or (OutFormat.rich if sys.stdout.isatty() else OutFormat.plain)
    if chosen is OutFormat.rich:
        from kehoach.cli.console import print_diagnostics, stdout_console

        console = stdout_console()
        print_diagnostics(console, diags)
        console.print(formats.summary_vi(diags, len(result.documents)))
    elif chosen is OutFormat.plain:
        sys.stdout.write(formats.plain(diags))
    elif chosen is OutFormat.json:
        sys.stdout.write(formats.as_json(diags))
    else:
        sys.stdout.write(formats.github(diags))
    raise typer.Exit(exit_code(diags, strict=strict))


def _file_format(output: Path | None, fmt: OutFormat | None) -> str:
    from kehoach.office.outputs import CHECK_FORMATS, OutputChoiceError, output_format

    if output is None:
        return ""
    given = None if fmt in (None, OutFormat.rich) else fmt.value
    try:
        return output_format(output, given, CHECK_FORMATS)
    except OutputChoiceError as exc:
        usage(exc.message_vi)


def _write_file(output: Path, fmt: str, diags: list[Diagnostic], files: int) -> None:
    from kehoach.diagnostics import formats
    from kehoach.diagnostics.sarif import sarif
    from kehoach.fs.repo import display_path
    from kehoach.office.outputs import write_output

    text = {"json": formats.as_json, "sarif": sarif, "plain": formats.plain}[fmt](diags)
    write_output(output, text.encode("utf-8"))
    print(f"Đã ghi {display_path(output)}: {formats.summary_vi(diags, files)}")


@app.command()
def schema(
    registry: Annotated[
        bool, typer.Option("--registry", help="Lược đồ của danh mục cơ quan.")
    ] = False,
    report: Annotated[
        bool, typer.Option("--report", help="Lược đồ của phần viết báo cáo (tệp trong reports/).")
    ] = False,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Ghi ra tệp.")] = None,
) -> None:
    """In lược đồ JSON Schema (cho trình soạn thảo: gợi ý, kiểm tra khi gõ)."""
    from kehoach.plan.schema import schema_json

    text = schema_json(registry=registry, report=report)
    if output is None:
        sys.stdout.write(text)
        return
    from kehoach.fs.atomic import AtomicWriteError, write_output

    try:
        write_output(output, text.encode("utf-8"))
    except AtomicWriteError as exc:
        print(f"Lỗi: {exc.message_vi}", file=sys.stderr)
        raise typer.Exit(1) from None
