"""The registry must be consistent: unique ids, references that exist, no cycles."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kehoach.check.rules.base import Finding, RegistryContext, finding
from kehoach.plan.model import Body, GroupKind

CODES = frozenset({
    "duplicate-id",
    "unknown-body",
    "registry-cycle",
    "group-members",
    "dates-order",
    "proposed-body",
})
"""The codes this rule emits (severities and explanations: kehoach.diagnostics.codes)."""


def check(ctx: RegistryContext) -> Iterator[Finding]:
    seen: set[str] = set()
    bodies = ctx.file.co_quan
    known = {b.id for b in bodies}
    for i, body in enumerate(bodies):
        path = ("co_quan", i)
        if body.id in seen:
            yield finding((*path, "id"), "duplicate-id", f"Mã cơ quan “{body.id}” bị lặp.")
        seen.add(body.id)
        for key in ("cap_tren", "ke_thua"):
            ref = getattr(body, key)
            if ref and ref not in known:
                yield finding((*path, key), "unknown-body", f"Không có cơ quan “{ref}”.")
        for j, member in enumerate(body.thanh_vien):
            if member not in known:
                yield finding((*path, "thanh_vien", j), "unknown-body",
                              f"Không có cơ quan “{member}”.")
        yield from _group(body, path)
        if body.tu_ngay and body.den_ngay and body.den_ngay < body.tu_ngay:
            yield finding((*path, "den_ngay"), "dates-order", "Ngày kết thúc trước ngày bắt đầu.")
        if body.de_xuat:
            yield finding((*path, "de_xuat"), "proposed-body",
                          f"“{body.ten}” ({body.id}) do kehoach import đề xuất ({body.de_xuat}): "
                          "hãy xem lại tên, mã, loại, cấp trên rồi xóa dòng “de_xuat”.")
    yield from _cycles(ctx)


def _group(body: Body, path: tuple[Any, ...]) -> Iterator[Finding]:
    if body.nhom is GroupKind.liet_ke and not body.thanh_vien:
        yield finding(path, "group-members", f"Nhóm “{body.id}” (liet_ke) chưa có thành viên.")
    if body.nhom is not GroupKind.liet_ke and body.thanh_vien:
        yield finding((*path, "thanh_vien"), "group-members",
                      "Chỉ nhóm “nhom: liet_ke” mới có danh sách thành viên.")


def _cycles(ctx: RegistryContext) -> Iterator[Finding]:
    reg = ctx.registry
    for key in ("cap_tren", "ke_thua"):
        looped = _on_cycles({b.id: getattr(b, key) for b in reg.bodies.values()})
        for i, body in enumerate(ctx.file.co_quan):
            if body.id in looped:
                yield finding(("co_quan", i, key), "registry-cycle",
                              f"“{body.id}” tạo thành vòng lặp qua “{key}”.")


def _on_cycles(step: dict[str, str | None]) -> set[str]:
    """The bodies whose chain (each body names at most one next) comes back to them.

    Each body is walked once (a chain of 10,000 parents is 10,000 steps, not 50 million).
    """
    state: dict[str, int] = {}  # 1: on the chain being walked, 2: settled
    looped: set[str] = set()
    for start in step:
        chain: list[str] = []
        current: str | None = start
        while current is not None and current in step and current not in state:
            state[current] = 1
            chain.append(current)
            current = step[current]
        if current is not None and state.get(current) == 1:
            looped.update(chain[chain.index(current):])
        for body_id in chain:
            state[body_id] = 2
    return looped
