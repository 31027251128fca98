"""Walking a plan's body: items in document order, and tasks with their effective leads."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from kehoach.plan.markup import plain
from kehoach.plan.model import Item, Plan, Task

Path = tuple[Any, ...]


@dataclass(frozen=True)
class ItemRef:
    item: Item
    path: Path  # data path, e.g. ("phan", 1, "muc", 0)
    ancestors: tuple[Item, ...]


@dataclass(frozen=True)
class TaskRef:
    """A task in place: its item, its data path and the leads it inherits."""

    task: Task
    item: Item
    path: Path  # data path of the task itself
    leads: tuple[str, ...]  # task.chu_tri, or the nearest enclosing item's co_quan
    inherited_lead: bool
    # Where the deadline in ``task.thoi_han`` is written when the task does not write its own:
    # the data path of the item whose ``thoi_han`` governs it (None: the task's own).
    deadline_from: Path | None = None

    @property
    def text(self) -> str:
        """The task's wording (markup kept): its excerpt, or the item's own line."""
        return self.task.noi_dung or item_line(self.item)


def item_line(item: Item) -> str:
    """The printed line of an item: marker, label and text, separated by spaces."""
    return " ".join(p for p in (item.nhan, item.noi_dung) if p)


def iter_items(plan: Plan) -> Iterator[ItemRef]:
    stack: list[tuple[Item, Path, tuple[Item, ...]]] = [
        (item, ("phan", i), ()) for i, item in reversed(list(enumerate(plan.phan)))
    ]
    while stack:
        item, path, ancestors = stack.pop()
        yield ItemRef(item, path, ancestors)
        inner = (*ancestors, item)
        for i in range(len(item.muc) - 1, -1, -1):
            stack.append((item.muc[i], (*path, "muc", i), inner))


def iter_tasks(plan: Plan, items: Iterable[ItemRef] | None = None) -> Iterator[TaskRef]:
    """Every task in document order, with the lead and the deadline it inherits (``items``:
    the plan's ``iter_items``, when the caller has walked them already).

    A task without its own ``thoi_han`` under an item that writes one for several items
    ("* Hoàn thành … trước ngày 20/6/2023") is yielded as a copy carrying that phrase, so that
    every reader of tasks (tracking, edits, diffs, annexes) sees the deadline in force.
    """
    for ref in iter_items(plan) if items is None else items:
        if not ref.item.nhiem_vu:
            continue
        owner: tuple[str, ...] = ()
        governing: tuple[str, Path] | None = None
        for depth, node in enumerate((*ref.ancestors, ref.item)):
            if node.co_quan:
                owner = tuple(node.co_quan)
            if node.thoi_han:
                governing = (node.thoi_han, ref.path[:2 + 2 * depth])
        for i, task in enumerate(ref.item.nhiem_vu):
            leads = tuple(task.chu_tri) or owner
            source = None
            if task.thoi_han is None and governing is not None:
                task = task.model_copy(update={"thoi_han": governing[0]})
                source = governing[1]
            yield TaskRef(task, ref.item, (*ref.path, "nhiem_vu", i), leads,
                          inherited_lead=not task.chu_tri and bool(owner), deadline_from=source)


def task_ids(plan: Plan) -> Iterator[tuple[str, Path]]:
    """Every task's id and the data path of the task, in ``iter_tasks``'s order, without
    working out what each task inherits."""
    for ref in iter_items(plan):
        for i, task in enumerate(ref.item.nhiem_vu):
            yield task.id, (*ref.path, "nhiem_vu", i)


def subtree_text(item: Item) -> str:
    """The item's text and all its descendants' text, markup stripped, for searching."""
    parts = [plain(item_line(item))]
    for child in item.muc:
        parts.append(subtree_text(child))
    return "\n".join(parts)


def all_body_refs(plan: Plan, items: Iterable[ItemRef] | None = None
                  ) -> Iterator[tuple[Path, str]]:
    """Every registry id the plan names, with the data path of the reference (``items``: the
    plan's ``iter_items``, when the caller has walked them already)."""
    for i, issuer in enumerate(plan.co_quan_ban_hanh):
        yield ("co_quan_ban_hanh", i, "co_quan"), issuer.co_quan
    for i, sig in enumerate(plan.chu_ky):
        if sig.co_quan:
            yield ("chu_ky", i, "co_quan"), sig.co_quan
    for ref in iter_items(plan) if items is None else items:
        for j, body in enumerate(ref.item.co_quan):
            yield (*ref.path, "co_quan", j), body
        for k, task in enumerate(ref.item.nhiem_vu):
            tpath = (*ref.path, "nhiem_vu", k)
            for field in ("chu_tri", "phoi_hop"):
                for j, body in enumerate(getattr(task, field)):
                    yield (*tpath, field, j), body
            for j, done in enumerate(task.hoan_thanh):
                if done.co_quan:
                    yield (*tpath, "hoan_thanh", j, "co_quan"), done.co_quan
