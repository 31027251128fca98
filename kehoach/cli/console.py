"""Terminal output with rich: the one place (with cli.py) that imports rich."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from rich.console import Console
from rich.text import Text

from kehoach.diagnostics.diagnostic import Diagnostic
from kehoach.textnorm import printable


def stdout_console() -> Console:
    return Console(highlight=False, soft_wrap=True)


def stderr_console() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def is_terminal() -> bool:
    return sys.stdout.isatty()


def print_diagnostics(console: Console, diagnostics: Sequence[Diagnostic]) -> None:
    """Diagnostics for people: one line each, location first, colour by severity."""
    for d in diagnostics:
        line = Text()
        line.append(f"{printable(d.path)}:{d.line}:{d.column}", style="bold")
        line.append(": ")
        if d.is_error:
            line.append(f"[{d.severity.value}]", style="bold red")
        else:
            line.append(f"[{d.severity.value}]", style="bold yellow")
        line.append(f" {printable(d.message)} ")
        line.append(f"({printable(d.code)})", style="dim")
        console.print(line)

