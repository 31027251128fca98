"""The tracker's grid per body (QĐ 42/2014/QĐ-TTg): done on time / late, open in time /
overdue, no deadline — counted where each plan is read, merged into one row per body."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from kehoach.plan.names import Scope
from kehoach.plan.registry import Registry
from kehoach.tracking.filters import NO_FILTERS, Filters
from kehoach.tracking.loading import Loaded, load
from kehoach.tracking.obligations import DONE_ON_TIME, STATUSES, Obligation
from kehoach.tracking.rowcache import status_on


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
    scope: Scope | None = None,
) -> list[SummaryRow]:
    """One row per body holding lead obligations (in the registry's order), then the total.

    Coordinator rows are not counted: they mirror the leads' rows and complete nothing.
    """
    picked = Filters(agency, "chu-tri", include_children).select(rows, registry, scope)
    return summary_counts(((r.agency, r.agency_name, r.status,
                            r.due.toordinal() if r.due is not None else None)
                           for r in picked), as_of, registry)


SummaryKey = tuple[str, str, str, bool]  # agency, agency name, status, due by the as-of day


GRID = "grid:1"
"""The name of ``summary_grid``'s data in the row cache: change it when its form changes."""


def summary_grid(data: Iterable[tuple[object, ...]]) -> list[tuple[object, ...]]:
    """One plan's prefiltered cache data (the lead rows of the bodies wanted; indices follow
    ``cache.encode``) counted by body, due day and completion day: what the grid needs, on
    any day of the entry's span — a few dozen tuples instead of thousands of rows, cached
    beside them (``load``'s ``condense``)."""
    counts = Counter((t[2], t[3], t[7], t[14]) for t in data)
    return [(*k, n) for k, n in counts.items()]


def summary_partial(grid: Iterable[tuple[object, ...]], as_of_ordinal: int
                    ) -> Counter[SummaryKey]:
    """One plan's share of the grid as of the day, from ``summary_grid``'s counts, counted
    where the data was read: a few dozen counts travel between processes, not rows."""
    out: Counter[SummaryKey] = Counter()
    for agency, name, due, done, n in grid:
        status = status_on(due, done, as_of_ordinal)  # type: ignore[arg-type]
        out[(agency, name, status, due is not None and due <= as_of_ordinal)] += n  # type: ignore[index,operator]
    return out


def summary_counts(
    items: Iterable[tuple[str, str, str, int | None]], as_of: dt.date,
    registry: Registry | None = None,
) -> list[SummaryRow]:
    """Aggregate (agency, agency name, status, due day as an ordinal) into the grid."""
    day = as_of.toordinal()
    return summary_merge(
        [Counter((a, n, s, d is not None and d <= day) for a, n, s, d in items)], as_of,
        registry)


def summary_merge(partials: Iterable[Counter[SummaryKey]], as_of: dt.date,
                  registry: Registry | None = None) -> list[SummaryRow]:
    """The grid from the counts of each plan: one row per body, then the total. Bodies come
    in the registry's order, which officials arrange by protocol (by id without one)."""
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
    order = registry.order if registry is not None else (lambda _: 0)
    return [by_body[k] for k in sorted(by_body, key=lambda k: (order(k), k))] + [total]


def summarize(paths: Sequence[Path], as_of: dt.date, filters: Filters = NO_FILTERS,
              progress: Callable[[int, int], None] | None = None
              ) -> tuple[Loaded, list[SummaryRow]]:
    """The grid of the plans named, lead obligations only (coordinators complete nothing).

    Each worker counts its plans and sends back the counts, not the rows."""
    lead = Filters(filters.agency, "chu-tri", filters.include_children)
    loaded = load(paths, as_of, where=lead.prefilter,
                  reduce=partial(summary_partial, as_of_ordinal=as_of.toordinal()),
                  progress=progress, condense=(GRID, summary_grid))
    return loaded, summary_merge(loaded.partials, loaded.as_of, loaded.registry)
