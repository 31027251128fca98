"""The row cache across days: a new day reuses what does not depend on it, exactly; a change of
content still misses; the folder stays within its bound."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from trackingrepo import tracking_repo

from kehoach.fs.cache import bound
from kehoach.tracking.filters import Filters
from kehoach.tracking.loading import load
from kehoach.tracking.obligations import OVERDUE

# Days around every kind of turn the fixture and the corpus write: completions, extensions
# granted, successions (the registry's den_ngay), the ends of periods.
DAYS = [dt.date(2021, 12, 31) + dt.timedelta(days=n) for n in range(0, 5 * 365, 23)]


@pytest.fixture
def repo(tmp_path, monkeypatch):
    root = tracking_repo(tmp_path / "repo", seed=3)
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(tmp_path / "cache"))
    return root


def entries(root: Path) -> list[Path]:
    return sorted(p for p in (root.parent / "cache").glob("*/rows/*/*") if p.is_file())


def cold(root: Path, day: dt.date, monkeypatch: pytest.MonkeyPatch, **kw: object) -> object:
    with monkeypatch.context() as m:
        m.setenv("KEHOACH_NO_CACHE", "1")
        return load([root / "plans"], day, cwd=root, **kw)  # type: ignore[arg-type]


def test_rows_cached_on_one_day_are_exact_on_every_other(repo, monkeypatch):
    load([repo / "plans"], DAYS[0], cwd=repo)
    for day in DAYS[1:]:
        warm = load([repo / "plans"], day, cwd=repo)
        assert warm.rows == cold(repo, day, monkeypatch).rows, day


def test_a_prefiltered_question_is_exact_across_days(repo, monkeypatch):
    where = Filters(role="tat-ca").with_status(OVERDUE).prefilter
    load([repo / "plans"], DAYS[3], cwd=repo, where=where)
    for day in DAYS[::5]:
        warm = load([repo / "plans"], day, cwd=repo, where=where)
        assert warm.rows == cold(repo, day, monkeypatch, where=where).rows, day


def test_a_new_day_reuses_the_entries(repo):
    plans = [p for p in (repo / "plans").rglob("*.yaml") if p.name != "co-quan.yaml"]
    load([repo / "plans"], dt.date(2024, 6, 30), cwd=repo)
    made = {p: p.stat().st_mtime_ns for p in entries(repo)}
    assert len(made) == len(plans)
    # The next day: nothing completed, extended or succeeded in between in the copies.
    load([repo / "plans"], dt.date(2024, 7, 1), cwd=repo)
    copies = [p for p, t in made.items() if p.stat().st_mtime_ns == t]
    assert set(entries(repo)) == set(made)
    assert len(copies) >= len(plans) - 1  # the fixture's plan has turns of its own


def test_a_change_of_content_misses_on_any_day(repo):
    plan = next((repo / "plans").rglob("*-c00000.yaml"))
    before = load([plan], DAYS[-2], cwd=repo).rows
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("Báo cáo số", "Báo cáo (sửa) số"), encoding="utf-8")
    after = load([plan], DAYS[-1], cwd=repo).rows
    assert {r.completion.minh_chung for r in after if r.completion} != \
        {r.completion.minh_chung for r in before if r.completion}
    assert len(entries(repo)) == 2


def test_the_folder_stays_within_its_bound_over_many_days(repo):
    yaml_bytes = sum(p.stat().st_size for p in (repo / "plans").rglob("*.yaml"))
    for day in DAYS:
        load([repo / "plans"], day, cwd=repo)
        load([repo / "plans"], day, cwd=repo, where=Filters(role="tat-ca").prefilter)
    total = sum(p.stat().st_size for p in entries(repo))
    assert total <= bound(yaml_bytes)
    plans = [p for p in (repo / "plans").rglob("*.yaml") if p.name != "co-quan.yaml"]
    assert len(entries(repo)) <= 2 * len(plans)  # one per plan and question, whatever the day
