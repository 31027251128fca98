"""Footnote references ``[^id]`` and the ``chu_thich`` list must match one to one.

A footnote without text needs a ``ghi_chu`` saying why (the original may lack it).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from kehoach.check.rules.base import Finding, PlanContext, finding
from kehoach.plan.markup import footnote_refs
from kehoach.plan.model import Plan
from kehoach.plan.walk import ItemRef

CODES = frozenset({
    "footnote-missing",
    "footnote-unused",
    "footnote-duplicate",
    "footnote-empty",
})
"""The codes this rule emits (severities and explanations: kehoach.diagnostics.codes)."""


def _texts(plan: Plan, items: Iterable[ItemRef]) -> Iterator[tuple[tuple[Any, ...], str]]:
    for i, basis in enumerate(plan.can_cu):
        yield ("can_cu", i, "noi_dung"), basis.noi_dung
    if plan.mo_dau:
        yield ("mo_dau",), plan.mo_dau
    for ref in items:
        if ref.item.noi_dung:
            yield (*ref.path, "noi_dung"), ref.item.noi_dung
    for i, text in enumerate(plan.ket_thuc):
        yield ("ket_thuc", i), text


def check(ctx: PlanContext) -> Iterator[Finding]:
    plan = ctx.plan
    defined: dict[str, int] = {}
    for i, note in enumerate(plan.chu_thich):
        key = str(note.id)
        if key in defined:
            yield finding(("chu_thich", i, "id"), "footnote-duplicate",
                          f"Chú thích “{key}” bị lặp.")
        defined.setdefault(key, i)
        if not note.noi_dung and not note.ghi_chu:
            yield finding(("chu_thich", i), "footnote-empty",
                          f"Chú thích “{key}” chưa có nội dung (nếu bản gốc thiếu, ghi rõ ở "
                          "ghi_chu).")
    used: set[str] = set()
    for path, text in _texts(plan, ctx.items):
        for ref in footnote_refs(text):
            used.add(ref)
            if ref not in defined:
                yield finding(path, "footnote-missing",
                              f"Tham chiếu chú thích [^{ref}] nhưng không có chú thích id {ref}.")
    for key, i in defined.items():
        if key not in used:
            yield finding(("chu_thich", i), "footnote-unused",
                          f"Chú thích “{key}” không được tham chiếu ở đâu ([^{key}]).")
