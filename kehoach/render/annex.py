"""Annexes (phụ lục): what a template gets for each, including generated task tables.

Generated task tables are the one place where the rendered document spells bodies from the
registry (``ten``); everything else prints the plan's prose as written. A task's row holds
the task's own ``noi_dung`` or, when the task is the whole item, the item's text (markup
kept), its lead and coordinating bodies, the deadline phrase verbatim and the product.

Each annex starts a new section (``typeset.annex_is_landscape`` decides the orientation) with
its page numbers restarting at 1; see ``compose``.
"""

from __future__ import annotations

from kehoach.plan.model import Annex, Plan
from kehoach.plan.registry import Registry
from kehoach.plan.walk import TaskRef, iter_tasks

TASK_COLUMNS = ["STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian", "Sản phẩm"]


def _names(registry: Registry, ids: list[str]) -> str:
    return "; ".join(registry.name(i) for i in ids)


def task_row(ref: TaskRef, registry: Registry) -> dict[str, str]:
    task = ref.task
    return {
        "id": task.id,
        "noi_dung": ref.text,
        "chu_tri": _names(registry, list(ref.leads)),
        "phoi_hop": _names(registry, task.phoi_hop),
        "thoi_han": task.thoi_han or "",
        "san_pham": task.san_pham or "",
    }


def _selected(annex: Annex, tasks: list[TaskRef]) -> list[TaskRef] | None:
    if annex.bang_nhiem_vu is True:
        return tasks
    if isinstance(annex.bang_nhiem_vu, list):
        by_id = {ref.task.id: ref for ref in tasks}
        return [by_id[i] for i in annex.bang_nhiem_vu if i in by_id]
    return None


def annex_context(plan: Plan, registry: Registry) -> list[dict[str, object]]:
    """One mapping per annex, for templates (keys follow the plan format)."""
    tasks = list(iter_tasks(plan))
    out: list[dict[str, object]] = []
    for annex in plan.phu_luc:
        chosen = _selected(annex, tasks)
        out.append(
            {
                "so": annex.so,
                "tieu_de": annex.tieu_de,
                "ngang": annex.ngang,
                "ben_ngoai": annex.ben_ngoai,
                "bang": {"cot": annex.bang.cot, "dong": annex.bang.dong} if annex.bang else None,
                "nhiem_vu": None if chosen is None else [task_row(p, registry) for p in chosen],
                "cot_nhiem_vu": TASK_COLUMNS,
            }
        )
    return out
