"""Every body a plan names must be in the registry, and exist when the plan is issued.

An unknown id comes with the id it means when it is a body's name or abbreviation (resolved
among the plan's own bodies first), else with the nearest ids of the registry.
"""

from __future__ import annotations

from collections.abc import Iterator

from kehoach.check.bodyhint import meant
from kehoach.check.rules.base import Finding, PlanContext, finding
from kehoach.plan.names import IdsScope
from kehoach.plan.planscope import plan_scope
from kehoach.plan.walk import all_body_refs

CODES = frozenset({
    "unknown-body",
    "body-not-existing",
    "issuer-is-group",
})
"""The codes this rule emits (severities and explanations: kehoach.diagnostics.codes)."""


def check(ctx: PlanContext) -> Iterator[Finding]:
    reg = ctx.registry
    day = ctx.plan.ngay_ban_hanh
    scope: IdsScope | None = None
    for path, body_id in all_body_refs(ctx.plan, ctx.items):
        body = reg.get(body_id)
        if body is None:
            scope = scope or plan_scope(ctx.plan, "kế hoạch này")
            near = meant(reg, body_id, scope) or "; ".join(
                f"{i} ({reg.name(i)})" for i in reg.suggest_ids(body_id))
            hint = f" Có phải: {near}?" if near else ""
            yield finding(path, "unknown-body",
                          f"Cơ quan “{body_id}” không có trong danh mục.{hint}")
            continue
        if day and body.den_ngay and day > body.den_ngay:
            yield finding(path, "body-not-existing",
                          f"“{body.ten}” chỉ tồn tại đến {body.den_ngay:%d/%m/%Y}, trước ngày ban "
                          "hành văn bản.")
    for i, issuer in enumerate(ctx.plan.co_quan_ban_hanh):
        body = reg.get(issuer.co_quan)
        if body is not None and body.nhom is not None:
            yield finding(("co_quan_ban_hanh", i), "issuer-is-group",
                          f"“{body.ten}” là một nhóm cơ quan, không thể là cơ quan ban hành.")
