"""``kehoach import-progress``: the filled sheets back into the plans. Every row is checked
as ``kehoach done`` checks one; nothing is written unless every row of every sheet was
accepted (a row already recorded is accepted and changes nothing), and then each plan is
written once, atomically, under its lock."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kehoach.edit.batch import BatchOutcome, DoneEntry, record_batch
from kehoach.office.progress_read import FilledRow, SheetError, read_progress


@dataclass
class ImportReport:
    outcomes: list[BatchOutcome] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # sheets or rows refused before a plan
    written: bool = False

    @property
    def refused(self) -> bool:
        return bool(self.problems) or any(o.refused for o in self.outcomes)


def import_progress(sheets: list[Path], root: Path, *, write: bool) -> ImportReport:
    report = ImportReport()
    by_plan: dict[Path, list[DoneEntry]] = defaultdict(list)
    for sheet in sheets:
        try:
            read = read_progress(sheet)
        except SheetError as exc:
            report.problems.append(exc.message_vi)
            continue
        report.problems.extend(read.problems)
        for row in read.rows:
            plan = _plan_path(root, row)
            if plan is None:
                report.problems.append(f"{row.where}: không có kế hoạch “{row.plan}” trong kho "
                                       "này; bảng này có lẽ xuất từ kho khác.")
                continue
            by_plan[plan].append(DoneEntry(row.where, row.task_id, row.agency,
                                           row.occurrence or None, row.day, row.evidence,
                                           row.note))
    from kehoach.check.checker import load_registry

    registry, _ = load_registry(root)
    report.outcomes = [record_batch(p, e, write=False, registry=registry)
                       for p, e in sorted(by_plan.items())]
    if write and not report.refused and any(o.recorded for o in report.outcomes):
        report.outcomes = [record_batch(p, e, write=True, registry=registry)
                           for p, e in sorted(by_plan.items())]
        report.written = all(o.written or not o.recorded for o in report.outcomes)
    return report


def _plan_path(root: Path, row: FilledRow) -> Path | None:
    """The plan a row's key names, only inside this repository and only an existing file."""
    relative = Path(row.plan)
    if relative.is_absolute() or ".." in relative.parts:
        return None
    path = (root / relative).resolve()
    try:
        path.relative_to(root.resolve())
    except ValueError:
        return None
    return path if path.is_file() and path.suffix.lower() in (".yaml", ".yml") else None
