"""A legal basis's structured fields must say what its verbatim text says.

The number, date, document kind and issuer given as fields must occur in the text (dates are
matched in every usual spelling).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from kehoach.check.rules.base import Finding, PlanContext, finding
from kehoach.plan.markup import plain
from kehoach.textnorm import fold

CODES = frozenset({
    "legal-basis-mismatch",
})
"""The codes this rule emits (severities and explanations: kehoach.diagnostics.codes)."""


def date_spellings(day: dt.date) -> list[str]:
    """The ways Vietnamese documents write a date, folded."""
    d, m, y = day.day, day.month, day.year
    forms = {f"{d}/{m}/{y}", f"{d:02d}/{m:02d}/{y}", f"{d:02d}/{m}/{y}", f"{d}/{m:02d}/{y}",
             f"ngay {d} thang {m} nam {y}", f"ngay {d:02d} thang {m:02d} nam {y}",
             f"ngay {d:02d} thang {m} nam {y}", f"{d}-{m}-{y}", f"{d}.{m}.{y}"}
    return sorted(forms)


def check(ctx: PlanContext) -> Iterator[Finding]:
    for i, basis in enumerate(ctx.plan.can_cu):
        text = fold(plain(basis.noi_dung))
        path = ("can_cu", i)
        for key in ("loai_van_ban", "so", "co_quan"):
            value = getattr(basis, key)
            if value and fold(value) not in text:
                yield finding((*path, key), "legal-basis-mismatch",
                              f"“{value}” không có trong lời văn của căn cứ.")
        if basis.ngay and not any(form in text for form in date_spellings(basis.ngay)):
            yield finding((*path, "ngay"), "legal-basis-mismatch",
                          f"Ngày {basis.ngay:%d/%m/%Y} không khớp với ngày ghi trong lời văn "
                          "căn cứ.")
