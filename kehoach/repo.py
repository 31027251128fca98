"""Finding a plans repository and the files in it."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from kehoach.document import is_registry_path

MARKER = "kehoach.toml"
PLANS_DIR = "plans"
YAML_SUFFIXES = (".yaml", ".yml")


def find_root(start: Path) -> Path | None:
    """The repository holding ``start``: the nearest folder upwards with a ``kehoach.toml``
    or a ``plans/`` folder (a path inside ``plans/`` belongs to the folder above it)."""
    here = start.resolve()
    if here.is_file() or not here.exists():
        here = here.parent
    for folder in (here, *here.parents):
        if (folder / MARKER).is_file():
            return folder
        if (folder / PLANS_DIR).is_dir():
            return folder
    return None


def yaml_files(paths: Iterable[Path]) -> list[Path]:
    """The YAML files named, and those under the folders named (recursively, sorted)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(_walk(path))
        else:
            out.append(path)
    seen: set[Path] = set()
    unique = []
    for p in out:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def _walk(folder: Path) -> list[Path]:
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found.extend(Path(dirpath) / f for f in sorted(filenames)
                     if f.lower().endswith(YAML_SUFFIXES) and not f.startswith("."))
    return found


def registry_files(root: Path) -> list[Path]:
    plans = root / PLANS_DIR
    if not plans.is_dir():
        return []
    return [p for p in _walk(plans) if is_registry_path(p)]


def plan_files(root: Path) -> list[Path]:
    plans = root / PLANS_DIR
    if not plans.is_dir():
        return []
    return [p for p in _walk(plans) if not is_registry_path(p)]


def display_path(path: Path, cwd: Path | None = None) -> str:
    """A path as diagnostics show it: relative to the current folder when inside it."""
    cwd = cwd or Path.cwd()
    try:
        return str(path.resolve().relative_to(cwd.resolve()))
    except ValueError:
        return str(path)
