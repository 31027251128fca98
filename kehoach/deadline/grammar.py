"""Read a Vietnamese deadline phrase (thời hạn) into a ``Deadline``.

Pipeline: prepare the text (NFC, markup out, fold) → extract atoms with the patterns →
check them (impossible dates, contradicting weekdays, cited documents) → link them
(a year shared by a list, "từ … đến …" ranges) → infer missing years from the
reference date → compose the reading → dateparser fallback for unknown forms with
digits. See docs/deadlines.md for the rules with examples.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from kehoach.deadline._text import MAX_CHARS, prepare
from kehoach.deadline.atoms import Atom, TimeRef, infer_year, ref_window
from kehoach.deadline.calendar import WEEKDAYS_VI, weekday_vi
from kehoach.deadline.combine import Context, compose
from kehoach.deadline.coverage import documents, unexplained
from kehoach.deadline.extract import extract
from kehoach.deadline.patterns import (
    P_DOCNUM,
    POST_WEEKDAY,
    PRE_CITE,
    PRE_WEEKDAY,
    before,
    weekday_index,
)
from kehoach.deadline.reading import Deadline, Problem

_GAP_LIST = re.compile(
    r"[ ,;&()\-]*(?:(?:va|hoac|den|toi|cho|het|tu|du kien|ngay)[ ,;&()\-]*){0,4}"
)
_GAP_RANGE = re.compile(r" ?,? ?(?:den(?: het)?|toi|cho den|-) ?(?:het )?(?:ngay )?")
_MAX_GAP = 40
CACHE_SIZE = 4096
# dateparser is slow on long text; longer phrases get no fallback reading.
FALLBACK_MAX_CHARS = 300
_HAS_DIGIT = re.compile(r"[0-9]")


def read_deadline(text: str, reference: date | None = None) -> Deadline:
    """Read the deadline in ``text`` (a phrase or a whole sentence). Never raises.

    ``reference`` (the plan's date of issue, or --as-of) gives the year of a date
    written without one: the first such day on or after ``reference``.

    Readings are memoised (``CACHE_SIZE`` phrases; a ``Deadline`` is immutable, so it
    is safe to share): plans repeat phrases such as "Thường xuyên" or "Hằng năm".
    ``clear_cache()`` empties the memo, e.g. for a benchmark of the reader itself.
    """
    try:
        if isinstance(reference, datetime):
            reference = reference.date()
        if isinstance(text, str):
            return _read_cached(text, reference)
        return _read(text, reference)
    except Exception as exc:  # the reader never raises: errors are data
        phrase = text if isinstance(text, str) else repr(text)
        message = (
            f"Lỗi nội bộ khi đọc thời hạn ({type(exc).__name__}); hãy báo cho nhóm phát triển."
        )
        problem = Problem.of("internal-error", message)
        return Deadline(phrase, "unknown", None, (), problems=(problem,))


@lru_cache(maxsize=CACHE_SIZE)
def _read_cached(text: str, reference: date | None) -> Deadline:
    return _read(text, reference)


def clear_cache() -> None:
    """Forget the memoised readings."""
    _read_cached.cache_clear()


def _read(text: str, reference: date | None) -> Deadline:
    prep = prepare(text)
    ctx = Context(text, prep, reference)
    if prep.truncated:
        ctx.problem(
            "input-truncated",
            f"Văn bản quá dài; chỉ đọc {MAX_CHARS:,} ký tự đầu.".replace(",", "."),
        )
    found = extract(prep.folded, prep.words)
    ctx.explained = [(a.start, a.end) for a in found]
    gaps = unexplained(prep.folded, ctx.explained) if found else []
    ctx.explained += documents(prep.folded)
    if gaps:
        shown = ", ".join(f"“{prep.clean[a:b]}”" for a, b in gaps[:3])
        ctx.problem("partial", f"Chưa hiểu {shown} trong cụm từ: thời hạn đọc được có thể chưa "
                 "đủ hoặc chưa đúng; hãy kiểm tra lại.")
    atoms = _check(found, ctx)
    atoms = _narrow(_link(atoms, prep.folded), prep.folded)
    if reference is not None:
        _infer(atoms, reference)
    reading = compose(atoms, ctx)
    if reading is not None:
        return reading
    if ctx.problems and any(p.severity == "error" for p in ctx.problems):
        return ctx.make("unknown", None, (), [])
    if len(prep.clean) <= FALLBACK_MAX_CHARS and _HAS_DIGIT.search(prep.folded):
        guessed = _guess(ctx)
        if guessed is not None:
            return guessed
    if prep.clean:
        ctx.problem("unrecognized", "Không đọc được thời hạn trong cụm từ này.")
    else:
        ctx.problem("empty", "Chưa ghi thời hạn.")
    return ctx.make("unknown", None, (), [])


def _check(atoms: list[Atom], ctx: Context) -> list[Atom]:
    """Turn impossible dates into errors, check weekdays, mark dates of cited documents."""
    folded = ctx.prep.folded
    weekdays = "thu" in folded or "cn" in folded or "chu nhat" in folded
    cites = P_DOCNUM.search(folded) is not None
    kept: list[Atom] = []
    for atom in atoms:
        if atom.kind == "invalid":
            ctx.problem(atom.code, atom.message)
            continue
        if atom.kind == "time":
            if any(r.unit == "lunar" and r.part == "late" for r in atom.refs):
                ctx.problem("partial", "“Sau Tết” không nêu ngày cụ thể: tạm lấy hết tháng Giêng "
                            "âm lịch làm hạn (dự kiến); hãy kiểm tra lại.")
            if weekdays:
                _check_weekday(atom, ctx)
            if cites:
                atom.cite = before(PRE_CITE, folded, atom.start, 40) is not None
        kept.append(atom)
    return kept


def _check_weekday(atom: Atom, ctx: Context) -> None:
    ref = atom.refs[0]
    if len(atom.refs) != 1 or ref.unit != "date" or ref.year is None:
        return
    folded = ctx.prep.folded
    words = []
    after = POST_WEEKDAY.match(folded, atom.end)
    if after:
        words.append(after["w1"] or after["w2"])
        atom.end = after.end()
    ahead = before(PRE_WEEKDAY, folded, atom.start, 20)
    if ahead:
        words.append(ahead["w"])
    day = date(ref.year, ref.index, ref.day)
    for word in words:
        said = weekday_index(word)
        if said != day.weekday():
            message = f"ngày {day:%d/%m/%Y} là {weekday_vi(day)}, không phải {WEEKDAYS_VI[said]}"
            ctx.problem("weekday-mismatch", message)


def _link(atoms: list[Atom], folded: str) -> list[Atom]:
    """Share a year written once at the end of a list; merge "từ A đến B" into a period."""
    times = [a for a in atoms if a.kind in ("time", "period")]
    if len(times) < 2:
        return atoms
    for left, right in zip(reversed(times[:-1]), reversed(times[1:]), strict=True):
        gap = folded[left.end : right.start]
        year = next((r.year for r in right.refs if r.year is not None), None)
        if year is not None and len(gap) <= _MAX_GAP and _GAP_LIST.fullmatch(gap):
            for ref in left.refs:
                if ref.year is None:
                    ref.year, ref.shared = year, True
    merged: list[Atom] = []
    for atom in atoms:
        prev = merged[-1] if merged else None
        if prev is not None and _is_range(prev, atom, folded):
            merged[-1] = Atom("period", prev.start, atom.end, [prev.refs[0], atom.refs[0]])
            _fix_range_year(prev.refs[0], atom.refs[0])
        else:
            merged.append(atom)
    return merged


_PAREN = re.compile(r" ?[(\[] ?(?:du kien |tuc |la )?")


def _narrow(atoms: list[Atom], folded: str) -> list[Atom]:
    """A time that a bracket after it narrows ("năm 2024 (tháng 3/2024)") is the narrower."""
    out: list[Atom] = []
    for atom in atoms:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == atom.kind == "time"
                and len(prev.refs) == len(atom.refs) == 1
                and _PAREN.fullmatch(folded, prev.end, atom.start)):
            outer, inner = ref_window(prev.refs[0]), ref_window(atom.refs[0])
            if outer and inner and outer[0] <= inner[0] and inner[1] <= outer[1]:
                out[-1] = atom
                continue
        out.append(atom)
    return out


def _is_range(left: Atom, right: Atom, folded: str) -> bool:
    singles = left.kind == right.kind == "time" and len(left.refs) == len(right.refs) == 1
    gap = folded[left.end : right.start]
    return singles and len(gap) <= _MAX_GAP and _GAP_RANGE.fullmatch(gap) is not None


def _fix_range_year(first: TimeRef, last: TimeRef) -> None:
    """A year shared by a reversed range is the year before ("từ tháng 11 đến tháng 2/2024")."""
    if first.year is None or first.year != last.year or not (first.shared or first.inferred):
        return
    a, b = ref_window(first), ref_window(last)
    if a is not None and b is not None and a[0] > b[1]:
        first.year -= 1


def _infer(atoms: list[Atom], reference: date) -> None:
    for atom in atoms:
        if atom.kind == "period" and atom.refs[0].year is None and atom.refs[1].year is None:
            first, last = atom.refs
            if infer_year(last, reference):
                first.year, first.inferred = last.year, True
                _fix_range_year(first, last)
            continue
        if atom.kind in ("time", "period"):
            for ref in atom.refs:
                if ref.year is None:
                    infer_year(ref, reference)


def _guess(ctx: Context) -> Deadline | None:
    from kehoach.deadline.fallback import guess_date

    found = guess_date(ctx.prep.clean, ctx.reference)
    if found is None:
        return None
    day, matched = found
    at = ctx.prep.clean.find(matched)
    ctx.problem(
        "guessed",
        "Thời hạn được đọc theo phỏng đoán (dateparser); nên viết theo mẫu chuẩn, "
        "ví dụ “trước ngày 20/6/2023”.",
    )
    atom = Atom("time", max(at, 0), max(at, 0) + len(matched) if at >= 0 else 0)
    atom.refs.append(TimeRef("date", day.year, day.month, day.day))
    return ctx.make("date", day, (day,), [atom], guess=True)
