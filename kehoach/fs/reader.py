"""The one way kehoach opens a file to read it: regular files only, bounded, inside the repository.

Every file kehoach reads — plans, the registry, templates, its cache, ``.gitattributes``,
``kehoach.toml`` — may come from a repository someone else committed, so ``read_bytes``:

- opens only a regular file: a directory, a device (``/dev/zero``), a FIFO, a socket or a
  Windows device name (``con.yaml``) is refused before it is opened, and again after (the file
  could be swapped in between); the file is opened non-blocking, so even a FIFO swapped in
  cannot hang the command;
- reads at most ``limit`` bytes plus one, so a file that grows or lies about its size still
  costs no more than the limit;
- follows a symlink inside a repository only when its target resolves inside that same
  repository (``plans/a.yaml -> /etc/passwd`` is refused, ``plans/a.yaml -> ../b/a.yaml`` is
  fine), and refuses a file reached through a symlinked folder that leads out of it. A path
  outside any repository (a file the user names, git's temporary copy) is read where it points.

A refusal is a ``ReadError``: an ``OSError`` whose text is Vietnamese and whose ``code`` is the
diagnostic code to report, so that every caller that already handles ``OSError`` says why.
"""

from __future__ import annotations

import functools
import os
import stat
import sys
from pathlib import Path

from kehoach.errors import KehoachError
from kehoach.fs import windows
from kehoach.fs.repo import find_root, within

MAX_BYTES = 10 * 1024 * 1024
"""Largest plan, registry or template accepted (10 MiB: a thousand-task plan is under 1 MiB)."""

_FLAGS = (os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
          | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
_CHUNK = 1 << 20


class ReadError(KehoachError, OSError):
    """kehoach refuses to read a file; ``str(exc)`` is the Vietnamese reason, ``code`` the
    diagnostic code (``not-a-file``, ``outside-repository``, ``file-too-large``)."""

    def __init__(self, path: Path | str, reason: str, code: str):
        super().__init__(reason)  # no ``filename``: OSError would then print "[Errno None]…"
        self.path = str(path)
        self.code = code
        self.reason = reason


class FileTooLarge(ReadError):
    """``size``: the file's size when the system knows it, else None (only "over the limit")."""

    def __init__(self, path: Path | str, size: int | None, limit: int):
        self.size, self.limit = size, limit
        super().__init__(path, too_large_message(size, limit), code="file-too-large")


def too_large_message(size: int | None, limit: int = MAX_BYTES) -> str:
    amount = f"{size:,} byte" if size is not None else f"hơn {limit:,} byte"
    return f"Tệp quá lớn ({amount}); giới hạn là {limit:,} byte."


def kind_of(mode: int) -> str | None:
    """What a file that is not a regular one is, in Vietnamese (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "đây là một thư mục, không phải tệp"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "đây là một thiết bị (như /dev/zero), không phải tệp thông thường"
    if stat.S_ISFIFO(mode):
        return "đây là một ống dẫn (FIFO), không phải tệp thông thường"
    if stat.S_ISSOCK(mode):
        return "đây là một socket, không phải tệp thông thường"
    return "đây không phải tệp thông thường"


OUTSIDE = ("đây là liên kết (symlink), hoặc nằm trong thư mục liên kết, trỏ ra ngoài kho kế "
           "hoạch; kehoach chỉ theo liên kết dẫn tới chỗ khác trong kho")
FOLDER_OUTSIDE = ("thư mục chứa tệp là liên kết (symlink), hoặc nằm trong thư mục liên kết, trỏ "
                  "ra ngoài kho kế hoạch; kehoach không ghi ra ngoài kho")


def read_bytes(path: Path | str, *, limit: int = MAX_BYTES, confine: bool = True) -> bytes:
    """The bytes of the regular file ``path`` (see the module's rules), or ``ReadError`` /
    ``OSError``. ``confine=False`` for kehoach's own files outside any repository (its
    cache): no repository is looked for."""
    fd, size = open_regular(path, confine=confine)
    try:
        return _read_at_most(fd, path, size, limit)
    finally:
        os.close(fd)


def read_text(path: Path | str, *, limit: int = MAX_BYTES, confine: bool = True,
              errors: str = "strict") -> str:
    return read_bytes(path, limit=limit, confine=confine).decode("utf-8", errors)


def open_regular(path: Path | str, *, confine: bool = True) -> tuple[int, int]:
    """An open descriptor on the regular file ``path`` and its size at opening."""
    name = os.fspath(path)
    why = windows.refusal(name)
    if why:
        raise ReadError(path, why, "not-a-file")
    target = name
    st = os.lstat(name)
    if stat.S_ISLNK(st.st_mode):
        target = os.path.realpath(name)
        if confine:
            _confine(path, target)
        st = os.stat(target)
    _refuse_special(path, st.st_mode)
    fd = os.open(target, _FLAGS)
    try:
        st = os.fstat(fd)
        _refuse_special(path, st.st_mode)
        if confine:
            real = fd_path(fd, target)
            if os.path.normcase(real) != os.path.normcase(os.path.abspath(target)):
                _confine(path, real)  # a folder on the way is a symlink
    except BaseException:
        os.close(fd)
        raise
    return fd, st.st_size


def real_inside(path: Path | str) -> Path:
    """Where ``path`` really is, for a command that edits it (the link's target, so that the
    real file is changed and locked), or ``ReadError`` when a link leads out of its repository."""
    real = os.path.realpath(path)
    if os.path.normcase(real) != os.path.normcase(os.path.abspath(path)):
        _confine(path, real)
    return Path(real)


def _refuse_special(path: Path | str, mode: int) -> None:
    why = kind_of(mode)
    if why:
        raise ReadError(path, why, "not-a-file")


def _confine(path: Path | str, real: str) -> None:
    """Refuse ``path`` (which really is ``real``) when a symlink on it leads out of the
    repository holding that symlink, or when ``real`` is outside the repository ``path`` is
    written in (``..`` after a symlink)."""
    written = os.path.abspath(path)
    root = find_root(os.path.dirname(written))
    if root is not None and not within(real, _real(os.fspath(root))):
        raise ReadError(path, OUTSIDE, "outside-repository")
    if _link_leads_out(written):
        raise ReadError(path, OUTSIDE, "outside-repository")


def _link_leads_out(written: str) -> bool:
    """Whether a symlink among the components of ``written`` resolves outside the repository
    it is in (the nearest one above it): a committed ``plans/sub -> /elsewhere/repo``."""
    parent, tail = os.path.split(written)
    prefixes = [written]
    while tail:
        prefixes.append(parent)
        parent, tail = os.path.split(parent)
    for prefix in reversed(prefixes):
        try:
            if not stat.S_ISLNK(os.lstat(prefix).st_mode):
                continue
        except OSError:
            return False
        root = find_root(os.path.dirname(prefix))
        if root is not None and not within(os.path.realpath(prefix), _real(os.fspath(root))):
            return True
    return False


@functools.lru_cache(maxsize=64)
def _real(folder: str) -> str:
    return os.path.realpath(folder)


def fd_path(fd: int, fallback: str) -> str:
    """The real path of an open file: one system call on Linux and macOS."""
    if sys.platform.startswith("linux"):
        try:
            return os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            pass
    elif sys.platform == "darwin":  # pragma: no cover - macOS only
        import fcntl

        try:
            raw = fcntl.fcntl(fd, fcntl.F_GETPATH, bytes(1024))  # type: ignore[attr-defined]
            return os.fsdecode(raw.split(b"\0", 1)[0])
        except OSError:
            pass
    return os.path.realpath(fallback)


def _read_at_most(fd: int, path: Path | str, size: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    want = limit + 1
    first = min(want, max(size, 0) + 1)  # the size is a hint: a file may grow while read
    while want > 0:
        chunk = os.read(fd, first if not chunks else min(want, _CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        want -= len(chunk)
    data = chunks[0] if len(chunks) == 1 else b"".join(chunks)
    if len(data) > limit:
        raise FileTooLarge(path, size if size > limit else None, limit)
    return data
