"""Who may record a completion, and for which occurrence (used by ``kehoach.edit.records``).

The assignees of a task are its leads with listed groups expanded to their members (an open
group is one assignee, as in ``kehoach.check.rules.tasks``). The occurrences of a recurring or
multi-date task come from the deadline reader over the plan's period; ``ky`` is the
occurrence's original due day (format 2; ``--occurrence`` also takes the year when that year
has one occurrence).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kehoach.errors import KehoachError

if TYPE_CHECKING:
    from kehoach.deadline import Deadline
    from kehoach.plan.model import Plan
    from kehoach.plan.registry import Registry
    from kehoach.plan.walk import TaskRef


class EditError(KehoachError, ValueError):
    """The edit was refused; nothing was written. ``diagnostics`` when the file is at fault."""

    def __init__(self, message_vi: str, diagnostics: list[Any] | None = None):
        self.diagnostics = list(diagnostics or [])
        super().__init__(message_vi)


_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def parse_occurrence(value: str | int | dt.date | None) -> int | dt.date | None:
    """``--occurrence``: a year (``2023``) or a date (``2023-11-15`` or ``15/11/2023``)."""
    if value is None or isinstance(value, int | dt.date):
        return value
    text = value.strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return int(text)
        if m := _DMY.fullmatch(text):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise EditError(f"Kỳ “{value}” không hợp lệ: hãy ghi năm (2023) hoặc ngày (2023-11-15 hay "
                    "15/11/2023).")


def assignees(ref: TaskRef, registry: Registry) -> list[str]:
    return registry.assignees(ref.leads)


def resolve_agency(ref: TaskRef, agency: str | None, registry: Registry,
                   plan: Plan | None = None, display: str = "") -> str | None:
    """The registry id of the body that completed the task (None: the only assignee).

    A name several bodies share ("Sở Nội vụ" names one body per province) is resolved among
    the task's assignees first, then among the bodies its plan writes."""
    from kehoach.plan.model import GroupKind
    from kehoach.plan.names import IdsScope
    from kehoach.plan.planscope import plan_scope
    from kehoach.plan.registry import AgencyLookupError

    expected = assignees(ref, registry)
    names = _some(registry, expected)
    if agency is None:
        if len(expected) <= 1:
            return None
        raise EditError(f"Nhiệm vụ “{ref.task.id}” giao cho {len(expected)} cơ quan ({names}); "
                        "hãy chỉ rõ cơ quan đã hoàn thành (--agency).")
    if agency in expected:
        return agency
    task = (f"nhiệm vụ {ref.task.id}", expected)
    scope = plan_scope(plan, display or "kế hoạch", task) if plan else IdsScope([task])
    try:
        body = registry.find(agency, scope)
    except AgencyLookupError as exc:
        raise EditError(exc.message_vi) from exc
    if body.id in expected:
        return body.id
    if body.nhom is GroupKind.liet_ke and body.id in ref.leads:
        members = _some(registry, registry.members(body.id))
        raise EditError(f"“{body.ten}” là một nhóm: hãy ghi nhận cho từng cơ quan thành viên "
                        f"({members}).")
    raise EditError(f"“{body.ten}” không phải cơ quan chủ trì nhiệm vụ “{ref.task.id}” (chủ trì: "
                    f"{names}).")


def _some(registry: Registry, ids: list[str], shown: int = 5) -> str:
    """Names for a message: a task of a whole province may have dozens of assignees."""
    if not ids:
        return "chưa có"
    names = "; ".join(registry.name(b) for b in ids[:shown])
    more = len(ids) - shown
    return f"{names}; và {more} cơ quan khác" if more > 0 else names


def schedule(ref: TaskRef, plan: Plan, today: dt.date) -> tuple[Deadline | None, list[dt.date]]:
    """The reading of the task's deadline, and its occurrences when it has several."""
    from kehoach.deadline import occurrences, read_deadline
    from kehoach.tracking.schedule import reference_day, window

    if not ref.task.thoi_han:
        return None, []
    reading = read_deadline(ref.task.thoi_han, reference=reference_day(plan))
    if reading.kind == "dates":
        return reading, list(reading.occurrences)
    if reading.kind != "recurring":
        return reading, []
    # The tracker's own window, so that the occurrences offered are the ones `tasks` lists.
    bounds = window(plan, today)
    return reading, occurrences(reading, *bounds) if bounds else []


def show_ky(ky: int | dt.date) -> str:
    return str(ky) if isinstance(ky, int) else f"{ky:%d/%m/%Y}"


def _preview(days: list[dt.date]) -> str:
    shown = [f"{d:%d/%m/%Y}" for d in days[:6]]
    return ", ".join(shown) + (", …" if len(days) > 6 else "")


def resolve_occurrence(ref: TaskRef, reading: Deadline | None, days: list[dt.date],
                       wanted: int | dt.date | None, taken: set[dt.date]) -> dt.date | None:
    """The ``ky`` to record: the occurrence's due day. ``wanted`` may be that day or its year
    when the year has one occurrence; ``taken`` holds the days already recorded for this
    body."""
    tid = ref.task.id
    if reading is None or reading.kind not in ("recurring", "dates"):
        if wanted is None:
            return None
        deadline = f"thời hạn “{ref.task.thoi_han}”" if ref.task.thoi_han else "không có thời hạn"
        raise EditError(f"Nhiệm vụ “{tid}” chỉ có một kỳ ({deadline}); không cần ghi kỳ "
                        "(--occurrence).")
    if not days:
        raise EditError(f"Không xác định được các kỳ của nhiệm vụ “{tid}” trong giai đoạn kế "
                        "hoạch; hãy kiểm tra thời hạn và giai đoạn (giai_doan).")
    if wanted is None:
        if len(days) == 1:
            return days[0]
        first_open = next((d for d in days if d not in taken), days[0])
        raise EditError(f"Nhiệm vụ “{tid}” có nhiều kỳ ({_preview(days)}); hãy chỉ rõ kỳ đã "
                        f"hoàn thành bằng --occurrence, ví dụ --occurrence "
                        f"{first_open.isoformat()}.")
    if isinstance(wanted, int):
        in_year = [d for d in days if d.year == wanted]
        if not in_year:
            raise EditError(f"Năm {wanted} không có kỳ nào của nhiệm vụ “{tid}” (các kỳ: "
                            f"{_preview(days)}).")
        if len(in_year) > 1:
            raise EditError(f"Năm {wanted} có {len(in_year)} kỳ của nhiệm vụ “{tid}” "
                            f"({_preview(in_year)}); hãy ghi ngày của kỳ, ví dụ "
                            f"--occurrence {in_year[0].isoformat()}.")
        return in_year[0]
    if wanted not in days:
        raise EditError(f"Ngày {wanted:%d/%m/%Y} không phải một kỳ của nhiệm vụ “{tid}” (các "
                        f"kỳ: {_preview(days)}).")
    return wanted


def locate_task(task_id: str, cwd: Path | None = None) -> Path:
    """The plan file of the repository holding ``cwd`` that defines ``task_id`` (ids are
    unique in a repository). A cheap text scan finds the candidates; only when there are
    several are they loaded, to tell a task's id from another ``id:``. A lone candidate is
    loaded once, by the edit, which says so if the id is not a task's there."""
    from kehoach.check.idindex import IdIndex
    from kehoach.fs.cache import cache_dir
    from kehoach.fs.repo import find_root, plan_files, same_file_key
    from kehoach.load.document import load_document
    from kehoach.textnorm import closest

    root = find_root(cwd or Path.cwd())
    if root is None:
        raise EditError("Không tìm thấy kho kế hoạch (thư mục có plans/); hãy chỉ rõ tệp "
                        "kế hoạch (--plan).")
    seen: set[str] = set()
    candidates = []
    index = IdIndex(cache_dir(root))  # the scan `check` remembers: unchanged files are not read
    for path in plan_files(root):
        ids = index.ids(path, same_file_key(path))
        seen.update(ids)
        if task_id in ids:
            candidates.append(path)
    index.save()
    if len(candidates) == 1:
        return candidates[0]
    found = [p for p in candidates if _defines_task(load_document(p), task_id)]
    if len(found) == 1:
        return found[0]
    if found:
        listed = ", ".join(str(p) for p in found)
        raise EditError(f"Mã nhiệm vụ “{task_id}” có ở nhiều tệp ({listed}); hãy chỉ rõ tệp "
                        "(--plan).")
    near = closest(task_id, sorted(seen), cutoff=0.5)
    hint = f" Có phải: {', '.join(near)}?" if near else ""
    raise EditError(f"Không có nhiệm vụ “{task_id}” trong kho kế hoạch.{hint}")


def _defines_task(doc: Any, task_id: str) -> bool:
    """``doc`` has a task ``task_id`` — or is invalid, and the edit will say so."""
    from kehoach.plan.walk import iter_tasks

    return doc.plan is None or any(r.task.id == task_id for r in iter_tasks(doc.plan))
