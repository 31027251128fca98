"""The progress bar: terminals only, and only for work that takes more than a second."""

from __future__ import annotations

import io

from kehoach.cli.progress import DelayedProgress


def test_no_bar_when_stderr_is_not_a_terminal(monkeypatch):
    monkeypatch.setattr("sys.stderr", io.StringIO())
    with DelayedProgress("x") as progress:
        progress.DELAY = 0
        progress(1, 2)
        assert progress._shown is None


def test_no_bar_for_quick_work(monkeypatch):
    with DelayedProgress("x") as progress:
        progress._enabled = True
        progress(1, 100)
        assert progress._shown is None


def test_bar_after_the_delay_on_a_terminal():
    with DelayedProgress("Đang kiểm tra") as progress:
        progress._enabled = True
        progress._start -= 5  # the work has been running for a while
        progress(3, 10)
        assert progress._shown is not None
        task = progress._shown[0].tasks[0]
        assert (task.completed, task.total, task.description) == (3, 10, "Đang kiểm tra")


def test_library_reports_every_file(tmp_path):
    from kehoach.check.checker import check_paths
    from tests.conftest import write_repo
    from tests.test_check_rules import BASE

    root = write_repo(tmp_path, {f"p{i}.yaml": BASE.replace("t1", f"t{i}") for i in range(3)})
    calls: list[tuple[int, int]] = []
    check_paths([root / "plans"], cwd=root, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(1, 3), (2, 3), (3, 3)]
