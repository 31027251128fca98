"""`kehoach check` end to end: exact output, formats and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import write_repo
from tests.test_check_rules import BASE

BROKEN = BASE.replace("trich_yeu:", "trich_yue:")


def kehoach(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kehoach", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=60,
    )


@pytest.fixture
def root(tmp_path):
    return write_repo(tmp_path, {"ok.yaml": BASE, "sub/broken.yaml": BROKEN.replace("t1", "t2")})


def test_clean_file_exits_0(root):
    proc = kehoach("check", "plans/ok.yaml", cwd=root)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")


def test_plain_output_is_exact(root):
    proc = kehoach("check", "--format", "plain", cwd=root)
    path = str(Path("plans") / "sub" / "broken.yaml")
    assert proc.returncode == 1
    assert proc.stdout == (
        f"{path}:1:1: [error] Thiếu trường bắt buộc “trich_yeu”. (missing-field)\n"
        f"{path}:6:1: [error] Mục “trich_yue” không có trong định dạng. Có phải “trich_yeu”? "
        "(unknown-key)\n"
    )


def test_default_is_plans_folder_found_from_a_subfolder(root):
    proc = kehoach("check", "-f", "plain", cwd=root / "plans" / "sub")
    assert proc.returncode == 1
    assert "broken.yaml:6:1" in proc.stdout


def test_json_output(root):
    proc = kehoach("check", "-f", "json", cwd=root)
    data = json.loads(proc.stdout)
    assert [(d["line"], d["column"], d["code"], d["severity"]) for d in data] == [
        (1, 1, "missing-field", "error"),
        (6, 1, "unknown-key", "error"),
    ]


def test_github_output(root):
    proc = kehoach("check", "-f", "github", cwd=root)
    first = proc.stdout.splitlines()[0]
    assert first.startswith("::error file=plans/sub/broken.yaml,line=1,col=1,title=missing-field::")


def test_rich_output_has_summary(root):
    proc = kehoach("check", "-f", "rich", cwd=root)
    assert "Đã kiểm tra 3 tệp: 2 lỗi, 0 cảnh báo." in proc.stdout


def test_warnings_fail_only_with_strict(tmp_path):
    text = BASE.replace("thoi_han: trước ngày 15/11/2022", "thoi_han: trước ngày 16/11/2022")
    root = write_repo(tmp_path, {"a.yaml": text})
    assert kehoach("check", cwd=root).returncode == 0
    assert kehoach("check", "--strict", cwd=root).returncode == 1


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--format", "xml"],
        ["check", "missing.yaml"],
        ["nosuchcommand"],
        ["check", "--bogus"],
    ],
)
def test_usage_errors_exit_2(root, args):
    proc = kehoach(*args, cwd=root)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


def test_paths_with_vietnamese_characters_and_spaces(tmp_path):
    root = write_repo(tmp_path / "Kế hoạch năm 2024", {"Tháng thanh niên.yaml": BROKEN})
    proc = kehoach("check", "-f", "plain", str(Path("plans") / "Tháng thanh niên.yaml"), cwd=root)
    assert proc.returncode == 1
    assert proc.stdout.startswith(str(Path("plans") / "Tháng thanh niên.yaml") + ":1:1:")


def test_version(root):
    proc = kehoach("--version", cwd=root)
    assert proc.stdout.startswith("kehoach ")


def test_help_is_in_vietnamese(root):
    out = kehoach("check", "--help", cwd=root).stdout
    assert out.startswith("Cách dùng: kehoach check")
    assert "Tùy chọn:" in out and "Hiện hướng dẫn này rồi thoát." in out
    assert "Show this message" not in out and "Options:" not in out


@pytest.mark.parametrize("args,expected", [
    (["check", "--bogus"], "Lỗi: Không có tùy chọn --bogus."),
    (["nosuchcommand"], "Lỗi: Không có lệnh 'nosuchcommand'."),
    (["deadline"], "Lỗi: Thiếu đối số"),
])
def test_usage_errors_are_in_vietnamese(root, args, expected):
    proc = kehoach(*args, cwd=root)
    assert proc.returncode == 2
    assert proc.stderr.startswith(expected)
