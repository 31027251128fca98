"""A plan as stable, line-oriented text in plan terms (for ``git diff`` through textconv).

One line per header field, per legal basis, per item (``II.1.a) …``, the marker path then the
text), per task field (``  Nhiệm vụ <id>: thời hạn: …``), per recipient and signature. Every
field of the model appears somewhere — a field without its own line is printed as
``nhãn: giá trị`` under its item, task, legal basis, footnote or annex, with a Vietnamese
label (``_LABELS``) rather than the YAML key — so no change can hide from ``git diff``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from kehoach.plan.markers import marker_paths
from kehoach.plan.model import (
    AgendaItem,
    Annex,
    Committee,
    EditorialNote,
    Event,
    Footnote,
    Item,
    LegalBasis,
    Member,
    PartRole,
    Signature,
    Table,
    Task,
)
from kehoach.review.body import describe_completion, describe_extension
from kehoach.review.wording import HEADER_LABELS, SIGNATURE_LABELS, Names, day_vi, note_vi
from kehoach.textnorm import printable
from kehoach.tracking.schedule import reference_day

if TYPE_CHECKING:
    from kehoach.plan.model import Plan
    from kehoach.plan.registry import Registry

_ITEM_OWN = frozenset({"so", "nhan", "noi_dung", "muc", "nhiem_vu", "co_quan", "thoi_han",
                       "nhiem_vu_lien_quan"})
_TASK_OWN = frozenset({"id", "noi_dung", "chu_tri", "phoi_hop", "thoi_han", "san_pham",
                       "hoan_thanh", "gia_han", "ghi_chu"})

# Labels per model, not per key: the same key means different things in different places
# (``so`` of a legal basis is its number, of a committee the mark before each member).
# Labels are lower case because they follow a prefix (``Căn cứ 1: số, ký hiệu: …``).
_LABELS: dict[type[BaseModel], dict[str, str]] = {
    LegalBasis: {"noi_dung": "nội dung", "loai_van_ban": "loại văn bản", "so": "số, ký hiệu",
                 "ngay": "ngày ban hành", "co_quan": "cơ quan, người ban hành",
                 "trong_mo_dau": "viết trong câu mở đầu", "ghi_chu": "ghi chú"},
    Item: {"so": "ký hiệu", "nhan": "nhãn", "noi_dung": "nội dung", "vai_tro": "vai trò",
           "co_quan": "cơ quan", "dam": "in đậm", "thoi_han": "thời hạn chung",
           "nhiem_vu": "nhiệm vụ", "nhiem_vu_lien_quan": "nhắc nhiệm vụ",
           "ban_to_chuc": "ban tổ chức", "su_kien": "sự kiện", "muc": "mục con",
           "ghi_chu": "ghi chú"},
    Committee: {"so": "ký hiệu đầu dòng", "danh_xung": "danh xưng",
                "thanh_vien": "thành viên"},
    Member: {"ho_ten": "họ tên", "chuc_vu": "chức vụ", "vai_tro": "vai trò"},
    Event: {"thoi_gian": "thời gian", "dia_diem": "địa điểm", "thanh_phan": "thành phần",
            "chuong_trinh": "chương trình"},
    AgendaItem: {"thoi_gian": "thời gian", "noi_dung": "nội dung", "thuc_hien": "thực hiện"},
    Task: {"id": "mã", "noi_dung": "nội dung", "chu_tri": "chủ trì", "phoi_hop": "phối hợp",
           "thoi_han": "thời hạn", "san_pham": "sản phẩm", "hoan_thanh": "hoàn thành",
           "gia_han": "gia hạn", "ghi_chu": "ghi chú"},
    Signature: {**SIGNATURE_LABELS, "ghi_chu": "ghi chú"},
    Footnote: {"id": "mã", "noi_dung": "nội dung", "ghi_chu": "ghi chú"},
    Annex: {"so": "số", "tieu_de": "tiêu đề", "bang": "bảng", "bang_nhiem_vu": "bảng nhiệm vụ",
            "ngang": "trang ngang", "ben_ngoai": "giữ ở nơi khác", "ghi_chu": "ghi chú"},
    Table: {"cot": "cột", "dong": "dòng"},
    EditorialNote: {"loai": "loại", "noi_dung": "nội dung"},
}
ROLE_LABELS = {
    PartRole.muc_dich_yeu_cau: "mục đích, yêu cầu", PartRole.muc_dich: "mục đích",
    PartRole.yeu_cau: "yêu cầu", PartRole.doi_tuong: "đối tượng",
    PartRole.noi_dung: "nội dung", PartRole.kinh_phi: "kinh phí",
    PartRole.to_chuc_thuc_hien: "tổ chức thực hiện", PartRole.ban_to_chuc: "ban tổ chức",
    PartRole.khac: "khác",
}


def plan_lines(plan: Plan, registry: Registry | None = None) -> list[str]:
    names = Names(registry)
    lines = list(_header(plan, names))
    lines += [f"Căn cứ {i}: {b.noi_dung}" for i, b in enumerate(plan.can_cu, 1)]
    for i, basis in enumerate(plan.can_cu, 1):
        lines += _fields(f"Căn cứ {i}", basis, skip={"noi_dung"})
    if plan.mo_dau:
        lines.append(f"Câu mở đầu: {plan.mo_dau}")
    places = marker_paths(plan)
    as_of = reference_day(plan)
    for i, item in enumerate(plan.phan):
        lines += _item(item, ("phan", i), places, names, as_of, ())
    lines += [f"Đoạn kết: {text}" for text in plan.ket_thuc]
    lines += [f"Nơi nhận: {text}" for text in plan.noi_nhan]
    for i, sig in enumerate(plan.chu_ky, 1):
        if sig.co_quan:
            lines.append(f"Chữ ký {i}: cơ quan: {names(sig.co_quan)}")
        lines += [f"Chữ ký {i}: {label}: {value}" for label, value in (
            ("quyền hạn", sig.quyen_han), ("chức vụ", sig.chuc_vu), ("người ký", sig.nguoi_ky))
            if value]
        lines += _fields(f"Chữ ký {i}", sig, skip=set(SIGNATURE_LABELS))
    for note in plan.chu_thich:
        lines += _fields(f"Chú thích [^{note.id}]", note, skip={"id"})
    for annex in plan.phu_luc:
        lines += _fields(f"Phụ lục {annex.so}", annex, skip={"so"})
    if plan.mau:
        lines.append(f"Mẫu trình bày: {plan.mau}")
    lines += [f"Ghi chú: {note_vi(note)}" for note in plan.ghi_chu]
    return [printable(line) for line in lines]


def _header(plan: Plan, names: Names) -> Iterator[str]:
    yield f"{HEADER_LABELS['loai']}: {plan.loai.name_vi} ({plan.loai.value})"
    if plan.ten_loai:
        yield f"{HEADER_LABELS['ten_loai']}: {plan.ten_loai}"
    if plan.du_thao:
        yield "Dự thảo: có"
    if plan.thieu_tieu_de:
        yield f"{HEADER_LABELS['thieu_tieu_de']}: có"
    for issuer in plan.co_quan_ban_hanh:
        pairs = (("tên in", issuer.ten_in), ("chủ quản", issuer.chu_quan))
        extra = "".join(f" | {k}: {v}" for k, v in pairs if v is not None)
        yield f"{HEADER_LABELS['co_quan_ban_hanh']}: {names(issuer.co_quan)}{extra}"
    for key in ("so_ky_hieu", "dia_danh", "ngay_ban_hanh", "trich_yeu"):
        value = getattr(plan, key)
        if value is not None:
            yield f"{HEADER_LABELS[key]}: {day_vi(value) if isinstance(value, dt.date) else value}"
    if plan.giai_doan is not None:
        period = plan.giai_doan
        yield f"{HEADER_LABELS['giai_doan']}: {_scalar(period.tu)}–{_scalar(period.den)}"


def _item(item: Item, path: tuple[Any, ...], places: dict[Any, str], names: Names,
          as_of: dt.date | None, owner: tuple[str, ...]) -> list[str]:
    place = places[path]
    sep = "" if place.endswith((")", "]")) or not place else "."
    text = " ".join(p for p in (item.nhan, item.noi_dung) if p)
    lines = [f"{place}{sep} {text}".rstrip()]
    if item.co_quan:
        lines.append(f"  {place}: trách nhiệm của {names.many(item.co_quan)}")
        owner = tuple(item.co_quan)
    if item.thoi_han:
        lines.append(f"  {place}: thời hạn chung cho các nhiệm vụ trong mục: {item.thoi_han}"
                     f"{deadline_note(item.thoi_han, as_of)}")
    if item.nhiem_vu_lien_quan:
        lines.append(f"  {place}: nhắc nhiệm vụ {', '.join(item.nhiem_vu_lien_quan)}")
    lines += _fields(f"  {place}", item, skip=_ITEM_OWN)
    for task in item.nhiem_vu:
        lines += _task(task, names, as_of, owner)
    for i, child in enumerate(item.muc):
        lines += _item(child, (*path, "muc", i), places, names, as_of, owner)
    return lines


def _task(task: Task, names: Names, as_of: dt.date | None, owner: tuple[str, ...]) -> list[str]:
    head = f"  Nhiệm vụ {task.id}"
    lines = [f"{head}: nội dung: {task.noi_dung}"] if task.noi_dung else []
    leads = tuple(task.chu_tri) or owner
    lines.append(f"{head}: chủ trì: {names.many(leads)}")
    if task.phoi_hop:
        lines.append(f"{head}: phối hợp: {names.many(task.phoi_hop)}")
    if task.thoi_han:
        lines.append(f"{head}: thời hạn: {task.thoi_han}{deadline_note(task.thoi_han, as_of)}")
    if task.san_pham:
        lines.append(f"{head}: sản phẩm: {task.san_pham}")
    lines += [f"{head}: hoàn thành: {describe_completion(d, names)}" for d in task.hoan_thanh]
    lines += [f"{head}: gia hạn: {describe_extension(e)}" for e in task.gia_han]
    if task.ghi_chu:
        lines.append(f"{head}: ghi chú: {task.ghi_chu}")
    lines += _fields(head, task, skip=_TASK_OWN)
    return lines


def deadline_note(phrase: str, as_of: dt.date | None) -> str:
    """`` (hạn 30/06/2023)`` — what the phrase reads as, so a reading change shows too."""
    from kehoach.deadline import due, label, read_deadline

    reading = read_deadline(phrase, reference=as_of)
    if reading.kind == "unknown":
        return " (chưa đọc được)"
    if reading.kind in ("recurring", "relative", "continuous"):
        return f" ({label(reading)})"
    day = due(reading, as_of or dt.date(dt.MINYEAR, 1, 1))
    return f" (hạn {day_vi(day)})" if day else ""


def _fields(prefix: str, model: BaseModel,
            skip: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """``prefix: nhãn: giá trị`` lines for every field not at its default (``skip`` out).

    Field order is the model's, so the lines keep their order from one version to the next.
    """
    labels = _LABELS.get(type(model), {})
    out = []
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if name in skip or value == info.get_default(call_default_factory=True):
            continue
        # A field added to the model without a label still shows, as words, not as a key.
        out += _value(f"{prefix}: {labels.get(name) or name.replace('_', ' ')}", value)
    return out


def _value(prefix: str, value: Any) -> list[str]:
    if isinstance(value, BaseModel):
        return _fields(prefix, value)
    if isinstance(value, list):
        if all(not isinstance(v, BaseModel | list) for v in value):
            return [f"{prefix}: " + " | ".join(_scalar(v) for v in value)]
        return [line for i, v in enumerate(value, 1) for line in _value(f"{prefix} {i}", v)]
    return [f"{prefix}: {_scalar(value)}"]


def _scalar(value: Any) -> str:
    if isinstance(value, PartRole):
        return ROLE_LABELS.get(value, value.value)
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, dt.date):
        return day_vi(value)
    return str(value)
