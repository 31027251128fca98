"""Finding a plans repository and the files in it."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

MARKER = "kehoach.toml"
REGISTRY_NAMES = ("co-quan.yaml", "co_quan.yaml", "co-quan.yml", "co_quan.yml")
PLANS_DIR = "plans"
REPORTS_DIR = "reports"  # the narratives of progress reports (kehoach.plan.narrative)
YAML_SUFFIXES = (".yaml", ".yml")


def find_root(start: Path | str) -> Path | None:
    """The repository holding ``start``: the nearest folder upwards with a ``kehoach.toml``
    or a ``plans/`` folder (a path inside ``plans/`` belongs to the folder above it).

    The search is lexical — symlinks in ``start`` are not resolved — because the repository a
    path belongs to is the one it is written in: a committed ``plans/a.yaml -> /etc/x`` belongs
    to this repository, which is what lets ``kehoach.fs.reader`` refuse to follow it out.
    A path the system cannot even look at (too long, a loop) belongs to no repository.
    """
    here = os.path.abspath(start)
    if not is_dir(here):
        here = os.path.dirname(here)
    while True:
        if is_file(os.path.join(here, MARKER)) or is_dir(os.path.join(here, PLANS_DIR)):
            return Path(here)
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def is_dir(path: str | Path) -> bool:
    """Whether ``path`` is a folder — False, never an error, for a path the system cannot
    look at (too long, a symlink loop, a NUL), unlike ``Path.is_dir``."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def is_file(path: str | Path) -> bool:
    """Whether ``path`` is a regular file (False for any path the system cannot look at)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def path_problem(path: str | Path) -> str | None:
    """None when ``path`` exists, else why it cannot be used, in Vietnamese."""
    from kehoach.fs.oserror import reason_vi

    try:
        os.stat(path)
    except FileNotFoundError:
        return "không tìm thấy"
    except OSError as exc:
        return reason_vi(exc, reading=True)
    except ValueError:
        return "đường dẫn có ký tự không hợp lệ"
    return None


def default_paths(root: Path | None, cwd: Path) -> list[Path]:
    """What ``check`` and ``fmt`` read when named nothing: ``plans/`` and, when the
    repository has one, ``reports/``."""
    if root is None:
        return [cwd]
    reports = root / REPORTS_DIR
    return [root / PLANS_DIR] + ([reports] if is_dir(reports) else [])


def yaml_files(paths: Iterable[Path]) -> list[Path]:
    """The YAML files named, and those under the folders named (recursively, sorted)."""
    out: list[Path] = []
    for path in paths:
        if is_dir(path):
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
    return _walk(plans, registry=True) if is_dir(plans) else []


def plan_files(root: Path) -> list[Path]:
    plans = root / PLANS_DIR
    return _walk(plans, registry=False) if is_dir(plans) else []


def same_file_key(path: Path) -> str:
    """A cheap key telling files apart (absolute, case-folded on Windows; no disk access)."""
    return os.path.normcase(os.path.abspath(path))


def display_path(path: Path, cwd: Path | None = None) -> str:
    """A path as diagnostics show it: relative to the current folder when inside it."""
    full, base = os.path.abspath(path), os.path.abspath(cwd or Path.cwd())
    a, b = os.path.normcase(full), os.path.normcase(base).rstrip(os.sep)
    if a.rstrip(os.sep) == b:
        return "."
    # Inside: what ``os.path.relpath`` gives (both are normalised), without its cost (every
    # plan of a query is shown relative to the current folder).
    return full[len(b) + 1:] if a.startswith(b + os.sep) else str(path)


def within(path: str, folder: str) -> bool:
    """``path`` is ``folder`` or inside it (compared as written; case-folded on Windows)."""
    a, b = os.path.normcase(path), os.path.normcase(folder)
    return a == b or a.startswith(b.rstrip("\\/") + os.sep)
