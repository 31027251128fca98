"""What a page lists about a task for one body: one ``Entry`` per (task, body, role).

The tracking engine gives one row per occurrence; a yearly task over a five-year plan has five
and a monthly one sixty. A web page lists tasks, so the rows of one task for one body and role
become one entry shown by its most pressing occurrence — the oldest overdue one, else the next
one due, else the last one done — with how many occurrences are overdue beside it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from kehoach.tracking.obligations import (
    DONE_LATE,
    DONE_ON_TIME,
    LEAD,
    NO_DEADLINE,
    OPEN,
    OVERDUE,
    STATUSES,
    Obligation,
)
from kehoach.tracking.summary import SummaryKey

STATUS_INDEX = {status: i for i, status in enumerate(STATUSES)}
SHORT_VI = {
    DONE_ON_TIME: "Hoàn thành đúng hạn",
    DONE_LATE: "Hoàn thành quá hạn",
    OPEN: "Trong hạn",
    OVERDUE: "Quá hạn",
    NO_DEADLINE: "Không có thời hạn",
}
"""The status as a badge says it; the table's full wording is ``obligations.STATUS_VI``."""


@dataclass(frozen=True, slots=True)
class Entry:
    """A task for one body and role, shown by its most pressing occurrence."""

    task_id: str
    agency: str
    original_agency: str | None  # the body first assigned, when a successor holds it now
    role: str
    status: str
    due: dt.date | None
    approximate: bool
    days_overdue: int | None
    days_left: int | None
    overdue_count: int  # occurrences overdue
    occurrences: int
    deadline: str | None  # the phrase in force

    def as_list(self, plan: int, task: int, agency: int | str = -1,
                original: int | str = -1) -> list[object]:
        """The compact form the data files carry (see ``templates/site/site.js``): the plan's
        and the task's index, role, status, due day (days since 1970), days overdue or left,
        then what is usually its default and left off — approximate (0), occurrences overdue
        (0), occurrences (1), the body's index (-1: the agency whose page it is; its id when
        the registry lacks it), the index of the body first assigned when a successor holds
        the task now (-1: none). A site holds three entries per task or more: every byte
        counts thrice. (Which group a member leads a task through is the task's, in its plan's
        data file: ``views.plan_data``.)"""
        days = self.days_overdue if self.status == OVERDUE else self.days_left
        out: list[object] = [plan, task, 0 if self.role == LEAD else 1,
                             STATUS_INDEX[self.status], day_number(self.due), days,
                             int(self.approximate), self.overdue_count, self.occurrences, agency,
                             original]
        while len(out) > 6 and out[-1] == _DEFAULTS[len(out) - 7]:
            out.pop()
        return out


_DEFAULTS = (0, 0, 1, -1, -1)
_EPOCH = dt.date(1970, 1, 1)


def day_number(day: dt.date | None) -> int | None:
    """Days since 1 January 1970 (what JavaScript's ``Date`` counts in, by 86,400,000 ms)."""
    return None if day is None else (day - _EPOCH).days


def iso(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else ""


class Shown(Protocol):
    """What picking an entry's occurrence reads: an ``Obligation``, or a coordinator's
    occurrence (``site.coordinators``)."""

    @property
    def status(self) -> str: ...
    @property
    def due(self) -> dt.date | None: ...
    @property
    def days_overdue(self) -> int | None: ...
    @property
    def completed(self) -> dt.date | None: ...


S = TypeVar("S", bound=Shown)


def pick(rows: list[S]) -> S:
    """The occurrence an entry is shown by: the oldest overdue, else the next due, else the
    last done, else the first."""
    overdue = [r for r in rows if r.status == OVERDUE]
    if overdue:
        return max(overdue, key=lambda r: r.days_overdue or 0)
    pending = [r for r in rows if r.status == OPEN and r.due is not None]
    if pending:
        return min(pending, key=lambda r: r.due or dt.date.max)
    done = [r for r in rows if r.completed is not None]
    if done:
        return max(done, key=lambda r: r.due or dt.date.min)
    return rows[0]


def entries(rows: Iterable[Obligation]) -> list[Entry]:
    """One entry per (task, body, role), in the order the rows came (document order)."""
    groups: dict[tuple[str, str, str], list[Obligation]] = {}
    for row in rows:
        groups.setdefault((row.task_id, row.agency, row.role), []).append(row)
    out = []
    for (task_id, agency, role), group in groups.items():
        shown = pick(group)
        out.append(Entry(task_id, agency, shown.original_agency, role, shown.status, shown.due,
                         shown.approximate, shown.days_overdue, shown.days_left,
                         sum(r.status == OVERDUE for r in group), len(group), shown.deadline))
    return out


def grid_counts(rows: Iterable[Obligation], as_of: dt.date) -> Counter[SummaryKey]:
    """One plan's share of the grid, as ``tracking.summary.summary_merge`` takes it: lead
    rows only (coordinators complete nothing)."""
    return Counter((r.agency, r.agency_name, r.status, r.due is not None and r.due <= as_of)
                   for r in rows if r.role == LEAD)


def task_status(entries_of_task: list[Entry]) -> Entry | None:
    """The lead entry that speaks for a task in its plan's page: the most pressing one."""
    leads = [e for e in entries_of_task if e.role == LEAD]
    if not leads:
        return None
    order = {OVERDUE: 0, OPEN: 1, DONE_LATE: 2, DONE_ON_TIME: 3, NO_DEADLINE: 4}
    return min(leads, key=lambda e: (order[e.status], -(e.days_overdue or 0),
                                     e.due or dt.date.max))
