"""The plan lock under fire: never two live holders, whatever is killed when.

The stress test is the one that found the old lock unsafe: 12 worker processes take the lock
on one file over and over while the test kills one of them with SIGKILL every few
milliseconds (~150 kills a second) and starts another. Each worker, once inside, leaves a
marker named by its pid and looks for the marker of another *live* process (a killed one that
has not been reaped yet is a zombie and holds nothing: the system freed its lock as it died).
The old lock — a file's existence, broken when stale by renaming it aside — let two live
processes in 4–12 times in 20 s; both methods here must let in none, and keep making progress.

Linux only (fork, signals, /proc for zombies). The full 20-second run is marked slow
(``KEHOACH_SKIP_SLOW=1`` skips it); a 3-second run of each method always runs.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest
from lockstress import KILLS_PER_SECOND

from kehoach.fs.lock import FileLock, LockError, lock_path_for
from kehoach.fs.lockfiles import FORGET_AFTER, GenerationLock

if not sys.platform.startswith("linux"):
    pytest.skip("Linux only: fork, SIGKILL and /proc", allow_module_level=True)

# Figures quoted in docs/guarantees.md: keep them in step.
FULL_SECONDS = 20.0
SHORT_SECONDS = 3.0
STRESS_SEED = 20240612


def stress(tmp_path: Path, method: str, seconds: float) -> dict:
    """One run of ``lockstress.py`` in its own light process: kills, acquisitions, doubles."""
    import json
    import subprocess

    helper = Path(__file__).with_name("lockstress.py")
    done = subprocess.run([sys.executable, str(helper), str(tmp_path), method, str(seconds),
                           str(STRESS_SEED)], capture_output=True, text=True,
                          timeout=seconds + 120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _check(tmp_path: Path, method: str, seconds: float) -> None:
    result = stress(tmp_path, method, seconds)
    kills, taken, doubles = result["kills"], result["taken"], result["doubles"]
    print(f"\n{method}: {kills} kills in {seconds:.0f} s, lock taken {taken} times, "
          f"double holds {len(doubles)}")
    assert doubles == [], doubles[:5]
    assert kills >= seconds * KILLS_PER_SECOND * 0.3  # the pace holds even on a busy machine
    # Progress: the lock never wedges (at least once a second, however busy the machine:
    # the workers are niced under 150 forks a second, and CI machines are shared).
    assert taken >= seconds, (taken, kills)


@pytest.mark.parametrize("method", ["os", "files"])
def test_no_two_live_holders_short(tmp_path, method):
    _check(tmp_path, method, SHORT_SECONDS)


@pytest.mark.slow
@pytest.mark.skipif(bool(os.environ.get("KEHOACH_SKIP_SLOW")), reason="KEHOACH_SKIP_SLOW")
@pytest.mark.parametrize("method", ["os", "files"])
def test_no_two_live_holders_under_3000_kills(tmp_path, method):
    _check(tmp_path, method, FULL_SECONDS)


# --- the system's lock ---------------------------------------------------------------------


def test_a_lock_file_left_by_a_killed_holder_is_taken_at_once(tmp_path):
    target = tmp_path / "a.yaml"
    target.write_text("x", encoding="utf-8")
    pid = os.fork()
    if pid == 0:  # take the lock, then die without releasing it
        FileLock(target).acquire()
        os.kill(os.getpid(), signal.SIGKILL)
    os.waitpid(pid, 0)
    assert lock_path_for(target).exists()  # the file stays; the lock died with its owner
    started = time.monotonic()
    with FileLock(target, timeout=5):
        pass
    assert time.monotonic() - started < 1
    assert not lock_path_for(target).exists()


def test_a_held_lock_times_out_with_a_clear_message(tmp_path):
    target = tmp_path / "a.yaml"
    target.write_text("x", encoding="utf-8")
    with FileLock(target), pytest.raises(LockError) as info:
        FileLock(target, timeout=0.2).acquire()
    assert "đang được một lệnh kehoach khác sửa; hãy thử lại sau" in info.value.message_vi


@pytest.mark.parametrize("planted", ["symlink", "fifo", "folder"])
def test_a_planted_lock_file_is_never_followed(tmp_path, planted):
    """A committed ``.a.yaml.lock -> ~/.bashrc`` is neither opened through nor deleted."""
    target = tmp_path / "a.yaml"
    target.write_text("x", encoding="utf-8")
    victim = tmp_path / "victim"
    victim.write_text("keep", encoding="utf-8")
    lock = lock_path_for(target)
    if planted == "symlink":
        lock.symlink_to(victim)
    elif planted == "fifo":
        os.mkfifo(lock)
    else:
        lock.mkdir()
    with pytest.raises(LockError) as info:
        FileLock(target, timeout=0.5).acquire()
    assert "không tạo được tệp khóa" in info.value.message_vi
    assert victim.read_text(encoding="utf-8") == "keep"
    assert lock.is_symlink() or lock.exists()


# --- the lock files (fallback) ---------------------------------------------------------------


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_lock_files_are_numbered_and_old_ones_forgotten(tmp_path):
    target = tmp_path / "a.yaml"
    for n in range(3):
        with FileLock(target, method="files"):
            assert (tmp_path / f".a.yaml.lock.{n}").exists()
            assert not (tmp_path / f".a.yaml.lock.{n}.free").exists()
    assert _names(tmp_path) == [f".a.yaml.lock.{n}{free}" for n in range(3)
                                for free in ("", ".free")]
    old = time.time() - FORGET_AFTER - 1
    for path in tmp_path.iterdir():
        os.utime(path, (old, old))
    with FileLock(target, method="files"):  # number 3: 0 and 1 are old enough to go
        pass
    assert _names(tmp_path) == [".a.yaml.lock.2", ".a.yaml.lock.2.free", ".a.yaml.lock.3",
                                ".a.yaml.lock.3.free"]


def test_lock_files_of_a_dead_owner_are_taken_and_a_live_one_waited_for(tmp_path):
    target = tmp_path / "a.yaml"
    pid = os.fork()
    if pid == 0:
        FileLock(target, method="files").acquire()
        os._exit(0)  # dies holding number 0
    os.waitpid(pid, 0)
    with FileLock(target, method="files", timeout=2):
        assert (tmp_path / ".a.yaml.lock.1").exists()
        with pytest.raises(LockError) as info:
            FileLock(target, method="files", timeout=0.2).acquire()
    assert ".a.yaml.lock.*" in info.value.message_vi


@pytest.mark.parametrize("forgotten", [False, True])
def test_a_slow_claimer_behind_a_higher_number_holds_nothing(tmp_path, forgotten):
    """A process that looked when 0 was the highest number, and creates 1 only after 1 and 2
    were made (and, worse, after 1 was forgotten), does not get the lock."""
    holder = GenerationLock(lock_path_for(tmp_path / "a.yaml"))
    for _ in range(3):
        assert holder.try_acquire()
        if holder.number < 2:
            holder.release()
    if forgotten:
        (tmp_path / ".a.yaml.lock.1").unlink()
        (tmp_path / ".a.yaml.lock.1.free").unlink()
    slow = GenerationLock(lock_path_for(tmp_path / "a.yaml"))
    slow.top = lambda: 0  # type: ignore[method-assign]  # what it saw long ago
    assert slow.try_acquire() is False
    assert slow.number is None and holder.number == 2
