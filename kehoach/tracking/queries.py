"""Questions officials ask of the obligation rows: what is overdue, due soon, by whom.

``ask`` loads the rows a question needs (``tracking.loading``) and answers it; the query
functions filter (``tracking.filters``) and sort rows already loaded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from kehoach.plan.names import Scope
from kehoach.plan.registry import Registry
from kehoach.tracking.filters import NO_FILTERS, Filters
from kehoach.tracking.loading import Loaded, load
from kehoach.tracking.obligations import OPEN, OVERDUE, Obligation


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


def ask(kind: str, paths: Sequence[Path], as_of: dt.date, filters: Filters = NO_FILTERS,
        within_days: int = 30,
        progress: Callable[[int, int], None] | None = None) -> tuple[Loaded, list[Obligation]]:
    """Load what the question ``kind`` (overdue, upcoming, tasks) needs and answer it.

    Raises AgencyLookupError when the agency filter names no body, or several that the plans
    asked about do not tell apart."""
    status = {"overdue": (OVERDUE,), "upcoming": (OPEN,)}.get(kind)
    cached = filters.with_status(*status) if status else filters
    loaded = load(paths, as_of, where=cached.prefilter, progress=progress)
    reg, scope = loaded.registry, loaded.scope
    if kind == "overdue":
        return loaded, overdue(loaded.rows, reg, filters, scope)
    if kind == "upcoming":
        return loaded, upcoming(loaded.rows, reg, within_days, filters, scope)
    return loaded, tasks(loaded.rows, reg, filters, scope)
