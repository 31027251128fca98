"""The site's data files: JavaScript that hands JSON to ``KH.nap`` when a page loads it by a
script tag — browsers refuse ``fetch()`` on ``file://``, where offices open the site from a
shared folder. One file per plan and per agency, so a page loads only what it shows.

Entries travel as short arrays (see ``Entry.as_list``) and refer to plans and bodies by their
index in the catalogue, ``du-lieu/danh-muc.js``; a task's wording is kept once, in its plan's
file. Each plan's entries are encoded where the plan was read (``listing``, in a worker
process for a large repository); the main process only joins the strings into the agency
files and the home page's lists.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kehoach.plan.registry import Registry
from kehoach.plan.walk import TaskRef
from kehoach.site.entries import Entry
from kehoach.tracking.obligations import LEAD, OPEN, OVERDUE

DATA_DIR = "du-lieu"


def script(key: str, value: object) -> bytes:
    """``KH.nap("key", {...});`` — the JSON cannot close a script element or break a line."""
    return wrap(key, json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def wrap(key: str, text: str) -> bytes:
    text = text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"KH.nap({json.dumps(key)},{text});\n".encode()


def array(items: Iterable[str]) -> str:
    """A JSON array of items already encoded."""
    return "[" + ",".join(items) + "]"


def write(folder: Path, relative: str, data: bytes) -> int:
    """Write one file of the site being built (a fresh folder no one else reads yet: the
    whole site replaces the old one at once, see ``publish``)."""
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return len(data)


def _json(values: list[object]) -> str:
    """An entry's JSON: numbers and null, and a string only for a body the registry lacks
    (tens of thousands of these: ``json.dumps`` costs several times more)."""
    return "[" + ",".join("null" if v is None else json.dumps(v, ensure_ascii=False)
                          if isinstance(v, str) else str(v) for v in values) + "]"


@dataclass(frozen=True)
class Listed:
    """One entry, encoded: ``own`` for its holder's page (the body left off), ``full`` for
    any other list (the body by its index in the registry, or by id when not in it)."""

    lead: bool
    status: str
    own: str
    full: str


@dataclass
class Listing:
    """A plan's entries as the shared files need them."""

    holders: dict[str, list[Listed]] = field(default_factory=dict)
    originals: dict[str, list[Listed]] = field(default_factory=dict)  # first assignee → …
    overdue: list[tuple[tuple[int, int, str], str]] = field(default_factory=list)
    due_soon: list[tuple[tuple[int, int, str], str]] = field(default_factory=list)


def listing(entries: Iterable[Entry], plan: int, tasks: dict[str, int],
            numbers: dict[str, int], within: int) -> Listing:
    """Encode one plan's entries (``plan``: its index in the catalogue; ``tasks``: task id →
    index in the plan's data file; ``numbers``: body id → index in the catalogue)."""
    out = Listing()
    for e in entries:
        task = tasks[e.task_id]
        first = e.original_agency
        original = numbers.get(first, first) if first and first != e.agency else -1
        full = _json(e.as_list(plan, task, numbers.get(e.agency, e.agency), original))
        item = Listed(e.role == LEAD, e.status, _json(e.as_list(plan, task, -1, original)), full)
        out.holders.setdefault(e.agency, []).append(item)
        if first and first != e.agency:
            out.originals.setdefault(first, []).append(item)
        if e.role != LEAD:
            continue
        if e.status == OVERDUE:
            out.overdue.append(((-(e.days_overdue or 0), plan, e.task_id), full))
        elif e.status == OPEN and e.days_left is not None and e.days_left <= within:
            out.due_soon.append(((e.days_left, plan, e.task_id), full))
    return out


def named_leads(refs: Iterable[TaskRef], registry: Registry,
                numbers: dict[str, int]) -> dict[str, list[int | str]]:
    """Task id → the leads its plan names (catalogue indices; ids the registry lacks), for
    the tasks that name a listed group: an agency page tells a member's row from a direct
    one by them ("Giao cho"), with the groups' members from the catalogue."""
    out: dict[str, list[int | str]] = {}
    listed: dict[str, bool] = {}  # a plan names the same few groups again and again
    for ref in refs:
        for lead in ref.leads:
            if lead not in listed:
                listed[lead] = registry.members(lead) != [lead]
        if any(listed[lead] for lead in ref.leads):
            out[ref.task.id] = [numbers.get(lead, lead) for lead in ref.leads]
    return out


def group_members(registry: Registry, names: list[str]) -> dict[str, list[int]]:
    """The catalogue's listed groups (by index, as a JSON key) → their members' indices."""
    index = {name: i for i, name in enumerate(names)}
    out: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        members = registry.members(name)
        if members != [name]:
            out[str(i)] = [index[m] for m in members if m in index]
    return out


def agency_ids(registry: Registry, body_id: str) -> set[str]:
    """The holders whose entries concern the body: itself, the groups it belongs to, and its
    members when it is a listed group (as ``tracking.filters.agency_ids`` without lookup)."""
    ids = {body_id, *registry.members(body_id)}
    for member in list(ids):
        ids.update(registry.groups_containing(member))
    return ids


@dataclass
class AgencyFile:
    """What an agency's page lists: its own encoded entries, leads first, the other holders
    whose files the page loads beside its own (its groups, or a listed group's members),
    and the counts of all it shows."""

    lead: list[str] = field(default_factory=list)
    coordinate: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    counts: Counter[tuple[bool, str]] = field(default_factory=Counter)

    def add(self, item: Listed, own: bool | None) -> None:
        """Count an entry the page shows; keep it in this file when the body holds it
        (``own``) or first held it (None): another holder's are in that holder's file."""
        if own is not False:
            (self.lead if item.lead else self.coordinate).append(item.own if own else item.full)
        self.counts[(item.lead, item.status)] += 1


def agency_files(registry: Registry, plans: list[Listing]) -> dict[str, AgencyFile]:
    """Every body with at least one entry — directly, through a group, or as the first
    assignee of a task a successor now holds — and its file, in plan and document order.

    An entry is written once, in its holder's file: a page of "các sở, ban, ngành" loads its
    members' files rather than a copy of each (on the corpus of real plans, copies were
    half of the agency files)."""
    present: dict[str, list[int]] = {}
    for position, plan in enumerate(plans):
        for holder in (*plan.holders, *plan.originals):
            present.setdefault(holder, []).append(position)
    holding = {h for plan in plans for h in plan.holders}
    bodies = set(present) | {m for h in present for m in registry.members(h)}
    out: dict[str, AgencyFile] = {}
    for body in sorted(bodies):
        ids = agency_ids(registry, body)
        where = sorted({p for i in ids for p in present.get(i, ())})
        page = AgencyFile(related=sorted((ids - {body}) & holding))
        for position in where:
            plan = plans[position]
            for holder in ids & plan.holders.keys():
                for item in plan.holders[holder]:
                    page.add(item, own=holder == body)
            for item in plan.originals.get(body, ()):
                page.add(item, own=None)
        if page.counts:
            out[body] = page
    return out
