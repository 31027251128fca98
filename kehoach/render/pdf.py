"""PDF through LibreOffice: ``soffice --headless --convert-to pdf``.

LibreOffice runs with a throw-away user profile, so a LibreOffice window the official has
open neither blocks the conversion nor is disturbed by it. The PDF lands beside the .docx
(or in ``out_dir``) through the same atomic write as the document.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from kehoach.errors import RenderError
from kehoach.render.output import check_target, write_atomic

TIMEOUT_SECONDS = 120
_WINDOWS_DIRS = ("LibreOffice/program/soffice.exe",)


def find_soffice() -> str | None:
    """The LibreOffice executable: on PATH, or in the usual Windows install folders."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for base in (os.environ.get("PROGRAMFILES"), os.environ.get("PROGRAMFILES(X86)")):
        for tail in _WINDOWS_DIRS:
            if base and (Path(base) / tail).is_file():
                return str(Path(base) / tail)
    return None


def convert_to_pdf(
    docx_path: Path, out_dir: Path | None = None, *, force: bool = False,
    timeout: float = TIMEOUT_SECONDS,
) -> Path:
    """Convert a .docx to PDF; returns the PDF's path."""
    soffice = find_soffice()
    if soffice is None:
        raise RenderError(
            "Chưa cài LibreOffice (không tìm thấy lệnh soffice); cài LibreOffice để xuất PDF, "
            "hoặc mở tệp .docx bằng Word và lưu thành PDF."
        )
    docx_path = Path(docx_path)
    target = (out_dir or docx_path.parent) / f"{docx_path.stem}.pdf"
    check_target(target, force=force)
    with tempfile.TemporaryDirectory(prefix="kehoach-pdf-") as work:
        produced = _run(soffice, docx_path, Path(work), timeout)
        write_atomic(target, produced.read_bytes(), force=force)
    return target


def _run(soffice: str, docx_path: Path, work: Path, timeout: float) -> Path:
    profile = (work / "profile").resolve().as_uri()
    command = [
        soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
        "--convert-to", "pdf", "--outdir", str(work), str(docx_path.resolve()),
    ]
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as err:
        message = f"LibreOffice không chuyển xong sang PDF sau {timeout:.0f} giây."
        raise RenderError(message) from err
    produced = work / f"{docx_path.stem}.pdf"
    if done.returncode != 0 or not produced.is_file():
        detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip()
        raise RenderError(f"LibreOffice không chuyển được “{docx_path}” sang PDF. {detail}".strip())
    return produced
