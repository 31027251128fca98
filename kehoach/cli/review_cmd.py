"""Reviewing changes: ``kehoach diff`` and ``kehoach git-setup``."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from kehoach.cli.app import app
from kehoach.cli.options import usage
from kehoach.cli.printing import errors_to_stderr, write_out


class DiffFormat(StrEnum):
    text = "text"
    json = "json"


@app.command()
def diff(
    versions: Annotated[list[str], typer.Argument(
        help="Hai phiên bản: tệp hoặc git:PHIÊN_BẢN:đường/dẫn (ví dụ git:HEAD~1:plans/a.yaml);"
        " một tệp: so với bản trong git (HEAD).", show_default=False)],
    textconv: Annotated[bool, typer.Option(
        "--textconv", help="In kế hoạch mỗi ý một dòng, cho git diff (xem kehoach git-setup).")
    ] = False,
    fmt: Annotated[DiffFormat, typer.Option(
        "--format", "-f", help="Định dạng: text (lời văn), json.")] = DiffFormat.text,
) -> None:
    """Giải thích thay đổi giữa hai phiên bản của một kế hoạch, theo ngôn ngữ kế hoạch."""
    import json

    from kehoach.review.compare import compare
    from kehoach.review.git import DiffError
    from kehoach.review.semantic import changes_json, format_changes_vi

    if textconv:
        _textconv(versions)
        return
    try:
        result = compare(versions, Path.cwd())
    except DiffError as exc:
        usage(exc.message_vi)
    if result.errors:
        errors_to_stderr(result.errors)
        print("Lỗi: có phiên bản chưa đọc được thành kế hoạch (lỗi ở trên); chưa so sánh được.",
              file=sys.stderr)
        raise typer.Exit(1)
    if fmt is DiffFormat.json:
        write_out(json.dumps(changes_json(result.changes), ensure_ascii=False, indent=2) + "\n")
    else:
        write_out(format_changes_vi(result.changes))


def _textconv(versions: list[str]) -> None:
    from kehoach.review.git import textconv

    if len(versions) != 1:
        usage("--textconv nhận đúng một tệp.")
    try:
        write_out(textconv(Path(versions[0])))
    except OSError as exc:
        from kehoach.fs.oserror import reason_vi

        usage(f"Không đọc được tệp “{versions[0]}”: {reason_vi(exc, reading=True)}.")


@app.command("git-setup")
def git_setup() -> None:
    """Thiết lập kho git để git diff hiện thay đổi của kế hoạch theo từng ý (textconv)."""
    from kehoach.errors import KehoachError
    from kehoach.fs.repo import find_root
    from kehoach.review.git import git_setup as setup
    from kehoach.review.git import textconv_command
    from kehoach.textnorm import printable

    root = find_root(Path.cwd())
    if root is None:
        usage("Không tìm thấy kho kế hoạch (thư mục có plans/ hoặc kehoach.toml).")
    try:
        for line in setup(root, textconv_command()):
            print(printable(line))
    except KehoachError as exc:  # git refused, or .gitattributes could not be written
        print(f"Lỗi: {exc.message_vi}", file=sys.stderr)
        raise typer.Exit(1) from None
    except OSError as exc:  # .gitattributes could not be read
        from kehoach.fs.oserror import reason_vi

        why = reason_vi(exc, reading=True)
        print(f"Lỗi: không đọc được tệp “{exc.filename}”: {why}.", file=sys.stderr)
        raise typer.Exit(1) from None
