"""The office loop's commands that read what agencies send back: ``import-progress``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kehoach.cli.app import app
from kehoach.cli.options import existing, usage


@app.command("import-progress")
def import_progress(
    sheets: Annotated[list[Path], typer.Argument(
        help="Các bảng tiến độ đã điền (.xlsx, xuất bằng kehoach tasks --for-update).",
        show_default=False)],
    dry_run: Annotated[bool, typer.Option(
        "--dry-run", help="Chỉ cho xem sẽ ghi gì, không ghi.")] = False,
) -> None:
    """Nhập tiến độ các cơ quan đã điền vào bảng Excel: ghi tất cả hoặc không ghi gì."""
    from kehoach.fs.repo import display_path, find_root
    from kehoach.office.progress_import import import_progress as run

    root = find_root(Path.cwd())
    if root is None:
        usage("Không tìm thấy kho kế hoạch (thư mục có plans/ hoặc kehoach.toml).")
    report = run(existing(sheets), root, write=not dry_run)
    for problem in report.problems:
        print(f"Lỗi: {problem}", file=sys.stderr)
    counts = [0, 0, 0]
    for outcome in report.outcomes:
        print(f"{display_path(outcome.path)}:")
        for entry, result in outcome.recorded:
            verb = "sẽ ghi" if dry_run or report.refused else "đã ghi"
            print(f"  - {verb}: {_what(result.message)} ({entry.source})")
        for entry, why in outcome.unchanged:
            print(f"  - giữ nguyên: nhiệm vụ {entry.task_id} {why} ({entry.source})")
        for entry, why in outcome.refused:
            print(f"  - không ghi: nhiệm vụ {entry.task_id}: {why} ({entry.source})",
                  file=sys.stderr)
        counts[0] += len(outcome.recorded)
        counts[1] += len(outcome.unchanged)
        counts[2] += len(outcome.refused)
    _summary(report.refused, dry_run, report.written, counts)


def _what(message: str) -> str:
    prefix = "Đã ghi nhận hoàn thành "
    return message[len(prefix):] if message.startswith(prefix) else message


def _summary(refused: bool, dry_run: bool, written: bool, counts: list[int]) -> None:
    recorded, unchanged, bad = counts
    print(f"{recorded} ghi nhận mới, {unchanged} đã có, {bad} dòng bị từ chối.", file=sys.stderr)
    if refused:
        print("Có dòng bị từ chối: chưa ghi gì vào kế hoạch. Sửa bảng rồi nhập lại.",
              file=sys.stderr)
        raise typer.Exit(1)
    if dry_run:
        print("--dry-run: chưa ghi gì.", file=sys.stderr)
    elif written and recorded:
        print("Đã ghi vào kế hoạch.", file=sys.stderr)
