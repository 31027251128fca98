"""The fallback lock, for file systems without advisory locks: numbered lock files.

A lock is the creation of ``.NAME.lock.<n>`` for the next number ``n`` (its owner's pid, host
and a random token inside, written before the file appears: it is made aside then hard-linked
into place, so it is never seen empty). Creation either succeeds for exactly one process or
fails. Releasing renames it to ``.NAME.lock.<n>.free``. The lock is free when the highest
number is released, or its owner is dead (same host) or older than ``stale_after`` seconds;
a waiter then creates ``n + 1``.

Why numbers: a stale lock is never removed to be taken again, so no slow process can remove a
*fresh* lock believing it stale (what let two live processes in when one name was reused). A
number is claimed only by who saw the one below it; after claiming, a process that finds a
higher number than its own withdraws. Lower numbers are deleted by the holder; the highest
stays (as ``.free``) between runs, one hidden file per plan, so that a number is never reused.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import socket
import sys
import time
from pathlib import Path

_TMP_MAX_AGE = 60.0
"""Seconds after which a half-made lock file (its owner killed while making it) is deleted."""


class GenerationLock:
    def __init__(self, lock_path: Path, stale_after: float = 120.0):
        self.folder = lock_path.parent
        self.base = lock_path.name
        self.stale_after = stale_after
        self.number: int | None = None
        self._names = re.compile(rf"{re.escape(self.base)}\.(\d+)(\.free)?")

    def _path(self, n: int, free: bool = False) -> Path:
        return self.folder / f"{self.base}.{n}{'.free' if free else ''}"

    def scan(self) -> dict[int, bool]:
        """Every lock number in the folder -> released or not."""
        found: dict[int, bool] = {}
        with os.scandir(self.folder) as entries:
            for entry in entries:
                m = self._names.fullmatch(entry.name)
                if m:
                    n = int(m[1])
                    found[n] = found.get(n, False) or m[2] is not None
                elif entry.name.startswith(f"{self.base}.tmp-"):
                    _drop_if_old(entry)
        return found

    def try_acquire(self) -> bool:
        """One attempt: True when this process now holds the lock."""
        found = self.scan()
        top = max(found, default=-1)
        if top >= 0 and not found[top] and not self._stale(self._path(top)):
            return False
        mine = top + 1
        if not _create(self._path(mine), _payload()):
            return False
        if max(self.scan(), default=mine) > mine:  # someone who saw more claimed after us
            with contextlib.suppress(OSError):
                self._path(mine).unlink()
            return False
        self.number = mine
        for n, free in found.items():  # below ours: no longer needed to keep numbers unique
            with contextlib.suppress(OSError):
                self._path(n, free).unlink()
        return True

    def release(self) -> None:
        if self.number is None:
            return
        n, self.number = self.number, None
        with contextlib.suppress(OSError):
            os.replace(self._path(n), self._path(n, free=True))

    def _stale(self, path: Path) -> bool:
        try:
            age = time.time() - path.stat().st_mtime
        except FileNotFoundError:
            return True  # released (renamed) or withdrawn since the scan
        owner = _owner(path)
        if owner is not None:
            pid, host = owner
            if host == socket.gethostname() and not pid_alive(pid):
                return True
        return age > self.stale_after


def _payload() -> bytes:
    return f"{os.getpid()}\n{socket.gethostname()}\n{secrets.token_hex(8)}\n".encode()


def _create(path: Path, payload: bytes) -> bool:
    """Create ``path`` holding ``payload`` if it does not exist: True when this call made it."""
    tmp = path.with_name(f"{path.name.rsplit('.', 1)[0]}.tmp-{secrets.token_hex(6)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
        except OSError:  # no hard links here (FAT, some network drives): create, then fill
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                return False
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
        return True
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _owner(path: Path) -> tuple[int, str] | None:
    from kehoach.fs.reading import read_bytes

    try:
        lines = read_bytes(path, limit=4096, confine=False).decode("utf-8", "replace").split("\n")
    except OSError:
        return None
    if len(lines) < 3 or not lines[0].isdigit():
        return None
    return int(lines[0]), lines[1]


def _drop_if_old(entry: os.DirEntry[str]) -> None:
    with contextlib.suppress(OSError):
        if time.time() - entry.stat(follow_symlinks=False).st_mtime > _TMP_MAX_AGE:
            os.unlink(entry.path)


def pid_alive(pid: int) -> bool:
    """Whether a process with this pid runs on this machine (never signals it)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        return _pid_alive_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _pid_alive_windows(pid: int) -> bool:  # pragma: no cover - Windows only
    # os.kill(pid, 0) would terminate the process on Windows: ask the kernel instead.
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return False
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)
