"""One plan as the site shows it: the page's context (the document laid out as signed, each
task marked in place with its status), the plan's data file, and its entries and grid counts.

Built where the plan is read (a worker process for a large repository), so only small data
travels back to the main process.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kehoach.plan.markup import plain
from kehoach.plan.model import Item, Plan, Task
from kehoach.plan.registry import Registry
from kehoach.plan.walk import TaskRef
from kehoach.plan.walk import item_line as whole_line
from kehoach.site.entries import SHORT_VI, STATUS_INDEX, Entry, iso, task_status
from kehoach.site.layout import KEPT_MIN, Kept, item_line, shown, task_line
from kehoach.tracking.obligations import OPEN, OVERDUE, STATUS_VI


@dataclass
class PlanMeta:
    """What every page knows of a plan (the catalogue ``danh-muc.js`` and the lists)."""

    slug: str
    path: str  # the file as displayed
    number: str  # số, ký hiệu ("" for a draft)
    title: str  # trích yếu, markup removed
    kind: str  # "Kế hoạch", "Chương trình"…
    issued: dt.date | None
    issuers: list[str] = field(default_factory=list)
    tasks: int = 0

    @property
    def label(self) -> str:
        """How a list names the plan: its number, or its type for a plan without one."""
        return self.number or f"{self.kind} (chưa có số)"

    def as_list(self) -> list[object]:
        return [self.slug, self.label, self.title, self.kind, iso(self.issued), self.path]


def meta(plan: Plan, slug: str, path: str, tasks: int) -> PlanMeta:
    return PlanMeta(slug, shown(path), shown(plan.so_ky_hieu or ""), shown(plain(plan.trich_yeu)),
                    plan.loai.name_vi, plan.ngay_ban_hanh,
                    [b.co_quan for b in plan.co_quan_ban_hanh],
                    tasks)


def badge(entry: Entry | None) -> dict[str, Any] | None:
    """A task's status as its plan page marks it, from its most pressing lead entry."""
    if entry is None:
        return None
    label = SHORT_VI[entry.status]
    if entry.status == OVERDUE:
        label += f" {entry.days_overdue} ngày"
    elif entry.status == OPEN and entry.due is not None:
        label += f", hạn {entry.due:%d/%m/%Y}"
    return {"ma": entry.status, "so": STATUS_INDEX[entry.status], "nhan": label,
            "day_du": STATUS_VI[entry.status]}


def _task_view(task: Task, statuses: dict[str, Entry | None], css: str) -> dict[str, Any]:
    status = badge(statuses[task.id])
    return {"id": task.id, "thoi_han": task.thoi_han, "tinh_trang": status,
            "dong": task_line(task.id, status, css)}


def _sliceable(text: str) -> bool:
    """Text the page can cut from the data file as it is: shown unchanged (``shown``), and
    counted alike by Python and JavaScript (no character beyond the Basic Multilingual Plane)."""
    return text.isprintable() and (not text or max(text) < "\U00010000")


def _kept_in_data(item: Item, index: dict[str, int], quoting: list[Task]) -> list[Kept]:
    """The stretches of the item's words its tasks' wordings already hold in the plan's data
    file — the whole line for a task that is the line, the excerpt for one that quotes it or
    (``quoting``) for an enclosing item's task that quotes a line below it: the page takes
    them from there (``data-nv``) rather than hold them twice, for a site must take no more
    disk than the plans' YAML. Longest first, none overlapping."""
    text = item.noi_dung
    line = plain(text) if text else ""
    if len(line) < KEPT_MIN or not _sliceable(line):
        return []
    found: list[Kept] = []
    for task in [*item.nhiem_vu, *quoting]:
        words = plain(task.noi_dung or whole_line(item))
        if len(words) < KEPT_MIN or not _sliceable(words):
            continue
        if task.noi_dung:
            at = line.find(words)
            if at >= 0:
                found.append((at, at + len(words), index[task.id], 0, len(words)))
        elif (at := words.rfind(line)) >= 0:  # after the label, when there is one
            found.append((0, len(line), index[task.id], at, len(words)))
    chosen: list[Kept] = []
    for span in sorted(found, key=lambda k: k[0] - k[1]):
        if all(span[1] <= c[0] or span[0] >= c[1] for c in chosen):
            chosen.append(span)
    return sorted(chosen)


def _item(item: Item, depth: int, statuses: dict[str, Entry | None], index: dict[str, int],
          notes: dict[str, int], quoting: list[Task]) -> dict[str, Any]:
    tag = "h2" if depth == 0 else "h3" if depth == 1 and item.muc else "p"
    kept = _kept_in_data(item, index, quoting)
    has_line = bool(item.so or item.nhan or item.noi_dung)
    opening, line, closing = item_line(tag, f"c{min(depth, 4)}" if tag == "p" else "",
                                       (item.so, item.nhan, item.noi_dung), kept, notes)
    return {
        "cap": depth, "the": tag, "the_mo": opening, "loi": line if has_line else "",
        "the_dong": closing, "lop_con": f"c{min(depth + 1, 4)}",
        "lop_nv": f"c{min(depth + (tag != 'p'), 4)}",
        "so": item.so, "nhan": item.nhan, "noi_dung": item.noi_dung, "nv_van": kept,
        "nhiem_vu": [_task_view(t, statuses, f"c{min(depth + (tag != 'p'), 4)}")
                     for t in item.nhiem_vu],
        "ban_to_chuc": item.ban_to_chuc.model_dump() if item.ban_to_chuc else None,
        "su_kien": item.su_kien.model_dump() if item.su_kien else None,
    }


def _items(parts: list[Item], statuses: dict[str, Entry | None], index: dict[str, int],
           notes: dict[str, int]) -> list[dict[str, Any]]:
    """The body in document order: each item with its heading level or paragraph class (by
    depth), its tasks' statuses, and where its words are when the data file holds them."""
    out: list[dict[str, Any]] = []

    def walk(level: list[Item], depth: int, quoting: list[Task]) -> None:
        for item in level:
            out.append(_item(item, depth, statuses, index, notes, quoting))
            # A task often quotes the line below its item that says who does what.
            walk(item.muc, depth + 1, [*quoting, *(t for t in item.nhiem_vu if t.noi_dung)])

    walk(parts, 0, [])
    return out


def footnote_numbers(plan: Plan) -> dict[str, int]:
    """Footnote id → the number it prints as (notes without text print nothing)."""
    numbered = [str(n.id) for n in plan.chu_thich if n.noi_dung and n.noi_dung.strip()]
    return {note: i for i, note in enumerate(numbered, start=1)}


def page_context(plan: Plan, registry: Registry, refs: list[TaskRef],
                 by_task: dict[str, list[Entry]]) -> dict[str, Any]:
    """What ``site/ke-hoach.html.j2`` sees besides the shared keys (plain mappings)."""
    from kehoach.render.annex import annex_context
    from kehoach.render.context import document, header

    statuses = {ref.task.id: task_status(by_task.get(ref.task.id, [])) for ref in refs}
    index = {ref.task.id: i for i, ref in enumerate(refs)}
    numbers = footnote_numbers(plan)
    return {
        "van_ban": document(plan, registry),
        "tieu_de": header(plan, registry),
        "muc": _items(plan.phan, statuses, index, numbers),
        "chu_ky": [s.model_dump() for s in plan.chu_ky],
        "chu_thich": [{"id": str(n.id), "so": numbers[str(n.id)], "noi_dung": n.noi_dung}
                      for n in plan.chu_thich if str(n.id) in numbers],
        "so_chu_thich": numbers,
        "phu_luc": annex_context(plan, registry),
        "tinh_trang": {k: badge(v) for k, v in statuses.items()},
    }


def plan_data(refs: Iterable[TaskRef], entries: list[Entry],
              leads: dict[str, list[int | str]] | None = None) -> list[list[object]]:
    """The plan's data file: per task its id, wording (markup removed), deadline phrase in
    force, completion records and, for a task given to a listed group, the leads it names
    (``data.named_leads``) — once, for every page that lists the task."""
    phrases = {e.task_id: e.deadline for e in entries}
    out: list[list[object]] = []
    for ref in refs:
        task = ref.task
        text = shown(plain(ref.text))
        phrase: object = phrases.get(task.id) or task.thoi_han or ""
        start = text.find(str(phrase)) if phrase else -1
        if start >= 0:  # written in the wording, as it usually is: where, not again
            phrase = [start, start + len(str(phrase))]
        item: list[object] = [task.id, text, phrase]
        if task.hoan_thanh:
            item.append([[r.co_quan or "", iso(r.ngay_hoan_thanh), shown(r.minh_chung or ""),
                          str(r.ky) if r.ky is not None else ""] for r in task.hoan_thanh])
        named = (leads or {}).get(task.id)
        if named:
            if len(item) == 3:
                item.append(0)  # no records
            item.append(named)
        out.append(item)
    return out
