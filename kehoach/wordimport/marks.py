"""The marker an author put before an item, typed by hand ("I.", "1.", "1.1.", "a)", "đ)",
"-", "+", "*", "Điều 1.", "Chương II") or shown by Word's list numbering, and its kind.

Items nest by kind: a marker of a kind already open closes everything opened after it (a
sibling); a new kind opens a level below (``outline``). Multi-level numbers are a kind per
depth ("1.1." and "2.2.1." differ), so they nest under their single-number parent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ROMAN = r"(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
BULLETS = "-–—+*•▪●○◦■□➢➤►✓❖◆◊§o"
_WORDS = {"phan": "Phần", "chuong": "Chương", "muc": "Mục", "dieu": "Điều"}
_PATTERNS = [
    ("word", re.compile(r"^(?P<m>(?:PHẦN|Phần|CHƯƠNG|Chương|Điều|ĐIỀU)\s+"
                        rf"(?:{ROMAN}|\d{{1,3}}|thứ\s+\w+|THỨ\s+\w+)\s*[.:]?)(?=\s|$)")),
    ("roman", re.compile(rf"^(?P<m>(?=[IVXL])({ROMAN})[.)]|(?=[IVXL])({ROMAN})\s*[-–])(?=\s|\S)")),
    ("multi", re.compile(r"^(?P<m>\d{1,2}(?:\.\d{1,2}){1,5}\.?)(?=\s|[^\d\s.,%/])")),
    ("dec", re.compile(r"^(?P<m>\d{1,2}[.)])(?=\s|[^\d\s.,%/)])")),
    ("letter", re.compile(r"^(?P<m>[a-zđ][)])(?=\s|\S)")),
    ("bullet", re.compile(rf"^(?P<m>[{re.escape(BULLETS[:-1])}])(?=\s|[^\W\d_])")),
]


@dataclass(frozen=True)
class Marker:
    text: str  # as written ("II.", "2.2.1.", "đ)", "-")
    kind: str  # what nests: "roman", "dec.", "dec)", "multi3", "letter", "bullet-", "word:dieu"
    end: int  # where the item's own text starts in the paragraph text


def split_marker(text: str) -> Marker | None:
    """The hand-typed marker at the start of ``text``, if any."""
    for name, pattern in _PATTERNS:
        m = pattern.match(text)
        if m is None or not m.group("m").strip():
            continue
        marker = " ".join(m.group("m").split())
        end = m.end("m")
        while end < len(text) and text[end].isspace():
            end += 1
        if end == len(text) and name in ("bullet", "letter"):
            continue
        return Marker(marker, _kind(name, marker), end)
    return None


def _kind(name: str, marker: str) -> str:
    if name == "multi":
        return f"multi{marker.rstrip('.').count('.') + 1}"
    if name == "dec":
        return "dec" + marker[-1]
    if name == "bullet":
        return "bullet" + ("-" if marker in "-–—" else marker)
    if name == "word":
        from kehoach.textnorm import fold

        word = fold(marker.split()[0])
        return "word:" + ("phan" if word == "phan" else word)
    return name


def label_kind(label: str) -> str:
    """The kind of a marker Word's numbering shows (it nests like the same marker typed)."""
    found = split_marker(label + " x")
    if found is not None and found.text == label:
        return found.kind
    return "list:" + re.sub(r"[0-9A-Za-zĐđ]+", "#", label)  # "a.", "b." are one kind
