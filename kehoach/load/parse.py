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
import unicodedata
import weakref
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from kehoach.load import guard
from kehoach.load.source import MAX_DEPTH
from kehoach.load.syntax_vi import byte_position, syntax_vi
from kehoach.plan.limits import MAX_INT_DIGITS, MAX_TEXT, in_calendar
from kehoach.textnorm import nfc

_T = "tag:yaml.org,2002:"
_STR, _SEQ, _MAP = _T + "str", _T + "seq", _T + "map"
_PLAIN = "?plain"  # an untagged plain scalar: this module resolves it, YAML 1.2 style


class _Resolver(BaseResolver):
    """Defers implicit typing of plain scalars to the converter (much cheaper per scalar)."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        if kind is ScalarNode:
            return _PLAIN if implicit[0] else _STR
        return _SEQ if kind is SequenceNode else _MAP


if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class _Loader(CParser, SafeConstructor, _Resolver):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            SafeConstructor.__init__(self)
            _Resolver.__init__(self)

else:  # pragma: no cover - PyYAML built without libyaml: the same loader in pure Python
    from yaml import composer, parser, reader, scanner

    class _Loader(reader.Reader, scanner.Scanner, parser.Parser,  # type: ignore[no-redef]
                  composer.Composer, SafeConstructor, _Resolver):
        def __init__(self, stream: str) -> None:
            reader.Reader.__init__(self, stream)
            scanner.Scanner.__init__(self)
            parser.Parser.__init__(self)
            composer.Composer.__init__(self)
            SafeConstructor.__init__(self)
            _Resolver.__init__(self)


_SAFE_TAGS = {_PLAIN, _STR, _SEQ, _MAP, _T + "int", _T + "bool", _T + "null", _T + "float",
              _T + "timestamp"}
_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False,
          "FALSE": False}
_BOOLS_11 = {"yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y",
             "Y", "n", "N"}
_MAYBE_TYPED = set("0123456789+-.~nNyYtTfFoO")
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_INT_11 = re.compile(r"[-+]?(?:0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+|"
                     r"[1-9][0-9_]*_[0-9_]*)")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|"
                    r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_TIMESTAMP = re.compile(r"\d{4}-\d{1,2}-\d{1,2}(?:[Tt ]|\s+)\d{1,2}:\d{2}")


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
    past = guard.count_values(text, _Loader) if guard.may_hold_too_many(text) else None
    if past is not None:
        return Loaded(None, None, [YamlProblem("too-many-values", guard.too_many_values_message(),
                                               *past)])
    try:
        # arg-type: PyYAML's stubs list only PyYAML's own loaders, not a combination like ours
        root = yaml.compose(text, Loader=_Loader)  # type: ignore[arg-type]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return Loaded(None, None, [YamlProblem("yaml-syntax", syntax_vi(exc), line, col)])
    except yaml.reader.ReaderError as exc:  # a control character; libyaml counts UTF-8 bytes
        line, col = byte_position(text, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return Loaded(None, None, [YamlProblem(
            "yaml-syntax", f"Lỗi cú pháp YAML: tệp có ký tự không được phép "
            f"(U+{code:04X}: ký tự điều khiển hoặc không in được); hãy xóa ký tự này.", line, col)])
    except yaml.YAMLError as exc:
        detail = " ".join(str(exc).split())  # one line: diagnostics are printed one per line
        return Loaded(None, None, [YamlProblem(
            "yaml-syntax", f"Lỗi cú pháp YAML: tệp không đọc được như YAML ({detail}).", 1, 1)])
    if root is None:
        return Loaded(None, None, [])
    # Escapes in double-quoted text ("N\u0300", a backslash-newline before a combining mark)
    # can produce non-NFC text from NFC source: any backslash means normalising every scalar.
    escapes = "\\" in text
    conv = _Converter(text, normalize=escapes or not unicodedata.is_normalized("NFC", text))
    try:
        data = conv.node(root)
    except _TooDeep as exc:
        return Loaded(None, None, [exc.problem])
    return Loaded(data, root, conv.problems)


def _float(value: str) -> float:
    """YAML floats, including ``.inf``, ``-.Inf`` and ``.NaN``."""
    lowered = value.lower()
    if lowered.endswith(".inf"):
        return float("-inf") if lowered.startswith("-") else float("inf")
    if lowered == ".nan":
        return float("nan")
    return float(value)


def _pos(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


_BREAK = re.compile("\r\n|\r|\n")  # what YAML counts as a line break


class _TooDeep(Exception):
    def __init__(self, problem: YamlProblem):
        self.problem = problem


class _Converter:
    """Node tree to plain data. Written for speed: it runs on every scalar of every plan.

    The checks a value can fail only in a special text (an escape, a long text) are switched
    on by what the text holds, so that an ordinary plan pays nothing for them.
    """

    def __init__(self, source: str, normalize: bool) -> None:
        self.problems: list[YamlProblem] = []
        self._last = -1  # start index of the last node visited, to spot aliases
        self._text = nfc if normalize else str
        self._source = source
        self._escapes = "\\" in source  # only an escape can put an unprintable character in
        self._long = len(source) > MAX_TEXT  # a value is never longer than its source
        self._depth = 0

    def report(self, node: yaml.Node, code: str, message: str) -> None:
        line, col = _pos(node)
        self.problems.append(YamlProblem(code, message, line, col))

    def node(self, node: yaml.Node) -> Any:
        index = node.start_mark.index
        if index <= self._last:
            # Nodes are visited in document order, so going back means an alias.
            self.report(node, "yaml-alias", "Giá trị này được dùng lại qua neo và bí danh YAML "
                        "(&, *): kehoach không dùng chúng; hãy viết đầy đủ ở từng nơi.")
            return None
        self._last = index
        tag = node.tag
        # The kind decides, not the tag: ``!<?plain> [1]`` is a sequence, and refused.
        cls = node.__class__
        if isinstance(node, ScalarNode) and cls is ScalarNode:
            if tag == _PLAIN:
                return self.plain(node)
            if tag in _SAFE_TAGS:
                return self.tagged(node)
        elif tag in _SAFE_TAGS and tag != _PLAIN and isinstance(node, SequenceNode | MappingNode):
            self._depth += 1
            if self._depth > MAX_DEPTH:  # the text's shape let it through (e.g. 1-space indents)
                line, col = _pos(node)
                raise _TooDeep(YamlProblem("nesting-too-deep", "Cấu trúc lồng nhau quá sâu (giới "
                                           f"hạn {MAX_DEPTH} cấp).", line, col))
            out = ([self.node(child) for child in node.value] if isinstance(node, SequenceNode)
                   else self.mapping(node))
            self._depth -= 1
            return out
        self.report(node, "yaml-tag", f"Thẻ YAML “{tag}” không được phép (kehoach không "
                    "tạo đối tượng từ thẻ).")
        return None

    def mapping(self, node: yaml.MappingNode) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first: dict[str, yaml.Node] | None = None  # made at the first repeated key only
        text = self._text
        escapes = self._escapes
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode or key_node.tag not in (_PLAIN, _STR):
                self.report(key_node, "yaml-key", "Tên mục phải là một chuỗi đơn giản.")
                continue
            value = key_node.value
            key = (text(value) if len(value) <= MAX_TEXT and not (escapes and key_node.style == '"')
                   else self.checked(key_node))
            if key in out:
                first = first or self._first_keys(node)
                self.report(key_node, "duplicate-key", f"Mục “{key}” bị lặp (đã có ở dòng "
                            f"{_pos(first[key])[0]}); YAML chỉ giữ một giá trị, giá trị kia sẽ "
                            "bị mất.")
            self._last = key_node.start_mark.index
            # The usual value, text that is neither too long nor escaped (nor, unquoted, a
            # number, a date, a null, a yes/no): what ``node`` then ``plain``, ``tagged`` and
            # ``checked`` would make of it, without the calls (a third of converting).
            if value_node.__class__ is ScalarNode:
                value, tag = value_node.value, value_node.tag
                index = value_node.start_mark.index
                if index > self._last and len(value) <= MAX_TEXT and (
                        (tag == _PLAIN and value and value[0] not in _MAYBE_TYPED)
                        or (tag == _STR and not (escapes and value_node.style == '"'))):
                    self._last = index
                    out[key] = text(value)
                    continue
            out[key] = self.node(value_node)
        return out

    def _first_keys(self, node: yaml.MappingNode) -> dict[str, yaml.Node]:
        """Each key of ``node`` and the node where it is first written (said when a key is
        repeated: most mappings never need it)."""
        first: dict[str, yaml.Node] = {}
        for k, _ in node.value:
            if k.__class__ is ScalarNode and k.tag in (_PLAIN, _STR):
                first.setdefault(self._text(k.value), k)
        return first

    def checked(self, node: yaml.ScalarNode) -> str:
        """Text that may be too long, or hold an escaped unprintable character."""
        value = node.value
        if self._long and len(value) > MAX_TEXT:
            self.report(node, "text-too-long", guard.text_too_long_message(len(value)))
        if self._escapes and node.style == '"':
            bad = guard.FORBIDDEN.search(value)
            if bad:
                self.forbidden(node, bad.group())
        return self._text(value)

    def forbidden(self, node: yaml.ScalarNode, char: str) -> None:
        """Report the escape itself: its line and column inside the quoted text."""
        start, end = node.start_mark.index, node.end_mark.index
        offset = guard.escape_offset(self._source[start:end])
        at = start + (offset or 0)
        before = _BREAK.split(self._source[start:at])
        line = node.start_mark.line + len(before)
        column = (node.start_mark.column if len(before) == 1 else 0) + len(before[-1]) + 1
        self.problems.append(YamlProblem("control-character", guard.forbidden_message(char),
                                         line, column))

    def plain(self, node: yaml.ScalarNode) -> Any:
        """Resolve an untagged plain scalar: YAML 1.2 types, 1.1 surprises reported."""
        value = node.value
        if value and value[0] not in _MAYBE_TYPED:
            return self.checked(node) if self._long else self._text(value)
        if value in _NULLS:
            return None
        if value in _BOOLS:
            return _BOOLS[value]
        if value in _BOOLS_11:
            return self.surprise(node, f"“{value}” bị YAML 1.1 đọc thành giá trị đúng/sai")
        if _DECIMAL.fullmatch(value):
            return self.integer(node)
        if _INT_11.fullmatch(value):
            return self.surprise(node, f"“{value}” bị YAML 1.1 đọc thành một số khác hẳn")
        if _FLOAT.fullmatch(value):
            return _float(value)
        if _DATE.fullmatch(value):
            return self.date(node)
        if _TIMESTAMP.match(value):
            return self.surprise(node, f"“{value}” bị YAML đọc thành thời điểm (ngày giờ)")
        return self.checked(node) if self._long else self._text(value)

    def integer(self, node: yaml.ScalarNode) -> Any:
        value = node.value
        if len(value.lstrip("+-")) > MAX_INT_DIGITS:  # int() refuses past 4,300 digits
            self.report(node, "number-too-large", guard.number_too_large_message(value))
            return value
        return int(value)

    def tagged(self, node: yaml.ScalarNode) -> Any:
        """A scalar with an explicit standard tag (``!!str 12``, ``!!int "5"``)."""
        tag, value = node.tag, node.value
        if tag == _STR:
            return self.checked(node) if self._escapes or self._long else self._text(value)
        resolved = self.plain(node)
        expected = {_T + "null": type(None), _T + "bool": bool, _T + "int": int,
                    _T + "float": float, _T + "timestamp": dt.date}[tag]
        if not isinstance(resolved, expected):
            self.report(node, "yaml-tag", f"“{value}” không phải giá trị của thẻ {tag}.")
        return resolved

    def surprise(self, node: yaml.ScalarNode, what: str) -> str:
        self.report(node, "yaml11-surprise", f"{what}; nếu đó là chữ, hãy đặt trong dấu nháy "
                    f"kép: \"{node.value}\".")
        return self._text(node.value)

    def date(self, node: yaml.ScalarNode) -> Any:
        m = _DATE.fullmatch(node.value)
        assert m is not None
        try:
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            self.report(node, "invalid-date", f"Ngày “{node.value}” không có thật.")
            return node.value
        if not in_calendar(day):
            self.report(node, "date-out-of-range", guard.out_of_calendar_message(node.value))
            return node.value
        return day


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
        if len(node.value) > _SCAN:
            return _index(node).get(step)
        found = None
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and nfc(key_node.value) == step:
                found = (key_node, value_node)  # the last one wins, as in the data
        return found
    return None


# Past this many keys a mapping is indexed once, so that locating each of its thousands of
# problems (10,000 unknown keys) is not a scan of them all.
_SCAN = 16
_INDEXES: weakref.WeakKeyDictionary[yaml.Node, dict[Any, tuple[yaml.Node, yaml.Node]]] = (
    weakref.WeakKeyDictionary())


def _index(node: yaml.MappingNode) -> dict[Any, tuple[yaml.Node, yaml.Node]]:
    index = _INDEXES.get(node)
    if index is None:
        index = {nfc(k.value): (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}
        _INDEXES[node] = index
    return index


def node_at(root: yaml.Node | None, path: tuple[Any, ...]) -> yaml.Node | None:
    """The node at ``path``, or None when the path does not exist."""
    node = root
    for step in path:
        if node is None:
            return None
        child = _child(node, step)
        node = child[1] if child else None
    return node
