"""Sheets for people: -o FILE on the tracking commands and check, kehoach export, the chart
data, CSV with Vietnamese headers. Every workbook is opened with openpyxl and checked."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from kehoach.office.charts import LIMIT, OTHERS_VI, grid_chart
from kehoach.tracking.obligations import OVERDUE, STATUSES
from kehoach.tracking.summary import SummaryRow
from tests.conftest import write_repo

FIXTURE = Path(__file__).parent / "data" / "tracking"
AS_OF = "2024-11-20"


def kehoach(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kehoach", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=120,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


@pytest.fixture
def repo(tmp_path) -> Path:
    import shutil

    shutil.copytree(FIXTURE, tmp_path / "kho")
    return tmp_path / "kho"


def test_overdue_to_a_workbook(repo):
    proc = kehoach(repo, "overdue", "--as-of", AS_OF, "--role", "tat-ca", "-o", "qua-han.xlsx")
    assert (proc.returncode, proc.stdout) == (0, "Đã ghi qua-han.xlsx\n"), proc.stderr
    sheet = openpyxl.load_workbook(repo / "qua-han.xlsx").active
    assert sheet.title == "Danh sách"
    assert sheet["A1"].value == "Nhiệm vụ quá hạn tính đến ngày 20/11/2024"
    assert sheet["A2"].value.startswith("Cơ quan: tất cả cơ quan; vai trò: chủ trì và phối hợp;")
    headers = [c.value for c in sheet[3]]
    assert headers[:4] == ["STT", "Kế hoạch", "Nhiệm vụ", "Nội dung"]
    assert "Số ngày quá hạn" in headers and "Minh chứng" in headers
    assert sheet.freeze_panes == "A4"
    assert sheet.auto_filter.ref.startswith("A3:M")
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4)
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    due = sheet.cell(4, headers.index("Hạn") + 1)
    assert isinstance(due.value, dt.datetime) and due.number_format == "dd/mm/yyyy"
    assert sheet.cell(4, headers.index("Tình trạng") + 1).value == "Chưa hoàn thành, quá hạn"
    assert sheet["A4"].fill.fgColor.rgb.endswith("FDE2E1")  # overdue rows are marked
    assert sheet.cell(4, 1).font.name == "Times New Roman"
    assert sheet.column_dimensions["D"].width == 42
    rows = [r for r in sheet.iter_rows(min_row=4, values_only=True)]
    expected = json.loads(kehoach(repo, "overdue", "--as-of", AS_OF, "--role", "tat-ca",
                                  "-f", "json").stdout)
    assert [r[0] for r in rows] == list(range(1, len(expected) + 1))
    assert [r[2] for r in rows] == [e["task_id"] for e in expected]


def test_summary_and_export_workbooks(repo):
    assert kehoach(repo, "summary", "--as-of", AS_OF, "-o", "tong-hop.xlsx").returncode == 0
    grid = openpyxl.load_workbook(repo / "tong-hop.xlsx")["Tổng hợp"]
    headers = [c.value for c in grid[3]]
    assert headers[-1] == "Tỷ lệ đúng hạn"
    assert grid.cell(4, len(headers)).number_format == "0.0%"
    names = [c.value for c in grid["B"]]
    assert names[-1] == "Tổng cộng" and grid.cell(len(names), 2).font.bold
    proc = kehoach(repo, "export", "bao-cao.xlsx", "--as-of", AS_OF, "--within", "60")
    assert proc.returncode == 0, proc.stderr
    book = openpyxl.load_workbook(repo / "bao-cao.xlsx")
    assert book.sheetnames == ["Tổng hợp", "Quá hạn", "Sắp đến hạn", "Số liệu biểu đồ"]
    assert len(book["Tổng hợp"]._charts) == 1
    chart = book["Tổng hợp"]._charts[0]
    assert chart.grouping == "stacked" and chart.type == "bar"
    assert book["Quá hạn"]["A1"].value == "Nhiệm vụ quá hạn tính đến ngày 20/11/2024"
    assert book["Sắp đến hạn"]["A1"].value.startswith("Nhiệm vụ đến hạn trong 60 ngày tới")


def test_the_chart_shows_at_most_fifteen_bodies():
    rows = []
    for i in range(20):
        row = SummaryRow(f"b{i}", f"Cơ quan {i:02d}", dt.date(2024, 1, 1))
        row.add(OVERDUE, True, n=i + 1)
        rows.append(row)
    chart = grid_chart([*rows, SummaryRow(None, "Tổng cộng", dt.date(2024, 1, 1))])
    assert len(chart.bodies) == LIMIT + 1 and chart.bodies[-1] == OTHERS_VI
    assert chart.bodies[0] == "Cơ quan 19"  # the most due first
    overdue = dict(chart.series)["Chưa hoàn thành, quá hạn"]
    assert overdue[-1] == sum(range(1, 6))  # the five smallest, summed
    assert sum(overdue) == sum(range(1, 21))
    assert len(chart.series) == len(STATUSES)
    assert len(grid_chart(rows[:15]).bodies) == 15


@pytest.mark.parametrize(("args", "message"), [
    (["overdue", "-o", "x.docx"], "-o: không biết ghi tệp đuôi “.docx”"),
    (["overdue", "-o", "x.csv", "-f", "json"], "--format json không khớp với tệp “x.csv”"),
    (["summary", "--headers", "en"], "--headers: “en” không có"),
    (["export", "x.csv"], "export ghi tệp Excel: “x.csv” cần đuôi .xlsx."),
    (["check", "-o", "x.xlsx"], "-o: không biết ghi tệp đuôi “.xlsx”"),
])
def test_output_choices_that_cannot_be_met_are_usage_errors(repo, args, message):
    proc = kehoach(repo, *args)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert not any(repo.glob("x.*"))


def test_csv_with_vietnamese_headers(repo):
    assert kehoach(repo, "overdue", "--as-of", AS_OF, "-o", "q.csv", "--headers",
                   "vi").returncode == 0
    raw = (repo / "q.csv").read_bytes()
    assert raw.startswith("\ufeffTệp kế hoạch,\"Số, ký hiệu\",Mã nhiệm vụ".encode())
    first = raw.decode("utf-8-sig").splitlines()[1]
    assert ",Chủ trì," in first and "Chưa hoàn thành, quá hạn" in first
    assert "/2024," in first or "/2023," in first  # dd/mm/yyyy
    plain = kehoach(repo, "overdue", "--as-of", AS_OF, "-o", "p.csv")
    assert plain.returncode == 0
    assert (repo / "p.csv").read_text(encoding="utf-8-sig").startswith("plan,so_ky_hieu,")


@pytest.mark.parametrize(("name", "start"), [
    ("kq.json", "["), ("kq.sarif", "{"), ("kq.txt", "plans/bad.yaml:2:1: [error]"),
])
def test_check_to_a_file(tmp_path, name, start):
    root = write_repo(tmp_path, {"bad.yaml": "loai: [\n"})
    proc = kehoach(root, "check", "-o", name)
    assert proc.returncode == 1
    assert proc.stdout.startswith(f"Đã ghi {name}: Đã kiểm tra")
    text = (root / name).read_text(encoding="utf-8")
    assert text.startswith(start)
    if name == "kq.sarif":
        log = json.loads(text)
        [result] = log["runs"][0]["results"]
        assert result["ruleId"] == "yaml-syntax" and result["level"] == "error"
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region == {"startLine": 2, "startColumn": 1}
