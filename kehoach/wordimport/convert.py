""".odt, .doc and .rtf through LibreOffice (``soffice --headless --convert-to docx``).

The conversion runs with a throw-away profile and a time limit; its .docx then goes through
the same bounded reader as any other. Without LibreOffice the official is told how to save
the file as .docx in Word or LibreOffice instead.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from kehoach.wordimport.refusal import WordImportError

CONVERTED = (".odt", ".doc", ".rtf", ".dot", ".ott", ".fodt", ".wpd")
TIMEOUT_SECONDS = 120


def needs_conversion(path: Path) -> bool:
    return path.suffix.lower() in CONVERTED


def convert_to_docx(path: Path, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The bytes of ``path`` converted to .docx by LibreOffice."""
    from kehoach.render.pdf import find_soffice

    soffice = find_soffice()
    if soffice is None:
        raise WordImportError(
            f"“{path.name}” là tệp {path.suffix.lower()}: cần LibreOffice để chuyển sang .docx, "
            "nhưng máy chưa cài (không tìm thấy lệnh soffice). Hãy cài LibreOffice, hoặc mở tệp "
            "bằng Word/LibreOffice và “Lưu thành” Tài liệu Word (.docx) rồi nhập tệp .docx.")
    with tempfile.TemporaryDirectory(prefix="kehoach-import-") as work:
        folder = Path(work)
        profile = (folder / "profile").resolve().as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", "docx", "--outdir", str(folder), str(path.resolve())]
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise WordImportError(f"LibreOffice không chuyển xong “{path.name}” sang .docx sau "
                                  f"{timeout:.0f} giây.") from None
        except OSError as exc:
            raise WordImportError(f"Không chạy được LibreOffice ({exc}).") from None
        produced = folder / f"{path.stem}.docx"
        if done.returncode != 0 or not produced.is_file():
            detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip()
            raise WordImportError(f"LibreOffice không chuyển được “{path.name}” sang .docx. "
                                  f"{detail}".strip())
        from kehoach.fs.reader import read_bytes
        from kehoach.wordimport.package import MAX_FILE

        try:  # bounded like any document: the conversion of a hostile file may be huge
            return read_bytes(produced, limit=MAX_FILE, confine=False)
        except OSError as exc:
            raise WordImportError(f"Không đọc được bản .docx LibreOffice tạo ra: {exc}.") from None
