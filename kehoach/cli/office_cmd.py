"""The office loop's commands that read what agencies send back: ``import-progress``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kehoach.cli.app import app
from kehoach.cli.options import Authority, Signer, SignerOffice, existing, usage

if TYPE_CHECKING:
    from kehoach.tracking.obligations import Obligation


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


@app.command()
def remind(
    agencies: Annotated[list[str] | None, typer.Option(
        "--agency", "-a", help="Cơ quan nhận (lặp lại được; mặc định: mọi cơ quan có việc).",
        show_default=False)] = None,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="Tính đến ngày (mặc định: hôm nay).", show_default=False)] = None,
    within: Annotated[int, typer.Option(
        "--within", "-w", min=0, max=3660, help="Gồm cả việc đến hạn trong số ngày tới.")] = 30,
    report_by: Annotated[str | None, typer.Option(
        "--report-by", help="Hạn báo cáo kết quả ghi trong công văn.", show_default=False)
    ] = None,
    one_letter: Annotated[bool, typer.Option(
        "--one-letter", help="Một công văn chung gửi mọi cơ quan (thay vì mỗi cơ quan một "
        "công văn).")] = False,
    output: Annotated[Path, typer.Option(
        "-o", "--output", help="Thư mục ghi công văn.")] = Path("out/cong-van"),
    sender: Annotated[str | None, typer.Option(
        "--co-quan-gui", help="Mã cơ quan gửi (mặc định: [cong_van] co_quan của kehoach.toml).",
        show_default=False)] = None,
    signer: Signer = None,
    office: SignerOffice = None,
    authority: Authority = None,
    number: Annotated[str | None, typer.Option(
        "--so", help="Số, ký hiệu công văn (không có: để trống, công văn là dự thảo).",
        show_default=False)] = None,
    place: Annotated[str | None, typer.Option(
        "--dia-danh", help="Địa danh ghi ở ngày tháng.", show_default=False)] = None,
) -> None:
    """Soạn công văn đôn đốc (Mẫu 1.5): việc quá hạn và sắp đến hạn của từng cơ quan."""
    from dataclasses import replace
    from datetime import timedelta
    from functools import partial

    from kehoach.cli.options import as_of_day, day_arg
    from kehoach.cli.tracking_cmd import _answer
    from kehoach.fs.repo import display_path, find_root
    from kehoach.load.config import load_config
    from kehoach.office.letters import TEMPLATE, letters
    from kehoach.office.outputs import write_output
    from kehoach.render.generic import render_template
    from kehoach.tracking.filters import Filters
    from kehoach.tracking.queries import ask

    root = find_root(Path.cwd())
    day = as_of_day(as_of)
    by = day_arg(report_by, "--report-by") if report_by else None
    config = load_config(root)
    base = config.sender  # an option given replaces kehoach.toml's value
    who = replace(base, co_quan=sender or base.co_quan, nguoi_ky=signer or base.nguoi_ky,
                  chuc_vu=office or base.chuc_vu, quyen_han=authority or base.quyen_han)
    rows: list[Obligation] = []
    wanted: list[str | None] = list(agencies) if agencies else [None]
    for agency in wanted:
        filters = Filters(agency, "chu-tri", status=("chua-hoan-thanh",),
                          due_before=day + timedelta(days=within))
        loaded, found = _answer(partial(ask, "tasks", [], day, filters, within))
        rows.extend(r for r in found if r not in rows)
    if not rows:
        print(f"Tính đến ngày {day:%d/%m/%Y} không có việc quá hạn hay sắp đến hạn: không soạn "
              "công văn nào.")
        return
    search = [root / "templates"] if root else []
    for letter in letters(rows, loaded.registry, who, day, report_by=by, place=place,
                          number=number, one_letter=one_letter):
        data = render_template(TEMPLATE, letter.context, loaded.registry, search_dirs=search,
                               title=letter.context["cong_van"]["v_v"])
        target = output / letter.file_name
        write_output(target, data)
        print(f"Đã ghi {display_path(target)}{' (dự thảo)' if letter.draft else ''}")


@app.command()
def report(
    plan: Annotated[Path, typer.Argument(help="Tệp kế hoạch (.yaml) được báo cáo.",
                                         show_default=False)],
    period: Annotated[str | None, typer.Option(
        "--period", "-k", help="Kỳ báo cáo: 2024 (năm), 6T-2024 (sáu tháng đầu năm), "
        "6T-cuoi-2024 (sáu tháng cuối năm), 2021-2025 (giai đoạn); mặc định: năm của ngày "
        "tính.", show_default=False)] = None,
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="Số liệu tính đến ngày (mặc định: hôm nay).", show_default=False)
    ] = None,
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="Tệp .docx (mặc định: out/bao-cao-<tên kế hoạch>-<kỳ>.docx "
        "của kho).", show_default=False)] = None,
    issuer: Annotated[str | None, typer.Option(
        "--co-quan", help="Mã cơ quan báo cáo (mặc định: [bao_cao] co_quan của kehoach.toml, "
        "rồi cơ quan ban hành đầu tiên của kế hoạch).", show_default=False)] = None,
    signer: Signer = None,
    office: SignerOffice = None,
    authority: Authority = None,
    number: Annotated[str | None, typer.Option(
        "--so", help="Số, ký hiệu báo cáo (không có: để trống, báo cáo là dự thảo).",
        show_default=False)] = None,
    place: Annotated[str | None, typer.Option(
        "--dia-danh", help="Địa danh ghi ở ngày tháng (mặc định: của kế hoạch).",
        show_default=False)] = None,
) -> None:
    """Soạn báo cáo kết quả thực hiện kế hoạch trong một kỳ, kèm phụ lục tổng hợp."""
    from kehoach.cli.options import as_of_day
    from kehoach.cli.printing import errors_to_stderr
    from kehoach.fs.repo import display_path, find_root
    from kehoach.load.config import Sender, load_config
    from kehoach.office.outputs import write_output
    from kehoach.office.progress_report import make_report
    from kehoach.plan.reportperiod import PeriodError, parse_period, year_period
    from kehoach.textnorm import printable

    existing([plan])
    day = as_of_day(as_of)
    try:
        chosen = parse_period(period) if period is not None else year_period(day)
    except PeriodError as exc:
        usage(f"--period: {exc.message_vi}")
    if day < chosen.start:
        usage(f"--as-of {day:%d/%m/%Y} trước ngày bắt đầu kỳ báo cáo ({chosen.label}).")
    if output is not None and output.suffix.lower() != ".docx":
        usage(f"-o: báo cáo ghi ra tệp .docx, không phải “{output.name}”.")
    root = find_root(plan)
    given = Sender(co_quan=issuer, nguoi_ky=signer, chuc_vu=office, quyen_han=authority)
    made = make_report(plan, chosen, day, sender=given, configured=load_config(root).reporter,
                       place=place, number=number)
    if made.problems:
        errors_to_stderr(made.problems)
        print("Kế hoạch hoặc phần viết của báo cáo còn lỗi: chưa soạn báo cáo.", file=sys.stderr)
        raise typer.Exit(1)
    target = output or (root or Path.cwd()) / "out" / f"bao-cao-{plan.stem}-{chosen.code}.docx"
    write_output(target, made.docx)
    used = f", phần viết: {display_path(made.narrative)}" if made.narrative else ""
    draft = " (dự thảo)" if made.draft else ""
    print(printable(f"Đã ghi {display_path(target)}{draft}{used}"))
