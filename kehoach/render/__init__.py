"""Render a plan to the official .docx (and PDF through LibreOffice).

    from kehoach.render import render_plan, convert_to_pdf, RenderError
    render_plan(plan, registry, Path("out/ke-hoach.docx"), search_dirs=[repo / "templates"])

The pipeline: plan + registry -> template context (``context``) -> Jinja, sandboxed
(``templating``) -> block stream (``blocks``) -> Word document (``compose``, with the layout
rules of ``typeset``) -> atomic write (``atomic``). Importing this package is cheap: python-docx
and Jinja are imported only when something is rendered.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from kehoach.errors import RenderError

if TYPE_CHECKING:
    from kehoach.plan.model import Plan
    from kehoach.plan.registry import Registry

__all__ = ["RenderError", "convert_to_pdf", "render_blocks", "render_plan"]


def render_blocks(
    plan: Plan, registry: Registry, *, template: str | Path | None = None,
    search_dirs: Iterable[Path] = (),
) -> list:
    """The block stream a plan renders to (parsed), before any Word document is made."""
    from kehoach.render import context, templating
    from kehoach.render.blocks import parse_stream

    folders, name = templating.resolve(template, plan.mau, plan.loai.value, search_dirs)
    env = templating.make_environment(folders, registry)
    files = templating.sources(env, name)
    templating.check_variables(env, files, context.CONTEXT_KEYS)
    stream = templating.render_stream(env, name, context.build(plan, registry))
    return parse_stream(stream, templating.locator(files))


def render_plan(
    plan: Plan, registry: Registry, out_path: str | Path, *,
    template: str | Path | None = None, search_dirs: Iterable[Path] = (),
    force: bool = False, plan_path: str | Path | None = None,
) -> Path:
    """Write the plan as a .docx at ``out_path``; returns that path.

    ``template``: a template name or a path to a ``.j2`` file (default: the plan's ``mau``,
    else its document type). ``search_dirs``: folders whose templates override the packaged
    ones by name (a plans repository's ``templates/``). An existing ``out_path`` is replaced
    only with ``force``; ``out_path`` may never be ``plan_path``.
    """
    from kehoach.render import output as atomic

    out = Path(out_path)
    protected = [Path(plan_path)] if plan_path is not None else []
    atomic.check_target(out, force=force, protected=protected)
    blocks = render_blocks(plan, registry, template=template, search_dirs=search_dirs)
    buffer = io.BytesIO()
    _build_document(plan, blocks).save(buffer)
    return atomic.write_atomic(out, buffer.getvalue(), force=force, protected=protected)


def _build_document(plan: Plan, blocks: list):
    from kehoach.render import docx_build
    from kehoach.render.compose import Composer
    from kehoach.render.footnotes import Footnotes

    document = docx_build.new_document()
    document.core_properties.title = plan.trich_yeu
    document.core_properties.author = "kehoach"
    Composer(document, Footnotes(document, plan.chu_thich)).compose(blocks)
    return document


def convert_to_pdf(
    docx_path: str | Path, out_dir: str | Path | None = None, *, force: bool = False
) -> Path:
    """Convert a rendered .docx to PDF with LibreOffice, beside it (or in ``out_dir``).

    An existing PDF is replaced only with ``force``; ``RenderError`` when LibreOffice is
    absent, fails, or takes longer than ``pdf.TIMEOUT_SECONDS``.
    """
    from kehoach.render.pdf import convert_to_pdf as convert

    folder = Path(out_dir) if out_dir is not None else None
    return convert(Path(docx_path), folder, force=force)
