"""The header: issuing bodies and their parents, the number, the motto, place and date.

Usually a borderless two-column table (left: parent, issuer, "Số: …"; right: the national
motto or "ĐOÀN TNCS HỒ CHÍ MINH", then place and date), sometimes plain paragraphs or text
boxes: lines are recognised by what they say, not where they stand. A "DỰ THẢO" mark, a blank
number ("Số:    /KH-UBND") or a blank date ("……, ngày … tháng … năm 20..") makes a draft.

Names keep their line structure: a parent is printed upright and an issuer bold (Nghị định
30, Phụ lục I), so within a cell the weight tells them apart; lines of one weight that make
one name are joined later, when the registry can say so (``issuers``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from kehoach.plan.markup import Run
from kehoach.textnorm import fold
from kehoach.wordimport.docxbody import Para, Table

_NUMBER = re.compile(r"^s[oố]\s*[:.]?\s*(?P<rest>.*)$", re.I)
_DATE = re.compile(
    r"^(?P<place>.*?)\s*,\s*ngày\s*(?P<d>[\d.…_ ]*?)\s*tháng\s*(?P<m>[\d.…_ ]*?)\s*"
    r"năm\s*(?P<y>[\d.…_ ]*?)\s*\.?$", re.I)
_BLANK_PLACE = re.compile(r"^[.…_\s]*$")
_RULE = re.compile(r"^[-_–—=.…\s]{3,}$")
_STARS = re.compile(r"^(\*\s*){2,}$")
MOTTOS = {
    "cong hoa xa hoi chu nghia viet nam": "nha_nuoc",
    "doan tncs ho chi minh": "doan",
    "doan thanh nien cong san ho chi minh": "doan",
    "dang cong san viet nam": "dang",
}
_SLOGAN = "doc lap - tu do - hanh phuc"


@dataclass
class NameLine:
    text: str
    bold: bool
    index: int


@dataclass
class Header:
    names: list[NameLine] = field(default_factory=list)
    number: str | None = None
    number_index: int | None = None
    kind: str | None = None
    place: str | None = None
    date: dt.date | None = None
    date_index: int | None = None
    draft_mark: bool = False
    stars: bool = False
    used: set[int] = field(default_factory=set)
    unknown: list[tuple[int, str]] = field(default_factory=list)

    @property
    def blank_number(self) -> bool:
        if self.number is None:
            return False
        return not re.match(r"^\s*\d", self.number)

    @property
    def draft(self) -> bool:
        return self.draft_mark or self.blank_number or (
            self.date_index is not None and self.date is None)


def is_draft_mark(text: str) -> bool:
    folded = fold(text).strip("() ")
    return folded.startswith("du thao") and len(folded) <= 20


def is_header_table(table: Table) -> bool:
    """A table holding the motto, a number or a place and date: the header's."""
    for row in table.rows[:3]:
        for cell in row:
            for para in cell:
                text = para.text
                m = _NUMBER.match(text)
                if fold(text) in MOTTOS or _DATE.match(text) or (m and _looks_numbered(m["rest"])):
                    return True
    return False


def read_header(blocks: list[Para | Table]) -> Header:
    header = Header()
    for block in blocks:
        paras = [p for row in block.rows for cell in row for p in cell] if isinstance(
            block, Table) else [block]
        for para in paras:
            for text, bold in _lines(para):
                _line(header, text, bold, para.index)
    return header


def _lines(para: Para) -> list[tuple[str, bool]]:
    """The lines of a paragraph with their weight (whether they make one name is decided
    with the registry, ``issuers``)."""
    out: list[tuple[str, bool]] = []
    for runs in _split_lines(para.runs):
        text = " ".join("".join(r.text for r in runs).split())
        shown = [r for r in runs if r.text.strip()]
        if text:
            out.append((text, bool(shown) and all(r.bold for r in shown)))
    return out


def split_lines(runs: list[Run]) -> list[list[Run]]:
    """The runs of each line of a paragraph (a line break, Shift+Enter, ends one)."""
    return _split_lines(runs)


def _split_lines(runs: list[Run]) -> list[list[Run]]:
    lines: list[list[Run]] = [[]]
    for run in runs:
        parts = run.text.split("\n")
        for i, part in enumerate(parts):
            if i:
                lines.append([])
            if part:
                lines[-1].append(Run(part, run.bold, run.italic))
    return lines


def _line(header: Header, text: str, bold: bool, index: int) -> None:
    folded = fold(text)
    if is_draft_mark(text):
        header.draft_mark = True
    elif _RULE.match(text):
        return
    elif _STARS.match(text):
        header.stars = True
    elif folded in MOTTOS:
        header.kind = MOTTOS[folded]
    elif folded.startswith(_SLOGAN):
        header.kind = header.kind or "nha_nuoc"
    elif (m := _NUMBER.match(text)) and _looks_numbered(m["rest"]):
        header.number = " ".join(m["rest"].split())
        header.number_index = index
    elif m := _DATE.match(text):
        _date(header, m, index)
    elif text.upper() == text and any(c.isalpha() for c in text):
        header.names.append(NameLine(text, bold, index))
    else:
        header.unknown.append((index, text))
        return
    header.used.add(index)


def _looks_numbered(rest: str) -> bool:
    return bool(re.search(r"[/-]", rest)) and len(rest) <= 60


def _date(header: Header, m: re.Match[str], index: int) -> None:
    place = m["place"].strip()
    header.place = None if _BLANK_PLACE.match(place) else place
    header.date_index = index
    try:
        header.date = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        header.date = None
