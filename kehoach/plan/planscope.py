"""The bodies one plan writes, as the scope a name is resolved in (``kehoach.plan.names``):
for ``done --agency`` (a task's assignees first) and for ``check`` (a name written where an
id belongs is resolved among the plan's own bodies and its issuer's province)."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

from kehoach.plan.model import Plan
from kehoach.plan.namekey import province_of
from kehoach.plan.names import IdsScope
from kehoach.plan.walk import all_body_refs

# Keys whose values are registry ids in a plan's data (``co_quan`` of a legal basis is prose:
# ``can_cu`` is skipped).
BODY_KEYS = frozenset({"chu_tri", "phoi_hop", "co_quan", "co_quan_ban_hanh"})


def plan_scope(plan: Plan, label: str,
               first: tuple[str, Collection[str]] | None = None) -> IdsScope:
    """The bodies ``plan`` writes, after the ``first`` layer when one is given."""
    ids = {body for _, body in all_body_refs(plan)}
    provinces = {p for i in plan.co_quan_ban_hanh if (p := province_of(i.co_quan))}
    return IdsScope([*([first] if first else []), (label, ids)], provinces)


def body_values(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    """Every string a plan's raw data holds where a registry id belongs, with its path (the
    data need not be a valid plan)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "can_cu":
                continue
            if key in BODY_KEYS:
                if isinstance(value, str):
                    yield (*path, key), value
                elif isinstance(value, list):
                    yield from (((*path, key, i), v) for i, v in enumerate(value)
                                if isinstance(v, str))
            yield from body_values(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from body_values(value, (*path, i))


def data_scope(data: Any, known: Collection[str], label: str) -> IdsScope:
    """The scope of a plan's raw data: the registry ids (``known``) it writes, and the
    provinces of its issuers."""
    values = list(body_values(data))
    ids = {v for _, v in values if v in known}
    provinces = {p for path, v in values if path[:1] == ("co_quan_ban_hanh",) and v in known
                 and (p := province_of(v))}
    return IdsScope([(label, ids)], provinces)
