"""Finding a plans repository and the files in it."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

MARKER = "kehoach.toml"
REGISTRY_NAMES = ("co-quan.yaml", "co_quan.yaml", "co-quan.yml", "co_quan.yml")
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
    seen: set[str] = set()
    unique = []
    for p in out:
        key = same_file_key(p)
        if key not in seen:
            seen.add(key)
            unique.append(p)
    return unique


def _walk(folder: Path, registry: bool | None = None) -> list[Path]:
    """YAML files under ``folder`` (hidden ones skipped), sorted; only registry files, or
    only plans, when ``registry`` says so (names are filtered before any Path is made)."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        base = Path(dirpath)
        for name in sorted(filenames):
            lower = name.lower()
            if not lower.endswith(YAML_SUFFIXES) or name.startswith("."):
                continue
            if registry is None or (lower in REGISTRY_NAMES) == registry:
                found.append(base / name)
    return found


def registry_files(root: Path) -> list[Path]:
    plans = root / PLANS_DIR
    return _walk(plans, registry=True) if plans.is_dir() else []


def plan_files(root: Path) -> list[Path]:
    plans = root / PLANS_DIR
    return _walk(plans, registry=False) if plans.is_dir() else []


def same_file_key(path: Path) -> str:
    """A cheap key telling files apart (absolute, case-folded on Windows; no disk access)."""
    return os.path.normcase(os.path.abspath(path))


def display_path(path: Path, cwd: Path | None = None) -> str:
    """A path as diagnostics show it: relative to the current folder when inside it."""
    cwd = cwd or Path.cwd()
    try:
        return os.path.relpath(os.path.abspath(path), os.path.abspath(cwd)) if _inside(
            path, cwd) else str(path)
    except ValueError:  # another drive on Windows
        return str(path)


def _inside(path: Path, folder: Path) -> bool:
    a, b = same_file_key(path), same_file_key(folder)
    return a == b or a.startswith(b.rstrip(os.sep) + os.sep)


def make_cache_dir(folder: Path) -> None:
    """Create the cache folder with a ``.gitignore`` of ``*`` inside, as pytest and ruff do:
    ``git add -A`` in a plans repository must not commit kehoach's cache."""
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# kehoach's cache: made again when missing.\n*\n", encoding="utf-8")


def cache_dir(root: Path | None) -> Path | None:
    """kehoach's cache folder: ``.kehoach-cache/`` at the repository root.

    ``KEHOACH_CACHE_DIR`` moves it; ``KEHOACH_NO_CACHE=1`` turns caching off (None).
    """
    if os.environ.get("KEHOACH_NO_CACHE"):
        return None
    override = os.environ.get("KEHOACH_CACHE_DIR")
    if override:
        return Path(override)
    return root / ".kehoach-cache" if root else None
