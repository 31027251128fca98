"""Reading a cloned repository: regular files only, at most the limit, never out of it.

One function opens every file kehoach reads (``kehoach.fs.reader.read_bytes``). A plan that is
a FIFO or a symlink to ``/dev/zero`` once hung every command or ate all memory; a symlink to a
file outside the repository was read as a plan. Here each such file goes through every command
that reads plans — ``check`` (the file, its folder, and another plan, which makes the task-id
index read it), ``render``, ``fmt``, ``done`` (named, and found by the index), ``overdue``,
``diff`` and ``diff --textconv``, ``new`` (which reads the registry) — and each must answer at
once (``ANSWER_WITHIN`` seconds), with a clear message and exit 1 or 2, never a traceback.
POSIX only (FIFOs, /dev/zero, symlinks).
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from forkrun import ForkServer, make_repo, plan_text

from kehoach.fs.reader import MAX_BYTES, ReadError, read_bytes, real_inside

if sys.platform == "win32":
    pytest.skip("POSIX only: FIFOs, /dev/zero and symlinks", allow_module_level=True)

ANSWER_WITHIN = 30  # seconds; a FIFO used to hang for ever
MEMORY_LIMIT = 1024 * 1024 * 1024  # as test_hostile.py: /dev/zero used to take it all


@pytest.fixture(scope="module")
def server():
    with ForkServer() as fs:
        yield fs


def plant(root: Path, kind: str, name: str = "plans/x.yaml") -> Path:
    """A hostile file at ``name``; returns its path."""
    path = root / name
    path.unlink(missing_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "device":  # /dev/zero's twin inside the repository
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 5))
    elif kind == "outside":  # a valid plan — but not this repository's
        elsewhere = root.parent / f"elsewhere-{root.name}.yaml"
        elsewhere.write_text(plan_text().replace("id: t1", "id: t9"), encoding="utf-8")
        path.symlink_to(elsewhere)
    elif kind == "loop":
        path.symlink_to(path.name)
    return path


NOT_A_FILE = ("(not-a-file)", "không phải tệp thông thường")
OUTSIDE = ("(outside-repository)", "trỏ ra ngoài kho kế hoạch")
KINDS = {  # kind -> what the output must say (one of: a diagnostic's code, or its words)
    "fifo": NOT_A_FILE,
    "dev-zero": OUTSIDE,  # a link out of the repository (to a device)
    "device": NOT_A_FILE,
    "outside": OUTSIDE,
    "loop": ("lặp vòng",),  # a path named on the command line: a usage error (exit 2)
}
CAN_MKNOD = hasattr(os, "geteuid") and os.geteuid() == 0

# command -> (argv, exit codes allowed, whether the output must name the problem); a file
# named on the command line that cannot even be looked at (a symlink loop) is a usage error.
COMMANDS = {
    "check file": (["check", "plans/x.yaml"], {1, 2}, True),
    "check folder": (["check", "plans"], {1}, True),
    "check another plan (task-id index)": (["check", "plans/a.yaml"], {0}, False),
    "render": (["render", "plans/x.yaml", "-o", "out.docx"], {1, 2}, True),
    "fmt": (["fmt", "plans/x.yaml"], {1, 2}, True),
    "done --plan": (["done", "t1", "--plan", "plans/x.yaml", "--date", "2024-03-20"], {1, 2},
                    True),
    "done by id (task-id index)": (["done", "t1", "--date", "2024-03-20"], {0}, False),
    "overdue": (["overdue", "--as-of", "2024-04-30"], {1}, True),
    "diff": (["diff", "plans/x.yaml", "plans/a.yaml"], {2}, False),
    "diff --textconv": (["diff", "--textconv", "plans/x.yaml"], {2}, False),
}


def assert_answered(run, codes: set[int]) -> None:
    assert not run.timed_out and run.signal is None, run
    assert run.code in codes, run.output
    assert "Traceback" not in run.output and "Lỗi nội bộ" not in run.output, run.output
    assert "MemoryError" not in run.output


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_answers_at_once(server, tmp_path, kind, command):
    if kind == "device" and not CAN_MKNOD:
        pytest.skip("making a device node needs root")
    root = make_repo(tmp_path / "repo")
    plant(root, kind)
    argv, codes, names_it = COMMANDS[command]
    run = server.run(argv, cwd=root, timeout=ANSWER_WITHIN, rlimits={"AS": MEMORY_LIMIT})
    assert_answered(run, codes)
    if names_it:
        assert any(said in run.output for said in KINDS[kind]), run.output
        assert "Tệp rỗng" not in run.output
    if command.startswith("diff"):
        assert "Không đọc được tệp" in run.output
    assert not (root / "out.docx").exists()
    if kind == "outside":  # never edited, never read as this repository's plan
        assert "t9" not in run.stdout
        assert (tmp_path / "repo" / ".." / "elsewhere-repo.yaml").read_text(
            encoding="utf-8") == plan_text().replace("id: t1", "id: t9")


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "outside"])
def test_a_hostile_registry_is_answered_at_once(server, tmp_path, kind):
    root = make_repo(tmp_path / "repo")
    plant(root, kind, "plans/co-quan.yaml")
    for argv, codes in ((["check"], {1}), (["new", "ke_hoach", "-i", "ls.ubnd"], {0, 2}),
                        (["overdue", "--as-of", "2024-04-30"], {1})):
        run = server.run(argv, cwd=root, timeout=ANSWER_WITHIN, rlimits={"AS": MEMORY_LIMIT})
        assert_answered(run, codes)


def test_a_sparse_file_of_2_gib_costs_only_the_limit(server, tmp_path):
    """Read at most the limit plus one byte: a file claiming 2 GiB is refused under 1 GiB of
    address space, with its size in the message."""
    root = make_repo(tmp_path / "repo")
    with open(root / "plans" / "x.yaml", "wb") as handle:
        handle.truncate(2 * 1024 ** 3)
    run = server.run(["check", "plans/x.yaml"], cwd=root, timeout=ANSWER_WITHIN,
                     rlimits={"AS": MEMORY_LIMIT})
    assert_answered(run, {1})
    assert "Tệp quá lớn (2,147,483,648 byte)" in run.output and "(file-too-large)" in run.output


@pytest.mark.parametrize("argv", [["check", "/dev/zero"], ["fmt", "/dev/stdin"],
                                  ["render", "/dev/zero"], ["diff", "--textconv", "/dev/zero"]])
def test_special_files_named_outside_any_repository_are_refused(server, tmp_path, argv):
    run = server.run(argv, cwd=tmp_path, timeout=ANSWER_WITHIN, rlimits={"AS": MEMORY_LIMIT})
    assert_answered(run, {1, 2})
    assert "không phải tệp thông thường" in run.output, run.output


def test_render_of_a_folder_named_like_a_plan_is_an_error(server, tmp_path):
    root = make_repo(tmp_path / "repo")
    (root / "x.yaml").mkdir()
    run = server.run(["render", "x.yaml"], cwd=root, timeout=ANSWER_WITHIN)
    assert_answered(run, {1})
    assert "không có tệp kế hoạch (.yaml) nào" in run.stderr


# --- the reader itself ---------------------------------------------------------------------


def test_reads_at_most_the_limit_plus_one(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_bytes(b"x" * 11)
    assert read_bytes(path, limit=11) == b"x" * 11
    with pytest.raises(ReadError) as info:
        read_bytes(path, limit=10)
    assert info.value.code == "file-too-large" and "11 byte" in str(info.value)
    assert MAX_BYTES == 10 * 1024 * 1024


def test_a_file_that_grows_past_the_limit_while_read_is_refused(tmp_path):
    """``/proc`` files say they have no size: the limit holds on what is read, not claimed."""
    with pytest.raises(ReadError) as info:
        read_bytes("/proc/self/maps", limit=16, confine=False)
    assert "hơn 16 byte" in str(info.value)


@pytest.mark.parametrize(("layout", "allowed"), [
    ("link to a plan in the same repository", True),
    ("link to a file outside", False),
    ("link to a folder outside, file inside it", False),
    ("link to another repository's plans folder", False),
    ("link, then .. out of the repository", False),
    ("the repository itself reached through a link", True),
])
def test_symlinks_are_followed_only_inside_their_repository(tmp_path, layout, allowed):
    outside = tmp_path / "outside"
    (outside / "plans").mkdir(parents=True)
    (outside / "kehoach.toml").write_text("", encoding="utf-8")
    (outside / "plans" / "b.yaml").write_text("b: 1\n", encoding="utf-8")
    (outside / "secret.yaml").write_text("secret: 1\n", encoding="utf-8")
    root = tmp_path / "repo"
    (root / "plans" / "sub").mkdir(parents=True)
    (root / "plans" / "real.yaml").write_text("a: 1\n", encoding="utf-8")
    plans = root / "plans"
    if layout == "link to a plan in the same repository":
        (plans / "x.yaml").symlink_to("real.yaml")
        path = plans / "x.yaml"
    elif layout == "link to a file outside":
        (plans / "x.yaml").symlink_to(outside / "secret.yaml")
        path = plans / "x.yaml"
    elif layout == "link to a folder outside, file inside it":
        (plans / "link").symlink_to(outside)
        path = plans / "link" / "secret.yaml"
    elif layout == "link to another repository's plans folder":
        (plans / "link").symlink_to(outside)  # looks like a repository of its own
        path = plans / "link" / "plans" / "b.yaml"
    elif layout == "link, then .. out of the repository":
        (plans / "sub" / "deep").symlink_to(outside / "plans")
        path = Path(f"{plans}/sub/deep/../secret.yaml")
    else:
        (tmp_path / "alias").symlink_to(root)
        path = tmp_path / "alias" / "plans" / "real.yaml"
    if allowed:
        assert read_bytes(path) in (b"a: 1\n",)
        assert real_inside(path) == (root / "plans" / "real.yaml").resolve()
    else:
        with pytest.raises(ReadError) as info:
            read_bytes(path)
        assert info.value.code == "outside-repository"
        with pytest.raises(ReadError):
            real_inside(path)


def test_a_path_outside_any_repository_is_read_where_it_points(tmp_path):
    """git's temporary copy for textconv, a file the user names: no repository to confine."""
    (tmp_path / "real.yaml").write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "link.yaml").symlink_to(tmp_path / "real.yaml")
    assert read_bytes(tmp_path / "link.yaml") == b"a: 1\n"
