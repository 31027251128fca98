"""Tables in the body of a plan.

- A borderless two-column table of people ("- Đ/c Nguyễn Văn A – Bí thư | Trưởng ban") is
  the organising committee of the item above it.
- A borderless three-column table after "- Chương trình:" is an event's programme; the
  lines "- Thời gian:", "- Địa điểm:", "- Thành phần:" before it are the event's.
- A table whose header names a content column and a lead, coordinating or time column
  ("STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Sản phẩm")
  is a task table: each row becomes an item (its number, its content) with one labelled
  child per other column, so that every word stays in the plan and each row's task can be
  read from its labels (``tasks``). The table itself is not kept as a table: the plan format
  has no tables inside items.
- Any other table: each row becomes a paragraph of its cells joined by " | ", kept as plain
  text in the item above it.
"""

from __future__ import annotations

import re
from typing import Any

from kehoach.textnorm import fold
from kehoach.wordimport.docxbody import Para, Table
from kehoach.wordimport.items import Node
from kehoach.wordimport.marks import split_marker

Outline = Any  # kehoach.wordimport.outline.Outline, which imports this module

_PERSON = re.compile(r"^(?P<so>[-+•–]\s*)?(?P<title>Đ/c|đ/c|Đồng chí|đồng chí|Ông|ông|Bà|bà)?"
                     r"\s*(?P<name>[^–]+?)(?:\s+[–-]\s+(?P<office>.+))?$")
EVENT_LABELS = {"thoi gian": "thoi_gian", "dia diem": "dia_diem", "thanh phan": "thanh_phan",
                "chuong trinh": "chuong_trinh"}


def column_role(header: str) -> str | None:
    """What a task table's column holds, from its header."""
    folded = fold(header)
    if folded in ("stt", "tt", "so tt", "so thu tu"):
        return "stt"
    if "phoi hop" in folded:
        return "coord"
    if folded.startswith(("thoi gian", "thoi han", "tien do", "thoi diem")):
        return "time"
    if "san pham" in folded or "ket qua" in folded:
        return "product"
    if "chu tri" in folded or "thuc hien" in folded or folded.startswith(("co quan", "don vi")):
        return "lead"
    if "noi dung" in folded or "nhiem vu" in folded or "cong viec" in folded:
        return "content"
    if "ghi chu" in folded:
        return "note"
    return None


def body_table(outline: Outline, table: Table) -> None:
    env = outline.env
    if not table.rows:
        return
    if not table.borders and table.columns == 2 and _committee(outline, table):
        return
    if not table.borders and table.columns == 3 and _agenda(outline, table):
        return
    roles = [column_role(table.cell_text(0, c)) for c in range(table.columns)]
    if "content" in roles and {"lead", "time", "coord"} & set(roles):
        _task_rows(outline, table, roles)
        return
    for row in range(len(table.rows)):
        para = _row_para(table, row)
        if para.text:
            outline.paragraph(para)
            env.report.plain("dòng bảng giữ thành đoạn văn (các ô nối bằng “ | ”)", para.index,
                             para.text)


def _row_para(table: Table, row: int) -> Para:
    from kehoach.plan.markup import Run

    runs: list[Run] = []
    index = 0
    for cell in table.rows[row]:
        texts = [p for p in cell if p.text]
        if not texts:
            continue
        index = index or texts[0].index
        if runs:
            runs.append(Run(" | "))
        for k, para in enumerate(texts):
            if k:
                runs.append(Run(" "))
            runs.extend(para.runs)
    return Para(index, runs)


def _committee(outline: Outline, table: Table) -> bool:
    rows = []
    for r in range(len(table.rows)):
        person, role = table.cell_text(r, 0), table.cell_text(r, 1)
        m = _PERSON.match(person)
        if not person or m is None or not (m["title"] or m["office"]):
            return False
        rows.append((m, role))
    target = outline.top
    if target is None:
        return False
    titles = {m["title"] for m, _ in rows}
    shared = titles.pop() if len(titles) == 1 else None
    committee = {"so": (rows[0][0]["so"] or "-").strip(), "danh_xung": shared,
                 "thanh_vien": [_member(m, role, shared is not None) for m, role in rows]}
    target.extra["ban_to_chuc"] = {k: v for k, v in committee.items() if v}
    outline.env.report.recognised(f"ban tổ chức ({len(rows)} người)", table.index,
                                  table.cell_text(0, 0))
    return True


def _member(m: re.Match[str], role: str, shared_title: bool) -> dict[str, str]:
    """One member; a title that differs from row to row ("Ông", "Bà") stays in the name."""
    name = m["name"].strip()
    if m["title"] and not shared_title:
        name = f"{m['title']} {name}"
    out = {"ho_ten": name}
    if m["office"]:
        out["chuc_vu"] = m["office"].strip()
    if role:
        out["vai_tro"] = role
    return out


def _agenda(outline: Outline, table: Table) -> bool:
    holder = outline.stack[-2] if len(outline.stack) >= 2 else None
    top = outline.top
    if holder is None or top is None or fold(top.nhan or top.plain).rstrip(":") != "chuong trinh":
        return False
    event: dict[str, object] = {}
    keep = []
    for child in holder.children:
        key = EVENT_LABELS.get(fold(child.nhan or "").rstrip(":")) if child.so == "-" else None
        if key is None:
            keep.append(child)
        elif key == "thanh_phan":
            event[key] = [t.strip() for t in (child.text or "").split(";") if t.strip()]
        elif key != "chuong_trinh" and child.text:
            event[key] = child.text
    event["chuong_trinh"] = [_agenda_row(table, r) for r in range(len(table.rows))]
    holder.children[:] = keep
    del outline.stack[-1]
    holder.extra["su_kien"] = event
    outline.env.report.recognised("chương trình sự kiện (bảng ba cột)", table.index)
    return True


def _agenda_row(table: Table, row: int) -> dict[str, str]:
    keys = ("thoi_gian", "noi_dung", "thuc_hien")
    out = {k: table.cell_text(row, c) for c, k in enumerate(keys) if table.cell_text(row, c)}
    out.setdefault("noi_dung", "…")
    return out


def _task_rows(outline: Outline, table: Table, roles: list[str | None]) -> None:
    env = outline.env
    parent = outline.top
    siblings = parent.children if parent is not None else outline.parts
    group: Node | None = None
    headers = [table.cell_text(0, c) for c in range(table.columns)]
    for r in range(1, len(table.rows)):
        node = _row_node(table, r, roles, headers, env)
        if node is None:
            continue
        if node.extra.pop("_group", False):
            group = node
            siblings.append(node)
            continue
        (group.children if group is not None else siblings).append(node)
    env.report.guessed(f"bảng nhiệm vụ ({len(table.rows) - 1} dòng): mỗi dòng thành một mục, "
                       "mỗi cột thành một dòng có nhãn", table.index, " | ".join(headers))


def _row_node(table: Table, row: int, roles: list[str | None], headers: list[str],
              env: object) -> Node | None:
    cells = {roles[c]: c for c in range(len(roles)) if roles[c]}
    number = table.cell_text(row, cells["stt"]) if "stt" in cells else ""
    content_paras = [p for p in table.rows[row][cells["content"]] if p.text] if cells[
        "content"] < len(table.rows[row]) else []
    if not content_paras and not number:
        return None
    first = content_paras[0] if content_paras else None
    index = first.index if first else table.index
    text = " ".join(env.markup(p.runs) for p in content_paras) or None  # type: ignore[attr-defined]
    so = _number(number)
    others = [c for c in range(len(roles)) if roles[c] not in ("stt", "content")
              and table.cell_text(row, c)]
    node = Node(so, None, text, index, "row")
    marker = split_marker(so + " x") if so else None
    if not others and marker is not None and marker.kind == "roman":
        node.extra["_group"] = True
        return node
    for c in others:
        label = headers[c].strip().rstrip(":") + ":"
        cell_paras = [p for p in table.rows[row][c] if p.text]
        value = " ".join(env.markup(p.runs) for p in cell_paras)  # type: ignore[attr-defined]
        node.children.append(Node("-", label, value, cell_paras[0].index, "bullet-"))
    return node


def _number(text: str) -> str | None:
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"\d+", text) or re.fullmatch(r"[IVXL]+", text):
        return text + "."
    return text
