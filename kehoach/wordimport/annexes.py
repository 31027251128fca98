"""Annexes (phụ lục): each starts at a line "Phụ lục I"; then its title in capitals, the
"(Kèm theo …)" line (which ``render`` writes from the plan, so it is not kept), and its
table, kept as a table (header row and rows, each cell's text with its markup).

A line kehoach's own renderer writes for an annex kept elsewhere, "(Phụ lục không in kèm;
nơi lưu: …)", gives back ``ben_ngoai``. Other paragraphs of an annex have no place the
format prints: they are kept in the annex's ``ghi_chu`` and listed in the report.
"""

from __future__ import annotations

import re
from typing import Any

from kehoach.plan.markup import plain
from kehoach.textnorm import fold
from kehoach.wordimport.bodytables import column_role
from kehoach.wordimport.docxbody import Block, Para, Table
from kehoach.wordimport.env import Env
from kehoach.wordimport.structure import is_annex_title

_NUMBER = re.compile(r"^phụ\s+lục\s*(?:số\s*)?(?P<so>[IVXLC]+|\d+|[A-Z])?\b", re.I)
_ELSEWHERE = re.compile(r"^\(Phụ lục không in kèm; nơi lưu: (?P<where>.+)\)$")
_MISSING = "(Nội dung phụ lục không có trong tệp kế hoạch.)"


def _split(blocks: list[Block]) -> list[list[Block]]:
    groups: list[list[Block]] = []
    for block in blocks:
        if isinstance(block, Para) and is_annex_title(block):
            groups.append([block])
        elif groups:
            groups[-1].append(block)
    return groups


def annexes(blocks: list[Block], env: Env) -> list[dict[str, Any]]:
    out = []
    for k, group in enumerate(_split(blocks), start=1):
        out.append(_annex(group, k, env))
    return out


def _annex(group: list[Block], position: int, env: Env) -> dict[str, Any]:
    title = group[0]
    assert isinstance(title, Para)
    m = _NUMBER.match(title.text)
    number = m["so"] if m and m["so"] else None
    if number is None:
        number = str(position)
        env.report.guessed(f"phụ lục không ghi số: đánh số {number}", title.index, title.text)
    annex: dict[str, Any] = {"so": number}
    env.report.recognised(f"phụ lục {number}", title.index, title.text)
    notes: list[str] = []
    titles: list[str] = []
    for block in group[1:]:
        if isinstance(block, Table):
            _table(annex, block, env, notes)
        elif block.text:
            _paragraph(annex, block, env, titles, notes)
    if titles:
        annex["tieu_de"] = " ".join(titles)
    if notes:
        annex["ghi_chu"] = "Đoạn văn trong phụ lục (không in): " + " / ".join(notes)
    return annex


def _paragraph(annex: dict[str, Any], para: Para, env: Env, titles: list[str],
               notes: list[str]) -> None:
    text = para.text
    if (m := _ELSEWHERE.match(text)) is not None:
        annex["ben_ngoai"] = m["where"]
        env.report.recognised("phụ lục giữ ở nơi khác", para.index, text)
    elif text == _MISSING or fold(text).startswith("(kem theo"):
        env.report.recognised("dòng “Kèm theo …” của phụ lục (in lại từ kế hoạch)", para.index,
                              text)
    elif "bang" not in annex and not notes and text.upper() == text and not annex.get(
            "ben_ngoai"):
        titles.append(env.markup(para.runs))
        env.report.recognised("tên phụ lục", para.index, text)
    else:
        notes.append(env.markup(para.runs))
        env.report.plain("đoạn văn trong phụ lục: không in được, giữ ở ghi_chu", para.index,
                         text)


def _cell(table: Table, row: int, column: int, env: Env) -> str:
    cells = table.rows[row]
    if column >= len(cells):
        return ""
    return " ".join(env.markup(p.runs) for p in cells[column] if p.text)


def _table(annex: dict[str, Any], table: Table, env: Env, notes: list[str]) -> None:
    if not table.rows:
        return
    if "bang" in annex:
        notes.extend(" | ".join(_cell(table, r, c, env) for c in range(len(table.rows[r])))
                     for r in range(len(table.rows)))
        env.report.plain("bảng thứ hai trong một phụ lục: giữ ở ghi_chu", table.index)
        return
    width = table.columns
    header = [_cell(table, 0, c, env) for c in range(width)]
    rows = [[_cell(table, r, c, env) for c in range(len(table.rows[r]))]
            for r in range(1, len(table.rows))]
    if not any(header):
        header = [str(c + 1) for c in range(width)]
    annex["bang"] = {"cot": header, "dong": rows}
    roles = [column_role(plain(h)) for h in header]
    if "content" in roles and {"lead", "coord", "time"} & set(roles):
        annex["_rows"] = [{role: row[c] for c, role in enumerate(roles) if role and c < len(row)}
                          for row in rows]
    env.report.recognised(f"bảng phụ lục ({len(rows)} dòng, {width} cột)", table.index,
                          " | ".join(header))
