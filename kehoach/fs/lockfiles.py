"""The fallback lock, for file systems without advisory locks: numbered lock files.

A lock is the creation of ``.NAME.lock.<n>`` for the next number ``n`` (its owner's pid, host
and a random token inside, written before the file appears: it is made aside then hard-linked
into place, so it is never seen empty). Creation either succeeds for exactly one process or
fails. Releasing creates ``.NAME.lock.<n>.free`` beside it. The lock is free when the highest
number is released, or its owner is dead (same host) or older than ``stale_after`` seconds; a
waiter then creates ``n + 1``.

Why numbers: a stale lock is never removed to be taken again, so no slow process can remove a
*fresh* lock believing it stale (what let two live processes in when one name was reused).
Number ``n + 1`` is created only by a process that saw ``n`` released or dead; so a process
that has created ``n`` holds the lock unless ``n + 1`` already exists (it then withdraws).
Both checks are direct look-ups of one name, never a directory listing (a listing may miss a
name renamed or created while it runs); the listing only says where to start looking.

A number could be created twice only if it were deleted: the holder deletes the files of lower
numbers only when they are older than ``FORGET_AFTER`` (ten minutes) — a process stopped for
that long between looking and creating is the one case left. The newest files stay between
runs (hidden, beginning with a dot: ``check`` never reads them).
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

from kehoach.fs.reader import read_bytes

FORGET_AFTER = 600.0
"""Seconds after which the files of lower numbers (and half-made ones) are deleted."""


class GenerationLock:
    def __init__(self, lock_path: Path, stale_after: float = 120.0):
        self.folder = lock_path.parent
        self.base = lock_path.name
        self.stale_after = stale_after
        self.number: int | None = None
        self._seen: int | None = None
        self._names = re.compile(rf"{re.escape(self.base)}\.(\d+)(?:\.free)?")

    def _path(self, n: int, free: bool = False) -> Path:
        return self.folder / f"{self.base}.{n}{'.free' if free else ''}"

    def top(self) -> int:
        """The highest number created (-1: none): a listing the first time (later attempts
        start from the number found before), then look-ups past it."""
        found = self._seen
        if found is None:
            found = -1
            with os.scandir(self.folder) as entries:
                for entry in entries:
                    m = self._names.fullmatch(entry.name)
                    if m:
                        found = max(found, int(m[1]))
        while _exists(self._path(found + 1)):
            found += 1
        self._seen = found
        return found

    def try_acquire(self) -> bool:
        """One attempt: True when this process now holds the lock."""
        top = self.top()
        if top >= 0 and not _exists(self._path(top, free=True)) and not self._stale(top):
            return False
        mine = top + 1
        if not _create(self._path(mine), _payload()):
            return False
        if _exists(self._path(mine + 1)):  # claimed from an old look: someone is past us
            _mark_free(self._path(mine, free=True))
            return False
        self.number = mine
        self._forget(mine)
        return True

    def release(self) -> None:
        if self.number is None:
            return
        n, self.number = self.number, None
        _mark_free(self._path(n, free=True))

    def _stale(self, n: int) -> bool:
        path = self._path(n)
        try:
            age = time.time() - path.stat().st_mtime
        except FileNotFoundError:
            return False  # only forgotten numbers are deleted: look again
        owner = _owner(path)
        if owner is not None:
            pid, host = owner
            if host == socket.gethostname() and not pid_alive(pid):
                return True
        return age > self.stale_after

    def _forget(self, mine: int) -> None:
        """Delete the old files of lower numbers, and half-made ones."""
        now = time.time()
        with os.scandir(self.folder) as entries:
            for entry in entries:
                m = self._names.fullmatch(entry.name)
                old = (m is not None and int(m[1]) < mine - 1) or entry.name.startswith(
                    f"{self.base}.tmp-")
                with contextlib.suppress(OSError):
                    if old and now - entry.stat(follow_symlinks=False).st_mtime > FORGET_AFTER:
                        os.unlink(entry.path)


def _exists(path: Path) -> bool:
    try:
        os.lstat(path)
    except FileNotFoundError:
        return False
    return True


def _mark_free(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o644))


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
    try:
        lines = read_bytes(path, limit=4096, confine=False).decode("utf-8", "replace").split("\n")
    except OSError:
        return None
    if len(lines) < 3 or not lines[0].isdigit():
        return None
    return int(lines[0]), lines[1]


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
