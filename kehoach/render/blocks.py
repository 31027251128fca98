"""The block stream: what a template renders to, and its parser.

A template renders to text, one block per line::

    style payload
    style[key=value,key=value] payload

``style`` is a name from ``typeset.STYLES``. The payload mixes text the template itself
wrote (taken literally) with the values of ``{{ expressions }}``. Every expression value goes
through ``encode`` (the environment's ``finalize`` hook): it becomes JSON (ASCII only) between
two private-use sentinels, so a value can never hold a line break, a sentinel, or anything
Jinja would read as code — plan text prints exactly as written. Values are then parsed with
the inline markup (``**bold**``, ``*italic*``, ``[^id]``); template text is not.

In table-row styles (``typeset.CELL_STYLES``) a literal ``|`` written in the template separates
the cells of the row.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from kehoach.errors import RenderError
from kehoach.plan.markup import Run, parse
from kehoach.render import typeset

OPEN, CLOSE = "\ue000", "\ue001"
_VALUE = re.compile(f"{OPEN}([^{OPEN}{CLOSE}]*){CLOSE}")
_HEAD = re.compile(r"^([a-z][a-z0-9_]*)(?:\[([^\]]*)\])?(?:\s+|$)")


def encode(value: object) -> str:
    """The ``finalize`` hook: wrap an expression's value so it stays data."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        value = typeset.date_short(value)
    elif isinstance(value, list | tuple):
        value = [_plain(v) for v in value if v is not None and v != ""]
    elif not isinstance(value, str | int | float | bool):
        value = str(value)  # Undefined raises here: strict undefined, sandbox errors
    return OPEN + json.dumps(value, ensure_ascii=True) + CLOSE


def _plain(value: object) -> str:
    return value if isinstance(value, str) else str(value)


@dataclass(frozen=True)
class Block:
    """One line of the stream: a style, its cells of runs, and its arguments."""

    style: str
    cells: list[list[Run]] = field(default_factory=list)
    args: dict[str, object] = field(default_factory=dict)
    line: int = 0

    @property
    def runs(self) -> list[Run]:
        """All runs (cells joined by a space): the block as one paragraph."""
        out: list[Run] = []
        for i, cell in enumerate(self.cells):
            if i:
                out.append(Run(" "))
            out.extend(cell)
        return out

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def spec(self) -> typeset.Spec:
        return typeset.STYLES[self.style]


Locate = Callable[[str], str]


def parse_stream(stream: str, locate: Locate = lambda style: "") -> list[Block]:
    """Blocks from a rendered template; ``locate(style)`` names where a bad style was written."""
    blocks = []
    for number, raw in enumerate(stream.splitlines(), start=1):
        line = raw.strip()
        if line:
            blocks.append(_parse_line(line, number, locate))
    return blocks


def _parse_line(line: str, number: int, locate: Locate) -> Block:
    head = _HEAD.match(line)
    style = head.group(1) if head else line.split()[0]
    if head is None or style not in typeset.STYLES:
        where = locate(style) or f"dòng {number} của kết quả mẫu"
        known = ", ".join(sorted(typeset.STYLES))
        raise RenderError(
            f"{where}: kiểu khối “{_printable(style)}” không có. Các kiểu khối hợp lệ: {known}."
        )
    args = _parse_args(head.group(2) or "")
    payload = line[head.end() :]
    if style in typeset.CELL_STYLES:
        cells = [_runs(part) for part in _split_cells(payload)]
    else:
        cells = [_runs(payload)]
    return Block(style, cells, args, number)


def _printable(text: str) -> str:
    return _VALUE.sub(lambda m: str(_decode(m.group(1))), text)


def _parse_args(text: str) -> dict[str, object]:
    args: dict[str, object] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        key, _, raw = part.partition("=")
        value = _VALUE.fullmatch(raw.strip())
        args[key.strip()] = _decode(value.group(1)) if value else raw.strip()
    return args


def _split_cells(payload: str) -> list[str]:
    """Split at ``|`` outside encoded values (which never contain a raw ``|`` boundary)."""
    cells, start, depth = [], 0, 0
    for i, ch in enumerate(payload):
        if ch == OPEN:
            depth += 1
        elif ch == CLOSE:
            depth -= 1
        elif ch == "|" and depth == 0:
            cells.append(payload[start:i].strip())
            start = i + 1
    cells.append(payload[start:].strip())
    return cells


def _decode(text: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def _runs(payload: str) -> list[Run]:
    runs: list[Run] = []
    pos = 0
    for m in _VALUE.finditer(payload):
        if m.start() > pos:
            runs.append(Run(payload[pos : m.start()]))
        runs.extend(_value_runs(_decode(m.group(1))))
        pos = m.end()
    if pos < len(payload):
        runs.append(Run(payload[pos:]))
    return runs


def _value_runs(value: object) -> list[Run]:
    """A string is parsed as markup; each item of a list separately, joined by spaces."""
    if isinstance(value, list):
        out: list[Run] = []
        for i, item in enumerate(value):
            if i:
                out.append(Run(" "))
            out.extend(parse(_plain(item)))
        return out
    if isinstance(value, bool):
        return [Run("có" if value else "không")]
    return parse(_plain(value))
