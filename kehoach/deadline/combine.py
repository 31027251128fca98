"""Compose the atoms found in a phrase into one ``Deadline`` reading.

Priority when a phrase holds several kinds of atoms: continuous ("thường xuyên") >
relative ("trong 15 ngày kể từ …") > recurring ("hằng năm") > finite times. What the
chosen reading cannot hold is reported with the warning ``several-deadlines``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kehoach.deadline._text import Prepared
from kehoach.deadline.atoms import Atom, TimeRef, kind_of, ref_window
from kehoach.deadline.calendar import crosses_unannounced
from kehoach.deadline.patterns import APPROX_WORDS, P_APPROX, PRE_DUE, PRE_START, before
from kehoach.deadline.reading import Deadline, Kind, Problem, Recurrence, Relative
from kehoach.deadline.recurring import recurrence
from kehoach.deadline.resolve import shift

_START_WORDS = frozenset({"tu", "dau"})  # "từ", "kể từ", "tính từ", "bắt đầu"
_DUE_WORDS = frozenset({"truoc", "cham", "muon", "han", "het"})
_UNANNOUNCED = (
    "Số ngày làm việc tính qua kỳ nghỉ Tết chưa được công bố (từ năm {}): ngày nghỉ được "
    "ước tính theo quy tắc các năm trước, nên hạn có thể lệch khi Chính phủ công bố lịch nghỉ."
)
_SEVERAL = (
    "Cụm từ chứa nhiều thời hạn khác nhau; nên tách nhiệm vụ thành các nhiệm vụ riêng, "
    "mỗi nhiệm vụ một thời hạn."
)


@dataclass
class Context:
    """What a reading is built from: the phrase, its prepared text, reference and problems."""

    phrase: str
    prep: Prepared
    reference: date | None
    problems: list[Problem] = field(default_factory=list)
    explained: list[tuple[int, int]] = field(default_factory=list)  # spans of ``prep.clean``

    def problem(self, code: str, message: str) -> None:
        """Report ``code`` once; its severity is the code registry's."""
        problem = Problem.of(code, message)
        if problem not in self.problems:
            self.problems.append(problem)

    def text(self, atom: Atom) -> str:
        return self.prep.clean[atom.start : atom.end]

    def make(
        self,
        kind: Kind,
        start: date | None,
        occurrences: tuple[date, ...],
        used: list[Atom],
        *,
        recurrence: Recurrence | None = None,
        relative: Relative | None = None,
        guess: bool = False,
    ) -> Deadline:
        approximate = inferred = False
        span = None
        if used:
            first, last = used[0].start, used[0].end
            for atom in used:
                first, last = min(first, atom.start), max(last, atom.end)
                for ref in atom.refs:
                    approximate = approximate or ref.part is not None
                    inferred = inferred or ref.inferred
            if not approximate and not self.prep.words.isdisjoint(APPROX_WORDS):
                approximate = P_APPROX.search(self.prep.folded) is not None
            span = self.prep.span(first, last)
        return Deadline(
            self.phrase,
            kind,
            start,
            occurrences,
            recurrence,
            relative,
            approximate,
            inferred,
            guess,
            tuple(self.problems),
            span,
            self.reference if inferred else None,
            tuple(self.prep.span(a, b) for a, b in self.explained),
        )

    def year_missing(self, atom: Atom) -> None:
        self.problem(
            "year-missing",
            f"Thời hạn “{self.text(atom)}” không ghi năm; cần ngày tham chiếu (ngày ban hành "
            "kế hoạch hoặc --as-of) để suy ra năm.",
        )


def compose(atoms: list[Atom], ctx: Context) -> Deadline | None:
    """The reading of the atoms, or None when there is no deadline atom at all."""
    times: list[Atom] = []
    cited: list[Atom] = []
    every: list[Atom] = []
    continuous: list[Atom] = []
    relative: list[Atom] = []
    days: list[Atom] = []
    for atom in atoms:
        kind = atom.kind
        if kind == "time" or kind == "period":
            (cited if atom.cite else times).append(atom)
        elif kind == "every":
            every.append(atom)
        elif kind == "day":
            days.append(atom)
            if atom.every:
                every.append(atom)
        elif kind == "relative":
            relative.append(atom)
        elif kind == "continuous":
            continuous.append(atom)
    times = times or cited
    if continuous:
        return _continuous(continuous, times, ctx)
    if relative:
        return _relative(relative, times, ctx)
    if every:
        return _recurring(every, times, days, ctx)
    if len(times) == 1 and len(times[0].refs) == 1 and _after_start_word(times[0], ctx):
        return _continuous([], times, ctx)  # "thực hiện từ năm 2022": a start, no end
    if times:
        return _finite(times, ctx)
    return None


def _after_start_word(atom: Atom, ctx: Context) -> bool:
    if ctx.prep.words.isdisjoint(_START_WORDS):
        return False
    return before(PRE_START, ctx.prep.folded, atom.start, 20) is not None


def _start_of(atom: Atom, ctx: Context) -> date | None:
    span = ref_window(atom.refs[0])
    if span is None:
        ctx.year_missing(atom)
        return None
    return span[0]


def _continuous(markers: list[Atom], times: list[Atom], ctx: Context) -> Deadline:
    starts = [a for a in times if _after_start_word(a, ctx)] or times
    used = list(markers)
    start = None
    if starts:
        used.append(starts[0])
        start = _start_of(starts[0], ctx)
    if len(times) > 1:
        ctx.problem("several-deadlines", _SEVERAL)
    return ctx.make("continuous", start, (), used)


def _relative(found: list[Atom], times: list[Atom], ctx: Context) -> Deadline:
    atom = found[0]
    anchor = ctx.prep.clean[atom.anchor[0] : atom.anchor[1]] if atom.anchor else ""
    if not anchor:
        ctx.problem("anchor-missing", "Thời hạn tương đối không nêu mốc tính (kể từ ngày nào).")
    if times or len(found) > 1:
        ctx.problem("several-deadlines", _SEVERAL)
    relative = Relative(atom.amount, atom.unit, anchor)  # type: ignore[arg-type]
    if atom.refs:  # the anchor is a date: the deadline is a date too
        ref = atom.refs[0]
        start = date(ref.year, ref.index, ref.day)  # type: ignore[arg-type]
        day = shift(start, relative.amount, relative.unit)
        if relative.unit == "working_days" and crosses_unannounced(start, day):
            ctx.problem("working-days-approximate", _UNANNOUNCED.format(min(start, day).year))
        return ctx.make("date", day, (day,), [atom], relative=relative)
    return ctx.make("relative", None, (), [atom], relative=relative)


def _recurring(markers: list[Atom], times: list[Atom], days: list[Atom], ctx: Context) -> Deadline:
    starts: list[Atom] = []
    day_atoms: list[Atom] = []
    for atom in times:
        is_start = atom.kind == "period" or atom.refs[0].unit == "year"
        (starts if is_start or _after_start_word(atom, ctx) else day_atoms).append(atom)
    found = recurrence({str(a.every) for a in markers}, day_atoms, days)
    if found.bad_day is not None:
        ctx.problem("impossible-date", f"Không có ngày {found.bad_day} trong tháng.")
    if found.several or len(starts) > 1:
        ctx.problem("several-deadlines", _SEVERAL)
    if found.dated:
        ctx.problem("partial", "Ngày trong cụm từ có ghi năm nhưng thời hạn lại lặp lại định kỳ: "
                 "chưa rõ đó là hạn một lần hay hạn hằng kỳ; hãy kiểm tra lại.")
    first = [s for s in (_start_of(a, ctx) for a in starts) if s is not None]
    used = markers + times + days
    return ctx.make("recurring", min(first, default=None), (), used,
                    recurrence=found.recurrence)


def _due_times(times: list[Atom], ctx: Context) -> list[Atom]:
    """Of several times, the ones a deadline word stands before ("Báo cáo 6 tháng đầu năm gửi
    trước ngày 10/7": the half-year names the report, 10/7 is when it is due)."""
    if len(times) < 2 or ctx.prep.words.isdisjoint(_DUE_WORDS):
        return times
    due = [a for a in times if before(PRE_DUE, ctx.prep.folded, a.start, 20)]
    return due if 0 < len(due) < len(times) else times


def _finite(times: list[Atom], ctx: Context) -> Deadline:
    times = _due_times(times, ctx)
    if len(times) == 1 and times[0].kind == "time" and len(times[0].refs) == 1:
        ref = times[0].refs[0]
        span = ref_window(ref)
        if span is not None:  # the common case: one time, its year known
            return ctx.make(kind_of(ref), span[0], (span[1],), times)  # type: ignore[arg-type]
    periods = [a for a in times if a.kind == "period"]
    if periods:
        if len(times) > 1:
            ctx.problem("several-deadlines", _SEVERAL)
        return _period(periods[0], ctx)
    refs: dict[tuple[object, ...], TimeRef] = {}
    for atom in times:
        if any(r.year is None for r in atom.refs):
            ctx.year_missing(atom)
        for ref in atom.refs:
            refs.setdefault((ref.unit, ref.year, ref.index, ref.day, ref.part), ref)
    windows = []
    for ref in refs.values():
        span = ref_window(ref)
        if span is None and ref.year is not None:
            shown = f"{ref.day:02d}/{ref.index:02d}/{ref.year}"
            ctx.problem("impossible-date", f"Ngày {shown} không tồn tại.")
        elif span is not None:
            windows.append(span)
    first = next(iter(refs.values()))
    lasts = tuple(sorted({w[1] for w in windows}))
    single = len(refs) == 1 or len(lasts) == 1
    kind: Kind = kind_of(first) if single else "dates"  # type: ignore[assignment]
    start = min((w[0] for w in windows), default=None)
    return ctx.make(kind, start, lasts, times)


def _period(atom: Atom, ctx: Context) -> Deadline:
    first, last = ref_window(atom.refs[0]), ref_window(atom.refs[1])
    if first is None or last is None:
        if atom.refs[0].year is None or atom.refs[1].year is None:
            ctx.year_missing(atom)
        return ctx.make("period", None, (), [atom])
    if first[0] > last[1]:
        ctx.problem(
            "period-reversed",
            f"Giai đoạn bắt đầu ngày {first[0]:%d/%m/%Y}, sau ngày kết thúc {last[1]:%d/%m/%Y}.",
        )
    return ctx.make("period", first[0], (last[1],), [atom])
