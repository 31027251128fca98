"""The command line: parse arguments, call the library, print. Nothing else lives here."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from kehoach import __version__

app = typer.Typer(
    name="kehoach",
    help="Kế hoạch hành chính dưới dạng YAML: kiểm tra, theo dõi thời hạn, xuất văn bản .docx.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class OutFormat(StrEnum):
    rich = "rich"
    plain = "plain"
    json = "json"
    github = "github"


def _version(value: bool) -> None:
    if value:
        print(f"kehoach {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="In phiên bản rồi thoát."),
    ] = False,
) -> None:
    """Kế hoạch hành chính dưới dạng YAML."""


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
) -> None:
    """Kiểm tra kế hoạch và danh mục cơ quan; báo lỗi dạng tệp:dòng:cột."""
    from kehoach import report
    from kehoach.check import check_paths
    from kehoach.diagnostics import exit_code

    missing = [p for p in paths or [] if not p.exists()]
    if missing:
        _usage(f"Không tìm thấy: {', '.join(str(p) for p in missing)}")
    result = check_paths(list(paths or []))
    diags = result.diagnostics
    chosen = fmt or (OutFormat.rich if sys.stdout.isatty() else OutFormat.plain)
    if chosen is OutFormat.rich:
        from kehoach.console import print_diagnostics, stdout_console

        console = stdout_console()
        print_diagnostics(console, diags)
        console.print(report.summary_vi(diags, len(result.documents)))
    elif chosen is OutFormat.plain:
        sys.stdout.write(report.plain(diags))
    elif chosen is OutFormat.json:
        sys.stdout.write(report.as_json(diags))
    else:
        sys.stdout.write(report.github(diags))
    raise typer.Exit(exit_code(diags, strict=strict))


@app.command()
def schema(
    registry: Annotated[
        bool, typer.Option("--registry", help="Lược đồ của danh mục cơ quan.")
    ] = False,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Ghi ra tệp.")] = None,
) -> None:
    """In lược đồ JSON Schema (cho trình soạn thảo: gợi ý, kiểm tra khi gõ)."""
    from kehoach.schema import schema_json

    text = schema_json(registry=registry)
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


# --- deadline and tracking commands (deadline, overdue, tasks, upcoming, summary) ---

# --- end of deadline and tracking commands ---

# --- render command ---


@app.command()
def render(
    source: Annotated[Path, typer.Argument(help="Tệp kế hoạch (.yaml) hoặc thư mục kế hoạch.")],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Tệp .docx, hoặc thư mục khi xuất cả thư mục "
                     "(mặc định: out/ của kho)."),
    ] = None,
    template: Annotated[
        str | None, typer.Option("--template", "-t", help="Tên mẫu hoặc đường dẫn tệp .j2.")
    ] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Xuất thêm PDF (cần LibreOffice).")] = False,
    force: Annotated[bool, typer.Option("--force", help="Ghi đè tệp đã có.")] = False,
) -> None:
    """Xuất văn bản .docx đúng thể thức (Nghị định 30/2020/NĐ-CP hoặc của Đoàn)."""
    from kehoach import report
    from kehoach.check import check_paths
    from kehoach.render import RenderError, convert_to_pdf, render_plan
    from kehoach.render.targets import targets
    from kehoach.repo import display_path

    if not source.exists():
        _usage(f"Không tìm thấy: {source}")
    result = check_paths([source])
    errors = [d for d in result.diagnostics if d.is_error]
    if errors:
        sys.stderr.write(report.plain(errors))
        print("Kế hoạch còn lỗi: chưa xuất văn bản.", file=sys.stderr)
        raise typer.Exit(1)
    plans = {d.path.resolve(): d.plan for d in result.plans}
    search = [result.root / "templates"] if result.root else []
    try:
        for plan_path, target in targets(source, output, result.root):
            target.parent.mkdir(parents=True, exist_ok=True)
            written = render_plan(plans[plan_path.resolve()], result.registry, target,
                                  template=template, search_dirs=search, force=force,
                                  plan_path=plan_path)
            print(f"Đã ghi {display_path(written)}")
            if pdf:
                print(f"Đã ghi {display_path(convert_to_pdf(written, force=force))}")
    except RenderError as err:
        print(f"Lỗi: {err}", file=sys.stderr)
        raise typer.Exit(1) from None
    except OSError as err:
        print(f"Lỗi: không ghi được tệp ({err.strerror}: {err.filename}).", file=sys.stderr)
        raise typer.Exit(1) from None


# --- end of render command ---

# --- editing commands (fmt, diff, done, undone, extend, git-setup, new) ---

# --- end of editing commands ---


def _usage(message: str) -> None:
    print(f"Lỗi: {message}", file=sys.stderr)
    raise typer.Exit(2)


def _utf8_streams() -> None:
    """Vietnamese output must survive Windows consoles and pipes with legacy code pages."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")


def main() -> None:
    _utf8_streams()
    try:
        app()
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:  # the last guard: a bug must not greet an official as a traceback
        if os.environ.get("KEHOACH_DEBUG"):
            raise
        print(f"Lỗi nội bộ của kehoach ({type(exc).__name__}: {exc}). Hãy báo lỗi kèm tệp kế "
              "hoạch; đặt KEHOACH_DEBUG=1 để xem chi tiết.", file=sys.stderr)
        sys.exit(3)
