"""What several commands share: argument types, options, and reading days and paths."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer


class TrackFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def _role(value: str) -> str:
    from kehoach.tracking.filters import role_name

    try:
        return role_name(value)
    except ValueError:
        raise typer.BadParameter(f"“{value}” không phải vai trò: chọn chu-tri (chủ trì), "
                                 "phoi-hop (phối hợp) hoặc tat-ca (cả hai).") from None


Paths = Annotated[
    list[Path] | None,
    typer.Argument(help="Tệp hoặc thư mục kế hoạch (mặc định: plans/).", show_default=False),
]
AsOf = Annotated[
    str | None,
    typer.Option("--as-of", help="Tính đến ngày (YYYY-MM-DD hoặc DD/MM/YYYY); mặc định: hôm "
                 "nay theo giờ Việt Nam.", show_default=False),
]
Agency = Annotated[
    str | None,
    typer.Option("--agency", "-a", help="Cơ quan: mã, tên, tên khác hoặc chữ viết tắt (không "
                 "phân biệt hoa thường, có dấu hay không, thứ tự từ; “tỉnh”, “huyện” có thể "
                 "bỏ); tên trùng ở nhiều tỉnh được hiểu theo các kế hoạch đang xem; gồm cả "
                 "nhiệm vụ giao cho nhóm có cơ quan này.", show_default=False),
]
Role = Annotated[
    str,
    typer.Option("--role", callback=_role, metavar="VAI_TRÒ",
                 help="Vai trò: chu-tri (chủ trì), phoi-hop (phối hợp), tat-ca (cả hai; viết "
                 "“any” cũng được)."),
]
Children = Annotated[
    bool, typer.Option("--include-children", help="Gồm cả các đơn vị trực thuộc cơ quan.")
]
# Who signs a letter or a report (remind, report): the same three options, the same words.
Signer = Annotated[str | None, typer.Option(
    "--nguoi-ky", help="Người ký.", show_default=False)]
SignerOffice = Annotated[str | None, typer.Option(
    "--chuc-vu", help="Chức vụ người ký (in hoa).", show_default=False)]
Authority = Annotated[str | None, typer.Option(
    "--quyen-han", help="Quyền hạn ký: TM., KT. …", show_default=False)]
TrackFmt = Annotated[
    TrackFormat | None,
    typer.Option("--format", "-f", help="Định dạng: table (bảng, mặc định), json, csv (mở bằng "
                 "Excel).", show_default=False),
]


def usage(message: str) -> NoReturn:
    """A usage error: the message (it may quote registry names or paths: printable), exit 2."""
    import sys

    from kehoach.textnorm import printable

    shown = "\n".join(printable(line) for line in message.split("\n"))  # candidates, one a line
    print(f"Lỗi: {shown}", file=sys.stderr)
    raise typer.Exit(2)


def existing(paths: list[Path] | None) -> list[Path]:
    """The paths given, all of which must exist (a missing one is a usage error)."""
    from kehoach.fs.repo import path_problem

    problems = [(p, path_problem(p)) for p in paths or []]
    missing = [p for p, why in problems if why == "không tìm thấy"]
    if missing:
        usage(f"Không tìm thấy: {', '.join(str(p) for p in missing)}")
    for path, why in problems:  # too long, a symlink loop, no permission
        if why:
            usage(f"Không dùng được “{path}”: {why}.")
    return list(paths or [])


def day_arg(text: str, option: str) -> date:
    from kehoach.deadline.clock import parse_day
    from kehoach.plan.limits import calendar_vi, in_calendar

    try:
        day = parse_day(text)
    except ValueError:
        usage(f"{option}: ngày “{text}” không hợp lệ (viết YYYY-MM-DD hoặc DD/MM/YYYY).")
    if not in_calendar(day):  # 9999-12-31 plus a year's horizon is past what dates can hold
        usage(f"{option}: ngày “{text}” nằm ngoài khoảng thời gian kehoach tính được "
              f"({calendar_vi()}).")
    return day


def as_of_day(text: str | None) -> date:
    from kehoach.deadline.clock import today_vn

    return today_vn() if text is None else day_arg(text, "--as-of")
