"""A body's name written where its registry id belongs (``chu_tri: Tỉnh đoàn``): say which id
it means, resolved among the plan's own bodies and its issuer's province first, instead of a
bare "invalid id"."""

from __future__ import annotations

from dataclasses import replace

from kehoach.load.document import Document
from kehoach.plan.names import AgencyLookupError, Scope
from kehoach.plan.planscope import body_values, data_scope
from kehoach.plan.registry import Registry

SHOWN = 5


def meant(registry: Registry, value: str, scope: Scope | None) -> str | None:
    """"id (name)" of the body ``value`` names, or of each body it may name; None when it
    names none."""
    try:
        body = registry.find(value, scope)
    except AgencyLookupError as exc:
        if not exc.ambiguous:
            return None
        return "; ".join(f"{b.id} ({b.ten})" for b in exc.candidates[:SHOWN])
    return f"{body.id} ({body.ten})"


def explain_names(doc: Document, registry: Registry) -> None:
    """Rewrite the "invalid id" errors of a plan that did not load when the value is a body's
    name (or an id in capitals): the message then says which id to write."""
    if not isinstance(doc.data, dict) or doc.is_registry:
        return
    at = {(d.line, d.column): i for i, d in enumerate(doc.diagnostics)
          if d.code == "invalid-value"}
    if not at:
        return
    scope: Scope | None = None
    for path, value in body_values(doc.data):
        i = at.get(doc.position(path))
        if i is None or value in registry:
            continue
        scope = scope or data_scope(doc.data, registry.bodies, doc.display)
        ids = meant(registry, value, scope)
        if ids is None:
            continue
        what = "hãy ghi mã" if ";" not in ids else "tên này có thể là"
        doc.diagnostics[i] = replace(
            doc.diagnostics[i], message=f"“{value}” không phải mã cơ quan: {what} {ids}.")
