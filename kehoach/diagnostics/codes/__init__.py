"""The registry of diagnostic codes: severity, Vietnamese title, explanation, examples.

A call site names a code and never chooses its severity: ``lookup(code).severity`` does, so
one table says how bad every problem is (and, later, what a repository may switch off:
never a ``security`` code). Emitting a code that is not registered raises
``UnknownCodeError``; tests/check/test_codes.py also finds every code literal at a call site
in the package and fails on one that is not registered, or on a registered code that nothing
emits. ``python -m kehoach.diagnostics.codes`` prints docs/codes.md.

Plain data, cheap to import: ``kehoach check`` imports it on every run.
"""

from __future__ import annotations

from kehoach.diagnostics.codes import (
    config_codes,
    deadline_codes,
    file_codes,
    limit_codes,
    name_codes,
    plan_codes,
    report_codes,
    task_codes,
    yaml_codes,
)
from kehoach.diagnostics.codes.entry import GROUPS, Code
from kehoach.diagnostics.severity import Severity
from kehoach.errors import KehoachError

__all__ = ["CODES", "GROUPS", "Code", "UnknownCodeError", "lookup", "severity"]


def _registry(*tables: tuple[Code, ...]) -> dict[str, Code]:
    codes: dict[str, Code] = {}
    for table in tables:
        for code in table:
            if code.name in codes:
                raise ValueError(f"diagnostic code registered twice: {code.name}")
            codes[code.name] = code
    return codes


CODES: dict[str, Code] = _registry(
    file_codes.CODES, yaml_codes.CODES, plan_codes.CODES, task_codes.CODES,
    name_codes.CODES, deadline_codes.CODES, report_codes.CODES, config_codes.CODES,
    limit_codes.CODES,
)


class UnknownCodeError(KehoachError, LookupError):
    """A code that is not in the registry: a bug where it is emitted (the tests keep every
    emitted code registered), a typo where asked for (``kehoach explain``), hence exit 2."""

    exit_code = 2

    def __init__(self, name: str, suggestions: list[str]):
        self.name = name
        self.suggestions = suggestions
        hint = f" Có phải: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"Không có mã “{name}”.{hint}")


def lookup(name: str) -> Code:
    """The registered code ``name``; raises UnknownCodeError (with close names) otherwise."""
    try:
        return CODES[name]
    except KeyError:
        from difflib import get_close_matches

        raise UnknownCodeError(name, get_close_matches(name, CODES, n=3, cutoff=0.6)) from None


def severity(name: str) -> Severity:
    return lookup(name).severity
