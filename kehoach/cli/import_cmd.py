"""``kehoach import``: an existing Word plan becomes a checked YAML plan."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kehoach.cli.app import app
from kehoach.cli.options import existing


@app.command("import")
def import_(
    source: Annotated[Path, typer.Argument(
        help="Văn bản Word (.docx; .odt, .doc, .rtf qua LibreOffice).", show_default=False)],
    output: Annotated[Path | None, typer.Option(
        "-o", "--output", help="Tệp kế hoạch sẽ ghi (mặc định: plans/ + tên theo loại, số, năm).",
        show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Ghi đè tệp đã có.")] = False,
    everything: Annotated[bool, typer.Option(
        "--chi-tiet", help="Báo cáo cả những gì đã nhận ra, không chỉ phần đoán và phần giữ "
        "nguyên văn.")] = False,
) -> None:
    """Nhập kế hoạch từ văn bản Word: ghi tệp YAML đã kiểm tra và báo cáo từng đoạn."""
    from kehoach.cli.printing import errors_to_stderr
    from kehoach.fs.repo import display_path
    from kehoach.wordimport.command import import_document
    from kehoach.wordimport.refusal import WordImportError

    existing([source])
    try:
        done = import_document(source, output, force=force)
    except WordImportError as exc:
        print(f"Lỗi: {exc.message_vi}", file=sys.stderr)
        raise typer.Exit(1) from None
    print(f"Đã ghi {display_path(done.plan)}")
    for proposal in done.proposals:
        print(f"Đề xuất thêm vào danh mục ({display_path(done.registry)}): {proposal.id} — "
              f"{proposal.ten}" if done.registry else proposal.id)
    for line in done.report.lines(everything=everything):
        print(line)
    errors = [d for d in done.diagnostics if d.is_error]
    if done.diagnostics:
        errors_to_stderr(done.diagnostics)
    if errors:
        print("Kế hoạch đã ghi nhưng “kehoach check” còn báo lỗi (thường do chính văn bản gốc): "
              "hãy sửa trong tệp YAML.", file=sys.stderr)
        raise typer.Exit(1)
