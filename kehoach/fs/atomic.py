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
from collections.abc import Iterable
from pathlib import Path

from kehoach.errors import KehoachError
from kehoach.fs.oserror import reason_vi

_REPLACE_TRIES = 5
"""Windows: an antivirus or indexer may hold the target open for a moment; retry briefly."""


class AtomicWriteError(KehoachError, OSError):
    """The file could not be written; ``message_vi`` says why, in Vietnamese.

    ``stage``: where it failed — ``"target"`` (the target may not be replaced: a symlink, a
    device, a folder, outside the repository), ``"create"`` (the temporary file: the folder is not
    writable), ``"write"`` (writing or flushing it: disk full, size limit) or ``"replace"``
    (moving it over the target: the target is locked or read-only).
    """

    def __init__(self, path: Path, reason: str, stage: str = "write"):
        self.path = path
        self.stage = stage
        super().__init__(f"Không ghi được tệp “{path}”: {reason}.")


def write_atomic(path: Path | str, data: bytes | Iterable[bytes]) -> None:
    """Replace ``path`` with ``data`` atomically (the file is created when missing). ``data``
    may come in pieces (an answer of a million rows is never one string in memory).

    Only a regular file or a missing path is ever replaced (``check_replaceable``): never a
    symlink (its target stays as it is), a device, a FIFO, a socket or a folder.
    """
    target = Path(path)
    check_replaceable(target)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise AtomicWriteError(target, reason_vi(exc), "create") from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                handle.writelines(data)
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


def check_replaceable(target: Path) -> None:
    """``AtomicWriteError`` (stage ``"target"``) unless ``target`` may be replaced: missing or
    a regular file, not a Windows device name, and — when it is written inside a plans
    repository — in a folder that really is inside that repository (not through a symlink)."""
    from kehoach.fs import windows
    from kehoach.fs.reader import FOLDER_OUTSIDE, ReadError, kind_of, real_inside

    why = windows.refusal(target)
    if why is None:
        try:
            st = os.lstat(target)
        except FileNotFoundError:
            st = None
        except OSError as exc:
            raise AtomicWriteError(target, reason_vi(exc), "target") from exc
        if st is not None and stat.S_ISLNK(st.st_mode):
            why = "đây là liên kết (symlink); kehoach không ghi qua liên kết"
        elif st is not None:
            why = kind_of(st.st_mode)
    if why is None:
        try:
            real_inside(target.parent if str(target.parent) else Path("."))
        except ReadError:
            why = FOLDER_OUTSIDE
        except OSError as exc:
            why = reason_vi(exc)
    if why is not None:
        raise AtomicWriteError(target, why, "target")


def write_output(path: Path, data: bytes | Iterable[bytes], *, force: bool = True) -> None:
    """Write a file the user named (``-o``): its folders are made (``make_folder``), an existing
    file is replaced only with ``force``, and only if it is a regular file (``write_atomic``).
    ``AtomicWriteError`` says why not."""
    from kehoach.fs.repo import is_dir, path_problem

    if is_dir(path):
        raise AtomicWriteError(path, "đây là một thư mục; hãy ghi tên tệp", "target")
    if not force and path_problem(path) is None:
        raise AtomicWriteError(path, "tệp đã có; dùng --force để ghi đè", "target")
    make_folder(path.parent if str(path.parent) else Path("."))
    write_atomic(path, data)


def make_folder(folder: Path) -> None:
    """``mkdir -p`` for an output folder, refusing (``AtomicWriteError``, stage ``"target"``)
    when a symlink on the way leads out of the repository: no folder is made outside it."""
    from kehoach.fs.reader import FOLDER_OUTSIDE, ReadError, real_inside

    try:
        real_inside(folder)
        folder.mkdir(parents=True, exist_ok=True)
    except ReadError as exc:
        raise AtomicWriteError(folder, FOLDER_OUTSIDE, "target") from exc
    except (OSError, ValueError) as exc:
        why = reason_vi(exc) if isinstance(exc, OSError) else str(exc)
        raise AtomicWriteError(folder, why, "create") from exc


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
