"""The site's data files: JavaScript that hands JSON to ``KH.nap`` when a page loads it by a
script tag — browsers refuse ``fetch()`` on ``file://``, where offices open the site from a
shared folder. One file per plan and per agency, so a page loads only what it shows.

Entries travel as short arrays (see ``Entry.as_list``) and refer to plans and bodies by their
index in the catalogue, ``du-lieu/danh-muc.js``; a task's wording is kept once, in its plan's
file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from kehoach.plan.registry import Registry
from kehoach.site.entries import Entry
from kehoach.tracking.obligations import LEAD, OPEN, OVERDUE

DATA_DIR = "du-lieu"


def script(key: str, value: object) -> bytes:
    """``KH.nap("key", {...});`` — the JSON cannot close a script element or break a line."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"KH.nap({json.dumps(key)},{text});\n".encode()


def write(folder: Path, relative: str, data: bytes) -> int:
    """Write one file of the site being built (a fresh folder no one else reads yet: the
    whole site replaces the old one at once, see ``build``)."""
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return len(data)


def agency_ids(registry: Registry, body_id: str) -> set[str]:
    """The holders whose entries concern the body: itself, the groups it belongs to, and its
    members when it is a listed group (as ``tracking.filters.agency_ids`` without lookup)."""
    ids = {body_id, *registry.members(body_id)}
    for member in list(ids):
        ids.update(registry.groups_containing(member))
    return ids


def by_agency(registry: Registry, indexed: list[tuple[int, Entry]]
              ) -> dict[str, list[tuple[int, Entry]]]:
    """Every body with at least one entry (directly, through a group or as the original
    assignee) → its entries, lead ones first, then by plan and document order."""
    direct: dict[str, list[tuple[int, Entry]]] = {}
    for item in indexed:
        entry = item[1]
        direct.setdefault(entry.agency, []).append(item)
        if entry.original_agency and entry.original_agency != entry.agency:
            direct.setdefault(entry.original_agency, []).append(item)
    bodies = set(direct) | {m for holder in direct for m in registry.members(holder)}
    out: dict[str, list[tuple[int, Entry]]] = {}
    for body in sorted(bodies):
        seen: dict[int, tuple[int, Entry]] = {}
        for holder in agency_ids(registry, body):
            for item in direct.get(holder, ()):
                seen.setdefault(id(item[1]), item)
        if seen:
            out[body] = sorted(seen.values(), key=lambda it: (it[1].role != LEAD, it[0]))
    return out


def overdue(indexed: Iterable[tuple[int, Entry]]) -> list[tuple[int, Entry]]:
    """The lead entries overdue, most days first (as ``kehoach overdue`` orders its rows)."""
    found = [it for it in indexed if it[1].role == LEAD and it[1].status == OVERDUE]
    return sorted(found, key=lambda it: (-(it[1].days_overdue or 0), it[0], it[1].task_id))


def due_soon(indexed: Iterable[tuple[int, Entry]], within: int) -> list[tuple[int, Entry]]:
    """The lead entries open and due within ``within`` days, soonest first."""
    found = [it for it in indexed if it[1].role == LEAD and it[1].status == OPEN
             and it[1].days_left is not None and it[1].days_left <= within]
    return sorted(found, key=lambda it: (it[1].days_left or 0, it[0], it[1].task_id))
