"""Comments and blank lines of a YAML text, tied to the entries they belong to.

A full-line comment (or a blank line) belongs to the entry that follows it — a mapping key or
a sequence item, the outermost one starting there — so it travels with that entry when keys
are reordered. An end-of-line comment belongs to the last entry started before it. Comments
before the first entry are the document's header (the schema modeline), comments after the
last one its trailer. Entries are named by their data path, e.g. ``("phan", 1, "muc", 0)``.

A ``#`` starts a comment only outside scalars: the spans of all scalars are known from the
node tree (PyYAML marks), so ``"Mục #1"`` or a ``#`` inside a block scalar is text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from kehoach.textnorm import nfc

Path = tuple[Any, ...]
BLANK = ""
"""A blank line among the comment lines of an entry."""
_BLANK_LINE = re.compile(r"(?:\A|\n)[ \t]*\r?\n")


@dataclass
class Comments:
    header: list[str] = field(default_factory=list)
    lead: dict[Path, list[str]] = field(default_factory=dict)
    eol: dict[Path, list[str]] = field(default_factory=dict)
    tail: dict[Path, list[str]] = field(default_factory=dict)
    trailer: list[str] = field(default_factory=list)

    def texts(self) -> list[str]:
        """Every comment (blank lines left out), in no particular order."""
        groups = [self.header, self.trailer, *self.lead.values(), *self.eol.values(),
                  *self.tail.values()]
        return [line for group in groups for line in group if line != BLANK]


@dataclass
class _Tree:
    starts: list[int] = field(default_factory=list)  # entry start offsets, sorted
    columns: list[int] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)
    span_starts: list[int] = field(default_factory=list)
    span_ends: list[int] = field(default_factory=list)


def collect(text: str, root: yaml.Node | None) -> Comments:
    """The comments and blank lines of ``text``, whose node tree is ``root``."""
    found = Comments()
    if "#" not in text and not _BLANK_LINE.search(text):
        return found
    tree = _index(text, root)
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if not body.strip():
            if not _inside(tree, offset, strict=True):
                _place(found, tree, offset, BLANK, column=None)
        elif "#" in body:
            at = _comment_start(tree, body, offset)
            if at is not None:
                comment = nfc(body[at:].rstrip())
                if body[:at].strip():
                    _place_eol(found, tree, offset, offset + at, comment)
                else:
                    _place(found, tree, offset + at, comment, at)
        offset += len(line)
    return found


def _index(text: str, root: yaml.Node | None) -> _Tree:
    entries: list[tuple[int, int, Path]] = []
    spans: list[tuple[int, int]] = []

    def scalar(node: yaml.ScalarNode) -> None:
        start, end = node.start_mark.index, node.end_mark.index
        if node.style in ("|", ">"):  # the header line may carry a comment; blank lines
            start = text.find("\n", start) + 1 or end  # after the text are not part of it
            end = start + len(text[start:end].rstrip())
        spans.append((start, end))

    def walk(node: yaml.Node, path: Path) -> None:
        if isinstance(node, yaml.ScalarNode):
            scalar(node)
        elif isinstance(node, yaml.SequenceNode):
            for i, child in enumerate(node.value):
                column = child.start_mark.column
                if not node.flow_style:  # a block item stands at its dash
                    dash = dash_offset(text, child.start_mark.index)
                    column = dash - (text.rfind("\n", 0, dash) + 1)
                entries.append((child.start_mark.index, column, (*path, i)))
                walk(child, (*path, i))
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = nfc(key.value) if isinstance(key, yaml.ScalarNode) else str(key)
                entries.append((key.start_mark.index, key.start_mark.column, (*path, name)))
                walk(key, path)
                walk(value, (*path, name))

    if root is not None:
        walk(root, ())
    entries.sort(key=lambda e: e[0])  # stable: the outermost entry first at one offset
    spans.sort()
    return _Tree([e[0] for e in entries], [e[1] for e in entries], [e[2] for e in entries],
                 [s[0] for s in spans], [s[1] for s in spans])


def dash_offset(text: str, start: int) -> int:
    """Offset of the ``-`` before a block sequence item starting at ``start``."""
    at = start - 1
    while at >= 0 and text[at] in " \t\r\n":
        at -= 1
    return at if at >= 0 and text[at] == "-" else start


def _inside(tree: _Tree, offset: int, strict: bool = False) -> bool:
    """Whether ``offset`` lies in a scalar (``strict``: a scalar that began before it)."""
    i = bisect.bisect_right(tree.span_starts, offset - 1 if strict else offset) - 1
    return i >= 0 and tree.span_ends[i] > offset


def _comment_start(tree: _Tree, body: str, offset: int) -> int | None:
    at = body.find("#")
    while at != -1:
        if (at == 0 or body[at - 1] in " \t") and not _inside(tree, offset + at):
            return at
        at = body.find("#", at + 1)
    return None


def _place_eol(found: Comments, tree: _Tree, line_start: int, offset: int, line: str) -> None:
    """An end-of-line comment: the first entry started on its line (the key, not the item,
    for ``- key: value``), else the last one started before it (after a multi-line scalar)."""
    i = bisect.bisect_left(tree.starts, offset) - 1
    first_on_line = bisect.bisect_left(tree.starts, line_start)
    if first_on_line <= i:
        i = first_on_line
        while i + 1 < len(tree.starts) and tree.starts[i + 1] == tree.starts[i]:
            i += 1
    if i < 0:
        found.header.append(line)
    else:
        found.eol.setdefault(tree.paths[i], []).append(line)


def _place(found: Comments, tree: _Tree, offset: int, line: str, column: int | None) -> None:
    """A full-line comment or a blank line: see the module docstring."""
    i = bisect.bisect_right(tree.starts, offset)
    if i >= len(tree.starts):
        if not (column and _tail(found, tree, i, column, line)):
            found.trailer.append(line)
    elif i == 0:
        found.header.append(line)
    elif column is not None and column > tree.columns[i] and _tail(found, tree, i, column, line):
        return
    else:
        found.lead.setdefault(tree.paths[i], []).append(line)


def _tail(found: Comments, tree: _Tree, i: int, column: int, line: str) -> bool:
    """A comment indented deeper than the entry after it closes the block before it: it is
    the tail of the last entry started at or left of its column."""
    for j in range(i - 1, -1, -1):
        if tree.columns[j] <= column:
            found.tail.setdefault(tree.paths[j], []).append(line)
            return True
    return False
