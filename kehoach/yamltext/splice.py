"""Editing YAML text in place: add or remove one list entry, leave every other byte alone.

Used to record progress (``kehoach done``…) so that ``git diff`` shows only the lines of the
record. Positions come from the node tree (PyYAML marks); new entries are written in the
canonical style of ``kehoach.yamltext.emit``, indented like their neighbours, with the file's own
line endings. Flow-style mappings (``{id: x}``) cannot be extended in place: a SpliceError
asks for ``kehoach fmt`` first.
"""

from __future__ import annotations

from typing import Any

import yaml

from kehoach.errors import KehoachError
from kehoach.load.parse import node_at
from kehoach.yamltext.comments import Comments, dash_offset
from kehoach.yamltext.emit import Model, Writer

Path = tuple[Any, ...]


class SpliceError(KehoachError, ValueError):
    """The text cannot be edited in place."""


def append_item(text: str, root: yaml.Node, mapping_path: Path, key: str, items: list[Any],
                item: dict[str, Any], model: Model, key_order: list[str]) -> str:
    """``text`` with ``item`` appended to the list ``key`` of the mapping at ``mapping_path``.

    ``items`` are the list's current entries (data); ``key_order`` places a new key.
    """
    mapping = node_at(root, mapping_path)
    if not isinstance(mapping, yaml.MappingNode) or mapping.flow_style:
        raise SpliceError(_FLOW)
    nl = "\r\n" if "\r\n" in text else "\n"
    column = mapping.value[0][0].start_mark.column
    found = [(k, v) for k, v in mapping.value if k.value == key]
    if not found:
        at = _new_key_offset(text, mapping, key, key_order)
        lines = _render(key, [item], model, column)
        return _insert(text, at, lines, nl)
    key_node, value = found[-1]
    if isinstance(value, yaml.SequenceNode) and not value.flow_style and value.value:
        last = value.value[-1]
        dash = dash_offset(text, last.start_mark.index)
        dash_col = dash - (text.rfind("\n", 0, dash) + 1)
        lines = _render(key, [item], model, column)[1:]
        lines = _shift(lines, dash_col - (column + 2), last.start_mark.column - dash_col - 2)
        return _insert(text, line_end(text, end_of(text, last)), lines, nl)
    if isinstance(value, yaml.SequenceNode) or value.tag.endswith(":null"):
        # ``key: []`` (or a flow list): rewritten as a block list holding all the entries.
        lines = _render(key, [*items, item], model, column)[1:]
        head = text[: key_node.end_mark.index] + ":"
        rest = text[value.end_mark.index:]
        if value.tag.endswith(":null"):
            rest = text[key_node.end_mark.index:].split(":", 1)[1]
        edited = head + rest
        return _insert(edited, line_end(edited, len(head)), lines, nl)
    raise SpliceError(f"Mục “{key}” không phải một danh sách.")


def remove_item(text: str, root: yaml.Node, mapping_path: Path, key: str, index: int) -> str:
    """``text`` without entry ``index`` of the list ``key`` (the key goes with its last entry)."""
    mapping = node_at(root, mapping_path)
    if not isinstance(mapping, yaml.MappingNode) or mapping.flow_style:
        raise SpliceError(_FLOW)
    found = [(k, v) for k, v in mapping.value if k.value == key]
    value = found[-1][1] if found else None
    if not isinstance(value, yaml.SequenceNode) or value.flow_style:
        raise SpliceError(_FLOW)
    if len(value.value) == 1:
        key_at = found[-1][0].start_mark.index
        start = line_start(text, key_at)
        if text[start:key_at].strip():  # ``- key:`` opens an item: the line cannot go
            raise SpliceError(_FLOW)
    else:
        start = line_start(text, dash_offset(text, value.value[index].start_mark.index))
    end = line_end(text, end_of(text, value.value[index]))
    return text[:start] + text[end:]


_FLOW = ("Phần này của tệp viết ở dạng rút gọn ({…} hoặc […]) hoặc sắp xếp khác thường nên không "
         "sửa tại chỗ được; hãy chạy “kehoach fmt” cho tệp rồi làm lại.")


def _render(key: str, items: list[Any], model: Model, column: int) -> list[str]:
    writer = Writer(Comments())
    writer.value(" " * column + key + ":", items, (), model, column + 2, ())
    return writer.out


def _shift(lines: list[str], extra: int, gap: int) -> list[str]:
    """Re-indent rendered ``- key: v`` lines: ``extra`` columns right, ``gap`` more spaces
    after the dash (to match ``-   key: v`` neighbours)."""
    out = []
    for i, line in enumerate(lines):
        line = " " * extra + line if extra >= 0 else line[-extra:]
        if gap > 0:
            line = line.replace("- ", "-" + " " * (gap + 1), 1) if i == 0 else " " * gap + line
        out.append(line)
    return out


def _new_key_offset(text: str, mapping: yaml.MappingNode, key: str, order: list[str]) -> int:
    """Where a new key goes: before the first later key (and the comments above it)."""
    rank = {k: i for i, k in enumerate(order)}
    mine = rank.get(key, len(order))
    for key_node, _ in mapping.value:
        if rank.get(key_node.value, len(order)) > mine:
            at = line_start(text, key_node.start_mark.index)
            if text[at:key_node.start_mark.index].strip():  # ``- key:``: the first key of an item
                break
            while at > 0:
                prev = line_start(text, at - 1)
                if not text[prev:at].lstrip().startswith("#"):
                    break
                at = prev
            return at
    return line_end(text, end_of(text, mapping.value[-1][1]))


def end_of(text: str, node: yaml.Node) -> int:
    """Offset just after the last character of a node's own text (trailing blanks out)."""
    while isinstance(node, yaml.MappingNode | yaml.SequenceNode) and not node.flow_style \
            and node.value:
        node = node.value[-1][1] if isinstance(node, yaml.MappingNode) else node.value[-1]
    start, end = node.start_mark.index, node.end_mark.index
    return start + len(text[start:end].rstrip())


def line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def line_end(text: str, offset: int) -> int:
    """Offset just after the line break ending the line that holds ``offset``."""
    at = text.find("\n", offset)
    return len(text) if at == -1 else at + 1


def _insert(text: str, at: int, lines: list[str], nl: str) -> str:
    block = nl.join(lines) + nl
    if at == len(text) and text and not text.endswith("\n"):
        block = nl + block
    return text[:at] + block + text[at:]
