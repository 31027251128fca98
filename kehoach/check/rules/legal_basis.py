"""A legal basis's structured fields must say what its verbatim text says.

The number, date, document kind and issuer given as fields must occur in the text (dates are
matched in every usual spelling). A basis written inside the opening sentence
(``trong_mo_dau``) is an excerpt of ``mo_dau``, and must be found there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from kehoach.check.rules.base import Finding, PlanContext, finding
from kehoach.plan.markup import plain
from kehoach.textnorm import fold

CODES = frozenset({
    "legal-basis-mismatch",
    "legal-basis-not-in-opening",
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
        if basis.trong_mo_dau and not _in_opening(basis.noi_dung, ctx.plan.mo_dau):
            yield finding((*path, "noi_dung"), "legal-basis-not-in-opening",
                          "Căn cứ ghi “trong_mo_dau: true” nhưng lời văn của nó không có nguyên "
                          "văn trong câu mở đầu (mo_dau).")
        for key in ("loai_van_ban", "so", "co_quan"):
            value = getattr(basis, key)
            if value and fold(value) not in text:
                yield finding((*path, key), "legal-basis-mismatch",
                              f"“{value}” không có trong lời văn của căn cứ.")
        if basis.ngay and not any(form in text for form in date_spellings(basis.ngay)):
            yield finding((*path, "ngay"), "legal-basis-mismatch",
                          f"Ngày {basis.ngay:%d/%m/%Y} không khớp với ngày ghi trong lời văn "
                          "căn cứ.")


def _in_opening(excerpt: str, opening: str | None) -> bool:
    if not opening:
        return False
    needle, haystack = plain(excerpt), plain(opening)
    return needle in haystack or fold(needle) in fold(haystack)
