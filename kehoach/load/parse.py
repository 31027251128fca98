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
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

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
    try:  # arg-type: PyYAML's stubs list only PyYAML's own loaders, not a combination like ours
        root = yaml.compose(text, Loader=_Loader)  # type: ignore[arg-type]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return Loaded(None, None, [YamlProblem("yaml-syntax", _syntax_vi(exc), line, col)])
    except yaml.reader.ReaderError as exc:  # a control character; libyaml counts UTF-8 bytes
        line, col = _byte_position(text, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return Loaded(None, None, [YamlProblem(
            "yaml-syntax", f"Lỗi cú pháp YAML: tệp có ký tự không được phép "
            f"(U+{code:04X}: ký tự điều khiển hoặc không in được); hãy xoá ký tự này.", line, col)])
    except yaml.YAMLError as exc:
        detail = " ".join(str(exc).split())  # one line: diagnostics are printed one per line
        return Loaded(None, None, [YamlProblem(
            "yaml-syntax", f"Lỗi cú pháp YAML: tệp không đọc được như YAML ({detail}).", 1, 1)])
    if root is None:
        return Loaded(None, None, [])
    # Escapes in double-quoted text ("N\u0300", a backslash-newline before a combining mark)
    # can produce non-NFC text from NFC source: any backslash means normalising every scalar.
    conv = _Converter(normalize="\\" in text or not unicodedata.is_normalized("NFC", text))
    data = conv.node(root)
    return Loaded(data, root, conv.problems)


# (context fragment, problem fragment, Vietnamese): the first row whose fragments both occur
# wins, so rows that depend on the context come before the general row for their problem.
# Fragments, not whole strings: the pure-Python parser words some problems slightly
# differently ("found unknown escape character 'q'").
_SYNTAX_VI: tuple[tuple[str, str, str], ...] = (
    # Scanner: tokens, indentation, keys.
    ("", "found character that cannot start any token",
     "ký tự không thể bắt đầu một giá trị (dùng tab để thụt lề? hãy dùng dấu cách; giá trị "
     "bắt đầu bằng @, ` hoặc % cần đặt trong dấu nháy kép)"),
    ("", "found a tab character", "dùng ký tự tab để thụt lề; hãy dùng dấu cách"),
    ("", "mapping values are not allowed",
     "không được có “: ” ở đây (chuỗi có dấu hai chấm cần đặt trong dấu nháy kép; hoặc dòng "
     "này thụt lề sai)"),
    ("", "mapping keys are not allowed",
     "không được mở khoá “? ” ở đây (chuỗi bắt đầu bằng “? ” cần đặt trong dấu nháy kép)"),
    ("", "block sequence entries are not allowed",
     "không được mở danh sách “- ” ở đây (mỗi phần tử danh sách phải ở một dòng riêng, thụt lề "
     "dưới khoá của nó)"),
    ("", "could not find expected ':'", "thiếu dấu “:” sau khoá"),
    ("", "found unexpected ':'", "dấu “:” không đúng chỗ"),
    ("", "exceeded maximum nesting depth", "cấu trúc lồng nhau quá sâu"),
    # Scanner: quoted text.
    ("", "found unexpected end of stream", "tệp kết thúc đột ngột (thiếu dấu nháy đóng?)"),
    ("", "found unexpected document indicator",
     "gặp dòng “---” hoặc “...” khi chuỗi trong dấu nháy chưa đóng (thiếu dấu nháy đóng?)"),
    ("", "found unknown escape character",
     "chuỗi trong dấu nháy kép có ký tự thoát “\\” không hợp lệ"),
    ("", "did not find expected hexdecimal number",
     "mã thoát “\\x”, “\\u” hoặc “\\U” trong dấu nháy kép thiếu chữ số thập lục phân"),
    ("", "found invalid Unicode character escape code",
     "mã thoát “\\u” hoặc “\\U” trong dấu nháy kép không ứng với ký tự Unicode hợp lệ"),
    # Scanner: block scalars (| and >).
    ("block scalar", "did not find expected comment or line break",
     "sau “|” hoặc “>” chỉ được có chỉ số thụt lề, dấu “+” hoặc “-” và chú thích “#”; văn bản "
     "phải bắt đầu ở dòng sau"),
    ("", "found an indentation indicator equal to 0",
     "chỉ số thụt lề sau “|” hoặc “>” phải từ 1 đến 9"),
    # Scanner: anchors, aliases and tags (kehoach refuses them, but a stray &, * or ! at the
    # start of unquoted text lands here).
    ("anchor", "did not find expected alphabetic or numeric character",
     "tên neo YAML sau “&” không hợp lệ (chuỗi bắt đầu bằng “&” cần đặt trong dấu nháy kép)"),
    ("alias", "did not find expected alphabetic or numeric character",
     "tên bí danh YAML sau “*” không hợp lệ (chuỗi bắt đầu bằng “*” cần đặt trong dấu nháy "
     "kép)"),
    ("", "did not find expected whitespace or line break",
     "thẻ YAML “!…” phải có dấu cách phía sau (chuỗi bắt đầu bằng “!” cần đặt trong dấu nháy "
     "kép)"),
    ("", "did not find the expected '>'", "thẻ YAML “!<…>” thiếu dấu “>” đóng"),
    ("%TAG", "did not find expected tag URI", "chỉ thị %TAG thiếu tiền tố thẻ"),
    ("", "did not find expected tag URI",
     "thẻ YAML “!” không có tên (chuỗi bắt đầu bằng “!” cần đặt trong dấu nháy kép)"),
    ("", "did not find URI escaped octet",
     "mã “%” trong thẻ YAML phải có hai chữ số thập lục phân"),
    ("", "UTF-8 octet", "mã “%” trong thẻ YAML không tạo thành ký tự UTF-8 hợp lệ"),
    # Scanner: directives (a line starting with %).
    ("", "did not find expected '!'", "tên viết tắt trong chỉ thị %TAG phải bắt đầu bằng “!”"),
    ("", "could not find expected directive name",
     "thiếu tên chỉ thị sau “%” (dòng bắt đầu bằng “%” cần đặt trong dấu nháy kép)"),
    ("", "found unexpected non-alphabetical character",
     "tên chỉ thị sau “%” chỉ được gồm chữ cái (dòng bắt đầu bằng “%” cần đặt trong dấu nháy "
     "kép)"),
    ("", "found unknown directive name",
     "chỉ thị “%” không xác định: YAML chỉ có %YAML và %TAG (dòng bắt đầu bằng “%” cần đặt "
     "trong dấu nháy kép)"),
    ("", "did not find expected version number",
     "chỉ thị %YAML thiếu số phiên bản (ví dụ: %YAML 1.2)"),
    ("", "found extremely long version number", "số phiên bản trong chỉ thị %YAML quá dài"),
    ("", "did not find expected digit or '.' character",
     "số phiên bản trong chỉ thị %YAML phải có dạng 1.2"),
    ("", "did not find expected comment or line break",
     "sau chỉ thị “%” chỉ được có chú thích “#” rồi xuống dòng"),
    ("", "did not find expected whitespace", "chỉ thị %TAG thiếu dấu cách giữa các phần"),
    # Parser.
    ("", "found duplicate %YAML directive", "chỉ thị %YAML bị lặp"),
    ("", "found incompatible YAML document", "phiên bản YAML không được hỗ trợ (chỉ dùng 1.x)"),
    ("", "found duplicate %TAG directive", "chỉ thị %TAG bị lặp"),
    ("", "expected <document start>",
     "có nội dung nằm ngoài cấu trúc của tệp (thừa dấu “]” hoặc “}”? thiếu dòng “---” sau chỉ "
     "thị “%”?)"),
    ("", "expected <stream-start>", "tệp không bắt đầu như một tệp YAML"),
    ("", "found undefined tag handle", "thẻ YAML không xác định"),
    ("", "did not find expected node content",
     "thiếu giá trị ở đây (giá trị bắt đầu bằng “]”, “}”, “,” hoặc “:” cần đặt trong dấu nháy "
     "kép)"),
    ("", "did not find expected '-' indicator",
     "thụt lề của danh sách không khớp: dòng này phải bắt đầu bằng “- ” như các phần tử khác, "
     "hoặc lùi về đúng cột của khoá phía trên"),
    ("", "did not find expected key",
     "thụt lề không khớp: không tìm thấy khoá ở vị trí này (hoặc có chữ thừa sau chuỗi trong "
     "dấu nháy)"),
    ("", "did not find expected ',' or ']'", "thiếu “,” hoặc “]” đóng danh sách"),
    ("", "did not find expected ',' or '}'", "thiếu “,” hoặc “}” đóng bảng"),
    ("", "expected <block end>, but found", "thụt lề không khớp với các dòng phía trên"),
    # Composer.
    ("", "but found another document", "mỗi tệp chỉ chứa một kế hoạch (có thêm một dòng “---”)"),
    ("", "found undefined alias", "bí danh YAML (*) chưa được định nghĩa"),
    ("duplicate anchor", "", "neo YAML (&) bị lặp"),
    # Reader (kept for a reader error that arrives marked).
    ("", "control characters are not allowed", "tệp có ký tự điều khiển không hợp lệ"),
)


def _syntax_vi(exc: yaml.MarkedYAMLError) -> str:
    context, problem = exc.context or "", exc.problem or ""
    detail = " ".join(p for p in (context, problem) if p)
    for in_context, in_problem, vietnamese in _SYNTAX_VI:
        if in_context in context and in_problem in problem:
            return f"Lỗi cú pháp YAML: {vietnamese} ({detail})."
    # A problem libyaml may add later still gets a Vietnamese sentence and its position.
    return f"Lỗi cú pháp YAML: tệp không đúng cú pháp YAML ở vị trí này ({detail})."


def _byte_position(text: str, offset: int) -> tuple[int, int]:
    """Line and column (1-based, in characters) of a UTF-8 byte offset into ``text``."""
    before = text.encode("utf-8", "surrogatepass")[:offset].decode("utf-8", "replace")
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


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


class _Converter:
    """Node tree to plain data. Written for speed: it runs on every scalar of every plan."""

    def __init__(self, normalize: bool) -> None:
        self.problems: list[YamlProblem] = []
        self._last = -1  # start index of the last node visited, to spot aliases
        self._text = nfc if normalize else str

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
        if type(node) is ScalarNode:
            if tag == _PLAIN:
                return self.plain(node)
            if tag in _SAFE_TAGS:
                return self.tagged(node)
        elif tag in _SAFE_TAGS and tag != _PLAIN:
            if type(node) is SequenceNode:
                return [self.node(child) for child in node.value]
            if type(node) is MappingNode:
                return self.mapping(node)
        self.report(node, "yaml-tag", f"Thẻ YAML “{tag}” không được phép (kehoach không "
                    "tạo đối tượng từ thẻ).")
        return None

    def mapping(self, node: yaml.MappingNode) -> dict[str, Any]:
        out: dict[str, Any] = {}
        text = self._text
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode or key_node.tag not in (_PLAIN, _STR):
                self.report(key_node, "yaml-key", "Khoá phải là một chuỗi đơn giản.")
                continue
            key = text(key_node.value)
            if key in out:
                self.duplicate(node, key_node, key)
            self._last = key_node.start_mark.index
            out[key] = self.node(value_node)
        return out

    def duplicate(self, node: yaml.MappingNode, key_node: yaml.Node, key: str) -> None:
        first = next(k for k, _ in node.value if self._text(k.value) == key)
        self.report(key_node, "duplicate-key", f"Khoá “{key}” bị lặp (đã có ở dòng "
                    f"{_pos(first)[0]}); YAML chỉ giữ một giá trị, giá trị kia sẽ bị mất.")

    def plain(self, node: yaml.ScalarNode) -> Any:
        """Resolve an untagged plain scalar: YAML 1.2 types, 1.1 surprises reported."""
        value = node.value
        if value and value[0] not in _MAYBE_TYPED:
            return self._text(value)
        if value in _NULLS:
            return None
        if value in _BOOLS:
            return _BOOLS[value]
        if value in _BOOLS_11:
            return self.surprise(node, f"“{value}” bị YAML 1.1 đọc thành giá trị đúng/sai")
        if _DECIMAL.fullmatch(value):
            return int(value)
        if _INT_11.fullmatch(value):
            return self.surprise(node, f"“{value}” bị YAML 1.1 đọc thành một số khác hẳn")
        if _FLOAT.fullmatch(value):
            return _float(value)
        if _DATE.fullmatch(value):
            return self.date(node)
        if _TIMESTAMP.match(value):
            return self.surprise(node, f"“{value}” bị YAML đọc thành thời điểm (ngày giờ)")
        return self._text(value)

    def tagged(self, node: yaml.ScalarNode) -> Any:
        """A scalar with an explicit standard tag (``!!str 12``, ``!!int "5"``)."""
        tag, value = node.tag, node.value
        if tag == _STR:
            return self._text(value)
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
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            self.report(node, "invalid-date", f"Ngày “{node.value}” không có thật.")
            return node.value


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
