"""kehoach's cache lives in the user's cache directory, is verified, and is bounded.

A committed ``.kehoach-cache/`` used to be trusted: forged entries made ``overdue`` print 0
overdue where there were 3, and a damaged entry ended in exit 3. Now the cache (rows and the
task-id index) is kept per repository in the user's cache directory; an entry that cannot be
verified is ignored and rebuilt; each repository's folder stays under
``min(2 × the repository's YAML, 500 MB)``, least recently used entries going first.
"""

from __future__ import annotations

import json
import marshal
import os
import shutil
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from kehoach.fs import cache as place
from kehoach.fs.cache import cache_dir
from kehoach.tracking import rowcache

DATA = Path(__file__).parent / "data" / "tracking"
AS_OF = "2023-06-30"  # three overdue obligations in the tracking fixtures
OVERDUE = ["overdue", "--as-of", AS_OF, "--role", "any", "--format", "json"]


@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(DATA, root)
    (root / "kehoach.toml").write_text("", encoding="utf-8")
    return root


def kehoach(root: Path, argv: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, **env}
    for name in [k for k, v in env.items() if v == ""]:
        full.pop(name)
    return subprocess.run([sys.executable, "-m", "kehoach", *argv], cwd=root, env=full,
                          capture_output=True, text=True, timeout=120, check=False)


def overdue_count(root: Path, **env: str) -> int:
    done = kehoach(root, OVERDUE, **env)
    assert done.returncode == 0, done.stderr
    return len(json.loads(done.stdout))


# --- where the cache is ------------------------------------------------------------------


@pytest.mark.parametrize(("platform", "env", "expected"), [
    ("linux", {"XDG_CACHE_HOME": "/x/cache"}, "/x/cache/kehoach"),
    ("linux", {"XDG_CACHE_HOME": "relative/cache"}, "HOME/.cache/kehoach"),  # XDG: absolute only
    ("linux", {}, "HOME/.cache/kehoach"),
    ("darwin", {}, "HOME/Library/Caches/kehoach"),
    ("win32", {"LOCALAPPDATA": "C:/Users/cv/AppData/Local"},
     "C:/Users/cv/AppData/Local/kehoach/Cache"),
    ("linux", {"KEHOACH_CACHE_DIR": "/tmp/k", "XDG_CACHE_HOME": "/x"}, "/tmp/k"),
])
def test_the_cache_folder_per_platform(monkeypatch, tmp_path, platform, env, expected):
    monkeypatch.setenv("HOME", str(tmp_path))
    found = place.base_dir(env, platform)
    assert found == Path(expected.replace("HOME", str(tmp_path)))


def test_one_folder_per_repository_by_its_resolved_path(tmp_path):
    (tmp_path / "a" / "plans").mkdir(parents=True)
    (tmp_path / "b" / "plans").mkdir(parents=True)
    (tmp_path / "alias").symlink_to(tmp_path / "a")
    env = {"KEHOACH_CACHE_DIR": str(tmp_path / "cache")}
    a = place.repo_cache_dir(tmp_path / "a", env)
    assert a == place.repo_cache_dir(tmp_path / "alias", env)
    assert a != place.repo_cache_dir(tmp_path / "b", env)
    assert a is not None and a.parent == tmp_path / "cache" and a.name.startswith("a-")
    assert place.repo_cache_dir(None, env) is None
    assert place.repo_cache_dir(tmp_path / "a", {**env, "KEHOACH_NO_CACHE": "1"}) is None


def test_a_cache_folder_inside_the_repository_is_not_used(tmp_path):
    """``XDG_CACHE_HOME`` (or ``HOME``) inside the repository: no cache rather than a
    cache someone could commit."""
    root = tmp_path / "repo"
    (root / "plans").mkdir(parents=True)
    assert place.repo_cache_dir(root, {"KEHOACH_CACHE_DIR": str(root / ".cache")}) is None


def test_by_default_the_cache_is_outside_the_repository(repo, tmp_path):
    xdg = tmp_path / "xdg"
    assert overdue_count(repo, KEHOACH_CACHE_DIR="", XDG_CACHE_HOME=str(xdg)) == 3
    assert not (repo / ".kehoach-cache").exists()
    assert list(xdg.glob("kehoach/repo-*/rows/*/*"))


# --- a committed cache is ignored, a damaged one rebuilt --------------------------------------


def forge(folder: Path, rows: list) -> int:
    """Rewrite every row entry under ``folder`` as a *valid* entry holding ``rows``."""
    forged = 0
    payload = b"-" + rowcache._SPAN.pack(1, 0, 1) + b"z" + zlib.compress(marshal.dumps(rows))
    for entry in folder.glob("**/rows/*/*"):
        key = entry.name
        entry.write_bytes(rowcache._HEADER + key.encode() + b"\n"
                          + rowcache._checksum(payload) + b"\n" + payload)
        forged += 1
    return forged


def test_an_entry_inflating_past_the_limit_is_ignored(tmp_path, monkeypatch):
    """A forged entry, valid but for its size once inflated (a zip bomb), is never inflated
    past ``ENTRY_LIMIT``: a miss. One just under the limit reads."""
    store = rowcache.RowCache(tmp_path)
    rows = [(f"{i} " + "x" * 100, i) for i in range(1000)]
    size = len(marshal.dumps(rows))
    assert size >= rowcache.COMPRESS_FROM  # compressed
    store.put("k" * 40, marshal.dumps(rows))
    monkeypatch.setattr(rowcache, "ENTRY_LIMIT", size)
    hit = store.get("k" * 40)
    assert hit is not None and hit.rows == rows
    monkeypatch.setattr(rowcache, "ENTRY_LIMIT", size - 1)
    assert store.get("k" * 40) is None


def test_small_rows_are_kept_raw_and_large_ones_compressed(tmp_path):
    store = rowcache.RowCache(tmp_path)
    small = [("nv-1", i) for i in range(10)]
    large = [(f"{i} " + "x" * 100, i) for i in range(1000)]
    for key, rows in (("s" * 40, small), ("l" * 40, large)):
        store.put(key, marshal.dumps(rows))
        hit = store.get(key)
        assert hit is not None and hit.rows == rows
    assert marshal.dumps(small) in store._path("s" * 40).read_bytes()
    stored = store._path("l" * 40).read_bytes()
    assert len(stored) < len(marshal.dumps(large)) // 4


def test_a_committed_cache_is_never_read(repo, tmp_path):
    """Someone commits their ``.kehoach-cache/`` — made by kehoach, then forged to say that
    nothing is overdue. It is never read: the answer stays 3."""
    made = tmp_path / "theirs"
    assert overdue_count(repo, KEHOACH_CACHE_DIR=str(made)) == 3
    assert forge(made, []) > 0
    (folder,) = made.iterdir()
    shutil.copytree(folder, repo / ".kehoach-cache")  # where kehoach used to keep it
    shutil.copytree(folder, repo / ".kehoach-cache" / folder.name)
    xdg = tmp_path / "xdg"
    assert overdue_count(repo, KEHOACH_CACHE_DIR="", XDG_CACHE_HOME=str(xdg)) == 3
    assert overdue_count(repo, KEHOACH_CACHE_DIR="", XDG_CACHE_HOME=str(xdg)) == 3  # warm


@pytest.mark.parametrize("damage", ["empty", "garbage", "cut", "other key", "bad checksum",
                                    "old format", "not a list"])
def test_an_entry_that_cannot_be_verified_is_ignored(repo, tmp_path, damage):
    env = {"KEHOACH_CACHE_DIR": str(tmp_path / "cache")}
    assert overdue_count(repo, **env) == 3
    entries = sorted((tmp_path / "cache").glob("*/rows/*/*"))
    assert entries
    other = entries[0].read_bytes()
    for entry in entries:
        data = entry.read_bytes()
        payload = data.partition(b"\n")[2]
        if damage == "empty":
            entry.write_bytes(b"")
        elif damage == "garbage":
            entry.write_bytes(os.urandom(200))
        elif damage == "cut":
            entry.write_bytes(data[: len(data) // 2])
        elif damage == "other key":  # a valid entry, renamed: its key does not match its name
            entry.write_bytes(other if entry != entries[0] else entries[-1].read_bytes())
        elif damage == "bad checksum":
            entry.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
        elif damage == "old format":
            entry.write_bytes(b"kehoach-rows:1:0.1.0\n" + payload.partition(b"\n")[2])
        else:
            forge(entry.parent.parent.parent, {"not": "a list"})  # type: ignore[arg-type]
    assert overdue_count(repo, **env) == 3


def test_a_damaged_task_id_index_is_rebuilt(repo, tmp_path):
    env = {"KEHOACH_CACHE_DIR": str(tmp_path / "cache")}
    assert kehoach(repo, ["check", "plans/du-thao.yaml"], **env).returncode in (0, 1)
    index = next((tmp_path / "cache").glob("*/check.sqlite"))
    for damaged in (b"{not json", b"SQLite format 3\x00" + b"\x00" * 200,
                    index.read_bytes().replace(b"CREATE TABLE files", b"CREATE TABLE filez")):
        index.write_bytes(damaged)
        done = kehoach(repo, ["check", "plans/du-thao.yaml"], **env)
        assert done.returncode in (0, 1) and "Lỗi nội bộ" not in done.stderr, done.stderr


# --- bounded ----------------------------------------------------------------------------


def test_the_bound_is_twice_the_repository_or_500_mb():
    assert place.bound(1000) == 2000
    assert place.bound(10 ** 12) == place.MAX_BYTES == 500 * 1024 * 1024


def test_least_recently_used_entries_go_first(tmp_path):
    folder = tmp_path / "c"
    (folder / "rows" / "ab").mkdir(parents=True)
    now = time.time()
    for i in range(10):
        path = folder / "rows" / "ab" / f"e{i}"
        path.write_bytes(b"x" * 100)
        os.utime(path, (now - 1000 + i, now - 1000 + i))  # e0 used longest ago
    assert place.evict(folder, 450) == 600
    assert sorted(p.name for p in (folder / "rows" / "ab").iterdir()) == [
        "e6", "e7", "e8", "e9"]


def test_a_used_entry_counts_as_recent(tmp_path):
    path = tmp_path / "e"
    path.write_bytes(b"x")
    old = time.time() - place.TOUCH_AFTER - 10
    os.utime(path, (old, old))
    place.touch(path, old)
    assert time.time() - path.stat().st_mtime < 60


def test_a_repository_cache_stays_within_its_bound(repo, tmp_path, monkeypatch):
    """Many questions (two months of --as-of days) fill the cache; it never keeps more than
    twice the repository's YAML once the command is done."""
    import datetime as dt

    from kehoach.tracking.loading import load

    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(tmp_path / "cache"))
    size = sum(p.stat().st_size for p in (repo / "plans").glob("*.yaml"))
    for day in range(60):
        load([repo / "plans"], dt.date(2023, 1, 1) + dt.timedelta(days=day), cwd=repo)
    folder = cache_dir_for(repo, tmp_path / "cache")
    used = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    assert used <= place.bound(size), (used, size)
    assert list(folder.glob("rows/*/*"))  # bounded, not emptied


def cache_dir_for(root: Path, base: Path) -> Path:
    found = place.repo_cache_dir(root, {"KEHOACH_CACHE_DIR": str(base)})
    assert found is not None
    return found


def test_cache_dir_of_the_library_is_the_same_place(repo):
    assert cache_dir(repo) == place.repo_cache_dir(repo)
