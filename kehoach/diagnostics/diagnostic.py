"""Diagnostics are data: where, how bad, which rule, what to tell the author."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kehoach.diagnostics.codes import lookup
from kehoach.diagnostics.severity import Severity

__all__ = ["Diagnostic", "Severity", "diagnostic", "exit_code"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in one file, at a 1-based line and column (0 when unknown)."""

    path: str
    line: int
    column: int
    severity: Severity = field(compare=False)
    code: str = field(compare=False)
    message: str = field(compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
        }


def diagnostic(path: str | Path, line: int, column: int, code: str, message: str) -> Diagnostic:
    """The one constructor: the severity is the registry's for ``code`` (unknown codes raise)."""
    return Diagnostic(str(path), line, column, lookup(code).severity, code, message)


def exit_code(diagnostics: list[Diagnostic], strict: bool = False) -> int:
    """0 when clean, 1 when any error (or any warning with ``strict``)."""
    if any(d.is_error for d in diagnostics):
        return 1
    if strict and diagnostics:
        return 1
    return 0
