"""The lock stress run, as its own small process (a helper of ``test_fs_lock.py``, no tests).

``python tests/lockstress.py FOLDER METHOD SECONDS SEED [MODULE_FILE]`` prints one JSON line:
``{"kills": …, "taken": …, "doubles": […]}``. It runs apart from pytest because forking a
process that has pytest, hypothesis and kehoach's heavy parts loaded costs milliseconds, and
the run needs ~150 forks a second. ``MODULE_FILE`` measures another lock module with the same
``FileLock`` interface (the old one, to see the run catch its double holds).

Workers take the lock over and over; inside, each leaves a marker named by its pid and looks
for the marker of another *live* process. A killed holder that is not yet reaped is a zombie
and holds nothing (the system freed its lock as it died), so zombies do not count.
"""

from __future__ import annotations

import importlib.util
import json
import os
import random
import signal
import sys
import time
from pathlib import Path

WORKERS = 12
KILLS_PER_SECOND = 150


_PF_EXITING = 0x4


def _dead(pid: int) -> bool:
    """Gone, a zombie, or already exiting (its lock released, its marker not yet removed)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            fields = handle.read().rsplit(b")", 1)[1].split()
    except (OSError, IndexError):
        return True
    return fields[0] in (b"Z", b"X") or bool(int(fields[6]) & _PF_EXITING)


def _worker(lock_cls, target: Path, held: Path, log: Path, count: Path, method: str) -> None:
    rng = random.Random(os.getpid())
    me = held / str(os.getpid())
    extra = {"method": method} if method != "old" else {}
    while True:
        try:
            with lock_cls(target, timeout=120, stale_after=60, poll=0.002, **extra):
                me.touch()
                for _ in range(2):
                    live = [int(p.name) for p in held.iterdir()
                            if p.name != me.name and not _dead(int(p.name))]
                    if live:
                        with open(log, "a") as handle:
                            handle.write(f"{os.getpid()} {live}\n")
                    time.sleep(rng.uniform(0, 0.002))
                me.unlink()
                with open(count, "ab") as handle:
                    handle.write(b".")
        except TimeoutError:
            continue


def _spawn(*args: object) -> int:
    pid = os.fork()
    if pid == 0:
        try:
            os.nice(10)  # the killer must keep its pace on a 2-core machine
            _worker(*args)  # type: ignore[arg-type]
        finally:
            os._exit(0)
    return pid


def run(folder: Path, method: str, seconds: float, seed: str, lock_cls) -> dict[str, object]:
    target = folder / "a.yaml"
    target.write_text("x\n", encoding="utf-8")
    held, log, count = folder / "held", folder / "double.log", folder / "count"
    held.mkdir()
    log.touch()
    count.touch()
    args = (lock_cls, target, held, log, count, method)
    extra = {"method": method} if method != "old" else {}
    with lock_cls(target, **extra):  # imports done here once, not in every forked worker
        pass
    workers = [_spawn(*args) for _ in range(WORKERS)]
    rng = random.Random(f"{seed}-{method}")
    kills, dying = 0, []
    start = due = time.monotonic()
    try:
        while time.monotonic() < start + seconds:
            due += rng.expovariate(KILLS_PER_SECOND)  # kills on a schedule, not after a pause
            time.sleep(max(0.0, due - time.monotonic()))
            i = rng.randrange(len(workers))
            os.kill(workers[i], signal.SIGKILL)
            dying.append(workers[i])
            kills += 1
            workers[i] = _spawn(*args)
            dying = [pid for pid in dying if not _reap(pid, held, block=False)]
    finally:
        for pid in workers:
            os.kill(pid, signal.SIGKILL)
        for pid in dying + workers:
            _reap(pid, held, block=True)
    return {"kills": kills, "taken": count.stat().st_size,
            "doubles": log.read_text().splitlines()}


def _reap(pid: int, held: Path, block: bool) -> bool:
    """Collect a killed worker; its marker goes once it is gone (before that, ``_dead``)."""
    done, _ = os.waitpid(pid, 0 if block else os.WNOHANG)
    if done:
        (held / str(pid)).unlink(missing_ok=True)
    return bool(done)


def _lock_class(module_file: str | None):
    if module_file is None:
        from kehoach.fs.lock import FileLock

        return FileLock
    spec = importlib.util.spec_from_file_location("lock_under_test", module_file)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.FileLock


if __name__ == "__main__":
    folder, method, seconds, seed = sys.argv[1:5]
    lock_cls = _lock_class(sys.argv[5] if len(sys.argv) > 5 else None)
    print(json.dumps(run(Path(folder), method, float(seconds), seed, lock_cls)))
