"""kehoach.check.narrative_rules: a report's narrative in reports/, checked like a plan."""

from __future__ import annotations

import pytest

from kehoach.check.checker import check_paths
from kehoach.edit.fmt import format_paths
from tests.check.conftest import BASE
from tests.conftest import write_repo

GOOD = """\
ke_hoach: plans/a.yaml
ky: 2022
danh_gia: Các cơ quan đã triển khai kế hoạch.
"""

CASES = {
    "a good narrative": (GOOD, []),
    "a half year and a range": ("ke_hoach: plans/a.yaml\nky: 6T-cuoi-2022\n", []),
    "no such plan": ("ke_hoach: plans/b.yaml\nky: 2022\n", [(1, 11, "report-plan-unknown")]),
    "a plan outside plans/": ("ke_hoach: reports/x.yaml\nky: 2022\n",
                              [(1, 11, "report-plan-unknown")]),
    "a period not of the forms": ("ke_hoach: plans/a.yaml\nky: năm 2022\n",
                                  [(2, 5, "report-period")]),
    "a range backwards": ("ke_hoach: plans/a.yaml\nky: 2025-2021\n", [(2, 5, "report-period")]),
    "an unknown body": ("ke_hoach: plans/a.yaml\nky: 2022\nco_quan: ls.xyz\n",
                        [(3, 10, "unknown-body")]),
    "an unknown key": ("ke_hoach: plans/a.yaml\nky: 2022\ndanhgia: x\n",
                       [(3, 1, "unknown-key")]),
    "the plan is required": ("ky: 2022\n", [(1, 1, "missing-field")]),
}


def _repo(tmp_path, narratives: dict[str, str]):
    root = write_repo(tmp_path, {"a.yaml": BASE})
    (root / "reports").mkdir()
    for name, text in narratives.items():
        (root / "reports" / name).write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("text,expected", list(CASES.values()), ids=list(CASES))
def test_narrative_rules(tmp_path, text, expected):
    root = _repo(tmp_path, {"r.yaml": text})
    result = check_paths([root / "reports" / "r.yaml"], cwd=root)
    assert sorted((d.line, d.column, d.code) for d in result.diagnostics) == expected


def test_two_narratives_for_one_report(tmp_path):
    root = _repo(tmp_path, {"a.yaml": GOOD, "b.yaml": GOOD.replace("2022", "2022 ")})
    result = check_paths([], cwd=root)  # plans/ and reports/ by default
    assert [(d.line, d.column, d.code) for d in result.diagnostics] == [
        (2, 5, "report-duplicate")]
    assert result.diagnostics[0].path.replace("\\", "/") == "reports/b.yaml"
    for _ in range(2):  # the cache of check's findings holds no narrative: each run says it
        cached = check_paths([], cwd=root, cache=True)
        assert [(d.line, d.column, d.code) for d in cached.diagnostics] == [
            (2, 5, "report-duplicate")]


def test_check_reads_reports_by_default_and_a_folder_named_reports_in_plans_holds_plans(
        tmp_path):
    root = _repo(tmp_path, {"r.yaml": "ke_hoach: plans/b.yaml\nky: 2022\n"})
    (root / "plans" / "reports").mkdir()
    (root / "plans" / "reports" / "c.yaml").write_text(BASE.replace("253/", "254/"),
                                                       encoding="utf-8")
    codes = {(d.path.replace("\\", "/"), d.code) for d in check_paths([], cwd=root).diagnostics}
    assert ("reports/r.yaml", "report-plan-unknown") in codes
    assert not any(f.startswith("plans/reports") and c.startswith("report-") for f, c in codes)


def test_fmt_formats_a_narrative_paragraph_lists_one_per_line(tmp_path):
    text = ("danh_gia: Tốt.\nky: 2022\nke_hoach: plans/a.yaml\n"
            "nguyen_nhan: [Thiếu kinh phí., Báo cáo chậm.]\n")
    root = _repo(tmp_path, {"r.yaml": text})
    [result] = [r for r in format_paths([], cwd=root) if r.path.name == "r.yaml"]
    assert result.written
    assert (root / "reports" / "r.yaml").read_text(encoding="utf-8") == (
        "ke_hoach: plans/a.yaml\nky: 2022\ndanh_gia: Tốt.\n"
        "nguyen_nhan:\n  - Thiếu kinh phí.\n  - Báo cáo chậm.\n")
    again = [r for r in format_paths([], cwd=root) if r.path.name == "r.yaml"]
    assert not again[0].changed


@pytest.mark.parametrize("workers", [False, True])
def test_two_narratives_for_one_report_in_worker_processes_too(tmp_path, monkeypatch, workers):
    """The files of a large repository are checked in worker processes, which send back
    documents without their trees — but a narrative's, which the rule across narratives places
    its finding by. In one process ``kehoach check`` (with its cache) drops the plans' trees
    the same way."""
    from kehoach.fs import parallel

    if workers:
        monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)
        monkeypatch.setenv("KEHOACH_JOBS", "2")
    root = _repo(tmp_path / "repo", {"a.yaml": GOOD, "b.yaml": GOOD.replace("2022", "2022 ")})
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(tmp_path / "cache"))  # outside the repository
    result = check_paths([], cwd=root, cache=True)
    assert [(d.line, d.column, d.code) for d in result.diagnostics] == [
        (2, 5, "report-duplicate")]
    plans = [d for d in result.documents if d.display.replace("\\", "/") == "plans/a.yaml"]
    assert plans and all(d.plan is None and d.root is None for d in plans)
