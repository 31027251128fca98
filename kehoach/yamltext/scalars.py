"""How one scalar is written in kehoach's canonical YAML: the style follows from the value.

- plain when every YAML reader gives the same text back (YAML 1.1 as PyYAML and kehoach read
  it, YAML 1.2 as editors read it): ``Lạng Sơn``, ``I.``, ``a)``;
- double-quoted when plain would be misread or is not allowed: ``"1."``, ``"-"``, ``"no"``,
  ``"- Như trên;"``, ``"2024"`` (text, not a number) — single-quoted instead when the text
  holds ``"`` and needs no escape (``'"Tùy tình hình": …'``);
- folded block (``>-``) for long one-paragraph text, broken at single spaces so that each
  line holds about ``WIDTH`` characters — folding turns each break back into that one space;
- literal block (``|``/``|-``) for text with line breaks.
A style is used only where it gives the value back exactly; otherwise double quotes, which
can hold any text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

FOLD_AT = 88
"""Text longer than this (characters) is written as a folded block."""
WIDTH = 88
"""Characters per line of a folded block (not counting its indentation)."""
LINE_WIDTH = 100
"""Inside a file: lines end by this column (the project's line length), as far as spaces allow."""
MIN_WIDTH = 40
"""Deeply nested text still gets this many characters per folded line."""

_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_BREAKS = re.compile("[\x85\u2028\u2029]")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0",
            "\x07": "\\a", "\x08": "\\b", "\x0b": "\\v", "\x0c": "\\f", "\x1b": "\\e",
            "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}
_NEEDS_ESCAPE = re.compile(_NON_PRINTABLE.pattern + '|[\\\\"\t\n\r\x85\u2028\u2029\ufeff]')
_FOLD_POINT = re.compile(r"(?<=[^ ]) (?=[^ ])")

# Implicit types of YAML 1.1 (PyYAML, kehoach's loader) and 1.2 core (editors): a plain
# scalar matching one of these would not read back as text.
_IMPLICIT = re.compile(
    r"""(?x)^(?:
      ~|null|Null|NULL
    | y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF
    | [-+]?(?:0b[0-1_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*)
    | [-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    | [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
    | [-+]?[0-9][0-9_]*(?:[eE][-+]?[0-9]+)
    | [-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)
    | [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9].*)?
    | =|<<
    )$"""
)
_BAD_START = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW_CHARS = set(",[]{}:")


@dataclass(frozen=True)
class Scalar:
    """``head`` goes after ``key:`` (or ``-``); ``lines`` are block content, one per line."""

    head: str
    lines: tuple[str, ...] = ()


def render(value: Any, column: int | None = None, indent: int = 0) -> Scalar:
    """The canonical writing of a scalar value (text, number, date, boolean or null).

    ``column``: where the value would start on its line (after ``key: ``); text that would
    run past ``LINE_WIDTH`` is folded into lines that end by ``LINE_WIDTH``, indented by
    ``indent``. Without ``column``, text longer than ``FOLD_AT`` folds at ``WIDTH``.
    """
    if value is None:
        return Scalar("")
    if isinstance(value, bool):
        return Scalar("true" if value else "false")
    if isinstance(value, int):
        return Scalar(str(value))
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return Scalar(value.isoformat())
    if isinstance(value, float):
        return Scalar(_float(value))
    text = str(value)
    if "\n" in text:
        lines = _literal(text)
        return Scalar("|" if text.endswith("\n") else "|-", lines) if lines else _inline(text)
    if column is None:
        long, width = len(text) > FOLD_AT, WIDTH
    else:
        long, width = column + len(text) > LINE_WIDTH, max(LINE_WIDTH - indent, MIN_WIDTH)
    if long:
        folded = fold(text, width)
        if folded:
            return Scalar(">-", folded)
    return _inline(text)


def inline(value: Any, flow: bool = False) -> str | None:
    """A one-line plain writing of ``value``, or None when it needs quotes or a block."""
    if isinstance(value, str):
        return value if plain_ok(value, flow) else None
    if value is None or isinstance(value, dict | list):
        return None
    return render(value).head


def _inline(text: str) -> Scalar:
    return Scalar(text if plain_ok(text) else quoted(text))


def quoted(text: str) -> str:
    """Double quotes; single quotes for text holding ``"`` and nothing needing an escape."""
    if '"' in text and "'" not in text and not _NEEDS_ESCAPE.search(text.replace('"', "")):
        return f"'{text}'"
    return double_quoted(text)


def _float(value: float) -> str:
    if value != value:
        return ".nan"
    if value in (float("inf"), float("-inf")):
        return ".inf" if value > 0 else "-.inf"
    return repr(value)


def plain_ok(text: str, flow: bool = False) -> bool:
    """Whether ``text`` written plain reads back as the same text in YAML 1.1 and 1.2."""
    if not text or text != text.strip(" ") or _NON_PRINTABLE.search(text):
        return False
    if any(c in text for c in "\t\n\r\x85\u2028\u2029\ufeff"):
        return False
    if text[0] in _BAD_START and not (text[0] == "-" and len(text) > 1 and text[1] != " "):
        return False
    if text.startswith(("---", "...")) or text.endswith(":"):
        return False
    if ": " in text or " #" in text:
        return False
    if flow and any(c in _FLOW_CHARS for c in text):
        return False
    return not _IMPLICIT.match(text)


def double_quoted(text: str) -> str:
    return '"' + _NEEDS_ESCAPE.sub(_escape, text) + '"'


def _escape(match: re.Match[str]) -> str:
    ch = match.group(0)
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    code = ord(ch)
    if code <= 0xFF:
        return f"\\x{code:02X}"
    if code <= 0xFFFF:
        return f"\\u{code:04X}"
    return f"\\U{code:08X}"


def _block_safe(text: str) -> bool:
    return not (_NON_PRINTABLE.search(text) or _BREAKS.search(text) or "\ufeff" in text
                or "\r" in text)


def fold(text: str, width: int = WIDTH) -> tuple[str, ...]:
    """Lines of a folded block for ``text`` (empty when folding cannot keep it exact)."""
    if text != text.strip() or "\t" in text or not _block_safe(text):
        return ()
    chunks = _FOLD_POINT.split(text)
    lines: list[str] = []
    current = chunks[0]
    for chunk in chunks[1:]:
        if len(current) + 1 + len(chunk) <= width:
            current += " " + chunk
        else:
            lines.append(current)
            current = chunk
    lines.append(current)
    return tuple(lines) if len(lines) > 1 or len(current) <= width else ()


def _literal(text: str) -> tuple[str, ...]:
    """Lines of a literal block for multi-line ``text`` (empty when not exact)."""
    body = text[:-1] if text.endswith("\n") else text
    if not body or body[0] in " \t\n" or body.endswith("\n") or not _block_safe(body):
        return ()
    lines = body.split("\n")
    if any(line != line.rstrip(" \t") for line in lines):
        return ()
    return tuple(lines)
