"""The words of a plan change: labels of header fields, body names, days, deadline shifts.

Shared by the semantic diff (``review.semantic``, ``review.body``), the line-per-item text that
``git diff`` shows (``review.plantext``) and the editing commands' confirmations.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kehoach.plan.registry import Registry

HEADER_LABELS = {
    "loai": "Loại văn bản", "ten_loai": "Tên loại in", "du_thao": "Dự thảo",
    "thieu_tieu_de": "Đã ban hành, bản sao thiếu tiêu đề",
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




NOTE_KINDS = {"nguon": "nguồn", "thieu": "bản gốc thiếu", "sua_loi": "đã sửa lỗi của bản sao",
              "giu_nguyen": "giữ nguyên lỗi của bản gốc", "khac": ""}
"""Editorial note kinds (``EditorialNote.loai``) as words."""


def note_vi(note: Any) -> str:
    """An editorial note as a line: "(nguồn) Mã hóa từ …"; a plain note is its text."""
    kind = NOTE_KINDS.get(note.loai.value, note.loai.value)
    return f"({kind}) {note.noi_dung}" if kind else note.noi_dung


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
