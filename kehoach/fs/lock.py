"""An exclusive lock on one plan file, so two ``kehoach done`` runs never lose a record.

The lock is the operating system's own advisory lock (``flock`` on POSIX, ``msvcrt.locking``
on Windows) on a file ``.NAME.lock`` next to the plan. The system releases it the moment its
holder exits — however it exits, ``kill -9`` included — so no lock is ever stale and none is
ever broken: breaking a stale lock is what let two live processes in when the lock was only a
file's existence (a slow breaker moved a fresh lock aside; measured: 4–12 double holds in 20 s
of ``kill -9``). The holder deletes the file before letting go; since a waiter may have opened
that file just before, a process holds the lock only if the file it locked is still the one at
the path (same device and inode), else it tries again. Nothing is written into the file, so a
full disk cannot leave a half-made lock behind.

Where the file system has no such locks (some network file systems answer ``flock`` with
ENOLCK or EOPNOTSUPP), ``kehoach.fs.lockfiles`` takes over: numbered lock files, never reused,
which need no breaking either. The caller re-reads the plan *inside* the lock.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import time
from pathlib import Path
from types import TracebackType

from kehoach.errors import KehoachError
from kehoach.fs.lockfiles import GenerationLock, pid_alive
from kehoach.fs.oserror import reason_vi
from kehoach.fs.reader import kind_of

__all__ = ["FileLock", "LockError", "lock_path_for", "pid_alive"]

_UNSUPPORTED = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL,
                getattr(errno, "ENOTSUP", errno.EOPNOTSUPP)}
_OPEN_FLAGS = (os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
               | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
               | getattr(os, "O_BINARY", 0))


class LockError(KehoachError, TimeoutError):
    """The lock could not be taken; ``message_vi`` says why and what to do."""

    def __init__(self, lock_path: Path, target: Path, reason: str | None = None,
                 hint: str = ""):
        self.lock_path = lock_path
        if reason is not None:  # the lock file itself cannot be made: a read-only folder
            self.message_vi = f"Không sửa được tệp “{target}”: không tạo được tệp khóa " \
                f"“{lock_path}” — {reason}."
        else:
            self.message_vi = (f"Tệp “{target}” đang được một lệnh kehoach khác sửa; hãy thử "
                               f"lại sau.{hint}")
        super().__init__(self.message_vi)


def lock_path_for(target: Path) -> Path:
    return target.with_name(f".{target.name}.lock")


class _Unsupported(Exception):
    """This file system has no advisory locks: use the lock files."""


class FileLock:
    """``with FileLock(path): ...`` — exclusive access to ``path`` among kehoach processes.

    ``method``: ``"os"`` (the system's lock, the default, with the lock files as fallback) or
    ``"files"`` (the lock files only; for tests). ``stale_after`` applies to the lock files.
    """

    def __init__(self, target: Path | str, timeout: float = 30.0, stale_after: float = 120.0,
                 poll: float = 0.02, method: str = "os"):
        self.target = Path(target)
        self.path = lock_path_for(self.target)
        self.timeout = timeout
        self.stale_after = stale_after
        self.poll = poll
        self.method = method
        self._fd: int | None = None
        self._files: GenerationLock | None = None

    def acquire(self) -> None:
        deadline = time.monotonic() + self.timeout
        if self.method == "os":
            try:
                self._acquire_os(deadline)
                return
            except _Unsupported:
                pass
        self._acquire_files(deadline)

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            _release_os(fd, self.path)
        if self._files is not None:
            files, self._files = self._files, None
            files.release()

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()

    # --- the system's lock ---------------------------------------------------------------

    def _acquire_os(self, deadline: float) -> None:
        while True:
            fd = self._open()
            try:
                if _try_lock(fd):
                    if _same_file(fd, self.path):
                        self._fd = fd
                        return
                    _unlock(fd)  # the holder before us deleted this file: take the new one
            except BaseException:
                os.close(fd)
                raise
            os.close(fd)
            if time.monotonic() >= deadline:
                raise LockError(self.path, self.target)
            time.sleep(self.poll)

    def _open(self) -> int:
        try:
            if sys.platform == "win32" and os.path.islink(self.path):  # no O_NOFOLLOW there
                raise OSError(errno.ELOOP, "symlink", str(self.path))
            fd = os.open(self.path, _OPEN_FLAGS, 0o644)
        except OSError as exc:  # read-only folder, no permission, full disk, a planted link
            why: str | None = reason_vi(exc)
            if exc.errno == errno.ELOOP and os.path.islink(self.path):
                why = "tệp khóa là một liên kết (symlink); kehoach không mở tệp qua liên kết"
            raise LockError(self.path, self.target, why) from exc
        why = kind_of(os.fstat(fd).st_mode)
        if why:
            os.close(fd)
            raise LockError(self.path, self.target, why)
        return fd

    # --- the fallback ----------------------------------------------------------------------

    def _acquire_files(self, deadline: float) -> None:
        files = GenerationLock(self.path, self.stale_after)
        while True:
            try:
                if files.try_acquire():
                    self._files = files
                    return
            except OSError as exc:
                raise LockError(self.path, self.target, reason_vi(exc)) from exc
            if time.monotonic() >= deadline:
                hint = (" Nếu không có lệnh nào đang chạy, hãy xóa các tệp khóa "
                        f"“{self.path}.*”.")
                raise LockError(self.path, self.target, hint=hint)
            time.sleep(self.poll)


def _try_lock(fd: int) -> bool:
    """Take the system's lock on ``fd`` without waiting: True when taken."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EDEADLK):
                return False
            raise _Unsupported from exc
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as exc:
        if exc.errno in _UNSUPPORTED:
            raise _Unsupported from exc
        raise
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def _same_file(fd: int, path: Path) -> bool:
    try:
        there = os.lstat(path)
    except OSError:
        return False
    here = os.fstat(fd)
    return stat.S_ISREG(there.st_mode) and (here.st_dev, here.st_ino) == (there.st_dev,
                                                                          there.st_ino)


def _release_os(fd: int, path: Path) -> None:
    """Delete the lock file while still holding it, then let go (see the module's note).

    Windows cannot delete a file another process has open: the file is deleted after
    letting go, when no one else has it open, and otherwise stays for the next holder.
    """
    if sys.platform != "win32":
        with contextlib.suppress(OSError):
            os.unlink(path)
    try:
        _unlock(fd)
    finally:
        os.close(fd)
    if sys.platform == "win32":  # pragma: no cover - Windows only
        with contextlib.suppress(OSError):
            os.unlink(path)
