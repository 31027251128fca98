"""Windows-only decisions about file names, in one place so that they can be tested anywhere.

On Windows a few names are not files at all: ``CON``, ``NUL``, ``AUX``, ``PRN``, ``COM1``…
``COM9``, ``LPT1``…``LPT9`` (also with superscript digits), ``CONIN$`` and ``CONOUT$`` open
devices in *every* folder, whatever the extension (``con.yaml``, ``aux.docx``, ``nul.tar.gz``)
and whatever trailing dots or spaces follow. Opening ``con.yaml`` waits for the keyboard;
writing ``-o NUL`` throws the document away. A ``:`` inside a name opens an alternate data stream
of another file (``a.yaml:x``), and the ``\\\\.\\`` and ``\\\\?\\GLOBALROOT`` prefixes reach
devices directly. kehoach refuses all of them there, as it refuses devices, pipes and sockets on
POSIX (``kehoach.fs.reader``, ``kehoach.fs.atomic``).

Every function takes ``windows``: None means "the machine we run on"; tests pass True.
"""

from __future__ import annotations

import re
import sys
from pathlib import PurePath, PureWindowsPath

_DEVICE = re.compile(r"(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³]|CONIN\$|CONOUT\$)",
                     re.IGNORECASE)
_DEVICE_PREFIXES = ("\\\\.\\", "\\\\?\\globalroot", "//./", "//?/globalroot")


def on_windows(windows: bool | None = None) -> bool:
    return sys.platform == "win32" if windows is None else windows


def device_name(name: str) -> bool:
    """Whether one path component names a Windows device (``con.yaml``, ``NUL``, ``com1 .x``)."""
    stem = name.split(".", 1)[0].rstrip(" ")
    return _DEVICE.fullmatch(stem) is not None


def refusal(path: PurePath | str, windows: bool | None = None) -> str | None:
    """Why Windows would not treat ``path`` as an ordinary file (Vietnamese), or None.

    Only the last component and the prefix are judged: a folder the user named may have any
    name Windows accepts, but the file kehoach opens must be a file.
    """
    if not on_windows(windows):
        return None
    text = str(path)
    if text.lower().startswith(_DEVICE_PREFIXES):
        return "đường dẫn trỏ thẳng tới thiết bị của Windows"
    name = PureWindowsPath(text).name
    if not name:
        return None
    if device_name(name):
        return (f"“{name}” là tên thiết bị dành riêng của Windows (CON, PRN, AUX, NUL, COM1…, "
                "LPT1…), không phải tệp")
    if ":" in name:
        return f"tên “{name}” có dấu “:” (luồng dữ liệu ẩn của Windows), không phải tệp"
    if name != name.rstrip(". "):
        return f"tên “{name}” kết thúc bằng dấu chấm hoặc dấu cách: Windows sẽ bỏ chúng đi"
    return None
