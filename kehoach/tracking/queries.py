"""Questions officials ask of the obligation rows: what is overdue, due soon, by whom.

``ask`` loads the rows a question needs (``tracking.loading``) and answers it; the query
functions filter (``tracking.filters``) and sort rows already loaded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from kehoach.plan.names import Scope
from kehoach.plan.registry import Registry
from kehoach.tracking import rowcache
from kehoach.tracking.filters import NO_FILTERS, Filters
from kehoach.tracking.loading import Loaded, open_plans
from kehoach.tracking.obligations import OPEN, OVERDUE, Obligation
from kehoach.tracking.spill import SortedRows
from kehoach.tracking.tables import data_record

Picked = tuple[str, tuple[Any, ...]]  # the plan as displayed, one row's cache data
_NEVER = dt.date.max.toordinal()


def _order(registry: Registry) -> Callable[[Obligation], tuple[object, ...]]:
    """Due day, plan, task, occurrence, role, then the bodies of one task in the registry's
    order (officials arrange it by protocol)."""
    def key(row: Obligation) -> tuple[object, ...]:
        return (row.due or dt.date.max, row.plan, row.task_id, row.occurrence, row.role,
                registry.order(row.agency), row.agency)
    return key


def tasks(rows: Iterable[Obligation], registry: Registry, filters: Filters = NO_FILTERS,
          scope: Scope | None = None) -> list[Obligation]:
    """Filtered rows by due day (undated last), then plan, task, occurrence, body."""
    return sorted(filters.select(rows, registry, scope), key=_order(registry))


def overdue(rows: Iterable[Obligation], registry: Registry, filters: Filters = NO_FILTERS,
            scope: Scope | None = None) -> list[Obligation]:
    """Open rows past their due day, most overdue first."""
    found = filters.with_status(OVERDUE).select(rows, registry, scope)
    order = _order(registry)
    return sorted(found, key=lambda r: (-(r.days_overdue or 0), *order(r)))


def upcoming(rows: Iterable[Obligation], registry: Registry, within_days: int,
             filters: Filters = NO_FILTERS, scope: Scope | None = None) -> list[Obligation]:
    """Open rows falling due within ``within_days`` days of the as-of day (today included)."""
    found = filters.with_status(OPEN).select(rows, registry, scope)
    return sorted((r for r in found if (r.days_left or 0) <= within_days),
                  key=_order(registry))


class Rows(Collection[Obligation]):
    """An answer's rows, kept as compact cache data — sorted in memory, or past a budget in
    sorted runs on disk (``kehoach.tracking.spill``) — and decoded one at a time when read:
    a query over thousands of plans never holds its rows as objects, nor all its rows at
    once. It can be read any number of times, in order."""

    def __init__(self, picked: SortedRows):
        self._picked = picked

    def __len__(self) -> int:
        return len(self._picked)

    def __iter__(self) -> Iterator[Obligation]:
        return (_decoded(p) for p in self._picked)

    def __contains__(self, row: object) -> bool:
        return any(row == r for r in self)

    def records(self) -> Iterator[dict[str, Any]]:
        """``tables.obligation_record`` of each row, made from its cache data directly (an
        all-agency answer of 13,000 rows spent a third of its time building rows to write)."""
        return (data_record(plan, t) for plan, t in self._picked)

    def close(self) -> None:
        """Remove what the answer keeps on disk (see ``SortedRows.close``)."""
        self._picked.close()


def _decoded(picked: Picked) -> Obligation:
    return rowcache.decode([picked[1]], picked[0])[0]


def _data_order(registry: Registry, kind: str) -> Callable[[Picked], tuple[object, ...]]:
    """``_order`` (and ``overdue``'s most-overdue-first) on rows still in cache data."""
    def key(p: Picked) -> tuple[object, ...]:
        t = p[1]
        due = _NEVER if t[7] is None else t[7]
        return (due, p[0], t[1], t[6], t[5], registry.order(t[2]), t[2])
    if kind == "overdue":
        return lambda p: (-(p[1][12] or 0), *key(p))
    return key


def ask(kind: str, paths: Sequence[Path], as_of: dt.date, filters: Filters = NO_FILTERS,
        within_days: int = 30,
        progress: Callable[[int, int], None] | None = None) -> tuple[Loaded, Rows]:
    """Load what the question ``kind`` (overdue, upcoming, tasks) needs and answer it.

    The rows are selected plan by plan as each is read and sorted as they come
    (``SortedRows``): memory follows the budget of one sorted run, not the answer.

    Raises AgencyLookupError when the agency filter names no body, or several that the plans
    asked about do not tell apart."""
    status = {"overdue": (OVERDUE,), "upcoming": (OPEN,)}.get(kind)
    cached = filters.with_status(*status) if status else filters
    reading = open_plans(paths, as_of, where=cached.prefilter)
    loaded = reading.loaded
    keep = cached.matcher(loaded.registry, loaded.scope)
    soon = within_days if kind == "upcoming" else None  # t[13]: days left
    picked = SortedRows(_data_order(loaded.registry, kind))
    for plan, data in reading.plans(progress, ordered=False):
        picked.add([(plan, t) for t in data
                    if keep(t) and (soon is None or (t[13] or 0) <= soon)])
    return loaded, Rows(picked)
