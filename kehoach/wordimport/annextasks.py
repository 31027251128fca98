"""An annex whose table is a task table ("STT | Nội dung | Chủ trì | Phối hợp | Thời gian |
Sản phẩm", as ``render`` writes for ``bang_nhiem_vu``) gives back its tasks when every row
is an item of the body (or a passage of one): each row's bodies, deadline and product go to
that item's task, and the annex lists the tasks (``bang_nhiem_vu``) instead of keeping the
table. When a row is not in the body the table stays a table (``bang``): the format keeps
tasks in items, and printing them in the body would change the document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kehoach.plan.markup import plain
from kehoach.textnorm import fold
from kehoach.wordimport.env import Env
from kehoach.wordimport.items import Node

ROLE_KEYS = {"lead": "chu_tri", "coord": "phoi_hop", "time": "thoi_han", "product": "san_pham"}


def _nodes(parts: list[Node]) -> list[Node]:
    out: list[Node] = []
    todo = list(reversed(parts))
    while todo:
        node = todo.pop()
        out.append(node)
        todo.extend(reversed(node.children))
    return out


def line(node: Node) -> str:
    """An item's wording as a task table prints it: its label and text, without the marker."""
    return " ".join(p for p in (node.nhan, node.text) if p)


def _holder(nodes: list[Node], content: str) -> Node | None:
    """The item whose wording is the row's content, else the one item whose wording holds it."""
    exact = [n for n in nodes if line(n) == content]
    if exact:
        return exact[0]
    within = [n for n in nodes if n.text and content in line(n)]
    return within[0] if len(within) == 1 else None


def _task(node: Node, content: str, new_id: Callable[[Node], str]) -> dict[str, Any]:
    """The item's task for this row: the one it has with this passage, its only one, or a
    new one."""
    tasks = node.extra.setdefault("nhiem_vu", [])
    passage = None if content == line(node) else content
    for existing in tasks:
        if existing.get("noi_dung") == passage:
            return existing
    if len(tasks) == 1 and passage is None:  # the row prints the whole item: so does its task
        tasks[0].pop("noi_dung", None)
        return tasks[0]
    task: dict[str, Any] = {"id": new_id(node)}
    if passage is not None:
        task["noi_dung"] = passage
    tasks.append(task)
    return task


def _names(text: str, env: Env) -> list[str] | None:
    ids = []
    for name in (n.strip() for n in plain(text).split(";")):
        if name:
            found = env.bodies.resolve(name)
            if found is None:
                return None
            ids.append(found)
    return ids


def _parents(parts: list[Node]) -> dict[int, Node]:
    out: dict[int, Node] = {}
    for node in _nodes(parts):
        for child in node.children:
            out[id(child)] = node
    return out


def _owner(node: Node, phrase: str | None, parents: dict[int, Node]) -> Node | None:
    """The item holding the row's passage whose text, or children's, also says its deadline
    (a task's passage and its "Thời gian:" are often sibling lines of one item)."""
    current: Node | None = node
    while current is not None and not _in_text(phrase, current):
        current = parents.get(id(current))
    return current


def attach(parts: list[Node], annex: dict[str, Any], rows: list[dict[str, str]], env: Env,
           new_id: Callable[[Node], str]) -> bool:
    """Tasks for every row (True), or nothing changed (False)."""
    nodes = _nodes(parts)
    parents = _parents(parts)
    plan: list[tuple[Node, str, dict[str, Any]]] = []
    for row in rows:
        content = row.get("content", "")
        node = _holder(nodes, content) if content else None
        fields: dict[str, Any] = {}
        for role, key in ROLE_KEYS.items():
            value = row.get(role, "")
            if role in ("lead", "coord") and value:
                names = _names(value, env)
                if names is None:
                    return False
                fields[key] = names
            elif value:
                fields[key] = value
        owner = _owner(node, fields.get("thoi_han"), parents) if node is not None else None
        if owner is None:
            return False
        plan.append((owner, content, fields))
    ids = []
    for node, content, fields in plan:
        task = _task(node, content, new_id)
        for key in ROLE_KEYS.values():  # the row is what the signed annex says: it wins
            task.pop(key, None)
        task.update(fields)
        ids.append(task["id"])
        env.report.recognised(f"nhiệm vụ {task['id']} (từ bảng phụ lục {annex['so']})",
                              node.index, content)
    annex.pop("bang", None)
    annex["bang_nhiem_vu"] = ids
    return True


def _in_text(phrase: str | None, node: Node) -> bool:
    """A deadline phrase must be one the item's text (or its children's) says."""
    if phrase is None:
        return True
    wanted = fold(plain(phrase))
    return any(wanted in fold(n.plain) for n in _nodes([node]))


def all_tasks(parts: list[Node]) -> list[str]:
    return [t["id"] for n in _nodes(parts) for t in n.extra.get("nhiem_vu", [])]
