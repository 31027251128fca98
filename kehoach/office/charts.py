"""The data of the chart of the tracker's grid per agency, one function for every chart
(the workbook's native chart, the report's picture, the web view): at most ``LIMIT`` bodies —
those with the most obligations due by the as-of day — and the rest summed as one bar."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kehoach.tracking.obligations import (
    DONE_LATE,
    DONE_ON_TIME,
    NO_DEADLINE,
    OPEN,
    OVERDUE,
    STATUS_VI,
)
from kehoach.tracking.summary import SummaryRow

LIMIT = 15
OTHERS_VI = "Các cơ quan khác"
SERIES = (DONE_ON_TIME, DONE_LATE, OPEN, OVERDUE, NO_DEADLINE)
"""The stacked series, in the order a reader expects: done, then open, then undated."""


@dataclass(frozen=True)
class GridChart:
    bodies: tuple[str, ...]  # bar labels (body names), most due first
    series: tuple[tuple[str, tuple[int, ...]], ...]  # (status label, one count per bar)

    @property
    def empty(self) -> bool:
        return not self.bodies


def grid_chart(rows: Sequence[SummaryRow], limit: int = LIMIT) -> GridChart:
    """The chart of ``rows`` (``summary``'s rows; the total row is left out)."""
    bodies = [r for r in rows if r.agency is not None]
    bodies.sort(key=lambda r: (-r.due, -r.total, r.agency_name))
    shown, rest = bodies[:limit], bodies[limit:]
    labels = [r.agency_name for r in shown] + ([OTHERS_VI] if rest else [])
    series = []
    for status in SERIES:
        counts = [r.counts[status] for r in shown]
        if rest:
            counts.append(sum(r.counts[status] for r in rest))
        series.append((STATUS_VI[status], tuple(counts)))
    return GridChart(tuple(labels), tuple(series))
