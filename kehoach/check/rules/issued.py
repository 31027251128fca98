"""An issued plan (not a draft) must carry its number, place, date and signers.

A plan issued but known from a copy without its header (``thieu_tieu_de``: a news article, a
scan) is excused the fields the copy lacks; it cannot also be a draft.
"""

from __future__ import annotations

from collections.abc import Iterator

from kehoach.check.rules.base import Finding, PlanContext, finding

CODES = frozenset({
    "missing-field",
    "draft-and-missing-header",
})
"""The codes this rule emits (severities and explanations: kehoach.diagnostics.codes)."""

_REQUIRED = (
    ("so_ky_hieu", "số, ký hiệu"),
    ("dia_danh", "địa danh"),
    ("ngay_ban_hanh", "ngày ban hành"),
)


def check(ctx: PlanContext) -> Iterator[Finding]:
    plan = ctx.plan
    if plan.du_thao and plan.thieu_tieu_de:
        yield finding(("thieu_tieu_de",), "draft-and-missing-header",
                      "Văn bản không thể vừa là dự thảo (du_thao) vừa là văn bản đã ban hành mà "
                      "bản sao thiếu tiêu đề (thieu_tieu_de): hãy bỏ một trong hai.", on_key=True)
    if plan.du_thao or plan.thieu_tieu_de:
        return
    hint = (" (văn bản đã ban hành; nếu là dự thảo, ghi “du_thao: true”; nếu bản đang có thiếu "
            "tiêu đề, ghi “thieu_tieu_de: true”)")
    for key, name in _REQUIRED:
        if getattr(plan, key) is None:
            yield finding((), "missing-field", f"Thiếu {name} “{key}”{hint}.")
    if not plan.chu_ky:
        yield finding((), "missing-field", f"Thiếu khối chữ ký “chu_ky”{hint}.")
    for i, sig in enumerate(plan.chu_ky):
        if not sig.nguoi_ky:
            yield finding(("chu_ky", i), "missing-field",
                          f"Thiếu họ tên người ký “nguoi_ky”{hint}.")
    if len(plan.chu_ky) > 1 or len(plan.co_quan_ban_hanh) > 1:
        for i, sig in enumerate(plan.chu_ky):
            if sig.co_quan is None:
                yield finding(("chu_ky", i), "missing-field",
                              "Văn bản liên tịch: mỗi khối chữ ký cần “co_quan” của cơ quan ký.")
