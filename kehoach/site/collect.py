"""The per-plan work of a site build, run where the plan is read (``fs.parallel.run_files``):
load the plan, expand its obligations as of the day, write its page and its data file (and
with ``--with-docx`` its .docx and PDF), and send back only what the shared pages need."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kehoach.load.document import Document, load_text, read_source
from kehoach.plan.model import Plan
from kehoach.plan.registry import Registry
from kehoach.plan.walk import TaskRef, iter_tasks
from kehoach.site import data, layout, views
from kehoach.site.coordinators import plan_entries
from kehoach.site.entries import Entry, grid_counts
from kehoach.tracking.bounds import past_limit
from kehoach.tracking.summary import SummaryKey

PLAN_DIR = "ke-hoach"
DOCX_DIR = "van-ban"


@dataclass(frozen=True)
class Shared:
    """What every plan's work needs (sent once to each worker process)."""

    registry: Registry
    as_of: dt.date
    staging: Path
    slugs: dict[str, tuple[int, str]]  # plan file → (index in the catalogue, slug)
    templates: tuple[Path, ...]
    page: dict[str, Any]  # the keys every page shares
    numbers: dict[str, int]  # body id → its index in the catalogue
    within: int  # the due-soon list's window, in days
    with_docx: bool = False


@dataclass
class PlanResult:
    index: int
    meta: views.PlanMeta
    listing: data.Listing
    counts: Counter[SummaryKey]
    documents: list[str] = field(default_factory=list)  # .docx / .pdf written, site-relative
    warnings: list[str] = field(default_factory=list)
    size: int = 0  # bytes written


def plan_of_file(path: Path, display: str, shared: Shared) -> tuple[Document, PlanResult | None]:
    """One plan's share of the site (None when the plan does not load: its diagnostics say
    why, and the site is built from the others)."""
    doc = Document(path, display)
    raw = read_source(doc)  # the one reader: regular files inside the repository, bounded
    if raw is None:
        return doc, None
    doc = load_text(doc, raw)
    plan = doc.plan
    if plan is None:
        return doc, None
    index, slug = shared.slugs[str(path)]
    excess = past_limit(plan, shared.registry, shared.as_of)
    if excess is not None:  # as check and the tracking commands: never expand such a plan
        doc.add(excess.path, "too-many-obligations", excess.message)
        return doc, None
    refs = list(iter_tasks(plan))
    rows, found = plan_entries(plan, shared.registry, shared.as_of, display, refs)
    result = PlanResult(index, views.meta(plan, slug, display, len(refs)), data.Listing(),
                        grid_counts(rows, shared.as_of))
    if shared.with_docx:
        _documents(plan, shared, slug, result)
    _page(plan, refs, found, shared, result)
    tasks = views.plan_data(refs, found, data.named_leads(refs, shared.registry,
                                                          shared.numbers))
    result.listing = data.listing(found, index, {ref.task.id: i for i, ref in enumerate(refs)},
                                  shared.numbers, shared.within)
    result.size += data.write(shared.staging, f"{data.DATA_DIR}/{PLAN_DIR}/{slug}.js",
                              data.script(f"{PLAN_DIR}/{slug}", {"nv": tasks}))
    return doc, result


def _page(plan: Plan, refs: list[TaskRef], found: list[Entry], shared: Shared,
          result: PlanResult) -> None:
    by_task: dict[str, list[Entry]] = {}
    for entry in found:
        by_task.setdefault(entry.task_id, []).append(entry)
    context = {**shared.page, **views.page_context(plan, shared.registry, refs, by_task),
               "goc": "../", "ke_hoach": result.meta, "van_ban_tai": result.documents}
    env = layout.environment(shared.templates, shared.registry)
    html = layout.render(env, "ke-hoach.html.j2", context)
    result.size += data.write(shared.staging, f"{PLAN_DIR}/{result.meta.slug}.html",
                              html.encode())


def _documents(plan: Any, shared: Shared, slug: str, result: PlanResult) -> None:
    """The plan's .docx, and its PDF where LibreOffice is installed, into the site."""
    from kehoach.errors import RenderError
    from kehoach.render import convert_to_pdf, render_plan
    from kehoach.render.pdf import find_soffice

    folder = shared.staging / DOCX_DIR
    folder.mkdir(parents=True, exist_ok=True)
    try:
        docx = render_plan(plan, shared.registry, folder / f"{slug}.docx",
                           search_dirs=shared.templates[:-1], force=True)
        result.documents.append(f"{DOCX_DIR}/{docx.name}")
        if find_soffice() is not None:
            pdf = convert_to_pdf(docx, force=True)
            result.documents.append(f"{DOCX_DIR}/{pdf.name}")
    except RenderError as err:
        result.warnings.append(f"{result.meta.path}: {err.message_vi}")
