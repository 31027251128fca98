"""``kehoach render`` as one library call: check the plans, then write each one's .docx."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kehoach.check.checker import check_paths
from kehoach.diagnostics.diagnostic import Diagnostic
from kehoach.render import convert_to_pdf, render_plan
from kehoach.render.output import prepare_folder
from kehoach.render.targets import targets


def render_source(source: Path, output: Path | None, *, template: str | None = None,
                  pdf: bool = False, force: bool = False,
                  written: Callable[[Path], None] = lambda path: None) -> list[Diagnostic]:
    """Render a plan or a folder of plans; returns the errors that stopped it (nothing is
    written while any plan has errors). ``written`` hears of each file as it lands.

    Raises RenderError (and OSError) for what goes wrong while writing."""
    result = check_paths([source])
    errors = [d for d in result.diagnostics if d.is_error]
    if errors:
        return errors
    plans = {d.path.resolve(): d.plan for d in result.documents if d.plan is not None}
    search = [result.root / "templates"] if result.root else []
    for plan_path, target in targets(source, output, result.root):
        prepare_folder(target.parent)
        docx = render_plan(plans[plan_path.resolve()], result.registry, target,
                           template=template, search_dirs=search, force=force,
                           plan_path=plan_path)
        written(docx)
        if pdf:
            written(convert_to_pdf(docx, force=force))
    return []
