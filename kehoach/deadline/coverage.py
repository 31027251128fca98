"""What a reading leaves unexplained: date-like tokens outside every span the grammar read.

A date-like token is a group of digits joined by "/", "-" or "." ("15/6", "2021-2025",
"20.6.2023"), or a number next to one of the words ngày, tháng, quý, năm, Tết, giờ, h ("ngày
15", "03 tháng", "quý IV", "17 giờ", "16h"). The grammar explains the spans of the atoms it
found (used or reported) and of the documents a phrase cites ("Nghị định số 15/2023/NĐ-CP").
A token outside all of them means the phrase says something about time that the reading does
not hold, so the reader warns ``partial`` rather than read it silently (docs/deadlines.md).
"""

from __future__ import annotations

import re

# Run on the folded text (no diacritics, lowercase), so the words are plain ASCII.
DATE_LIKE = re.compile(
    r"(?<![0-9])[0-9]+(?: ?[/.\-] ?[0-9]+)+"
    r"|(?<![a-z])(?:ngay|thang|quy|nam|tet|gio) ?[0-9]+(?![a-z0-9])"
    r"|(?<![a-z])quy ?(?:i{1,3}|iv)(?![a-z0-9])"
    # (not the second part of a range, "15/6 - 3 tháng"; a list's dash is no range)
    r"|(?<![a-z0-9/.\-])(?<![0-9][/.\-] )(?<![0-9] [/.\-] )[0-9]+ ?(?:ngay|thang|quy|nam|gio|h)"
    r"(?![a-z])"
    # a year named relative to another: "năm sau", "năm trước năm kế hoạch"
    r"|(?<![a-z])nam (?:sau|truoc|ke tiep|tiep theo|lien ke)(?![a-z])"
    # the lunar calendar and school terms, which only some forms explain
    r"|(?<![a-z])(?:am lich|hoc ky ?(?:[0-9]|i{1,2}))(?![a-z0-9])"
)
# A document's number and symbol: "12/KH-UBND", "15/2023/NĐ-CP", "số 06/2024/QĐ-UBND".
_PIECE = re.compile(r"[0-9]+|[a-z]+")
DOC_NUMBER = re.compile(r"(?<![0-9])[0-9]+ ?/ ?(?:[0-9]{2,4} ?/ ?)?[a-z][a-z0-9/\-]*")


def documents(folded: str) -> list[tuple[int, int]]:
    """Spans of the document numbers a phrase cites (explained: they are not deadlines)."""
    return [(m.start(), m.end()) for m in DOC_NUMBER.finditer(folded)]


def unexplained(folded: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Date-like tokens of ``folded`` not inside any of ``spans`` (nor a document number)."""
    tokens = list(DATE_LIKE.finditer(folded))
    if not tokens:
        return []
    covered = spans + documents(folded)

    def inside(start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in covered)

    # A token is explained when each of its numbers and words is: "26.3.1931 - 26.3.2024" is
    # one token that two dates explain.
    return [(t.start(), t.end()) for t in tokens
            if not inside(t.start(), t.end())
            and not all(inside(t.start() + w.start(), t.start() + w.end())
                        for w in _PIECE.finditer(t.group()))]
