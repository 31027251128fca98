"""The editing commands: ``fmt``, ``new``, ``done``, ``undone``, ``extend``, ``unextend``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from kehoach.cli.app import app
from kehoach.cli.options import Paths, day_arg, existing, usage
from kehoach.cli.printing import write_out
from kehoach.textnorm import printable

_TaskId = Annotated[str, typer.Argument(help="Mã nhiệm vụ (id).", show_default=False)]
_PlanOpt = Annotated[Path | None, typer.Option(
    "--plan", "-p", help="Tệp kế hoạch (mặc định: tìm theo mã nhiệm vụ trong kho).",
    show_default=False)]
_EditAgency = Annotated[str | None, typer.Option(
    "--agency", "-a", help="Cơ quan (khi nhiệm vụ giao cho nhiều cơ quan): mã, tên hoặc chữ "
    "viết tắt.", show_default=False)]
_Occurrence = Annotated[str | None, typer.Option(
    "--occurrence", "-k", help="Kỳ (nhiệm vụ định kỳ): ngày đến hạn của kỳ (15/11/2023), hoặc "
    "năm (2023) khi năm đó chỉ có một kỳ.", show_default=False)]
_Note = Annotated[str | None, typer.Option("--note", help="Ghi chú.", show_default=False)]
_NO_REPO = "Không tìm thấy kho kế hoạch (thư mục có plans/ hoặc kehoach.toml)"


@app.command()
def fmt(
    paths: Paths = None,
    check_only: Annotated[bool, typer.Option(
        "--check", help="Chỉ báo tệp nào cần trình bày lại, không ghi (mã thoát 1 nếu có).")
    ] = False,
) -> None:
    """Đưa kế hoạch về một dạng trình bày YAML thống nhất; giữ nguyên lời văn và chú thích."""
    from kehoach.diagnostics import formats
    from kehoach.edit.fmt import format_paths

    results = format_paths(existing(paths), check_only=check_only, cache=True)
    if not results:
        print("Không có tệp .yaml nào để trình bày lại (ngoài kho kế hoạch thì hãy chỉ rõ tệp).",
              file=sys.stderr)
        raise typer.Exit(0)
    failed = [r for r in results if not r.ok]
    changed = [r for r in results if r.ok and r.changed]
    for r in results:
        if r.ok and r.changed:
            print(f"{'Cần trình bày lại' if check_only else 'Đã trình bày lại'}: "
                  f"{printable(r.display)}")
        sys.stderr.write(formats.plain(r.diagnostics))
    kept = len(results) - len(failed) - len(changed)
    verb = "cần trình bày lại" if check_only else "đã trình bày lại"
    parts = [f"{len(changed)} tệp {verb}", f"{kept} tệp giữ nguyên"]
    if failed:
        parts.append(f"{len(failed)} tệp có lỗi nên không trình bày lại")
    print(", ".join(parts) + ".", file=sys.stderr)
    raise typer.Exit(1 if failed or (check_only and changed) else 0)


def _edit_run(task_id: str, plan: Path | None, change: Callable[[Path], Any],
              occurrence: str | None = None) -> None:
    """Find the plan, make one edit, print what was done; a refusal exits 1."""
    from kehoach.diagnostics import formats
    from kehoach.edit.lookup import parse_occurrence
    from kehoach.edit.records import EditError, locate_task
    from kehoach.fs.repo import find_root, path_problem

    why = path_problem(plan) if plan is not None else None
    if why == "không tìm thấy":
        usage(f"Không tìm thấy tệp kế hoạch: {plan}")
    if why:
        usage(f"Không dùng được tệp kế hoạch “{plan}”: {why}.")
    if plan is None and find_root(Path.cwd()) is None:
        usage(f"{_NO_REPO} từ thư mục này; hãy chạy lệnh trong kho, hoặc chỉ rõ tệp bằng --plan.")
    try:
        parse_occurrence(occurrence)
    except EditError as exc:
        usage(f"--occurrence: {exc.message_vi}")
    try:
        result = change(plan if plan is not None else locate_task(task_id))
    except EditError as exc:
        print(f"Lỗi: {exc.message_vi}", file=sys.stderr)
        sys.stderr.write(formats.plain(exc.diagnostics))
        raise typer.Exit(1) from None
    print(result.message)
    for warning in result.warnings:  # written anyway: odd, not wrong; say so now, not in CI
        print(f"Cảnh báo: {printable(warning.message)} ({warning.code})", file=sys.stderr)


@app.command()
def done(
    task_id: _TaskId,
    plan: _PlanOpt = None,
    agency: _EditAgency = None,
    day: Annotated[str | None, typer.Option(
        "--date", "-d", help="Ngày hoàn thành (mặc định: hôm nay).", show_default=False)] = None,
    evidence: Annotated[str | None, typer.Option(
        "--evidence", "-e", help="Minh chứng: số, ký hiệu văn bản báo cáo…", show_default=False)
    ] = None,
    occurrence: _Occurrence = None,
    note: _Note = None,
) -> None:
    """Ghi nhận một nhiệm vụ đã hoàn thành (sửa đúng chỗ, giữ nguyên phần còn lại của tệp)."""
    from kehoach.edit.records import record_done

    when = day_arg(day, "--date") if day is not None else None
    _edit_run(task_id, plan, lambda path: record_done(
        path, task_id, agency=agency, date=when, evidence=evidence, occurrence=occurrence,
        note=note), occurrence)


@app.command()
def undone(
    task_id: _TaskId,
    plan: _PlanOpt = None,
    agency: _EditAgency = None,
    occurrence: _Occurrence = None,
) -> None:
    """Bỏ một ghi nhận hoàn thành đã ghi nhầm."""
    from kehoach.edit.records import withdraw_done

    _edit_run(task_id, plan, lambda path: withdraw_done(
        path, task_id, agency=agency, occurrence=occurrence), occurrence)


@app.command()
def extend(
    task_id: _TaskId,
    new_deadline: Annotated[str, typer.Argument(
        help="Thời hạn mới, viết như trong văn bản: “quý III/2023”, “trước ngày 30/9/2023”.",
        show_default=False)],
    by: Annotated[str, typer.Option(
        "--by", help="Văn bản cho phép gia hạn (số, ký hiệu).", show_default=False)],
    day: Annotated[str | None, typer.Option(
        "--date", "-d", help="Ngày của văn bản gia hạn (mặc định: hôm nay).", show_default=False)
    ] = None,
    plan: _PlanOpt = None,
    note: _Note = None,
) -> None:
    """Gia hạn một nhiệm vụ; thời hạn gốc vẫn được giữ."""
    from kehoach.deadline.clock import today_vn
    from kehoach.edit.extensions import extend as extend_task

    if not by.strip() or not new_deadline.strip():
        usage("gia hạn cần thời hạn mới và văn bản cho phép gia hạn (--by).")
    when = day_arg(day, "--date") if day is not None else today_vn()
    _edit_run(task_id, plan, lambda path: extend_task(path, task_id, new_deadline, by, when,
                                                      note))


@app.command()
def unextend(
    task_id: _TaskId,
    by: Annotated[str | None, typer.Option(
        "--by", help="Văn bản gia hạn cần bỏ (khi nhiệm vụ đã gia hạn nhiều lần).",
        show_default=False)] = None,
    plan: _PlanOpt = None,
) -> None:
    """Bỏ một lần gia hạn đã ghi nhầm; thời hạn trước đó lại có hiệu lực."""
    from kehoach.edit.extensions import withdraw_extension

    _edit_run(task_id, plan, lambda path: withdraw_extension(path, task_id, by))


@app.command()
def new(
    doc_type: Annotated[str, typer.Argument(
        help="Loại văn bản: ke_hoach, chuong_trinh, quy_che, huong_dan, bao_cao…",
        show_default=False)],
    issuer: Annotated[str, typer.Option(
        "--issuer", "-i", help="Mã cơ quan ban hành trong danh mục.", show_default=False)],
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="Tệp sẽ tạo (mặc định: in ra màn hình).", show_default=False)
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Ghi đè tệp đã có.")] = False,
) -> None:
    """Tạo khung một kế hoạch mới (dự thảo) có chú thích hướng dẫn, qua được kehoach check."""
    from kehoach.edit.scaffold import ScaffoldError, new_plan_in
    from kehoach.fs.repo import display_path, find_root, is_dir, path_problem

    root = find_root((output.parent if output else Path.cwd()).absolute()) or find_root(Path.cwd())
    if root is None:
        usage(f"{_NO_REPO}.")
    if output is not None and is_dir(output):
        usage(f"“{output}” là một thư mục; hãy ghi tên tệp sẽ tạo.")
    if output is not None and path_problem(output) is None and not force:
        usage(f"Tệp “{output}” đã có; dùng --force để ghi đè.")
    try:
        text = new_plan_in(root, doc_type, issuer,
                           output.parent.absolute() if output else root / "plans")
    except ScaffoldError as exc:
        usage(exc.message_vi)
    if output is None:
        write_out(text)
        return
    from kehoach.fs.atomic import AtomicWriteError, write_output

    try:
        write_output(output, text.encode("utf-8"), force=force)
    except AtomicWriteError as exc:
        print(f"Lỗi: {exc.message_vi}", file=sys.stderr)
        raise typer.Exit(1) from None
    print(f"Đã tạo {display_path(output)}: hãy điền các chỗ trong [ ] và bỏ dấu # ở phần cần "
          "dùng, rồi chạy kehoach check.")
