"""libyaml's syntax errors in Vietnamese, at the line and column a reader counts."""

from __future__ import annotations

import yaml

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
     "không được dùng “? ” để mở một mục ở đây "
     "(chuỗi bắt đầu bằng “? ” cần đặt trong dấu nháy kép)"),
    ("", "block sequence entries are not allowed",
     "không được mở danh sách “- ” ở đây (mỗi phần tử danh sách phải ở một dòng riêng, thụt lề "
     "dưới tên mục của nó)"),
    ("", "could not find expected ':'", "thiếu dấu “:” sau tên mục"),
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
     "hoặc lùi về đúng cột của tên mục phía trên"),
    ("", "did not find expected key",
     "thụt lề không khớp: không tìm thấy tên mục ở vị trí này (hoặc có chữ thừa sau chuỗi trong "
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


def syntax_vi(exc: yaml.MarkedYAMLError) -> str:
    context, problem = exc.context or "", exc.problem or ""
    detail = " ".join(p for p in (context, problem) if p)
    for in_context, in_problem, vietnamese in _SYNTAX_VI:
        if in_context in context and in_problem in problem:
            return f"Lỗi cú pháp YAML: {vietnamese} ({detail})."
    # A problem libyaml may add later still gets a Vietnamese sentence and its position.
    return f"Lỗi cú pháp YAML: tệp không đúng cú pháp YAML ở vị trí này ({detail})."


def byte_position(text: str, offset: int) -> tuple[int, int]:
    """Line and column (1-based, in characters) of a UTF-8 byte offset into ``text``."""
    before = text.encode("utf-8", "surrogatepass")[:offset].decode("utf-8", "replace")
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
