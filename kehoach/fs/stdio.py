"""Standard output that may be closed, full or a pipe whose reader has left.

``kehoach check >&-`` starts with no stdout at all; ``kehoach tasks > /dev/full`` fails on the
first flush; ``kehoach tasks | head -1`` loses its reader. Left alone, each ends in a Python
error: "Lỗi nội bộ" (exit 3) or "Exception ignored" at exit. ``guard_stdout`` puts a thin
writer under ``sys.stdout`` whose failures raise ``OutputError`` — deliberately not an
``OSError``, so that no command mistakes it for a file of its own it could not write — and
``main()`` turns it into one Vietnamese sentence and exit 1 — or, when the reader of a pipe has
left, into a quiet exit 1 (the reader chose to stop, as with ``cat`` or ``git log``). A
terminal is left as it is (Windows consoles need Python's own console writer for Vietnamese).
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
from typing import Any

from kehoach.errors import KehoachError
from kehoach.fs.oserror import reason_vi

CLOSED = "Đầu ra chuẩn (stdout) đã bị đóng: kehoach không có chỗ để in kết quả."


class OutputError(KehoachError):
    """Standard output could not be written; ``message_vi`` says why."""

    def __init__(self, cause: OSError):
        self.cause = cause
        self.message_vi = f"Không in được kết quả ra đầu ra chuẩn (stdout): {reason_vi(cause)}."
        super().__init__(self.message_vi)


def is_broken_pipe(exc: OutputError) -> bool:
    """The reader of a pipe left (``| head``): not a failure the user needs to hear about."""
    return isinstance(exc.cause, BrokenPipeError) or exc.cause.errno == errno.EPIPE


class _Guarded(io.RawIOBase):
    """Writes to a descriptor; the first failure raises OutputError, later writes are dropped
    (so the final flush at exit has nothing left to complain about)."""

    def __init__(self, fd: int):
        super().__init__()
        self._fd = fd
        self.failed = False

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return False

    def write(self, data: Any) -> int:
        size = len(memoryview(data))
        if self.failed:
            return size
        try:
            return os.write(self._fd, data)
        except OSError as exc:
            self.failed = True
            raise OutputError(exc) from exc


def guard_stdout() -> str | None:
    """Put the guard under ``sys.stdout``; returns ``CLOSED`` when there is no stdout at all."""
    out = sys.stdout
    if out is None:
        return CLOSED
    try:
        fd = out.fileno()
    except (OSError, ValueError, io.UnsupportedOperation):
        return None  # not a real file (a test's capture): nothing to guard
    try:
        os.fstat(fd)
    except OSError:
        return CLOSED
    if os.isatty(fd):
        return None
    with contextlib.suppress(OSError):
        out.flush()
    writer = io.BufferedWriter(_Guarded(fd))
    sys.stdout = io.TextIOWrapper(writer, encoding="utf-8", errors="replace",
                                  line_buffering=False)
    return None
