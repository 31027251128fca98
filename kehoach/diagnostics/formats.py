"""Diagnostic output formats, one pure function each (the rich one lives in console.py).

Every format for people (plain, GitHub annotations, rich) shows the path, message and code
through ``textnorm.printable``: a file name or a YAML key holding a newline or an ESC sequence
cannot forge a line or drive the terminal. JSON keeps the exact strings (JSON-escaped).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from kehoach.diagnostics.diagnostic import Diagnostic
from kehoach.textnorm import printable

FORMATS = ("rich", "plain", "json", "github")


def plain(diagnostics: Sequence[Diagnostic]) -> str:
    """``file:line:col: [severity] message (code)`` — what editors and grep understand."""
    return "".join(
        f"{printable(d.path)}:{d.line}:{d.column}: [{d.severity.value}] {printable(d.message)} "
        f"({printable(d.code)})\n"
        for d in diagnostics
    )


def as_json(diagnostics: Sequence[Diagnostic]) -> str:
    return json.dumps([d.as_dict() for d in diagnostics], ensure_ascii=False, indent=2) + "\n"


def _gh_escape(text: str, prop: bool = False) -> str:
    text = printable(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def github(diagnostics: Sequence[Diagnostic]) -> str:
    """GitHub Actions workflow commands: annotations on the pull request's lines."""
    lines = []
    for d in diagnostics:
        level = "error" if d.is_error else "warning"
        props = f"file={_gh_escape(d.path, True)},line={d.line},col={d.column}"
        props += f",title={_gh_escape(d.code, True)}"
        lines.append(f"::{level} {props}::{_gh_escape(d.message)}\n")
    return "".join(lines)


def summary_vi(diagnostics: Sequence[Diagnostic], files: int) -> str:
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    if not diagnostics:
        return f"Đã kiểm tra {files} tệp: không có lỗi."
    return f"Đã kiểm tra {files} tệp: {errors} lỗi, {warnings} cảnh báo."
