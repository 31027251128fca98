"""Days of the lunar calendar named in deadlines: Tết Nguyên đán, Rằm tháng Giêng, Tết Trung
thu, Tết Đoan ngọ, Giỗ Tổ Hùng Vương, and dates written "(âm lịch)".

A festival becomes a ``TimeRef`` of unit "lunar" (lunar month and day, and an offset in solar
days); its solar day is computed per year by ``kehoach.deadline.lunar``, so a missing year is
inferred from the reference day like any other. The rule of the reading (docs/deadlines.md):
"trước Tết Nguyên đán 2025" and "dịp Tết Nguyên đán 2025" are due the day before Tết (the
last day of the lunar year); "sau Tết" has no day of its own and is read as the end of tháng
Giêng, approximate, with a warning; every other festival is due on its own day ("trước Rằm
tháng Giêng" keeps the day, as "trước ngày X" does). A year's sexagenary name ("Giáp Thìn")
gives the year when no number does, and must agree with the number when both are written.
"""

from __future__ import annotations

import re

from kehoach.deadline._text import fold1
from kehoach.deadline.atoms import Atom, TimeRef
from kehoach.deadline.lunar import BRANCHES_FOLDED, STEMS_FOLDED, year_name
from kehoach.deadline.patterns import Y, before

_CANCHI = rf"(?:{'|'.join(STEMS_FOLDED)}) (?:{'|'.join(sorted(set(BRANCHES_FOLDED)))})"

# (lunar month, lunar day) of each festival, by its folded name.
FESTIVALS = {
    "trung thu": (8, 15),
    "doan ngo": (5, 5),
    "nguyen tieu": (1, 15),
    "ram thang gieng": (1, 15),
    "ram thang 1": (1, 15),
    "ram thang bay": (7, 15),
    "ram thang 7": (7, 15),
    "vu lan": (7, 15),
    "gio to hung vuong": (3, 10),
}
_FEST = "|".join(sorted(FESTIVALS, key=len, reverse=True))
P_LUNAR = re.compile(
    rf"(?=[tmrgdnv])(?:(?:tet )?(?P<fest>{_FEST})(?![a-z0-9])"
    r"|(?P<mung>mung ?(?P<n>10|[1-9]) )?tet(?![a-z])(?: ?(?:nguyen dan|am lich|co truyen|ta))?)"
    rf"(?: ?[-,]? ?(?:xuan |nam )?(?P<canchi>{_CANCHI})(?![a-z]))?"
    rf"(?: ?[-,(]? ?(?:nam )?(?P<y>{Y}))?(?![0-9])"
)
# A Tết that is not the lunar new year: Tết Dương lịch, Tết trồng cây, Tết Thiếu nhi…
_NOT_LUNAR = re.compile(r"tet (?:duong lich|tay|trong cay|thieu nhi|doc lap|han thuc)")
_AFTER = re.compile(r"(?<![a-z])(?:ngay )?sau(?: khi)?(?: ki| ky)?(?: nghi)? ?$")
P_LUNAR_MARK = re.compile(r" ?\(? ?(?:theo )?(?:am lich|al)(?![a-z]) ?\)?")


def lunar_atom(m: re.Match[str], folded: str) -> Atom | None:
    if m["fest"] is None and _NOT_LUNAR.match(folded, m.start()):
        return None
    if m["fest"] is not None:
        month, day = FESTIVALS[m["fest"]]
        offset, part = 0, None
    elif m["mung"]:
        month, day, offset, part = 1, int(m["n"]), 0, None
    elif before(_AFTER, folded, m.start(), 16):
        month, day, offset, part = 2, 1, -1, "late"  # the last day of tháng Giêng
    else:
        month, day, offset, part = 1, 1, -1, None  # the day before Tết
    year = int(m["y"]) if m["y"] else None
    ref = TimeRef("lunar", year, month, day, part=part, offset=offset)
    if m["canchi"]:
        ref.canchi = m["canchi"]
        if year is not None and _fold_name(year_name(year)) != m["canchi"]:
            message = f"Năm {year} là năm {year_name(year)}, không khớp với tên năm ghi kèm."
            return Atom("invalid", m.start(), m.end(), message=message, code="year-name-mismatch")
    return Atom("time", m.start(), m.end(), [ref])


def _fold_name(name: str) -> str:
    return fold1(name)
