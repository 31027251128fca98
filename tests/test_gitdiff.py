"""git in plan terms: textconv lines, git_setup, and versions read from git."""

from __future__ import annotations

import os
import shlex
import sys
import textwrap
from pathlib import Path

import pytest

from kehoach.review.git import (
    ATTRIBUTES,
    DiffError,
    git_setup,
    load_plan_version,
    load_version,
    textconv,
)
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


# Every structured field that has no line of its own, to pin its Vietnamese label.
STRUCTURED = textwrap.dedent("""\
    loai: ke_hoach
    co_quan_ban_hanh: [ls.ubnd]
    trich_yeu: Tổ chức Tháng thanh niên năm 2023
    giai_doan: {tu: 2023-03-01, den: 2023-03-31}
    can_cu:
      - noi_dung: Căn cứ Quyết định số 1331/QĐ-TTg ngày 24/7/2021 của Thủ tướng Chính phủ;
        loai_van_ban: Quyết định
        so: 1331/QĐ-TTg
        ngay: 2021-07-24
        co_quan: Thủ tướng Chính phủ
        ghi_chu: Đã đối chiếu.
    phan:
      - so: I.
        noi_dung: MỤC ĐÍCH, YÊU CẦU
        vai_tro: muc_dich_yeu_cau
      - so: II.
        noi_dung: TỔ CHỨC THỰC HIỆN
        vai_tro: to_chuc_thuc_hien
        ban_to_chuc:
          so: "-"
          danh_xung: Đ/c
          thanh_vien:
            - {ho_ten: Nguyễn Văn A, chuc_vu: Bí thư Tỉnh đoàn, vai_tro: Trưởng ban}
        su_kien:
          thoi_gian: 7 giờ 30, ngày 26/3/2023
          dia_diem: Quảng trường 17/10
          thanh_phan: [Đoàn viên, Thanh niên]
          chuong_trinh:
            - {thoi_gian: "7 giờ 30", noi_dung: Khai mạc, thuc_hien: Ban tổ chức}
        ghi_chu: Ghi chú biên tập.
    chu_ky:
      - co_quan: ls.ubnd
        nguoi_ky: Nguyễn Văn B
        ghi_chu: Ký thay.
    chu_thich:
      - id: 1
        noi_dung: Lời chú thích.
        ghi_chu: Theo bản gốc.
    phu_luc:
      - so: I
        tieu_de: Danh mục
        bang:
          cot: [STT, Nội dung]
          dong: [["1", Ra quân]]
        bang_nhiem_vu: [ra-quan]
        ngang: false
        ben_ngoai: Tệp riêng.
        ghi_chu: Kèm theo.
    """)
STRUCTURED_TEXTCONV = [
    "Loại văn bản: Kế hoạch (ke_hoach)",
    "Cơ quan ban hành: Ủy ban nhân dân tỉnh Lạng Sơn",
    "Trích yếu: Tổ chức Tháng thanh niên năm 2023",
    "Giai đoạn: 01/03/2023–31/03/2023",
    "Căn cứ 1: Căn cứ Quyết định số 1331/QĐ-TTg ngày 24/7/2021 của Thủ tướng Chính phủ;",
    "Căn cứ 1: loại văn bản: Quyết định",
    "Căn cứ 1: số, ký hiệu: 1331/QĐ-TTg",
    "Căn cứ 1: ngày ban hành: 24/07/2021",
    "Căn cứ 1: cơ quan, người ban hành: Thủ tướng Chính phủ",
    "Căn cứ 1: ghi chú: Đã đối chiếu.",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "  I: vai trò: mục đích, yêu cầu",
    "II. TỔ CHỨC THỰC HIỆN",
    "  II: vai trò: tổ chức thực hiện",
    "  II: ban tổ chức: ký hiệu đầu dòng: -",
    "  II: ban tổ chức: danh xưng: Đ/c",
    "  II: ban tổ chức: thành viên 1: họ tên: Nguyễn Văn A",
    "  II: ban tổ chức: thành viên 1: chức vụ: Bí thư Tỉnh đoàn",
    "  II: ban tổ chức: thành viên 1: vai trò: Trưởng ban",
    "  II: sự kiện: thời gian: 7 giờ 30, ngày 26/3/2023",
    "  II: sự kiện: địa điểm: Quảng trường 17/10",
    "  II: sự kiện: thành phần: Đoàn viên | Thanh niên",
    "  II: sự kiện: chương trình 1: thời gian: 7 giờ 30",
    "  II: sự kiện: chương trình 1: nội dung: Khai mạc",
    "  II: sự kiện: chương trình 1: thực hiện: Ban tổ chức",
    "  II: ghi chú: Ghi chú biên tập.",
    "Chữ ký 1: cơ quan: Ủy ban nhân dân tỉnh Lạng Sơn",
    "Chữ ký 1: người ký: Nguyễn Văn B",
    "Chữ ký 1: ghi chú: Ký thay.",
    "Chú thích [^1]: nội dung: Lời chú thích.",
    "Chú thích [^1]: ghi chú: Theo bản gốc.",
    "Phụ lục I: tiêu đề: Danh mục",
    "Phụ lục I: bảng: cột: STT | Nội dung",
    "Phụ lục I: bảng: dòng 1: 1 | Ra quân",
    "Phụ lục I: bảng nhiệm vụ: ra-quan",
    "Phụ lục I: trang ngang: không",
    "Phụ lục I: giữ ở nơi khác: Tệp riêng.",
    "Phụ lục I: ghi chú: Kèm theo.",
]


@pytest.fixture
def git_repo(tmp_path) -> Repo:
    return make_repo(tmp_path)


COMMAND = f"{shlex.quote(sys.executable)} -m kehoach.review.git"


def test_textconv_lines(tmp_path, monkeypatch):
    root = write_repo(tmp_path, {"a.yaml": PLAN})
    monkeypatch.chdir(root)
    assert textconv(root / "plans" / "a.yaml").splitlines() == TEXTCONV


def test_textconv_labels_structured_fields_in_vietnamese(tmp_path, monkeypatch):
    root = write_repo(tmp_path, {"a.yaml": STRUCTURED})
    monkeypatch.chdir(root)
    assert textconv(root / "plans" / "a.yaml").splitlines() == STRUCTURED_TEXTCONV


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
    from kehoach.review.git import TEXTCONV_COMMAND

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
    monkeypatch.setattr(subprocess, "Popen", no_git)
    with pytest.raises(DiffError, match="Không tìm thấy lệnh git"):
        load_version("git:HEAD:a.yaml", tmp_path)
    with pytest.raises(DiffError, match="Không tìm thấy lệnh git"):
        git_setup(tmp_path)


def test_the_textconv_command_works_outside_the_virtual_environment(git_repo):
    """GitHub Desktop, TortoiseGit and a plain shell have no activated venv: git finds the
    interpreter by its full path, with nothing of the venv on PATH."""
    from kehoach.review.git import textconv_command

    root = git_repo.root
    write_repo(root, {"a.yaml": PLAN})
    git_setup(root, command=textconv_command())
    git_repo.commit("kế hoạch")
    (root / "plans" / "a.yaml").write_text(
        PLAN.replace("thoi_han: quý II/2023", "thoi_han: quý III/2023"), encoding="utf-8")
    git_repo.env["PATH"] = os.pathsep.join(
        p for p in os.environ.get("PATH", "").split(os.pathsep)
        if Path(p).resolve() != Path(sys.executable).parent.resolve())
    assert git_repo.diff_lines() == [
        "-  Nhiệm vụ ra-quan: thời hạn: quý II/2023 (hạn 30/06/2023)",
        "+  Nhiệm vụ ra-quan: thời hạn: quý III/2023 (hạn 30/09/2023)",
    ]


def test_the_textconv_command_falls_back_to_the_text_when_kehoach_is_gone(git_repo, tmp_path):
    from kehoach.review.git import textconv_command

    root = git_repo.root
    write_repo(root, {"a.yaml": PLAN})
    git_setup(root, command=textconv_command(str(tmp_path / "venv đã xóa" / "python")))
    git_repo.commit("kế hoạch")
    (root / "plans" / "a.yaml").write_text(
        PLAN.replace("thoi_han: quý II/2023", "thoi_han: quý III/2023"), encoding="utf-8")
    assert git_repo.diff_lines() == ["-            thoi_han: quý II/2023",
                                     "+            thoi_han: quý III/2023"]


NUMBERED = PLAN.replace("  - so: II.\n    noi_dung: NỘI DUNG\n", (
    "  - so: \"1.\"\n    noi_dung: MỤC ĐÍCH\n"
    "  - so: \"2.\"\n    noi_dung: NỘI DUNG\n"))
CHAPTERS = PLAN.replace("  - so: II.\n    noi_dung: NỘI DUNG\n", (
    "  - so: Chương I\n    noi_dung: QUY ĐỊNH CHUNG\n"
    "  - so: Chương II\n    noi_dung: NỘI DUNG PHỐI HỢP\n"))


@pytest.mark.parametrize(("text", "header"), [
    (NUMBERED, "2. NỘI DUNG"),
    (CHAPTERS, "Chương II. NỘI DUNG PHỐI HỢP"),
])
def test_hunk_headers_name_parts_however_numbered(git_repo, text, header):
    root = git_repo.root
    write_repo(root, {"a.yaml": text})
    git_setup(root, command=COMMAND)
    git_repo.commit("kế hoạch")
    (root / "plans" / "a.yaml").write_text(
        text.replace("thoi_han: quý II/2023", "thoi_han: quý III/2023"), encoding="utf-8")
    hunks = [line for line in git_repo.git("diff").splitlines() if line.startswith("@@")]
    assert len(hunks) == 1 and hunks[0].endswith(f"@@ {header}")


def test_diff_of_a_file_git_has_never_committed(git_repo):
    from kehoach.review.compare import compare

    root = git_repo.root
    write_repo(root, {"a.yaml": PLAN})
    for stage in ("untracked, no commit yet", "staged, no commit yet", "staged after a commit"):
        if stage == "staged, no commit yet":
            git_repo.git("add", "plans/a.yaml")
        if stage == "staged after a commit":
            git_repo.commit("danh mục")
            (root / "plans" / "b.yaml").write_text(PLAN, encoding="utf-8")
            git_repo.git("add", "plans/b.yaml")
        name = "plans/b.yaml" if stage == "staged after a commit" else "plans/a.yaml"
        changes = compare([name], root).changes
        assert changes[0].kind == "plan-new", stage
        assert changes[0].message == (f"Tệp “{name}” chưa có trong git (chưa commit lần nào): mọi "
                                      "nội dung của kế hoạch đều là mới.")
        kinds = [c.kind for c in changes]
        assert "task-added" in kinds and "item-added" in kinds, stage
        assert any(c.message == "Trích yếu: thêm “Tổ chức Tháng thanh niên năm 2023”."
                   for c in changes)
    # Two versions named explicitly: a missing one is still the user's mistake.
    with pytest.raises(DiffError):
        compare(["git:HEAD:plans/b.yaml", "plans/b.yaml"], root)
