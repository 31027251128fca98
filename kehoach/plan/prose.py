"""Every paragraph a plan prints, as plain text, in document order.

``plan_paragraphs`` is the rendered document without its formatting: the renderer and the
tests use it to prove that no part of a plan is dropped. It reads the plan alone, so parts the
template takes from elsewhere are not listed: the issuing bodies' names (registry), the
national motto or "ĐOÀN TNCS HỒ CHÍ MINH" (template), "Phụ lục I"-style headings of annexes
kept elsewhere (``ben_ngoai``) and generated task tables (``bang_nhiem_vu``, whose rows repeat
task text already listed). The labels that carry plan data are listed as printed: "Số: …",
"<place>, ngày … tháng … năm …" and "Nơi nhận:".

Order: number, place and date, type title, subject line, legal bases, opening, body items
depth-first (each item's line, then its committee, its event, then its children), closing
paragraphs, recipients, signature lines, footnote texts, annexes. An item's line is its marker,
label and text joined by single spaces; a committee member is "{danh_xung} {ho_ten} –
{chuc_vu}" followed by the role. Markup is stripped with :func:`kehoach.plan.markup.plain`.
"""

from __future__ import annotations

import datetime as dt

from kehoach.plan.markup import plain
from kehoach.plan.model import Committee, Event, Item, Plan

__all__ = ["date_line", "plan_paragraphs"]


def date_line(place: str | None, day: dt.date | None) -> str:
    """The place and date line, e.g. "Lạng Sơn, ngày 05 tháng 01 năm 2022".

    Nghị định 30/2020/NĐ-CP: a leading zero for days below 10 and for months 1 and 2.
    """
    parts = []
    if place:
        parts.append(place)
    if day:
        month = f"{day.month:02d}" if day.month < 3 else str(day.month)
        parts.append(f"ngày {day.day:02d} tháng {month} năm {day.year}")
    return ", ".join(parts)


def _join(*parts: str | None) -> str:
    return " ".join(plain(p) for p in parts if p)


def _committee(ban: Committee) -> list[str]:
    out = []
    for m in ban.thanh_vien:
        line = _join(ban.so, ban.danh_xung, m.ho_ten)
        if m.chuc_vu:
            line += " – " + plain(m.chuc_vu)
        out.append(_join(line, m.vai_tro))
    return out


def _event(ev: Event) -> list[str]:
    out = [plain(x) for x in (ev.thoi_gian, ev.dia_diem) if x]
    out += [plain(x) for x in ev.thanh_phan]
    out += [_join(a.thoi_gian, a.noi_dung, a.thuc_hien) for a in ev.chuong_trinh]
    return out


def _item(item: Item) -> list[str]:
    out = []
    line = _join(item.so, item.nhan, item.noi_dung)
    if line:
        out.append(line)
    if item.ban_to_chuc:
        out += _committee(item.ban_to_chuc)
    if item.su_kien:
        out += _event(item.su_kien)
    for child in item.muc:
        out += _item(child)
    return out


def plan_paragraphs(plan: Plan) -> list[str]:
    """Every paragraph the rendered document prints, in document order, markup stripped."""
    out: list[str] = []
    if plan.so_ky_hieu:
        out.append(f"Số: {plan.so_ky_hieu}")
    when = date_line(plan.dia_danh, plan.ngay_ban_hanh)
    if when:
        out.append(when)
    out.append(plan.type_title)
    out.append(plain(plan.trich_yeu))
    out += [plain(c.noi_dung) for c in plan.can_cu]
    if plan.mo_dau:
        out.append(plain(plan.mo_dau))
    for item in plan.phan:
        out += _item(item)
    out += [plain(p) for p in plan.ket_thuc]
    if plan.noi_nhan:
        out.append("Nơi nhận:")
        out += [plain(x) for x in plan.noi_nhan]
    for sig in plan.chu_ky:
        out += [plain(x) for x in (sig.quyen_han, sig.chuc_vu, sig.nguoi_ky) if x]
    out += [plain(n.noi_dung) for n in plan.chu_thich if n.noi_dung]
    for annex in plan.phu_luc:
        if annex.ben_ngoai:
            continue
        out.append(f"Phụ lục {annex.so}")
        if annex.tieu_de:
            out.append(plain(annex.tieu_de))
        if annex.bang:
            out += [plain(c) for c in annex.bang.cot if c]
            out += [plain(c) for row in annex.bang.dong for c in row if c]
    return [p for p in out if p]
