"""The row cache: same answers warm as cold, invalidated by content, safe when damaged or shared."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach.tracking import rowcache as cache
from kehoach.tracking.loading import load

DATA = Path(__file__).parent / "data" / "tracking"
AS_OF = dt.date(2024, 6, 30)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    root = tmp_path / "repo"
    shutil.copytree(DATA, root, ignore=shutil.ignore_patterns(".kehoach-cache"))
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(tmp_path / "cache"))
    return root


def entries(root: Path) -> list[Path]:
    """The row entries of ``root``'s cache folder (one folder per repository, under
    ``KEHOACH_CACHE_DIR``)."""
    return sorted(p for p in (root.parent / "cache").glob("*/rows/*/*") if p.is_file())


def test_warm_rows_equal_cold_rows(repo):
    cold = load([repo / "plans"], AS_OF, cwd=repo)
    assert entries(repo), "the cold run fills the cache"
    warm = load([repo / "plans"], AS_OF, cwd=repo)
    assert warm.rows == cold.rows and warm.plans == cold.plans


def test_a_changed_plan_is_read_again(repo):
    load([repo / "plans"], AS_OF, cwd=repo)
    plan = next(p for p in (repo / "plans").glob("*.yaml") if p.name != "co-quan.yaml")
    before = {r.text for r in load([plan], AS_OF, cwd=repo).rows}
    text = plan.read_text(encoding="utf-8")
    some = sorted(before)[0]
    needle = some[:20]
    assert needle in text
    plan.write_text(text.replace(needle, needle.upper(), 1), encoding="utf-8")
    after = {r.text for r in load([plan], AS_OF, cwd=repo).rows}
    assert after != before


def test_a_changed_registry_is_a_miss(repo):
    load([repo / "plans"], AS_OF, cwd=repo)
    n = len(entries(repo))
    reg = repo / "plans" / "co-quan.yaml"
    reg.write_text(reg.read_text(encoding="utf-8") + "# sửa\n", encoding="utf-8")
    load([repo / "plans"], AS_OF, cwd=repo)
    assert len(entries(repo)) == 2 * n


@pytest.mark.parametrize("damage", [b"", b"garbage", b"kehoach-rows:0:0.0.0\n\x00",
                                    "truncate"])
def test_a_damaged_or_old_entry_is_ignored_and_rewritten(repo, damage):
    cold = load([repo / "plans"], AS_OF, cwd=repo)
    for entry in entries(repo):
        data = entry.read_bytes()
        entry.write_bytes(data[: len(data) // 2] if damage == "truncate" else damage)
    again = load([repo / "plans"], AS_OF, cwd=repo)
    assert again.rows == cold.rows
    assert all(e.read_bytes().startswith(f"kehoach-rows:{cache.FORMAT}:".encode())
               for e in entries(repo))


def test_cache_can_be_turned_off(repo, monkeypatch):
    monkeypatch.setenv("KEHOACH_NO_CACHE", "1")
    load([repo / "plans"], AS_OF, cwd=repo)
    assert entries(repo) == []


def test_codec_round_trip(repo):
    rows = load([repo / "plans"], AS_OF, cwd=repo).rows
    assert any(r.completion for r in rows) and any(r.extension for r in rows)
    import marshal

    by_plan: dict[str, list] = {}
    for r in rows:
        by_plan.setdefault(r.plan, []).append(r)
    for plan, group in by_plan.items():
        assert cache.decode(marshal.loads(cache.encode(group)), plan) == group


def test_two_processes_at_once(repo):
    cmd = [sys.executable, "-m", "kehoach", "summary", "--as-of", AS_OF.isoformat(),
           "--format", "json"]
    procs = [subprocess.Popen(cmd, cwd=repo, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in range(4)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1] for o in outs]
    assert len({o[0] for o in outs}) == 1
    warm = subprocess.run(cmd, cwd=repo, capture_output=True, timeout=120)
    assert warm.stdout == outs[0][0]


@pytest.mark.parametrize("role", ["chu-tri", "phoi-hop", "any"])
def test_prefiltered_loading_gives_exactly_the_selected_rows(repo, role):
    """Pushing a query's filters into loading never changes its answer, for every body."""
    from kehoach.tracking.filters import Filters

    full = load([repo / "plans"], AS_OF, cwd=repo)
    for body in full.registry.bodies:
        filters = Filters(agency=body, role=role)
        pushed = load([repo / "plans"], AS_OF, cwd=repo, where=filters.prefilter)
        expected = filters.select(full.rows, full.registry)
        assert filters.select(pushed.rows, pushed.registry) == expected, body


def test_the_cache_is_never_in_the_repository(repo):
    """`git add -A` in a plans repository must not commit the cache, and a cache committed by
    someone else must never be read: it lives in the user's cache directory."""
    load([repo / "plans"], AS_OF, cwd=repo)
    assert entries(repo)
    assert not (repo / ".kehoach-cache").exists()
    assert all(repo not in e.parents for e in entries(repo))
