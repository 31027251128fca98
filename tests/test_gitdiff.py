"""git in plan terms: textconv lines, git_setup, and versions read from git."""

from __future__ import annotations

import shlex
import sys
import textwrap

import pytest

from kehoach.diff import DiffError, git_setup, load_version, textconv
from kehoach.gitdiff import ATTRIBUTES, load_plan_version
from tests.conftest import write_repo
from tests.gitutil import Repo, make_repo

PLAN = textwrap.dedent("""\
    # Kế hoạch thử
    loai: ke_hoach
    co_quan_ban_hanh: [ls.ubnd]
    so_ky_hieu: 12/KH-UBND
    dia_danh: Lạng Sơn
    ngay_ban_hanh: 2023-03-01
    trich_yeu: Tổ chức Tháng thanh niên năm 2023
    phan:
      - so: II.
        noi_dung: NỘI DUNG
        muc:
          - so: "1."
            noi_dung: Tổ chức lễ ra quân (quý II/2023).
            nhiem_vu:
              - id: ra-quan
                chu_tri: ls.tinh-doan
                phoi_hop: [ls.snv]
                thoi_han: quý II/2023
    chu_ky:
      - quyen_han: KT. CHỦ TỊCH
        chuc_vu: PHÓ CHỦ TỊCH
        nguoi_ky: Nguyễn Văn A
    """)
TEXTCONV = [
    "Loại văn bản: Kế hoạch (ke_hoach)",
    "Cơ quan ban hành: Ủy ban nhân dân tỉnh Lạng Sơn",
    "Số, ký hiệu: 12/KH-UBND",
    "Địa danh: Lạng Sơn",
    "Ngày ban hành: 01/03/2023",
    "Trích yếu: Tổ chức Tháng thanh niên năm 2023",
    "II. NỘI DUNG",
    "II.1. Tổ chức lễ ra quân (quý II/2023).",
    "  Nhiệm vụ ra-quan: chủ trì: Tỉnh đoàn Lạng Sơn",
    "  Nhiệm vụ ra-quan: phối hợp: Sở Nội vụ tỉnh Lạng Sơn",
    "  Nhiệm vụ ra-quan: thời hạn: quý II/2023 (hạn 30/06/2023)",
    "Chữ ký 1: quyền hạn: KT. CHỦ TỊCH",
    "Chữ ký 1: chức vụ: PHÓ CHỦ TỊCH",
    "Chữ ký 1: người ký: Nguyễn Văn A",
]


@pytest.fixture
def git_repo(tmp_path) -> Repo:
    return make_repo(tmp_path)


COMMAND = f"{shlex.quote(sys.executable)} -m kehoach.gitdiff"


def test_textconv_lines(tmp_path, monkeypatch):
    root = write_repo(tmp_path, {"a.yaml": PLAN})
    monkeypatch.chdir(root)
    assert textconv(root / "plans" / "a.yaml").splitlines() == TEXTCONV


def test_textconv_of_an_invalid_file_is_its_text(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("loai: [\n", encoding="utf-8")
    assert textconv(path) == "loai: [\n"


def test_git_diff_speaks_plan_terms(git_repo, monkeypatch):
    root = git_repo.root
    write_repo(root, {"a.yaml": PLAN})
    done = git_setup(root, command=COMMAND)
    assert done[0] == f"Đã thêm vào .gitattributes: {'; '.join(ATTRIBUTES)}."
    git_repo.commit("kế hoạch")
    plan = root / "plans" / "a.yaml"
    plan.write_text(PLAN.replace("thoi_han: quý II/2023", "thoi_han: quý III/2023"),
                    encoding="utf-8")
    assert git_repo.diff_lines() == [
        "-  Nhiệm vụ ra-quan: thời hạn: quý II/2023 (hạn 30/06/2023)",
        "+  Nhiệm vụ ra-quan: thời hạn: quý III/2023 (hạn 30/09/2023)",
    ]
    assert "@@ -8,7 +8,7 @@ II. NỘI DUNG\n" in git_repo.git("diff")  # hunk named by its part
    raw = git_repo.diff_lines("--no-textconv")
    assert raw == ["-            thoi_han: quý II/2023", "+            thoi_han: quý III/2023"]


def test_git_setup_is_idempotent_and_keeps_attributes(git_repo):
    root = git_repo.root
    (root / ".gitattributes").write_text("*.docx binary", encoding="utf-8")
    git_setup(root, command=COMMAND)
    first = (root / ".gitattributes").read_text(encoding="utf-8")
    assert first == "*.docx binary\n" + "\n".join(ATTRIBUTES) + "\n"
    assert git_setup(root, command=COMMAND) == ["Kho đã được thiết lập sẵn; không có gì thay đổi."]
    assert (root / ".gitattributes").read_text(encoding="utf-8") == first
    assert git_repo.git("config", "diff.kehoach.textconv").strip() == COMMAND


def test_default_command():
    from kehoach.gitdiff import TEXTCONV_COMMAND

    assert TEXTCONV_COMMAND == "kehoach diff --textconv"


def test_versions_from_git(git_repo):
    root = git_repo.root
    write_repo(root, {"a.yaml": PLAN})
    git_repo.commit()
    (root / "plans" / "a.yaml").write_text(PLAN.replace("12/KH", "13/KH"), encoding="utf-8")
    display, raw = load_version("git:HEAD:plans/a.yaml", root)
    assert (display, raw.decode("utf-8")) == ("HEAD:plans/a.yaml", PLAN)
    display, raw = load_version("git:HEAD:a.yaml", root / "plans")  # relative to cwd
    assert raw.decode("utf-8") == PLAN
    doc = load_plan_version("git:HEAD:plans/a.yaml", root)
    assert doc.plan is not None and doc.plan.so_ky_hieu == "12/KH-UBND"
    with pytest.raises(DiffError, match="kho git không có phiên bản “HEAD~3”"):
        load_version("git:HEAD~3:plans/a.yaml", root)
    with pytest.raises(DiffError, match=r"tệp “plans/b\.yaml” không có trong phiên bản “HEAD”"):
        load_version("git:HEAD:plans/b.yaml", root)


def test_git_missing(monkeypatch, tmp_path):
    import subprocess

    def no_git(*args, **kwargs):
        raise FileNotFoundError("git")

    monkeypatch.setattr(subprocess, "run", no_git)
    with pytest.raises(DiffError, match="Không tìm thấy lệnh git"):
        load_version("git:HEAD:a.yaml", tmp_path)
    with pytest.raises(DiffError, match="Không tìm thấy lệnh git"):
        git_setup(tmp_path)
