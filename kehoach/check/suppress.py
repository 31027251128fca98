"""What a repository chose not to hear: its configuration (``kehoach.toml``: codes switched
off, lowered or raised) and per-line suppressions written as YAML comments, as yamllint's
``disable-line`` and ruff's ``noqa``:

    thoi_han: khi có yêu cầu   # kehoach: bo-qua unrecognized
    # kehoach: bo-qua deadline-not-in-text, task-no-lead
    - id: bc-quy

An end-of-line comment covers its own line; a comment alone on its line covers the next
line. ``kehoach fmt`` keeps both where they are. A ``security`` code is never switched off,
lowered or suppressed: the diagnostic stays, and the suppression is reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from kehoach.diagnostics.codes import CODES
from kehoach.diagnostics.diagnostic import Diagnostic, diagnostic
from kehoach.load.config import Config

MARK = re.compile(r"(?:^|[ \t])(#[ \t]*kehoach:[ \t]*bo-qua\b[ \t]*([^\r\n]*))")
_CODE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def marked_lines(text: str) -> list[tuple[int, str]]:
    """The lines (numbered from 1) that hold a suppression comment: all that ``suppressions``
    reads of a file, so that a check can remember them with the file's other findings."""
    if "kehoach:" not in text:
        return []
    return [(number, line) for number, line in enumerate(text.splitlines(), start=1)
            if MARK.search(line)]


def suppressions(text: str, display: str
                 ) -> tuple[dict[int, set[str]], list[Diagnostic]]:
    """Line → codes suppressed there, and the problems of the suppressions themselves."""
    return line_suppressions(marked_lines(text), display)


def line_suppressions(lines: Iterable[tuple[int, str]], display: str
                      ) -> tuple[dict[int, set[str]], list[Diagnostic]]:
    """``suppressions`` of the lines ``marked_lines`` found."""
    covered: dict[int, set[str]] = {}
    problems: list[Diagnostic] = []
    for number, line in lines:
        match = MARK.search(line)
        if match is None:
            continue
        target = number + 1 if not line[:match.start(1)].strip() else number
        column = match.start(1) + 1
        for code in _CODE.findall(match[2]):
            entry = CODES.get(code)
            if entry is None:
                problems.append(diagnostic(display, number, column, "suppress-unknown-code",
                                           f"Không có mã “{code}” để bỏ qua."))
            elif entry.security:
                problems.append(diagnostic(
                    display, number, column, "suppress-security",
                    f"“{code}” là kiểm tra an toàn: chú thích bỏ qua không có tác dụng."))
            else:
                covered.setdefault(target, set()).add(code)
    return covered, problems


def apply(diagnostics: Iterable[Diagnostic], config: Config,
          texts: dict[str, str]) -> list[Diagnostic]:
    """The diagnostics a person should see, given the configuration and the texts (by display
    path) of the files, whose suppression comments are honoured."""
    return apply_marked(diagnostics, config,
                        {display: marked_lines(text) for display, text in texts.items()})


def apply_marked(diagnostics: Iterable[Diagnostic], config: Config,
                 marked: dict[str, list[tuple[int, str]]]) -> list[Diagnostic]:
    """``apply``, given each file's ``marked_lines`` rather than its text."""
    lines: dict[str, dict[int, set[str]]] = {}
    out: list[Diagnostic] = list(config.diagnostics)
    for display, found in marked.items():
        lines[display], problems = line_suppressions(found, display)
        out.extend(problems)
    for d in diagnostics:
        entry = CODES.get(d.code)
        if entry is not None and not entry.security:
            if d.code in config.off or d.code in lines.get(d.path, {}).get(d.line, ()):
                continue
            level = config.levels.get(d.code)
            if level is not None and level is not d.severity:
                d = replace(d, severity=level)
        out.append(d)
    return sorted(out)
