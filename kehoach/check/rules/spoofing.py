"""Names must not pass for other ones: look-alikes are found where they are written.

What each code finds is in ``kehoach.check.lookalike``. They guard the queries (``--agency
"Sở Nội vụ"`` must find every task of that body), so they are security codes: no repository
configuration may switch them off.

Checked: in the registry every body's name, printed name, other names and abbreviation; in a
plan its number and symbol and the printed names of its issuers. Ids need no check: the schema
admits only ``a-z``, ``0-9`` and ``._-`` in body and task ids, so a look-alike id is already an
``invalid-value`` error.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kehoach.check.lookalike import inspect
from kehoach.check.rules.base import Finding, PlanContext, RegistryContext, finding

CODES = frozenset({
    "invisible-character",
    "mixed-script",
    "lookalike-character",
})
"""The codes this rule emits (severities and explanations: kehoach.diagnostics.codes)."""

_BODY_FIELDS = (("ten", "Tên cơ quan"), ("ten_in", "Tên in"), ("viet_tat", "Chữ viết tắt"))


def check_registry(ctx: RegistryContext) -> Iterator[Finding]:
    for i, body in enumerate(ctx.file.co_quan):
        for key, label in _BODY_FIELDS:
            yield from _name(("co_quan", i, key), label, getattr(body, key))
        for j, other in enumerate(body.ten_khac):
            yield from _name(("co_quan", i, "ten_khac", j), "Tên gọi khác", other)


def check_plan(ctx: PlanContext) -> Iterator[Finding]:
    plan = ctx.plan
    yield from _name(("so_ky_hieu",), "Số, ký hiệu", plan.so_ky_hieu)
    for i, issuer in enumerate(plan.co_quan_ban_hanh):
        yield from _name(("co_quan_ban_hanh", i, "ten_in"), "Tên in của cơ quan ban hành",
                         issuer.ten_in)
        yield from _name(("co_quan_ban_hanh", i, "chu_quan"), "Tên cơ quan chủ quản",
                         issuer.chu_quan)


def _name(path: tuple[Any, ...], label: str, value: str | None) -> Iterator[Finding]:
    found = inspect(value) if value else None
    if found is None:
        return
    said = f"{label} “{value}” {found.what}"
    if found.kind == "invisible":
        yield finding(path, "invisible-character",
                      f"{said}: nhìn như tên khác nhưng không khớp khi tìm; hãy xóa ký tự này.")
    elif found.kind == "script":
        yield finding(path, "mixed-script",
                      f"{said}: chữ trông giống nhau nhưng khác mã, tìm theo tên thật sẽ bỏ sót; "
                      "hãy gõ lại ký tự này.")
    else:
        yield finding(path, "lookalike-character",
                      f"{said}: nhìn như chữ thường gặp nhưng không khớp khi tìm; hãy gõ lại ký "
                      "tự này.")
