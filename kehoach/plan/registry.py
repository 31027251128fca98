"""The agency registry: bodies, their names, groups, parents and successors."""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from kehoach.plan.bodyrecord import BodyKind, BodyRecord, GroupKind
from kehoach.plan.names import AgencyLookupError, NameIndex, Scope, resolve
from kehoach.textnorm import closest

if TYPE_CHECKING:
    from kehoach.plan.model import Body

__all__ = ["AgencyLookupError", "Registry"]


@dataclass
class Registry:
    """All bodies of a repository, indexed for lookups by id and by any of their names."""

    bodies: dict[str, BodyRecord] = field(default_factory=dict)
    province: str | None = None  # the repository's default province (kehoach.toml [kho] tinh)

    @classmethod
    def from_bodies(cls, bodies: Iterable[Body | BodyRecord], province: str | None = None
                    ) -> Registry:
        """The registry of validated bodies, kept as plain records (``BodyRecord``)."""
        records = [BodyRecord.of(b) for b in bodies]
        return cls({b.id: b for b in records}, province)

    def __contains__(self, body_id: object) -> bool:
        return body_id in self.bodies

    def __len__(self) -> int:
        return len(self.bodies)

    def get(self, body_id: str) -> BodyRecord | None:
        return self.bodies.get(body_id)

    def name(self, body_id: str) -> str:
        body = self.bodies.get(body_id)
        return body.ten if body else body_id

    def kind(self, body_id: str) -> BodyKind | None:
        body = self.bodies.get(body_id)
        return body.loai if body else None

    # --- names -----------------------------------------------------------------------

    @cached_property
    def names(self) -> NameIndex:
        return NameIndex(self.bodies.values())

    def __getstate__(self) -> dict[str, object]:
        # Worker processes get the bodies only: the indexes are rebuilt where they are used.
        return {"bodies": self.bodies, "province": self.province}

    def find(self, query: str, scope: Scope | None = None,
             province: str | None = None) -> BodyRecord:
        """The one body an id, name, alias or abbreviation designates (any case, accents, word
        order; level words such as "tỉnh" optional). Ties are broken by the plans of
        ``scope``, then by ``province`` or else the repository's default province (see
        ``kehoach.plan.names``)."""
        if query in self.bodies:  # an id: no need for the name index
            return self.bodies[query]
        return resolve(self, self.names, query, scope, province or self.province)

    def order(self, body_id: str) -> int:
        """The body's place in the registry, which officials arrange by protocol (unknown ids
        come last)."""
        return self._order.get(body_id, len(self.bodies))

    @cached_property
    def _order(self) -> dict[str, int]:
        return {body_id: i for i, body_id in enumerate(self.bodies)}

    def witnesses(self, body_id: str) -> set[str]:
        """The ids whose mention in a plan concerns ``body_id``: itself, the groups it belongs
        to, its members when it is a group, the bodies it took over from and their groups."""
        out = {body_id, *self.members(body_id)}
        out.update(self._predecessors.get(body_id, ()))
        for known in list(out):
            out.update(self.groups_containing(known))
        return out

    @cached_property
    def _predecessors(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for body_id in self.bodies:
            for later in self.successors(body_id):
                out.setdefault(later, set()).add(body_id)
        return out

    def suggest_ids(self, wrong_id: str, limit: int = 3) -> list[str]:
        return closest(wrong_id, list(self.bodies), limit=limit, cutoff=0.5)

    # --- structure ---------------------------------------------------------------------

    @cached_property
    def _groups_of(self) -> dict[str, set[str]]:
        """body id -> ids of the groups that list it directly."""
        out: dict[str, set[str]] = {}
        for body in self.bodies.values():
            for member in body.thanh_vien:
                out.setdefault(member, set()).add(body.id)
        return out

    def groups_containing(self, body_id: str) -> set[str]:
        """Every group the body belongs to, directly or through other groups."""
        seen: set[str] = set()
        todo = [body_id]
        while todo:
            for group in self._groups_of.get(todo.pop(), ()):
                if group not in seen:
                    seen.add(group)
                    todo.append(group)
        return seen

    def assignees(self, leads: tuple[str, ...] | list[str]) -> list[str]:
        """The bodies that must each complete a task: listed groups expand to their members."""
        key = tuple(leads)
        found = self._assignees.get(key)
        if found is None:  # the same few leads come back task after task, plan after plan
            out: dict[str, None] = {}  # ordered, and a member found twice costs nothing
            for lead in leads:
                out.update(dict.fromkeys(self.members(lead)))
            found = self._assignees[key] = tuple(out)
        return list(found)

    @cached_property
    def _assignees(self) -> dict[tuple[str, ...], tuple[str, ...]]:
        return {}

    def members(self, group_id: str) -> list[str]:
        """The individual bodies a listed group stands for (nested groups expanded).

        An open group, or a plain body, stands for itself: it is one assignee. Walked depth
        first without recursion: 10,000 nested groups, or a cycle of groups, is no harder.
        """
        body = self.bodies.get(group_id)
        if body is None or body.nhom is not GroupKind.liet_ke:
            return [group_id]
        out: dict[str, None] = {}
        seen: set[str] = set()
        todo = [group_id]
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            body = self.bodies.get(current)
            if body is None or body.nhom is not GroupKind.liet_ke:
                out[current] = None
            else:
                todo.extend(reversed(body.thanh_vien))
        return list(out)

    @cached_property
    def _kids(self) -> dict[str, list[str]]:
        kids: dict[str, list[str]] = {}
        for body in self.bodies.values():
            if body.cap_tren:
                kids.setdefault(body.cap_tren, []).append(body.id)
        return kids

    def children(self, body_id: str) -> list[str]:
        """Sub-units of a body (transitively), by ``cap_tren``; safe on cycles."""
        out: dict[str, None] = {}
        todo = deque(self._kids.get(body_id, ()))
        while todo:
            current = todo.popleft()
            if current in out or current == body_id:
                continue
            out[current] = None
            todo.extend(self._kids.get(current, ()))
        return list(out)

    def successor_on(self, body_id: str, day: dt.date) -> str:
        """The body that holds ``body_id``'s obligations on ``day`` (follows ``ke_thua``)."""
        seen: set[str] = set()
        current = body_id
        while current not in seen:
            seen.add(current)
            body = self.bodies.get(current)
            if body is None or body.den_ngay is None or day <= body.den_ngay:
                return current
            if body.ke_thua is None:
                return current
            current = body.ke_thua
        return current

    def successors(self, body_id: str) -> list[str]:
        """The bodies that took over from ``body_id``, nearest first (follows ``ke_thua``)."""
        chain: dict[str, None] = {}
        body = self.bodies.get(body_id)
        while body is not None and body.ke_thua and body.ke_thua not in chain:
            chain[body.ke_thua] = None
            body = self.bodies.get(body.ke_thua)
        return list(chain)

    def parent_chain(self, body_id: str) -> list[str]:
        chain: dict[str, None] = {}
        current = self.bodies.get(body_id)
        while current and current.cap_tren and current.cap_tren not in chain:
            chain[current.cap_tren] = None
            current = self.bodies.get(current.cap_tren)
        return list(chain)
