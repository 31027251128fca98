"""YAML text to plain data, keeping the node tree so any value can be located later.

libyaml composes the node tree (fast, in C); this module turns it into dicts, lists and
scalars itself, which is where kehoach departs from ``yaml.safe_load`` on purpose:
- duplicate keys are errors (PyYAML silently keeps the last one: the classic lost edit);
- scalars YAML 1.1 reads surprisingly (``no`` as false, ``0123`` as octal, ``1:30`` as 90)
  stay text and are reported, so every reader of the file agrees on its meaning;
- tags that construct objects are refused and never run; anchors and aliases are refused,
  which also disarms alias bombs ("billion laughs");
- text is normalised to NFC.
Positions are not copied into the data: ``locate()`` walks the node tree for the few values
that have a problem.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from kehoach.textnorm import nfc

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_T = "tag:yaml.org,2002:"
_STR, _SEQ, _MAP = _T + "str", _T + "seq", _T + "map"
_SAFE_TAGS = {_STR, _SEQ, _MAP, _T + "int", _T + "bool", _T + "null", _T + "float",
              _T + "timestamp"}
_BOOL = {"true": True, "false": False}
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


@dataclass(frozen=True)
class YamlProblem:
    code: str
    message: str
    line: int
    column: int


@dataclass
class Loaded:
    data: Any
    root: yaml.Node | None
    problems: list[YamlProblem] = field(default_factory=list)


def parse(text: str) -> Loaded:
    """Compose and convert one YAML document; syntax errors become problems."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return Loaded(None, None, [YamlProblem("yaml-syntax", _syntax_vi(exc), line, col)])
    except yaml.YAMLError as exc:
        return Loaded(None, None, [YamlProblem("yaml-syntax", f"Lỗi cú pháp YAML: {exc}", 1, 1)])
    if root is None:
        return Loaded(None, None, [])
    conv = _Converter()
    data = conv.node(root)
    return Loaded(data, root, conv.problems)


def _syntax_vi(exc: yaml.MarkedYAMLError) -> str:
    detail = " ".join(p for p in (exc.context, exc.problem) if p)
    return f"Lỗi cú pháp YAML: {detail}."


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Converter:
    def __init__(self) -> None:
        self.problems: list[YamlProblem] = []
        self._last = -1  # start index of the last node visited, to spot aliases

    def report(self, node: yaml.Node, code: str, message: str) -> None:
        line, col = _pos(node)
        self.problems.append(YamlProblem(code, message, line, col))

    def node(self, node: yaml.Node) -> Any:
        index = node.start_mark.index
        if index <= self._last:
            # Nodes are visited in document order, so going back means an alias.
            self.report(node, "yaml-alias", "Không dùng neo và bí danh YAML (&, *): hãy viết "
                        "đầy đủ giá trị ở từng nơi.")
            return None
        self._last = index
        if node.tag not in _SAFE_TAGS:
            self.report(node, "yaml-tag", f"Thẻ YAML “{node.tag}” không được phép (kehoach không "
                        "tạo đối tượng từ thẻ).")
            return None
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.node(child) for child in node.value]
        return self.mapping(node)

    def mapping(self, node: yaml.MappingNode) -> dict[str, Any]:
        out: dict[str, Any] = {}
        seen: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _T + "merge":
                self.report(key_node, "yaml-key", "Khoá phải là một chuỗi đơn giản.")
                continue
            key = nfc(key_node.value)
            if key in seen:
                first = _pos(seen[key])[0]
                self.report(key_node, "duplicate-key", f"Khoá “{key}” bị lặp (đã có ở dòng "
                            f"{first}); YAML chỉ giữ một giá trị, giá trị kia sẽ bị mất.")
            seen[key] = key_node
            self._last = max(self._last, key_node.start_mark.index)
            out[key] = self.node(value_node)
        return out

    def scalar(self, node: yaml.ScalarNode) -> Any:
        value, tag = node.value, node.tag
        if tag == _STR or node.style:
            return nfc(value)
        if tag == _T + "null":
            return None
        if tag == _T + "bool":
            if value.lower() in _BOOL:
                return _BOOL[value.lower()]
            return self.surprise(node, f"“{value}” bị YAML 1.1 đọc thành giá trị đúng/sai")
        if tag == _T + "int":
            if _DECIMAL.fullmatch(value):
                return int(value)
            return self.surprise(node, f"“{value}” bị YAML 1.1 đọc thành một số khác hẳn")
        if tag == _T + "timestamp":
            return self.timestamp(node)
        if tag == _T + "float":
            try:
                return float(value)
            except ValueError:
                return self.surprise(node, f"“{value}” bị YAML đọc thành số thực")
        return nfc(value)

    def surprise(self, node: yaml.ScalarNode, what: str) -> str:
        self.report(node, "yaml11-surprise", f"{what}; nếu đó là chữ, hãy đặt trong dấu nháy "
                    f"kép: \"{node.value}\".")
        return nfc(node.value)

    def timestamp(self, node: yaml.ScalarNode) -> Any:
        m = _DATE.fullmatch(node.value)
        if not m:
            return nfc(node.value)
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            self.report(node, "invalid-date", f"Ngày “{node.value}” không có thật.")
            return nfc(node.value)


def locate(root: yaml.Node | None, path: tuple[Any, ...], key: bool = False) -> tuple[int, int]:
    """Line and column of the value at ``path`` (or of its key, with ``key``)."""
    if root is None:
        return 1, 1
    node, key_node = root, None
    for step in path:
        child = _child(node, step)
        if child is None:
            break
        key_node, node = child
    target = key_node if key and key_node is not None else node
    return _pos(target)


def _child(node: yaml.Node, step: Any) -> tuple[yaml.Node | None, yaml.Node] | None:
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int):
        return (None, node.value[step]) if 0 <= step < len(node.value) else None
    if isinstance(node, yaml.MappingNode):
        found = None
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and nfc(key_node.value) == step:
                found = (key_node, value_node)  # the last one wins, as in the data
        return found
    return None


def node_at(root: yaml.Node | None, path: tuple[Any, ...]) -> yaml.Node | None:
    """The node at ``path``, or None when the path does not exist."""
    node = root
    for step in path:
        if node is None:
            return None
        child = _child(node, step)
        node = child[1] if child else None
    return node
