"""``kehoach site`` as one call: every plan read once, every page and data file written into a
fresh folder, which then replaces the previous site whole — a reader (or the preview server)
never sees half a site.

The output folder is refused when it holds anything kehoach did not write (it would be
replaced): a site carries the marker file ``.kehoach-site``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kehoach.diagnostics.diagnostic import Diagnostic
from kehoach.errors import KehoachError
from kehoach.plan.registry import Registry
from kehoach.site import data, layout
from kehoach.site.collect import PlanResult, Shared, plan_of_file

MARKER = ".kehoach-site"
AGENCY_DIR = "co-quan"
ASSET_DIR = "tai-nguyen"
DUE_SOON_DAYS = 30


class SiteError(KehoachError):
    """The site cannot be written where asked (a folder that is not a kehoach site…)."""


@dataclass
class SiteResult:
    out: Path
    as_of: dt.date
    plans: int = 0
    agencies: int = 0
    size: int = 0  # bytes written
    failed: list[Diagnostic] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def build_site(paths: Sequence[Path], as_of: dt.date, out: Path | None = None, *,
               cwd: Path | None = None, with_docx: bool = False,
               progress: Callable[[int, int], None] | None = None) -> SiteResult:
    """Build the site of the plans named (default: the repository's ``plans/``) as of a day
    into ``out`` (default: ``site/`` at the repository's root). Raises SiteError (and
    RenderError for a template's fault)."""
    from kehoach.check.checker import load_registry
    from kehoach.fs.atomic import make_folder
    from kehoach.fs.parallel import run_files
    from kehoach.fs.repo import find_root

    cwd = cwd or Path.cwd()
    root = find_root(paths[0] if paths else cwd)
    target = out if out is not None else (root or cwd) / "site"
    check_output(target)
    registry, reg_docs = load_registry(root, cwd)
    result = SiteResult(target, as_of)
    result.failed.extend(d for doc in reg_docs if doc.registry is None for d in doc.diagnostics)
    files = _plan_files(list(paths) or ([root / "plans"] if root else [cwd]), cwd)
    make_folder(target.parent)  # refuses a symlinked folder leading out of the repository
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    staging.chmod(0o755)  # mkdtemp's 0700 would hide the site from the web server's user
    try:
        folders = tuple(layout.folders(root))
        numbers = {b: i for i, b in enumerate(sorted(registry.bodies))}
        shared = Shared(registry, as_of, staging, _slugs(files), folders, _page_keys(as_of),
                        numbers, DUE_SOON_DAYS, with_docx)
        plans: list[PlanResult] = []
        for doc, plan in run_files(plan_of_file, files, shared, progress=progress):
            if plan is None:
                result.failed.extend(doc.diagnostics)
            else:
                plans.append(plan)
        _shared_pages(shared, sorted(plans, key=lambda p: p.index), len(files), result)
        _replace(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    result.failed.sort()
    return result


def check_output(target: Path) -> None:
    """Refuse a folder that would lose files kehoach did not write."""
    if target.is_file() or target.is_symlink():
        raise SiteError(f"“{target}” là một tệp, không phải thư mục; hãy chọn thư mục cho "
                        "trang web.")
    if target.is_dir() and not (target / MARKER).is_file() and any(target.iterdir()):
        raise SiteError(f"Thư mục “{target}” đã có nội dung không do kehoach tạo; chọn thư "
                        "mục khác (hoặc thư mục trống) cho trang web.")


def _plan_files(targets: list[Path], cwd: Path) -> list[tuple[Path, str]]:
    from kehoach.fs.repo import display_path, yaml_files
    from kehoach.load.document import is_registry_path

    return [(p, display_path(p, cwd)) for p in yaml_files(targets) if not is_registry_path(p)]


def _slugs(files: list[tuple[Path, str]]) -> dict[str, tuple[int, str]]:
    """Each plan's index and the name of its page: its path under ``plans/``, folded to
    letters, digits and dashes (a counter keeps two names from meeting)."""
    import re

    from kehoach.textnorm import fold

    out: dict[str, tuple[int, str]] = {}
    taken: set[str] = set()
    for index, (path, display) in enumerate(files):
        stem = display.removeprefix("plans/").rsplit(".", 1)[0]
        base = re.sub(r"[^a-z0-9]+", "-", fold(stem)).strip("-")[:80] or "ke-hoach"
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        out[str(path)] = (index, slug)
    return out


def _page_keys(as_of: dt.date) -> dict[str, Any]:
    from kehoach import __version__

    return {"ngay_xem": as_of, "phien_ban": __version__, "tai_nguyen": ASSET_DIR,
            "du_lieu": data.DATA_DIR}


def _shared_pages(shared: Shared, plans: list[PlanResult], files: int,
                  result: SiteResult) -> None:
    """The catalogue, the home page, the agency pages, the search page and the assets."""
    from kehoach.tracking.summary import summary_merge

    registry, staging = shared.registry, shared.staging
    agencies = data.agency_files(registry, [p.listing for p in plans])
    size = _catalogue(shared, plans, files, agencies)
    overdue = sorted(item for p in plans for item in p.listing.overdue)
    soon = sorted(item for p in plans for item in p.listing.due_soon)
    lists = ('{"qua_han":' + data.array(s for _, s in overdue) + ',"sap_den_han":'
             + data.array(s for _, s in soon) + "}")
    size += data.write(staging, f"{data.DATA_DIR}/tong-hop.js", data.wrap("tong-hop", lists))
    env = layout.environment(shared.templates, registry)
    common = {**shared.page, "goc": "", "ke_hoach_list": [p.meta for p in plans],
              "co_quan_list": [(a, registry.name(a)) for a in agencies],
              "trang_co_quan": set(agencies)}
    grid = summary_merge([p.counts for p in plans] or [Counter()], shared.as_of)
    size += _home(env, staging, common, grid, len(overdue), len(soon))
    size += data.write(staging, "tim-kiem.html",
                       layout.render(env, "tim-kiem.html.j2", common).encode())
    for agency, page in agencies.items():
        size += _agency(env, staging, registry, {**common, "goc": "../"}, agency, page)
    for name in layout.ASSETS:
        size += data.write(staging, f"{ASSET_DIR}/{name}", layout.asset(name, shared.templates))
    data.write(staging, MARKER, b"kehoach site\n")
    result.plans, result.agencies = len(plans), len(agencies)
    result.size = size + sum(p.size for p in plans)
    result.warnings.extend(w for p in plans for w in p.warnings)


def _catalogue(shared: Shared, plans: list[PlanResult], files: int,
               agencies: dict[str, data.AgencyFile]) -> int:
    """``danh-muc.js``: the plans by their index (null for one that did not load) and the
    bodies, those of the registry by their index first, then any a plan names that it lacks."""
    from kehoach.tracking.obligations import STATUS_VI, STATUSES

    registry = shared.registry
    strays = sorted({h for p in plans for h in p.listing.holders} - shared.numbers.keys())
    names = [*sorted(shared.numbers, key=shared.numbers.__getitem__), *strays]
    listed: list[object] = [None] * files
    for plan in plans:
        listed[plan.index] = plan.meta.as_list()
    catalogue = {"ngay": shared.as_of.isoformat(), "tt": [STATUS_VI[s] for s in STATUSES],
                 "cq": [[a, registry.name(a), int(a in agencies)] for a in names],
                 "kh": listed, "tv": data.group_members(registry, names)}
    return data.write(shared.staging, f"{data.DATA_DIR}/danh-muc.js",
                      data.script("danh-muc", catalogue))


def _home(env: Any, staging: Path, common: dict[str, Any], grid: list[Any], overdue: int,
          soon: int) -> int:
    from kehoach.office.charts import grid_chart
    from kehoach.site.chart import chart_view

    context = {**common, "bang": grid, "bieu_do": chart_view(grid_chart(grid)),
               "so_qua_han": overdue, "so_sap_den_han": soon, "trong_ngay": DUE_SOON_DAYS}
    return data.write(staging, "index.html", layout.render(env, "trang-chu.html.j2",
                                                          context).encode())


def _agency(env: Any, staging: Path, registry: Registry, common: dict[str, Any], agency: str,
            page: data.AgencyFile) -> int:
    body = registry.get(agency)
    roles = {True: "chu_tri", False: "phoi_hop"}
    context = {**common, "co_quan": {"id": agency, "ten": registry.name(agency),
                                     "ten_khac": list(body.ten_khac) if body else []},
               "dem": {f"{roles[lead]}.{status}": n for (lead, status), n in page.counts.items()},
               "so_muc": sum(page.counts.values())}
    html = layout.render(env, "co-quan.html.j2", context)
    size = data.write(staging, f"{AGENCY_DIR}/{agency}.html", html.encode())
    rows = '{"nv":' + data.array([*page.lead, *page.coordinate])
    if page.related:
        rows += ',"kem":' + json.dumps(page.related, ensure_ascii=False)
    rows += "}"
    return size + data.write(staging, f"{data.DATA_DIR}/{AGENCY_DIR}/{agency}.js",
                             data.wrap(f"{AGENCY_DIR}/{agency}", rows))


def _replace(staging: Path, target: Path) -> None:
    """Put the new site where the old one was: two renames, the old site removed after."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}-cu-{os.getpid()}")
        os.replace(target, old)
    try:
        os.replace(staging, target)
    except OSError:
        if old is not None:
            os.replace(old, target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
