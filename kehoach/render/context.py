"""What a template sees: plain mappings built from the plan and the registry.

Templates get data, not the pydantic models: a small, documented surface (see
``templates/README.md``) whose keys follow the plan format. Every key is always present
(``None`` or empty when the plan lacks it), so ``{% if ... %}`` works under strict undefined.
"""

from __future__ import annotations

from typing import Any

from kehoach.plan.markers import NUMBERED, bold_by_default
from kehoach.plan.model import BodyKind, Item, Plan
from kehoach.plan.registry import Registry
from kehoach.render import typeset
from kehoach.render.annex import annex_context

CONTEXT_KEYS = ("van_ban", "tieu_de", "muc", "chu_ky", "phu_luc")


def build(plan: Plan, registry: Registry) -> dict[str, Any]:
    return {
        "van_ban": document(plan, registry),
        "tieu_de": header(plan, registry),
        "muc": items(plan.phan),
        "chu_ky": [
            {
                "cot": i,
                "co_quan": s.co_quan,
                "quyen_han": s.quyen_han,
                "chuc_vu": s.chuc_vu,
                "nguoi_ky": s.nguoi_ky,
            }
            for i, s in enumerate(plan.chu_ky, start=1)
        ],
        "phu_luc": annex_context(plan, registry),
    }


def document(plan: Plan, registry: Registry) -> dict[str, Any]:
    issuers = [registry.name(b.co_quan) for b in plan.co_quan_ban_hanh]
    return {
        "loai": plan.loai.value,
        "ma_loai": plan.loai.code,
        "ten_loai": plan.type_title,
        "ten_loai_thuong": typeset.sentence_case(plan.type_title),
        "du_thao": plan.du_thao,
        "thieu_tieu_de": plan.thieu_tieu_de,
        "so_ky_hieu": header_number(plan, registry),
        "dia_danh": plan.dia_danh,
        "ngay_ban_hanh": plan.ngay_ban_hanh,
        "ngay_so": typeset.date_short_or_blank(plan.ngay_ban_hanh),
        "trich_yeu": plan.trich_yeu,
        # A basis written inside the opening sentence prints with it, as one paragraph.
        "can_cu": [c.noi_dung for c in plan.can_cu if not c.trong_mo_dau],
        "mo_dau": plan.mo_dau,
        "ket_thuc": list(plan.ket_thuc),
        "noi_nhan": recipients(plan),
        "co_quan_ban_hanh": " và ".join(issuers),
    }


DRAFT_RECIPIENTS = ("- …;", "- Lưu: VT, ….")
"""The recipients block of a draft that lists none yet: the lines an official fills in."""


def recipients(plan: Plan) -> list[str]:
    """The recipient lines; a draft without any prints the skeleton to fill in."""
    if not plan.noi_nhan and plan.du_thao:
        return list(DRAFT_RECIPIENTS)
    return list(plan.noi_nhan)


def layout_kind(plan: Plan, registry: Registry) -> str:
    """The header variant: "nha_nuoc" (national motto) when any issuer is a state body (or a
    mass organisation, or unknown); else "doan" when any is a Youth Union body; else "dang"."""
    kinds = {registry.kind(b.co_quan) for b in plan.co_quan_ban_hanh}
    if kinds - {BodyKind.doan_thanh_nien, BodyKind.dang}:
        return "nha_nuoc"
    return "doan" if BodyKind.doan_thanh_nien in kinds else "dang"


def header_number(plan: Plan, registry: Registry) -> str:
    """The number and symbol: the plan's, or the blank a draft leaves."""
    abbreviations = []
    for issuer in plan.co_quan_ban_hanh:
        body = registry.get(issuer.co_quan)
        abbreviations.append(body.viet_tat if body and body.viet_tat else "")
    youth = layout_kind(plan, registry) == "doan"
    return typeset.number_symbol(plan.so_ky_hieu, plan.loai.code, abbreviations, youth)


def header(plan: Plan, registry: Registry) -> dict[str, Any]:
    bodies = []
    for issuer in plan.co_quan_ban_hanh:
        body = registry.get(issuer.co_quan)
        name = issuer.ten_in or (body.ten_in or body.ten if body else issuer.co_quan)
        bodies.append(
            {
                "id": issuer.co_quan,
                "ten": name,
                "chu_quan": _parent_line(issuer.chu_quan, body, registry),
                "viet_tat": body.viet_tat if body else None,
            }
        )
    return {
        "kieu": layout_kind(plan, registry),
        "co_quan": bodies,
        "so": header_number(plan, registry),
        "dia_danh_ngay": typeset.place_and_date(plan.dia_danh, plan.ngay_ban_hanh),
    }


def _parent_line(override: str | None, body: Any, registry: Registry) -> str | None:
    if override is not None:
        return override or None
    if body is None or body.cap_tren is None:
        return None
    parent = registry.get(body.cap_tren)
    if parent is None:
        return None
    # Nghị định 30 lets the parent's name be abbreviated ("UBND TỈNH CÀ MAU"); as an issuer
    # the same body prints its full name ("ỦY BAN NHÂN DÂN TỈNH CÀ MAU").
    return parent.ten_in_chu_quan or parent.ten_in or parent.ten


def items(parts: list[Item]) -> list[dict[str, Any]]:
    """The body flattened in document order, each item with its depth (0 = a part)."""
    out: list[dict[str, Any]] = []

    def walk(level: list[Item], depth: int) -> None:
        for item in level:
            out.append(_item(item, depth))
            walk(item.muc, depth + 1)

    walk(parts, 0)
    return out


def bold(item: Item, depth: int) -> bool:
    """Whether an item's line prints bold: as it says (``dam``), else a part with a marker
    and a numbered item with sub-items."""
    if item.dam is not None:
        return item.dam
    return bold_by_default(item.so, depth, bool(item.muc))


def _item(item: Item, depth: int) -> dict[str, Any]:
    numbered = bool(item.so and NUMBERED.match(item.so))
    committee = item.ban_to_chuc
    event = item.su_kien
    return {
        "cap": depth,
        "so": item.so,
        "nhan": item.nhan,
        "noi_dung": item.noi_dung,
        "dong": [p for p in (item.so, item.nhan, item.noi_dung) if p],
        "dam": bold(item, depth),
        "tieu_de": item.dam if item.dam is not None else numbered and bool(item.muc),
        "vai_tro": item.vai_tro.value if item.vai_tro else None,
        "ban_to_chuc": committee.model_dump() if committee else None,
        "su_kien": event.model_dump() if event else None,
    }
