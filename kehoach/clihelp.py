"""Vietnamese for the parts of the command line that typer and click write themselves.

Officials read help pages and usage errors too: the headings ("Options", "Usage"), the help
option, and click's usage errors are given in Vietnamese here, in the CLI layer only.
"""

from __future__ import annotations

import re
from typing import Any

import typer
import typer.core

HELP_OPTION_VI = "Hiện hướng dẫn này rồi thoát."

_WORDS = {
    "Options": "Tuỳ chọn",
    "Arguments": "Đối số",
    "Commands": "Lệnh",
    "required": "bắt buộc",
    "default: {default}": "mặc định: {default}",
    "env var: {var}": "biến môi trường: {var}",
    "(dynamic)": "(tuỳ lúc chạy)",
    "Aborted!": "Đã dừng.",
    "Missing command.": "Thiếu lệnh.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
}

_ERRORS = [
    (r"No such option: (.+)", r"Không có tuỳ chọn \1."),
    (r"No such command '(.+)'\.", r"Không có lệnh “\1”."),
    (r"Invalid value for (.+?): (.+) is not one of (.+)\.",
     r"Giá trị không hợp lệ cho \1: \2 không thuộc \3."),
    (r"Invalid value for (.+?): (.+)", r"Giá trị không hợp lệ cho \1: \2"),
    (r"Missing argument '(.+)'\.", r"Thiếu đối số \1."),
    (r"Missing option '(.+)'\.", r"Thiếu tuỳ chọn \1."),
    (r"Got unexpected extra arguments? \((.+)\)", r"Thừa đối số: \1."),
    (r"Option '(.+)' requires an argument\.", r"Tuỳ chọn \1 cần một giá trị."),
    (r"Missing command\.", r"Thiếu lệnh."),
]


def _translate(text: str) -> str:
    return _WORDS.get(text, text)


def usage_error_vi(message: str) -> str:
    """A click usage error in Vietnamese (the original kept when no pattern fits)."""
    message = message.replace("Value error, ", "")
    for pattern, replacement in _ERRORS:
        if re.fullmatch(pattern, message, flags=re.DOTALL):
            return re.sub(pattern, replacement, message, flags=re.DOTALL)
    return message


class _VietnameseHelp:
    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_OPTION_VI
        return option

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix="Cách dùng: ")


class Command(_VietnameseHelp, typer.core.TyperCommand):
    pass


class Group(_VietnameseHelp, typer.core.TyperGroup):
    pass


def localize(app: typer.Typer) -> None:
    """Give every command of ``app`` the Vietnamese help, and typer's own words."""
    typer.core._ = _translate  # type: ignore[attr-defined]  # typer's gettext hook
    for info in app.registered_commands:
        if info.cls is None or info.cls is typer.core.TyperCommand:
            info.cls = Command
