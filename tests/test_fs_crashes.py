"""Faults of the machine, not of the plan: each gives a Vietnamese sentence and exit 1 or 2.

These once ended in "Lỗi nội bộ" (exit 3): a real full disk while the lock was written (which
also left an empty ``.NAME.lock``), ``new -o`` on a full disk, stdout closed or ``/dev/full``,
``schema -o <folder>``, a 5,000-character path, a non-UTF-8 ``.gitattributes`` (the last two
``schema``/``git-setup`` cases are in ``test_fs_writing.py``).

A real full disk is a small tmpfs mounted inside ``unshare -m`` (a private mount namespace,
gone when the test ends); where that is not allowed (not root, no ``unshare``) those tests
are skipped with the reason.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from forkrun import ForkServer, make_repo

if sys.platform == "win32":
    pytest.skip("POSIX only: tmpfs, /dev/full, closed descriptors", allow_module_level=True)

LONG = "a/" * 2500  # 5,000 characters


@pytest.fixture(scope="module")
def server():
    with ForkServer() as fs:
        yield fs


def no_crash(output: str) -> None:
    assert "Traceback" not in output and "Lỗi nội bộ" not in output, output
    assert "Exception ignored" not in output, output


# --- a real full disk ----------------------------------------------------------------------

FULL_DISK = r'''
import json, os, subprocess, sys
mount, repo, argv, lib = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), sys.argv[4]
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", mount], check=True)
subprocess.run(["cp", "-a", repo + "/.", mount], check=True)
plan = open(os.path.join(mount, "plans", "a.yaml"), "rb").read()
fill = os.open(os.path.join(mount, "fill"), os.O_WRONLY | os.O_CREAT)
try:  # fill every block that is left
    while True:
        os.write(fill, b"\0" * 4096)
except OSError:
    os.close(fill)
cmd = [sys.executable, "-c", lib] if lib else [sys.executable, "-m", "kehoach", *argv]
done = subprocess.run(cmd, cwd=mount, capture_output=True, text=True, timeout=120)
print(json.dumps({"code": done.returncode, "stderr": done.stderr, "stdout": done.stdout,
                  "plans": sorted(os.listdir(os.path.join(mount, "plans"))),
                  "top": sorted(os.listdir(mount)),
                  "plan_kept": open(os.path.join(mount, "plans", "a.yaml"), "rb").read() == plan}))
'''


def _unshare_works() -> str | None:
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        return "unshare or mount is not installed"
    done = subprocess.run(["unshare", "-m", "true"], capture_output=True, check=False)
    if done.returncode != 0:
        return "unshare -m is not allowed here (a private mount namespace needs root)"
    return None


NO_UNSHARE = _unshare_works()


def on_full_disk(tmp_path: Path, argv: list[str], lib: str = "") -> dict:
    if NO_UNSHARE:
        pytest.skip(NO_UNSHARE)
    repo = make_repo(tmp_path / "repo")
    mount = tmp_path / "disk"
    mount.mkdir()
    env = {**os.environ, "KEHOACH_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(["unshare", "-m", sys.executable, "-c", FULL_DISK, str(mount),
                           str(repo), json.dumps(argv), lib], capture_output=True, text=True,
                          timeout=300, env=env, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


CLEAN_PLANS = ["a.yaml", "co-quan.yaml"]


@pytest.mark.parametrize("argv", [["done", "t1", "--date", "2024-03-20"], ["fmt", "plans/a.yaml"]])
def test_an_edit_on_a_full_disk_leaves_no_lock_and_the_plan_intact(tmp_path, argv):
    if argv[0] == "fmt":  # give fmt something to do
        argv = ["fmt", "plans/a.yaml"]
    result = on_full_disk(tmp_path, argv)
    no_crash(result["stderr"])
    assert result["code"] == 1 and "ổ đĩa đã đầy" in result["stderr"], result
    assert result["plans"] == CLEAN_PLANS  # no .a.yaml.lock, no temporary file
    assert result["plan_kept"]


def test_the_lock_files_on_a_full_disk_leave_nothing(tmp_path):
    lib = textwrap.dedent("""
        import sys
        from kehoach.fs.lock import FileLock, LockError
        try:
            FileLock("plans/a.yaml", method="files", timeout=1).acquire()
        except LockError as exc:
            print(exc.message_vi, file=sys.stderr)
            sys.exit(1)
    """)
    result = on_full_disk(tmp_path, [], lib)
    assert result["code"] == 1 and "ổ đĩa đã đầy" in result["stderr"], result
    assert result["plans"] == CLEAN_PLANS


@pytest.mark.parametrize("argv", [
    ["new", "ke_hoach", "-i", "ls.ubnd", "-o", "plans/moi.yaml"],
    ["schema", "-o", "schema.json"],
    ["render", "plans/a.yaml", "-o", "a.docx"],
])
def test_writing_a_new_file_on_a_full_disk_is_a_clear_error(tmp_path, argv):
    result = on_full_disk(tmp_path, argv)
    no_crash(result["stderr"])
    assert result["code"] == 1 and "ổ đĩa đã đầy" in result["stderr"], result
    assert result["plans"] == CLEAN_PLANS
    assert sorted(result["top"]) == ["fill", "kehoach.toml", "plans"]


# --- standard output closed, full, or gone ------------------------------------------------


def shell(root: Path, command: str) -> subprocess.CompletedProcess[str]:
    kehoach = f"{sys.executable} -m kehoach"
    return subprocess.run(["bash", "-c", command.replace("kehoach", kehoach)], cwd=root,
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize("argv", ["check", "tasks --as-of 2024-06-30", "schema",
                                  "done t1 --date 2024-03-20"])
def test_stdout_closed_is_a_usage_error_before_anything_is_done(tmp_path, argv):
    root = make_repo(tmp_path / "repo")
    before = (root / "plans" / "a.yaml").read_bytes()
    done = shell(root, f"kehoach {argv} >&-")
    no_crash(done.stderr)
    assert done.returncode == 2 and "Đầu ra chuẩn (stdout) đã bị đóng" in done.stderr
    assert (root / "plans" / "a.yaml").read_bytes() == before


@pytest.mark.parametrize("argv", ["check --format json", "tasks --as-of 2024-06-30", "schema",
                                  "summary --as-of 2024-06-30 -f json", "deadline 'quý III/2023'"])
def test_stdout_on_a_full_device_is_a_clear_error(tmp_path, argv):
    root = make_repo(tmp_path / "repo")
    done = shell(root, f"kehoach {argv} > /dev/full")
    no_crash(done.stderr)
    assert done.returncode == 1, done.stderr
    assert "Không in được kết quả ra đầu ra chuẩn (stdout): ổ đĩa đã đầy" in done.stderr


@pytest.mark.parametrize("command", [
    "kehoach schema | { exec 0<&-; sleep 2; }",
    "kehoach tasks --as-of 2024-06-30 --format csv | { exec 0<&-; sleep 2; }",
])
def test_a_reader_that_leaves_early_ends_it_quietly(tmp_path, command):
    root = make_repo(tmp_path / "repo")
    done = shell(root, command + "; echo ${PIPESTATUS[0]} >&2")
    no_crash(done.stderr)
    assert done.stderr.strip().endswith("1"), done.stderr
    assert "Lỗi" not in done.stderr and "Broken pipe" not in done.stderr


# --- a path of 5,000 characters ------------------------------------------------------------

LONG_ARGV = {
    "check": ["check", LONG], "fmt": ["fmt", LONG], "render": ["render", LONG],
    "render -o": ["render", "plans/a.yaml", "-o", LONG + "x.docx"],
    "overdue": ["overdue", LONG], "tasks": ["tasks", LONG], "summary": ["summary", LONG],
    "upcoming": ["upcoming", LONG], "done --plan": ["done", "t1", "--plan", LONG],
    "new -o": ["new", "ke_hoach", "-i", "ls.ubnd", "-o", LONG + "x.yaml"],
    "schema -o": ["schema", "-o", LONG + "x.json"], "diff": ["diff", LONG, LONG],
    "diff one": ["diff", LONG], "diff --textconv": ["diff", "--textconv", LONG],
}


@pytest.mark.parametrize("command", list(LONG_ARGV))
def test_a_path_of_5000_characters(server, tmp_path, command):
    root = make_repo(tmp_path / "repo")
    run = server.run(LONG_ARGV[command], cwd=root, timeout=60)
    assert not run.timed_out and run.signal is None, run
    no_crash(run.output)
    assert run.code in (1, 2), run.output
    assert run.stderr.startswith(("Lỗi: ", "a/a/")), run.stderr  # a sentence or a diagnostic
