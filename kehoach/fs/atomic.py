"""Writing a file atomically: readers see the old bytes or the new ones, never half a file.

The data goes to a temporary file in the target's own folder (same file system), is flushed to
disk, then moved over the target with ``os.replace`` — atomic on POSIX and on Windows. On any
failure the temporary file is removed and the original is left as it was. The target keeps its
permission bits. Shared by ``fmt``, ``done``/``undone``/``extend`` and any command that rewrites
a plan (``kehoach.render.output`` has the render-specific checks on top of the same idea).
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
import time
from pathlib import Path

from kehoach.errors import KehoachError
from kehoach.fs.oserror import reason_vi

_REPLACE_TRIES = 5
"""Windows: an antivirus or indexer may hold the target open for a moment; retry briefly."""


class AtomicWriteError(KehoachError, OSError):
    """The file could not be written; ``message_vi`` says why, in Vietnamese.

    ``stage``: where it failed — ``"create"`` (the temporary file: the folder is not
    writable), ``"write"`` (writing or flushing it: disk full, size limit) or ``"replace"``
    (moving it over the target: the target is locked or read-only).
    """

    def __init__(self, path: Path, reason: str, stage: str = "write"):
        self.path = path
        self.stage = stage
        super().__init__(f"Không ghi được tệp “{path}”: {reason}.")


def write_atomic(path: Path | str, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (the file is created when missing)."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise AtomicWriteError(target, reason_vi(exc), "create") from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _copy_mode(target, tmp)
        _replace(tmp, target)
    except OSError as exc:
        _discard(tmp)
        if isinstance(exc, AtomicWriteError):
            raise
        raise AtomicWriteError(target, reason_vi(exc)) from exc
    except BaseException:
        _discard(tmp)
        raise


def _copy_mode(target: Path, tmp: Path) -> None:
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(tmp, mode)


def _replace(tmp: Path, target: Path) -> None:
    for attempt in range(_REPLACE_TRIES):
        try:
            os.replace(tmp, target)
            return
        except PermissionError as exc:
            if sys.platform != "win32" or attempt == _REPLACE_TRIES - 1:
                raise AtomicWriteError(
                    target, "tệp đang được chương trình khác mở hoặc không có quyền ghi",
                    "replace") from exc
            time.sleep(0.05 * (attempt + 1))
        except OSError as exc:
            raise AtomicWriteError(target, reason_vi(exc), "replace") from exc


def _discard(tmp: Path) -> None:
    with contextlib.suppress(OSError):
        tmp.unlink()
