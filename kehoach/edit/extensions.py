"""Extensions (gia hạn) in a plan file: ``extend`` records one, ``unextend`` removes one
recorded by mistake. Both take the path of ``kehoach.edit.records``: spliced into the text,
checked again, written atomically under the plan's lock; the original deadline always stays.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kehoach.edit.records import (
    EditError,
    EditResult,
    _append,
    _Ctx,
    _edit,
    _nfc,
    _printable,
    _remove,
)

if TYPE_CHECKING:
    from kehoach.plan.registry import Registry

__all__ = ["extend", "withdraw_extension"]


def extend(path: Path | str, task_id: str, new_deadline: str, by_document: str,
           date: dt.date, note: str | None = None, *,
           registry: Registry | None = None) -> EditResult:
    """Add an extension ``{thoi_han, ngay, van_ban, ghi_chu}``; the original deadline stays."""
    from kehoach.deadline import read_deadline
    from kehoach.deadline.clock import today_vn

    phrase, document, note = _nfc(new_deadline.strip()), _nfc(by_document.strip()), _nfc(note)
    if not phrase or not document:
        raise EditError("Gia hạn cần thời hạn mới và văn bản cho phép gia hạn.")
    _printable(("Thời hạn mới", phrase), ("Văn bản gia hạn", document), ("Ghi chú", note))
    if date > today_vn():
        raise EditError(f"Ngày của văn bản gia hạn {date:%d/%m/%Y} ở tương lai.")

    def change(ctx: _Ctx) -> tuple[str, Any, str, dict[str, Any]]:
        from kehoach.review.wording import shift_vi
        from kehoach.tracking.schedule import extension_shift

        plan = ctx.doc.plan
        assert plan is not None
        reading = read_deadline(phrase, reference=plan.ngay_ban_hanh)
        if reading.kind == "unknown" or reading.errors:
            why = "; ".join(p.message for p in reading.errors) or "không nhận ra mốc thời gian"
            raise EditError(f"Không đọc được thời hạn mới “{phrase}”: {why}.")
        task = ctx.ref.task
        if any(e.thoi_han == phrase and e.van_ban == document for e in task.gia_han):
            raise EditError(f"Nhiệm vụ “{task.id}” đã được gia hạn đến “{phrase}” theo "
                            f"{document}.")
        days = extension_shift(task, plan, phrase, date)
        if days is not None and days < 0:
            raise EditError(f"Thời hạn mới “{phrase}” sớm hơn thời hạn đang áp dụng "
                            f"({-days} ngày): gia hạn chỉ lùi thời hạn. Nếu văn bản rút ngắn "
                            "thời hạn, hãy sửa thoi_han trong kế hoạch.")
        record = {k: v for k, v in (("thoi_han", phrase), ("ngay", date), ("van_ban", document),
                                    ("ghi_chu", note)) if v is not None}
        text, data = _append(ctx, "gia_han", record)
        message = f"Đã gia hạn nhiệm vụ {task.id} đến “{phrase}” theo {document} ngày " \
            f"{date:%d/%m/%Y}{shift_vi(days)}."
        return text, data, message, record

    return _edit(Path(path), task_id, change, registry)


def withdraw_extension(path: Path | str, task_id: str, by_document: str | None = None, *,
                       registry: Registry | None = None) -> EditResult:
    """Remove one extension recorded by mistake: the one granted by ``by_document``, or the
    task's only one. The deadline in force becomes the previous one again."""
    from kehoach.textnorm import fold

    wanted = _nfc(by_document.strip()) if by_document and by_document.strip() else None

    def change(ctx: _Ctx) -> tuple[str, Any, str, dict[str, Any]]:
        from kehoach.review.body import describe_extension

        records = ctx.ref.task.gia_han
        tid = ctx.ref.task.id
        if not records:
            raise EditError(f"Nhiệm vụ “{tid}” chưa được gia hạn lần nào.")
        hits = [j for j, e in enumerate(records)
                if wanted is None or fold(e.van_ban) == fold(wanted)]
        if len(hits) != 1:
            listed = "; ".join(describe_extension(e) for e in records)
            what = "Không có" if not hits else f"Có {len(hits)}"
            raise EditError(f"{what} lần gia hạn khớp của nhiệm vụ “{tid}” (đang có: {listed}); "
                            "hãy chỉ rõ văn bản gia hạn bằng --by.")
        j = hits[0]
        text, data = _remove(ctx, "gia_han", j)
        removed = records[j].model_dump(exclude_none=True)
        return text, data, f"Đã bỏ lần gia hạn nhiệm vụ {tid}: " \
            f"{describe_extension(records[j])}.", removed

    return _edit(Path(path), task_id, change, registry)
