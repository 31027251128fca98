"""``kehoach render`` as one library call: check the plans, then write each one's .docx.

Several plans are rendered on all cores: each worker loads its plan again (milliseconds) and
builds and writes its .docx (a tenth of a second or more), and sends back only the path it
wrote or why it could not, never a plan. The check before it may itself have run in workers,
which return documents without their plans (kehoach.fs.parallel).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kehoach.check.checker import check_paths
from kehoach.diagnostics.diagnostic import Diagnostic
from kehoach.errors import RenderError
from kehoach.fs.parallel import run_files
from kehoach.load.document import Document, load_document
from kehoach.render import convert_to_pdf, render_plan
from kehoach.render.output import check_target, prepare_folder
from kehoach.render.targets import targets

if TYPE_CHECKING:
    from kehoach.plan.model import Plan
    from kehoach.plan.registry import Registry

Outcome = tuple[str, str] | tuple[str, int, str, str]
"""("ok", path written) | ("render", message) | ("os", errno, reason, file name)."""


@dataclass(frozen=True)
class _Job:
    """What every plan's rendering shares (sent once to each worker)."""

    registry: Registry
    targets: dict[str, Path]  # plan file (as given) -> .docx
    template: str | None
    search: list[Path]
    force: bool


def render_source(sources: Path | Sequence[Path], output: str | Path | None, *,
                  template: str | None = None, pdf: bool = False, force: bool = False,
                  written: Callable[[Path], None] = lambda path: None,
                  jobs: int | None = None) -> list[Diagnostic]:
    """Render plans and folders of plans; returns the errors that stopped it (nothing is
    written while any plan has errors, nor while any target may not be written).
    ``written`` hears of each file as it lands.

    Raises RenderError (and OSError) for what goes wrong while writing."""
    sources = [sources] if isinstance(sources, Path) else list(sources)
    result = check_paths(sources, jobs=jobs)
    errors = [d for d in result.diagnostics if d.is_error]
    if errors:
        return errors
    pairs = targets(sources, output, result.root)
    for plan_path, target in pairs:
        prepare_folder(target.parent)
        check_target(target, force=force, protected=[plan_path])
    job = _Job(result.registry, {str(p): t for p, t in pairs}, template,
               [result.root / "templates"] if result.root else [], force)
    for outcome in _render_all(job, pairs, result.documents, jobs):
        docx = _written(outcome)
        written(docx)
        if pdf:  # one LibreOffice at a time: two instances share its profile and fail
            written(convert_to_pdf(docx, force=force))
    return []


def _render_all(job: _Job, pairs: list[tuple[Path, Path]], checked: list[Document],
                jobs: int | None) -> Iterator[Outcome]:
    plans = {d.path.resolve(): d.plan for d in checked if d.plan is not None}
    if len(pairs) == 1 and pairs[0][0].resolve() in plans:  # loaded by the check already
        plan_path = pairs[0][0]
        yield _render(plans[plan_path.resolve()], plan_path, job)
        return
    items = [(p, str(p)) for p, _ in pairs]
    # python-docx's documents are cyclic: the collector stays on in the workers
    for _, outcome in run_files(_render_file, items, job, jobs, min_bytes=0, collector_off=False):
        yield outcome


def _render_file(path: Path, display: str, job: _Job) -> tuple[Document, Outcome]:
    doc = load_document(path, display)
    if doc.plan is None:  # changed since the check
        return doc, ("render", f"Kế hoạch “{display}” vừa thay đổi và còn lỗi; hãy chạy lại.")
    return doc, _render(doc.plan, path, job)


def _render(plan: Plan, path: Path, job: _Job) -> Outcome:
    """Render one plan; what went wrong comes back as data (exceptions do not all survive
    the trip from a worker)."""
    try:
        docx = render_plan(plan, job.registry, job.targets[str(path)], template=job.template,
                           search_dirs=job.search, force=job.force, plan_path=path)
    except RenderError as err:
        return "render", err.message_vi
    except OSError as err:
        return "os", err.errno or 0, err.strerror or str(err), str(err.filename or path)
    return "ok", str(docx)


def _written(outcome: Outcome) -> Path:
    if outcome[0] == "render":
        raise RenderError(str(outcome[1]))
    if outcome[0] == "os":
        _, errno, reason, filename = outcome  # type: ignore[misc]
        raise OSError(errno, reason, filename)
    return Path(str(outcome[1]))
