"""The chart of the grid per agency as a picture (PNG), for documents: the report's chart.

Its data come from ``kehoach.office.charts.grid_chart``, the one function behind every
chart. matplotlib draws it with the Agg backend (no display, the same bytes on every
system), imported only here so that no other command pays for it."""

from __future__ import annotations

import io

from kehoach.office.charts import GridChart

COLOURS = ("#2e7d32", "#9ccc65", "#90caf9", "#e53935", "#bdbdbd")
"""One per series of ``charts.SERIES``: done on time green, late lighter, open blue, overdue
red, undated grey — printable in grey scale too (the shades differ)."""
WIDTH_IN = 6.3  # the text width of an A4 portrait page (165 mm)
DPI = 200


def chart_png(chart: GridChart) -> bytes:
    """A horizontal stacked bar per body (most obligations due first, top down)."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    labels = [_wrap(name) for name in chart.bodies]
    height = 1.6 + 0.42 * len(labels)
    figure = Figure(figsize=(WIDTH_IN, height), dpi=DPI)
    axes = figure.add_subplot()
    rows = range(len(labels))
    left = [0] * len(labels)
    for (name, counts), colour in zip(chart.series, COLOURS, strict=True):
        if not any(counts):
            continue
        axes.barh(rows, counts, left=left, color=colour, label=name, height=0.6)
        left = [a + b for a, b in zip(left, counts, strict=True)]
    axes.set_yticks(list(rows), labels, fontsize=8)
    axes.invert_yaxis()
    axes.set_xlabel("Số nhiệm vụ (lượt cơ quan chủ trì)", fontsize=8)
    axes.tick_params(axis="x", labelsize=8)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: no 0.5 ticks
    axes.spines[["top", "right"]].set_visible(False)
    shown = len(axes.get_legend_handles_labels()[1])
    legend_in = 0.22 * ((shown + 1) // 2) + 0.1
    figure.legend(loc="lower center", ncol=2, fontsize=7, frameon=False)
    figure.tight_layout(rect=(0, legend_in / height, 1, 1))
    buffer = io.BytesIO()
    # No metadata: the same chart gives the same bytes (a report can be compared, cached).
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def _wrap(name: str, width: int = 38) -> str:
    """A long body name on two lines (the labels share the page with the bars)."""
    if len(name) <= width:
        return name
    cut = name.rfind(" ", 0, width)
    cut = cut if cut > 0 else width
    rest = name[cut:].strip()
    return name[:cut] + "\n" + (rest if len(rest) <= width else rest[:width - 1] + "…")
