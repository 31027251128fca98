"""Windows' special names, decided in one module and tested here on any machine.

On Windows ``con.yaml``, ``aux.docx`` or ``-o NUL`` are devices, not files, in every folder:
reading ``con.yaml`` waits for the keyboard, writing ``NUL`` throws the document away. kehoach
refuses them there as it refuses devices, FIFOs and sockets on POSIX. The decisions live in
``kehoach.fs.windows``; the reader and the atomic writer ask it, so a decision tested here is
the decision taken on Windows.
"""

from __future__ import annotations

import sys

import pytest

from kehoach.fs import windows
from kehoach.fs.atomic import AtomicWriteError, write_atomic
from kehoach.fs.reader import ReadError, read_bytes

REFUSED = [
    "con.yaml", "CON", "nul", "-o/NUL", "aux.docx", "prn.txt", "com1.yaml", "COM9", "lpt1.docx",
    "LPT9.x", "com¹.yaml", "conin$", "CONOUT$.txt", "nul.tar.gz", "con .yaml", "plans/con.yaml",
    r"plans\aux.yaml", "a.yaml:stream", "ke-hoach.yaml.", "ke-hoach.yaml ",
    r"\\.\PhysicalDrive0", r"\\?\GLOBALROOT\Device\Null",
]
ALLOWED = ["ke-hoach.yaml", "console.yaml", "nul-1.yaml", "com10.yaml", "lpt.yaml",
           "auxiliary.docx", "a.con", "plans/con-tro.yaml", "C:/plans/a.yaml", r"C:\plans\a.yaml",
           "com0x.yaml"]


@pytest.mark.parametrize("name", REFUSED)
def test_reserved_names_are_refused_on_windows(name):
    why = windows.refusal(name, windows=True)
    assert why is not None and why.isprintable()


@pytest.mark.parametrize("name", ALLOWED)
def test_ordinary_names_are_files_on_windows(name):
    assert windows.refusal(name, windows=True) is None


@pytest.mark.parametrize("name", REFUSED[:6])
def test_elsewhere_they_are_ordinary_names(name):
    assert windows.refusal(name, windows=False) is None


def test_the_machine_we_run_on_decides_by_default():
    assert windows.on_windows() is (sys.platform == "win32")


def test_the_reader_and_the_writer_ask_the_same_module(tmp_path, monkeypatch):
    """With the decision forced to Windows, ``con.yaml`` is neither read nor written, even
    where the system would take it for an ordinary file."""
    path = tmp_path / "con.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    real = windows.on_windows
    monkeypatch.setattr(windows, "on_windows", lambda value=None: True if value is None
                        else real(value))
    with pytest.raises(ReadError) as read:
        read_bytes(path)
    assert read.value.code == "not-a-file" and "thiết bị dành riêng của Windows" in str(read.value)
    with pytest.raises(AtomicWriteError) as wrote:
        write_atomic(path, b"b: 2\n")
    assert wrote.value.stage == "target"
    assert path.read_text(encoding="utf-8") == "a: 1\n"
