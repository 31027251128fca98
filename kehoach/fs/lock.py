"""A portable lock on one plan file, so two ``kehoach done`` runs never lose a record.

The lock is a file created with ``O_CREAT | O_EXCL`` next to the plan (``.a.yaml.lock``):
creation either succeeds for exactly one process or fails, on POSIX and Windows alike, on local
and network drives (no ``fcntl``, no ``msvcrt``). It holds the owner's pid, host and a random
token. A lock left by a crashed process is stale when its pid is gone (same host) or when it is
older than ``stale_after`` seconds; it is then broken by renaming it away first, so two waiting
processes cannot both break it. The caller re-reads the plan *inside* the lock.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
import sys
import time
from pathlib import Path
from types import TracebackType

from kehoach.errors import KehoachError

EMPTY_GRACE = 2.0
"""Seconds after which a lock file that is still empty counts as stale."""


class LockError(KehoachError, TimeoutError):
    """The lock could not be taken in time; ``message_vi`` says what to do."""

    def __init__(self, lock_path: Path, target: Path, reason: str | None = None):
        self.lock_path = lock_path
        if reason is not None:  # the lock file itself cannot be made: a read-only folder
            message = f"Không sửa được tệp “{target}”: không tạo được tệp khoá " \
                f"“{lock_path}” — {reason}."
        else:
            message = (
                f"Tệp “{target}” đang được một lệnh kehoach khác sửa; hãy thử lại sau. Nếu "
                f"không có lệnh nào đang chạy, hãy xoá tệp khoá “{lock_path}”."
            )
        super().__init__(message)


def lock_path_for(target: Path) -> Path:
    return target.with_name(f".{target.name}.lock")


class FileLock:
    """``with FileLock(path): ...`` — exclusive access to ``path`` among kehoach processes."""

    def __init__(self, target: Path | str, timeout: float = 30.0, stale_after: float = 120.0,
                 poll: float = 0.02):
        self.target = Path(target)
        self.path = lock_path_for(self.target)
        self.timeout = timeout
        self.stale_after = stale_after
        self.poll = poll
        self._token: str | None = None

    def acquire(self) -> None:
        deadline = time.monotonic() + self.timeout
        token = secrets.token_hex(8)
        payload = f"{os.getpid()}\n{socket.gethostname()}\n{token}\n".encode()
        while True:
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                seen = self._stale()
                if seen is not None:
                    self._break(seen)
                    continue
                if time.monotonic() >= deadline:
                    raise LockError(self.path, self.target) from None
                time.sleep(self.poll)
                continue
            except OSError as exc:  # read-only folder or disk, no permission, disk full
                from kehoach.fs.oserror import reason_vi

                raise LockError(self.path, self.target, reason_vi(exc)) from exc
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
            self._token = token
            return

    def release(self) -> None:
        if self._token is None:
            return
        owner = _read(self.path)
        if owner is not None and owner[2] == self._token:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
        self._token = None

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()

    # --- stale locks -----------------------------------------------------------------

    def _stale(self) -> tuple[str, str, str] | None:
        """The owner recorded in a stale lock (``("", "", "")`` when unreadable), else None."""
        try:
            age = time.time() - self.path.stat().st_mtime
        except FileNotFoundError:
            return None
        owner = _read(self.path)
        if owner is None:  # being written right now, or garbage: judge by age only
            # The owner writes its line right after creating the file: a lock still empty a
            # moment later was left by a process killed in between.
            empty = _size(self.path) == 0
            limit = min(self.stale_after, EMPTY_GRACE) if empty else self.stale_after
            return ("", "", "") if age > limit else None
        pid, host, _ = owner
        dead = host == socket.gethostname() and pid.isdigit() and not pid_alive(int(pid))
        return owner if dead or age > self.stale_after else None

    def _break(self, seen: tuple[str, str, str]) -> None:
        """Move the stale lock aside (atomic: only one breaker wins), then delete it.

        Should another process have broken it and taken a fresh lock in between, the file
        moved is that fresh lock: it is put back (``os.link`` never overwrites).
        """
        aside = self.path.with_name(f"{self.path.name}.stale-{secrets.token_hex(4)}")
        try:
            os.rename(self.path, aside)
        except OSError:
            return
        moved = _read(aside) or ("", "", "")
        if moved != seen:
            with contextlib.suppress(OSError):
                os.link(aside, self.path)
        with contextlib.suppress(OSError):
            aside.unlink()


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def _read(path: Path) -> tuple[str, str, str] | None:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    if len(lines) < 3:
        return None
    return lines[0], lines[1], lines[2]


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
