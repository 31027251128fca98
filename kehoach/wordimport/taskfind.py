"""Tasks (nhiệm vụ): the items that assign work, with their lead and coordinating bodies and
their deadline phrase as written.

- In a responsibilities part ("TỔ CHỨC THỰC HIỆN", "TRÁCH NHIỆM…"), an item naming bodies
  ("1. Sở Nội vụ", "2. Các sở, ban, ngành, UBND các huyện") is theirs (``co_quan``) and each
  item under it is a task they lead; an item "Sở X và Tỉnh đoàn: tổ chức …" is one task.
- An item with labelled children ("Cơ quan chủ trì:", "Cơ quan phối hợp:", "Thời gian:",
  "Sản phẩm:" — also the rows of a task table) is a task: the bodies named in its lead and
  coordinating fields, the deadline phrase of its time field, its product.
- Bodies after "phối hợp với" in a task's text coordinate it. The deadline phrase is the one
  the deadline grammar finds in the text, widened to the words that govern it ("trước",
  "dự kiến", "định kỳ"…); a phrase the grammar cannot read without an error stays in the
  prose only.

Ids are made from the plan (type code, number, year) and the item's marker path, so the same
document gives the same ids: ``kh253-2021-iv-1-a``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from kehoach.plan.markup import plain
from kehoach.textnorm import fold
from kehoach.wordimport.bodymatch import slug
from kehoach.wordimport.env import Env
from kehoach.wordimport.items import Node

RESPONSIBILITY = "to_chuc_thuc_hien"
_GOVERNING = re.compile(r"(?:(?:định kỳ|dự kiến|chậm nhất(?: là)?|trước|vào|trong|từ|đến|hoàn "
                        r"thành|thực hiện|hằng năm,?|hàng năm,?)\s+)+$", re.I)
_COORD = re.compile(r"phối hợp(?: với)?[\s,]+", re.I)
MAX_PROSE_PHRASE = 80
_LEAD_CUT = re.compile(r"[\s,]*\b(?:chủ trì|phối hợp)\b.*$", re.I | re.S)
_BULLET_IDS = {"-": "g", "–": "g", "+": "c", "*": "s", "•": "b"}


def field_role(label: str | None) -> str | None:
    if not label:
        return None
    from kehoach.wordimport.bodytables import column_role

    role = column_role(label.rstrip(":"))
    return role if role in ("lead", "coord", "time", "product") else None


def deadline_phrase(text: str, *, prose: bool = False) -> str | None:
    """The deadline phrase in ``text`` as written, or None (none, or one read with an error).

    The phrase stays inside one clause (up to ";"); in a time field it is that clause. In
    prose (a duty, not a time field) it must be short, and a period ("giai đoạn 2021-2030")
    counts only after a word that makes it a deadline ("trong", "thực hiện"…): otherwise it
    is usually a programme's name."""
    from kehoach.deadline import read_deadline

    reading = read_deadline(text)
    if reading.kind == "unknown" or reading.span is None:
        return None
    start, end = reading.span
    clause_start = text.rfind(";", 0, start) + 1
    clause_end = text.find(";", start)
    end = min(end, clause_end) if clause_end >= 0 else end
    lead = _GOVERNING.search(text[clause_start:start])
    governed = lead is not None
    if lead is not None:
        start = clause_start + lead.start()
    if not prose:  # a time field says its deadline in its clause: keep the whole clause
        start, end = clause_start, clause_end if clause_end >= 0 else len(text)
    if text[start:end].count("(") > text[start:end].count(")") and ")" in text[end:end + 3]:
        end = text.index(")", end) + 1
    phrase = text[start:end].strip(" ,;.")
    again = read_deadline(phrase)
    if again.kind == "unknown" or again.span is None or any(
            p.severity == "error" for p in again.problems):
        return None
    if again.span[1] < len(phrase) - 1:  # clipping changed the reading: keep what it reads
        phrase = phrase[: again.span[1]].strip(" ,;.")
    if prose and (len(phrase) > MAX_PROSE_PHRASE or (again.kind == "period" and not governed)):
        return None
    return phrase


def clauses(text: str) -> list[str]:
    """A duty's clauses, each with its own deadline ("… vào năm 2024; tổ chức … vào năm
    2026"), or [] when the duty is one task."""
    parts = [p.strip(" .") for p in text.split(";")]
    parts = [p for p in parts if p]
    if len(parts) < 2 or not all(deadline_phrase(p, prose=True) for p in parts):
        return []
    return parts


class Tasks:
    def __init__(self, env: Env, prefix: str, taken: set[str]):
        self.env = env
        self.prefix = prefix
        self.taken = set(taken)
        self.count = 0

    def find(self, parts: list[Node]) -> None:
        for part, path, _ in _walk(parts, [], False):
            if part.extra.get("vai_tro") == RESPONSIBILITY and len(path) == 1:
                for child, child_path in _direct(part, path):
                    self._responsible(child, child_path)
        for node, path, led in _walk(parts, [], False):
            if "nhiem_vu" not in node.extra:
                self._fields(node, path, led)

    # --- responsibilities ------------------------------------------------------------

    def _responsible(self, node: Node, path: list[str]) -> None:
        title = node.plain
        name, _, duty = title.partition(":")
        if len(name.split()) > 16:
            self._prose_task(node, path)
            return
        ids = self.env.bodies.names_in(name, node.index)
        if not ids:
            return
        node.extra["co_quan"] = ids
        self.env.report.recognised(f"trách nhiệm của {', '.join(ids)}", node.index, title)
        if duty.strip() and not node.children:
            self._duty(node, path, duty.strip())
            return
        for child, child_path in _direct(node, path):
            if child.plain:
                self._duty(child, child_path, None)

    def _duty(self, node: Node, path: list[str], duty: str | None) -> None:
        """One task, or one per clause when each clause has its own deadline."""
        parts = clauses(duty or node.plain)
        if not parts:
            self._add(node, path, {}, duty)
            return
        for k, part in enumerate(parts, start=1):
            self._add(node, [*path[:-1], f"{path[-1]}-{k}"], {}, part)

    def _prose_task(self, node: Node, path: list[str]) -> None:
        text = node.plain
        before = _COORD.split(text, maxsplit=1)[0]
        leads = self.env.bodies.scan(before)
        if leads:
            self._add(node, path, {"chu_tri": leads})

    # --- labelled fields ---------------------------------------------------------------

    def _fields(self, node: Node, path: list[str], led: bool) -> None:
        fields: dict[str, Node] = {}
        for child in node.children:
            role = field_role(child.nhan)
            if role and role not in fields and child.plain:
                fields[role] = child
        if not fields.keys() & {"lead", "time"}:
            return
        task: dict[str, Any] = {}
        for role, key in (("lead", "chu_tri"), ("coord", "phoi_hop")):
            if role in fields:
                field = fields[role]
                text = _LEAD_CUT.sub("", field.plain) if role == "lead" else field.plain
                ids = self.env.bodies.names_in(text, field.index,
                                               propose=len(text.split()) <= 12)
                if ids:
                    task[key] = ids
        if "lead" in fields and "coord" not in fields:
            coordinated = _coordinators(fields["lead"].plain, self.env, task.get("chu_tri", []))
            if coordinated:
                task["phoi_hop"] = coordinated
        if "time" in fields:
            phrase = deadline_phrase(fields["time"].plain)
            if phrase:
                task["thoi_han"] = phrase
        if "product" in fields:
            task["san_pham"] = fields["product"].text
        if "chu_tri" in task or led:
            self._add(node, path, task)

    # --- the task itself ---------------------------------------------------------------

    def _add(self, node: Node, path: list[str], task: dict[str, Any],
             duty: str | None = None) -> None:
        text = duty or node.plain
        if "phoi_hop" not in task:
            coordinated = _coordinators(text, self.env, task.get("chu_tri", []))
            if coordinated:
                task["phoi_hop"] = coordinated
        if "thoi_han" not in task and (phrase := deadline_phrase(text, prose=True)):
            task["thoi_han"] = phrase
        entry: dict[str, Any] = {"id": self._id(path)}
        if duty:
            entry["noi_dung"] = duty
        entry.update(task)
        node.extra.setdefault("nhiem_vu", []).append(entry)
        self.count += 1
        self.env.report.recognised(f"nhiệm vụ {entry['id']}", node.index, text)

    def id_for(self, parts: list[Node], node: Node) -> str:
        """A new task id for ``node``, from its marker path."""
        path = next((p for n, p, _ in _walk(parts, [], False) if n is node), [])
        return self._id(path)

    def _id(self, path: list[str]) -> str:
        base = "-".join(p for p in (self.prefix, *path) if p) or "nv"
        task_id, n = base, 1
        while task_id in self.taken:
            n += 1
            task_id = f"{base}-{n}"
        self.taken.add(task_id)
        return task_id


def _coordinators(text: str, env: Env, leads: list[str]) -> list[str]:
    parts = _COORD.split(plain(text), maxsplit=1)
    if len(parts) < 2:
        return []
    return [i for i in env.bodies.scan(parts[1][:300]) if i not in leads]


def _component(node: Node, siblings: list[Node], position: int) -> str:
    so = (node.so or "").strip()
    base = so.rstrip(".)").strip()
    if so and so not in _BULLET_IDS and base:
        return slug(base.replace("đ", "dd").replace("Đ", "DD"))
    letter = _BULLET_IDS.get(so, "d")
    nth = sum(1 for s in siblings[: position + 1] if (s.so or "").strip() == so)
    return f"{letter}{nth}"


def _walk(nodes: list[Node], path: list[str], led: bool
          ) -> Iterator[tuple[Node, list[str], bool]]:
    """Every node with its id path and whether an enclosing item names its bodies."""
    for position, node in enumerate(nodes):
        own = [*path, _component(node, nodes, position)]
        if "." in (node.so or "").rstrip(".") and path:
            own = [*path[:-1], _component(node, nodes, position)]
        here = led or bool(node.extra.get("co_quan"))
        yield node, own, here
        yield from _walk(node.children, own, here)


def _direct(node: Node, path: list[str]) -> Iterator[tuple[Node, list[str]]]:
    for position, child in enumerate(node.children):
        yield child, [*path, _component(child, node.children, position)]


def id_prefix(data: dict[str, Any]) -> str:
    """"kh253-2021" from the type code, the number and the year; a draft: its code, its
    issuer's abbreviation and the year."""
    from kehoach.plan.model import DocType

    code = fold(DocType(data["loai"]).code).replace(" ", "")
    number = re.match(r"\s*(\d+)", data.get("so_ky_hieu") or "")
    year = data["ngay_ban_hanh"].year if data.get("ngay_ban_hanh") else _year(data)
    symbol = data.get("so_ky_hieu") or ""
    parts = [code + number.group(1)] if number else [slug(symbol) or code]
    if year:
        parts.append(str(year))
    return slug("-".join(p for p in parts if p))


def _year(data: dict[str, Any]) -> int | None:
    found = re.findall(r"\b(20\d\d)\b", data.get("trich_yeu") or "")
    return int(found[0]) if found else None
