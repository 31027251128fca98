"""The type line and subject, the legal bases and the opening sentence.

Legal bases (căn cứ) are the paragraphs before the body that begin "Căn cứ", "Thực hiện",
"Triển khai…", "Theo…", "Xét…" — or, where the author set them in italics as the decree
asks, the italic ones; the opening sentence is the last paragraph that is not one
(usually "… ban hành Kế hoạch … như sau:"). Each basis is kept verbatim, with the kind,
number, date and issuer of the document it cites read from it when they are plain to see
(``kehoach check`` holds them to the text).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from typing import Any

from kehoach.plan.markup import plain
from kehoach.plan.model import DocType
from kehoach.textnorm import fold
from kehoach.wordimport.docxbody import Para
from kehoach.wordimport.env import Env

BASIS_VERBS = ("can cu", "thuc hien", "trien khai", "theo ", "xet ", "tren co so")
_KINDS = ("Luật", "Bộ luật", "Nghị định", "Nghị quyết", "Quyết định", "Thông tư", "Chỉ thị",
          "Kế hoạch", "Chương trình", "Hướng dẫn", "Công văn", "Thông báo", "Kết luận",
          "Quy định", "Quy chế", "Đề án", "Văn bản", "Điều lệ", "Pháp lệnh", "Tờ trình",
          "Báo cáo")
_CITE = re.compile(
    r"(?P<kind>" + "|".join(sorted(_KINDS, key=len, reverse=True)) + r")"
    r"(?:\s+số)?\s+(?P<so>\d+[\w./-]*/[\w./-]*\w)"
    r"(?:\s+ngày\s+(?P<d>\d{1,2})\s*(?:/|-|\.|\s+tháng\s+)(?P<m>\d{1,2})\s*(?:/|-|\.|\s+năm\s+)"
    r"(?P<y>\d{4}))?"
    r"(?:\s+của\s+(?P<by>.+?)(?=\s+(?:về|ban hành|phê duyệt|quy định|hướng dẫn|thông qua"
    r"|triển khai|thực hiện|v/v)\b|[;,.]|$))?")


def type_and_subject(title: Para, subject: list[Para], doc_type: DocType, env: Env
                     ) -> dict[str, Any]:
    """``loai``, ``ten_loai`` (when printed otherwise) and ``trich_yeu``."""
    lines = [line for line in title.lines() if line]
    type_line = lines[0]
    rest = " ".join(lines[1:])
    out: dict[str, Any] = {"loai": doc_type.value}
    if type_line.upper() != doc_type.name_vi.upper():
        out["ten_loai"] = type_line
    texts = [rest] if rest else []
    texts += [env.markup(p.runs) for p in subject]
    out["trich_yeu"] = " ".join(t for t in texts if t)
    env.report.recognised(f"tên loại văn bản: {doc_type.name_vi}", title.index, type_line)
    for para in subject:
        env.report.recognised("trích yếu", para.index, para.text)
    return out


def opening(preamble: list[Para], env: Env) -> dict[str, Any]:
    """``can_cu`` and ``mo_dau`` from the paragraphs between the subject and the body."""
    if not preamble:
        return {}
    italic = any(p.all_italic for p in preamble)
    bases = [p.all_italic if italic else _basis(p) for p in preamble]
    opener = next((k for k in range(len(preamble) - 1, -1, -1) if not bases[k]), None)
    if opener is None and preamble[-1].text.endswith(":"):
        opener = len(preamble) - 1
    out: dict[str, Any] = {}
    can_cu = []
    for k, para in enumerate(preamble):
        if k == opener:
            out["mo_dau"] = env.markup(para.runs)
            env.report.recognised("câu mở đầu", para.index, para.text)
            continue
        can_cu.append(basis(env.markup(para.runs)))
        if bases[k]:
            env.report.recognised("căn cứ", para.index, para.text)
        else:
            env.report.guessed("đoạn trước phần I, không phải câu mở đầu: ghi là căn cứ",
                               para.index, para.text)
    if opener is not None:
        for found in bases_in_opening(out["mo_dau"]):
            can_cu.append(found)
            env.report.recognised("căn cứ viết trong câu mở đầu", preamble[opener].index,
                                  found["noi_dung"])
    if can_cu:
        out["can_cu"] = can_cu
    return out


_CLAUSE = re.compile(r"(?:^|(?<=[;,])\s+)(?=(?:Căn cứ|Thực hiện|Triển khai|Theo|Trên cơ sở)\s)",
                     re.IGNORECASE)


def bases_in_opening(text: str) -> list[dict[str, Any]]:
    """The legal bases an opening sentence cites ("Căn cứ Nghị định số 13/2021/NĐ-CP …;
    Thực hiện Kế hoạch số 12/KH-TWĐ ngày … của …, UBND huyện xây dựng Kế hoạch … như sau:"),
    each as ``basis`` reads it with ``trong_mo_dau``: its words are an excerpt of the
    sentence — from its verb to the issuer of the document it cites — so that ``check``
    finds them there and the sentence still prints whole. A clause that cites no numbered
    document is left in the sentence: where it ends cannot be told from its words."""
    flat = plain(text)
    if not fold(flat).startswith(BASIS_VERBS):
        return []
    starts = [m.end() for m in _CLAUSE.finditer(flat)]
    found = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(flat)
        clause = flat[start:end]
        cite = _CITE.search(clause)
        if cite is None:
            continue
        excerpt = clause[:cite.end()].rstrip(" ;,.")
        found.append({**basis(excerpt), "trong_mo_dau": True})
    return found


def _basis(para: Para) -> bool:
    return fold(para.text).startswith(BASIS_VERBS) and not para.text.endswith(":")


def basis(text: str) -> dict[str, Any]:
    """A legal basis: the text verbatim, and what it cites where that is plain to see."""
    out: dict[str, Any] = {"noi_dung": text}
    m = _CITE.search(plain(text))
    if m is None:
        return out
    out["loai_van_ban"] = m["kind"]
    out["so"] = m["so"]
    if m["y"]:
        with contextlib.suppress(ValueError):
            out["ngay"] = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    if m["by"] and len(m["by"]) <= 80:
        out["co_quan"] = m["by"].strip()
    return out
