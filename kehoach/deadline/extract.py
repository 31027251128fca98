"""Find the atoms of a folded phrase: each pattern's matches turned into ``Atom``s."""

from __future__ import annotations

import re
from collections.abc import Callable

from kehoach.deadline import patterns as p
from kehoach.deadline.atoms import Atom, TimeRef
from kehoach.deadline.calendar import valid_date
from kehoach.deadline.festivals import P_LUNAR, lunar_atom
from kehoach.deadline.occasions import (
    anchor_date,
    before_event,
    months_of_year,
    named_month,
    summer,
    unit_of,
)

_PARTS = {"dau": "early", "giua": "mid", "cuoi": "late", "thuong tuan": "early",
          "trung tuan": "mid", "ha tuan": "late"}
_NUMBERY = frozenset("0123456789./-")
_NUMBERY_COMMA = _NUMBERY | {","}


def _int(m: re.Match[str], name: str) -> int | None:
    value = m.groupdict().get(name)
    return int(value) if value else None


def _free(folded: str, at: int, chars: frozenset[str] | None = None) -> bool:
    """True when the character before ``at`` does not glue to a match starting there."""
    if at == 0:
        return True
    prev = folded[at - 1]
    return prev not in chars if chars is not None else not (prev.isalnum())


def _sole_digits(folded: str, start: int, end: int) -> bool:
    return all(start <= d.start() and d.end() <= end for d in p.DIGITS.finditer(folded))


def _with_prefix(folded: str, m: re.Match[str], pre: re.Pattern[str]) -> int:
    found = p.before(pre, folded, m.start())
    return found.start() if found else m.start()


def _next_year(atom: Atom, folded: str) -> Atom:
    """A yearless day "… năm sau" (of a reporting year) falls in the year after."""
    if atom.kind != "time" or atom.refs[0].year is not None:
        return atom
    found = p.POST_NEXT_YEAR.match(folded, atom.end)
    if found:
        atom.refs[0].next_year, atom.end = True, found.end()
    elif now := p.POST_THIS_YEAR.match(folded, atom.end):
        atom.refs[0].this_year, atom.end = True, now.end()
    return atom


def _day_range(m: re.Match[str], folded: str) -> Atom | None:
    first, last, month = int(m["d1"]), int(m["d2"]), int(m["m"])
    year = _int(m, "y")
    if not (valid_date(2000 if year is None else year, month, first) and first < last
            and valid_date(2000 if year is None else year, month, last)):
        return None
    refs = [TimeRef("date", year, month, first), TimeRef("date", year, month, last)]
    return Atom("period", m.start(), m.end(), refs)


def _hours(folded: str, start: int, end: int) -> tuple[int, int]:
    """Widen a date's span over a time of day written with it ("trước 17 giờ ngày …")."""
    hour = p.before(p.PRE_HOUR, folded, start, 24)
    after = p.POST_HOUR.match(folded, end)
    return (hour.start() if hour else start, after.end() if after else end)


def _date_atom(start: int, end: int, day: int, month: int, year: int | None,
               folded: str = "") -> Atom:
    if folded and ("h" in folded or "gio" in folded):
        start, end = _hours(folded, start, end)
    if valid_date(2000 if year is None else year, month, day):
        atom = Atom("time", start, end, [TimeRef("date", year, month, day)])
        return _next_year(atom, folded) if year is None and folded else atom
    shown = f"{day:02d}/{month:02d}" + ("" if year is None else f"/{year}")
    why = (
        f"không có tháng {month}" if not 1 <= month <= 12 else f"tháng {month} không có ngày {day}"
    )
    return Atom("invalid", start, end, message=f"Ngày {shown} không tồn tại: {why}.")


def _numdate(m: re.Match[str], folded: str) -> Atom | None:
    if m["my"]:
        return _month_year(m, folded)
    if not _free(folded, m.start(), _NUMBERY_COMMA):
        return None
    day = p.before(p.PRE_DAY, folded, m.start(), 6)
    start = day.start() if day else m.start()
    if m["y"]:
        return _date_atom(start, m.end(), int(m["d"]), int(m["m"]), int(m["y"]), folded)
    if m["s"] == "." and not day:
        return None
    context = (
        day
        or p.before(p.PRE_DM_CONTEXT, folded, m.start(), 16)
        or p.POST_DM_CONTEXT.match(folded, m.end())
        or _sole_digits(folded, m.start(), m.end())
    )
    if not context:
        return None
    return _date_atom(start, m.end(), int(m["d"]), int(m["m"]), None, folded)


def _text_date(m: re.Match[str], folded: str) -> Atom | None:
    if not _free(folded, m.start(), _NUMBERY):
        return None
    day = p.before(p.PRE_DAY, folded, m.start(), 6)
    if not day and not m["ty"]:
        return None
    month = p.MONTH_WORDS.get(m["tm"]) or int(m["tm"])
    start = day.start() if day else m.start()
    return _date_atom(start, m.end(), int(m["d"]), month, _int(m, "ty"), folded)


def _number(m: re.Match[str], folded: str) -> Atom | None:
    if m["y1"]:
        return _year_first(m, folded)
    return _numdate(m, folded) if m["s"] else _text_date(m, folded)


def _listed(m: re.Match[str], folded: str, unit: str, values: list[int]) -> Atom:
    part = p.before(p.PRE_PART, folded, m.start(), 14)
    refs = [TimeRef(unit, _int(m, "y"), v) for v in values]
    refs[0].part = _PARTS.get(part["part"]) if part else None
    start = part.start() if part else m.start()
    week = p.before(p.PRE_WEEK, folded, m.start(), 20) if unit == "month" else None
    if week and len(values) == 1:
        refs[0].part, start = p.WEEK_PARTS[week["w"]], week.start()
    is_range = len(values) == 2 and "-" in m["list"]
    return Atom("period" if is_range else "time", start, m.end(), refs)


def _month(m: re.Match[str], folded: str) -> Atom | None:
    values = [int(v) for v in p.LIST_SEP.split(m["list"]) if v]
    bad = [v for v in values if not 1 <= v <= 12]
    if bad:
        return Atom("invalid", m.start(), m.end(), message=f"Không có tháng {bad[0]} trong năm.")
    return _listed(m, folded, "month", values)


def _month_year(m: re.Match[str], folded: str) -> Atom | None:
    month, start = int(m["d"]), m.start()
    if folded.endswith(("thang ", "thang"), 0, start):  # P_MONTH reads "tháng 3/2022"
        return None
    if m["s"] != "/" or not 1 <= month <= 12 or not _free(folded, start, _NUMBERY):
        return None
    if folded[max(0, start - 3) : start].strip().endswith("so"):  # "số 12/2023": a number
        return None
    return Atom("time", start, m.end(), [TimeRef("month", int(m["my"]), month)])


def _quarter(m: re.Match[str], folded: str) -> Atom | None:
    if m["bad"]:
        message = f"Không có quý {m['bad']} (chỉ có quý I–IV)."
        return Atom("invalid", m.start(), m.end(), message=message)
    if m["qn"]:
        ref = TimeRef("quarter", int(m["qy"]), int(m["qn"]))
        return Atom("time", m.start(), m.end(), [ref])
    values = [p.ROMAN_VALUE[v] for v in p.LIST_SEP.split(m["list"]) if v]
    return _listed(m, folded, "quarter", values)


def _half(m: re.Match[str], folded: str) -> Atom | None:
    if not _free(folded, m.start()):
        return None
    ref = TimeRef("half_year", _int(m, "y"), 1 if m["h"] == "dau" else 2)
    return Atom("time", m.start(), m.end(), [ref])


def _year(m: re.Match[str], folded: str) -> Atom | None:
    if not m["y"]:
        return _year_now(m, folded)
    part = p.before(p.PRE_PART, folded, m.start(), 8)
    ref = TimeRef("year", int(m["y"]), part=_PARTS.get(part["part"]) if part else None)
    refs, end = [ref], m.end()
    while more := p.POST_YEAR_LIST.match(folded, end):  # "các năm 2010 và 2011"
        refs.append(TimeRef("year", int(more["y"])))
        end = more.end()
    return Atom("time", part.start() if part else m.start(), end, refs)


def _year_now(m: re.Match[str], folded: str) -> Atom | None:
    pre = p.before(p.PRE_YEAR_NOW, folded, m.start(), 8)
    if not pre and not m["nay"]:
        return None
    ref = TimeRef("year", None, part=_PARTS.get(pre["part"]) if pre else None)
    return Atom("time", pre.start() if pre else m.start(), m.end(), [ref])


def _year_first(m: re.Match[str], folded: str) -> Atom | None:
    """An ISO date, a range of years ("2021-2025") or a bare year (when the only number)."""
    start, end = m.start(), m.end()
    if not _free(folded, start, _NUMBERY):
        return None
    year = int(m["y1"])
    if m["im"]:
        return _date_atom(start, end, int(m["id"]), int(m["im"]), year)
    if m["y2"]:
        school = p.before(p.PRE_SCHOOL, folded, start, 10)
        if school:  # a school year: September to May (docs/deadlines.md)
            refs = [TimeRef("month", year, 9), TimeRef("month", int(m["y2"]), 5)]
            return Atom("period", school.start(), end, refs)
        refs = [TimeRef("year", year), TimeRef("year", int(m["y2"]))]
        return Atom("period", _with_prefix(folded, m, p.PRE_RANGE), end, refs)
    if folded.endswith(("nam ", "nam"), 0, start) or not _sole_digits(folded, start, end):
        return None  # P_YEAR reads "năm 2024"
    return Atom("time", start, end, [TimeRef("year", year)])


def _relative(m: re.Match[str], folded: str) -> Atom | None:
    if not _free(folded, m.start()):
        return None
    if m["anchor"] is None and p.POST_NOT_RELATIVE.match(folded, m.end()):
        return None  # "trong 6 tháng đầu năm", "chậm nhất 1 tháng 1 năm 2000"
    unit, factor = unit_of(m["unit"], bool(m["wd"]))
    atom = Atom("relative", m.start(), m.end(), amount=int(m["n"]) * factor, unit=unit)
    if m["anchor"] is not None:
        start = m.start("anchor")
        cut = p.ANCHOR_CUT.search(folded, start, m.end("anchor"))
        end = cut.start() if cut else m.end("anchor")
        atom.anchor = (start, start + len(folded[start:end].rstrip()))
        atom.end = atom.anchor[1]
        anchor_date(atom, folded)
    return atom


def _day(m: re.Match[str], folded: str) -> Atom | None:
    if not _free(folded, m.start()):
        return None
    every = "quarter" if m["q"] else "quarter_next" if m["qn"] else None
    return Atom("day", m.start(), m.end(), day=int(m["d"]), every=every)


_UNITS = {"nam": "year", "quy": "quarter", "thang": "month"}


def _marker(m: re.Match[str], folded: str) -> Atom | None:
    if not _free(folded, m.start()):
        return None
    if m["cont"]:
        return Atom("continuous", m.start(), m.end())
    months = m["n"] or m["n2"]
    if months or m["half"]:
        every = p.CYCLE_MONTHS[months.lstrip("0")] if months else "half_year"
        return Atom("every", m.start(), m.end(), every=every)
    return Atom("every", m.start(), m.end(), every=_UNITS[m["u"] or m["u2"] or "nam"])


Handler = Callable[[re.Match[str], str], Atom | None]


def _any(*words: str) -> frozenset[str]:
    return frozenset(words)


# (pattern, handler, needs a digit, gates): a pattern runs only when the text has a word
# of each gate — this skips patterns that cannot match and keeps the reader fast.
_RULES: tuple[tuple[re.Pattern[str], Handler, bool, tuple[frozenset[str], ...]], ...] = (
    (p.P_NUMBER, _number, True, ()),
    (p.P_MONTH, _month, True, (_any("thang"),)),
    (p.P_QUARTER, _quarter, False, (_any("quy", "qui", "q"),)),
    (p.P_HALF, _half, False, (_any("thang", "nua"), _any("dau", "cuoi"))),
    (p.P_YEAR, _year, False, (_any("nam"),)),
    (p.P_RELATIVE, _relative, True, (_any("trong", "sau", "cham", "khong", "toi", "muon"),)),
    (p.P_DAY, _day, True, (_any("ngay", "mung"), _any("hang", "moi", "quy", "lan"))),
    (p.P_MARKER, _marker, False,
     (_any("hang", "moi", "lan", "cac", "nhung", "thuong", "lien", "dinh", "nua"),)),
    (P_LUNAR, lunar_atom, False, (_any("tet", "trung", "doan", "tieu", "ram", "vuong", "lan"),)),
    (p.P_SUMMER, summer, True, (_any("he"),)),
    (p.P_MONTHS_OF_YEAR, months_of_year, False, (_any("thang"), _any("dau", "cuoi"))),
    (p.P_DAY_RANGE, _day_range, True, (_any("ngay"),)),
    (p.P_NAMED_MONTH, named_month, False, (_any("thang"), _any("nien", "dao", "em", "nhan"))),
    (p.P_BEFORE_EVENT, before_event, True, (_any("truoc", "som"),)),
)


def extract(folded: str, words: set[str]) -> list[Atom]:
    """All atoms of ``folded`` (whose words are ``words``), overlaps resolved: earliest
    start first, then longest."""
    found: list[Atom] = []
    digits = p.DIGITS.search(folded) is not None
    for pattern, handler, needs_digit, gates in _RULES:
        if needs_digit and not digits:
            continue
        if gates and (
            words.isdisjoint(gates[0]) or (len(gates) > 1 and words.isdisjoint(gates[1]))
        ):
            continue
        for match in pattern.finditer(folded):
            atom = handler(match, folded)
            if atom is not None:
                found.append(atom)
    if len(found) < 2:
        return found
    found.sort(key=lambda a: (a.start, a.start - a.end))
    kept: list[Atom] = []
    last_end = 0
    for atom in found:
        if atom.start >= last_end:
            kept.append(atom)
            last_end = atom.end
    return kept
