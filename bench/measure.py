"""One timed run of a command: wall time, CPU of its whole process tree, peak memory summed
over that tree (workers included).

``python -m bench.measure CMD ARGS...`` prints one JSON line: ``wall_s``, ``cpu_s`` (user +
system of the command and every child it waited for, from ``getrusage(RUSAGE_CHILDREN)``),
``peak_rss_kb`` (the largest sum of the resident sizes of the command and its descendants,
sampled every 20 ms: with worker processes the largest single process says little),
``peak_pss_kb`` (the same sum of *proportional* sizes, Linux's ``Pss``: a page that forked
workers share with their parent counts once, split among them, where the RSS sum counts it
in each process — the memory the tree really takes) and ``code``. The tree is read from
``/proc`` on Linux, through psutil where it is installed elsewhere (RSS only); without
either, the peak is the largest single process (``ru_maxrss``).
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

INTERVAL = 0.02
PROC = Path("/proc")
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024 if hasattr(os, "sysconf") else 4


def _children_proc(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in (PROC / str(pid) / "task").iterdir():
            found += [int(c) for c in (task / "children").read_text().split()]
    except OSError:
        pass
    return found


def _rss_proc(pid: int) -> int:
    try:
        return int((PROC / str(pid) / "statm").read_text().split()[1]) * PAGE_KB
    except (OSError, IndexError, ValueError):
        return 0


def _pss_proc(pid: int) -> int:
    try:
        for line in (PROC / str(pid) / "smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, IndexError, ValueError):
        pass
    return 0


def _tree(pid: int) -> list[int]:
    found, stack = [], [pid]
    while stack:
        p = stack.pop()
        found.append(p)
        stack += _children_proc(p)
    return found


def tree_pss_kb(pid: int) -> int:
    """The proportional size of ``pid`` and its descendants, in KiB (0 when unknown)."""
    if not (PROC / "self" / "smaps_rollup").exists():
        return 0
    return sum(_pss_proc(p) for p in _tree(pid))


def tree_rss_kb(pid: int) -> int:
    """The resident size of ``pid`` and all its descendants, in KiB (0 when unknown)."""
    if (PROC / "self" / "statm").exists():
        return sum(_rss_proc(p) for p in _tree(pid))
    try:
        import psutil  # type: ignore[import-untyped]
    except ImportError:
        return 0
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        with contextlib.suppress(psutil.Error):  # it ended meanwhile
            total += p.memory_info().rss // 1024
    return total


def run(argv: list[str]) -> dict[str, float | int]:
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak, pss = [0], [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss_kb(proc.pid))
            pss[0] = max(pss[0], tree_pss_kb(proc.pid))
            done.wait(INTERVAL)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if peak[0] == 0:  # no tree reading here: the largest single process
        peak[0] = after.ru_maxrss
    if proc.returncode not in (0, 1, 2):
        sys.stderr.write(err.decode("utf-8", "replace")[-2000:])
    return {"wall_s": wall, "cpu_s": cpu, "peak_rss_kb": peak[0],
            "peak_pss_kb": pss[0] or peak[0], "code": proc.returncode}


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1:])))
