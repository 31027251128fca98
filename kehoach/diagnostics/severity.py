"""How bad a diagnostic is: the one property the code registry decides for every call site."""

from __future__ import annotations

from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def label_vi(self) -> str:
        return "lỗi" if self is Severity.ERROR else "cảnh báo"
