"""``kehoach diff``: what changed between two versions of a plan, in plan terms.

Not lines but the plan's own units: header fields (số ký hiệu, ngày ban hành, trích yếu,
người ký…), legal bases and recipients, items by their marker path (``II.1.a)``), and tasks by
id — added, removed, moved, their text, lead and coordinating bodies (by name, from the
registry), deadline with its shift in days, completions recorded or withdrawn, extensions.
The deadline shift compares the last on-time day of both readings (``kehoach.deadline``)
as of the plan's date of issue, else the start of its period.

Reading either version from a file or from git, and making ``git diff`` itself speak in plan
terms, is ``kehoach.review.git``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict
from functools import partial
from typing import TYPE_CHECKING, Any

from kehoach.review.body import diff_body
from kehoach.review.wording import (
    HEADER_LABELS,
    LIST_LABELS,
    SIGNATURE_LABELS,
    Change,
    Names,
    align,
    changed,
    day_vi,
    note_vi,
    quote,
)
from kehoach.textnorm import printable
from kehoach.tracking.schedule import reference_day

if TYPE_CHECKING:
    from kehoach.plan.model import Plan
    from kehoach.plan.registry import Registry

def diff_plans(old: Plan, new: Plan, registry: Registry | None = None) -> list[Change]:
    """Every change from ``old`` to ``new``: header, lists, items, tasks — in that order."""
    names = Names(registry)
    changes = _header(old, new, names)
    changes += _lists(old, new)
    changes += _signatures(old, new, names)
    changes += diff_body(old, new, names, reference_day(new) or reference_day(old))
    return changes


def format_changes_vi(changes: Sequence[Change]) -> str:
    if not changes:
        return "Không có thay đổi về nội dung kế hoạch.\n"
    lines = [f"Có {len(changes)} thay đổi:"] + [f"- {printable(c.message)}" for c in changes]
    return "\n".join(lines) + "\n"


def changes_json(changes: Sequence[Change]) -> list[dict[str, Any]]:
    return [asdict(c) for c in changes]


# --- header, lists, signatures -----------------------------------------------------------------


def _header_value(plan: Plan, key: str, names: Names) -> str | None:
    value = getattr(plan, key)
    if key == "co_quan_ban_hanh":
        return names.many([b.co_quan for b in value])
    if key == "giai_doan" and value is not None:
        return f"{value.tu}–{value.den}"
    if key in ("du_thao", "thieu_tieu_de"):
        return "có" if value else "không"
    if key == "ghi_chu":
        return " | ".join(note_vi(n) for n in value) or None
    if isinstance(value, dt.date):
        return day_vi(value)
    return None if value is None else str(value)


def _header(old: Plan, new: Plan, names: Names) -> list[Change]:
    out = []
    for key, label in HEADER_LABELS.items():
        a, b = _header_value(old, key, names), _header_value(new, key, names)
        if a != b:
            out.append(changed("header", key, label, a, b))
    return out


def _list_text(key: str, value: Any) -> str:
    if isinstance(value, str):
        return value
    if key == "can_cu":
        return str(value.noi_dung)
    if key == "chu_thich":
        return f"[^{value.id}] {value.noi_dung or ''}".rstrip()
    return f"Phụ lục {value.so}" + (f": {value.tieu_de}" if value.tieu_de else "")


def _align_key(key: str, value: Any) -> str:
    # Annexes align on everything they hold; the other lists on the text a reader sees.
    return repr(value) if key == "phu_luc" else _list_text(key, value)


def _lists(old: Plan, new: Plan) -> list[Change]:
    out = []
    for key, label in LIST_LABELS.items():
        a, b = getattr(old, key), getattr(new, key)
        for i, j in align(a, b, partial(_align_key, key)):
            if j is None:
                gone = _list_text(key, a[i])
                out.append(Change("list-removed", key, f"{label}: bỏ {quote(gone)}.", gone, None))
            elif i is None:
                added = _list_text(key, b[j])
                out.append(Change("list-added", key, f"{label}: thêm {quote(added)}.", None, added))
            elif a[i] != b[j]:
                text_a, text_b = _list_text(key, a[i]), _list_text(key, b[j])
                if text_a == text_b:
                    text_a, text_b = repr(a[i]), repr(b[j])
                out.append(changed("list-changed", key, f"{label} {j + 1}", text_a, text_b))
    return out


def _signatures(old: Plan, new: Plan, names: Names) -> list[Change]:
    out = []
    for i in range(max(len(old.chu_ky), len(new.chu_ky))):
        a = old.chu_ky[i] if i < len(old.chu_ky) else None
        b = new.chu_ky[i] if i < len(new.chu_ky) else None
        label = f"Chữ ký {i + 1}" if max(len(old.chu_ky), len(new.chu_ky)) > 1 else "Chữ ký"
        for field, name in SIGNATURE_LABELS.items():
            va, vb = (getattr(s, field) if s else None for s in (a, b))
            if field == "co_quan":
                va, vb = (names(v) if v else None for v in (va, vb))
            if va != vb:
                out.append(changed("signature", "chu_ky", f"{label}, {name}", va, vb))
    return out
