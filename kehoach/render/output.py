"""Writing the output safely: never half a file, never over the plan, never by surprise.

The bytes go through ``kehoach.fs.atomic.write_atomic`` (a temporary file in the target's folder,
flushed, then ``os.replace``, atomic on POSIX and Windows). On top of it, the render-specific
checks: an existing target is kept unless ``force`` is given; the target may never be the
plan's own file (nor any YAML file). On Windows, Word locks an open document: the replace
then fails with ``PermissionError`` and the official is told to close the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from kehoach.errors import RenderError
from kehoach.fs.atomic import AtomicWriteError
from kehoach.fs.atomic import write_atomic as _write_bytes

_PLAN_SUFFIXES = (".yaml", ".yml")


def check_target(target: Path, *, force: bool, protected: Iterable[Path] = ()) -> Path:
    """The resolved target, or a RenderError saying why it may not be written."""
    resolved = target.resolve()
    for path in protected:
        if path is not None and Path(path).resolve() == resolved:
            raise RenderError(f"Không thể ghi đè lên chính tệp kế hoạch “{target}”.")
    if resolved.suffix.lower() in _PLAN_SUFFIXES:
        raise RenderError(f"Tệp ra “{target}” là tệp YAML; hãy chọn tên tệp .docx hoặc .pdf.")
    if resolved.is_dir():
        raise RenderError(f"“{target}” là một thư mục; hãy chọn tên tệp.")
    if resolved.exists() and not force:
        raise RenderError(f"Tệp “{target}” đã có; dùng --force để ghi đè.")
    if not resolved.parent.is_dir():
        raise RenderError(f"Thư mục “{resolved.parent}” không tồn tại.")
    return resolved


def write_atomic(
    target: Path, data: bytes, *, force: bool = False, protected: Iterable[Path] = ()
) -> Path:
    """Write ``data`` to ``target`` after the checks above; returns ``target``."""
    resolved = check_target(target, force=force, protected=protected)
    try:
        _write_bytes(resolved, data)
    except AtomicWriteError as err:
        if (err.stage == "replace" and isinstance(err.__cause__, PermissionError)
                and resolved.exists()):
            raise RenderError(
                f"Tệp “{target}” đang mở (có thể trong Word); hãy đóng tệp rồi chạy lại."
            ) from err
        raise RenderError(err.message_vi) from err
    return target
