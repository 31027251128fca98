"""Where a command's answer goes with ``-o FILE``: the format comes from the extension, a
``--format`` that disagrees is a usage error, and the bytes are written atomically by kehoach
itself — never through a shell, whose redirection re-encodes text (PowerShell 5.1 writes
UTF-16)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kehoach.errors import KehoachError

TRACKING_FORMATS = {".xlsx": "xlsx", ".csv": "csv", ".json": "json"}
CHECK_FORMATS = {".json": "json", ".sarif": "sarif", ".txt": "plain"}


class OutputChoiceError(KehoachError, ValueError):
    """``-o`` and ``--format`` cannot be satisfied together: what the user typed, exit 2."""

    exit_code = 2


def output_format(path: Path, given: str | None, formats: dict[str, str]) -> str:
    """The format to write ``path`` in; raises OutputChoiceError."""
    suffix = path.suffix.lower()
    fmt = formats.get(suffix)
    known = ", ".join(formats)
    if fmt is None:
        raise OutputChoiceError(f"-o: không biết ghi tệp đuôi “{path.suffix or '(không có)'}”; "
                                f"dùng một trong: {known}.")
    if given is not None and given not in (fmt, "table", "rich"):
        raise OutputChoiceError(f"--format {given} không khớp với tệp “{path.name}” (đuôi "
                                f"{suffix} là {fmt}).")
    return fmt


def write_output(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write ``data`` to ``path`` atomically (the folder is created when missing; never
    through a link out of the repository, never over a folder, a device or a link: see
    ``kehoach.fs.atomic.write_output``, whose AtomicWriteError ``main()`` reports)."""
    from kehoach.fs.atomic import write_output as write_file

    write_file(path, data)
