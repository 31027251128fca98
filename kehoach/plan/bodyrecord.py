"""A registry body as the registry holds it: a plain record of ``kehoach.plan.model.Body``'s
fields, and the kinds of bodies and groups.

The registry of a repository is read on every tracking query. Built from validated ``Body``
models or from the row cache's copy of the registry (``kehoach.tracking.knownregistry``), it
holds these records, which need neither pydantic nor the models: a warm query, which reads
the cache only, imports neither (a quarter of its time was spent importing them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any


class BodyKind(StrEnum):
    nha_nuoc = "nha_nuoc"
    doan_thanh_nien = "doan_thanh_nien"
    dang = "dang"
    doan_the = "doan_the"
    khac = "khac"


class GroupKind(StrEnum):
    liet_ke = "liet_ke"
    mo = "mo"


@dataclass(frozen=True)
class BodyRecord:
    """One body (cơ quan, đơn vị) or group of bodies: ``Body``'s fields, same names, same
    meaning (``kehoach.plan.model.Body`` documents them)."""

    id: str
    ten: str
    ten_in: str | None = None
    ten_in_chu_quan: str | None = None
    ten_khac: list[str] = field(default_factory=list)
    viet_tat: str | None = None
    loai: BodyKind = BodyKind.nha_nuoc
    cap_tren: str | None = None
    nhom: GroupKind | None = None
    thanh_vien: list[str] = field(default_factory=list)
    tu_ngay: dt.date | None = None
    den_ngay: dt.date | None = None
    ke_thua: str | None = None
    de_xuat: str | None = None
    ghi_chu: str | None = None

    @classmethod
    def of(cls, body: Any) -> BodyRecord:
        """The record of a validated ``Body`` (a record is returned as it is)."""
        if isinstance(body, BodyRecord):
            return body
        return cls(**{name: getattr(body, name) for name in _NAMES})

    def to_data(self) -> tuple[Any, ...]:
        """Plain data for ``marshal`` (days as ordinals, kinds as their values)."""
        return (self.id, self.ten, self.ten_in, self.ten_in_chu_quan, list(self.ten_khac),
                self.viet_tat, self.loai.value, self.cap_tren,
                None if self.nhom is None else self.nhom.value, list(self.thanh_vien),
                _ord(self.tu_ngay), _ord(self.den_ngay), self.ke_thua, self.de_xuat,
                self.ghi_chu)

    @classmethod
    def from_data(cls, t: tuple[Any, ...]) -> BodyRecord:
        """``to_data`` read back (raises ValueError, TypeError or IndexError on other data)."""
        return cls(t[0], t[1], t[2], t[3], list(t[4]), t[5], BodyKind(t[6]), t[7],
                   None if t[8] is None else GroupKind(t[8]), list(t[9]), _day(t[10]),
                   _day(t[11]), t[12], t[13], t[14])


_NAMES = tuple(f.name for f in fields(BodyRecord))


def _ord(day: dt.date | None) -> int | None:
    return None if day is None else day.toordinal()


def _day(n: int | None) -> dt.date | None:
    return None if n is None else dt.date.fromordinal(n)
