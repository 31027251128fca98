"""The editing commands through the real CLI: fmt, diff, done, undone, extend, git-setup, new.

The package is run as ``python -m kehoach`` from ``KEHOACH_CLI_SRC`` (default: this
checkout), so a patched tree can be tried before it is merged.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from kehoach.deadline.clock import today_vn
from tests.conftest import write_repo
from tests.gitutil import Repo, make_repo
from tests.test_edit import PLAN, REG

SRC = Path(os.environ.get("KEHOACH_CLI_SRC") or Path(__file__).resolve().parent.parent)


def run(cwd: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    full = {**(env or os.environ), "PYTHONPATH": str(SRC), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run([sys.executable, "-m", "kehoach", *args], cwd=cwd, env=full,
                          capture_output=True, check=False, timeout=120)
    return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")


@functools.cache
def commands() -> str:
    return run(Path(tempfile.gettempdir()), "--help")[1]  # not here: ``-m`` puts cwd first


@pytest.mark.parametrize("name", ["fmt", "diff", "done", "undone", "extend", "unextend",
                                  "git-setup", "new"])
def test_every_editing_command_is_in_the_help(name):
    assert f"  {name} " in commands()


@pytest.fixture
def repo(tmp_path) -> Repo:
    git = make_repo(tmp_path)
    write_repo(git.root, {"a.yaml": PLAN}, registry=REG)
    git.commit("kế hoạch")
    return git


def test_fmt_check_then_write(repo):
    code, out, err = run(repo.root, "fmt", "--check")
    assert (code, out) == (1, "Cần trình bày lại: plans/a.yaml\n")
    assert err == "1 tệp cần trình bày lại, 1 tệp giữ nguyên.\n"
    assert run(repo.root, "fmt")[:2] == (0, "Đã trình bày lại: plans/a.yaml\n")
    assert run(repo.root, "fmt", "--check")[0] == 0
    (repo.root / "plans" / "b.yaml").write_text("loai: [\n", encoding="utf-8")
    code, _, err = run(repo.root, "fmt", "plans/b.yaml")
    assert code == 1 and "plans/b.yaml:2:1: [error]" in err


def test_done_undone_extend_and_diff(repo):
    root = repo.root
    code, out, _ = run(root, "done", "ra-quan", "--date", "10/06/2023", "--evidence", "BC 5")
    assert (code, out) == (0, "Đã ghi nhận hoàn thành nhiệm vụ ra-quan: ngày 10/06/2023, minh "
                              "chứng: BC 5.\n")
    code, _, err = run(root, "done", "bao-cao", "-k", "2023", "-d", "2023-11-10")
    assert code == 1 and err.startswith("Lỗi: Nhiệm vụ “bao-cao” giao cho 2 cơ quan")
    assert run(root, "extend", "ra-quan", "quý III/2023", "--by", "CV 5", "--date",
               "2023-06-01")[0] == 0
    code, out, _ = run(root, "diff", "git:HEAD:plans/a.yaml", "plans/a.yaml")
    assert (code, out) == (0, "Có 2 thay đổi:\n"
                              "- Nhiệm vụ ra-quan: ghi nhận hoàn thành — ngày 10/06/2023, minh "
                              "chứng: BC 5.\n"
                              "- Nhiệm vụ ra-quan: gia hạn đến “quý III/2023” theo CV 5 ngày "
                              "01/06/2023, lùi 92 ngày.\n")
    code, out, _ = run(root, "diff", "git:HEAD:plans/a.yaml", "plans/a.yaml", "-f", "json")
    assert [c["kind"] for c in json.loads(out)] == ["completion-added", "extension-added"]
    assert run(root, "undone", "ra-quan")[0] == 0
    code, out, _ = run(root, "unextend", "ra-quan", "--by", "CV 5")
    assert (code, out) == (0, "Đã bỏ lần gia hạn nhiệm vụ ra-quan: “quý III/2023” theo CV 5 ngày "
                              "01/06/2023.\n")
    code, _, err = run(root, "unextend", "ra-quan")
    assert (code, err) == (1, "Lỗi: Nhiệm vụ “ra-quan” chưa được gia hạn lần nào.\n")
    assert run(root, "diff", "plans/a.yaml")[1] == "Không có thay đổi về nội dung kế hoạch.\n"
    code, _, err = run(root, "diff", "git:HEAD~5:plans/a.yaml", "plans/a.yaml")
    assert code == 2 and "kho git không có phiên bản “HEAD~5”" in err


def test_git_setup_and_textconv(repo):
    code, out, _ = run(repo.root, "git-setup")
    assert code == 0 and out.startswith("Đã thêm vào .gitattributes")
    assert run(repo.root, "git-setup")[1] == "Kho đã được thiết lập sẵn; không có gì thay đổi.\n"
    code, out, _ = run(repo.root, "diff", "--textconv", "plans/a.yaml")
    assert code == 0 and "  Nhiệm vụ ra-quan: thời hạn: quý II/2023 (hạn 30/06/2023)\n" in out
    # git itself runs the configured command (kehoach, or this interpreter when not on PATH)
    assert run(repo.root, "extend", "ra-quan", "quý III/2023", "--by", "CV 5")[0] == 0
    assert repo.diff_lines("plans/a.yaml") == [
        "+  Nhiệm vụ ra-quan: gia hạn: “quý III/2023” theo CV 5 ngày "
        f"{today_vn():%d/%m/%Y}"]


def test_new_makes_a_draft_that_passes_check(tmp_path):
    root = write_repo(tmp_path, {}, registry=REG)
    code, out, _ = run(root, "new", "ke_hoach", "--issuer", "ls.ubnd", "-o", "plans/moi.yaml")
    assert code == 0 and out.startswith("Đã tạo plans/moi.yaml")
    assert (root / "plans" / "moi.yaml").read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../kehoach.schema.json\n")
    assert run(root, "check", "plans/moi.yaml")[0] == 0
    code, _, err = run(root, "new", "ke_hoach", "--issuer", "ls.ubnd", "-o", "plans/moi.yaml")
    assert code == 2 and "đã có; dùng --force" in err


# --- found in review -----------------------------------------------------------------------


def test_an_edit_prints_the_warning_it_brings(repo):
    code, out, err = run(repo.root, "done", "ra-quan", "--date", "02/01/2023")
    assert code == 0 and out.startswith("Đã ghi nhận hoàn thành nhiệm vụ ra-quan")
    assert err.startswith("Cảnh báo: ") and "(completion-before-issue)" in err


@pytest.mark.parametrize(("args", "message"), [
    (["done", "ra-quan", "--date", ""], "--date: ngày “” không hợp lệ"),
    (["done", "bao-cao", "-a", "ls.snv", "--occurrence", "abc"], "--occurrence: Kỳ “abc”"),
    (["extend", "ra-quan", "quý III/2023", "--by", " "], "cần thời hạn mới và văn bản"),
])
def test_edit_usage_errors_exit_2(repo, args, message):
    code, _, err = run(repo.root, *args)
    assert code == 2 and message in err


def test_editing_outside_a_repository_is_a_usage_error(tmp_path):
    code, _, err = run(tmp_path, "done", "ra-quan")
    assert code == 2 and "Không tìm thấy kho kế hoạch" in err


def test_git_setup_outside_git_writes_nothing(tmp_path):
    root = write_repo(tmp_path, {"a.yaml": PLAN}, registry=REG)
    code, _, err = run(root, "git-setup")
    assert code == 1 and err.startswith("Lỗi: Không thiết lập được git")
    assert not (root / ".gitattributes").exists()


def test_diff_of_one_git_version_against_the_file(repo):
    assert run(repo.root, "extend", "ra-quan", "quý III/2023", "--by", "CV 5")[0] == 0
    code, out, _ = run(repo.root, "diff", "git:HEAD:plans/a.yaml")
    assert code == 0 and out.startswith("Có 1 thay đổi:\n- Nhiệm vụ ra-quan: gia hạn")
    code, _, err = run(repo.root, "diff", "plans/co-quan.yaml")
    assert code == 2 and "danh mục cơ quan" in err


def test_new_takes_the_issuer_by_name(tmp_path):
    root = write_repo(tmp_path, {}, registry=REG)
    code, out, _ = run(root, "new", "ke_hoach", "--issuer", "uy ban nhan dan tinh lang son")
    assert code == 0 and "co_quan_ban_hanh: [ls.ubnd]" in out


def test_diff_of_a_staged_file_never_committed(repo):
    (repo.root / "plans" / "b.yaml").write_text(PLAN, encoding="utf-8")
    repo.git("add", "plans/b.yaml")
    code, out, err = run(repo.root, "diff", "plans/b.yaml")
    assert (code, err) == (0, "")
    assert out.splitlines()[1] == ("- Tệp “plans/b.yaml” chưa có trong git (chưa commit lần "
                                   "nào): mọi nội dung của kế hoạch đều là mới.")
