"""kehoach remind: the reminder letters, opened with python-docx and checked."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest

FIXTURE = Path(__file__).parent / "data" / "tracking"
AS_OF = "2024-11-20"


def kehoach(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kehoach", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=180,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


@pytest.fixture
def repo(tmp_path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "kho")
    return tmp_path / "kho"


def texts(path: Path) -> tuple[list[str], list[list[str]]]:
    """The paragraphs of the body, and the cell texts of every table, row by row."""
    document = docx.Document(str(path))
    rows = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    return [p.text for p in document.paragraphs], rows


SIGNED = ["--co-quan-gui", "t.snv", "--nguoi-ky", "Nguyễn Văn A", "--chuc-vu", "GIÁM ĐỐC",
          "--so", "512/SNV-VP", "--dia-danh", "Thử", "--report-by", "30/11/2024"]


def test_a_signed_letter_to_one_agency(repo):
    proc = kehoach(repo, "remind", "--as-of", AS_OF, "--agency", "Sở Tài chính", "-o", "cv",
                   *SIGNED)
    assert (proc.returncode, proc.stdout) == (0, "Đã ghi cv/don-doc-t.stc.docx\n"), proc.stderr
    paragraphs, rows = texts(repo / "cv" / "don-doc-t.stc.docx")
    header = " ".join(" ".join(c for row in rows[:3] for c in row).split())
    assert "SỞ NỘI VỤ" in header and "Số: 512/SNV-VP" in header
    assert "V/v đôn đốc thực hiện nhiệm vụ theo Kế hoạch số 12/KH-UBND" in header
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header
    assert "Thử, ngày 20 tháng 11 năm 2024" in header
    assert "DỰ THẢO" not in " ".join(paragraphs)
    assert "Kính gửi: Sở Tài chính tỉnh Thử." in paragraphs
    assert any(p.startswith("Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2022 của Ủy ban nhân "
                            "dân tỉnh Thử") for p in paragraphs)
    assert any("báo cáo kết quả về Sở Nội vụ tỉnh Thử trước ngày 30/11/2024./." in p
               for p in paragraphs)
    table = next(r for r in rows if r[0] == "STT")
    assert table == ["STT", "Nội dung nhiệm vụ", "Kế hoạch", "Thời hạn", "Tình trạng"]
    task_rows = [r for r in rows if r[0].isdigit()]
    assert task_rows and all(r[4].startswith(("Quá hạn", "Còn")) for r in task_rows)
    closing = " ".join(c for row in rows[-2:] for c in row)
    assert "GIÁM ĐỐC" in closing and "Nguyễn Văn A" in closing and "- Lưu: VT." in closing


def test_without_a_sender_the_letters_are_drafts_one_per_agency(repo):
    proc = kehoach(repo, "remind", "--as-of", AS_OF, "-o", "cv")
    assert proc.returncode == 0, proc.stderr
    written = sorted(p.name for p in (repo / "cv").glob("*.docx"))
    assert len(written) >= 2 and all(n.startswith("don-doc-t.") for n in written)
    assert proc.stdout.count("(dự thảo)") == len(written)
    paragraphs, rows = texts(repo / "cv" / written[0])
    assert "DỰ THẢO" in " ".join(paragraphs + [c for r in rows for c in r])
    header = " ".join(c for row in rows[:3] for c in row)
    assert "ngày      tháng      năm 20.." in header  # the day is left blank


def test_one_letter_to_several_agencies(repo):
    proc = kehoach(repo, "remind", "--as-of", AS_OF, "--one-letter", "-o", "cv", *SIGNED)
    assert proc.returncode == 0, proc.stderr
    paragraphs, _ = texts(repo / "cv" / "don-doc-chung.docx")
    assert "Kính gửi:" in paragraphs
    listed = [p for p in paragraphs if p.startswith("- ") and p.endswith((";", "."))]
    assert len(listed) >= 2 and listed[-1].endswith(".")


def test_the_letter_template_is_overridden_by_name(repo):
    (repo / "templates").mkdir()
    source = Path(__file__).resolve().parent.parent / "templates" / "cong_van_don_doc.j2"
    text = source.read_text(encoding="utf-8").replace("Kính gửi:", "Kính gửi đồng chí Giám đốc:")
    (repo / "templates" / "cong_van_don_doc.j2").write_text(text, encoding="utf-8")
    assert kehoach(repo, "remind", "--as-of", AS_OF, "--agency", "Sở Tài chính", "-o", "cv",
                   *SIGNED).returncode == 0
    paragraphs, _ = texts(repo / "cv" / "don-doc-t.stc.docx")
    assert "Kính gửi đồng chí Giám đốc: Sở Tài chính tỉnh Thử." in paragraphs


def test_nothing_to_remind(repo):
    proc = kehoach(repo, "remind", "--as-of", "2021-01-01", "--within", "0", "-o", "cv")
    assert proc.returncode == 0
    assert "không soạn công văn nào" in proc.stdout
    assert not (repo / "cv").exists()
