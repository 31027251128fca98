"""Per-file work spread over the machine's cores (a plans repository has thousands of files).

Workers are separate processes (the GIL would serialise YAML conversion and validation);
they return slim documents — diagnostics without node trees — to keep pickling cheap.
Small jobs run in-process: starting workers costs more than it saves below a few megabytes.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from kehoach.load.document import Document, no_gc

T = TypeVar("T")
PARALLEL_MIN_BYTES = 4 * 1024 * 1024
"""Below this much YAML in total, the files are processed in the calling process."""

COLLECT_EVERY = 128
"""Files between two garbage collections while files are processed (see ``_collector_off``)."""

_shared: Any = None
_done = 0


_collect = True


def _init(shared: Any, collector_off: bool = True) -> None:
    global _shared, _collect
    _shared, _collect = shared, collector_off
    if collector_off:
        gc.disable()  # a worker that only loads files: see _collector_off
        # What the worker was forked with (modules, schemas, the registry) is never garbage:
        # out of the collector's sight, each collection looks at the files' leftovers only
        # (it looked at everything: 4% of a worker's time).
        gc.freeze()


def _call(job: tuple[Callable[..., tuple[Document, T]], Path, str]) -> tuple[Document, T]:
    global _done
    fn, path, display = job
    doc, extra = _slim(fn(path, display, _shared))  # slim for the trip back
    _done += 1
    if _collect and _done % COLLECT_EVERY == 0:
        gc.collect()
    return doc, extra


@contextlib.contextmanager
def _collector_off() -> Iterator[None]:
    """The cyclic collector off while files are processed, collecting every
    ``COLLECT_EVERY`` files only. A file's tree and rows are hundreds of thousands of acyclic
    objects freed by reference counting; with the collector on (as ``no_gc`` leaves it after
    each file) every file ended with a collection over all that the process holds: a tenth
    of a cold query's time."""
    with no_gc():  # the same pause as one file's, held over them all
        yield


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
    collector_off: bool = True,
    slim: bool = False,
) -> Iterator[tuple[Document, T]]:
    """``fn(path, display, shared)`` for every file, in order; in parallel when it pays:
    above ``min_bytes`` of files in all (default ``PARALLEL_MIN_BYTES``; 0 when the work per
    file dwarfs reading it, as rendering does). ``collector_off``: the cyclic garbage
    collector paused while files are processed (``_collector_off``); work that makes cyclic
    garbage (python-docx's documents) keeps it on.

    ``slim``: the documents come without their trees in this process too, as they come from
    the workers (``_slim``), for callers that keep only their findings.

    ``progress(done, total)`` is called after each file.
    """
    jobs = jobs or default_jobs()
    total = len(items)
    threshold = PARALLEL_MIN_BYTES if min_bytes is None else min_bytes
    if jobs <= 1 or total < 2 or (threshold and _total_size(items) < threshold):
        if not collector_off:
            yield from _counted((fn(p, d, shared) for p, d in items), total, progress)
            return
        with _collector_off():
            yield from _counted(_in_process(fn, items, shared, slim), total, progress)
        return
    from concurrent.futures import ProcessPoolExecutor  # only when it pays: 10 ms to import

    # Small chunks: the last one decides when the slowest worker ends (with 8 per worker,
    # one worker sat idle for half a chunk, a twentieth of a cold check, at the end).
    chunk = max(1, total // (jobs * 32))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init,
                             initargs=(shared, collector_off)) as pool:
        mapped = pool.map(_call, [(fn, p, d) for p, d in items], chunksize=chunk)
        yield from _counted(mapped, total, progress)


def _slim(result: tuple[Document, T]) -> tuple[Document, T]:
    """The document without its trees: what a worker sends back, and (``slim``) what the
    calling process keeps of each file — a one-process ``kehoach check`` of 1,000 plans that
    kept every tree peaked at 557 MB, against 126 MB over two workers. A report's narrative
    keeps its tree: the rules across narratives (two for one report) run after every file is
    read and place their findings by it."""
    doc = result[0]
    if doc.narrative is None:
        doc.root = doc.data = doc.plan = doc.registry = None
    return result


def _in_process(fn: Callable[[Path, str, Any], tuple[Document, T]], items: list[tuple[Path, str]],
                shared: Any, slim: bool) -> Iterator[tuple[Document, T]]:
    for n, (path, display) in enumerate(items, 1):
        yield _slim(fn(path, display, shared)) if slim else fn(path, display, shared)
        if n % COLLECT_EVERY == 0:
            gc.collect(1)  # the young: never the whole heap of what the caller keeps


def _counted(results: Iterator[T], total: int,
             progress: Callable[[int, int], None] | None) -> Iterator[T]:
    for done, result in enumerate(results, 1):
        yield result
        if progress is not None:
            progress(done, total)
