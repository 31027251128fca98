"""The progress report (báo cáo kết quả thực hiện kế hoạch) of one plan for one period, laid
out by Nghị định 30/2020 with the plan's header conventions, through the same templates and
typesetting as ``render`` (``kehoach.render.generic.render_template``).

What the records say is written here: per part of the plan, what was done, when and with
which document, what is late and by how many days; the overall figures and their chart; the
tasks falling due in the next period; the grid per agency as the annex. What only a person can
write — assessment, causes, proposals — comes from the narrative (``kehoach.plan.narrative``);
without it the report is a draft that marks those places for the author.

Which obligations a report counts (lead rows only; coordinators complete nothing): those due
in the period, those due before it and still open at its start (the backlog it inherits), and
the undated ones of a plan whose own period meets the report's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kehoach.errors import KehoachError
from kehoach.load.config import Sender
from kehoach.office.report_text import (
    next_tasks,
    pct,
    results_by_part,
    summary_table,
)
from kehoach.plan.model import Plan
from kehoach.plan.narrative import Narrative
from kehoach.plan.registry import Registry
from kehoach.plan.reportperiod import ReportPeriod
from kehoach.render.typeset import date_short
from kehoach.tracking.obligations import (
    DONE_LATE,
    DONE_ON_TIME,
    LEAD,
    NO_DEADLINE,
    OPEN,
    OVERDUE,
    Obligation,
)
from kehoach.tracking.summary import SummaryRow, summary_counts

if TYPE_CHECKING:
    from kehoach.diagnostics.diagnostic import Diagnostic

TEMPLATE = "bao_cao_ket_qua.j2"
NOBODY = Sender()
CHART = "bieu_do"
"""The name under which the chart's picture reaches the template (``hinh[anh=...]``)."""
AUTHOR_VI = {
    "danh_gia": "đánh giá chung về kết quả thực hiện",
    "nguyen_nhan": "tồn tại, hạn chế và nguyên nhân",
    "kien_nghi": "kiến nghị, đề xuất",
}


@dataclass(frozen=True)
class ReportData:
    """What a report is made of, before it is a document."""

    context: dict[str, Any]
    grid: list[SummaryRow]  # per body, then the total
    draft: bool


def period_rows(rows: Sequence[Obligation], period: ReportPeriod, plan: Plan
                ) -> list[Obligation]:
    """The lead rows a report of ``period`` counts (see the module's docstring)."""
    meets = plan.giai_doan is None or (plan.giai_doan.start <= period.end
                                       and plan.giai_doan.end >= period.start)
    out = []
    for row in rows:
        if row.role != LEAD:
            continue
        if row.due is None:
            keep = meets
        elif row.due < period.start:
            keep = row.completed is None or row.completed >= period.start
        else:
            keep = row.due <= period.end
        if keep:
            out.append(row)
    return out


def upcoming_rows(rows: Sequence[Obligation], period: ReportPeriod) -> list[Obligation]:
    """Open lead rows falling due in the period after ``period``."""
    after = period.following()
    return [r for r in rows if r.role == LEAD and r.status in (OPEN, OVERDUE)
            and r.due is not None and after.holds(r.due)]


def report_data(plan: Plan, plan_file: str, rows: Sequence[Obligation], registry: Registry,
                period: ReportPeriod, as_of: dt.date, *, narrative: Narrative | None,
                sender: Sender, configured: Sender = NOBODY, place: str | None = None,
                number: str | None = None) -> ReportData:
    """The template context of the report (and its grid, for the chart). ``sender`` is what
    the command line says of the issuer and signer, ``configured`` what kehoach.toml says."""
    from kehoach.office.letters import plan_refs
    from kehoach.render.typeset import date_short_or_blank

    ref = plan_refs([plan_file], registry)[plan_file]
    mine = period_rows(rows, period, plan)
    grid = summary_counts(((r.agency, r.agency_name, r.status,
                            r.due.toordinal() if r.due else None) for r in mine), as_of,
                          registry)
    issuer = _issuer(plan, registry, (sender, configured), narrative)
    number = number or (narrative.so_ky_hieu if narrative else None)
    day = narrative.ngay if narrative and narrative.ngay else None
    written = {k: narrative.paragraphs(k) if narrative else [] for k in
               (*AUTHOR_VI, "phuong_huong")}
    draft = not (number and issuer["nguoi_ky"] and all(written[k] for k in AUTHOR_VI))
    recorded = any(t.task.hoan_thanh for t in _tasks(plan))
    signed = day or (None if draft else as_of)  # a draft leaves its day blank
    context = {
        "bao_cao": {
            "ky": period.label, "ky_ma": period.code, "tinh_den": as_of,
            "tu_ngay": period.start, "den_ngay": period.end,
            "ke_hoach": ref.full, "ke_hoach_ngan": ref.label,
            "trong_ky": in_period(ref.label, period),
            "co_quan": issuer["ten"], "ngay_so": date_short_or_blank(signed),
            "trich_yeu": f"Kết quả thực hiện {ref.full} (kỳ báo cáo: {period.label})",
            "mo_dau": _opening(ref, plan, issuer, period, as_of),
            "co_ghi_nhan": recorded,
            "so_lieu": _figures(grid[-1]),
            "bieu_do": CHART if len(grid) > 1 else None,
            "cho_viet": {k: _placeholder(k) for k in AUTHOR_VI},
            **written,
        },
        "ket_qua": results_by_part(plan, mine),
        "ky_toi": {"ky": period.following().label,
                   "nhiem_vu": next_tasks(plan, upcoming_rows(rows, period), registry)},
        "phu_luc_bang": summary_table(grid),
        **_frame(plan, registry, issuer, number, place, signed, draft),
    }
    return ReportData(context, grid, draft)


def _tasks(plan: Plan) -> list[Any]:
    from kehoach.plan.walk import iter_tasks

    return list(iter_tasks(plan))


def in_period(what: str, period: ReportPeriod) -> str:
    """" trong năm 2022" to follow a plan's name, or nothing when the name already ends with
    the period (a plan without a number is named by its subject, "… quận Tân Phú năm 2022"):
    never "… năm 2022 trong năm 2022"."""
    def squash(text: str) -> str:
        return re.sub(r"\s*[-–—]\s*", "-", " ".join(text.split())).casefold()

    return "" if squash(what).endswith(squash(period.label)) else f" trong {period.label}"


def _opening(ref: Any, plan: Plan, issuer: dict[str, Any], period: ReportPeriod,
             as_of: dt.date) -> str:
    """"Thực hiện Kế hoạch số … của Sở A, Sở A báo cáo…" names the body once when it
    reports on its own plan."""
    own = issuer["id"] == plan.co_quan_ban_hanh[0].co_quan
    day = f" ngày {date_short(plan.ngay_ban_hanh)}" if plan.ngay_ban_hanh else ""
    what = f"{ref.label}{day}" if own else ref.full
    lead = "" if own else f"Thực hiện {ref.full}, "
    named = in_period(ref.label if own else ref.full, period)  # the name, not its day
    return (f"{lead}{issuer['ten']} báo cáo kết quả thực hiện {what}{named} (từ "
            f"ngày {date_short(period.start)} đến ngày {date_short(period.end)}, số liệu tính đến "
            f"ngày {date_short(as_of)}) như sau:")


def _figures(total: SummaryRow) -> dict[str, Any]:
    counts = total.counts
    return {
        "tong": total.total, "den_han": total.due,
        "dung_han": counts[DONE_ON_TIME], "qua_han_xong": counts[DONE_LATE],
        "hoan_thanh": counts[DONE_ON_TIME] + counts[DONE_LATE],
        "trong_han": counts[OPEN], "qua_han": counts[OVERDUE],
        "chua_xong": counts[OPEN] + counts[OVERDUE], "khong_han": counts[NO_DEADLINE],
        "ty_le": pct(total.on_time_rate),
    }


def _placeholder(key: str) -> str:
    return (f"[Phần {AUTHOR_VI[key]}: người soạn viết vào mục {key} của tệp báo cáo "
            f"trong thư mục reports/.]")


def _issuer(plan: Plan, registry: Registry, senders: Sequence[Sender],
            narrative: Narrative | None) -> dict[str, Any]:
    """Who reports and signs, each part from the first that says it: the command line, the
    narrative, the configuration (``senders`` around the narrative), else the plan's first
    issuer and its signature block."""
    given, configured = senders
    body_id = (given.co_quan or (narrative.co_quan if narrative else None)
               or configured.co_quan or plan.co_quan_ban_hanh[0].co_quan)
    own = body_id == plan.co_quan_ban_hanh[0].co_quan
    signature = next((s for s in plan.chu_ky if own and s.co_quan in (None, body_id)), None)

    def pick(name: str) -> Any:
        for source in (given, narrative, configured, signature):
            value = getattr(source, name, None) if source is not None else None
            if value:
                return value
        return None

    return {"id": body_id, "ten": registry.name(body_id), "quyen_han": pick("quyen_han"),
            "chuc_vu": pick("chuc_vu"), "nguoi_ky": pick("nguoi_ky") or "",
            "noi_nhan": list(pick("noi_nhan") or ())}


def _frame(plan: Plan, registry: Registry, issuer: dict[str, Any], number: str | None,
           place: str | None, day: dt.date | None, draft: bool) -> dict[str, Any]:
    """The header, recipients and signature, in the keys the plan templates' partials read
    (``_header.j2``, ``_signature.j2``), so that a report looks like its plan."""
    from kehoach.render import typeset
    from kehoach.render.context import layout_kind

    body = registry.get(issuer["id"])
    parent = registry.get(body.cap_tren) if body and body.cap_tren else None
    kind = layout_kind(plan, registry)
    abbreviation = body.viet_tat if body and body.viet_tat else ""
    symbol = typeset.number_symbol(number, "BC", [abbreviation], kind == "doan")
    recipients = issuer["noi_nhan"] or (["- …;", "- Lưu: VT, …."] if draft else ["- Lưu: VT."])
    return {
        "van_ban": {"du_thao": draft, "noi_nhan": recipients},
        "tieu_de": {
            "kieu": kind,
            "co_quan": [{"ten": (body.ten_in or body.ten) if body else issuer["ten"],
                         "chu_quan": (parent.ten_in_chu_quan or parent.ten_in or parent.ten)
                         if parent else None}],
            "so": symbol,
            "dia_danh_ngay": typeset.place_and_date(place or plan.dia_danh, day),
        },
        "chu_ky": [{"cot": 1, "quyen_han": issuer["quyen_han"], "chuc_vu": issuer["chuc_vu"],
                    "nguoi_ky": issuer["nguoi_ky"]}],
    }


@dataclass
class Report:
    """A report written, or the problems that stopped it (then ``docx`` is empty)."""

    docx: bytes = b""
    draft: bool = True
    narrative: Path | None = None
    problems: list[Diagnostic] = field(default_factory=list)


def make_report(plan_path: Path, period: ReportPeriod, as_of: dt.date, *, sender: Sender,
                configured: Sender = NOBODY, place: str | None = None,
                number: str | None = None) -> Report:
    """The .docx of the progress report of the plan at ``plan_path``. A plan, or its
    narrative, with errors is not reported on: their errors come back instead.

    Raises ReportError (the file is not a plan), RenderError."""
    from kehoach.check.checker import check_paths
    from kehoach.render.generic import render_template
    from kehoach.tracking.obligations import obligations

    result = check_paths([plan_path])
    errors = [d for d in result.diagnostics if d.is_error]
    if errors:
        return Report(problems=errors)
    if not result.plans:
        raise ReportError(f"“{plan_path}” không phải một tệp kế hoạch.")
    doc = result.plans[0]
    assert doc.plan is not None
    narrative, where, problems = find_narrative(result.root, doc.path, period, result.registry)
    if problems:
        return Report(problems=problems)
    rows = obligations(doc.plan, result.registry, as_of, doc.display)
    data = report_data(doc.plan, doc.display, rows, result.registry, period, as_of,
                       narrative=narrative, sender=sender, configured=configured, place=place,
                       number=number)
    pictures = {}
    if data.context["bao_cao"]["bieu_do"]:
        from kehoach.office.chart_picture import chart_png
        from kehoach.office.charts import grid_chart

        pictures[CHART] = chart_png(grid_chart(data.grid))
    search = [result.root / "templates"] if result.root else []
    docx = render_template(TEMPLATE, data.context, result.registry, search_dirs=search,
                           title=data.context["bao_cao"]["trich_yeu"], pictures=pictures)
    return Report(docx, data.draft, where)


def find_narrative(root: Path | None, plan: Path, period: ReportPeriod, registry: Registry
                   ) -> tuple[Narrative | None, Path | None, list[Diagnostic]]:
    """The narrative in ``reports/`` for this plan and period (the first by file name), or
    its errors when it has any."""
    from kehoach.check.narrative_rules import check_narrative, report_key
    from kehoach.fs.repo import REPORTS_DIR, display_path, is_dir, same_file_key, yaml_files
    from kehoach.load.document import load_document

    if root is None or not is_dir(root / REPORTS_DIR):
        return None, None, []
    wanted = (same_file_key(plan), period.code)
    for path in yaml_files([root / REPORTS_DIR]):
        doc = load_document(path, display_path(path))
        if doc.narrative is None or report_key(doc.narrative, root) != wanted:
            continue
        check_narrative(doc, registry)
        errors = [d for d in doc.diagnostics if d.is_error]
        return (None, path, errors) if errors else (doc.narrative, path, [])
    return None, None, []


class ReportError(KehoachError):
    """A report asked of a file that is not a plan: what the user typed (exit 2)."""

    exit_code = 2
