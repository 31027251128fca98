"""Questions officials ask of the obligation rows: what is overdue, due soon, by whom.

``load`` reads a repository's registry and plans into ``Obligation`` rows as of a day; the
query functions filter and sort those rows. An agency filter names a body by id, name, alias
or abbreviation (any case, with or without diacritics); it matches rows held by the body, by
the groups it belongs to (transitively), by its members when it is a group, by its sub-units
with ``include_children``, and rows it held before a successor took them over. Lookup
failures raise ``AgencyLookupError`` (its ``message_vi()`` lists candidates or suggestions).
"""

from __future__ import annotations

import datetime as dt
import marshal
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kehoach.check.checker import load_registry
from kehoach.diagnostics.diagnostic import Diagnostic
from kehoach.fs.parallel import run_files
from kehoach.fs.repo import display_path, find_root, yaml_files
from kehoach.load.document import Document, is_registry_path, load_text, no_gc
from kehoach.plan.registry import Registry
from kehoach.tracking import rowcache as cache
from kehoach.tracking.obligations import (
    COORDINATE,
    DONE_LATE,
    DONE_ON_TIME,
    LEAD,
    OPEN,
    OVERDUE,
    STATUSES,
    Obligation,
    obligations,
)

ROLES = {"chu-tri": (LEAD,), "phoi-hop": (COORDINATE,), "any": (LEAD, COORDINATE)}
STATUS_GROUPS = {
    "hoan-thanh": (DONE_ON_TIME, DONE_LATE),
    "chua-hoan-thanh": (OPEN, OVERDUE),
    "qua-han": (DONE_LATE, OVERDUE),
    **{s.replace("_", "-"): (s,) for s in STATUSES},
}


@dataclass
class Loaded:
    """The rows of every plan that loaded; the diagnostics of files that did not."""

    registry: Registry
    as_of: dt.date
    rows: list[Obligation] = field(default_factory=list)
    partials: list[Any] = field(default_factory=list)  # what ``reduce`` made of each plan
    failed: list[Diagnostic] = field(default_factory=list)
    plans: int = 0


@dataclass(frozen=True)
class Prefilter:
    """Filters applied to cached rows before they are decoded (a query wants few of them).

    ``select`` applies the same filters again on the decoded rows; this only saves work.
    """

    roles: frozenset[str] | None = None
    agencies: frozenset[str] | None = None
    statuses: frozenset[str] | None = None

    @property
    def digest(self) -> str:
        parts = [sorted(x) if x is not None else None
                 for x in (self.roles, self.agencies, self.statuses)]
        return repr(parts)

    def keep(self, t: tuple[object, ...]) -> bool:
        # Indices follow cache.encode: agency 2, original_agency 4, role 5, status 10.
        if self.roles is not None and t[5] not in self.roles:
            return False
        if self.statuses is not None and t[10] not in self.statuses:
            return False
        return self.agencies is None or t[2] in self.agencies or t[4] in self.agencies


def prefilter(registry: Registry, agency: str | None = None, role: str = "any",
              include_children: bool = False,
              status: str | Iterable[str] | None = None) -> Prefilter:
    """The prefilter of a query (raises AgencyLookupError for an unknown agency)."""
    ids = agency_ids(registry, agency, include_children) if agency else None
    wanted = _statuses(status)
    return Prefilter(frozenset(ROLES.get(role.replace("_", "-"), (LEAD, COORDINATE))),
                     frozenset(ids) if ids is not None else None,
                     frozenset(wanted) if wanted is not None else None)


def load(paths: Sequence[Path], as_of: dt.date, cwd: Path | None = None,
         where: Callable[[Registry], Prefilter] | None = None,
         reduce: Callable[[list[tuple[object, ...]]], Any] | None = None,
         progress: Callable[[int, int], None] | None = None) -> Loaded:
    """Obligation rows of the plans named (default: the repository's ``plans/``).

    Each plan is loaded and expanded independently, in parallel for large repositories, and
    its rows are cached by the file's content (see ``kehoach.tracking.rowcache``). ``where``
    builds a prefilter from the registry, so rows a query cannot use are never decoded. With
    ``reduce`` the rows are not decoded at all: each plan's cached data is reduced where it
    was read (a worker process) and only the results come back, in ``partials``.
    """
    cwd = cwd or Path.cwd()
    root = find_root(paths[0] if paths else cwd)
    targets = list(paths) or ([root / "plans"] if root else [cwd])
    registry, reg_docs = load_registry(root, cwd)
    loaded = Loaded(registry, as_of)
    for doc in reg_docs:
        if doc.registry is None:
            loaded.failed.extend(doc.diagnostics)
    folder = cache.cache_dir(root)
    reg_digest = cache.digest(*(_read(d.path) for d in reg_docs))
    shared = _Shared(registry, as_of, folder, reg_digest, where(registry) if where else None,
                     reduce)
    files = [(p, display_path(p, cwd)) for p in yaml_files(targets) if not is_registry_path(p)]
    for doc, data in run_files(_rows_of_file, files, shared, progress=progress):
        if data is None:
            loaded.failed.extend(doc.diagnostics)
            continue
        loaded.plans += 1
        if reduce is None:
            loaded.rows.extend(cache.decode(data, doc.display))
        else:
            loaded.partials.append(data)
    loaded.failed.sort()
    return loaded


@dataclass(frozen=True)
class _Shared:
    registry: Registry
    as_of: dt.date
    cache_dir: Path | None
    registry_digest: str
    prefilter: Prefilter | None
    reduce: Callable[[list[tuple[object, ...]]], Any] | None = None


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def _rows_of_file(path: Path, display: str, shared: _Shared) -> tuple[Document, Any]:
    """One plan's rows as cache data, or what ``shared.reduce`` makes of them (None when the
    plan does not load)."""
    doc, data = _data_of_file(path, display, shared)
    if data is not None and shared.reduce is not None:
        return doc, shared.reduce(data)
    return doc, data


def _data_of_file(
    path: Path, display: str, shared: _Shared
) -> tuple[Document, list[tuple[object, ...]] | None]:
    raw = _read(path)
    store = cache.RowCache(shared.cache_dir) if shared.cache_dir else None
    where = shared.prefilter
    # An entry holds the rows of one question: the prefilter is part of its key.
    key = cache.entry_key(raw, shared.registry_digest + (where.digest if where else ""),
                          shared.as_of)
    if store is not None:
        hit = store.get(key)
        if hit is not None:
            return Document(path, display), hit
    doc = load_text(Document(path, display), raw)
    if doc.plan is None:
        return doc, None
    with no_gc():
        rows = obligations(doc.plan, shared.registry, shared.as_of, display,
                           bodies=where.agencies if where else None,
                           leads_only=where is not None and where.roles == frozenset({LEAD}))
        data = _keep(marshal.loads(cache.encode(rows)), where)
    if store is not None:
        store.put(key, marshal.dumps(data))
    return doc, data


def _keep(data: list[tuple[object, ...]], where: Prefilter | None) -> list[tuple[object, ...]]:
    return data if where is None else [t for t in data if where.keep(t)]


def agency_ids(registry: Registry, name: str, include_children: bool = False) -> set[str]:
    """The ids whose rows concern the body ``name`` designates (raises AgencyLookupError)."""
    body = registry.find(name)
    ids = {body.id, *registry.members(body.id)}
    if include_children:
        ids.update(registry.children(body.id))
    for body_id in list(ids):
        ids.update(registry.groups_containing(body_id))
    return ids


def _statuses(status: str | Iterable[str] | None) -> set[str] | None:
    if status is None:
        return None
    names = [status] if isinstance(status, str) else list(status)
    out: set[str] = set()
    for name in names:
        key = name.strip().lower().replace("_", "-")
        if key not in STATUS_GROUPS:
            raise ValueError(name)
        out.update(STATUS_GROUPS[key])
    return out


def _within(day: dt.date, low: dt.date | None, high: dt.date | None) -> bool:
    return (low is None or day >= low) and (high is None or day <= high)


def select(
    rows: Iterable[Obligation],
    registry: Registry,
    agency: str | None = None,
    role: str = "chu-tri",
    include_children: bool = False,
    status: str | Iterable[str] | None = None,
    due_before: dt.date | None = None,
    due_after: dt.date | None = None,
) -> list[Obligation]:
    """Rows passing every filter given; due bounds are inclusive and drop undated rows."""
    roles = ROLES.get(role.replace("_", "-"))
    if roles is None:
        raise ValueError(f"unknown role: {role}")
    ids = agency_ids(registry, agency, include_children) if agency else None
    wanted = _statuses(status)
    out = []
    for row in rows:
        if row.role not in roles or (wanted is not None and row.status not in wanted):
            continue
        if ids is not None and row.agency not in ids and row.original_agency not in ids:
            continue
        if (due_before or due_after) and row.due is None:
            continue
        if row.due is not None and not _within(row.due, due_after, due_before):
            continue
        out.append(row)
    return out


def _order(row: Obligation) -> tuple[object, ...]:
    return (row.due or dt.date.max, row.plan, row.task_id, row.occurrence, row.role, row.agency)


def tasks(
    rows: Iterable[Obligation],
    registry: Registry,
    agency: str | None = None,
    role: str = "chu-tri",
    include_children: bool = False,
    status: str | Iterable[str] | None = None,
    due_before: dt.date | None = None,
    due_after: dt.date | None = None,
) -> list[Obligation]:
    """Filtered rows by due day (undated last), then plan, task, occurrence, body."""
    found = select(rows, registry, agency, role, include_children, status, due_before, due_after)
    return sorted(found, key=_order)


def overdue(
    rows: Iterable[Obligation],
    registry: Registry,
    agency: str | None = None,
    role: str = "chu-tri",
    include_children: bool = False,
) -> list[Obligation]:
    """Open rows past their due day, most overdue first."""
    found = select(rows, registry, agency, role, include_children, OVERDUE)
    return sorted(found, key=lambda r: (-(r.days_overdue or 0), *_order(r)))


def upcoming(
    rows: Iterable[Obligation],
    registry: Registry,
    within_days: int,
    agency: str | None = None,
    role: str = "chu-tri",
    include_children: bool = False,
) -> list[Obligation]:
    """Open rows falling due within ``within_days`` days of the as-of day (today included)."""
    found = select(rows, registry, agency, role, include_children, OPEN)
    return sorted((r for r in found if (r.days_left or 0) <= within_days), key=_order)


@dataclass
class SummaryRow:
    """The tracker's grid for one body (its lead obligations) and its on-time rate."""

    agency: str | None  # None for the total row
    agency_name: str
    as_of: dt.date
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    due: int = 0  # occurrences whose due day is on or before as_of
    on_time: int = 0  # of those, done on time

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.due if self.due else None

    def add(self, status: str, is_due: bool, n: int = 1) -> None:
        self.counts[status] += n
        if is_due:
            self.due += n
            self.on_time += n if status == DONE_ON_TIME else 0


TOTAL_VI = "Tổng cộng"


def summary(
    rows: Iterable[Obligation],
    registry: Registry,
    as_of: dt.date,
    agency: str | None = None,
    include_children: bool = False,
) -> list[SummaryRow]:
    """One row per body holding lead obligations (sorted by id), then the total row.

    Coordinator rows are not counted: they mirror the leads' rows and complete nothing.
    """
    picked = select(rows, registry, agency, "chu-tri", include_children)
    return summary_counts(((r.agency, r.agency_name, r.status, r.due and r.due.toordinal())
                           for r in picked), as_of)


SummaryKey = tuple[str, str, str, bool]  # agency, agency name, status, due by the as-of day


def summary_partial(data: Iterable[tuple[object, ...]], as_of_ordinal: int) -> Counter[SummaryKey]:
    """One plan's share of the grid from its prefiltered cache data (the lead rows of the
    bodies wanted), counted where the data was read: a few dozen counts travel between
    processes instead of thousands of rows. Indices follow ``cache.encode``."""
    return Counter((t[2], t[3], t[10], t[7] is not None and t[7] <= as_of_ordinal)  # type: ignore[misc,operator]
                   for t in data)


def summary_counts(
    items: Iterable[tuple[str, str, str, int | None]], as_of: dt.date
) -> list[SummaryRow]:
    """Aggregate (agency, agency name, status, due day as an ordinal) into the grid."""
    day = as_of.toordinal()
    return summary_merge(
        [Counter((a, n, s, d is not None and d <= day) for a, n, s, d in items)], as_of)


def summary_merge(partials: Iterable[Counter[SummaryKey]], as_of: dt.date) -> list[SummaryRow]:
    """The grid from the counts of each plan: one row per body (sorted by id), then the total."""
    merged: Counter[SummaryKey] = Counter()
    for part in partials:
        merged.update(part)
    total = SummaryRow(None, TOTAL_VI, as_of)
    by_body: dict[str, SummaryRow] = {}
    for (agency, name, status, is_due), n in merged.items():
        row = by_body.get(agency)
        if row is None:
            row = by_body[agency] = SummaryRow(agency, name, as_of)
        row.add(status, is_due, n)
        total.add(status, is_due, n)
    return [by_body[k] for k in sorted(by_body)] + [total]
