"""The sentences a progress report generates from the records: per part of the plan, per
task, per due day, who did what and when; the tasks of the next period; the annex grid.

Plain data for the template (``bao_cao_ket_qua.j2``): every sentence is built here so that
a repository's own template can reorder the parts without rewriting the grammar."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from kehoach.plan.model import Plan
from kehoach.plan.registry import Registry
from kehoach.render.typeset import date_short
from kehoach.tracking.obligations import (
    DONE_LATE,
    DONE_ON_TIME,
    NO_DEADLINE,
    OPEN,
    OVERDUE,
    STATUS_VI,
    STATUSES,
    Obligation,
)
from kehoach.tracking.summary import SummaryRow

NAMED = 6
"""Bodies in progress named one by one up to this many; past it, counted (the annex has each
body's figures). Late and overdue bodies are always named."""
GRID_HEADERS = ["STT", "Cơ quan, đơn vị chủ trì", *(STATUS_VI[s] for s in STATUSES), "Tổng số",
                "Tỷ lệ đúng hạn"]


def pct(rate: float | None) -> str:
    """"57,1%" (a decimal comma); "—" when nothing was due."""
    return "—" if rate is None else f"{rate * 100:.1f}%".replace(".", ",")


def results_by_part(plan: Plan, rows: Sequence[Obligation]) -> list[dict[str, Any]]:
    """Per part of the plan that has rows in the report: its title and, per task in document
    order, its wording and one result line per due day. The undated tasks nobody has recorded
    anything for are not listed one by one — there is nothing to say of each but "thực hiện
    thường xuyên" (a district plan of 20 such tasks made a report of 8 pages) — but counted at
    the end of their part, with their leads (``thuong_xuyen``)."""
    from kehoach.plan.walk import iter_tasks

    by_task: dict[str, list[Obligation]] = defaultdict(list)
    for row in rows:
        by_task[row.task_id].append(row)
    parts: dict[int, dict[str, Any]] = {}
    ongoing: dict[int, list[list[Obligation]]] = defaultdict(list)
    for ref in iter_tasks(plan):
        mine = by_task.get(ref.task.id)
        if not mine:
            continue
        index = ref.path[1]
        if index not in parts:
            part = plan.phan[index]
            title = " ".join(p for p in (part.so, part.nhan, part.noi_dung) if p)
            parts[index] = {"tieu_de": title.rstrip(" :"), "nhiem_vu": [], "thuong_xuyen": None}
        if all(r.status == NO_DEADLINE and r.completed is None for r in mine):
            ongoing[index].append(mine)
            continue
        parts[index]["nhiem_vu"].append({"noi_dung": mine[0].text.rstrip(" ;."),
                                         "ket_qua": _task_lines(mine)})
    for index, tasks in ongoing.items():
        parts[index]["thuong_xuyen"] = _ongoing(tasks)
    return [parts[k] for k in sorted(parts)]


def _ongoing(tasks: list[list[Obligation]]) -> str:
    """"Các nhiệm vụ thực hiện thường xuyên … : 18 nhiệm vụ (Quận Đoàn Tân Phú chủ trì 4 nhiệm
    vụ; …)" — the bodies in the order they first lead one."""
    count: dict[str, int] = {}
    for rows in tasks:
        for name in dict.fromkeys(r.agency_name for r in rows):
            count[name] = count.get(name, 0) + 1
    if len(count) > NAMED:
        who = f"{len(count)} cơ quan, đơn vị chủ trì"
    else:
        who = "; ".join(f"{name} chủ trì {n} nhiệm vụ" for name, n in count.items())
    return (f"Các nhiệm vụ thực hiện thường xuyên, không có thời hạn cố định, chưa có ghi nhận "
            f"kết quả: {len(tasks)} nhiệm vụ ({who}).")


def _task_lines(rows: list[Obligation]) -> list[str]:
    by_occurrence: dict[str, list[Obligation]] = defaultdict(list)
    for row in rows:
        by_occurrence[row.occurrence].append(row)
    return [_occurrence_line(found) for _, found in sorted(by_occurrence.items(),
                                                            key=lambda kv: kv[0] or "9999")]


def _occurrence_line(rows: list[Obligation]) -> str:
    """"Thời hạn 15/11/2022: hoàn thành đúng hạn: Sở A (ngày …, Báo cáo số …); …"."""
    first = rows[0]
    if first.due is None:
        head = "Không có thời hạn cố định"
    else:
        head = f"Thời hạn {date_short(first.original_due or first.due)}"
    by_status: dict[str, list[Obligation]] = defaultdict(list)
    for row in rows:
        by_status[row.status].append(row)
    parts = []
    for status, label in _LABELS:
        found = by_status.get(status, [])
        if found:
            parts.append(f"{label}: {_bodies(status, found)}")
    return f"{head} — {'; '.join(parts)}."


_LABELS = (
    (DONE_ON_TIME, "đã hoàn thành đúng hạn"),
    (DONE_LATE, "hoàn thành chậm"),
    (OVERDUE, "chưa hoàn thành, quá hạn"),
    (OPEN, "đang thực hiện, chưa đến hạn"),
    (NO_DEADLINE, "thực hiện thường xuyên"),
)


def _bodies(status: str, rows: list[Obligation]) -> str:
    quiet = status == OPEN or (status == NO_DEADLINE and not any(r.completed for r in rows))
    if quiet and len(rows) > NAMED:
        return f"{len(rows)} cơ quan, đơn vị"
    return ", ".join(_body(status, row) for row in rows)


def _body(status: str, row: Obligation) -> str:
    notes = []
    if row.completed is not None and status != OPEN:
        notes.append(f"ngày {date_short(row.completed)}")
    if status == DONE_LATE:
        notes.append(f"chậm {row.days_late} ngày")
    if status == OVERDUE:
        notes.append(f"quá hạn {row.days_overdue} ngày")
    if row.extension is not None and row.due is not None:
        notes.append(f"gia hạn đến {date_short(row.due)} theo {row.extension.van_ban}")
    if row.completion is not None and row.completion.minh_chung and status != OVERDUE:
        notes.append(row.completion.minh_chung)
    return row.agency_name + (f" ({', '.join(notes)})" if notes else "")


def next_tasks(plan: Plan, rows: Sequence[Obligation], registry: Registry
               ) -> list[dict[str, Any]]:
    """The tasks falling due in the next period, once per task and due day, with their leads
    as the plan names them ("Các sở, ban, ngành tỉnh", not twenty names)."""
    from kehoach.plan.walk import iter_tasks

    leads = {ref.task.id: [registry.name(b) for b in ref.leads] for ref in iter_tasks(plan)}
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for row in sorted(rows, key=lambda r: (r.due, r.task_id)):
        key = (row.task_id, row.occurrence)
        if key not in seen:
            seen[key] = {"noi_dung": row.text.rstrip(" ;."), "thoi_han": row.due,
                         "chu_tri": ", ".join(leads.get(row.task_id) or [row.agency_name])}
    return list(seen.values())


def summary_table(grid: Sequence[SummaryRow]) -> dict[str, Any]:
    """The annex table: one row per body, then the total (no number)."""
    rows = []
    for i, row in enumerate(grid, start=1):
        cells = [row.agency_name, *(str(row.counts[s]) for s in STATUSES), str(row.total),
                 pct(row.on_time_rate)]
        if row.agency is None:  # the total row, in bold (inline markup of the value)
            rows.append(["", *(f"**{c}**" for c in cells)])
        else:
            rows.append([str(i), *cells])
    return {"cot": GRID_HEADERS, "dong": rows}
