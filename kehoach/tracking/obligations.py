"""The status engine: every task occurrence × assignee of a plan, classified as of a day.

One ``Obligation`` row per (task, occurrence, assignee, role). Lead rows (``chu_tri``) are the
obligations: a listed group expands to its members, each completing separately; an open group
is one assignee. Coordinator rows (``phoi_hop``) name each coordinating body as written (groups
not expanded) and mirror the lead rows of the same occurrence: done when every lead assignee is
done (on the latest completion date), otherwise open or overdue by the same due date. Status is
always derived from ``hoan_thanh`` and ``gia_han``; see docs/tracking.md for the rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # a warm query reads rows from the cache: it needs none of these
    from kehoach.deadline import Deadline
    from kehoach.plan.model import Completion, Extension, Plan, Task
    from kehoach.plan.registry import Registry
    from kehoach.plan.walk import TaskRef
    from kehoach.tracking.schedule import Occurrence, Schedule

DONE_ON_TIME = "hoan_thanh_dung_han"
DONE_LATE = "hoan_thanh_qua_han"
OPEN = "chua_hoan_thanh_trong_han"
OVERDUE = "chua_hoan_thanh_qua_han"
NO_DEADLINE = "khong_co_thoi_han"
STATUSES = (DONE_ON_TIME, DONE_LATE, OPEN, OVERDUE, NO_DEADLINE)
STATUS_VI = {
    DONE_ON_TIME: "Hoàn thành đúng hạn",
    DONE_LATE: "Hoàn thành quá hạn",
    OPEN: "Chưa hoàn thành, trong hạn",
    OVERDUE: "Chưa hoàn thành, quá hạn",
    NO_DEADLINE: "Không có thời hạn",
}
LEAD = "chu_tri"
COORDINATE = "phoi_hop"
ROLE_VI = {LEAD: "Chủ trì", COORDINATE: "Phối hợp"}



def deadline_failure(reading: Deadline) -> str | None:
    """Why a phrase gives no usable deadline (Vietnamese), or None when it was read."""
    if reading.errors:
        return " ".join(p.message for p in reading.errors)
    if reading.kind == "unknown":
        said = " ".join(p.message for p in reading.warnings)
        return said or f"Không đọc được thời hạn “{reading.phrase}”."
    return None


# --- rows --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Obligation:
    """One occurrence of one task for one assignee, classified as of ``as_of``."""

    plan: str  # the plan file as displayed
    so_ky_hieu: str | None
    task_id: str
    agency: str  # the body that holds the obligation (after successors)
    agency_name: str
    original_agency: str | None  # the body first assigned, when a successor now holds it
    role: str  # LEAD or COORDINATE
    occurrence: str  # the original due day, "2023-11-15"; "" (no due date)
    due: dt.date | None  # the last on-time day in force
    original_due: dt.date | None  # before any extension
    approximate: bool
    status: str
    days_late: int | None  # done rows: completion − due (0 when on time)
    days_overdue: int | None  # open dated rows: as_of − due (0 while in time)
    days_left: int | None  # open rows in time: due − as_of
    completed: dt.date | None
    completion: Completion | None  # lead rows only
    deadline: str | None  # the phrase in force (latest extension, else the original)
    original_deadline: str | None
    extension: Extension | None
    text: str
    as_of: dt.date


def classify(
    due: dt.date | None, done: dt.date | None, as_of: dt.date
) -> tuple[str, int | None, int | None]:
    """(status, days_late, days_overdue) of one occurrence; done after ``as_of`` is not done."""
    if due is None:
        return NO_DEADLINE, None, None
    if done is not None and done <= as_of:
        late = (done - due).days
        return (DONE_LATE if late > 0 else DONE_ON_TIME), max(late, 0), None
    overdue = (as_of - due).days
    return (OVERDUE if overdue > 0 else OPEN), None, max(overdue, 0)


def _origin(registry: Registry, body_id: str, day: dt.date) -> str | None:
    """The body that owes an occurrence falling due on ``day``; None if none existed."""
    body = registry.get(body_id)
    if body is not None and body.tu_ngay is not None and day < body.tu_ngay:
        return None
    holder = registry.successor_on(body_id, day)
    held = registry.get(holder)
    if held is not None and held.den_ngay is not None and day > held.den_ngay:
        return None  # dissolved without a successor before the occurrence fell due
    return holder


def _records_by_occurrence(task: Task, sched: Schedule) -> dict[int, list[Completion]]:
    """The task's completion records by the ``id()`` of the occurrence each is for (see
    docs/tracking.md), in their order: matched once per task, not once per occurrence."""
    from kehoach.tracking.schedule import record_occurrence

    out: dict[int, list[Completion]] = {}
    for record in task.hoan_thanh:
        occ = record_occurrence(record, sched.occurrences)
        if occ is not None:
            out.setdefault(id(occ), []).append(record)
    return out


Row = Callable[..., Any]
"""What makes a row of ``Obligation``'s fields, in its order: ``Obligation`` itself, or
``kehoach.tracking.rowcache.row_data`` (the cache's tuple, without the object between)."""


@dataclass
class _Ctx:
    """What every row of one task occurrence shares."""

    plan_path: str
    plan: Plan
    ref: TaskRef
    sched: Schedule
    occ: Occurrence
    registry: Registry
    as_of: dt.date
    members: list[str]  # the task's lead assignees, listed groups expanded
    text: str  # the task's wording, markup removed
    origins: dict[tuple[str, dt.date], str | None]  # memo of _origin for the whole plan
    records: list[Completion]  # the completion records for this occurrence
    make: Row = Obligation
    holders: dict[str, str] = field(default_factory=dict)  # memo of successor_on(·, as_of)

    def origin(self, body_id: str) -> str | None:
        key = (body_id, self.day)
        if key in self.origins:
            return self.origins[key]
        found = self.origins[key] = _origin(self.registry, body_id, self.day)
        return found

    def holder(self, body_id: str) -> str:
        """The body holding ``body_id``'s obligations on the as-of day."""
        found = self.holders.get(body_id)
        if found is None:
            found = self.holders[body_id] = self.registry.successor_on(body_id, self.as_of)
        return found

    @cached_property
    def day(self) -> dt.date:
        """The day that decides which body owes the occurrence: its due day; for an undated
        task, the as-of day, capped at the end of the plan's period."""
        if self.occ.due is not None:
            return self.occ.due
        period = self.plan.giai_doan
        return min(self.as_of, period.end) if period else self.as_of

    def row(self, agency: str, original: str | None, role: str, completed: dt.date | None,
            completion: Completion | None) -> Any:
        occ, task = self.occ, self.ref.task
        status, late, overdue = classify(occ.due, completed, self.as_of)
        left = (occ.due - self.as_of).days if status == OPEN and occ.due else None
        return self.make(
            self.plan_path, self.plan.so_ky_hieu, task.id, agency, self.registry.name(agency),
            original, role, occ.key, occ.due, occ.original_due, occ.approximate, status, late,
            overdue, left, completed, completion,
            self.sched.phrase, task.thoi_han, self.sched.extension, self.text, self.as_of)


def _owners(ctx: _Ctx) -> dict[str, str]:
    """Body owing the occurrence → the body the plan assigned it to (itself when direct)."""
    owners: dict[str, str] = {}
    for member in ctx.members:
        origin = ctx.origin(member)
        if origin is not None and (origin not in owners or member == origin):
            owners[origin] = member
    return owners


def _lead_rows(ctx: _Ctx) -> list[tuple[str, str | None, dt.date | None, Completion | None]]:
    """Per lead row: the body holding it, the one first assigned (None: the same), the day
    it was completed, the record."""
    as_of, owners = ctx.as_of, _owners(ctx)
    sole = next(iter(owners)) if len(owners) == 1 else None
    records = ctx.records

    def done_by(bodies: set[str]) -> Completion | None:
        hits = [r for r in records
                if r.ngay_hoan_thanh <= as_of and (r.co_quan or sole) in bodies]
        return min(hits, key=lambda r: r.ngay_hoan_thanh) if hits else None

    rows = []
    for origin, assigned in owners.items():
        record, holder = done_by({origin, assigned}), origin
        if record is None:
            holder = ctx.holder(origin)
            if holder not in owners:  # a successor's own record, when it owes nothing itself
                record = done_by({holder})
        completed = record.ngay_hoan_thanh if record else None
        original = assigned if assigned != holder else None
        rows.append((holder, original, completed, record))
    return rows


def _coordinator_rows(ctx: _Ctx, task: Task,
                      leads: list[tuple[str, str | None, dt.date | None, Completion | None]]
                      ) -> list[Any]:
    dates = [completed for _, _, completed, _ in leads if completed is not None]
    mirrored = max(dates) if leads and len(dates) == len(leads) else None
    rows: list[Any] = []
    holders: set[str] = set()
    for body in task.phoi_hop:
        origin = ctx.origin(body)
        if origin is None:
            continue
        holder = ctx.holder(origin)
        if holder not in holders:
            holders.add(holder)
            rows.append(ctx.row(holder, origin if holder != origin else None, COORDINATE,
                                mirrored, None))
    return rows


def obligations(
    plan: Plan, registry: Registry, as_of: dt.date, path: str = "",
    bodies: frozenset[str] | None = None, leads_only: bool = False,
    refs: Iterable[TaskRef] | None = None, make: Row = Obligation,
) -> list[Any]:
    """Every obligation row of ``plan`` as of ``as_of``, in document order.

    ``bodies`` skips tasks that cannot give a row for any of these bodies (nor name one as
    the original assignee); ``leads_only`` skips coordinator rows. Both only save work: the
    caller still filters the rows it gets. ``refs``: the plan's ``iter_tasks``, when the
    caller has walked them already; ``make``: what makes each row (see ``Row``).
    """
    from kehoach.plan.markup import plain
    from kehoach.plan.walk import iter_tasks
    from kehoach.tracking.schedule import schedule

    out: list[Any] = []
    origins: dict[tuple[str, dt.date], str | None] = {}
    holders: dict[str, str] = {}
    for ref in iter_tasks(plan) if refs is None else refs:
        members = registry.assignees(ref.leads)
        if bodies is not None and not _may_concern(ref.task, members, registry, bodies,
                                                   leads_only):
            continue
        sched = schedule(ref.task, plan, as_of)
        text = plain(ref.text)
        matched = _records_by_occurrence(ref.task, sched) if ref.task.hoan_thanh else {}
        for occ in sched.occurrences:
            ctx = _Ctx(path, plan, ref, sched, occ, registry, as_of, members, text, origins,
                       matched.get(id(occ), []), make, holders)
            leads = _lead_rows(ctx)
            out.extend(ctx.row(holder, original, LEAD, completed, record)
                       for holder, original, completed, record in leads)
            if not leads_only:
                out.extend(_coordinator_rows(ctx, ref.task, leads))
    return out


def _may_concern(task: Task, members: list[str], registry: Registry, bodies: frozenset[str],
                 leads_only: bool) -> bool:
    """Whether any row of the task could name one of ``bodies`` (as holder or original)."""
    candidates = members if leads_only else [*members, *task.phoi_hop]
    for body in candidates:
        if body in bodies or any(s in bodies for s in registry.successors(body)):
            return True
    return False
