"""``kehoach diff``: what changed between two versions of a plan, in plan terms.

Not lines but the plan's own units: header fields (số ký hiệu, ngày ban hành, trích yếu,
người ký…), legal bases and recipients, items by their marker path (``II.1.a)``), and tasks by
id — added, removed, moved, their text, lead and coordinating bodies (by name, from the
registry), deadline with its shift in days, completions recorded or withdrawn, extensions.
The deadline shift compares the last on-time day of both readings (``kehoach.deadline``)
as of the plan's date of issue, else the start of its period.

``load_version`` reads either version from a file or from git (``git:REV:path``);
``textconv`` and ``git_setup`` make ``git diff`` itself speak in plan terms.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from kehoach.gitdiff import DiffError, git_setup, load_version, textconv
from kehoach.schedule import reference_day

if TYPE_CHECKING:
    from kehoach.model import Plan
    from kehoach.registry import Registry

__all__ = ["Change", "DiffError", "changes_json", "diff_plans", "format_changes_vi",
           "git_setup", "load_version", "textconv"]

HEADER_LABELS = {
    "loai": "Loại văn bản", "ten_loai": "Tên loại in", "du_thao": "Dự thảo",
    "co_quan_ban_hanh": "Cơ quan ban hành", "so_ky_hieu": "Số, ký hiệu", "dia_danh": "Địa danh",
    "ngay_ban_hanh": "Ngày ban hành", "trich_yeu": "Trích yếu", "giai_doan": "Giai đoạn",
    "mo_dau": "Câu mở đầu", "mau": "Mẫu trình bày", "ghi_chu": "Ghi chú",
}
LIST_LABELS = {"can_cu": "Căn cứ", "ket_thuc": "Đoạn kết", "noi_nhan": "Nơi nhận",
               "chu_thich": "Chú thích", "phu_luc": "Phụ lục"}
SIGNATURE_LABELS = {"co_quan": "cơ quan", "quyen_han": "quyền hạn", "chuc_vu": "chức vụ",
                    "nguoi_ky": "người ký"}


@dataclass(frozen=True)
class Change:
    """One change in plan terms. ``kind`` is a stable code; ``message`` is Vietnamese."""

    kind: str
    target: str  # a header field, a task id or an item's marker path
    message: str
    old: str | None = None
    new: str | None = None
    days: int | None = None  # deadline shift: > 0 later (lùi), < 0 earlier (sớm hơn)


def diff_plans(old: Plan, new: Plan, registry: Registry | None = None) -> list[Change]:
    """Every change from ``old`` to ``new``: header, lists, items, tasks — in that order."""
    from kehoach.diffbody import diff_body

    names = Names(registry)
    changes = _header(old, new, names)
    changes += _lists(old, new)
    changes += _signatures(old, new, names)
    changes += diff_body(old, new, names, reference_day(new) or reference_day(old))
    return changes


def format_changes_vi(changes: Sequence[Change]) -> str:
    if not changes:
        return "Không có thay đổi về nội dung kế hoạch.\n"
    lines = [f"Có {len(changes)} thay đổi:"] + [f"- {c.message}" for c in changes]
    return "\n".join(lines) + "\n"


def changes_json(changes: Sequence[Change]) -> list[dict[str, Any]]:
    return [asdict(c) for c in changes]


# --- shared helpers (also used by kehoach.diffbody) ------------------------------------------


class Names:
    """Body names from the registry (the id itself when unknown or without a registry)."""

    def __init__(self, registry: Registry | None):
        self.registry = registry

    def __call__(self, body_id: str | None) -> str:
        if body_id is None:
            return ""
        return self.registry.name(body_id) if self.registry is not None else body_id

    def many(self, ids: Sequence[str]) -> str:
        return "; ".join(self(i) for i in ids) if ids else "(không có)"


def day_vi(day: dt.date) -> str:
    return f"{day:%d/%m/%Y}"


def quote(value: str | None) -> str:
    return f"“{value}”"


def shift_days(old_phrase: str | None, new_phrase: str | None,
               as_of: dt.date | None) -> int | None:
    """Days between the last on-time days of two deadline phrases (None when not comparable)."""
    if not old_phrase or not new_phrase:
        return None
    from kehoach.deadline import due, read_deadline

    day = as_of or dt.date(dt.MINYEAR, 1, 1)
    before = due(read_deadline(old_phrase, reference=as_of), day)
    after = due(read_deadline(new_phrase, reference=as_of), day)
    if before is None or after is None:
        return None
    return (after - before).days


def shift_vi(days: int | None) -> str:
    if days is None:
        return ""
    if days > 0:
        return f", lùi {days} ngày"
    if days < 0:
        return f", sớm hơn {-days} ngày"
    return ", hạn không đổi"


def changed(kind: str, target: str, label: str, old: str | None, new: str | None) -> Change:
    """``label: “old” → “new”`` (or thêm/bỏ when one side is empty)."""
    if old is None:
        return Change(kind, target, f"{label}: thêm {quote(new)}.", old, new)
    if new is None:
        return Change(kind, target, f"{label}: bỏ {quote(old)}.", old, new)
    return Change(kind, target, f"{label}: {quote(old)} → {quote(new)}.", old, new)


def align(old: Sequence[Any], new: Sequence[Any], key: Callable[[Any], str]
          ) -> list[tuple[int | None, int | None]]:
    """Pairs (old index, new index) of an alignment; None on the side that lacks the element.

    Equal elements pair up; in a replaced run, elements pair by position, the rest are lone.
    """
    matcher = difflib.SequenceMatcher(None, [key(x) for x in old], [key(x) for x in new],
                                      autojunk=False)
    pairs: list[tuple[int | None, int | None]] = []
    for _, i1, i2, j1, j2 in matcher.get_opcodes():
        common = min(i2 - i1, j2 - j1)
        pairs += [(i1 + k, j1 + k) for k in range(common)]
        pairs += [(i, None) for i in range(i1 + common, i2)]
        pairs += [(None, j) for j in range(j1 + common, j2)]
    return pairs


# --- header, lists, signatures -----------------------------------------------------------------


def _header_value(plan: Plan, key: str, names: Names) -> str | None:
    value = getattr(plan, key)
    if key == "co_quan_ban_hanh":
        return names.many([b.co_quan for b in value])
    if key == "giai_doan" and value is not None:
        return f"{value.tu}–{value.den}"
    if key == "du_thao":
        return "có" if value else "không"
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


def _lists(old: Plan, new: Plan) -> list[Change]:
    out = []
    for key, label in LIST_LABELS.items():
        a, b = getattr(old, key), getattr(new, key)
        for i, j in align(a, b, lambda x, k=key: repr(x) if k == "phu_luc" else _list_text(k, x)):
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
