"""Every libyaml syntax error reads in Vietnamese, at the place libyaml names.

The table holds one input per libyaml scanner, parser and composer problem (and per context
where the advice differs). libyaml's own words stay in the trailing parentheses, so a message
can still be searched for on the web.
"""

from __future__ import annotations

import re

import pytest
import yaml

from kehoach.load.parse import parse
from kehoach.load.syntax_vi import syntax_vi as _syntax_vi

# id -> (text, Vietnamese fragment, line, column)
CASES: dict[str, tuple[str, str, int, int]] = {
    # Scanner: tokens, indentation, keys.
    "tab first on a line": ("a:\n\tb: 1\n", "dùng tab để thụt lề", 2, 1),
    "tab after a dash": ("a:\n  -\tb: 1\n", "dùng tab để thụt lề", 2, 4),
    "at sign starts a value": ("a: @x\n", "bắt đầu bằng @, ` hoặc %", 1, 4),
    "backtick starts a value": ("a: `x\n", "ký tự không thể bắt đầu một giá trị", 1, 4),
    "tab inside plain text": ("a:\n  b: x\n\t  c\n", "dùng ký tự tab để thụt lề", 3, 1),
    "tab inside a block scalar": ("a: |\n  x\n\ty\n", "dùng ký tự tab để thụt lề", 3, 1),
    "colon inside a value": ("a: b: c\n", "không được có “: ” ở đây", 1, 5),
    "colon after a bad indent": ("a: 1\n b: 2\n", "thụt lề sai", 2, 3),
    "question mark key": ("a: ? b\n", "không được dùng “? ” để mở một mục ở đây", 1, 4),
    "dash after a key": ("a: - b\n", "không được mở danh sách “- ” ở đây", 1, 4),
    "line without a colon": ("a: 1\n\"b\"\n", "thiếu dấu “:” sau tên mục", 3, 1),
    "nesting too deep (flow)": ("[" * 1100 + "]" * 1100 + "\n", "lồng nhau quá sâu", 1, 1001),
    "nesting too deep (block)": ("".join("  " * i + "- \n" for i in range(1100)),
                                 "lồng nhau quá sâu", 1000, 1999),
    # Scanner: quoted text.
    "unclosed double quote": ("a: \"b\n", "thiếu dấu nháy đóng", 2, 1),
    "unclosed single quote": ("a: 'b\n", "thiếu dấu nháy đóng", 2, 1),
    "document marker inside quotes": ("a: \"b\n---\nc\"\n", "gặp dòng “---” hoặc “...”", 2, 1),
    "unknown escape": ("a: \"\\q\"\n", "ký tự thoát “\\” không hợp lệ", 1, 5),
    "bad hex escape": ("a: \"\\xZZ\"\n", "thiếu chữ số thập lục phân", 1, 7),
    "surrogate escape": ("a: \"\\uD800\"\n", "không ứng với ký tự Unicode hợp lệ", 1, 7),
    # Scanner: block scalars.
    "text after the pipe": ("a: | x\n  y\n", "văn bản phải bắt đầu ở dòng sau", 1, 6),
    "text after the fold": ("a: >x\n  y\n", "sau “|” hoặc “>” chỉ được có", 1, 5),
    "indentation indicator 0": ("a: |0\n  y\n", "phải từ 1 đến 9", 1, 5),
    # Scanner: anchors, aliases, tags.
    "empty anchor": ("a: & b\n", "tên neo YAML sau “&” không hợp lệ", 1, 5),
    "accented anchor": ("a: &é b\n", "tên neo YAML sau “&” không hợp lệ", 1, 5),
    "empty alias": ("a: * b\n", "tên bí danh YAML sau “*” không hợp lệ", 1, 5),
    "tag glued to text": ("a: !foo,x b\n", "phải có dấu cách phía sau", 1, 8),
    "unclosed verbatim tag": ("a: !<foo b\n", "thiếu dấu “>” đóng", 1, 9),
    "empty verbatim tag": ("a: !<> b\n", "thẻ YAML “!” không có tên", 1, 6),
    "bare tag handle": ("a: !a!\n", "thẻ YAML “!” không có tên", 1, 7),
    "bad percent escape in a tag": ("a: !%zz b\n", "phải có hai chữ số thập lục phân", 1, 5),
    "bad UTF-8 lead in a tag": ("a: !%ff b\n", "không tạo thành ký tự UTF-8 hợp lệ", 1, 5),
    "bad UTF-8 tail in a tag": ("a: !%c3%41 b\n", "không tạo thành ký tự UTF-8 hợp lệ", 1, 8),
    # Scanner: directives.
    "percent alone": ("% \n---\na\n", "thiếu tên chỉ thị sau “%”", 1, 2),
    "directive name with a symbol": ("%YA@ 1.1\n---\na\n", "chỉ được gồm chữ cái", 1, 4),
    "unknown directive": ("%FOO bar\n---\na\n", "chỉ có %YAML và %TAG", 1, 5),
    "YAML version missing": ("%YAML x\n---\na\n", "thiếu số phiên bản", 1, 7),
    "YAML version too long": ("%YAML 1234567890.1\n---\na\n", "quá dài", 1, 16),
    "YAML version without a dot": ("%YAML 1x\n---\na\n", "phải có dạng 1.2", 1, 8),
    "text after a directive": ("%YAML 1.1 x\n---\na\n", "sau chỉ thị “%” chỉ được có", 1, 11),
    "TAG handle without !": ("%TAG x y\n---\na\n", "phải bắt đầu bằng “!”", 1, 6),
    "TAG handle unclosed": ("%TAG !a b\n---\nx\n", "phải bắt đầu bằng “!”", 1, 8),
    "TAG without a space": ("%TAG !a!b c\n---\na\n", "thiếu dấu cách giữa các phần", 1, 9),
    "TAG without a prefix": ("%TAG !a! \n---\na\n", "chỉ thị %TAG thiếu tiền tố thẻ", 1, 10),
    "TAG prefix with a bad escape": ("%TAG ! %zz\n---\nx\n", "hai chữ số thập lục phân", 1, 8),
    # Parser.
    "YAML directive twice": ("%YAML 1.1\n%YAML 1.1\n---\na\n", "chỉ thị %YAML bị lặp", 2, 1),
    "YAML 2.0": ("%YAML 2.0\n---\na\n", "phiên bản YAML không được hỗ trợ", 1, 1),
    "TAG directive twice": ("%TAG !a! x\n%TAG !a! y\n---\na\n", "chỉ thị %TAG bị lặp", 2, 1),
    "directive without ---": ("%YAML 1.1\na\n", "thiếu dòng “---” sau chỉ thị", 2, 1),
    "stray closing bracket": ("[a, ]]\n", "thừa dấu “]” hoặc “}”", 1, 6),
    "undefined tag handle": ("a: !x!y b\n", "thẻ YAML không xác định", 1, 4),
    "closing bracket as a value": ("a: ]\n", "thiếu giá trị ở đây", 1, 4),
    "comma as a value": ("a: ,\n", "thiếu giá trị ở đây", 1, 4),
    "colon as a flow value": ("{a: ]}\n", "thiếu giá trị ở đây", 1, 5),
    "list item out of line": ("a:\n  - b\n  c: d\n", "thụt lề của danh sách không khớp", 3, 3),
    "key out of line": ("a:\n  b: 1\n c: 2\n", "không tìm thấy tên mục ở vị trí này", 3, 2),
    "text after closing quote": ("a: \"b\" c\n", "chữ thừa sau chuỗi trong dấu nháy", 1, 8),
    "list item at the top of a mapping": ("a: b\n- c\n", "không tìm thấy tên mục", 2, 1),
    "unclosed flow list": ("[a, b\nc: 1\n", "thiếu “,” hoặc “]” đóng danh sách", 2, 2),
    "unclosed flow mapping": ("{a: 1\n", "thiếu “,” hoặc “}” đóng bảng", 2, 1),
    "flow mapping without a comma": ("{a: b c: d}\n", "thiếu “,” hoặc “}” đóng bảng", 1, 8),
    # Composer.
    "two documents": ("a: 1\n---\nb: 2\n", "mỗi tệp chỉ chứa một kế hoạch", 2, 1),
    "undefined alias": ("a: *x\n", "bí danh YAML (*) chưa được định nghĩa", 1, 4),
    "duplicate anchor": ("a: &x 1\nb: &x 2\n", "neo YAML (&) bị lặp", 2, 4),
}


@pytest.mark.parametrize("text,fragment,line,column", list(CASES.values()), ids=list(CASES))
def test_syntax_error_is_vietnamese_and_placed(text, fragment, line, column):
    loaded = parse(text)
    assert loaded.root is None and len(loaded.problems) == 1
    problem = loaded.problems[0]
    assert problem.code == "yaml-syntax"
    assert fragment in problem.message, problem.message
    assert (problem.line, problem.column) == (line, column), problem.message
    _assert_vietnamese(problem.message)


def _assert_vietnamese(message: str) -> None:
    """One line, and libyaml's English only inside the closing parentheses."""
    assert "\n" not in message
    assert message.startswith("Lỗi cú pháp YAML: ") and message.endswith(").")
    ours = message[: message.rindex(" (")]
    assert not re.search(r"\b(?:found|expected|while|did not|could not|allowed)\b", ours), message
    assert "tệp không đúng cú pháp YAML ở vị trí này" not in ours, "no specific translation"


# Every problem (and the context where it matters) in the libyaml 0.2.5 scanner, parser and
# reader, and in PyYAML's composer: some cannot be produced from text that reached libyaml
# through Python (<stream-start>) or only by older libyaml versions (unexpected ':').
LIBYAML_PROBLEMS = [
    ("while scanning for the next token", "found character that cannot start any token"),
    ("while scanning a simple key", "could not find expected ':'"),
    (None, "mapping values are not allowed in this context"),
    (None, "mapping keys are not allowed in this context"),
    (None, "block sequence entries are not allowed in this context"),
    ("while scanning a plain scalar", "found a tab character that violates indentation"),
    ("while scanning a plain scalar", "found unexpected ':'"),
    ("while scanning a block scalar",
     "found a tab character where an indentation space is expected"),
    ("while scanning a block scalar", "did not find expected comment or line break"),
    ("while scanning a block scalar", "found an indentation indicator equal to 0"),
    ("while scanning a quoted scalar", "found unexpected end of stream"),
    ("while scanning a quoted scalar", "found unexpected document indicator"),
    ("while parsing a quoted scalar", "found unknown escape character"),
    ("while parsing a quoted scalar", "did not find expected hexdecimal number"),
    ("while parsing a quoted scalar", "found invalid Unicode character escape code"),
    ("while scanning an anchor", "did not find expected alphabetic or numeric character"),
    ("while scanning an alias", "did not find expected alphabetic or numeric character"),
    ("while scanning a tag", "did not find expected whitespace or line break"),
    ("while scanning a tag", "did not find the expected '>'"),
    ("while parsing a tag", "did not find expected tag URI"),
    ("while parsing a tag", "did not find URI escaped octet"),
    ("while parsing a tag", "found an incorrect leading UTF-8 octet"),
    ("while parsing a tag", "found an incorrect trailing UTF-8 octet"),
    ("while scanning a directive", "could not find expected directive name"),
    ("while scanning a directive", "found unexpected non-alphabetical character"),
    ("while scanning a directive", "found unknown directive name"),
    ("while scanning a directive", "did not find expected comment or line break"),
    ("while scanning a %YAML directive", "did not find expected version number"),
    ("while scanning a %YAML directive", "found extremely long version number"),
    ("while scanning a %YAML directive", "did not find expected digit or '.' character"),
    ("while scanning a %TAG directive", "did not find expected whitespace"),
    ("while scanning a tag directive", "did not find expected '!'"),
    ("while parsing a tag directive", "did not find expected '!'"),
    ("while parsing a %TAG directive", "did not find expected tag URI"),
    ("while parsing a %TAG directive", "did not find URI escaped octet"),
    ("while increasing flow level", "exceeded maximum nesting depth"),
    ("while increasing block level", "exceeded maximum nesting depth"),
    (None, "did not find expected <stream-start>"),
    (None, "did not find expected <document start>"),
    (None, "found duplicate %YAML directive"),
    (None, "found incompatible YAML document"),
    (None, "found duplicate %TAG directive"),
    ("while parsing a node", "found undefined tag handle"),
    ("while parsing a block node", "did not find expected node content"),
    ("while parsing a flow node", "did not find expected node content"),
    ("while parsing a block collection", "did not find expected '-' indicator"),
    ("while parsing a block mapping", "did not find expected key"),
    ("while parsing a flow sequence", "did not find expected ',' or ']'"),
    ("while parsing a flow mapping", "did not find expected ',' or '}'"),
    ("expected a single document in the stream", "but found another document"),
    (None, "found undefined alias"),
    ("found duplicate anchor; first occurrence", "second occurrence"),
    (None, "control characters are not allowed"),
]


@pytest.mark.parametrize("context,problem", LIBYAML_PROBLEMS,
                         ids=[f"{c or '-'} | {p}" for c, p in LIBYAML_PROBLEMS])
def test_every_libyaml_problem_has_a_translation(context, problem):
    mark = yaml.Mark("a.yaml", 0, 0, 0, None, None)
    exc = yaml.MarkedYAMLError(context, mark if context else None, problem, mark)
    message = _syntax_vi(exc)
    _assert_vietnamese(message)
    assert message.endswith(f"({' '.join(p for p in (context, problem) if p)}).")


def test_an_unknown_problem_is_still_vietnamese():
    mark = yaml.Mark("a.yaml", 0, 0, 0, None, None)
    message = _syntax_vi(yaml.MarkedYAMLError(None, None, "something new", mark))
    assert message == ("Lỗi cú pháp YAML: tệp không đúng cú pháp YAML ở vị trí này "
                       "(something new).")
