"""Reading a plan file's bytes into text: size, encoding and shape checks before any YAML.

Everything here runs before libyaml sees the text, because some inputs are dangerous to it
(PyYAML's C composer recurses on nesting and crashes the interpreter near 30,000 levels).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from kehoach.errors import KehoachError
from kehoach.fs.reader import MAX_BYTES, too_large_message

MAX_DEPTH = 100
"""Deepest YAML nesting accepted (brackets, indentation steps or compact ``- -`` chains)."""

MAX_INDENT = 4 * MAX_DEPTH
MAX_LINE = 100_000
"""Longest line accepted, in characters."""


@dataclass(frozen=True)
class SourceProblem:
    code: str
    message: str
    line: int = 1
    column: int = 1


class SourceError(KehoachError):
    """The bytes are not a plan kehoach will read; ``problem`` places it as a diagnostic."""

    def __init__(self, problem: SourceProblem):
        self.problem = problem
        super().__init__(problem.message)


def decode(data: bytes) -> str:
    """Decode UTF-8 (a BOM is fine) or raise SourceError saying what the bytes look like."""
    if len(data) > MAX_BYTES:
        raise SourceError(SourceProblem("file-too-large", too_large_message(len(data))))
    for bom, name in ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
                      (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16")):
        if data.startswith(bom) and not data.startswith(codecs.BOM_UTF8):
            raise SourceError(_utf16(name))
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    if b"\x00" in data:
        raise SourceError(_nul(data))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(_legacy(data, exc.start)) from None


def _utf16(name: str) -> SourceProblem:
    return SourceProblem(
        "encoding-utf16",
        f"Tệp được lưu bằng mã {name}; kehoach đọc UTF-8. Hãy lưu lại tệp dưới dạng UTF-8.",
    )


def _nul(data: bytes) -> SourceProblem:
    odd = data[1::2].count(0) > len(data) // 4 or data[0::2].count(0) > len(data) // 4
    if odd:
        return _utf16("UTF-16")
    line, col = _position(data, data.index(b"\x00"))
    return SourceProblem(
        "binary-file",
        "Tệp chứa byte NUL: đây không phải tệp văn bản YAML (tệp nhị phân hoặc bị hỏng).",
        line, col,
    )


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[start:offset].decode("utf-8", "replace")) + 1
    return line, column


# Bytes typical of each legacy Vietnamese encoding (none of them is valid UTF-8 text):
# Windows-1258 writes tones as combining bytes; VNI writes a base vowel then a mark byte;
# TCVN3 (ABC) replaces the whole accented vowel with one byte, often after a consonant.
_CP1258_TONES = frozenset(b"\xcc\xec\xd2\xde\xf2")
_VOWELS = frozenset(b"aeiouyAEIOUY")


def _guess_legacy(data: bytes) -> str:
    sample = data[:65536]
    high = [i for i, b in enumerate(sample) if b >= 0x80]
    if not high:
        return "bảng mã 8 bit cũ (TCVN3, VNI hoặc Windows-1258)"
    if sum(sample[i] in _CP1258_TONES for i in high) / len(high) > 0.3:
        return "Windows-1258"
    after_vowel = sum(i > 0 and sample[i - 1] in _VOWELS for i in high)
    return "VNI-Windows" if after_vowel / len(high) > 0.6 else "TCVN3 (ABC)"


def _legacy(data: bytes, offset: int) -> SourceProblem:
    line, col = _position(data, offset)
    guess = _guess_legacy(data)
    return SourceProblem(
        "encoding-legacy",
        f"Tệp không phải UTF-8 (byte 0x{data[offset]:02X}); có vẻ là {guess}. Hãy chuyển mã "
        "sang Unicode (ví dụ bằng Unikey Toolkit) và lưu dưới dạng UTF-8.",
        line, col,
    )


_BRACKETS = re.compile(r"[\[\]{}]")
_DEEP_INDENT = re.compile(rf"^[ \t]{{{MAX_INDENT}}}", re.MULTILINE)
_COMPACT_CHAIN = re.compile(rf"[-?][ \t]+(?:[-?][ \t]+){{{MAX_DEPTH // 2 - 1}}}")
_LONG_LINE = re.compile(rf"^[^\n]{{{MAX_LINE}}}", re.MULTILINE)
# Exact, slower: a line also ends at "\r" (CRLF, or a lone "\r" as YAML reads it), which never
# counts as a character; run only where the fast pattern found a long line holding a "\r".
_LONG_LINE_CR = re.compile(rf"(?:^|(?<=\r))[^\r\n]{{{MAX_LINE}}}", re.MULTILINE)


def check_shape(text: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH and absurd lines, before libyaml sees them."""
    # Cheap whole-text counts first: most files cannot come near any limit.
    if text.count("[") + text.count("{") > MAX_DEPTH:
        depth = 0
        for bracket in _BRACKETS.finditer(text):
            depth += 1 if bracket.group() in "[{" else -1
            if depth > MAX_DEPTH:
                _too_deep(text, bracket.start())
            depth = max(depth, 0)
    checks = ((" " * MAX_INDENT in text or "\t" in text, _DEEP_INDENT), (True, _COMPACT_CHAIN))
    for needed, pattern in checks:
        m = pattern.search(text) if needed else None
        if m:
            _too_deep(text, m.end())
    m = _LONG_LINE.search(text) if len(text) > MAX_LINE else None
    if m and "\r" in text:
        m = _LONG_LINE_CR.search(text, m.start())
    if m:
        line = text.count("\n", 0, m.start()) + 1
        raise SourceError(SourceProblem(
            "line-too-long", f"Dòng dài quá {MAX_LINE:,} ký tự.", line, 1,
        ))


def _too_deep(text: str, offset: int) -> None:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    raise SourceError(SourceProblem(
        "nesting-too-deep",
        f"Cấu trúc lồng nhau quá sâu (giới hạn {MAX_DEPTH} cấp).",
        line, column,
    ))
