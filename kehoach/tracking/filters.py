"""What a tracking question asks for: one agency (by any of its names), a role, statuses and a
window of due days — one ``Filters`` value, applied to cached rows (``Prefilter``) and to
decoded rows (``Filters.select``).

An agency filter names a body by id, name, alias or abbreviation (any case, with or without
diacritics, in any word order, "tỉnh" or "huyện" optional); a name several bodies share is
resolved among the bodies the plans asked about mention (``scope``, see
``kehoach.plan.names``). It matches rows held by the body, by the groups it belongs to
(transitively), by its members when it is a group, by its sub-units with
``include_children``, and rows it held before a successor took them over. Lookup failures
raise ``AgencyLookupError``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kehoach.tracking.obligations import (
    COORDINATE,
    DONE_LATE,
    DONE_ON_TIME,
    LEAD,
    OPEN,
    OVERDUE,
    STATUSES,
    Obligation,
)

if TYPE_CHECKING:
    from kehoach.plan.bodyrecord import BodyRecord
    from kehoach.plan.names import Scope
    from kehoach.plan.registry import Registry

ROLES = {"chu-tri": (LEAD,), "phoi-hop": (COORDINATE,), "tat-ca": (LEAD, COORDINATE)}
ROLE_ALIASES = {"any": "tat-ca", "ca-hai": "tat-ca"}
ROLE_VI_FILTER = {"chu-tri": "chủ trì", "phoi-hop": "phối hợp",
                  "tat-ca": "chủ trì và phối hợp"}


def role_name(text: str) -> str:
    """The role a user typed, in either spelling: ``chu-tri``/``chu_tri``/``Chủ trì``,
    ``phoi-hop``, ``tat-ca`` (``any``); ValueError for anything else."""
    from kehoach.textnorm import fold

    key = re.sub(r"[\s_]+", "-", fold(text).strip())
    key = ROLE_ALIASES.get(key, key)
    if key not in ROLES:
        raise ValueError(text)
    return key
STATUS_GROUPS = {
    "hoan-thanh": (DONE_ON_TIME, DONE_LATE),
    "chua-hoan-thanh": (OPEN, OVERDUE),
    "qua-han": (DONE_LATE, OVERDUE),
    **{s.replace("_", "-"): (s,) for s in STATUSES},
}


@dataclass(frozen=True)
class Filters:
    """A tracking question's filters. ``status`` holds status codes or groups
    (``STATUS_GROUPS``); due bounds are inclusive and drop undated rows."""

    agency: str | None = None
    role: str = "chu-tri"
    include_children: bool = False
    status: tuple[str, ...] | None = None
    due_before: dt.date | None = None
    due_after: dt.date | None = None

    def with_status(self, *status: str) -> Filters:
        return Filters(self.agency, self.role, self.include_children, status or None,
                       self.due_before, self.due_after)

    def body(self, registry: Registry, scope: Scope | None = None) -> BodyRecord | None:
        """The body the agency filter designates (raises AgencyLookupError)."""
        return registry.find(self.agency, scope) if self.agency else None

    def prefilter(self, registry: Registry, scope: Scope | None = None) -> Prefilter:
        """The prefilter of this question (raises AgencyLookupError for an unknown agency)."""
        ids = self._ids(registry, scope)
        wanted = _statuses(self.status)
        return Prefilter(frozenset(ROLES[role_name(self.role)]),
                         frozenset(ids) if ids is not None else None,
                         frozenset(wanted) if wanted is not None else None)

    def _ids(self, registry: Registry, scope: Scope | None) -> set[str] | None:
        body = self.body(registry, scope)
        return agency_ids(registry, body.id, self.include_children) if body else None

    def select(self, rows: Iterable[Obligation], registry: Registry,
               scope: Scope | None = None) -> list[Obligation]:
        """Rows passing every filter."""
        roles = ROLES[role_name(self.role)]
        ids = self._ids(registry, scope)
        wanted = _statuses(self.status)
        low, high = self.due_after, self.due_before
        out = []
        for row in rows:
            if row.role not in roles or (wanted is not None and row.status not in wanted):
                continue
            if ids is not None and row.agency not in ids and row.original_agency not in ids:
                continue
            if (low or high) and row.due is None:
                continue
            if row.due is not None and not _within(row.due, low, high):
                continue
            out.append(row)
        return out


    def matcher(self, registry: Registry, scope: Scope | None = None
                ) -> Callable[[tuple[Any, ...]], bool]:
        """``select`` for rows still in their cache data (``kehoach.tracking.rowcache.encode``:
        agency 2, original agency 4, role 5, due 7 as an ordinal, status 10)."""
        roles = ROLES[role_name(self.role)]
        ids = self._ids(registry, scope)
        wanted = _statuses(self.status)
        low = self.due_after.toordinal() if self.due_after else None
        high = self.due_before.toordinal() if self.due_before else None

        def keep(t: tuple[Any, ...]) -> bool:
            if t[5] not in roles or (wanted is not None and t[10] not in wanted):
                return False
            if ids is not None and t[2] not in ids and t[4] not in ids:
                return False
            due = t[7]
            if due is None:
                return low is None and high is None
            return (low is None or due >= low) and (high is None or due <= high)
        return keep


NO_FILTERS = Filters()


@dataclass(frozen=True)
class Prefilter:
    """Filters applied to cached rows before they are decoded (a query wants few of them).

    ``select`` applies the same filters again on the decoded rows; this only saves work.
    """

    roles: frozenset[str] | None = None
    agencies: frozenset[str] | None = None
    statuses: frozenset[str] | None = None

    @property
    def digest(self) -> str:
        parts = [sorted(x) if x is not None else None
                 for x in (self.roles, self.agencies, self.statuses)]
        return repr(parts)

    def keep(self, t: tuple[object, ...]) -> bool:
        # Indices follow cache.encode: agency 2, original_agency 4, role 5, status 10.
        if self.roles is not None and t[5] not in self.roles:
            return False
        if self.statuses is not None and t[10] not in self.statuses:
            return False
        return self.agencies is None or t[2] in self.agencies or t[4] in self.agencies


def agency_ids(registry: Registry, name: str, include_children: bool = False,
               scope: Scope | None = None) -> set[str]:
    """The ids whose rows concern the body ``name`` designates (raises AgencyLookupError)."""
    body = registry.find(name, scope)
    ids = {body.id, *registry.members(body.id)}
    if include_children:
        ids.update(registry.children(body.id))
    for body_id in list(ids):
        ids.update(registry.groups_containing(body_id))
    return ids


def _statuses(status: str | Iterable[str] | None) -> set[str] | None:
    if status is None:
        return None
    names = [status] if isinstance(status, str) else list(status)
    out: set[str] = set()
    for name in names:
        key = name.strip().lower().replace("_", "-")
        if key not in STATUS_GROUPS:
            raise ValueError(name)
        out.update(STATUS_GROUPS[key])
    return out


def _within(day: dt.date, low: dt.date | None, high: dt.date | None) -> bool:
    return (low is None or day >= low) and (high is None or day <= high)
