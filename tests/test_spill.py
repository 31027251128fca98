"""Sorting past the memory budget: runs on disk merged back give what ``sorted`` gives."""

from __future__ import annotations

import datetime as dt
import os
import random

import pytest

from kehoach.tracking import spill
from kehoach.tracking.spill import SortedRows


def _items(n: int, seed: int) -> list[tuple[str, tuple[object, ...]]]:
    rng = random.Random(seed)
    return [(f"plans/{rng.randrange(50)}.yaml",
             (rng.randrange(10), f"nv-{i}", None if i % 7 == 0 else rng.randrange(5),
              ("d", i) if i % 3 else None, "Sở Nội vụ " * (i % 4)))
            for i in range(n)]


def _key(item: tuple[str, tuple[object, ...]]) -> tuple[object, ...]:
    t = item[1]
    return (t[0], item[0], -1 if t[2] is None else t[2])  # equal keys: many (stability)


@pytest.mark.parametrize(("n", "run_rows", "chunk_rows", "batches"), [
    (0, 10, 3, 1),
    (9, 10, 3, 1),       # below the budget: in memory, nothing on disk
    (10, 10, 3, 1),      # exactly one full run, no batch left
    (11, 10, 3, 1),
    (1000, 64, 7, 1),    # many runs, chunks not dividing runs
    (1000, 64, 64, 13),  # added in several batches
    (5000, 1000, 1024, 3),
])
def test_runs_merged_equal_a_stable_sort(n, run_rows, chunk_rows, batches):
    items = _items(n, seed=n)
    rows = SortedRows(_key, run_rows=run_rows, chunk_rows=chunk_rows)
    step = max(1, n // batches)
    for start in range(0, n, step):
        rows.add(items[start:start + step])
    expected = sorted(items, key=_key)  # sorted() is stable: the order of equal keys
    assert len(rows) == n
    assert rows.spilled_runs == n // run_rows
    assert list(rows) == expected
    assert list(rows) == expected  # read again: the runs stay until closed


def test_runs_are_removed_on_close_and_when_collected():
    rows = SortedRows(_key, run_rows=5)
    rows.add(_items(23, seed=1))
    folder = os.path.dirname(rows._runs[0])
    assert len(os.listdir(folder)) == 4
    merge = iter(rows)
    next(merge)  # a merge left unfinished (a closed pipe) keeps no file open
    rows.close()
    assert not os.path.exists(folder)
    assert len(rows) == 3 and len(list(rows)) == 3  # what was in memory

    again = SortedRows(_key, run_rows=5)
    again.add(_items(12, seed=2))
    folder = os.path.dirname(again._runs[0])
    del again
    assert not os.path.exists(folder)


def test_an_answer_past_the_budget_is_the_answer_held_in_memory(tmp_path, monkeypatch):
    """``ask`` on a corpus whose answer spills (a run of 50 rows): the same rows, in the same
    order, and the same records, as with everything in memory."""
    from bench.realcorpus import write_real_corpus
    from kehoach.tracking.filters import Filters
    from kehoach.tracking.queries import ask

    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(tmp_path / "cache"))
    root = write_real_corpus(tmp_path / "repo", 3, seed=4)
    monkeypatch.chdir(root)
    day, every = dt.date(2024, 6, 30), Filters(role="tat-ca")
    for kind in ("tasks", "overdue", "upcoming"):
        _, held = ask(kind, [root / "plans"], day, every, 400)
        monkeypatch.setattr(spill, "RUN_ROWS", 50)
        _, spilled = ask(kind, [root / "plans"], day, every, 400)  # warm: hits stream first
        monkeypatch.undo()
        monkeypatch.setenv("KEHOACH_CACHE_DIR", str(tmp_path / "cache"))
        assert spilled._picked.spilled_runs == len(held) // 50 > 0, kind
        assert list(spilled) == list(held)
        assert list(spilled.records()) == list(held.records())
