"""The number and symbol (số, ký hiệu) must agree with the document type, issuer and style.

State bodies write ``253/KH-UBND`` (number, then type code and issuer after the slash);
Youth Union bodies write ``366-KH/TĐTN-BCNLĐ`` (hyphen first, issuer after the slash).
Joint documents carry every issuer's abbreviation. A draft may leave the number blank.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kehoach.check.rules.base import Finding, PlanContext, finding
from kehoach.plan.model import BodyKind, Plan
from kehoach.plan.registry import Registry
from kehoach.textnorm import fold

CODES = frozenset({
    "symbol-style",
    "symbol-type",
    "symbol-issuer",
    "symbol-number",
})
"""The codes this rule emits (severities and explanations: kehoach.diagnostics.codes)."""

_BLANK = r"[\s.…_]*"
_STATE = re.compile(rf"^(?P<num>\d+|{_BLANK})/(?P<code>[^-/\s]+)-(?P<issuer>[^/]+)$")
_UNION = re.compile(rf"^(?P<num>\d+|{_BLANK})-(?P<code>[^-/\s]+)/(?P<issuer>[^/]+)$")
PATH = ("so_ky_hieu",)


@dataclass(frozen=True)
class Symbol:
    union_style: bool
    number: str
    code: str
    issuer_parts: tuple[str, ...]


def parse_symbol(text: str) -> Symbol | None:
    for union, pattern in ((False, _STATE), (True, _UNION)):
        m = pattern.match(text.strip())
        if m:
            parts = tuple(p.strip() for p in m["issuer"].split("-") if p.strip())
            return Symbol(union, m["num"].strip(), m["code"], parts)
    return None


def check(ctx: PlanContext) -> Iterator[Finding]:
    plan = ctx.plan
    if not plan.so_ky_hieu:
        return
    sym = parse_symbol(plan.so_ky_hieu)
    if sym is None:
        yield finding(PATH, "symbol-style", f"Không đọc được số, ký hiệu “{plan.so_ky_hieu}”: "
                      "cơ quan nhà nước ghi dạng 253/KH-UBND, tổ chức Đoàn ghi dạng 366-KH/TĐTN.")
        return
    yield from _style(plan, ctx.registry, sym)
    yield from _type(plan, sym)
    yield from _issuers(plan, ctx.registry, sym)
    if not plan.du_thao and not sym.number.isdigit():
        yield finding(PATH, "symbol-number", "Văn bản đã ban hành phải có số (chỉ dự thảo mới để "
                      "trống số).")


def _style(plan: Plan, registry: Registry, sym: Symbol) -> Iterator[Finding]:
    kinds = {registry.kind(i.co_quan) for i in plan.co_quan_ban_hanh} - {None}
    if kinds and kinds <= {BodyKind.doan_thanh_nien} and not sym.union_style:
        yield finding(PATH, "symbol-style", f"“{plan.so_ky_hieu}”: văn bản của tổ chức Đoàn ghi "
                      "gạch nối trước, ví dụ 366-KH/TĐTN (không phải 366/KH-TĐTN).")
    if BodyKind.doan_thanh_nien not in kinds and kinds and sym.union_style:
        yield finding(PATH, "symbol-style", f"“{plan.so_ky_hieu}”: văn bản của cơ quan nhà nước "
                      "ghi dạng 253/KH-UBND (gạch chéo trước mã loại văn bản).")


def _type(plan: Plan, sym: Symbol) -> Iterator[Finding]:
    want = plan.loai.code
    rest = sym.code[len(want):]
    if sym.code.startswith(want) and (not rest or rest.isupper()):
        return
    yield finding(PATH, "symbol-type", f"“{plan.so_ky_hieu}” ghi mã loại “{sym.code}” nhưng "
                  f"văn bản là {plan.loai.name_vi.lower()} (mã {want}).")


def _issuers(plan: Plan, registry: Registry, sym: Symbol) -> Iterator[Finding]:
    parts = {fold(p) for p in sym.issuer_parts}
    for issuer in plan.co_quan_ban_hanh:
        body = registry.get(issuer.co_quan)
        if body is None or not body.viet_tat:
            continue
        if fold(body.viet_tat) not in parts:
            yield finding(PATH, "symbol-issuer", f"“{plan.so_ky_hieu}” không có chữ viết tắt "
                          f"“{body.viet_tat}” của cơ quan ban hành {body.ten}.")
