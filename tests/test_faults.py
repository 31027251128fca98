"""No data lost on faults: `render`, `fmt` and `done` killed mid-way, disks full or read-only.

Each command writes through ``kehoach.fs.atomic`` (a temporary file in the target's folder,
flushed, then ``os.replace``). The tests run the real command line in separate processes
(forked from a warm server, ``tests/forkrun.py``) and:

- kill them with SIGKILL at seeded random moments over the whole run, and at the exact
  critical points (temporary file half written; fully written but not renamed; renamed but
  the process not finished): the target is then byte-identical to before or the complete
  new content, never partial; leftovers are only the command's own hidden temporary or lock
  files, which neither `check` mistakes for plans nor stop the next run;
- inject a full disk (ENOSPC on write, through ``/dev/full``, and on fsync), a file size
  limit (``RLIMIT_FSIZE``: EFBIG), a read-only folder (EROFS/EACCES on creating files) and a
  read-only target (EROFS/EACCES on the rename) — CI runs as root, which ignores file modes:
  exit 1, a Vietnamese message naming the file, the original intact, no traceback;
- run 4 `done` processes × 10 records on one file at once: all 40 records land, file valid.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import shutil
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from forkrun import ForkServer, Run, done_command, fmt_command, make_repo

from kehoach.edit.fmt import format_text
from kehoach.load.document import load_document
from tests.conftest import DATA

if not sys.platform.startswith("linux"):  # signals, rlimits, /dev/full, /proc/self/fd
    pytest.skip("Linux only", allow_module_level=True)

# Figures quoted in docs/guarantees.md: keep them in step.
KILL_RUNS = 30  # random SIGKILLs per command (render, fmt, done)
KILL_SEED = 20240305
PAUSE_POINTS = ("lock", "midwrite", "fsync", "replaced")
STRESS_PROCESSES, STRESS_RECORDS = 4, 10

RENDER = DATA / "render"
DAY = dt.date(2024, 3, 20)

@pytest.fixture(scope="module")
def server():
    with ForkServer() as fs:
        yield fs


def make_render_repo(root: Path) -> Path:
    (root / "plans").mkdir(parents=True)
    (root / "out").mkdir()
    (root / "kehoach.toml").write_text("", encoding="utf-8")
    for name in ("co-quan.yaml", "ke-hoach.yaml", "du-thao.yaml"):
        shutil.copy(RENDER / name, root / "plans" / name)
    return root


# --- the three commands, on the CLI or (until wired in) through the same library call --------


@dataclass
class Command:
    name: str
    target: str  # relative to the repository root
    argv: list[str] | None = None
    code: str | None = None


def render_cmd() -> Command:
    return Command("render", "out/ke-hoach.docx",
                   argv=["render", "plans/ke-hoach.yaml", "-o", "out/ke-hoach.docx", "--force"])


def fmt_cmd() -> Command:
    return Command("fmt", "plans/a.yaml", *fmt_command("plans/a.yaml"))


def done_cmd(task: str = "t1", day: dt.date = DAY) -> Command:
    return Command("done", "plans/a.yaml", *done_command("plans/a.yaml", task, day.isoformat()))


def run(server: ForkServer, cmd: Command, root: Path, **kwargs) -> Run:
    return server.run(cmd.argv, code=cmd.code, cwd=root, **kwargs)


def assert_no_crash(result: Run) -> None:
    assert "Traceback" not in result.output, result.output
    assert "Lỗi nội bộ" not in result.output, result.output


# --- (a) SIGKILL at random points and at the critical ones ---------------------------------


def docx_parts(raw: bytes) -> dict[str, bytes] | None:
    """The parts of a .docx (zip timestamps differ between renders), or None if not a zip."""
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            return {n: z.read(n) for n in z.namelist()}
    except (zipfile.BadZipFile, OSError, EOFError):
        return None


@dataclass
class KillCase:
    cmd: Command
    root: Path
    original: bytes
    expected: bytes
    outcomes: dict[str, int] = field(default_factory=dict)

    @property
    def path(self) -> Path:
        return self.root / self.cmd.target

    def state(self) -> str:
        """"old" or "new" — anything else (partial, missing, corrupt) fails the test."""
        raw = self.path.read_bytes()
        if raw == self.original:
            return "old"
        if raw == self.expected:
            return "new"
        if self.cmd.name == "render" and docx_parts(raw) == docx_parts(self.expected):
            return "new"
        return f"partial ({len(raw)} bytes)"

    def leftovers(self) -> list[str]:
        """Files the runs left beside the target: only its hidden temp and lock files."""
        folder, name = self.path.parent, self.path.name
        allowed = re.compile(rf"^\.{re.escape(name)}\.(?:[a-z0-9_]+\.tmp|lock(?:\.stale-\w+)?)$")
        extra = sorted(p.name for p in folder.iterdir() if p.name.startswith("."))
        bad = [n for n in extra if not allowed.match(n) and not n.startswith("..pause")]
        assert not bad, f"unexpected files left: {bad}"
        return [n for n in extra if allowed.match(n)]


def kill_case(server: ForkServer, tmp_path: Path, which: str) -> KillCase:
    if which == "render":
        root = make_render_repo(tmp_path)
        cmd = render_cmd()
        old = server.run(["render", "plans/du-thao.yaml", "-o", cmd.target], cwd=root)
        assert old.code == 0, old.output
    else:
        root = make_repo(tmp_path)
        cmd = fmt_cmd() if which == "fmt" else done_cmd()
    path = root / cmd.target
    original = path.read_bytes()
    reference = run(server, cmd, root)  # an undisturbed run gives the complete new content
    assert reference.code == 0, reference.output
    expected = path.read_bytes()
    assert expected != original
    if which == "fmt":
        assert expected.decode("utf-8") == format_text(original.decode("utf-8"))
    path.write_bytes(original)
    return KillCase(cmd, root, original, expected)


def check_folder_is_clean(server: ForkServer, case: KillCase) -> None:
    """Leftovers are never taken for plans, and the next run completes normally."""
    check = server.run(["check", "--format", "json", "plans"], cwd=case.root)
    assert check.code == 0, check.output
    assert not [d for d in json.loads(check.stdout) if d["severity"] == "error"]
    assert ".tmp" not in check.stdout and ".lock" not in check.stdout
    case.path.write_bytes(case.original)
    again = run(server, case.cmd, case.root, timeout=60)
    assert again.code == 0, again.output
    assert case.state() == "new"


@pytest.mark.parametrize("which", ["render", "fmt", "done"])
def test_sigkill_at_random_moments_never_leaves_a_partial_file(server, tmp_path, which):
    case = kill_case(server, tmp_path, which)
    probe = run(server, case.cmd, case.root)  # how long a whole run takes, warm
    case.path.write_bytes(case.original)
    rng = random.Random(f"{KILL_SEED}-{which}")
    span = 1.25 * probe.elapsed  # kills spread over the whole run, and a little after it
    for i in range(KILL_RUNS):
        delay = rng.uniform(0, span)
        result = run(server, case.cmd, case.root, kill_after=delay)
        state = case.state()
        assert state in ("old", "new"), f"run {i}, killed after {delay:.3f} s: {state}"
        if result.signal is None:  # finished before the kill
            assert result.code == 0, result.output
            assert state == "new"
        key = f"{'killed' if result.signal else 'finished'}-{state}"
        case.outcomes[key] = case.outcomes.get(key, 0) + 1
        case.leftovers()
        case.path.write_bytes(case.original)
    print(f"\n{which}: whole run {probe.elapsed * 1000:.0f} ms; kills over 0–{span * 1000:.0f} ms:"
          f" {case.outcomes}; leftovers {case.leftovers()}")
    check_folder_is_clean(server, case)


@pytest.mark.parametrize("point", PAUSE_POINTS)
@pytest.mark.parametrize("which", ["render", "fmt", "done"])
def test_sigkill_at_the_critical_points(server, tmp_path, which, point):
    if point == "lock" and which == "render":
        pytest.skip("render takes no lock: its output is not a plan")
    case = kill_case(server, tmp_path, which)
    result = run(server, case.cmd, case.root, pause_at=point, pause_target=case.path.name,
                 timeout=60)
    assert result.paused and result.signal == 9, result
    assert case.state() == ("new" if point == "replaced" else "old")
    left = case.leftovers()
    if point in ("midwrite", "fsync"):  # the temporary file is there, complete or half written
        assert any(n.endswith(".tmp") for n in left), left
    if point == "lock":  # killed between creating the lock file and writing its owner in it
        assert (case.path.parent / f".{case.path.name}.lock").read_bytes() == b""
    check_folder_is_clean(server, case)


# --- (b), (c) full disk, size limit, read-only folder or target ----------------------------

FAULT = """\
import errno, os, sys, tempfile
FOLDER = {folder!r}
KIND = {kind!r}


def inside(path):
    return os.path.abspath(str(path)).startswith(FOLDER)


def fail(code, path):
    cls = PermissionError if code == errno.EACCES else OSError
    raise cls(code, os.strerror(code), str(path))


real_mkstemp, real_replace, real_fsync, real_open = tempfile.mkstemp, os.replace, os.fsync, os.open


def mkstemp(*args, dir=None, **kwargs):
    if KIND in ("erofs-create", "eacces-create") and dir is not None and inside(dir):
        fail(errno.EROFS if KIND == "erofs-create" else errno.EACCES, dir)
    fd, name = real_mkstemp(*args, dir=dir, **kwargs)
    if KIND == "enospc-write" and inside(name):
        full = real_open("/dev/full", os.O_WRONLY)
        os.dup2(full, fd)
        os.close(full)
    return fd, name


def open_(path, flags, *args, **kwargs):
    if KIND in ("erofs-create", "eacces-create") and flags & os.O_CREAT and inside(path):
        fail(errno.EROFS if KIND == "erofs-create" else errno.EACCES, path)
    return real_open(path, flags, *args, **kwargs)


def replace(src, dst, *args, **kwargs):
    if KIND in ("erofs-replace", "eacces-replace") and inside(dst):
        fail(errno.EROFS if KIND == "erofs-replace" else errno.EACCES, dst)
    return real_replace(src, dst, *args, **kwargs)


def fsync(fd):
    if KIND == "enospc-fsync" and inside(os.readlink(f"/proc/self/fd/{{fd}}")):
        fail(errno.ENOSPC, fd)
    return real_fsync(fd)


tempfile.mkstemp, os.open, os.replace, os.fsync = mkstemp, open_, replace, fsync
"""

RUN_CLI = "import sys, kehoach.cli\nsys.argv = ['kehoach', *{argv!r}]\nkehoach.cli.main()\n"

# fault -> what the message must say (besides naming the file)
FAULTS = {
    "enospc-write": "ổ đĩa đã đầy",
    "enospc-fsync": "ổ đĩa đã đầy",
    "efbig": "giới hạn kích thước",
    "erofs-create": "chỉ cho đọc",
    "eacces-create": "không có quyền ghi",
    "erofs-replace": "chỉ cho đọc",
    "eacces-replace": "",  # render: "đang mở (có thể trong Word)"; fmt/done: permission
}


@pytest.mark.parametrize("kind", list(FAULTS))
@pytest.mark.parametrize("which", ["render", "fmt", "done"])
def test_full_disk_or_read_only_is_a_clear_error(server, tmp_path, which, kind):
    if which == "render":
        root = make_render_repo(tmp_path)
        cmd = render_cmd()
        (root / cmd.target).write_bytes(b"PK old document")
    else:
        root = make_repo(tmp_path)
        cmd = fmt_cmd() if which == "fmt" else done_cmd()
    path = root / cmd.target
    folder = str(path.parent.resolve())
    original = path.read_bytes()
    body = cmd.code if cmd.code is not None else RUN_CLI.format(argv=cmd.argv)
    rlimits = {}
    if kind == "efbig":  # the plan is ~600 bytes, the .docx ~40 KB: both exceed the limit
        rlimits = {"FSIZE": 300 if which != "render" else 8192}
        code = body
    else:
        code = FAULT.format(folder=folder, kind=kind) + body
    result = server.run(code=code, cwd=root, rlimits=rlimits)
    assert_no_crash(result)
    assert result.code == 1, result.output
    assert path.name in result.stderr, result.output
    assert FAULTS[kind] in result.stderr, result.output
    assert path.read_bytes() == original
    stray = [p.name for p in path.parent.iterdir() if p.name.startswith(f".{path.name}.")]
    assert stray == [], stray


# --- concurrency: 4 processes x 10 records on one file ---------------------------------------


STRESS = """\
import datetime, sys, time
from pathlib import Path
from kehoach.edit.records import record_done
while time.time() < {start!r}:  # all four start together
    time.sleep(0.001)
for n in {tasks!r}:
    record_done(Path("plans/a.yaml"), f"t{{n}}", date=datetime.date(2024, 3, 20))
"""


def test_concurrent_done_processes_lose_no_record(tmp_path):
    import subprocess
    import time

    tasks = STRESS_PROCESSES * STRESS_RECORDS
    root = make_repo(tmp_path, tasks=tasks)
    start = time.time() + 1.5  # after the imports
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", STRESS.format(start=start, tasks=list(
                range(p + 1, tasks + 1, STRESS_PROCESSES)))],
            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for p in range(STRESS_PROCESSES)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=240)
        assert proc.returncode == 0, err
    doc = load_document(root / "plans" / "a.yaml")
    assert doc.plan is not None and not [d for d in doc.diagnostics if d.is_error]
    from kehoach.plan.walk import iter_tasks

    recorded = {ref.task.id: ref.task.hoan_thanh for ref in iter_tasks(doc.plan)}
    assert len(recorded) == tasks
    assert all(len(done) == 1 and done[0].ngay_hoan_thanh == DAY for done in recorded.values())
    assert sorted(p.name for p in (root / "plans").iterdir()) == ["a.yaml", "co-quan.yaml"]
