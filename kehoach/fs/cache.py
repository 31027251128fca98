"""kehoach's cache folder: in the user's cache directory, one folder per repository, bounded.

The cache never lives in a repository: a committed ``.kehoach-cache/`` would be someone
else's answers (forged entries once made ``overdue`` print 0 overdue where there were 3), so it
is ignored entirely. Where it lives instead:

- ``KEHOACH_CACHE_DIR`` when set (tests set it to a temporary folder);
- Linux and other POSIX: ``$XDG_CACHE_HOME/kehoach`` (an absolute path), else ``~/.cache/kehoach``;
- macOS: ``~/Library/Caches/kehoach``;
- Windows: ``%LOCALAPPDATA%\\kehoach\\Cache``.

Under it, one folder per repository, named after the repository's resolved path (its last name
for people, a hash of the whole path for uniqueness). ``KEHOACH_NO_CACHE=1`` turns caching off;
so does a cache folder that would lie inside the repository itself. Each repository's folder is
kept to at most ``bound(repository size)``: least recently used entries are deleted first
(an entry's modification time is its last use, refreshed at most once per ``TOUCH_AFTER``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sys
import time
from collections.abc import Mapping
from pathlib import Path

from kehoach.fs.repo import plan_files, registry_files, within

MAX_BYTES = 500 * 1024 * 1024
"""A repository's cache never exceeds this, whatever the repository's size."""

SIZE_FACTOR = 2
"""…nor this many times the size of the repository's YAML files."""

TOUCH_AFTER = 3600.0
"""Seconds: an entry used again is marked as recently used at most this often."""

DIRTY = ".written"
"""A marker made when an entry is written: the next eviction pass runs only after writes."""


def base_dir(env: Mapping[str, str] | None = None, platform: str | None = None) -> Path | None:
    """The user's cache folder for kehoach (None when there is no home to put it in)."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    override = env.get("KEHOACH_CACHE_DIR")
    if override:
        return Path(override)
    try:
        if platform == "win32":
            local = env.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
            return Path(local) / "kehoach" / "Cache"
        if platform == "darwin":
            return Path.home() / "Library" / "Caches" / "kehoach"
        xdg = env.get("XDG_CACHE_HOME", "")
        base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
        return base / "kehoach"
    except (RuntimeError, KeyError):  # no home folder (a bare service account)
        return None


def repo_key(root: Path) -> str:
    """The folder name of a repository's cache: readable, and unique per resolved path."""
    real = os.path.normcase(os.path.realpath(root))
    digest = hashlib.blake2b(os.fsencode(real), digest_size=10).hexdigest()
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", os.path.basename(real.rstrip("\\/")))[:32]
    return f"{name.strip('.-') or 'kho'}-{digest}"


def repo_cache_dir(root: Path | None, env: Mapping[str, str] | None = None,
                   platform: str | None = None) -> Path | None:
    """kehoach's cache folder for the repository ``root``, or None (no caching)."""
    env = os.environ if env is None else env
    if root is None or env.get("KEHOACH_NO_CACHE"):
        return None
    base = base_dir(env, platform)
    if base is None:
        return None
    folder = base / repo_key(root)
    if within(os.path.realpath(folder), os.path.realpath(root)):
        return None  # never inside the repository: its content would be trusted as ours
    return folder


def make_dir(folder: Path) -> None:
    """Create a cache folder, private to the user where the system has modes."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)


def bound(repo_bytes: int) -> int:
    return min(MAX_BYTES, SIZE_FACTOR * repo_bytes)


def cache_dir(root: Path | None) -> Path | None:
    """kehoach's cache folder for the repository ``root`` (None when caching is off)."""
    return repo_cache_dir(root)


def mark_written(folder: Path) -> None:
    with contextlib.suppress(OSError):
        (folder / DIRTY).touch()


def touch(path: Path, mtime: float) -> None:
    """Mark an entry as used now (least recently used entries are evicted first)."""
    now = time.time()
    if now - mtime > TOUCH_AFTER:
        with contextlib.suppress(OSError):
            os.utime(path, (now, now))


def evict_if_written(folder: Path | None, root: Path | None) -> int:
    """After entries were written, delete the least recently used until the folder fits its
    bound; returns the bytes deleted."""
    if folder is None or root is None:
        return 0
    try:
        (folder / DIRTY).unlink()
    except OSError:
        return 0  # nothing written since the last pass
    size = 0
    for path in (*plan_files(root), *registry_files(root)):
        with contextlib.suppress(OSError):
            size += path.stat().st_size
    return evict(folder, bound(size))


def evict(folder: Path, limit: int) -> int:
    """Delete the oldest files under ``folder`` until the rest take at most ``limit`` bytes."""
    entries = []
    for dirpath, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(dirpath, name)
            with contextlib.suppress(OSError):
                st = os.lstat(path)
                entries.append((st.st_mtime, st.st_size, path))
    total = sum(size for _, size, _ in entries)
    freed = 0
    for _, size, path in sorted(entries):
        if total - freed <= limit:
            break
        with contextlib.suppress(OSError):
            os.unlink(path)
            freed += size
    return freed
