"""Which .docx each plan renders to: one file, or a folder mirrored into an output folder."""

from __future__ import annotations

from pathlib import Path

from kehoach.errors import RenderError
from kehoach.fs.repo import yaml_files
from kehoach.load.document import is_registry_path


def targets(source: Path, output: Path | None, root: Path | None) -> list[tuple[Path, Path]]:
    """(plan file, .docx) pairs. Default output: ``out/`` under the repository root."""
    default_dir = (root or Path.cwd()) / "out"
    if source.is_dir():
        out_dir = output or default_dir
        if out_dir.suffix.lower() == ".docx":
            raise RenderError(f"Khi xuất cả thư mục, “-o” phải là một thư mục, không phải "
                              f"tệp {out_dir.name}.")
        plans = [p for p in yaml_files([source]) if not is_registry_path(p)]
        return [(p, out_dir / p.relative_to(source).with_suffix(".docx")) for p in plans]
    if output is None:
        return [(source, default_dir / f"{source.stem}.docx")]
    if output.is_dir() or str(output).endswith(("/", "\\")):
        return [(source, output / f"{source.stem}.docx")]
    return [(source, output)]
