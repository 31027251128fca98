"""What the warm queries keep beside the rows, and how they read them: the summary's grid per
plan (cached under its own name), the cache probed in the calling process before any worker
starts, answers written straight from the cache data. A warm answer equals a cold one on every
day and after every kind of change."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from trackingrepo import tracking_repo

from kehoach.fs import parallel
from kehoach.tracking import tables
from kehoach.tracking.filters import Filters
from kehoach.tracking.loading import load
from kehoach.tracking.queries import ask
from kehoach.tracking.summary import summarize, summary

DAYS = [dt.date(2021, 12, 31) + dt.timedelta(days=n) for n in range(0, 5 * 365, 47)]


@pytest.fixture
def repo(tmp_path, monkeypatch):
    root = tracking_repo(tmp_path / "repo", seed=5)
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(tmp_path / "cache"))
    return root


def grid(root: Path, day: dt.date, agency: str | None = None) -> list[object]:
    return summarize([root / "plans"], day, Filters(agency=agency))[1]


def cold_grid(root: Path, day: dt.date, monkeypatch: pytest.MonkeyPatch,
              agency: str | None = None) -> list[object]:
    with monkeypatch.context() as m:
        m.setenv("KEHOACH_NO_CACHE", "1")
        return grid(root, day, agency)


def grid_entries(root: Path) -> int:
    return len([p for p in (root.parent / "cache").glob("*/rows/*/*") if p.is_file()])


@pytest.mark.parametrize("agency", [None, "t.snv"])
def test_the_cached_grid_is_exact_on_every_day(repo, monkeypatch, agency):
    grid(repo, DAYS[0], agency)
    for day in DAYS[1:]:
        assert grid(repo, day, agency) == cold_grid(repo, day, monkeypatch, agency), day


def test_the_grid_equals_the_one_counted_from_decoded_rows(repo):
    for day in DAYS[::4]:
        loaded = load([repo / "plans"], day, cwd=repo)
        assert grid(repo, day) == summary(loaded.rows, loaded.registry, day), day
        assert grid(repo, day)  # twice: the second from the grid entries alone


def test_the_grid_is_kept_beside_the_rows(repo):
    plans = len([p for p in (repo / "plans").rglob("*.yaml") if p.name != "co-quan.yaml"])
    grid(repo, DAYS[5])
    assert grid_entries(repo) == 2 * plans  # the lead rows and their grid, for each plan


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CHANGES = {
    "a completion moved": lambda root: _edit(root / "plans" / "bao-cao-nam.yaml",
                                             "ngay_hoan_thanh: 2022-11-10",
                                             "ngay_hoan_thanh: 2022-11-25"),
    "a completion removed": lambda root: _edit(
        root / "plans" / "bao-cao-nam.yaml",
        "- {co_quan: t.stc, ky: 2023-11-15, ngay_hoan_thanh: 2023-11-15, minh_chung: "
        "Báo cáo số 41/BC-STC}\n", ""),
    "a succession moved": lambda root: _edit(root / "plans" / "00" / "co-quan.yaml",
                                             "den_ngay: 2025-02-28", "den_ngay: 2023-02-28"),
    "a body renamed": lambda root: _edit(root / "plans" / "00" / "co-quan.yaml",
                                         "ten: Sở Tài chính tỉnh Thử",
                                         "ten: Sở Tài chính tỉnh Thử (mới)"),
    "a plan deleted": lambda root: (root / "plans" / "du-thao.yaml").unlink(),
    "a plan added": lambda root: shutil.copy(root / "plans" / "bao-cao-nam.yaml",
                                             root / "plans" / "bao-cao-nam-2.yaml"),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_warm_grid_equals_a_cold_one_after_each_kind_of_change(repo, monkeypatch, change):
    day = dt.date(2024, 6, 30)
    before = grid(repo, day)
    CHANGES[change](repo)
    after = grid(repo, day)
    assert after == cold_grid(repo, day, monkeypatch)
    if change not in ("a plan added",):  # a copy under another task id… still the same ids
        assert after != before


@pytest.mark.parametrize(("kind", "day"), [("overdue", dt.date(2024, 6, 30)),
                                           ("tasks", dt.date(2024, 6, 30)),
                                           ("upcoming", dt.date(2022, 11, 1))])
def test_answers_written_from_cache_data_are_the_rows_records(repo, kind, day):
    filters = Filters(role="tat-ca")
    for _ in range(2):  # cold, then warm
        _, rows = ask(kind, [repo / "plans"], day, filters)
        assert len(rows) > 0
        assert list(rows.records()) == [tables.obligation_record(r) for r in rows]
        flat = "".join(tables.json_chunks(rows.records(), flat=True))
        assert flat == tables.to_json(tables.obligation_record(r) for r in rows)
        assert json.loads(flat) == json.loads(tables.to_json(rows.records()))


def test_hits_and_misses_come_back_in_the_files_order(repo, monkeypatch):
    """A warm run with one plan changed: the hits come from the calling process, the miss from
    the workers (forced here), merged in the files' order."""
    filters = Filters(role="tat-ca")
    day = dt.date(2024, 6, 30)
    ask("tasks", [repo / "plans"], day, filters)
    _edit(repo / "plans" / "bao-cao-nam.yaml", "ngay_hoan_thanh: 2022-11-10",
          "ngay_hoan_thanh: 2022-11-12")
    other = min((repo / "plans").rglob("*-*0000.yaml"))
    other.write_bytes(other.read_bytes() + b"# changed\n")  # two misses: the workers start
    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)
    calls: list[tuple[int, int]] = []
    loaded, warm = ask("tasks", [repo / "plans"], day, filters,
                       progress=lambda done, total: calls.append((done, total)))
    with monkeypatch.context() as m:
        m.setenv("KEHOACH_NO_CACHE", "1")
        cold_loaded, cold = ask("tasks", [repo / "plans"], day, filters)
    assert list(warm) == list(cold)
    assert (loaded.plans, loaded.drafts) == (cold_loaded.plans, cold_loaded.drafts)
    files = calls[-1][1]
    assert files >= loaded.plans > 2
    assert calls == [(n, files) for n in range(1, files + 1)]
