"""The small inline markup of plan text: ``**bold**``, ``*italic*``, ``[^id]`` footnotes.

Parsing never fails: an unclosed ``*`` is a literal asterisk, so any text an official types
renders as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\\[\\*\[]|\*{1,3}|\[\^([\w-]+)\]")


@dataclass(frozen=True)
class Run:
    """A stretch of text with one formatting, or a footnote reference (``footnote`` set)."""

    text: str
    bold: bool = False
    italic: bool = False
    footnote: str | None = None


def _tokens(text: str) -> list[tuple[str, str]]:
    """Split into ("text", s), ("star", "**"), ("note", id) tokens."""
    out: list[tuple[str, str]] = []
    pos = 0
    for m in _TOKEN.finditer(text):
        if m.start() > pos:
            out.append(("text", text[pos : m.start()]))
        tok = m.group(0)
        if tok.startswith("\\"):
            out.append(("text", tok[1]))
        elif m.group(1) is not None:
            out.append(("note", m.group(1)))
        else:
            out.append(("star", tok))
        pos = m.end()
    if pos < len(text):
        out.append(("text", text[pos:]))
    return out


def parse(text: str) -> list[Run]:
    """Parse inline markup into runs; adjacent runs with the same format are merged."""
    tokens = _tokens(text)
    # Last position of each star run: an opener with no closer after it is literal text.
    last_star = {val: i for i, (kind, val) in enumerate(tokens) if kind == "star"}
    bold = italic = False
    runs: list[Run] = []
    for i, (kind, val) in enumerate(tokens):
        if kind == "note":
            runs.append(Run("", bold, italic, footnote=val))
            continue
        if kind == "star":
            want_bold, want_italic = len(val) >= 2, len(val) in (1, 3)
            opening = not ((want_bold and bold) or (want_italic and italic))
            if not opening or last_star[val] > i:
                bold ^= want_bold
                italic ^= want_italic
                continue
        _append(runs, Run(val, bold, italic))
    return runs


def _append(runs: list[Run], run: Run) -> None:
    last = runs[-1] if runs else None
    if last and last.footnote is None and (last.bold, last.italic) == (run.bold, run.italic):
        runs[-1] = Run(last.text + run.text, last.bold, last.italic)
    else:
        runs.append(run)


def plain(text: str) -> str:
    """The text without markup (footnote references removed)."""
    if "*" not in text and "[" not in text and "\\" not in text:
        return text
    return "".join(r.text for r in parse(text))


def footnote_refs(text: str) -> list[str]:
    """Footnote ids referenced in ``text``, in order."""
    if "[^" not in text:
        return []
    return [r.footnote for r in parse(text) if r.footnote is not None]
