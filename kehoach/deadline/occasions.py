"""Times named by what happens in them, and deadlines counted back from an event.

"dịp hè 2024" (the summer holidays: June to August, approximate), "Tháng Thanh niên năm
2024" (a month named for a campaign), "15 ngày trước ngày tổ chức" (a relative deadline with
a negative amount: due before the event), and the date an anchor names ("trong 10 ngày làm
việc kể từ ngày 02/02/2027"), which makes a relative deadline a date.
"""

from __future__ import annotations

import re

from kehoach.deadline import patterns as p
from kehoach.deadline.atoms import Atom, TimeRef
from kehoach.deadline.calendar import valid_date

_REL_UNITS = {"ngay": ("days", 1), "tuan": ("days", 7), "thang": ("months", 1)}
_ANCHOR_DATE = re.compile(
    rf"(?<![0-9])(?P<d>[0-9]{{1,2}}) ?(?:[/.\-]|thang) ?(?P<m>[0-9]{{1,2}}) ?"
    rf"(?:[/.\-]|,? ?nam) ?(?P<y>{p.Y})(?![0-9])"
)


def summer(m: re.Match[str], folded: str) -> Atom | None:
    year = int(m["y"])
    refs = [TimeRef("month", year, 6, part="season"), TimeRef("month", year, 8)]
    return Atom("period", m.start(), m.end(), refs)


def named_month(m: re.Match[str], folded: str) -> Atom | None:
    ref = TimeRef("month", int(m["y"]) if m["y"] else None, p.NAMED_MONTHS[m["name"]])
    return Atom("time", m.start(), m.end(), [ref])


def months_of_year(m: re.Match[str], folded: str) -> Atom | None:
    count = p.NUMBER_WORDS.get(m["n"]) or int(m["n"])
    if not 1 <= count <= 11 or count == 6:  # six months: a half-year (P_HALF)
        return None
    year = int(m["y"]) if m["y"] else None
    first, last = (1, count) if m["h"] == "dau" else (13 - count, 12)
    return Atom("period", m.start(), m.end(), [TimeRef("month", year, first),
                                               TimeRef("month", year, last)])


def unit_of(words: str, working: bool) -> tuple[str, int]:
    """The unit and factor of "ngày", "ngày làm việc", "tuần", "tháng", "năm"."""
    if words == "ngay lam viec" or working:
        return "working_days", 1
    return _REL_UNITS.get(words, ("months", 12))


def before_event(m: re.Match[str], folded: str) -> Atom | None:
    if m.start() and folded[m.start() - 1].isalnum():
        return None
    unit, factor = unit_of(m["unit"], bool(m["wd"]))
    atom = Atom("relative", m.start(), m.end(), amount=-int(m["n"]) * factor, unit=unit)
    start = m.start("anchor")
    atom.anchor = (start, start + len(m["anchor"].rstrip()))
    atom.end = atom.anchor[1]
    anchor_date(atom, folded)
    return atom


def anchor_date(atom: Atom, folded: str) -> None:
    """Give a relative atom the date its anchor names, if it names a whole one."""
    if atom.anchor is None:
        return
    found = _ANCHOR_DATE.search(folded, *atom.anchor)
    if found is None:
        return
    day, month, year = int(found["d"]), int(found["m"]), int(found["y"])
    if valid_date(year, month, day):
        atom.refs.append(TimeRef("date", year, month, day))
