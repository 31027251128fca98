"""``check`` remembers each file's findings by content and re-checks only what changed; after
any change, what a cached run prints is exactly what a run without the cache prints."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kehoach.check import checkdb, checker, resultcache
from kehoach.check.checker import check_paths
from kehoach.deadline import clock
from kehoach.diagnostics import formats
from kehoach.fs.cache import cache_dir
from tests.conftest import REGISTRY, write_repo
from tests.test_check_rules import BASE

A = BASE.replace(
    "            thoi_han: trước ngày 15/11/2022\n",
    "            thoi_han: trước ngày 15/11/2022\n"
    "          - id: t2\n"
    "            chu_tri: ls.snvv\n"
    "            thoi_han: trước ngày 15/11/2022\n")
B = BASE.replace("id: t1", "id: b1").replace("chu_tri: ls.snv", "chu_tri: ls.tinh-doan")
C = BASE.replace("id: t1", "id: t2")  # t2 is also a's: a duplicate across files
# A body's name where its id belongs, which two provinces share: the default province decides.
E = BASE.replace("id: t1", "id: e1").replace("co_quan_ban_hanh: [ls.ubnd]",
                                             "co_quan_ban_hanh: [bnv]").replace(
    "chu_tri: ls.snv", "chu_tri: Sở Nội vụ")
REGISTRY_2 = REGISTRY + """\
  - id: cm.snv
    ten: Sở Nội vụ tỉnh Cà Mau
    ten_khac: [Sở Nội vụ, SNV]
  - id: bnv
    ten: Bộ Nội vụ
"""


def _plan(root: Path, name: str) -> Path:
    return root / "plans" / name


def _edit(name: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / name
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return edit


def _delete(root: Path) -> None:
    _plan(root, "c.yaml").unlink()


def _rename(root: Path) -> None:
    _plan(root, "c.yaml").rename(_plan(root, "z.yaml"))


def _add_plan(root: Path) -> None:
    _plan(root, "d.yaml").write_text(BASE.replace("id: t1", "id: b1"), encoding="utf-8")


EDITS: dict[str, Callable[[Path], None]] = {
    "plan text": _edit("plans/a.yaml", "chu_tri: ls.snvv", "chu_tri: ls.snv"),
    "duplicate id introduced in another file": _edit("plans/b.yaml", "id: b1", "id: t1"),
    "registry body removed": _edit("plans/co-quan.yaml", REGISTRY[REGISTRY.index("  - id: ls.tinh"):
                                                                  REGISTRY.index("  - id: ls.cac")],
                                   ""),
    "config: a code switched off": _edit("kehoach.toml", "[kiem_tra]\n",
                                         "[kiem_tra]\ntat = [\"unknown-body\"]\n"),
    "config: the default province": _edit("kehoach.toml", "[kho]\n", "[kho]\ntinh = \"cm\"\n"),
    "suppression comment added": _edit("plans/a.yaml", "chu_tri: ls.snvv",
                                       "chu_tri: ls.snvv  # kehoach: bo-qua unknown-body"),
    "suppression comment naming no code": _edit("plans/a.yaml", "chu_tri: ls.snvv",
                                                "chu_tri: ls.snvv  # kehoach: bo-qua khong-co"),
    "file deleted": _delete,
    "file renamed": _rename,
    "plan added with a duplicate id": _add_plan,
}


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    root = write_repo(tmp_path / "repo", {"a.yaml": A, "b.yaml": B, "c.yaml": C, "e.yaml": E},
                      REGISTRY_2)
    (root / "kehoach.toml").write_text("[kho]\n\n[kiem_tra]\n", encoding="utf-8")
    return root


def _printed(root: Path, paths: list[Path] | None = None) -> str:
    result = check_paths(paths or [], cwd=root, cache=True)
    return formats.plain(result.diagnostics)


def _cold(root: Path, monkeypatch: pytest.MonkeyPatch, paths: list[Path] | None = None) -> str:
    with monkeypatch.context() as m:
        m.setenv("KEHOACH_NO_CACHE", "1")
        return _printed(root, paths)


@pytest.mark.parametrize("edit", EDITS.values(), ids=list(EDITS))
def test_after_each_change_the_cached_run_prints_what_a_cold_run_prints(plans, monkeypatch,
                                                                        edit):
    before = _printed(plans)
    assert before == _cold(plans, monkeypatch)
    assert _printed(plans) == before  # from the cache
    edit(plans)
    after = _cold(plans, monkeypatch)
    assert after != before  # the change shows: the comparison below can fail
    assert _printed(plans) == after  # the run that sees the change
    assert _printed(plans) == after  # and the one after it, from what that run remembered


@pytest.mark.parametrize("edit", EDITS.values(), ids=list(EDITS))
def test_checking_one_plan_after_each_change(plans, monkeypatch, edit):
    one = [_plan(plans, "a.yaml")]
    _printed(plans)
    before = _printed(plans, one)
    assert before == _cold(plans, monkeypatch, one)
    edit(plans)
    assert _printed(plans, one) == _cold(plans, monkeypatch, one)


def _count_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    checked: list[str] = []
    real = checker._check_file

    def counting(path, display, registry):  # type: ignore[no-untyped-def]
        checked.append(path.name)
        return real(path, display, registry)

    monkeypatch.setattr(checker, "_check_file", counting)
    return checked


def test_only_what_changed_is_checked_again(plans, monkeypatch):
    _printed(plans)
    checked = _count_checks(monkeypatch)
    _printed(plans)
    assert checked == []
    _plan(plans, "b.yaml").write_text(B + "# một dòng chú thích\n", encoding="utf-8")
    _printed(plans)
    assert checked == ["b.yaml"]


@pytest.mark.parametrize("change", ["registry", "province", "today", "version", "format"])
def test_what_every_result_depends_on_invalidates_them_all(plans, monkeypatch, change):
    _printed(plans)
    checked = _count_checks(monkeypatch)
    if change == "registry":
        _plan(plans, "co-quan.yaml").write_text(REGISTRY_2 + "# chú thích\n", encoding="utf-8")
    elif change == "province":
        (plans / "kehoach.toml").write_text("[kho]\ntinh = \"cm\"\n", encoding="utf-8")
    elif change == "today":
        tomorrow = clock._utc_now() + clock.dt.timedelta(days=1)
        monkeypatch.setattr(clock, "_utc_now", lambda: tomorrow)
    elif change == "version":
        monkeypatch.setattr(checkdb, "__version__", "0.0.0-test")
        monkeypatch.setattr(resultcache, "__version__", "0.0.0-test")
    else:
        monkeypatch.setattr(resultcache, "FORMAT", resultcache.FORMAT + 1)
    _printed(plans)
    assert sorted(checked) == ["a.yaml", "b.yaml", "c.yaml", "e.yaml"]


def test_a_damaged_row_is_checked_again(plans, monkeypatch):
    expected = _printed(plans)
    db = checkdb.connect(cache_dir(plans))
    assert db is not None
    db.execute("UPDATE results SET payload = x'00ff' || payload")
    db.close()
    checked = _count_checks(monkeypatch)
    assert _printed(plans) == expected
    assert sorted(checked) == ["a.yaml", "b.yaml", "c.yaml", "e.yaml"]


def test_a_full_check_forgets_files_that_are_gone(plans):
    _printed(plans)
    _plan(plans, "c.yaml").unlink()
    _printed(plans)
    db = checkdb.connect(cache_dir(plans))
    assert db is not None
    names = sorted(Path(p).name for (p,) in db.execute("SELECT path FROM results"))
    assert names == ["a.yaml", "b.yaml", "co-quan.yaml", "e.yaml"]


def test_the_command_prints_the_same_with_and_without_the_cache(plans, tmp_path):
    env = {**os.environ, "KEHOACH_CACHE_DIR": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-m", "kehoach", "check", "-f", "plain"], cwd=plans,
                           env=e, capture_output=True, text=True, timeout=120, check=False)
            for e in (env, env, {**env, "KEHOACH_NO_CACHE": "1"})]
    assert [r.returncode for r in runs] == [1, 1, 1]
    assert runs[0].stdout == runs[1].stdout == runs[2].stdout
    assert "duplicate-task-id" in runs[0].stdout and "unknown-body" in runs[0].stdout
    assert (tmp_path / "cache").is_dir()


# --- fmt --check: a file already canonical is not formatted again to know it -------------


def _fmt(root: Path, check_only: bool = True) -> list[tuple[str, bool, bool]]:
    from kehoach.edit.fmt import format_paths

    return [(r.path.name, r.changed, r.ok) for r in format_paths([], check_only, root, cache=True)]


def _count_formats(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    from kehoach.edit import fmt

    formatted: list[str] = []
    real = fmt.format_file

    def counting(path, check_only=False, display=None):  # type: ignore[no-untyped-def]
        formatted.append(path.name)
        return real(path, check_only, display)

    monkeypatch.setattr(fmt, "format_file", counting)
    return formatted


def test_fmt_check_remembers_its_verdicts_by_content(plans, monkeypatch):
    first = _fmt(plans, check_only=False)  # formats what needs it; all canonical now
    assert ("e.yaml", False, False) in first  # an invalid plan is never rewritten
    formatted = _count_formats(monkeypatch)
    assert _fmt(plans) == [(n, False, ok) for n, _, ok in first]
    assert formatted == ["e.yaml"]  # only the file with problems: its diagnostics are told again
    b = _plan(plans, "b.yaml")
    b.write_text(b.read_text(encoding="utf-8").replace("loai: ke_hoach", "loai:   ke_hoach"),
                 encoding="utf-8")
    formatted.clear()
    assert ("b.yaml", True, True) in _fmt(plans)
    assert ("b.yaml", True, True) in _fmt(plans)  # "would change" is remembered too
    assert formatted == ["b.yaml", "e.yaml", "e.yaml"]


def test_fmt_verdicts_of_another_version_are_not_used(plans, monkeypatch):
    _fmt(plans, check_only=False)
    monkeypatch.setattr(checkdb, "__version__", "0.0.0-test")
    formatted = _count_formats(monkeypatch)
    _fmt(plans)
    assert sorted(formatted) == ["a.yaml", "b.yaml", "c.yaml", "co-quan.yaml", "e.yaml"]


# --- start-up: a check that finds the plan unchanged loads no YAML, model or grammar ----


def test_an_unchanged_plan_is_checked_without_the_loader(plans, tmp_path):
    env = {**os.environ, "KEHOACH_CACHE_DIR": str(tmp_path / "cache")}
    code = ("import sys\nfrom kehoach.cli import main\nsys.argv = ['kehoach', 'check', "
            "'plans/e.yaml']\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('yaml', 'pydantic', 'kehoach.plan.model', "
            "'kehoach.deadline.grammar', 'kehoach.check.rules') if m in sys.modules))")
    runs = [subprocess.run([sys.executable, "-c", code], cwd=plans, env=env,
                           capture_output=True, text=True, timeout=120, check=False)
            for _ in range(2)]
    assert runs[0].stdout.splitlines()[-1] != "[]"  # the first run loads and checks
    assert runs[1].stdout.splitlines()[-1] == "[]", runs[1].stdout
    assert runs[0].stdout.splitlines()[:-1] == runs[1].stdout.splitlines()[:-1] != []


def test_the_deadline_package_gives_every_name_it_lists():
    import kehoach.deadline as deadline

    assert all(getattr(deadline, name) is not None for name in deadline.__all__)
    assert callable(deadline.explain) and callable(deadline.read_deadline)
