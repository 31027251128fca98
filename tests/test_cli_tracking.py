"""`kehoach deadline/overdue/tasks/upcoming/summary` end to end, in subprocesses."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach.deadline.clock import today_vn
from kehoach.tracking import tables
from kehoach.tracking.loading import load
from kehoach.tracking.queries import overdue
from tests.conftest import REGISTRY, write_repo

FIXTURE = Path(__file__).parent / "data" / "tracking"
REPO = Path(__file__).parent.parent


def kehoach(*args: str, cwd: Path = FIXTURE, tz: str | None = None,
            ) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8", COLUMNS="200")
    if tz is not None:
        env["TZ"] = tz
    return subprocess.run([sys.executable, "-m", "kehoach", *args], capture_output=True,
                          cwd=cwd, env=env, timeout=120)


def out(proc: subprocess.CompletedProcess[bytes]) -> str:
    return proc.stdout.decode("utf-8")


def err(proc: subprocess.CompletedProcess[bytes]) -> str:
    return proc.stderr.decode("utf-8")


# --- deadline -----------------------------------------------------------------------------


def test_deadline_explains_and_exits_0():
    from kehoach.deadline import explain, read_deadline

    proc = kehoach("deadline", "trước ngày 15/11", "--as-of", "2024-01-01")
    assert (proc.returncode, err(proc)) == (0, "")
    reading = read_deadline("trước ngày 15/11", dt.date(2024, 1, 1))
    assert out(proc) == explain(reading, dt.date(2024, 1, 1)) + "\n"
    # 15/11/2024 − 01/01/2024 = 319 days (2024 is a leap year: 31+29+31+30+31+30+31+31+30+31+14).
    assert "Hạn cuối đúng hạn: 15/11/2024\nTính đến 01/01/2024: còn 319 ngày.\n" in out(proc)
    assert "Năm được suy ra từ ngày 01/01/2024" in out(proc)


def test_deadline_json():
    from kehoach.deadline import read_deadline, to_json

    proc = kehoach("deadline", "dự kiến tháng 12/2022", "--json", "--as-of", "15/11/2022")
    assert proc.returncode == 0
    day = dt.date(2022, 11, 15)
    expected = to_json(read_deadline("dự kiến tháng 12/2022", day), day)
    assert out(proc) == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"
    data = json.loads(out(proc))
    assert (data["kind"], data["due"], data["approximate"]) == ("month", "2022-12-31", True)


@pytest.mark.parametrize(("phrase", "message"), [
    ("trước ngày 31/02/2023", "tháng 2 không có ngày 31"),
    ("trước ngày 04/11/2022 (thứ Năm)", "thứ Sáu, không phải thứ Năm"),
    ("khi có ý kiến chỉ đạo", "Không đọc được thời hạn"),
])
def test_deadline_errors_exit_1(phrase, message):
    proc = kehoach("deadline", phrase, "--as-of", "2023-01-01")
    assert proc.returncode == 1
    assert err(proc).startswith("Lỗi: ") and message in err(proc)


@pytest.mark.parametrize("as_of", ["2023-13-01", "31/02/2023", "hôm qua"])
def test_malformed_as_of_exits_2(as_of):
    proc = kehoach("deadline", "tháng 3/2024", "--as-of", as_of)
    assert proc.returncode == 2
    assert err(proc) == (f"Lỗi: --as-of: ngày “{as_of}” không hợp lệ (viết YYYY-MM-DD hoặc "
                         "DD/MM/YYYY).\n")


# --- overdue, tasks, upcoming, summary -------------------------------------------------------


DRAFTS = ("Trong 2 kế hoạch đã tính có 1 dự thảo (chưa ban hành): nghĩa vụ của dự thảo có thể "
          "còn thay đổi.")
"""What every output says of the fixture's draft (du-thao.yaml)."""


def test_overdue_json_is_exact():
    proc = kehoach("overdue", "--as-of", "2024-06-30", "--format", "json")
    # The data stay exact; the draft counted is said beside them.
    assert (proc.returncode, err(proc)) == (0, f"Ghi chú: {DRAFTS}\n")
    loaded = load([], dt.date(2024, 6, 30), cwd=FIXTURE)
    rows = overdue(loaded.rows, loaded.registry)
    assert out(proc) == tables.to_json([tables.obligation_record(r) for r in rows])
    data = json.loads(out(proc))
    assert [(d["task_id"], d["days_overdue"], d["approximate"]) for d in data] == [
        ("dien-dan", 547, True), ("ra-soat", 457, False), ("kinh-phi", 243, False),
        ("bc-nam", 228, False), ("dt-so-ket", 228, False)]


def test_csv_starts_with_a_bom_and_keeps_crlf():
    proc = kehoach("overdue", "--as-of", "2024-06-30", "-f", "csv", "--agency", "so noi vu")
    assert proc.returncode == 0
    assert proc.stdout.startswith(b"\xef\xbb\xbfplan,so_ky_hieu,task_id,agency,agency_name,")
    lines = proc.stdout.split(b"\r\n")
    assert len(lines) == 3 and lines[-1] == b""  # header, one row, final CRLF
    assert lines[1].startswith("plans/bao-cao-nam.yaml,12/KH-UBND,bc-nam,t.snv,Sở Nội vụ tỉnh "
                               "Thử,,chu_tri,2023-11-15,2023-11-15,false,".encode())


def test_plain_table_when_piped():
    proc = kehoach("overdue", "--as-of", "2024-06-30", "--agency", "SNV", "--role", "phoi-hop")
    assert proc.returncode == 0
    lines = out(proc).splitlines()
    assert lines[0].split()[:3] == ["Hạn", "Tình", "trạng"]
    assert lines[2].startswith("31/12/2022 (dự kiến)  Chưa hoàn thành, quá hạn 547 ngày  Các sở,")
    assert "Phối hợp  dien-dan — kỳ 2022-12-31" in lines[2]
    assert lines[3].startswith("31/10/2023            Chưa hoàn thành, quá hạn 243 ngày  Sở Nội")
    # The footer names the body the name designates, and says a draft was counted.
    assert lines[-1] == ("Sở Nội vụ tỉnh Thử — tính đến ngày 30/06/2024: 2 nghĩa vụ quá hạn. "
                         f"{DRAFTS}")


def test_rich_table_in_a_terminal():
    pty = pytest.importorskip("pty")
    master, slave = pty.openpty()
    env = dict(os.environ, COLUMNS="200", PYTHONIOENCODING="utf-8")
    proc = subprocess.run([sys.executable, "-m", "kehoach", "overdue", "--as-of", "2024-06-30"],
                          stdout=slave, stderr=subprocess.PIPE, cwd=FIXTURE, env=env,
                          timeout=120)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    text = b"".join(chunks).decode("utf-8")
    assert proc.returncode == 0
    assert "┃" in text and "quá hạn 547 ngày" in text and "5 nghĩa vụ quá hạn" in text


def test_tasks_filters():
    proc = kehoach("tasks", "--as-of", "2024-06-30", "--status", "hoan-thanh-qua-han",
                   "--due-before", "15/11/2023", "-f", "json")
    assert proc.returncode == 0
    # Done late, due on or before 15/11/2023: kiem-tra (5), bc-nam 2022 STC (5), 2023 SGD (15).
    assert [(d["task_id"], d["agency"], d["days_late"]) for d in json.loads(out(proc))] == [
        ("kiem-tra", "t.snv.phong-cttn", 5), ("bc-nam", "t.stc", 5), ("bc-nam", "t.sgd", 15)]


@pytest.mark.parametrize("args", [
    ("tasks", "--status", "xong"), ("tasks", "--due-after", "2024-02-30"),
    ("overdue", "--role", "lanh-dao"), ("overdue", "plans/khong-co.yaml"),
    ("upcoming", "--within", "-3"),
])
def test_bad_arguments_exit_2(args):
    assert kehoach(*args, "--as-of", "2024-06-30").returncode == 2


def test_upcoming():
    proc = kehoach("upcoming", "--as-of", "2024-11-01", "--within", "14", "-f", "json")
    # 01/11 → 15/11 is 14 days: the three 2024 reports are due within the window, their
    # bodies in the registry's order.
    assert [(d["agency"], d["days_left"]) for d in json.loads(out(proc))] == [
        ("t.snv", 14), ("t.stc", 14), ("t.sgd", 14)]


def test_summary_csv_and_json():
    proc = kehoach("summary", "--as-of", "2024-06-30", "-f", "csv")
    assert proc.returncode == 0
    lines = out(proc).split("\r\n")
    assert lines[0] == ("\ufeffagency,agency_name,hoan_thanh_dung_han,hoan_thanh_qua_han,"
                        "chua_hoan_thanh_trong_han,chua_hoan_thanh_qua_han,khong_co_thoi_han,"
                        "total,due_by_as_of,on_time_rate,as_of")
    # 6 on time, 3 late, 9 in time, 5 overdue, 1 undated; 14 due; 6 / 14 = 0.4286.
    assert lines[-2] == ",Tổng cộng,6,3,9,5,1,24,14,0.4286,2024-06-30"
    data = json.loads(out(kehoach("summary", "--as-of", "2024-06-30", "-f", "json")))
    # Bodies in the registry's order: Sở Nội vụ first.
    assert data[0]["agency"] == "t.snv" and data[0]["on_time_rate"] == 0.5


def test_ambiguous_agency_exits_2_listing_both(tmp_path):
    registry = REGISTRY + "  - {id: cm.snv, ten: Sở Nội vụ tỉnh Cà Mau, ten_khac: [Sở Nội vụ]}\n"
    root = write_repo(tmp_path, {}, registry=registry)
    proc = kehoach("overdue", "--agency", "so noi vu", "--as-of", "2024-01-01", cwd=root)
    assert (proc.returncode, out(proc)) == (2, "")
    assert err(proc) == ("Lỗi: Tên cơ quan “so noi vu” chưa rõ, có thể là:\n"
                         "  - ls.snv (Sở Nội vụ tỉnh Lạng Sơn)\n"
                         "  - cm.snv (Sở Nội vụ tỉnh Cà Mau)\n"
                         "Hãy ghi mã cơ quan, hoặc thêm tên tỉnh, huyện vào tên.\n")


def test_unknown_agency_exits_2_with_suggestions():
    proc = kehoach("tasks", "--agency", "So Tai chin", "--as-of", "2024-01-01")
    assert proc.returncode == 2
    assert "Có phải: Sở Tài chính tỉnh Thử?" in err(proc)


def test_broken_plan_prints_check_diagnostics_and_exits_1(tmp_path):
    good = (FIXTURE / "plans" / "du-thao.yaml").read_text(encoding="utf-8")
    root = write_repo(tmp_path, {"good.yaml": good, "broken.yaml": good.replace(
        "trich_yeu:", "trich_yue:").replace("dt-", "x-")},
        registry=(FIXTURE / "plans" / "co-quan.yaml").read_text(encoding="utf-8"))
    proc = kehoach("overdue", "--as-of", "2024-06-30", "-f", "json", cwd=root)
    check = kehoach("check", "plans/broken.yaml", "-f", "plain", cwd=root)
    assert proc.returncode == 1
    assert err(proc) == out(check) + (
        "Có tệp không đọc được: kết quả chỉ gồm các kế hoạch đọc được.\n"
        "Ghi chú: Trong 1 kế hoạch đã tính có 1 dự thảo (chưa ban hành): nghĩa vụ của dự thảo "
        "có thể còn thay đổi.\n")
    assert [d["task_id"] for d in json.loads(out(proc))] == ["dt-so-ket"]


# --- time zones ---------------------------------------------------------------------------


@pytest.mark.parametrize("tz", ["UTC", "Pacific/Kiritimati", "America/Los_Angeles"])
def test_fixed_as_of_is_the_same_in_every_time_zone(tz):
    reference = kehoach("overdue", "--as-of", "2024-06-30", "-f", "json", tz="Asia/Ho_Chi_Minh")
    proc = kehoach("overdue", "--as-of", "2024-06-30", "-f", "json", tz=tz)
    assert proc.stdout == reference.stdout and proc.returncode == 0


@pytest.mark.parametrize("tz", ["UTC", "Pacific/Kiritimati"])
def test_default_as_of_is_today_in_vietnam(tz):
    before = today_vn()
    proc = kehoach("summary", "-f", "json", tz=tz)
    after = today_vn()
    as_of = json.loads(out(proc))[-1]["as_of"]
    assert as_of in {before.isoformat(), after.isoformat()}
    deadline = json.loads(out(kehoach("deadline", "hằng năm", "--json", tz=tz)))
    assert deadline["due"] in {f"{before.year}-12-31", f"{after.year}-12-31"}


# --- the repository's own plans -----------------------------------------------------------


def test_real_plans_run():
    proc = kehoach("overdue", "--as-of", "2023-06-30", "--role", "any", "-f", "json", cwd=REPO)
    assert proc.returncode == 0
    assert len(json.loads(out(proc))) > 0


def test_real_plans_successor_in_summary():
    proc = kehoach("summary", "--as-of", "2025-12-31", "--agency", "lang-son.so-noi-vu",
                   "-f", "json", cwd=REPO)
    [snv, _total] = json.loads(out(proc))
    # Sở Nội vụ Lạng Sơn, 253/KH-UBND as of 31/12/2025, no completions recorded:
    #   own: ii-1a, ii-4-bao-cao, iv-1a/b/c/dd, iv-2a/b/c undated (9); ii-2, ii-3 (31/12/2025)
    #   and kiem-tra 2025, iv-1d 2025 (31/12/2025) in time (4); kiem-tra 2022–2024,
    #   iv-1d 2022–2024, iv-2d 2022–2025, ii-5 (06/2025) overdue (11);
    #   inherited from Sở LĐTBXH (merged 28/02/2025): kiem-tra and iv-2d 2022–2024 (6 overdue).
    assert (snv["total"], snv["khong_co_thoi_han"], snv["chua_hoan_thanh_trong_han"],
            snv["chua_hoan_thanh_qua_han"], snv["due_by_as_of"]) == (30, 9, 4, 17, 21)


# --- help and documentation ---------------------------------------------------------------


@pytest.mark.parametrize("command", ["deadline", "overdue", "tasks", "upcoming", "summary"])
def test_every_command_has_vietnamese_help(command):
    proc = kehoach(command, "--help")
    assert proc.returncode == 0
    assert "--as-of" in out(proc) and "ngày" in out(proc)


def test_every_column_is_documented():
    doc = (REPO / "docs" / "tracking.md").read_text(encoding="utf-8")
    columns = [*tables.OBLIGATION_COLUMNS, *tables.SUMMARY_COLUMNS]
    assert [c for c in columns if f"`{c}`" not in doc and c not in doc] == []
    for column in tables.OBLIGATION_COLUMNS:
        assert f"| `{column}` |" in doc, column


@pytest.mark.parametrize("role", ["chu-tri", "chu_tri", "Chủ trì", "CHU TRI"])
def test_role_in_either_spelling(role):
    proc = kehoach("overdue", "--as-of", "2023-06-30", "--role", role, "-f", "json", cwd=REPO)
    assert proc.returncode == 0, err(proc)
    assert {r["role"] for r in json.loads(out(proc))} == {"chu_tri"}


@pytest.mark.parametrize("role", ["tat-ca", "tat_ca", "any", "Tất cả"])
def test_both_roles_in_either_spelling(role):
    proc = kehoach("overdue", "--as-of", "2023-06-30", "--role", role, "-f", "json", cwd=REPO)
    assert proc.returncode == 0, err(proc)
    assert {r["role"] for r in json.loads(out(proc))} == {"chu_tri", "phoi_hop"}


def test_unknown_role_is_a_usage_error_in_vietnamese():
    proc = kehoach("overdue", "--role", "lead", cwd=REPO)
    assert proc.returncode == 2
    assert "“lead” không phải vai trò: chọn chu-tri (chủ trì)" in err(proc)
