"""``kehoach render``: the official .docx (and PDF)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kehoach.cli.app import app
from kehoach.cli.options import existing
from kehoach.cli.printing import errors_to_stderr


@app.command()
def render(
    sources: Annotated[list[Path], typer.Argument(
        help="Tệp kế hoạch (.yaml) hoặc thư mục kế hoạch; có thể nêu nhiều.")],
    output: Annotated[  # a str: "x/" must keep its "/", which Path drops
        str | None,
        typer.Option("-o", "--output", help="Một kế hoạch: tệp .docx, hoặc thư mục nếu "
                     "thư mục đã có hay đường dẫn kết thúc bằng “/”. Nhiều kế hoạch hoặc cả "
                     "thư mục: luôn là thư mục (tạo nếu chưa có). Mặc định: out/ của kho."),
    ] = None,
    template: Annotated[
        str | None, typer.Option("--template", "-t", help="Tên mẫu hoặc đường dẫn tệp .j2.")
    ] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Xuất thêm PDF (cần LibreOffice).")] = False,
    force: Annotated[bool, typer.Option("--force", help="Ghi đè tệp đã có.")] = False,
) -> None:
    """Xuất văn bản .docx đúng thể thức (Nghị định 30/2020/NĐ-CP hoặc của Đoàn)."""
    from kehoach.fs.repo import display_path
    from kehoach.render import RenderError
    from kehoach.render.run import render_source
    from kehoach.textnorm import printable

    existing(sources)
    try:
        errors = render_source(sources, output, template=template, pdf=pdf, force=force,
                               written=lambda p: print(f"Đã ghi {printable(display_path(p))}"))
    except RenderError as err:
        print(f"Lỗi: {err.message_vi}", file=sys.stderr)
        raise typer.Exit(1) from None
    except OSError as err:
        from kehoach.fs.oserror import reason_vi

        print(f"Lỗi: không ghi được tệp “{printable(str(err.filename))}”: {reason_vi(err)}.",
              file=sys.stderr)
        raise typer.Exit(1) from None
    if errors:
        errors_to_stderr(errors)
        print("Kế hoạch còn lỗi: chưa xuất văn bản.", file=sys.stderr)
        raise typer.Exit(1)
