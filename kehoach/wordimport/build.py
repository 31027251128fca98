"""A Word document to the data of a plan: each recogniser in turn, in the format's order.

``build_plan`` gives the plan's data (keys in the format's order, registry ids resolved or
proposed), the proposed registry entries and the report. Nothing here writes a file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kehoach.plan.model import FORMAT_VERSION, DocType, Plan
from kehoach.plan.registry import Registry
from kehoach.textnorm import fold
from kehoach.wordimport.annexes import annexes
from kehoach.wordimport.bodymatch import Bodies, Proposal
from kehoach.wordimport.closing import closing
from kehoach.wordimport.docxbody import Block, Docx, Para
from kehoach.wordimport.env import Env
from kehoach.wordimport.header import Header, read_header
from kehoach.wordimport.issuers import read_issuers
from kehoach.wordimport.items import Node
from kehoach.wordimport.marks import split_marker
from kehoach.wordimport.opening import opening, type_and_subject
from kehoach.wordimport.outline import Outline
from kehoach.wordimport.refusal import WordImportError
from kehoach.wordimport.report import Report
from kehoach.wordimport.structure import Zones, zones
from kehoach.wordimport.taskfind import Tasks, id_prefix

_OPENERS = re.compile(r"^(?:tren day|trong qua trinh|de nghi|yeu cau)\b")
_CLOSING_WORDS = re.compile(
    r"\b(?:yeu cau|de nghi) (?:thu truong|cac|lanh dao|ban|toan the)\b|\bke hoach nay\b"
    r"|\bnoi dung neu tren\b")
_PERIOD = re.compile(r"giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})|năm\s+(\d{4})\b", re.I)


@dataclass
class Built:
    data: dict[str, Any]
    proposals: list[Proposal]
    report: Report


def build_plan(docx: Docx, registry: Registry, source: str,
               taken_ids: frozenset[str] | set[str] = frozenset()) -> Built:
    env = Env(Report(), Bodies(registry), source, docx.notes)
    env.number_notes(docx.blocks)
    z = zones(docx.blocks)
    data: dict[str, Any] = {"phien_ban_dinh_dang": FORMAT_VERSION, **_type(z, env)}
    issuers = _front(z, data, env)
    body, ending = _closing_paragraphs(z.body)
    parts = Outline(env).blocks(body)
    tasks = Tasks(env, id_prefix(data), set(taken_ids))
    tasks.find(parts)
    annexed = annexes(z.annexes, env)
    _annex_tasks(parts, annexed, tasks, env)
    if parts:
        data["phan"] = [p.data() for p in parts]
    if ending:
        data["ket_thuc"] = [env.markup(p.runs) for p in ending]
        for para in ending:
            env.report.guessed("đoạn kết", para.index, para.text)
    data.update(closing(z.closing, issuers, env))
    notes = _footnotes(env)
    if notes:
        data["chu_thich"] = notes
    if annexed:
        data["phu_luc"] = annexed
    data["ghi_chu"] = f"Nhập từ “{source}” bằng kehoach import."
    return Built(data, list(env.bodies.proposals.values()), env.report)


def _front(z: Zones, data: dict[str, Any], env: Env) -> list[str]:
    """The header, subject, period, bases and opening into ``data``; the issuers' ids."""
    header = read_header(z.header)
    _unplaced_header(header, env)
    issuers = read_issuers(header, env.bodies, env.report)
    if not issuers.ids:
        raise WordImportError(
            f"“{env.source}”: không nhận ra cơ quan ban hành ở phần tiêu đề (tên cơ quan in hoa "
            "phía trên “Số: …”, thường trong bảng hai cột không viền ở đầu văn bản). Hãy thêm "
            "phần tiêu đề vào văn bản rồi nhập lại, hoặc soạn bằng “kehoach new”.")
    data.update(_header_fields(header, issuers.entries, env))
    _draft_symbol(data, issuers.ids, header, env)
    data["trich_yeu"] = data.get("trich_yeu") or _fallback_subject(env.source, env)
    period = _period(data["trich_yeu"])
    if period:
        data["giai_doan"] = period
        env.report.guessed(f"giai đoạn {period['tu']}–{period['den']} (theo trích yếu)")
    data.update(opening(z.preamble, env))
    return issuers.ids


def _annex_tasks(parts: list[Node], annexed: list[dict[str, Any]], tasks: Tasks, env: Env
                 ) -> None:
    """Task tables of annexes back to the items' tasks (``annextasks``); an annex listing
    every task of the plan in order is ``bang_nhiem_vu: true``."""
    from kehoach.wordimport.annextasks import all_tasks, attach

    for annex in annexed:
        rows = annex.pop("_rows", None)
        if rows is None:
            continue
        if not attach(parts, annex, rows, env, lambda node: tasks.id_for(parts, node)):
            env.report.plain(f"bảng nhiệm vụ của phụ lục {annex['so']} giữ nguyên dạng bảng: "
                             "có dòng không thấy trong nội dung kế hoạch")
        elif annex["bang_nhiem_vu"] == all_tasks(parts):
            annex["bang_nhiem_vu"] = True


def _type(z: Zones, env: Env) -> dict[str, Any]:
    if z.title is None or z.doc_type is None:
        env.report.guessed("không thấy dòng tên loại văn bản (KẾ HOẠCH, CHƯƠNG TRÌNH…): ghi là "
                           "kế hoạch")
        return {"loai": "ke_hoach"}
    return type_and_subject(z.title, z.subject, z.doc_type, env)


def _header_fields(header: Header, issuers: list[dict[str, Any]], env: Env) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if header.draft_mark:
        out["du_thao"] = True
        env.report.recognised("dự thảo (dấu DỰ THẢO)", header.number_index)
    elif header.draft:
        _blank_header(out, header, env)
    out["co_quan_ban_hanh"] = [e["co_quan"] if len(e) == 1 else e for e in issuers]
    if header.number and not header.blank_number:
        out["so_ky_hieu"] = _symbol(header.number)
    elif header.number and header.blank_number:
        out["so_ky_hieu"] = _symbol(header.number).lstrip(" .…_")
    if header.place:
        out["dia_danh"] = header.place
    if header.date:
        out["ngay_ban_hanh"] = header.date
    if header.number:
        env.report.recognised(f"số, ký hiệu: {header.number}", header.number_index)
    if header.date_index:
        env.report.recognised("địa danh, ngày ban hành", header.date_index)
    return out


def _draft_symbol(data: dict[str, Any], ids: list[str], header: Header, env: Env) -> None:
    """A draft's blank number whose symbol is what ``render`` writes anyway is left out."""
    from kehoach.render import typeset
    from kehoach.wordimport.bodymatch import Proposal

    symbol = data.get("so_ky_hieu")
    if not symbol or not header.blank_number:
        return
    if data.get("thieu_tieu_de"):  # render writes a draft's blank only for drafts
        return
    bodies = [env.bodies.registry.get(i) or env.bodies.proposals.get(i) for i in ids]
    abbreviations = [b.viet_tat or "" if b is not None else "" for b in bodies]
    youth = header.kind == "doan" or (header.stars and header.kind is None)
    code = DocType(data["loai"]).code
    derived = typeset.number_symbol(None, code, abbreviations, youth).strip()
    if derived == symbol and not any(isinstance(b, Proposal) for b in bodies):
        del data["so_ky_hieu"]


def _blank_header(out: dict[str, Any], header: Header, env: Env) -> None:
    """Blanks for the number or the date without a "DỰ THẢO" mark: the plan prints them so
    (``thieu_tieu_de``, where the format has it: a copy without its header data), else as a
    draft, which is what the format could say before."""
    if "thieu_tieu_de" in Plan.model_fields:
        out["thieu_tieu_de"] = True
        env.report.guessed("số hoặc ngày để trống, không có dấu DỰ THẢO: ghi thieu_tieu_de (nếu "
                           "là dự thảo, đổi thành du_thao: true)", header.number_index)
    else:
        out["du_thao"] = True
        env.report.guessed("dự thảo (số hoặc ngày để trống)", header.number_index)


def _symbol(text: str) -> str:
    return re.sub(r"\s*([/-])\s*", r"\1", text.strip())


def _unplaced_header(header: Header, env: Env) -> None:
    for index, text in header.unknown:
        env.report.plain("dòng ở phần tiêu đề không rõ là gì (không giữ)", index, text)


def _fallback_subject(source: str, env: Env) -> str:
    env.report.guessed("không thấy trích yếu: lấy tên tệp")
    return source.rsplit(".", 1)[0] or "Kế hoạch"


def _period(subject: str) -> dict[str, int] | None:
    m = _PERIOD.search(subject)
    if m is None:
        return None
    if m.group(1):
        start, end = int(m.group(1)), int(m.group(2))
        return {"tu": start, "den": end} if start <= end <= start + 50 else None
    year = int(m.group(3))
    return {"tu": year, "den": year}


def _closing_paragraphs(body: list[Block]) -> tuple[list[Block], list[Para]]:
    """The body without its closing paragraphs (after the last item, "Trên đây là …",
    "… yêu cầu các …", ending "./.")."""
    end = len(body)
    while end and _blank(body[end - 1]):
        end -= 1
    k = end
    while k and _unnumbered(body[k - 1]):
        k -= 1
    trailing = [b for b in body[k:end] if isinstance(b, Para) and b.text]
    take = 0
    for position in range(len(trailing) - 1, -1, -1):
        text = trailing[position].text
        last = position == len(trailing) - 1
        folded = fold(text)
        if _OPENERS.search(folded) or (last and (text.rstrip().endswith("/.")
                                                 or _CLOSING_WORDS.search(folded))):
            take = len(trailing) - position
        elif not last:
            break
    ending = trailing[len(trailing) - take:] if take else []
    kept = [b for b in body if not (isinstance(b, Para) and any(b is e for e in ending))]
    return kept, ending


def _blank(block: Block) -> bool:
    return isinstance(block, Para) and not block.text


def _unnumbered(block: Block) -> bool:
    return isinstance(block, Para) and not block.label and (
        not block.text or split_marker(block.text) is None)


def _footnotes(env: Env) -> list[dict[str, Any]]:
    out = []
    first = {number: ref for ref, number in reversed(list(env.numbers.items()))}
    for number, ref in sorted(first.items()):
        text = env.markup(env.notes.get(ref, []))
        out.append({"id": number, "noi_dung": text})
        env.report.recognised(f"chú thích {number}", None, text)
    return out


__all__ = ["Built", "Node", "build_plan"]
