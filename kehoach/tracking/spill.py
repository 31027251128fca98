"""Sorting more rows than memory should hold: sorted runs spilled to temporary files, merged.

An all-agency question over 10,000 plans selects millions of rows; holding them all to sort
them made memory grow with the answer (1.4 million rows: 876 MB). ``SortedRows`` keeps at
most ``RUN_ROWS`` items in memory; each time that many have come, they are sorted and written
to a temporary file (a *run*: marshal chunks, compressed), and the answer is read back as a
k-way merge of the runs (``heapq.merge``), one chunk of each run in memory at a time. An
answer below the budget never touches the disk and is the sorted list itself.

Why by hand: the standard library has the merge but no external sort, and the libraries that
offer one on PyPI are small, unmaintained, or pull in a dataframe engine. Items are plain
tuples (``marshal`` writes them, fast and never ``pickle``); the temporary folder is removed
when the answer is closed or collected, on Windows too (files are closed after each chunk).
"""

from __future__ import annotations

import heapq
import marshal
import os
import shutil
import tempfile
import weakref
import zlib
from collections.abc import Callable, Iterable, Iterator
from typing import Any

RUN_ROWS = 65_536
"""Items held in memory before a sorted run is written (rows of an answer: ~50 MB)."""
CHUNK_ROWS = 256
"""Items per chunk of a run: what each run keeps in memory while the runs are merged (at
10,000 plans an all-agency answer of 14 million rows makes ~200 runs: ~40 MB of chunks)."""

Key = Callable[[Any], Any]


class SortedRows:
    """Items added in any order, read back sorted by ``key`` (stable across runs)."""

    def __init__(self, key: Key, run_rows: int | None = None, chunk_rows: int | None = None):
        self._key = key
        self._run_rows = run_rows or RUN_ROWS
        self._chunk_rows = chunk_rows or CHUNK_ROWS
        self._batch: list[Any] = []
        self._runs: list[str] = []
        self._folder: str | None = None
        self._remove: weakref.finalize[Any, Any] | None = None
        self._count = 0
        self._sorted = False

    def add(self, items: Iterable[Any]) -> None:
        """Add items; every ``run_rows`` of them held become a run on disk (one plan's rows
        may take the batch past the budget until they are spilled)."""
        self._sorted = False
        before = len(self._batch)
        self._batch.extend(items)
        self._count += len(self._batch) - before
        while len(self._batch) >= self._run_rows:
            self._spill()

    @property
    def spilled_runs(self) -> int:
        """How many runs went to disk (0: the answer is held in memory)."""
        return len(self._runs)

    def _spill(self) -> None:
        """The first ``run_rows`` items held, sorted, written as the next run."""
        run, self._batch = self._batch[:self._run_rows], self._batch[self._run_rows:]
        run.sort(key=self._key)
        if self._folder is None:
            # Removed when the answer goes (``weakref.finalize``: at exit too), or by close().
            self._folder = tempfile.mkdtemp(prefix="kehoach-rows-")
            self._remove = weakref.finalize(self, shutil.rmtree, self._folder, True)
        path = os.path.join(self._folder, f"{len(self._runs)}.run")
        size = self._chunk_rows
        with open(path, "wb") as f:
            for start in range(0, len(run), size):
                chunk = zlib.compress(marshal.dumps(run[start:start + size]), 1)
                f.write(len(chunk).to_bytes(4, "little"))
                f.write(chunk)
        self._runs.append(path)

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[Any]:
        if not self._sorted:
            self._batch.sort(key=self._key)
            self._sorted = True
        if not self._runs:
            return iter(self._batch)
        # The runs first, then the batch: ``heapq.merge`` keeps equal items in that order,
        # the order they were added in.
        return heapq.merge(*(_read_run(p) for p in self._runs), self._batch, key=self._key)

    def close(self) -> None:
        """Remove the runs on disk now (they are removed anyway when the object goes); the
        items they held are gone."""
        if self._remove is not None:
            self._remove()
            self._folder, self._remove = None, None
            self._runs, self._count = [], len(self._batch)


def _read_run(path: str) -> Iterator[Any]:
    """A run's items, a chunk at a time; the file is open only while a chunk is read, so
    that a merge left unfinished (a closed pipe) never keeps the folder from being removed."""
    offset = 0
    while True:
        with open(path, "rb") as f:
            f.seek(offset)
            head = f.read(4)
            if len(head) < 4:
                return
            size = int.from_bytes(head, "little")
            chunk = marshal.loads(zlib.decompress(f.read(size)))
        offset += 4 + size
        yield from chunk
