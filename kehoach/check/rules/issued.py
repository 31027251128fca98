"""An issued plan (not a draft) must carry its number, place, date and signers.
"""

from __future__ import annotations

from collections.abc import Iterator

from kehoach.check.rules.base import Finding, PlanContext, finding

CODES = frozenset({
    "missing-field",
})
"""The codes this rule emits (severities and explanations: kehoach.diagnostics.codes)."""

_REQUIRED = (
    ("so_ky_hieu", "số, ký hiệu"),
    ("dia_danh", "địa danh"),
    ("ngay_ban_hanh", "ngày ban hành"),
)


def check(ctx: PlanContext) -> Iterator[Finding]:
    plan = ctx.plan
    if plan.du_thao:
        return
    hint = " (văn bản đã ban hành; nếu là dự thảo, ghi “du_thao: true”)"
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
