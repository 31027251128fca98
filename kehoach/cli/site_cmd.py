"""``kehoach site``: the static web view, and its preview server."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kehoach.cli.app import app
from kehoach.cli.options import AsOf, Paths, as_of_day, existing
from kehoach.cli.printing import errors_to_stderr

if TYPE_CHECKING:
    import datetime as dt

    from kehoach.site.publish import SiteResult


@app.command()
def site(
    paths: Paths = None,
    as_of: AsOf = None,
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="Thư mục trang web (mặc định: site/ của kho). Thư mục đã có "
        "phải là trang do kehoach tạo, hoặc trống.", show_default=False)] = None,
    with_docx: Annotated[bool, typer.Option(
        "--with-docx", help="Kèm văn bản .docx của từng kế hoạch (và PDF nếu có LibreOffice)."
    )] = False,
    serve: Annotated[bool, typer.Option(
        "--serve", help="Xem trước tại 127.0.0.1, tạo lại trang khi kế hoạch thay đổi.")
    ] = False,
    port: Annotated[int, typer.Option(
        "--port", min=0, max=65535, help="Cổng của --serve (0: cổng trống bất kỳ).")] = 8000,
) -> None:
    """Tạo trang web tĩnh theo dõi kế hoạch: mở bằng trình duyệt, không cần máy chủ."""
    from kehoach.fs.repo import find_root

    targets, day = existing(paths), as_of_day(as_of)
    root = find_root(targets[0] if targets else Path.cwd())
    folder = output if output is not None else (root or Path.cwd()) / "site"
    result = _build(targets, day, folder, with_docx)
    if serve:
        watched = targets or ([root / "plans"] if root else [Path.cwd()])
        if root is not None:
            watched = [*watched, root / "plans", root / "templates"]
        _serve(folder, lambda: _build(targets, day, folder, with_docx, quiet=True), watched,
               port)
    raise typer.Exit(1 if result.failed else 0)


def _build(targets: list[Path], day: dt.date, folder: Path, with_docx: bool,
           quiet: bool = False) -> SiteResult:
    """One build, its problems printed; a user's error ends the command unless previewing
    (then the previous site stays and the next change tries again)."""
    from kehoach.cli.progress import DelayedProgress
    from kehoach.errors import KehoachError
    from kehoach.fs.repo import display_path
    from kehoach.site.publish import build_site

    try:
        with DelayedProgress("Đang tạo trang web") as progress:
            result = build_site(targets, day, folder, with_docx=with_docx, progress=progress)
    except (KehoachError, OSError) as err:
        message = err.message_vi if isinstance(err, KehoachError) else _os_message(err)
        print(f"Lỗi: {message}", file=sys.stderr)
        if quiet:
            from kehoach.site.publish import SiteResult

            return SiteResult(folder, day)
        raise typer.Exit(2 if isinstance(err, KehoachError) and err.exit_code == 2 else 1
                         ) from None
    if result.failed:
        errors_to_stderr(result.failed)
        print("Có tệp không đọc được: trang web chỉ gồm các kế hoạch đọc được.", file=sys.stderr)
    for warning in result.warnings:
        print(f"Cảnh báo: {warning}", file=sys.stderr)
    print(f"Đã tạo trang web tại {display_path(folder)} ({result.plans} kế hoạch, "
          f"{result.agencies} cơ quan), tính đến ngày {day:%d/%m/%Y}. Mở tệp "
          f"{display_path(folder / 'index.html')} bằng trình duyệt.")
    return result


def _os_message(err: OSError) -> str:
    from kehoach.fs.oserror import reason_vi

    return f"không ghi được trang web “{err.filename}”: {reason_vi(err)}."


def _serve(folder: Path, rebuild: Callable[[], object], watched: list[Path], port: int) -> None:
    import time

    from kehoach.site.serve import Preview

    try:
        preview = Preview(folder, rebuild, watched, port)
    except OSError as err:
        print(f"Lỗi: không mở được cổng {port} ({err.strerror}); chọn cổng khác với --port.",
              file=sys.stderr)
        raise typer.Exit(2) from None
    preview.start()
    print(f"Đang xem trước tại {preview.url} — bấm Ctrl+C để dừng.", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        print("Đã dừng xem trước.", file=sys.stderr)
    finally:
        preview.stop()
    raise typer.Exit(0)
