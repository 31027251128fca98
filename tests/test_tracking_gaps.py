"""Tracking what real plans needed (issue 14): a deadline written once for several items, a
task mentioned in several sections, recurring occurrences only within the plan's life, and
the count of draft plans in every output."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach.check.checker import load_registry
from kehoach.load.document import load_document
from kehoach.plan.model import Plan
from kehoach.tracking.obligations import COORDINATE, LEAD, NO_DEADLINE, obligations
from kehoach.tracking.schedule import schedule, window
from tests.conftest import write_repo

D = dt.date
GAPS = Path(__file__).parent / "data" / "gaps"


def _plan(root: Path, name: str) -> Plan:
    doc = load_document(root / "plans" / name)
    assert doc.plan is not None, doc.diagnostics
    return doc.plan


def test_a_deadline_written_once_dates_the_tasks_under_it():
    registry, _ = load_registry(GAPS)
    rows = obligations(_plan(GAPS, "doi-thoai-2023.yaml"), registry, D(2023, 7, 1))
    prep = sorted((r.task_id, r.agency, r.due, r.deadline) for r in rows
                  if r.task_id in ("dt23-kich-ban", "dt23-cau-hoi", "dt23-dai-bieu",
                                   "dt23-hoi-truong"))
    phrase = "trước ngày 20/6/2023"
    assert prep == [
        ("dt23-cau-hoi", "cm.snv", D(2023, 6, 20), phrase),
        ("dt23-dai-bieu", "cm.snv", D(2023, 6, 20), phrase),
        ("dt23-hoi-truong", "cm.vp-ubnd", D(2023, 6, 20), phrase),
        ("dt23-kich-ban", "cm.snv", D(2023, 6, 20), phrase),
    ]


def test_a_task_mentioned_in_several_sections_is_tracked_once():
    registry, _ = load_registry(GAPS)
    rows = obligations(_plan(GAPS, "doi-thoai-2023.yaml"), registry, D(2023, 7, 1))
    clip = sorted((r.role, r.agency) for r in rows if r.task_id == "dt23-clip")
    assert clip == [(LEAD, "cm.dai-ptth"), (COORDINATE, "cm.stttt"), (COORDINATE, "cm.tinh-doan")]


PLAN = """\
loai: ke_hoach
du_thao: true
co_quan_ban_hanh: [ls.ubnd]
trich_yeu: Thử
{head}phan:
  - so: "1."
    noi_dung: Sở Nội vụ báo cáo hằng quý.
    nhiem_vu:
      - id: t1
        chu_tri: ls.snv
        thoi_han: hằng quý
"""


@pytest.mark.parametrize(("head", "expected"), [
    # Neither a date of issue nor a period: nothing to count from, no occurrence.
    ("", None),
    ("giai_doan: {tu: 2024, den: 2024}\n", (D(2024, 1, 1), D(2024, 12, 31))),
    # Issued inside its period: not before the day after the date of issue.
    ("ngay_ban_hanh: 2024-05-10\ngiai_doan: {tu: 2024, den: 2024}\n",
     (D(2024, 5, 11), D(2024, 12, 31))),
    # Issued before its period starts: not before the period.
    ("ngay_ban_hanh: 2023-12-20\ngiai_doan: {tu: 2024, den: 2024}\n",
     (D(2024, 1, 1), D(2024, 12, 31))),
])
def test_the_window_of_recurring_occurrences(tmp_path, head, expected):
    root = write_repo(tmp_path, {"a.yaml": PLAN.format(head=head)})
    plan = _plan(root, "a.yaml")
    assert window(plan, D(2024, 6, 30)) == expected


def test_a_draft_without_date_or_period_owes_no_past_quarter(tmp_path):
    root = write_repo(tmp_path, {"a.yaml": PLAN.format(head="")})
    plan = _plan(root, "a.yaml")
    occurrences = schedule(plan.phan[0].nhiem_vu[0], plan, D(2024, 6, 30)).occurrences
    assert [(o.key, o.due) for o in occurrences] == [("", None)]
    registry, _ = load_registry(root)
    rows = obligations(plan, registry, D(2024, 6, 30))
    assert [(r.task_id, r.status, r.due) for r in rows] == [("t1", NO_DEADLINE, None)]


def test_an_issued_plan_within_its_period_starts_after_its_date(tmp_path):
    head = "ngay_ban_hanh: 2024-05-10\ngiai_doan: {tu: 2024, den: 2024}\n"
    root = write_repo(tmp_path, {"a.yaml": PLAN.format(head=head).replace("du_thao: true\n", "")})
    plan = _plan(root, "a.yaml")
    keys = [o.key for o in schedule(plan.phan[0].nhiem_vu[0], plan, D(2024, 6, 30)).occurrences]
    assert keys == ["2024-06-30", "2024-09-30", "2024-12-31"]  # not 31/03, before the plan


def _kehoach(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kehoach", *args], capture_output=True,
                          text=True, encoding="utf-8", cwd=cwd, timeout=120,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "250"})


NOTE = ("Trong 2 kế hoạch đã tính có 1 dự thảo (chưa ban hành): nghĩa vụ của dự thảo có thể còn "
        "thay đổi.")


@pytest.fixture(scope="module")
def gaps_repo(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("gaps")
    shutil.copytree(GAPS / "plans", root / "plans")
    return root


@pytest.mark.parametrize("command", ["tasks", "overdue", "upcoming", "summary"])
def test_tables_say_how_many_drafts_they_counted(gaps_repo, command):
    proc = _kehoach(command, "--as-of", "2023-07-01", cwd=gaps_repo)
    assert proc.returncode == 0, proc.stderr
    assert " ".join(proc.stdout.split()).endswith(NOTE)


def test_json_stays_data_and_the_note_goes_to_stderr(gaps_repo):
    proc = _kehoach("tasks", "--as-of", "2023-07-01", "-f", "json", cwd=gaps_repo)
    assert proc.returncode == 0
    assert isinstance(json.loads(proc.stdout), list)
    assert proc.stderr == f"Ghi chú: {NOTE}\n"


def test_no_note_without_drafts(gaps_repo, tmp_path):
    shutil.copytree(gaps_repo / "plans", tmp_path / "plans")
    (tmp_path / "plans" / "phoi-hop-2023.yaml").unlink()
    proc = _kehoach("tasks", "--as-of", "2023-07-01", cwd=tmp_path)
    assert proc.returncode == 0 and "dự thảo" not in proc.stdout


def test_a_workbook_says_how_many_drafts_it_counted(gaps_repo, tmp_path):
    import openpyxl

    out = tmp_path / "tong-hop.xlsx"
    proc = _kehoach("summary", "--as-of", "2023-07-01", "-o", str(out), cwd=gaps_repo)
    assert proc.returncode == 0, proc.stderr
    sheet = openpyxl.load_workbook(out).active
    question = sheet.cell(row=2, column=1).value
    assert question.endswith("; 2 kế hoạch, trong đó 1 dự thảo."), question
