"""``kehoach explain``: what a diagnostic code means, from the code registry."""

from __future__ import annotations

from typing import Annotated

import typer

from kehoach.cli.app import app
from kehoach.cli.options import usage
from kehoach.cli.printing import write_out


@app.command()
def explain(
    code: Annotated[str | None, typer.Argument(
        metavar="MÃ", help="Mã lỗi hoặc cảnh báo, ví dụ: unknown-body.", show_default=False,
    )] = None,
    every: Annotated[bool, typer.Option("--all", help="Liệt kê mọi mã.")] = False,
) -> None:
    """Giải thích một mã lỗi hoặc cảnh báo: ý nghĩa, ví dụ sai và ví dụ đúng."""
    from kehoach.diagnostics.codes import UnknownCodeError
    from kehoach.diagnostics.codes.pages import explain as explanation
    from kehoach.diagnostics.codes.pages import listing

    if code is None or every:
        if code is not None:
            usage("--all liệt kê mọi mã; không ghi kèm một mã.")
        write_out(listing())
        return
    try:
        write_out(explanation(code))
    except UnknownCodeError as exc:
        usage(f"{exc.message_vi} Xem mọi mã: kehoach explain --all")
