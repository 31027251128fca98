"""``kehoach import`` on the command line: what it writes, what it prints, what it refuses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REGISTRY, write_repo
from tests.wordimport import official


def kehoach(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kehoach", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose registry has Lạng Sơn's UBND, Sở Nội vụ and Tỉnh đoàn only."""
    root = write_repo(tmp_path / "repo", {})
    official.hand_typed(tmp_path / "kh.docx")
    return root


def test_an_import_writes_a_canonical_plan_and_proposes_the_unknown_bodies(repo):
    done = kehoach(repo, "import", "../kh.docx")
    assert done.returncode == 0, done.stderr
    plan = repo / "plans" / "ke-hoach-12-kh-ubnd-2024.yaml"
    assert done.stdout.startswith("Đã ghi plans/ke-hoach-12-kh-ubnd-2024.yaml\n")
    assert "Đề xuất thêm vào danh mục" in done.stdout and "[đoán]" in done.stdout
    assert kehoach(repo, "fmt", "--check", str(plan)).returncode == 0
    registry = (repo / "plans" / "co-quan.yaml").read_text(encoding="utf-8")
    assert registry.startswith(REGISTRY.splitlines()[0])
    assert "de_xuat: kehoach import từ “kh.docx”" in registry
    check = kehoach(repo, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "proposed-body" in check.stdout + check.stderr


def test_it_never_overwrites_without_force_nor_a_tracked_plan(repo):
    target = repo / "plans" / "kh.yaml"
    assert kehoach(repo, "import", "../kh.docx", "-o", "plans/kh.yaml").returncode == 0
    again = kehoach(repo, "import", "../kh.docx", "-o", "plans/kh.yaml")
    assert again.returncode == 1 and "đã có; dùng --force" in again.stderr
    assert kehoach(repo, "import", "../kh.docx", "-o", "plans/kh.yaml", "--force").returncode == 0
    tracked = target.read_text(encoding="utf-8").replace(
        "            thoi_han: trước ngày 10/4/2024\n",
        "            thoi_han: trước ngày 10/4/2024\n            hoan_thanh:\n"
        "              - ngay_hoan_thanh: 2024-04-08\n", 1)
    assert tracked != target.read_text(encoding="utf-8")
    target.write_text(tracked, encoding="utf-8")
    refused = kehoach(repo, "import", "../kh.docx", "-o", "plans/kh.yaml", "--force")
    assert refused.returncode == 1 and "đang được theo dõi" in refused.stderr
    assert target.read_text(encoding="utf-8") == tracked
    other = kehoach(repo, "import", "../kh.docx", "-o", "plans/kh-2.yaml")
    assert other.returncode == 1 and "đã có trong kho: " in other.stderr
    assert not (repo / "plans" / "kh-2.yaml").exists()


def test_outside_a_repository_and_without_the_file(tmp_path):
    official.hand_typed(tmp_path / "kh.docx")
    nowhere = kehoach(tmp_path, "import", "kh.docx", "-o", "kh.yaml")
    assert nowhere.returncode == 1 and "Không tìm thấy kho kế hoạch" in nowhere.stderr
    missing = kehoach(tmp_path, "import", "khong-co.docx")
    assert missing.returncode == 2 and "Không tìm thấy" in missing.stderr


def test_the_full_report_names_what_was_recognised(repo):
    done = kehoach(repo, "import", "../kh.docx", "-o", "kh.yaml", "--chi-tiet")
    assert done.returncode == 0, done.stderr
    assert "[nhận ra] đoạn " in done.stdout and "cơ quan ban hành: ls.ubnd" in done.stdout


def test_bases_cited_in_the_opening_sentence_are_read_from_it(repo, tmp_path):
    """The opening sentence cites the decree and the Youth Union's plan: both become legal
    bases written in it (``trong_mo_dau``) that ``check`` finds there, and the document
    rendered from the import prints the sentence once, whole."""
    import docx

    official.hand_typed(tmp_path / "cites.docx", bases=[], sentence=official.OPENING_CITING)
    done = kehoach(repo, "import", "../cites.docx", "-o", "plans/cites.yaml")
    assert done.returncode == 0, done.stderr
    import yaml

    data = yaml.safe_load((repo / "plans" / "cites.yaml").read_text(encoding="utf-8"))
    assert data["mo_dau"] == official.OPENING_CITING
    assert [(b["so"], b.get("trong_mo_dau")) for b in data["can_cu"]] == [
        ("13/2021/NĐ-CP", True), ("45-KH/TĐTN-TNTH", True)]
    assert data["can_cu"][1]["noi_dung"] == (
        "Thực hiện Kế hoạch số 45-KH/TĐTN-TNTH ngày 20/02/2024 của Ban Thường vụ Tỉnh đoàn")
    check = kehoach(repo, "check", "plans/cites.yaml")
    assert "legal-basis" not in check.stdout + check.stderr
    assert kehoach(repo, "render", "plans/cites.yaml", "-o", "cites-out.docx").returncode == 0
    text = [p.text for p in docx.Document(str(repo / "cites-out.docx")).paragraphs]
    assert [t for t in text if "Nghị định số 13/2021" in t] == [official.OPENING_CITING]
