"""Upgrading a plan file's data to the current format (``kehoach fmt`` does it in place).

Version 1 (no ``phien_ban_dinh_dang``) named the occurrence of a yearly task by its year
(``ky: 2023``); version 2 names every occurrence by its original due day (``ky: 2023-11-15``),
since a year may now hold several ("trước ngày 15/6 và 15/12 hằng năm"). A year becomes the
day of the occurrence the tracker reads it as — the first one falling in that year — so an
upgrade changes no status. A year with no occurrence stays as written (``kehoach check``
reports it). The upgrade works on the loaded data; ``fmt`` then writes it with the comments
and checks it reads back as exactly the upgraded data.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import TYPE_CHECKING, Any

from kehoach.plan.model import FORMAT_VERSION, Plan

if TYPE_CHECKING:
    from kehoach.load.document import Document


def current_data(doc: Document) -> Any:
    """The data ``kehoach fmt`` writes for a loaded file: a plan of an older format upgraded
    (as of today in Việt Nam), anything else as it is."""
    if doc.plan is None or not needs_upgrade(doc.data):
        return doc.data
    from kehoach.deadline.clock import today_vn

    return upgrade(doc.data, doc.plan, today_vn())


def needs_upgrade(data: Any) -> bool:
    """Whether loaded plan data is of an older format."""
    version = data.get("phien_ban_dinh_dang") if isinstance(data, dict) else None
    return isinstance(data, dict) and (version is None or version < FORMAT_VERSION)


def upgrade(data: dict[str, Any], plan: Plan, today: dt.date) -> dict[str, Any]:
    """A copy of ``data`` in the current format (``plan`` is its model)."""
    from kehoach.load.validate import value_at
    from kehoach.plan.walk import iter_tasks
    from kehoach.tracking.schedule import record_occurrence, schedule

    out = copy.deepcopy(data)
    for ref in iter_tasks(plan):
        records = ref.task.hoan_thanh
        if not any(isinstance(r.ky, int) for r in records):
            continue
        occs = schedule(ref.task, plan, today).occurrences
        written = value_at(out, ref.path)["hoan_thanh"]
        for record, raw in zip(records, written, strict=True):
            occ = record_occurrence(record, occs) if isinstance(record.ky, int) else None
            if occ is not None and occ.original_due is not None:
                raw["ky"] = occ.original_due
    out["phien_ban_dinh_dang"] = FORMAT_VERSION
    return out
