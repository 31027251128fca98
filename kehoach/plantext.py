"""A plan as stable, line-oriented text in plan terms (for ``git diff`` through textconv).

One line per header field, per legal basis, per item (``II.1.a) …``, the marker path then the
text), per task field (``  Nhiệm vụ <id>: thời hạn: …``), per recipient and signature. Every
field of the model appears somewhere — a field without its own line is printed as
``key: value`` under its item or task — so no change can hide from ``git diff``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from kehoach.diff import HEADER_LABELS, Names, day_vi, reference_day
from kehoach.diffbody import describe_completion, describe_extension
from kehoach.markers import marker_paths

if TYPE_CHECKING:
    from kehoach.model import Item, Plan, Task
    from kehoach.registry import Registry

_ITEM_OWN = {"so", "nhan", "noi_dung", "muc", "nhiem_vu", "co_quan"}
_TASK_OWN = {"id", "noi_dung", "chu_tri", "phoi_hop", "thoi_han", "san_pham", "hoan_thanh",
             "gia_han", "ghi_chu"}


def plan_lines(plan: Plan, registry: Registry | None = None) -> list[str]:
    names = Names(registry)
    lines = list(_header(plan, names))
    lines += [f"Căn cứ {i}: {b.noi_dung}" for i, b in enumerate(plan.can_cu, 1)]
    for i, basis in enumerate(plan.can_cu, 1):
        lines += _flat(f"Căn cứ {i}", basis.model_dump(mode="json", exclude_defaults=True),
                       skip={"noi_dung"})
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
    for note in plan.chu_thich:
        lines += _flat(f"Chú thích [^{note.id}]", note.model_dump(mode="json",
                                                                   exclude_defaults=True), {"id"})
    for annex in plan.phu_luc:
        lines += _flat(f"Phụ lục {annex.so}", annex.model_dump(mode="json",
                                                                exclude_defaults=True), {"so"})
    if plan.mau:
        lines.append(f"Mẫu trình bày: {plan.mau}")
    if plan.ghi_chu:
        lines.append(f"Ghi chú: {plan.ghi_chu}")
    return [line.replace("\r", "\\r").replace("\n", "\\n") for line in lines]


def _header(plan: Plan, names: Names) -> Iterator[str]:
    yield f"{HEADER_LABELS['loai']}: {plan.loai.title} ({plan.loai.value})"
    if plan.ten_loai:
        yield f"{HEADER_LABELS['ten_loai']}: {plan.ten_loai}"
    if plan.du_thao:
        yield "Dự thảo: có"
    for issuer in plan.co_quan_ban_hanh:
        pairs = (("tên in", issuer.ten_in), ("chủ quản", issuer.chu_quan))
        extra = "".join(f" | {k}: {v}" for k, v in pairs if v is not None)
        yield f"{HEADER_LABELS['co_quan_ban_hanh']}: {names(issuer.co_quan)}{extra}"
    for key in ("so_ky_hieu", "dia_danh", "ngay_ban_hanh", "trich_yeu"):
        value = getattr(plan, key)
        if value is not None:
            yield f"{HEADER_LABELS[key]}: {day_vi(value) if isinstance(value, dt.date) else value}"
    if plan.giai_doan is not None:
        yield f"{HEADER_LABELS['giai_doan']}: {plan.giai_doan.tu}–{plan.giai_doan.den}"


def _item(item: Item, path: tuple[Any, ...], places: dict[Any, str], names: Names,
          as_of: dt.date | None, owner: tuple[str, ...]) -> list[str]:
    place = places[path]
    sep = "" if place.endswith((")", "]")) or not place else "."
    text = " ".join(p for p in (item.nhan, item.noi_dung) if p)
    lines = [f"{place}{sep} {text}".rstrip()]
    if item.co_quan:
        lines.append(f"  {place}: trách nhiệm của {names.many(item.co_quan)}")
        owner = tuple(item.co_quan)
    dumped = item.model_dump(mode="json", exclude_defaults=True, exclude=_ITEM_OWN)
    lines += _flat(f"  {place}", dumped)
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
    lines += _flat(head, task.model_dump(mode="json", exclude_defaults=True, exclude=_TASK_OWN))
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


def _flat(prefix: str, value: Any, skip: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """``prefix: key: value`` lines for every leaf of dumped model data (keys in ``skip`` out)."""
    if isinstance(value, dict):
        out = []
        for key, child in value.items():
            if key not in skip:
                out += _flat(f"{prefix}: {key}", child)
        return out
    if isinstance(value, list):
        if all(not isinstance(v, dict | list) for v in value):
            return [f"{prefix}: " + " | ".join(str(v) for v in value)]
        return [line for i, v in enumerate(value, 1) for line in _flat(f"{prefix} [{i}]", v)]
    return [f"{prefix}: {value}"]
