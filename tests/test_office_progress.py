"""Progress back in from Excel: the sheet for update, filled as agencies fill it (Excel dates,
typed text, serial numbers), imported all-or-nothing; re-importing changes nothing; hostile
workbooks are refused in bounded time without a traceback."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

FIXTURE = Path(__file__).parent / "data" / "tracking"
AS_OF = "2024-11-20"


def kehoach(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kehoach", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=120,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def overdue_keys(repo: Path) -> set[tuple[str, str, str]]:
    rows = json.loads(kehoach(repo, "overdue", "--as-of", AS_OF, "--role", "chu-tri", "-f",
                              "json").stdout)
    return {(r["task_id"], r["occurrence"], r["agency"]) for r in rows}


@pytest.fixture
def repo(tmp_path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "kho")
    return tmp_path / "kho"


def export(repo: Path, *args: str) -> Path:
    proc = kehoach(repo, "tasks", "--for-update", "-o", "tien-do.xlsx", "--as-of", AS_OF, *args)
    assert proc.returncode == 0, proc.stderr
    return repo / "tien-do.xlsx"


def fill(path: Path, values: dict[int, tuple[object, object]]) -> list[tuple[object, ...]]:
    """Fill data rows (1-based) with (day, evidence); the keys of every data row."""
    book = openpyxl.load_workbook(path)
    sheet = book["Cập nhật tiến độ"]
    headers = [c.value for c in sheet[3]]
    day_col = headers.index("Ngày hoàn thành") + 1
    for number, (day, evidence) in values.items():
        sheet.cell(3 + number, day_col, day)
        sheet.cell(3 + number, day_col + 1, evidence)
    book.save(path)
    keys = [headers.index(k) for k in ("khóa: mã nhiệm vụ", "khóa: kỳ", "khóa: mã cơ quan")]
    return [tuple(r[k] for k in keys) for r in sheet.iter_rows(min_row=4, values_only=True)]


def test_the_sheet_for_update(repo):
    sheet = openpyxl.load_workbook(export(repo))["Cập nhật tiến độ"]
    headers = [c.value for c in sheet[3]]
    assert headers[7:10] == ["Ngày hoàn thành", "Số, ký hiệu văn bản báo cáo", "Ghi chú"]
    for letter in ("K", "L", "M", "N"):
        assert sheet.column_dimensions[letter].hidden
    book = openpyxl.load_workbook(repo / "tien-do.xlsx")
    assert book["kehoach"].sheet_state == "hidden"
    assert book["kehoach"]["B1"].value == "kehoach-tien-do 1"
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert rows and all(r[7] is None for r in rows)  # nothing filled yet
    due = [r[5] for r in rows]
    assert all(d <= dt.datetime(2024, 12, 20) for d in due)  # by as-of + 30 days
    assert len(sheet.data_validations.dataValidation) == 1


def test_round_trip_changes_overdue_exactly_and_the_second_import_is_a_no_op(repo):
    before = overdue_keys(repo)
    keys = fill(export(repo), {1: (dt.datetime(2024, 11, 10), "BC 101/BC-SNV"),
                               2: ("12/11/2024", "BC 102"), 3: (45607, None)})
    filled = {k for k in keys[:3]}
    proc = kehoach(repo, "import-progress", "tien-do.xlsx")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("  - đã ghi: ") == len(filled)
    assert overdue_keys(repo) == before - {(t, o, a) for t, o, a in filled}
    plans = {p: p.read_bytes() for p in (repo / "plans").glob("*.yaml")}
    again = kehoach(repo, "import-progress", "tien-do.xlsx")
    assert again.returncode == 0, again.stderr
    assert "0 ghi nhận mới, 3 đã có, 0 dòng bị từ chối." in again.stderr
    assert {p: p.read_bytes() for p in plans} == plans


def test_a_dry_run_writes_nothing(repo):
    fill(export(repo), {1: ("10/11/2024", "BC 1")})
    plans = {p: p.read_bytes() for p in (repo / "plans").glob("*.yaml")}
    proc = kehoach(repo, "import-progress", "tien-do.xlsx", "--dry-run")
    assert proc.returncode == 0 and "  - sẽ ghi: nhiệm vụ" in proc.stdout
    assert {p: p.read_bytes() for p in plans} == plans


@pytest.mark.parametrize(("day", "message"), [
    ("10/11/2099", "ở tương lai"),
    ("31/02/2024", "không phải một ngày"),
    ("=TODAY()", "chứa công thức"),
])
def test_one_bad_row_and_nothing_is_written(repo, day, message):
    fill(export(repo), {1: ("10/11/2024", "BC 1"), 2: (day, "BC 2")})
    plans = {p: p.read_bytes() for p in (repo / "plans").glob("*.yaml")}
    proc = kehoach(repo, "import-progress", "tien-do.xlsx")
    assert proc.returncode == 1
    assert message in proc.stderr and "chưa ghi gì vào kế hoạch" in proc.stderr
    assert "tien-do.xlsx, dòng 5" in proc.stderr
    assert {p: p.read_bytes() for p in plans} == plans


def test_a_contradicting_row_is_a_conflict_naming_both(repo):
    fill(export(repo), {1: ("10/11/2024", "BC 1")})
    assert kehoach(repo, "import-progress", "tien-do.xlsx").returncode == 0
    fill(repo / "tien-do.xlsx", {1: ("12/11/2024", "BC 9")})
    proc = kehoach(repo, "import-progress", "tien-do.xlsx")
    assert proc.returncode == 1
    assert "mâu thuẫn với ghi nhận đã có (ngày 10/11/2024, minh chứng “BC 1”): bảng ghi ngày " \
           "12/11/2024, minh chứng “BC 9”" in proc.stderr


def test_keys_that_name_nothing_here_are_refused_by_row(repo):
    path = export(repo)
    book = openpyxl.load_workbook(path)
    sheet = book["Cập nhật tiến độ"]
    sheet["H4"], sheet["K4"] = "10/11/2024", "../../etc/passwd.yaml"
    sheet.insert_rows(4)  # extra rows, hidden rows, merged cells and sheets do not confuse it
    sheet.row_dimensions[6].hidden = True
    sheet.merge_cells("A4:C4")
    book.create_sheet("Ghi chú của cơ quan")["A1"] = "=1+1"
    book.save(path)
    proc = kehoach(repo, "import-progress", "tien-do.xlsx")
    assert proc.returncode == 1
    assert "tien-do.xlsx, dòng 5: không có kế hoạch “../../etc/passwd.yaml” trong kho này" \
        in proc.stderr


def _rezip(source: Path, target: Path, replace: dict[str, bytes]) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item, replace.get(item.filename, old.read(item.filename)))
        for name, data in replace.items():
            if name not in old.namelist():
                new.writestr(name, data)


def _laughs() -> bytes:
    """The billion laughs: nine levels of ten-fold entities in the shared strings."""
    levels = ['<!ENTITY lol1 "' + "lol" * 10 + '">']
    levels += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(2, 10)]
    return ('<?xml version="1.0"?><!DOCTYPE lolz [' + "".join(levels) + ']>'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1">'
            "<si><t>&lol9;</t></si></sst>").encode()


BOMB = _laughs()


HOSTILE = ["not-a-zip", "zip-bomb", "macro", "entities", "no-sheet", "folder"]
if hasattr(os, "mkfifo"):
    HOSTILE.append("fifo")  # would hang a reader that opens it blocking


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_workbooks_are_refused_cleanly(repo, case):
    good = export(repo)
    bad = repo / "xau.xlsx"
    if case == "not-a-zip":
        bad.write_bytes(b"PK\x03\x04 but not really")
    elif case == "zip-bomb":
        with zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("xl/big.xml", b"\0" * (110 * 1024 * 1024))
    elif case == "macro":
        _rezip(good, bad, {"xl/vbaProject.bin": b"\0" * 10})
    elif case == "entities":
        _rezip(good, bad, {"xl/sharedStrings.xml": BOMB})
    elif case == "fifo":
        os.mkfifo(bad)
    elif case == "folder":
        bad.mkdir()
    else:
        book = openpyxl.Workbook()
        book.active["A1"] = "x"
        buffer = io.BytesIO()
        book.save(buffer)
        bad.write_bytes(buffer.getvalue())
    proc = kehoach(repo, "import-progress", "xau.xlsx")
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.startswith("Lỗi: ") and "Traceback" not in proc.stderr
