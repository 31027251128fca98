"""Which .docx each plan renders to: one file, or plans and folders into an output folder.

With one plan, ``-o x.docx`` (any path that is not a folder) is the file; ``-o x/`` (ending
in a separator) or an existing folder is the folder it goes into. With several plans or a
folder, ``-o`` is always a folder (made if missing): a folder's plans keep their sub-folders
in it, a plan named on its own goes in at the top.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from kehoach.errors import RenderError
from kehoach.fs.repo import within, yaml_files
from kehoach.load.document import is_registry_path


def targets(sources: Path | Sequence[Path], output: str | Path | None,
            root: Path | None) -> list[tuple[Path, Path]]:
    """(plan file, .docx) pairs. Default output: ``out/`` under the repository root.

    ``output`` as the user wrote it: a ``str`` keeps a trailing separator, which ``Path``
    drops."""
    sources = [sources] if isinstance(sources, Path) else list(sources)
    default_dir = (root or Path.cwd()) / "out"
    if len(sources) == 1 and not sources[0].is_dir():
        return [_one(sources[0], output, default_dir)]
    out_dir = Path(output) if output else default_dir
    if out_dir.suffix.lower() == ".docx" and not out_dir.is_dir():
        what = "cả thư mục" if len(sources) == 1 else "nhiều kế hoạch"
        raise RenderError(f"Khi xuất {what}, “-o” phải là một thư mục, không phải "
                          f"tệp {out_dir.name}.")
    pairs: dict[Path, tuple[Path, Path]] = {}
    for source in sources:
        for plan, target in _into(source, out_dir):
            pairs.setdefault(Path(os.path.realpath(plan)), (plan, target))
    _distinct(list(pairs.values()))
    return list(pairs.values())


def _one(source: Path, output: str | Path | None, default_dir: Path) -> tuple[Path, Path]:
    if not output:
        return source, default_dir / f"{source.stem}.docx"
    if Path(output).is_dir() or str(output).endswith(("/", "\\")):
        return source, Path(output) / f"{source.stem}.docx"
    return source, Path(output)


def _into(source: Path, out_dir: Path) -> list[tuple[Path, Path]]:
    if not source.is_dir():
        return [(source, out_dir / f"{source.stem}.docx")]
    plans = [p for p in yaml_files([source]) if not is_registry_path(p)]
    if not plans:
        raise RenderError(f"Thư mục “{source}” không có tệp kế hoạch (.yaml) nào để xuất.")
    pairs = [(p, out_dir / p.relative_to(source).with_suffix(".docx")) for p in plans]
    for _, target in pairs:
        _inside(target, out_dir)
    return pairs


def _distinct(pairs: list[tuple[Path, Path]]) -> None:
    """Two plans never write the same .docx (``a/x.yaml`` and ``b/x.yaml`` named on their own)."""
    seen: dict[str, Path] = {}
    for plan, target in pairs:
        key = os.path.normcase(os.path.abspath(target))
        if key in seen:
            raise RenderError(f"Hai kế hoạch “{seen[key]}” và “{plan}” cùng xuất ra tệp "
                              f"“{target}”; hãy xuất từng kế hoạch với “-o” riêng.")
        seen[key] = plan


def _inside(target: Path, out_dir: Path) -> None:
    """In an output folder, kehoach writes only inside it: not through a sub-folder that is a
    symlink to somewhere else."""
    if not within(os.path.realpath(target.parent), os.path.realpath(out_dir)):
        raise RenderError(f"Không ghi được tệp “{target}”: thư mục chứa tệp là liên kết "
                          f"(symlink) trỏ ra ngoài thư mục xuất “{out_dir}”.")
