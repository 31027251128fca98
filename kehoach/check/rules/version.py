"""The plan format's version: a file written for a newer kehoach is not read as if it were old.

Code: ``format-version-newer`` (error). An older file (no ``phien_ban_dinh_dang``, version 1)
is read as it is; ``kehoach fmt`` upgrades it (kehoach.edit.upgrade).
"""

from __future__ import annotations

from collections.abc import Iterator

from kehoach.check.rules.base import Finding, PlanContext, finding
from kehoach.plan.model import FORMAT_VERSION

CODES = frozenset({"format-version-newer"})
"""The codes this rule emits (severities and explanations: kehoach.diagnostics.codes)."""


def check(ctx: PlanContext) -> Iterator[Finding]:
    version = ctx.plan.phien_ban_dinh_dang
    if version is not None and version > FORMAT_VERSION:
        yield finding(("phien_ban_dinh_dang",), "format-version-newer",
                      f"Tệp viết theo định dạng phiên bản {version}, mới hơn phiên bản kehoach "
                      f"này đọc được ({FORMAT_VERSION}); hãy cập nhật kehoach.")
