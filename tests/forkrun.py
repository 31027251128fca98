"""Run the kehoach CLI in many short-lived processes, cheaply: a fork server.

Starting ``python -m kehoach`` costs about half a second, nearly all of it imports. The
fuzz and fault tests need hundreds of runs, so one server process imports kehoach once
(python-docx, Jinja and ruamel.yaml included) and forks a fresh child per run. The child is a
real, separate process running ``kehoach.cli.main()`` with its own argv, working folder,
environment, stdin (/dev/null), stdout/stderr (files), resource limits and exit code — the
same code path as ``python -m kehoach`` minus the interpreter start. It can be killed with
SIGKILL after a delay, or paused at a chosen point of the atomic write and killed there.

Also here: how to run ``fmt`` and ``done`` (the CLI once it has them, else the same library
call) and a small plans repository. Used by ``test_fuzz_cli.py``, ``test_faults.py``,
``test_hostile_cli.py`` and ``test_encodings_edit.py`` (a helper module: no tests here).
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SERVER = r'''
import json, os, signal, sys, tempfile, time, traceback

reply = os.fdopen(os.dup(1), "w", encoding="utf-8")
null = os.open(os.devnull, os.O_RDWR)
os.dup2(null, 1)  # stray prints must never reach the protocol pipe

import kehoach.cli, kehoach.check.checker, kehoach.edit.fmt, kehoach.edit.records  # noqa
import kehoach.fs.atomic  # noqa
import kehoach.render, kehoach.render.compose, kehoach.render.templating  # noqa
import kehoach.render.docx_build, kehoach.deadline, kehoach.yamltext.emit  # noqa
import docx, jinja2, ruamel.yaml  # noqa

work = tempfile.mkdtemp(prefix="kehoach-forkrun-")


def hooks(req):
    """Pause (write a marker, then sleep until killed) at one point of the atomic write."""
    point, target, marker = req["pause_at"], req["pause_target"], req["marker"]
    real_fsync, real_replace, real_open = os.fsync, os.replace, os.open

    def pause():
        with open(marker, "w") as handle:
            handle.write(point)
        time.sleep(60)

    def ours(fd):
        try:
            name = os.path.basename(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:
            return False
        return name.startswith("." + target + ".") and name.endswith(".tmp")

    def fsync(fd):
        real_fsync(fd)
        if point in ("fsync", "midwrite") and ours(fd):
            if point == "midwrite":  # as if the process died halfway through writing
                os.ftruncate(fd, os.fstat(fd).st_size // 2)
            pause()

    def replace(src, dst, *a, **k):
        real_replace(src, dst, *a, **k)
        if point == "replaced" and os.path.basename(str(dst)) == target:
            pause()

    def open_(path, flags, *a, **k):
        fd = real_open(path, flags, *a, **k)
        if point == "lock" and flags & os.O_CREAT and os.path.basename(str(path)) == (
                "." + target + ".lock"):
            pause()  # the lock file exists (empty), not yet locked
        return fd

    os.fsync, os.replace, os.open = fsync, replace, open_


def child(req, out, err):
    code = 70
    try:
        os.chdir(req["cwd"])
        os.dup2(null, 0)
        os.dup2(out, 1)
        os.dup2(err, 2)
        os.environ.update(req.get("env") or {})
        import resource
        for name, value in (req.get("rlimits") or {}).items():
            resource.setrlimit(getattr(resource, "RLIMIT_" + name), (value, value))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        if req.get("pause_at"):
            hooks(req)
        if req.get("code") is not None:
            sys.argv = ["kehoach-lib"]
            exec(compile(req["code"], "<lib>", "exec"), {"__name__": "__lib__"})
            code = 0
        else:
            sys.argv = ["kehoach", *req["argv"]]
            kehoach.cli.main()
            code = 0
    except SystemExit as exc:
        if exc.code is None:
            code = 0
        elif isinstance(exc.code, int):
            code = exc.code
        else:
            print(exc.code, file=sys.stderr)
            code = 1
    except BaseException:
        traceback.print_exc()
        code = 70
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:
            pass
    os._exit(code)


for line in sys.stdin:
    req = json.loads(line)
    out_path = os.path.join(work, "out")
    err_path = os.path.join(work, "err")
    out = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    err = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    marker = req.get("marker")
    if marker and os.path.exists(marker):
        os.unlink(marker)
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        child(req, out, err)
    os.close(out)
    os.close(err)
    kill_at = req.get("kill_after")
    limit = start + req.get("timeout", 120)
    status, killed, timed_out, paused, usage = None, False, False, False, None
    while status is None:
        done, st, ru = os.wait4(pid, os.WNOHANG)
        if done:
            status, usage = st, ru
            break
        now = time.monotonic()
        if not killed and marker and os.path.exists(marker):
            paused = True
            os.kill(pid, signal.SIGKILL)
            killed = True
        elif not killed and kill_at is not None and now - start >= kill_at:
            os.kill(pid, signal.SIGKILL)
            killed = True
        elif not killed and now >= limit:
            os.kill(pid, signal.SIGKILL)
            killed = timed_out = True
        time.sleep(0.0005)
    elapsed = time.monotonic() - start
    with open(out_path, encoding="utf-8", errors="replace") as h:
        stdout = h.read()
    with open(err_path, encoding="utf-8", errors="replace") as h:
        stderr = h.read()
    reply.write(json.dumps({
        "code": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
        "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
        "stdout": stdout, "stderr": stderr, "elapsed": elapsed,
        "timed_out": timed_out, "paused": paused,
        # the child's own CPU time and peak resident memory (KiB on Linux), from wait4
        "cpu": usage.ru_utime + usage.ru_stime, "maxrss_kib": usage.ru_maxrss,
    }) + "\n")
    reply.flush()
'''


# --- a small plans repository shared by these tests ------------------------------------------

PLAN = """\
# Kế hoạch thử: các mục sắp xếp lộn xộn để fmt có việc làm
trich_yeu: Tổ chức Tháng thanh niên năm 2024
loai: ke_hoach
co_quan_ban_hanh: [ls.ubnd]
so_ky_hieu: 12/KH-UBND
dia_danh: Lạng Sơn
ngay_ban_hanh: 2024-03-05
phan:
  - so: I.
    noi_dung: NỘI DUNG
    muc:
{items}
noi_nhan:
  - "- Lưu: VT."
chu_ky:
  - quyen_han: TM. ỦY BAN NHÂN DÂN
    chuc_vu: CHỦ TỊCH
    nguoi_ky: Nguyễn Văn A
"""
ITEM = """\
      - so: "{n}."
        noi_dung: Nhiệm vụ số {n} hoàn thành trước ngày 30/3/2024.
        nhiem_vu:
          - id: t{n}
            chu_tri: ls.snv
            thoi_han: trước ngày 30/3/2024
"""


def plan_text(tasks: int = 1) -> str:
    return PLAN.format(items="".join(ITEM.format(n=n) for n in range(1, tasks + 1)))


def make_repo(root: Path, tasks: int = 1) -> Path:
    """A repository of one plan (``tasks`` tasks) and its registry, for the fault tests."""
    (root / "plans").mkdir(parents=True)
    (root / "kehoach.toml").write_text("", encoding="utf-8")
    (root / "plans" / "co-quan.yaml").write_text(REGISTRY, encoding="utf-8")
    (root / "plans" / "a.yaml").write_text(plan_text(tasks), encoding="utf-8")
    return root


REGISTRY = """\
co_quan:
  - id: ls.ubnd
    ten: Ủy ban nhân dân tỉnh Lạng Sơn
    ten_in: ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN
    viet_tat: UBND
  - id: ls.snv
    ten: Sở Nội vụ tỉnh Lạng Sơn
    ten_khac: [Sở Nội vụ]
    cap_tren: ls.ubnd
"""


@dataclass
class Run:
    code: int | None  # exit code; None when killed by a signal
    signal: int | None
    stdout: str
    stderr: str
    elapsed: float
    timed_out: bool
    paused: bool
    cpu: float = 0.0  # user + system seconds of the child alone
    maxrss_kib: int = 0  # the child's peak resident memory (it starts from the server's)

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


class ForkServer:
    """``with ForkServer() as fs: fs.run(["check", "plans/"], cwd=root)``."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen[str] | None = None

    def __enter__(self) -> ForkServer:
        if not hasattr(os, "fork"):
            import pytest

            pytest.skip("the fork server needs os.fork (POSIX)")
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        self.proc = subprocess.Popen(
            [sys.executable, "-c", SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            text=True, encoding="utf-8", env=env, cwd=Path(__file__).resolve().parent.parent,
        )
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.proc is not None
        self.proc.stdin.close()  # type: ignore[union-attr]
        self.proc.wait(timeout=30)
        self.proc.stdout.close()  # type: ignore[union-attr]

    def run(self, argv: list[str] | None = None, *, cwd: Path, code: str | None = None,
            env: dict[str, str] | None = None, kill_after: float | None = None,
            pause_at: str | None = None, pause_target: str | None = None,
            rlimits: dict[str, int] | None = None, timeout: float = 120) -> Run:
        assert self.proc is not None and self.proc.stdin and self.proc.stdout
        request: dict[str, Any] = {
            "argv": argv or [], "code": code, "cwd": str(cwd), "env": env or {},
            "kill_after": kill_after, "rlimits": rlimits or {}, "timeout": timeout,
        }
        if pause_at:
            request.update(pause_at=pause_at, pause_target=pause_target,
                           marker=str(Path(cwd) / f"..pause-{os.getpid()}"))
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("the fork server died")
        return Run(**json.loads(line))


@functools.cache
def has_command(name: str) -> bool:
    """Whether the CLI has this command yet (fmt/done land while these tests are written)."""
    return _click_command(name) is not None


def _click_command(name: str):  # type: ignore[no-untyped-def]
    import typer.main

    from kehoach.cli import app

    group = typer.main.get_command(app)
    return getattr(group, "commands", {}).get(name)


# The commands that write a plan, as (argv, None) for the CLI or, until the CLI has them,
# (None, code) running the same library call with the CLI's conventions: Vietnamese messages
# on stderr, exit 0 on success and 1 on a refusal.


def fmt_command(plan: str, check_only: bool = False) -> tuple[list[str] | None, str | None]:
    if has_command("fmt"):
        return ["fmt", *(["--check"] if check_only else []), plan], None
    return None, (
        "import sys\nfrom pathlib import Path\nfrom kehoach.diagnostics import formats as report\n"
        "from kehoach.edit.fmt import format_file\n"
        f"r = format_file(Path({plan!r}), check_only={check_only})\n"
        "sys.stderr.write(report.plain(r.diagnostics))\n"
        f"sys.exit(1 if not r.ok or ({check_only} and r.changed) else 0)\n")


def done_command(plan: str, task: str, day: str,
                 cli: bool = True) -> tuple[list[str] | None, str | None]:
    """``cli=False``: always the library call on this very file (the CLI finds the plan by
    the task id, which a hostile file cannot give)."""
    argv = _cli_done(plan, task, day) if cli else None
    if argv is not None:
        return argv, None
    return None, (
        "import sys, datetime\nfrom pathlib import Path\n"
        "from kehoach.diagnostics import formats as report\n"
        "from kehoach.edit.records import EditError, record_done\n"
        "try:\n"
        f"    r = record_done(Path({plan!r}), {task!r}, "
        f"date=datetime.date.fromisoformat({day!r}))\n"
        "except EditError as exc:\n"
        "    print('Lỗi: ' + exc.message_vi, file=sys.stderr)\n"
        "    sys.stderr.write(report.plain(exc.diagnostics))\n"
        "    sys.exit(1)\n"
        "print(r.message)\n")


def _cli_done(plan: str, task: str, day: str) -> list[str] | None:
    """`kehoach done` as the CLI spells it, when its arguments are recognised."""
    cmd = _click_command("done")
    if cmd is None:
        return None
    argv = ["done"]
    for param in cmd.params:
        name = (param.name or "").lower()
        if param.param_type_name == "argument":
            if any(k in name for k in ("plan", "path", "file", "tep", "ke_hoach")):
                argv.append(plan)
            elif any(k in name for k in ("task", "id", "nhiem_vu")):
                argv.append(task)
            elif param.required:
                return None
    dates = [o for p in cmd.params if p.param_type_name == "option" for o in p.opts
             if o.startswith("--") and any(k in o for k in ("ngay", "date"))]
    return [*argv, dates[0], day] if dates and task in argv else None
