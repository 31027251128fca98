"""Vietnamese for the parts of the command line that typer and click write themselves.

Officials read help pages and usage errors too: the headings ("Options", "Usage"), the help
option, the placeholders in usage lines (metavars) and click's usage errors are given in
Vietnamese here, in the CLI layer only.

This is the one module of kehoach that touches typer's internals: the click it vendors
(``typer._click``), its gettext hook (``typer.core._``), and the methods of its command
classes overridden below. pyproject.toml pins typer to the releases these were tested with,
and ``tests/test_typer_adapter.py`` fails when an upgrade removes one of ``PRIVATE_HOOKS``.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from functools import partial
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, get_args, get_origin

import typer
import typer._coercion
import typer.core
from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError

if TYPE_CHECKING:
    from typer._click import Command as _ClickCommand
    from typer._click import Context, HelpFormatter
else:  # at run time the mixin below is combined with typer's classes, not derived from one
    _ClickCommand = object

__all__ = ["ClickException", "Command", "Group", "NoArgsIsHelpError", "UsageError", "localize",
           "usage_error_vi"]

# Everything private this module relies on, as (module, dotted attribute): a test imports each.
PRIVATE_HOOKS: tuple[tuple[str, str], ...] = (
    ("typer._click.exceptions", "ClickException"),
    ("typer._click.exceptions", "UsageError"),
    ("typer._click.exceptions", "NoArgsIsHelpError"),
    ("typer._click.core", "Command.get_help_option"),
    ("typer._click.core", "Command.parse_args"),
    ("typer._click.core", "Command.collect_usage_pieces"),
    ("typer._click.core", "Command.format_usage"),
    ("typer._click.core", "Command.get_params"),
    ("typer._click.core", "Parameter.get_help_record"),
    ("typer._click.core", "Parameter.get_usage_pieces"),
    ("typer._click.formatting", "HelpFormatter.write_usage"),
    ("typer._click.formatting", "HelpFormatter.section"),
    ("typer._click.formatting", "HelpFormatter.write_dl"),
    ("typer.core", "_"),  # the gettext function typer's own words go through
    ("typer.core", "TyperCommand.format_options"),
    ("typer.core", "TyperGroup.format_options"),
    ("typer.core", "TyperGroup.format_commands"),
    ("typer.core", "TyperGroup.collect_usage_pieces"),
    ("typer.core", "_TyperParameter.type_descriptor"),  # an annotation: read from the class
    ("typer.core", "build_runtime_param"), ("typer._coercion", "RuntimeParam._coerce_value"),
)

HELP_OPTION_VI = "Hiện hướng dẫn này rồi thoát."
OPTIONS_METAVAR_VI = "[TUỲ CHỌN]"
SUBCOMMAND_METAVAR_VI = "LỆNH [ĐỐI SỐ]..."

_WORDS = {
    "Options": "Tùy chọn", "Arguments": "Đối số", "Commands": "Lệnh", "required": "bắt buộc",
    "default: {default}": "mặc định: {default}",
    "env var: {var}": "biến môi trường: {var}",
    "(dynamic)": "(tùy lúc chạy)",
    "Aborted!": "Đã dừng.", "Missing command.": "Thiếu lệnh.",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "Install completion for the current shell.":
        "Cài gợi ý lệnh (bấm Tab để hoàn thành) cho cửa sổ lệnh đang dùng.",
    "Show completion for the current shell, to copy it or customize the installation.":
        "In đoạn cài gợi ý lệnh cho cửa sổ lệnh đang dùng, để chép hoặc tự cài.",
}

# Placeholders named after what the official types, not after the Python parameter: keyed by
# argument name or by long option. Anything not listed falls back to its type (_TYPE_METAVARS).
_NAMED_METAVARS = {
    "paths": "ĐƯỜNG_DẪN", "source": "ĐƯỜNG_DẪN",
    "text": "THỜI_HẠN", "new_deadline": "THỜI_HẠN_MỚI",
    "versions": "PHIÊN_BẢN",
    "task_id": "MÃ_NHIỆM_VỤ",
    "doc_type": "LOẠI_VĂN_BẢN",
    "--as-of": "NGÀY", "--date": "NGÀY", "--due-before": "NGÀY", "--due-after": "NGÀY",
    "--agency": "CƠ_QUAN", "--issuer": "CƠ_QUAN",
    "--status": "TÌNH_TRẠNG",
    "--within": "SỐ_NGÀY",
    "--plan": "TỆP", "--output": "TỆP",
    "--template": "MẪU",
    "--evidence": "MINH_CHỨNG", "--occurrence": "KỲ", "--note": "GHI_CHÚ",
    "--by": "VĂN_BẢN",
    "body_id": "MÃ_CƠ_QUAN", "folder": "THƯ_MỤC",
    "--ten": "TÊN", "--ten-khac": "TÊN",
    "--viet-tat": "VIẾT_TẮT",
    "--cap-tren": "MÃ_CƠ_QUAN",
    "--loai": "LOẠI", "--tinh": "TỈNH",
    "--headers": "id|vi",
}
_TYPE_METAVARS: list[tuple[type, str]] = [
    (bool, "CÓ_KHÔNG"),  # before int: bool is an int
    (int, "SỐ"), (float, "SỐ"), (datetime.date, "NGÀY"),  # datetime is a date too
    (PurePath, "ĐƯỜNG_DẪN"),
]
_FALLBACK_METAVAR = "CHUỖI"


def _translate(message: str) -> str:
    """typer's gettext, in Vietnamese for the words of ``_WORDS``."""
    return _WORDS.get(message, message)


def _unquote(text: str) -> str:
    """``'--issuer' / '-i'`` → ``--issuer / -i``: click quotes each name, and the Vietnamese
    sentences around them read better without."""
    return re.sub(r"'([^']*)'", r"\1", text)


def _list_vi(text: str) -> str:
    """``'a', 'b'`` or click's ``a,\\n\\tb`` → ``a, b``."""
    return ", ".join(part for part in re.split(r",\s*", _unquote(text).strip()) if part)


# The reasons after "Invalid value for X:" (pydantic's and typer's words).
_VALUE_REASONS: list[tuple[str, str | Callable[[re.Match[str]], str]]] = [
    (r"Input should be a valid integer, got a number with a fractional part",
     "phải là số nguyên (không có phần lẻ)."),
    (r"Input should be a valid integer.*", "phải là số nguyên."),
    (r"Input should be a valid number.*", "phải là số."),
    (r"Input should be a valid boolean.*", "phải là true hoặc false."),
    (r"Input should be a valid date.*", "phải là ngày hợp lệ."),
    (r"Input should be greater than or equal to (.+)", r"phải lớn hơn hoặc bằng \1."),
    (r"Input should be greater than (.+)", r"phải lớn hơn \1."),
    (r"Input should be less than or equal to (.+)", r"phải nhỏ hơn hoặc bằng \1."),
    (r"Input should be less than (.+)", r"phải nhỏ hơn \1."),
    (r"String should have at least (\d+) characters?", r"phải có ít nhất \1 ký tự."),
    (r"String should have at most (\d+) characters?", r"chỉ được tối đa \1 ký tự."),
    (r"(.+) is not one of (.+)\.",
     lambda m: f"{m[1]} không thuộc các giá trị: {_list_vi(m[2])}."),
    (r"Value (.+) is not a valid \w+\.", r"\1 không phải giá trị hợp lệ."),
]


def _reason_vi(reason: str) -> str:
    return _apply(_VALUE_REASONS, reason) or reason


def _suggest(possibilities: str | None) -> str:
    return f" Có phải: {_list_vi(possibilities)}?" if possibilities else ""


def _missing(m: re.Match[str]) -> str:
    what = "tùy chọn" if m["kind"] == "option" else "đối số"
    text = f"Thiếu {what} {_unquote(m['hint'])}." if m["hint"] else f"Thiếu {what}."
    if m["choices"]:
        text += f" Chọn một trong: {_list_vi(m['choices'])}."
    return text


_ERRORS: list[tuple[str, str | Callable[[re.Match[str]], str]]] = [
    (r"No such option: (\S+?)(?: \(Possible options: (.+)\))?",
     lambda m: f"Không có tùy chọn {m[1]}.{_suggest(m[2])}"),
    (r"(?:No such command|Không có lệnh) (.+?)\.(?: Did you mean (.+)\?)?",
     lambda m: f"Không có lệnh {m[1]}.{_suggest(m[2])}"),
    (r"Invalid value for (.+?): (.+)",
     lambda m: f"Giá trị không hợp lệ cho {_unquote(m[1])}: {_reason_vi(m[2])}"),
    (r"Invalid value: (.+)", lambda m: f"Giá trị không hợp lệ: {_reason_vi(m[1])}"),
    (r"Missing (?P<kind>argument|option|parameter)(?: (?P<hint>.+?))?\."
     r"(?: Choose from:\s*(?P<choices>.+))?", _missing),
    (r"Got unexpected extra argument(?:s|\(s\))? \((.+)\)", r"Thừa đối số: \1."),
    (r"Option (.+) requires an argument\.",
     lambda m: f"Tùy chọn {_unquote(m[1])} cần một giá trị."),
    (r"Option (.+) requires (\d+) arguments\.",
     lambda m: f"Tùy chọn {_unquote(m[1])} cần {m[2]} giá trị."),
    (r"Option (.+) does not take a value\.",
     lambda m: f"Tùy chọn {_unquote(m[1])} không nhận giá trị."),
    (r"Argument (.+) takes (\d+) values\.",
     lambda m: f"Đối số {_unquote(m[1])} cần {m[2]} giá trị."),
    (r"Missing command\.", r"Thiếu lệnh."),
]


def _apply(table: list[tuple[str, str | Callable[[re.Match[str]], str]]],
           text: str) -> str | None:
    for pattern, replacement in table:
        match = re.fullmatch(pattern, text, flags=re.DOTALL)
        if match:
            return replacement(match) if callable(replacement) else match.expand(replacement)
    return None


def usage_error_vi(message: str) -> str:
    """A click usage error in Vietnamese (the original kept when no pattern fits)."""
    message = message.replace("Value error, ", "")
    translated = _apply(_ERRORS, message)
    return message if translated is None else translated


def _type_metavar(annotation: Any) -> str | None:
    """The placeholder for a type; ``None`` for choices, which typer lists themselves."""
    if get_origin(annotation) in (list, tuple, set):  # repeated values: the element's name
        inner = [a for a in get_args(annotation) if a is not Ellipsis]
        return _type_metavar(inner[0]) if inner else _FALLBACK_METAVAR
    if isinstance(annotation, type):
        for kind, name in _TYPE_METAVARS:
            if issubclass(annotation, kind):
                return name
    return _FALLBACK_METAVAR


def _metavar_vi(param: Any) -> str | None:
    if param.param_type_name == "argument":
        keys = [param.name]
    else:  # by long option only: an option's Python name may collide with an argument's
        keys = [o for o in getattr(param, "opts", []) if o.startswith("--")]
    for key in keys:
        if key in _NAMED_METAVARS:
            return _NAMED_METAVARS[key]
    descriptor = param.type_descriptor
    if getattr(descriptor, "is_choice", False):
        return None
    return _type_metavar(descriptor.annotation)


def _argument_name(param: Any) -> str:
    name = param.metavar or param.name.upper()
    return f"{name}..." if param.nargs != 1 else name


def _usage_piece(param: Any) -> str:
    name = param.metavar or param.name.upper()
    piece = name if param.required else f"[{name}]"
    return f"{piece}..." if param.nargs != 1 else piece


def _range_vi(help_text: str) -> str:
    """typer's ``x>=0`` in the trailing ``[…]`` of a help text, in words."""
    def words(m: re.Match[str]) -> str:
        extra = re.sub(r"\b(\S+?)<=x<=(\S+?)(?=;|$)", r"từ \1 đến \2", m[1])
        extra = re.sub(r"\bx>=(\S+?)(?=;|$)", r"tối thiểu \1", extra)
        extra = re.sub(r"\bx<=(\S+?)(?=;|$)", r"tối đa \1", extra)
        return f"[{extra}]"

    return re.sub(r"\[([^\[\]]*)\]$", words, help_text)


class _VietnameseHelp(_ClickCommand):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only click's English defaults are replaced: a metavar chosen in cli.py stays.
        if getattr(self, "options_metavar", None) == "[OPTIONS]":
            self.options_metavar = OPTIONS_METAVAR_VI
        if getattr(self, "subcommand_metavar", None) == "COMMAND [ARGS]...":
            self.subcommand_metavar = SUBCOMMAND_METAVAR_VI
        for param in getattr(self, "params", []):
            if param.metavar is None and not getattr(param, "is_flag", False):
                # Set on the parameter itself so that usage errors ("Thiếu đối số …") name
                # it exactly as the help page does.
                param.metavar = _metavar_vi(param)

    def get_help_option(self, ctx: Context) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_OPTION_VI
        return option

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except UsageError as exc:
            # The option parser raises without a context, which would point the user to the
            # top-level help ("Xem: kehoach --help") instead of this command's.
            if exc.ctx is None:
                exc.ctx, exc.cmd = ctx, ctx.command
            raise

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        # click's convention (ARG required, [ARG] optional) rather than typer's {arg}.
        options_metavar = getattr(self, "options_metavar", None)
        pieces = [options_metavar] if options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                pieces.append(_usage_piece(param))
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        subcommand_metavar = getattr(self, "subcommand_metavar", None)
        if subcommand_metavar:
            pieces.append(subcommand_metavar)
        return pieces

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix="Cách dùng: ")

    def _format_params(self, ctx: Context, formatter: HelpFormatter) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            name, help_text = record
            if param.param_type_name == "argument":
                # typer writes "task_id <str>"; the metavar alone says it in Vietnamese.
                arguments.append((_argument_name(param), _range_vi(help_text)))
            else:
                options.append((name, _range_vi(_translate(help_text))))
        if arguments:
            with formatter.section(_translate("Arguments")):
                formatter.write_dl(arguments)
        if options:
            with formatter.section(_translate("Options")):
                formatter.write_dl(options)


class Command(_VietnameseHelp, typer.core.TyperCommand):
    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        self._format_params(ctx, formatter)


class Group(_VietnameseHelp, typer.core.TyperGroup):
    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        self._format_params(ctx, formatter)
        self.format_commands(ctx, formatter)


# Typer coerces every parameter through a pydantic TypeAdapter, which imports pydantic and
# scans the installed packages for pydantic plugins (~60 ms) even for a text or a path. What
# it makes the same is made here: texts, paths, a choice typed exactly (an enum's member),
# digits or an int within bounds; anything else gets typer's adapter, built when needed.
_PLAIN: dict[Any, Callable[[str], Any]] = {str: str, Path: Path}
_DEFAULTS = {"parser": None, "click_type": None, "exists": False, "resolve_path": False,
             "allow_dash": False, "path_type": None, "writable": False, "file_okay": True,
             "dir_okay": True, "readable": True}
_typer_runtime_param = typer.core.build_runtime_param
_LATER: Any = object()  # a value left to typer's adapter


@dataclass(frozen=True)
class _Plain(typer._coercion.RuntimeParam):
    make: Callable[[Any], Any] = str
    many: bool = False
    descriptor: Any = None
    built: list[Any] = field(default_factory=list)  # typer's own, for what is not made here

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        items = value if self.many and isinstance(value, (list, tuple)) else [value]
        made = [self.make(v) for v in items]
        if all(m is not _LATER for m in made):
            return made if self.many else made[0]
        if not self.built:
            self.built.append(_typer_runtime_param(self.descriptor))
        return self.built[0]._coerce_value(value, param=param, ctx=ctx)


def _later(value: Any) -> Any:
    return _LATER


def _maker(leaf: Any, info: Any) -> Callable[[Any], Any]:
    if leaf is int:
        return partial(_whole, info.min, info.max)
    if isinstance(leaf, type) and issubclass(leaf, Enum):  # any other spelling: typer's
        members = {str(m.value): m for m in leaf}
        return lambda v: members.get(v, _LATER) if isinstance(v, str) else _LATER
    make = _PLAIN.get(leaf)
    return _later if make is None else lambda v: make(v) if isinstance(v, str) else _LATER


def _whole(low: int | None, high: int | None, v: Any) -> Any:
    n = int(v) if isinstance(v, str) and v.isascii() and v.isdigit() else v
    ok = type(n) is int and (low is None or n >= low) and (high is None or n <= high)
    return n if ok else _LATER


def _runtime_param(descriptor: Any) -> Any:
    annotation, info = descriptor.annotation, descriptor.parameter_info
    if descriptor.file_annotation is not None:
        return _typer_runtime_param(descriptor)
    many = get_origin(annotation) is list
    leaf = get_args(annotation)[0] if many else annotation
    plain = all(getattr(info, k, v) == v for k, v in _DEFAULTS.items())
    return _Plain(annotation=annotation, parameter_info=info, make=_maker(leaf, info) if plain
                  else _later, many=many, descriptor=descriptor)


def localize(app: typer.Typer) -> None:
    """Give every command of ``app`` the Vietnamese help, and typer's own words."""
    typer.core._ = _translate
    typer.core.build_runtime_param = _runtime_param
    for info in app.registered_commands:
        if info.cls is None or info.cls is typer.core.TyperCommand:
            info.cls = Command
    for group in app.registered_groups:  # sub-commands (kehoach co-quan them)
        if group.typer_instance is not None:
            group.typer_instance.info.cls = Group
            group.typer_instance._add_completion = False
            localize(group.typer_instance)
