"""Setting up a plans repository: ``kehoach init`` and ``kehoach co-quan them``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kehoach.cli.app import app
from kehoach.cli.options import usage

registry_app = typer.Typer(help="Danh mục cơ quan của kho kế hoạch.", no_args_is_help=True,
                           context_settings={"help_option_names": ["-h", "--help"]})
app.add_typer(registry_app, name="co-quan")


@app.command()
def init(
    folder: Annotated[Path, typer.Argument(
        help="Thư mục của kho kế hoạch mới (mặc định: thư mục hiện tại).", show_default=False)
    ] = Path("."),
    province: Annotated[str | None, typer.Option(
        "--tinh", help="Tỉnh mặc định khi tìm cơ quan theo tên (phần đầu mã, ví dụ lang-son).",
        show_default=False)] = None,
) -> None:
    """Tạo kho kế hoạch mới: cấu hình, danh mục cơ quan, pre-commit, yamllint, VS Code, mẫu CI."""
    from kehoach.edit.repo_init import init_repository
    from kehoach.fs.atomic import AtomicWriteError
    from kehoach.fs.repo import is_dir, path_problem

    if path_problem(folder) is None and not is_dir(folder):
        usage(f"“{folder}” không phải thư mục.")
    try:
        done = init_repository(folder, province)
    except AtomicWriteError as exc:
        print(f"Lỗi: {exc.message_vi}", file=sys.stderr)
        raise typer.Exit(1) from None
    for name, written in done:
        print(f"{'Đã tạo' if written else 'Đã có, giữ nguyên'}: {name}")
    print("Tiếp theo: kehoach co-quan them … để thêm cơ quan; kehoach new ke_hoach --issuer … "
          "để soạn kế hoạch; trong kho git: kehoach git-setup và pre-commit install.")


@registry_app.command("them")
def add(
    body_id: Annotated[str, typer.Argument(
        help="Mã cơ quan: tiền tố địa phương, chữ thường không dấu (lang-son.so-y-te).",
        show_default=False)],
    name: Annotated[str, typer.Option("--ten", help="Tên đầy đủ.", show_default=False)],
    abbreviation: Annotated[str | None, typer.Option(
        "--viet-tat", help="Chữ viết tắt trong ký hiệu văn bản (SYT).", show_default=False)
    ] = None,
    aliases: Annotated[list[str] | None, typer.Option(
        "--ten-khac", help="Tên gọi khác (lặp lại được).", show_default=False)] = None,
    parent: Annotated[str | None, typer.Option(
        "--cap-tren", help="Mã cơ quan cấp trên.", show_default=False)] = None,
    kind: Annotated[str | None, typer.Option(
        "--loai", help="Loại: nha_nuoc, doan_thanh_nien, dang, doan_the, khac.",
        show_default=False)] = None,
) -> None:
    """Thêm một cơ quan vào danh mục (plans/co-quan.yaml), giữ tệp ở dạng trình bày thống nhất."""
    from kehoach.diagnostics import formats
    from kehoach.edit.lookup import EditError
    from kehoach.edit.registry_add import NewBody, add_body
    from kehoach.fs.repo import find_root
    from kehoach.textnorm import printable

    root = find_root(Path.cwd())
    if root is None:
        usage("Không tìm thấy kho kế hoạch (thư mục có plans/ hoặc kehoach.toml); tạo kho bằng "
              "kehoach init.")
    body = NewBody(body_id, name, abbreviation, tuple(aliases or ()), parent, kind)
    try:
        print(printable(add_body(root / "plans" / "co-quan.yaml", body)))
    except EditError as exc:
        print(f"Lỗi: {exc.message_vi}", file=sys.stderr)
        sys.stderr.write(formats.plain(exc.diagnostics))
        raise typer.Exit(1) from None
