"""Per-file work spread over the machine's cores (a plans repository has thousands of files).

Workers are separate processes (the GIL would serialise YAML conversion and validation);
they return slim documents — diagnostics without node trees — to keep pickling cheap.
Small jobs run in-process: starting workers costs more than it saves below a few megabytes.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from kehoach.load.document import Document

T = TypeVar("T")
PARALLEL_MIN_BYTES = 4 * 1024 * 1024
"""Below this much YAML in total, the files are processed in the calling process."""

_shared: Any = None


def _init(shared: Any) -> None:
    global _shared
    _shared = shared


def _call(job: tuple[Callable[..., tuple[Document, T]], Path, str]) -> tuple[Document, T]:
    fn, path, display = job
    doc, extra = fn(path, display, _shared)
    doc.root = doc.data = doc.plan = doc.registry = None  # slim for the trip back
    return doc, extra


def default_jobs() -> int:
    env = os.environ.get("KEHOACH_JOBS")
    if env and env.isdigit() and int(env) > 0:
        return int(env)
    return os.cpu_count() or 1


def _total_size(items: list[tuple[Path, str]]) -> int:
    total = 0
    for path, _ in items:
        with contextlib.suppress(OSError):
            total += path.stat().st_size
    return total


def run_files(
    fn: Callable[[Path, str, Any], tuple[Document, T]],
    items: list[tuple[Path, str]],
    shared: Any,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    min_bytes: int | None = None,
) -> Iterator[tuple[Document, T]]:
    """``fn(path, display, shared)`` for every file, in order; in parallel when it pays:
    above ``min_bytes`` of files in all (default ``PARALLEL_MIN_BYTES``; 0 when the work per
    file dwarfs reading it, as rendering does).

    ``progress(done, total)`` is called after each file.
    """
    jobs = jobs or default_jobs()
    total = len(items)
    threshold = PARALLEL_MIN_BYTES if min_bytes is None else min_bytes
    if jobs <= 1 or total < 2 or (threshold and _total_size(items) < threshold):
        results: Iterator[tuple[Document, T]] = (fn(p, d, shared) for p, d in items)
        yield from _counted(results, total, progress)
        return
    from concurrent.futures import ProcessPoolExecutor  # only when it pays: 10 ms to import

    chunk = max(1, total // (jobs * 8))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init, initargs=(shared,)) as pool:
        mapped = pool.map(_call, [(fn, p, d) for p, d in items], chunksize=chunk)
        yield from _counted(mapped, total, progress)


def _counted(results: Iterator[T], total: int,
             progress: Callable[[int, int], None] | None) -> Iterator[T]:
    for done, result in enumerate(results, 1):
        yield result
        if progress is not None:
            progress(done, total)
