"""Writing the output safely: never half a file, never over the plan, never by surprise.

The bytes go through ``kehoach.fs.atomic.write_atomic`` (a temporary file in the target's folder,
flushed, then ``os.replace``, atomic on POSIX and Windows), which replaces only a regular file:
never a symlink (a committed ``out/du-thao.docx -> ~/.bashrc`` stays as it is), a device or a
folder. On top of it, the render-specific checks: an existing target is kept unless ``force``
is given; the target may never be the plan's own file (nor any YAML file). On Windows, Word
locks an open document: the replace then fails with ``PermissionError`` and the official is
told to close the file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from kehoach.errors import RenderError
from kehoach.fs.atomic import AtomicWriteError, check_replaceable, make_folder
from kehoach.fs.atomic import write_atomic as _write_bytes

_PLAN_SUFFIXES = (".yaml", ".yml")


def check_target(target: Path, *, force: bool, protected: Iterable[Path] = ()) -> Path:
    """``target`` itself (never the file a symlink points to), or a RenderError saying why it
    may not be written."""
    resolved = Path(os.path.realpath(target))  # to compare with the plans, never to write to
    for path in protected:
        if path is not None and Path(os.path.realpath(path)) == resolved:
            raise RenderError(f"Không thể ghi đè lên chính tệp kế hoạch “{target}”.")
    if resolved.suffix.lower() in _PLAN_SUFFIXES or target.suffix.lower() in _PLAN_SUFFIXES:
        raise RenderError(f"Tệp ra “{target}” là tệp YAML; hãy chọn tên tệp .docx hoặc .pdf.")
    if target.is_dir():
        raise RenderError(f"“{target}” là một thư mục; hãy chọn tên tệp.")
    try:
        check_replaceable(target)
    except AtomicWriteError as err:
        raise RenderError(err.message_vi) from err
    if target.exists() and not force:
        raise RenderError(f"Tệp “{target}” đã có; dùng --force để ghi đè.")
    if not resolved.parent.is_dir():
        raise RenderError(f"Thư mục “{resolved.parent}” không tồn tại.")
    return target


def prepare_folder(folder: Path) -> None:
    """Create the output folder (and its parents) — never through a symlink that leads out of
    the repository, so that no folder is made outside it either."""
    try:
        make_folder(folder)
    except AtomicWriteError as err:
        raise RenderError(err.message_vi) from err


def write_atomic(
    target: Path, data: bytes, *, force: bool = False, protected: Iterable[Path] = ()
) -> Path:
    """Write ``data`` to ``target`` after the checks above; returns ``target``."""
    checked = check_target(target, force=force, protected=protected)
    try:
        _write_bytes(checked, data)
    except AtomicWriteError as err:
        if (err.stage == "replace" and isinstance(err.__cause__, PermissionError)
                and checked.exists()):
            raise RenderError(
                f"Tệp “{target}” đang mở (có thể trong Word); hãy đóng tệp rồi chạy lại."
            ) from err
        raise RenderError(err.message_vi) from err
    return target
