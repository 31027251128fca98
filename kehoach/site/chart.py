"""The chart of the grid per agency as the home page draws it: stacked bars in HTML and CSS
(no script, no canvas), from ``office.charts.grid_chart`` like the workbook's chart. Every
segment says its number in words for screen readers; the grid's table beside it holds the
same numbers."""

from __future__ import annotations

from typing import Any

from kehoach.office.charts import SERIES, GridChart
from kehoach.site.entries import STATUS_INDEX


def chart_view(chart: GridChart) -> dict[str, Any]:
    """Bars, longest first as ``grid_chart`` orders them; widths in percent of the longest."""
    totals = [sum(counts[i] for _, counts in chart.series) for i in range(len(chart.bodies))]
    peak = max(totals, default=0) or 1
    bars = []
    for i, name in enumerate(chart.bodies):
        segments = [{"ma": code, "so_tt": STATUS_INDEX[code], "nhan": label, "so": counts[i],
                     "rong": round(counts[i] * 100 / peak, 2)}
                    for code, (label, counts) in zip(SERIES, chart.series, strict=True)
                    if counts[i]]
        bars.append({"ten": name, "tong": totals[i], "doan": segments})
    legend = [{"ma": code, "so": STATUS_INDEX[code], "nhan": label}
              for code, (label, _) in zip(SERIES, chart.series, strict=True)]
    return {"cot": bars, "chu_giai": legend, "trong": chart.empty}
