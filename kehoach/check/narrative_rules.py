"""Checking a progress report's narrative (``kehoach.plan.narrative``): the plan it names is
a plan of this repository, its period is one ``kehoach report --period`` understands, the body
it names is in the registry, and no two narratives are for the same report.

Codes: report-plan-unknown, report-period, report-duplicate, unknown-body."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kehoach.load.document import Document
from kehoach.plan.narrative import Narrative
from kehoach.plan.registry import Registry
from kehoach.plan.reportperiod import PeriodError, parse_period


def plan_of(narrative: Narrative, root: Path) -> Path | None:
    """The plan file a narrative names, when it is a plan of the repository at ``root``."""
    from kehoach.fs.repo import PLANS_DIR, is_file, same_file_key, within

    written = narrative.ke_hoach.replace("\\", "/")
    path = root / Path(*written.split("/"))
    inside = within(same_file_key(path), same_file_key(root / PLANS_DIR))
    if not inside or not is_file(path) or path.suffix.lower() not in (".yaml", ".yml"):
        return None
    return path


def report_key(narrative: Narrative, root: Path) -> tuple[str, str] | None:
    """(the plan file, the period's canonical code): which report a narrative is for."""
    from kehoach.fs.repo import same_file_key

    plan = plan_of(narrative, root)
    try:
        period = parse_period(narrative.period_code)
    except PeriodError:
        return None
    return (same_file_key(plan), period.code) if plan is not None else None


def check_narrative(doc: Document, registry: Registry) -> None:
    """Add the narrative's problems to ``doc``."""
    from kehoach.fs.repo import find_root

    narrative = doc.narrative
    if narrative is None:
        return
    root = find_root(doc.path.absolute().parent.parent)
    if root is None or plan_of(narrative, root) is None:
        doc.add(("ke_hoach",), "report-plan-unknown",
                f"Không có kế hoạch “{narrative.ke_hoach}” trong thư mục plans/ của kho (đường "
                "dẫn tính từ thư mục gốc của kho, ví dụ plans/ke-hoach.yaml).")
    try:
        parse_period(narrative.period_code)
    except PeriodError as exc:
        doc.add(("ky",), "report-period", exc.message_vi)
    if narrative.co_quan and registry.get(narrative.co_quan) is None:
        doc.add(("co_quan",), "unknown-body",
                f"Cơ quan “{narrative.co_quan}” không có trong danh mục.")


def duplicates(docs: Iterable[Document]) -> None:
    """Warn on each narrative after the first for the same plan and period (by file name)."""
    from kehoach.fs.repo import find_root

    first: dict[tuple[str, str], Document] = {}
    for doc in sorted(docs, key=lambda d: d.display):
        if doc.narrative is None:
            continue
        root = find_root(doc.path.absolute().parent.parent)
        key = report_key(doc.narrative, root) if root else None
        if key is None:
            continue
        if key in first:
            doc.add(("ky",), "report-duplicate",
                    f"{first[key].display} đã là phần viết của báo cáo này (cùng kế hoạch, cùng "
                    "kỳ): kehoach report chỉ dùng tệp đó.")
        else:
            first[key] = doc
