"""Help pages and usage errors read in Vietnamese: metavars, suggestions, option names."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from kehoach.cli.typer_adapter import usage_error_vi

COMMANDS = ["check", "schema", "deadline", "overdue", "tasks", "upcoming", "summary", "render",
            "fmt", "diff", "done", "undone", "extend", "unextend", "git-setup", "new", "explain"]

# click's and typer's English placeholders and phrases; none may reach an official.
ENGLISH = re.compile(r"\[OPTIONS\]|COMMAND|\[ARGS\]|<(?:str|int|path|int range|list\[[^\]]*\])>"
                     r"|\b(?:TEXT|PATH|INTEGER)\b|Usage|Options:|Arguments:|required|default:"
                     r"|\bx[<>]=|\{[a-z_]+\}")


def kehoach(*args: str, cwd: object = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kehoach", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        cwd=cwd,
        timeout=60,
    )


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_pages_have_no_english_placeholders(command, tmp_path):
    proc = kehoach(*([command] if command else []), "--help", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"Cách dùng: kehoach {command}".rstrip() + " [TUỲ CHỌN]")
    assert not ENGLISH.search(proc.stdout), ENGLISH.search(proc.stdout)


@pytest.mark.parametrize("command,usage", [
    ("", "kehoach [TUỲ CHỌN] LỆNH [ĐỐI SỐ]..."),
    ("check", "kehoach check [TUỲ CHỌN] [ĐƯỜNG_DẪN]..."),
    ("deadline", "kehoach deadline [TUỲ CHỌN] THỜI_HẠN"),
    ("diff", "kehoach diff [TUỲ CHỌN] PHIÊN_BẢN..."),
    ("done", "kehoach done [TUỲ CHỌN] MÃ_NHIỆM_VỤ"),
    ("extend", "kehoach extend [TUỲ CHỌN] MÃ_NHIỆM_VỤ THỜI_HẠN_MỚI"),
    ("new", "kehoach new [TUỲ CHỌN] LOẠI_VĂN_BẢN"),
    ("schema", "kehoach schema [TUỲ CHỌN]"),
    ("explain", "kehoach explain [TUỲ CHỌN] [MÃ]"),
])
def test_usage_lines(command, usage, tmp_path):
    out = kehoach(*([command] if command else []), "--help", cwd=tmp_path).stdout
    assert out.splitlines()[0] == f"Cách dùng: {usage}"


@pytest.mark.parametrize("command,row", [
    ("check", "  ĐƯỜNG_DẪN...  Tệp hoặc thư mục"),
    ("done", "  MÃ_NHIỆM_VỤ  Mã nhiệm vụ (id).  [bắt buộc]"),
    ("done", "  -d, --date NGÀY "),
    ("done", "  -p, --plan TỆP "),
    ("tasks", "  -a, --agency CƠ_QUAN "),
    ("tasks", "  -s, --status TÌNH_TRẠNG "),
    ("upcoming", "  -w, --within SỐ_NGÀY "),
    ("deadline", "  --as-of NGÀY "),
    ("extend", "  --by VĂN_BẢN "),
    ("new", "  -i, --issuer CƠ_QUAN "),
    ("render", "  -t, --template MẪU "),
    ("check", "  -f, --format <rich|plain|json|github>"),
])
def test_help_rows_use_vietnamese_metavars(command, row, tmp_path):
    assert row in kehoach(command, "--help", cwd=tmp_path).stdout


def test_number_ranges_are_in_words(tmp_path):
    out = " ".join(kehoach("upcoming", "--help", cwd=tmp_path).stdout.split())
    assert "[mặc định: 30; tối thiểu 0]" in out


@pytest.mark.parametrize("args,expected", [
    (["dne"], "Lỗi: Không có lệnh 'dne'. Có phải: done, undone, new?\nXem: kehoach --help\n"),
    (["xyz"], "Lỗi: Không có lệnh 'xyz'.\nXem: kehoach --help\n"),
    (["new", "ke_hoach"], "Lỗi: Thiếu tùy chọn --issuer / -i.\nXem: kehoach new --help\n"),
    (["new"], "Lỗi: Thiếu đối số LOẠI_VĂN_BẢN.\nXem: kehoach new --help\n"),
    (["done"], "Lỗi: Thiếu đối số MÃ_NHIỆM_VỤ.\nXem: kehoach done --help\n"),
    (["undone"], "Lỗi: Thiếu đối số MÃ_NHIỆM_VỤ.\nXem: kehoach undone --help\n"),
    (["extend", "t1"], "Lỗi: Thiếu đối số THỜI_HẠN_MỚI.\nXem: kehoach extend --help\n"),
    (["extend", "t1", "quý III/2023"], "Lỗi: Thiếu tùy chọn --by.\nXem: kehoach extend --help\n"),
    (["deadline"], "Lỗi: Thiếu đối số THỜI_HẠN.\nXem: kehoach deadline --help\n"),
    (["diff"], "Lỗi: Thiếu đối số PHIÊN_BẢN.\nXem: kehoach diff --help\n"),
    (["render"], "Lỗi: Thiếu đối số ĐƯỜNG_DẪN.\nXem: kehoach render --help\n"),
    (["upcoming", "--within", "abc"],
     "Lỗi: Giá trị không hợp lệ cho --within / -w: phải là số nguyên.\n"
     "Xem: kehoach upcoming --help\n"),
    (["upcoming", "-w", "-3"],
     "Lỗi: Giá trị không hợp lệ cho --within / -w: phải lớn hơn hoặc bằng 0.\n"
     "Xem: kehoach upcoming --help\n"),
    (["overdue", "--role", "x"],
     "Lỗi: Giá trị không hợp lệ cho --role: “x” không phải vai trò: chọn chu-tri (chủ trì), "
     "phoi-hop (phối hợp) hoặc tat-ca (cả hai).\nXem: kehoach overdue --help\n"),
    (["check", "-f", "xx"],
     "Lỗi: Giá trị không hợp lệ cho --format / -f: 'xx' không thuộc các giá trị: rich, plain, "
     "json, github.\nXem: kehoach check --help\n"),
    (["check", "--formt"],
     "Lỗi: Không có tùy chọn --formt. Có phải: --format?\nXem: kehoach check --help\n"),
    (["check", "--format"],
     "Lỗi: Tùy chọn --format cần một giá trị.\nXem: kehoach check --help\n"),
    (["check", "--strict=1"],
     "Lỗi: Tùy chọn --strict không nhận giá trị.\nXem: kehoach check --help\n"),
    (["deadline", "a", "b", "c"], "Lỗi: Thừa đối số: b c.\nXem: kehoach deadline --help\n"),
    (["git-setup", "x"], "Lỗi: Thừa đối số: x.\nXem: kehoach git-setup --help\n"),
])
def test_usage_errors(args, expected, tmp_path):
    proc = kehoach(*args, cwd=tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (2, "", expected)


@pytest.mark.parametrize("english,vietnamese", [
    ("No such command 'dne'. Did you mean 'done', 'new'?",
     "Không có lệnh 'dne'. Có phải: done, new?"),
    ("No such option: --formt (Possible options: --format, --force)",
     "Không có tùy chọn --formt. Có phải: --format, --force?"),
    ("Missing option '--issuer' / '-i'.", "Thiếu tùy chọn --issuer / -i."),
    ("Missing argument 'MÃ_NHIỆM_VỤ'.", "Thiếu đối số MÃ_NHIỆM_VỤ."),
    ("Missing option '--role'. Choose from:\n\tchu-tri,\n\tany",
     "Thiếu tùy chọn --role. Chọn một trong: chu-tri, any."),
    ("Invalid value for '-f': Value error, 'x' is not one of 'a', 'b'.",
     "Giá trị không hợp lệ cho -f: 'x' không thuộc các giá trị: a, b."),
    ("Invalid value for '--n': Input should be less than or equal to 9",
     "Giá trị không hợp lệ cho --n: phải nhỏ hơn hoặc bằng 9."),
    ("Option '-o' requires 2 arguments.", "Tùy chọn -o cần 2 giá trị."),
    ("Got unexpected extra arguments (a b)", "Thừa đối số: a b."),
    ("Missing command.", "Thiếu lệnh."),
    ("Something typer has not said before", "Something typer has not said before"),
])
def test_usage_error_vi(english, vietnamese):
    assert usage_error_vi(english) == vietnamese


def test_shell_completion_is_offered_in_vietnamese(tmp_path):
    proc = kehoach("--help", cwd=tmp_path)
    assert "--install-completion  Cài gợi ý lệnh" in proc.stdout
    assert "shell" not in proc.stdout


@pytest.mark.parametrize(("words", "cword", "expected"), [
    ("kehoach ov", "1", "overdue"),
    ("kehoach overdue --ag", "2", "--agency"),
    ("kehoach git-", "1", "git-setup"),
])
def test_shell_completion_completes_commands_and_options(tmp_path, words, cword, expected):
    proc = subprocess.run(
        [sys.executable, "-m", "kehoach"], capture_output=True, text=True, encoding="utf-8",
        env={**os.environ, "_KEHOACH_COMPLETE": "complete_bash", "COMP_WORDS": words,
             "COMP_CWORD": cword}, cwd=tmp_path, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == [expected]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish", "powershell"])
def test_shell_completion_scripts_exist_for_each_shell(tmp_path, shell):
    proc = kehoach("--show-completion", shell, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "_KEHOACH_COMPLETE" in proc.stdout
