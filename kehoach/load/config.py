"""A repository's configuration, ``kehoach.toml`` at its root (also its marker).

    [kho]
    tinh = "lang-son"            # the default province when a body is named (an id prefix)

    [kiem_tra]
    tat = ["footnote-unused"]    # codes not reported in this repository
    canh_bao = ["task-no-lead"]  # codes lowered to warnings
    loi = ["footnote-unused"]    # codes raised to errors

    [cong_van]                   # the sender and signer of generated letters
    co_quan = "lang-son.so-noi-vu"
    quyen_han = "KT. GIÁM ĐỐC"
    chuc_vu = "PHÓ GIÁM ĐỐC"
    nguoi_ky = "Nguyễn Văn A"
    noi_nhan = ["- Như trên;", "- Lưu: VT, VP."]

    [bao_cao]                    # who issues progress reports (default: the plan's issuer)
    co_quan = "lang-son.ubnd-tinh"   # the same keys as [cong_van]

A file someone else committed is hostile input: it is read bounded, every problem is a
diagnostic at its line, and no setting can switch off or lower a ``security`` code. There is
deliberately no setting for the as-of day: it is today unless a command is given one.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kehoach.diagnostics.codes import CODES
from kehoach.diagnostics.diagnostic import Diagnostic, Severity, diagnostic
from kehoach.fs.repo import MARKER, display_path

MAX_BYTES = 256 * 1024  # a configuration is a few lines; more is not a configuration

_SCHEMA: dict[str, dict[str, type]] = {
    "kho": {"tinh": str},
    "kiem_tra": {"tat": list, "canh_bao": list, "loi": list},
    "cong_van": {"co_quan": str, "quyen_han": str, "chuc_vu": str, "nguoi_ky": str,
                 "noi_nhan": list},
    "bao_cao": {"co_quan": str, "quyen_han": str, "chuc_vu": str, "nguoi_ky": str,
                "noi_nhan": list},
}
_LEVELS = {"canh_bao": Severity.WARNING, "loi": Severity.ERROR}


@dataclass(frozen=True)
class Sender:
    """Who sends the letters kehoach writes, and who signs them (any part may be missing)."""

    co_quan: str | None = None
    quyen_han: str | None = None
    chuc_vu: str | None = None
    nguoi_ky: str | None = None
    noi_nhan: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    province: str | None = None
    off: frozenset[str] = frozenset()
    levels: dict[str, Severity] = field(default_factory=dict)
    sender: Sender = Sender()
    reporter: Sender = Sender()
    diagnostics: tuple[Diagnostic, ...] = ()


NO_CONFIG = Config()


def load_config(root: Path | None, cwd: Path | None = None) -> Config:
    """The configuration of the repository at ``root`` (an empty one when it has none)."""
    if root is None or not (root / MARKER).is_file():
        return NO_CONFIG
    path = root / MARKER
    display = display_path(path, cwd)
    from kehoach.fs.reader import FileTooLarge, ReadError, read_bytes

    try:  # the one reader: a regular file, bounded, not through a link out of the repository
        raw = read_bytes(path, limit=MAX_BYTES)
    except FileTooLarge:
        return Config(path, diagnostics=(diagnostic(
            display, 0, 0, "file-too-large", "Tệp cấu hình lớn hơn 256 KiB: không đọc."),))
    except ReadError as exc:
        return Config(path, diagnostics=(diagnostic(display, 0, 0, exc.code,
                                                    f"Không đọc được tệp: {exc.reason}."),))
    except OSError as exc:
        from kehoach.fs.oserror import reason_vi

        why = reason_vi(exc, reading=True)
        return Config(path, diagnostics=(diagnostic(display, 0, 0, "io-error",
                                                    f"Không đọc được tệp: {why}."),))
    return parse_config(raw.decode("utf-8", "replace"), path, display)


def parse_config(text: str, path: Path | None = None, display: str = MARKER) -> Config:
    """The configuration in ``text``; what is wrong becomes a diagnostic and is not applied."""
    problems = _Problems(text, display)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"line (\d+), column (\d+)", str(exc))
        line, col = (int(where[1]), int(where[2])) if where else (1, 1)
        problems.at(line, col, "config-syntax",
                    f"Sai cú pháp TOML ở đây (bộ đọc TOML báo: {_toml_reason(str(exc))}).")
        return Config(path, diagnostics=tuple(problems.found))
    good = _validated(data, problems)
    off, levels = _rules(good.get("kiem_tra", {}), problems)
    return Config(
        path, province=good.get("kho", {}).get("tinh"), off=off, levels=levels,
        sender=_sender(good.get("cong_van", {})), reporter=_sender(good.get("bao_cao", {})),
        diagnostics=tuple(problems.found))


def _sender(section: dict[str, Any]) -> Sender:
    return Sender(**{k: v for k, v in section.items() if k != "noi_nhan"},
                  noi_nhan=tuple(section.get("noi_nhan", ())))


def _validated(data: dict[str, Any], problems: _Problems) -> dict[str, dict[str, Any]]:
    """The known sections and keys with values of the right type; the rest is reported."""
    good: dict[str, dict[str, Any]] = {}
    for section, values in data.items():
        keys = _SCHEMA.get(section)
        if keys is None or not isinstance(values, dict):
            problems.key(section, None, "config-unknown-key",
                          f"Không có mục [{section}].{_near(section, _SCHEMA)}")
            continue
        good[section] = {}
        for key, value in values.items():
            kind = keys.get(key)
            if kind is None:
                problems.key(key, section, "config-unknown-key",
                             f"Mục [{section}] không có khóa “{key}”.{_near(key, keys)}")
            elif not _fits(value, kind):
                what = "một danh sách chuỗi" if kind is list else "một chuỗi"
                problems.key(key, section, "config-value", f"“{key}” cần {what}.")
            else:
                good[section][key] = value
    return good


def _rules(section: dict[str, list[str]], problems: _Problems
           ) -> tuple[frozenset[str], dict[str, Severity]]:
    off: set[str] = set()
    levels: dict[str, Severity] = {}
    for key in ("tat", "canh_bao", "loi"):
        for code in section.get(key, []):
            entry = CODES.get(code)
            if entry is None:
                problems.value(code, "config-unknown-code",
                               f"Không có mã “{code}”.{_near(code, CODES)}")
            elif entry.security and (key == "tat" or _LEVELS[key] is not entry.severity):
                problems.value(code, "config-security",
                               f"“{code}” là kiểm tra an toàn: không tắt hay hạ mức được.")
            elif key == "tat":
                off.add(code)
            else:
                levels[code] = _LEVELS[key]
    return frozenset(off), levels


def _near(word: str, known: Any) -> str:
    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f" Có phải “{close[0]}”?" if close else ""


def _toml_reason(message: str) -> str:
    return re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", message)


class _Problems:
    """Diagnostics placed by finding the key or value in the text (tomllib keeps no
    positions; a configuration is short)."""

    def __init__(self, text: str, display: str):
        self.lines = text.splitlines()
        self.display = display
        self.found: list[Diagnostic] = []

    def at(self, line: int, col: int, code: str, message: str) -> None:
        self.found.append(diagnostic(self.display, line, col, code, message))

    def key(self, key: str, section: str | None, code: str, message: str) -> None:
        start = self._section_line(section) if section else 0
        pattern = re.compile(rf"^\s*\[?\s*\"?{re.escape(key)}\"?\s*[\]=]")
        self._first(pattern, start, code, message)

    def value(self, value: str, code: str, message: str) -> None:
        self._first(re.compile(re.escape(f'"{value}"')), 0, code, message)

    def _section_line(self, section: str) -> int:
        for i, line in enumerate(self.lines):
            if re.match(rf"^\s*\[\s*{re.escape(section)}\s*\]", line):
                return i
        return 0

    def _first(self, pattern: re.Pattern[str], start: int, code: str, message: str) -> None:
        for i in range(start, len(self.lines)):
            match = pattern.search(self.lines[i])
            if match:
                indent = len(self.lines[i]) - len(self.lines[i].lstrip())
                col = match.start() + 1 if match.start() else indent + 1
                self.at(i + 1, col, code, message)
                return
        self.at(1, 1, code, message)


def _fits(value: object, kind: type) -> bool:
    """Whether a configuration value has its key's type (a list holds strings only)."""
    if kind is list:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, kind)
