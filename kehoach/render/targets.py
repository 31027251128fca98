"""Which .docx each plan renders to: one file, or a folder mirrored into an output folder."""

from __future__ import annotations

import os
from pathlib import Path

from kehoach.errors import RenderError
from kehoach.fs.repo import within, yaml_files
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
        if not plans:
            raise RenderError(f"Thư mục “{source}” không có tệp kế hoạch (.yaml) nào để xuất.")
        pairs = [(p, out_dir / p.relative_to(source).with_suffix(".docx")) for p in plans]
        for _, target in pairs:
            _inside(target, out_dir)
        return pairs
    if output is None:
        return [(source, default_dir / f"{source.stem}.docx")]
    if output.is_dir() or str(output).endswith(("/", "\\")):
        return [(source, output / f"{source.stem}.docx")]
    return [(source, output)]


def _inside(target: Path, out_dir: Path) -> None:
    """In an output folder, kehoach writes only inside it: not through a sub-folder that is a
    symlink to somewhere else."""
    if not within(os.path.realpath(target.parent), os.path.realpath(out_dir)):
        raise RenderError(f"Không ghi được tệp “{target}”: thư mục chứa tệp là liên kết "
                          f"(symlink) trỏ ra ngoài thư mục xuất “{out_dir}”.")
