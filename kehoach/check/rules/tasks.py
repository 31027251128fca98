"""Tasks: a lead, a deadline phrase that is really in the text, completions by assignees.

A completion must name a body the task is assigned to (or its successor), and name one
where several bodies must each complete the task. A deadline written once for several items
(an item's ``thoi_han``) must be in that item's text; the mentions of a task elsewhere
(``nhiem_vu_lien_quan``) must name a task of the plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from kehoach.check.rules.base import Finding, PlanContext, finding
from kehoach.plan.markup import plain
from kehoach.plan.model import Plan
from kehoach.plan.registry import Registry
from kehoach.plan.walk import TaskRef
from kehoach.textnorm import fold

CODES = frozenset({
    "task-no-lead",
    "deadline-not-in-text",
    "task-text-not-in-item",
    "completion-assignee",
    "completion-unknown-occurrence",
    "completion-year-ambiguous",
    "annex-unknown-task",
    "task-reference-unknown",
})
"""The codes this rule emits (severities and explanations: kehoach.diagnostics.codes)."""


def check(ctx: PlanContext) -> Iterator[Finding]:
    ids: set[str] = set()
    for ref in ctx.tasks:
        ids.add(ref.task.id)
        yield from _text(ref, ctx.texts)
        if not ref.leads:
            yield finding((*ref.path, "id"), "task-no-lead",
                          f"Nhiệm vụ “{ref.task.id}” chưa có cơ quan chủ trì (chu_tri).")
        if ref.task.hoan_thanh:
            yield from _completions(ref, ctx.plan, ctx.registry)
    yield from _items(ctx, ids)
    for i, annex in enumerate(ctx.plan.phu_luc):
        if isinstance(annex.bang_nhiem_vu, list):
            for j, task_id in enumerate(annex.bang_nhiem_vu):
                if task_id not in ids:
                    yield finding(("phu_luc", i, "bang_nhiem_vu", j), "annex-unknown-task",
                                  f"Không có nhiệm vụ “{task_id}” trong kế hoạch.")


def _items(ctx: PlanContext, ids: set[str]) -> Iterator[Finding]:
    """Deadlines written for several items, and mentions of tasks tracked elsewhere."""
    for ref in ctx.items:
        item = ref.item
        if item.thoi_han and not _quoted(item.thoi_han, ctx.texts[id(item)]):
            yield finding((*ref.path, "thoi_han"), "deadline-not-in-text",
                          f"Thời hạn “{item.thoi_han}” không có nguyên văn trong lời văn của mục "
                          "(hoặc các mục con).")
        for j, task_id in enumerate(item.nhiem_vu_lien_quan):
            if task_id not in ids:
                yield finding((*ref.path, "nhiem_vu_lien_quan", j), "task-reference-unknown",
                              f"Không có nhiệm vụ “{task_id}” trong kế hoạch để mục này nhắc "
                              "đến.")


def _quoted(needle: str, text: str) -> bool:
    """Whether ``needle`` occurs in ``text``: exactly (the usual case, cheap), else folded."""
    needle = plain(needle)
    return needle in text or fold(needle) in fold(text)


def _text(ref: TaskRef, texts: dict[int, str]) -> Iterator[Finding]:
    """``texts``: each item's ``subtree_text`` by its ``id()`` (``PlanContext.texts``)."""
    task = ref.task
    own_deadline = task.thoi_han if ref.deadline_from is None else None
    if not own_deadline and not task.noi_dung:
        return
    haystack = texts[id(ref.item)]
    if own_deadline and not _quoted(own_deadline, haystack):
        yield finding((*ref.path, "thoi_han"), "deadline-not-in-text",
                      f"Thời hạn “{task.thoi_han}” không có nguyên văn trong lời văn của mục.")
    if task.noi_dung and not _quoted(task.noi_dung, haystack):
        yield finding((*ref.path, "noi_dung"), "task-text-not-in-item",
                      "Nội dung nhiệm vụ phải là một đoạn trích nguyên văn từ lời văn của mục "
                      "(hoặc các mục con).")


def _completions(ref: TaskRef, plan: Plan, registry: Registry) -> Iterator[Finding]:
    expected = registry.assignees(ref.leads)
    # A successor completes what its merged or dissolved predecessor was assigned.
    allowed = set(expected) | {s for body in expected for s in registry.successors(body)}
    keys = None
    for j, done in enumerate(ref.task.hoan_thanh):
        path = (*ref.path, "hoan_thanh", j)
        if done.co_quan is None:
            if len(expected) > 1:
                yield finding(path, "completion-assignee", "Nhiệm vụ giao cho nhiều cơ quan: "
                              "ghi rõ “co_quan” đã hoàn thành.")
        elif done.co_quan not in allowed and done.co_quan in registry:
            yield finding((*path, "co_quan"), "completion-assignee",
                          f"{registry.name(done.co_quan)} ({done.co_quan}) không phải cơ quan "
                          "chủ trì nhiệm vụ này.")
        if done.ky is None:
            continue
        if keys is None:
            keys = _occurrence_keys(ref, plan)
        if keys and done.ky not in keys:
            yield finding((*path, "ky"), "completion-unknown-occurrence",
                          f"Kỳ “{done.ky}” không khớp kỳ nào trong lịch của nhiệm vụ.")
        elif isinstance(done.ky, int) and (days := keys.get(done.ky, [])) and len(days) > 1:
            shown = ", ".join(f"{d:%d/%m/%Y}" for d in days)
            yield finding((*path, "ky"), "completion-year-ambiguous",
                          f"Năm {done.ky} có {len(days)} kỳ ({shown}); bản ghi được tính cho kỳ "
                          f"{days[0]:%d/%m/%Y}. Hãy ghi ngày đến hạn của kỳ, ví dụ “ky: "
                          f"{days[0].isoformat()}”.")


def _occurrence_keys(ref: TaskRef, plan: Plan) -> dict[object, list[dt.date]]:
    """What ``ky`` may name: each occurrence's due days (original and in force), and each
    year with the original due days of its occurrences."""
    from kehoach.deadline.clock import today_vn
    from kehoach.tracking.schedule import schedule

    keys: dict[object, list[dt.date]] = {}
    for occ in schedule(ref.task, plan, today_vn()).occurrences:
        for day in (occ.due, occ.original_due):
            if day is not None:
                keys.setdefault(day, [day])
        first = occ.original_due or occ.due
        if first is not None:
            keys.setdefault(first.year, []).append(first)
    return keys
