"""done / undone / extend: only the record's lines change; errors leave the file untouched."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kehoach.edit.extensions import extend, withdraw_extension
from kehoach.edit.records import EditError, record_done, withdraw_done
from kehoach.fs.lock import FileLock, LockError, lock_path_for
from tests.conftest import REGISTRY, write_repo
from tests.gitutil import Repo, make_repo

REG = REGISTRY + (
    "  - id: ls.so-gd\n    ten: Sở Giáo dục và Đào tạo tỉnh Lạng Sơn\n    ten_khac: [Sở GDĐT]\n"
    "  - id: ls.hai-so\n    ten: Sở Nội vụ và Sở Giáo dục và Đào tạo\n    nhom: liet_ke\n"
    "    thanh_vien: [ls.snv, ls.so-gd]\n"
    "  - id: ls.lien-quan\n    ten: Các cơ quan, tổ chức có liên quan\n    nhom: mo\n"
)
PLAN = textwrap.dedent("""\
    # Kế hoạch thử: chú thích và cách viết riêng phải giữ nguyên.
    loai: ke_hoach
    co_quan_ban_hanh: [ls.ubnd]
    so_ky_hieu: '12/KH-UBND'
    dia_danh: Lạng Sơn
    ngay_ban_hanh: 2023-01-05
    trich_yeu: Tổ chức Tháng thanh niên
    giai_doan: {tu: 2023, den: 2025}
    phan:
      - so: II.
        noi_dung: NỘI DUNG
        muc:
          - so: "1."
            noi_dung: Báo cáo kết quả định kỳ trước ngày 15/11 hằng năm.   # hằng năm
            nhiem_vu:
              - id: bao-cao
                chu_tri: ls.hai-so
                thoi_han: định kỳ trước ngày 15/11 hằng năm
          - so: "2."
            noi_dung: Tổ chức lễ ra quân (quý II/2023).
            nhiem_vu:
              - id: ra-quan
                chu_tri: ls.tinh-doan
                phoi_hop: [ls.snv]
                thoi_han: quý II/2023
                # ghi chú giữ nguyên
                ghi_chu: Ưu tiên
              - id: tuyen-truyen
                chu_tri: [ls.lien-quan]
    chu_ky:
      - nguoi_ky: Nguyễn Văn A
    """)
DAY = dt.date(2023, 6, 10)


@pytest.fixture
def plan_repo(tmp_path) -> tuple[Repo, Path]:
    repo = make_repo(tmp_path)
    write_repo(repo.root, {"a.yaml": PLAN}, registry=REG)
    repo.commit("kế hoạch")
    return repo, repo.root / "plans" / "a.yaml"


def test_done_adds_only_the_record_lines(plan_repo):
    repo, path = plan_repo
    result = record_done(path, "ra-quan", date=DAY, evidence="Báo cáo số 5/BC-TĐ")
    assert result.message == ("Đã ghi nhận hoàn thành nhiệm vụ ra-quan: ngày 10/06/2023, minh "
                              "chứng: Báo cáo số 5/BC-TĐ.")
    assert repo.diff_lines() == [
        "+            hoan_thanh:",
        "+              - ngay_hoan_thanh: 2023-06-10",
        "+                minh_chung: Báo cáo số 5/BC-TĐ",
    ]
    record_done(path, "bao-cao", agency="Sở GDĐT", date=dt.date(2023, 11, 10), occurrence="2023")
    record_done(path, "bao-cao", agency="ls.snv", date=dt.date(2023, 11, 12), occurrence=2023,
                note="Gửi qua hệ thống")
    repo.commit()
    record_done(path, "bao-cao", agency="ls.so-gd", date=dt.date(2024, 11, 1),
                occurrence="15/11/2024")
    assert repo.diff_lines() == [
        "+              - co_quan: ls.so-gd",
        "+                ky: 2024-11-15",
        "+                ngay_hoan_thanh: 2024-11-01",
    ]
    assert "ghi_chu: Gửi qua hệ thống" in path.read_text(encoding="utf-8")


def test_undone_removes_only_the_record_lines(plan_repo):
    repo, path = plan_repo
    record_done(path, "bao-cao", agency="ls.snv", date=dt.date(2023, 11, 10), occurrence=2023)
    record_done(path, "bao-cao", agency="ls.snv", date=dt.date(2024, 11, 10), occurrence=2024)
    repo.commit()
    result = withdraw_done(path, "bao-cao", agency="Sở Nội vụ", occurrence="2023")
    assert result.message == ("Đã bỏ ghi nhận hoàn thành nhiệm vụ bao-cao: Sở Nội vụ tỉnh Lạng "
                              "Sơn, kỳ 15/11/2023, ngày 10/11/2023.")
    assert repo.diff_lines() == [
        "-              - co_quan: ls.snv",
        "-                ky: 2023-11-15",
        "-                ngay_hoan_thanh: 2023-11-10",
    ]
    withdraw_done(path, "bao-cao", agency="ls.snv")
    repo.commit()
    assert path.read_text(encoding="utf-8") == PLAN


def test_extend_keeps_the_original_deadline(plan_repo):
    repo, path = plan_repo
    result = extend(path, "ra-quan", "quý III/2023", "Công văn số 5/UBND-NC", dt.date(2023, 6, 1))
    assert result.message == ("Đã gia hạn nhiệm vụ ra-quan đến “quý III/2023” theo Công văn số "
                              "5/UBND-NC ngày 01/06/2023, lùi 92 ngày.")
    assert repo.diff_lines() == [
        "+            gia_han:",
        "+              - thoi_han: quý III/2023",
        "+                ngay: 2023-06-01",
        "+                van_ban: Công văn số 5/UBND-NC",
    ]
    text = path.read_text(encoding="utf-8")
    assert text.index("gia_han:") < text.index("# ghi chú giữ nguyên")


def test_unextend_removes_only_the_extension_recorded_by_mistake(plan_repo):
    repo, path = plan_repo
    extend(path, "ra-quan", "quý III/2023", "Công văn số 5/UBND-NC", dt.date(2023, 6, 1))
    extend(path, "ra-quan", "quý IV/2023", "Công văn số 9/UBND-NC", dt.date(2023, 9, 1))
    repo.commit()
    result = withdraw_extension(path, "ra-quan", "công văn số 9/ubnd-nc")
    assert result.message == ("Đã bỏ lần gia hạn nhiệm vụ ra-quan: “quý IV/2023” theo Công văn "
                              "số 9/UBND-NC ngày 01/09/2023.")
    assert repo.diff_lines() == [
        "-              - thoi_han: quý IV/2023",
        "-                ngay: 2023-09-01",
        "-                van_ban: Công văn số 9/UBND-NC",
    ]
    withdraw_extension(path, "ra-quan")  # the only one left: no need to name it
    assert path.read_text(encoding="utf-8") == PLAN


@pytest.mark.parametrize(("setup", "by", "message"), [
    (0, None, "Nhiệm vụ “ra-quan” chưa được gia hạn lần nào."),
    (2, None, "Có 2 lần gia hạn khớp của nhiệm vụ “ra-quan” (đang có: “quý III/2023” theo CV 5 "
              "ngày 01/06/2023; “quý IV/2023” theo CV 9 ngày 01/09/2023); hãy chỉ rõ văn bản gia "
              "hạn bằng --by."),
    (1, "CV 7", "Không có lần gia hạn khớp của nhiệm vụ “ra-quan” (đang có: “quý III/2023” theo "
                "CV 5 ngày 01/06/2023); hãy chỉ rõ văn bản gia hạn bằng --by."),
])
def test_unextend_refusals_leave_the_file_byte_identical(plan_repo, setup, by, message):
    _, path = plan_repo
    for phrase, document, day in [("quý III/2023", "CV 5", dt.date(2023, 6, 1)),
                                  ("quý IV/2023", "CV 9", dt.date(2023, 9, 1))][:setup]:
        extend(path, "ra-quan", phrase, document, day)
    before = path.read_bytes()
    with pytest.raises(EditError) as err:
        withdraw_extension(path, "ra-quan", by)
    assert err.value.message_vi == message
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "call,message",
    [
        (lambda p: record_done(p, "ra-quann", date=DAY),
         "Không có nhiệm vụ “ra-quann” trong tệp"),
        (lambda p: record_done(p, "ra-quan", agency="ls.snv", date=DAY),
         "“Sở Nội vụ tỉnh Lạng Sơn” không phải cơ quan chủ trì nhiệm vụ “ra-quan” (chủ trì: "
         "Tỉnh đoàn Lạng Sơn)."),
        (lambda p: record_done(p, "ra-quan", agency="Sở Không Có", date=DAY),
         "Không tìm thấy cơ quan “Sở Không Có” trong danh mục."),
        (lambda p: record_done(p, "bao-cao", date=DAY, occurrence=2023),
         "Nhiệm vụ “bao-cao” giao cho 2 cơ quan (Sở Nội vụ tỉnh Lạng Sơn; Sở Giáo dục và Đào "
         "tạo tỉnh Lạng Sơn); hãy chỉ rõ cơ quan đã hoàn thành (--agency)."),
        (lambda p: record_done(p, "bao-cao", agency="ls.hai-so", date=DAY, occurrence=2023),
         "“Sở Nội vụ và Sở Giáo dục và Đào tạo” là một nhóm: hãy ghi nhận cho từng cơ quan "
         "thành viên (Sở Nội vụ tỉnh Lạng Sơn; Sở Giáo dục và Đào tạo tỉnh Lạng Sơn)."),
        (lambda p: record_done(p, "bao-cao", agency="ls.snv", date=DAY, occurrence="2026"),
         "Năm 2026 không có kỳ nào của nhiệm vụ “bao-cao” (các kỳ: 15/11/2023, 15/11/2024, "
         "15/11/2025)."),
        (lambda p: record_done(p, "bao-cao", agency="ls.snv", date=DAY, occurrence="2023-11-14"),
         "Ngày 14/11/2023 không phải một kỳ của nhiệm vụ “bao-cao” (các kỳ: 15/11/2023, "
         "15/11/2024, 15/11/2025)."),
        (lambda p: record_done(p, "bao-cao", agency="ls.snv", date=DAY),
         "Nhiệm vụ “bao-cao” có nhiều kỳ (15/11/2023, 15/11/2024, 15/11/2025); hãy chỉ rõ kỳ đã "
         "hoàn thành bằng --occurrence, ví dụ --occurrence 2023-11-15."),
        (lambda p: record_done(p, "ra-quan", date=DAY, occurrence="tháng 6"),
         "Kỳ “tháng 6” không hợp lệ"),
        (lambda p: record_done(p, "ra-quan", date=DAY, occurrence=2023),
         "Nhiệm vụ “ra-quan” chỉ có một kỳ (thời hạn “quý II/2023”); không cần ghi kỳ "
         "(--occurrence)."),
        (lambda p: record_done(p, "ra-quan", date=dt.date.today() + dt.timedelta(days=3)),
         "ở tương lai"),
        (lambda p: withdraw_done(p, "ra-quan"),
         "Nhiệm vụ “ra-quan” chưa có ghi nhận hoàn thành nào."),
        (lambda p: extend(p, "ra-quan", "khi nào xong", "CV 1", DAY),
         "Không đọc được thời hạn mới “khi nào xong”"),
    ],
)
def test_refusals_leave_the_file_byte_identical(plan_repo, call, message):
    _, path = plan_repo
    before = path.read_bytes()
    with pytest.raises(EditError) as info:
        call(path)
    assert message in info.value.message_vi
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["a.yaml", "co-quan.yaml"]


def test_duplicate_completion_is_refused(plan_repo):
    _, path = plan_repo
    record_done(path, "ra-quan", date=DAY)
    before = path.read_bytes()
    with pytest.raises(EditError, match="đã được ghi nhận hoàn thành"):
        record_done(path, "ra-quan", agency="Tỉnh đoàn", date=dt.date(2023, 6, 11))
    assert path.read_bytes() == before


def test_open_group_is_one_assignee(plan_repo):
    _, path = plan_repo
    record_done(path, "tuyen-truyen", date=DAY)
    with pytest.raises(EditError, match="đã được ghi nhận"):
        record_done(path, "tuyen-truyen", agency="ls.lien-quan", date=DAY)


def test_invalid_file_is_not_edited(plan_repo):
    _, path = plan_repo
    broken = PLAN.replace("loai: ke_hoach", "loai: ke_hoach\nloai: ke_hoach").encode("utf-8")
    path.write_bytes(broken)
    with pytest.raises(EditError) as info:
        record_done(path, "ra-quan", date=DAY)
    assert "đang có lỗi" in info.value.message_vi
    assert info.value.diagnostics[0].code == "duplicate-key"
    assert path.read_bytes() == broken


def test_flow_task_asks_for_fmt(tmp_path):
    flow = PLAN.replace('      - so: "2."', '      - so: "3."\n        noi_dung: Gọn.\n'
                        '        nhiem_vu: [{id: gon, chu_tri: ls.snv}]\n      - so: "2."')
    assert flow != PLAN
    path = write_repo(tmp_path, {"a.yaml": flow}, registry=REG) / "plans" / "a.yaml"
    with pytest.raises(EditError, match="hãy chạy “kehoach fmt”"):
        record_done(path, "gon", date=DAY)


def test_neighbour_styles_are_followed(tmp_path):
    odd = textwrap.dedent("""\
        loai: ke_hoach\r
        co_quan_ban_hanh: [ls.ubnd]\r
        trich_yeu: A\r
        du_thao: true\r
        phan:\r
        - noi_dung: X\r
          nhiem_vu:\r
          - id: x\r
            chu_tri: ls.hai-so\r
            hoan_thanh:\r
            -   ngay_hoan_thanh: 2023-01-02\r
                co_quan: ls.snv\r
            gia_han: []   # chưa có\r
        """)
    path = write_repo(tmp_path, {"a.yaml": odd}, registry=REG) / "plans" / "a.yaml"
    record_done(path, "x", agency="ls.so-gd", date=DAY, evidence="BC 1")
    extend(path, "x", "quý III/2023", "CV 2", DAY)
    expected = odd.replace(
        "        co_quan: ls.snv\r\n",
        "        co_quan: ls.snv\r\n    -   co_quan: ls.so-gd\r\n"
        "        ngay_hoan_thanh: 2023-06-10\r\n        minh_chung: BC 1\r\n",
    ).replace("    gia_han: []   # chưa có\r\n",
              "    gia_han:   # chưa có\r\n      - thoi_han: quý III/2023\r\n"
              "        ngay: 2023-06-10\r\n        van_ban: CV 2\r\n")
    assert expected != odd
    assert path.read_bytes().decode("utf-8") == expected
    with pytest.raises(EditError, match="Có 2 ghi nhận hoàn thành khớp"):
        withdraw_done(path, "x")


_RACER = """
import datetime as dt, sys, time
from pathlib import Path
from kehoach.edit.records import record_done
path, first, start = Path(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
while time.time() < start:
    time.sleep(0.001)
for month in range(first, first + 20):
    ky = dt.date(2023 + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    ky = (ky.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    record_done(path, "hang-thang", date=dt.date(2023, 1, 6), occurrence=ky.isoformat())
"""


def test_two_processes_racing_lose_nothing(tmp_path):
    plan = PLAN.replace("          - id: tuyen-truyen\n",
                        "          - id: hang-thang\n            chu_tri: ls.snv\n"
                        "            thoi_han: hằng tháng\n          - id: tuyen-truyen\n")
    plan = plan.replace("den: 2025", "den: 2026")  # 48 monthly occurrences
    assert plan != PLAN
    path = write_repo(tmp_path, {"a.yaml": plan}, registry=REG) / "plans" / "a.yaml"
    start = str(time.time() + 1.5)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    racers = [subprocess.Popen([sys.executable, "-c", _RACER, str(path), str(first), start],
                               env=env, stderr=subprocess.PIPE) for first in (1, 21)]
    errors = [r.communicate(timeout=240)[1].decode("utf-8", "replace") for r in racers]
    assert [r.returncode for r in racers] == [0, 0], errors
    from kehoach.load.document import load_document

    doc = load_document(path)
    assert doc.diagnostics == [] and doc.plan is not None
    task = next(t for item in doc.plan.phan[0].muc for t in item.nhiem_vu if t.id == "hang-thang")
    kys = sorted(d.ky for d in task.hoan_thanh)
    assert len(kys) == 40 and len(set(kys)) == 40
    assert not lock_path_for(path).exists()


def test_lock_times_out_and_breaks_stale_locks(tmp_path):
    target = tmp_path / "a.yaml"
    target.write_text("x", encoding="utf-8")
    with FileLock(target), pytest.raises(LockError) as info:
        FileLock(target, timeout=0.2).acquire()
    assert "đang được một lệnh kehoach khác sửa" in info.value.message_vi
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, check=True, text=True).stdout.strip()
    import socket

    # A lock file left behind (by a killed process) holds no lock: the system's lock died
    # with its owner, so the next command takes it at once, whatever the file says.
    lock_path_for(target).write_text(f"{dead}\n{socket.gethostname()}\nabc\n", encoding="utf-8")
    started = time.monotonic()
    with FileLock(target, timeout=2):
        assert lock_path_for(target).exists()
    assert time.monotonic() - started < 1
    assert not lock_path_for(target).exists()


def test_bom_is_kept(tmp_path):
    path = write_repo(tmp_path, {"a.yaml": PLAN}, registry=REG) / "plans" / "a.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + PLAN.encode("utf-8"))
    record_done(path, "ra-quan", date=DAY)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\xef\xbb\xbf") == 1
    assert b"ngay_hoan_thanh: 2023-06-10" in raw


def test_locate_task_by_id_in_the_repository(tmp_path):
    from kehoach.edit.records import locate_task

    other = PLAN.replace("id: bao-cao", "id: bao-cao-2").replace("id: ra-quan", "id: ra-quan-2") \
        .replace("id: tuyen-truyen", "id: tuyen-truyen-2")
    root = write_repo(tmp_path, {"a.yaml": PLAN, "sub/b.yaml": other}, registry=REG)
    assert locate_task("ra-quan", root) == root / "plans" / "a.yaml"
    assert locate_task("ra-quan-2", root / "plans") == root / "plans" / "sub" / "b.yaml"
    with pytest.raises(EditError, match=r"Không có nhiệm vụ “ra-quam” trong kho kế hoạch\. Có "
                       r"phải: ra-quan"):
        locate_task("ra-quam", root)
    write_repo(tmp_path, {"c.yaml": PLAN}, registry=REG)
    with pytest.raises(EditError, match="có ở nhiều tệp"):
        locate_task("ra-quan", root)


def test_an_agency_name_shared_by_provinces_means_the_one_on_the_task(tmp_path):
    """“Sở Nội vụ” is a body in every province; on a Lạng Sơn task it can only mean one."""
    other = "  - id: cm.snv\n    ten: Sở Nội vụ tỉnh Cà Mau\n    ten_khac: [Sở Nội vụ]\n"
    root = write_repo(tmp_path, {"a.yaml": PLAN}, registry=REG + other)
    path = root / "plans" / "a.yaml"
    result = record_done(path, "bao-cao", agency="so noi vu", date=DAY, occurrence=2023)
    assert result.record["co_quan"] == "ls.snv"
    # Not a lead of this task, but the plan writes it: the name means Lạng Sơn's Sở Nội vụ,
    # and the message says it does not lead the task (not that the name is ambiguous).
    with pytest.raises(EditError, match="“Sở Nội vụ tỉnh Lạng Sơn” không phải cơ quan chủ trì "
                       "nhiệm vụ “ra-quan”"):
        record_done(path, "ra-quan", agency="so noi vu", date=DAY)
    # A place written wins over the plan's province.
    with pytest.raises(EditError, match="“Sở Nội vụ tỉnh Cà Mau” không phải cơ quan chủ trì"):
        record_done(path, "ra-quan", agency="SNV Cà Mau", date=DAY)


def test_a_long_list_of_assignees_is_cut_short(tmp_path):
    bodies = "".join(f"  - id: ls.so-{i}\n    ten: Sở số {i}\n" for i in range(12))
    group = "  - id: ls.moi-so\n    ten: Các sở\n    nhom: liet_ke\n    thanh_vien: [" + \
        ", ".join(f"ls.so-{i}" for i in range(12)) + "]\n"
    plan = PLAN.replace("chu_tri: ls.hai-so", "chu_tri: ls.moi-so")
    root = write_repo(tmp_path, {"a.yaml": plan}, registry=REG + bodies + group)
    with pytest.raises(EditError) as info:
        record_done(root / "plans" / "a.yaml", "bao-cao", date=DAY, occurrence=2023)
    assert info.value.message_vi == (
        "Nhiệm vụ “bao-cao” giao cho 12 cơ quan (Sở số 0; Sở số 1; Sở số 2; Sở số 3; Sở số 4; "
        "và 7 cơ quan khác); hãy chỉ rõ cơ quan đã hoàn thành (--agency).")


# --- found in review -----------------------------------------------------------------------


def test_decomposed_input_is_written_as_nfc(plan_repo):
    import unicodedata

    _, path = plan_repo
    nfd = unicodedata.normalize("NFD", "Báo cáo số 9")
    result = record_done(path, "ra-quan", date=DAY, evidence=nfd, note=nfd)
    assert result.record["minh_chung"] == "Báo cáo số 9"
    extend(path, "ra-quan", unicodedata.normalize("NFD", "quý III/2023"),
           unicodedata.normalize("NFD", "Công văn số 5"), DAY)
    assert "Công văn số 5" in path.read_text(encoding="utf-8")


def test_an_occurrence_is_named_by_its_due_day_or_its_year(plan_repo):
    _, path = plan_repo
    done = record_done(path, "bao-cao", agency="ls.snv", date=dt.date(2024, 11, 10),
                       occurrence="2024")
    assert done.record["ky"] == dt.date(2024, 11, 15)  # the year has one occurrence
    assert withdraw_done(path, "bao-cao", agency="ls.snv", occurrence="15/11/2024").record[
        "ky"] == dt.date(2024, 11, 15)


def test_extending_a_yearly_task_counts_from_that_year(plan_repo):
    _, path = plan_repo
    result = extend(path, "bao-cao", "trước ngày 30/11/2024", "CV 12", dt.date(2024, 11, 1))
    assert result.message.endswith("lùi 15 ngày.")


@pytest.mark.parametrize(("call", "message"), [
    (lambda p: extend(p, "ra-quan", "quý III/2023", "CV 1", dt.date.today() + dt.timedelta(3)),
     "ở tương lai"),
    (lambda p: extend(p, "ra-quan", "tháng 4/2023", "CV 1", DAY),
     r"sớm hơn thời hạn đang áp dụng \(61 ngày\): gia hạn chỉ lùi thời hạn"),
])
def test_extensions_that_are_not_extensions_are_refused(plan_repo, call, message):
    _, path = plan_repo
    before = path.read_bytes()
    with pytest.raises(EditError, match=message):
        call(path)
    assert path.read_bytes() == before


def test_an_edit_reports_the_warnings_it_brings(plan_repo):
    _, path = plan_repo
    result = record_done(path, "ra-quan", date=dt.date(2023, 1, 2))  # before the date of issue
    assert [w.code for w in result.warnings] == ["completion-before-issue"]
    assert record_done(path, "bao-cao", agency="ls.snv", date=DAY, occurrence=2023).warnings == []


def test_the_occurrences_offered_are_the_trackers(plan_repo):
    """The plan is issued on 05/01/2023: its yearly task falls due from 15/11/2023 on."""
    _, path = plan_repo
    with pytest.raises(EditError, match=r"có nhiều kỳ \(15/11/2023, 15/11/2024, 15/11/2025\)"):
        record_done(path, "bao-cao", agency="ls.snv", date=DAY)
