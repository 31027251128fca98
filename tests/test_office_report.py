"""kehoach report: the progress report of a plan, opened with python-docx and checked."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import docx
import pytest
from docx.shared import Twips

from kehoach.plan.reportperiod import PeriodError, parse_period
from kehoach.render import typeset

FIXTURE = Path(__file__).parent / "data" / "tracking"
PLAN = "plans/bao-cao-nam.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NARRATIVE = """\
ke_hoach: plans/bao-cao-nam.yaml
ky: 2023
so_ky_hieu: 45/BC-UBND
ngay: 2024-01-12
danh_gia: Các sở, ngành đã triển khai kế hoạch nghiêm túc.
nguyen_nhan:
  - Một số nhiệm vụ chưa được bố trí kinh phí.
  - Việc báo cáo còn chậm.
kien_nghi: Đề nghị các sở, ngành khẩn trương hoàn thành các nhiệm vụ quá hạn.
"""


def kehoach(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kehoach", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=180,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def _copy(tmp: Path) -> Path:
    shutil.copytree(FIXTURE, tmp / "kho")
    return tmp / "kho"


@pytest.fixture(scope="module")
def draft(tmp_path_factory) -> tuple[subprocess.CompletedProcess[str], Path]:
    repo = _copy(tmp_path_factory.mktemp("draft"))
    proc = kehoach(repo, "report", PLAN, "--period", "2023", "--as-of", "2024-01-10")
    return proc, repo / "out" / "bao-cao-bao-cao-nam-2023.docx"


@pytest.fixture(scope="module")
def signed(tmp_path_factory) -> tuple[subprocess.CompletedProcess[str], Path]:
    repo = _copy(tmp_path_factory.mktemp("signed"))
    (repo / "reports").mkdir()
    (repo / "reports" / "bao-cao-2023.yaml").write_text(NARRATIVE, encoding="utf-8")
    proc = kehoach(repo, "report", PLAN, "-k", "2023", "--as-of", "2024-01-10", "-o", "bc.docx")
    return proc, repo / "bc.docx"


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def tables(path: Path) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in t.rows]
            for t in docx.Document(str(path)).tables]


def test_the_draft_is_written_and_said_to_be_a_draft(draft):
    proc, path = draft
    assert (proc.returncode, proc.stdout) == (
        0, "Đã ghi out/bao-cao-bao-cao-nam-2023.docx (dự thảo)\n"), proc.stderr
    assert path.is_file()


def test_header_title_and_opening(draft):
    _, path = draft
    header = " ".join(" ".join(c for c in row) for row in tables(path)[0])
    assert "ỦY BAN NHÂN DÂN" in header and "Số:       /BC-UBND" in header
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header
    assert "Thử, ngày      tháng      năm 20.." in header  # a draft leaves the day blank
    text = paragraphs(path)
    assert text[0] == "DỰ THẢO"
    assert "BÁO CÁO" in text
    title = next(p for p in text if p.startswith("Kết quả thực hiện"))
    assert " ".join(title.split()) == ("Kết quả thực hiện Kế hoạch số 12/KH-UBND ngày "
                                       "10/01/2022 của Ủy ban nhân dân tỉnh Thử (kỳ báo cáo: "
                                       "năm 2023)")
    assert ("Ủy ban nhân dân tỉnh Thử báo cáo kết quả thực hiện Kế hoạch số 12/KH-UBND ngày "
            "10/01/2022 trong năm 2023 (từ ngày 01/01/2023 đến ngày 31/12/2023, số liệu tính "
            "đến ngày 10/01/2024) như sau:") in text


@pytest.mark.parametrize("line", [
    # done on time, late (with how late and the report as evidence), overdue by days
    "+ Thời hạn 15/11/2023 — đã hoàn thành đúng hạn: Sở Tài chính tỉnh Thử (ngày 15/11/2023, "
    "Báo cáo số 41/BC-STC); hoàn thành chậm: Sở Giáo dục và Đào tạo tỉnh Thử (ngày 30/11/2023, "
    "chậm 15 ngày, Báo cáo số 9/BC-SGDĐT); chưa hoàn thành, quá hạn: Sở Nội vụ tỉnh Thử (quá "
    "hạn 56 ngày).",
    # an extended deadline: late from the new day, the extension named
    "+ Thời hạn 30/6/2023 — chưa hoàn thành, quá hạn: Sở Tài chính tỉnh Thử (quá hạn 71 ngày, "
    "gia hạn đến 31/10/2023 theo Công văn số 71/UBND-NC).",
    # the backlog: due before the period, still open at its start
    "+ Thời hạn 31/12/2022 — chưa hoàn thành, quá hạn: Tỉnh đoàn Thử (quá hạn 375 ngày).",
    # undated tasks nothing is recorded for: counted at the end of their part, with the leads
    "- Các nhiệm vụ thực hiện thường xuyên, không có thời hạn cố định, chưa có ghi nhận kết "
    "quả: 1 nhiệm vụ (Sở Nội vụ tỉnh Thử chủ trì 1 nhiệm vụ).",
])
def test_results_per_task_from_the_records(draft, line):
    assert line in paragraphs(draft[1])


def test_results_are_grouped_under_the_parts_of_the_plan(draft):
    text = paragraphs(draft[1])
    start = text.index("1. Kết quả thực hiện các nhiệm vụ")
    assert text[start + 1] == "I. NHIỆM VỤ"
    assert text[start + 2].startswith("- Các sở, ban, ngành báo cáo kết quả thực hiện")
    # a record of the previous year is not this year's result
    assert not any("Báo cáo số 12/BC-SNV" in p for p in text)


def test_the_figures_and_the_chart(draft):
    _, path = draft
    text = paragraphs(path)
    figures = next(p for p in text if p.startswith("Trong kỳ báo cáo có"))
    assert figures.startswith("Trong kỳ báo cáo có 8 lượt nhiệm vụ của các cơ quan chủ trì, "
                              "trong đó 7 lượt đã đến hạn")
    assert "đã hoàn thành 3 (2 đúng hạn, 1 chậm hạn); chưa hoàn thành 4 (0 trong hạn, 4 quá " \
           "hạn)" in figures and "Tỷ lệ hoàn thành đúng hạn (trên số đã đến hạn): 28,6%" in figures
    document = docx.Document(str(path))
    [picture] = document.inline_shapes
    assert picture.width == Twips(typeset.picture_width(typeset.page().text_width))
    blip = document.part.related_parts[picture._inline.graphic.graphicData.pic.blipFill.blip.embed]
    assert blip.content_type == "image/png" and blip.blob.startswith(b"\x89PNG")
    caption = text.index("Biểu đồ: Tình hình thực hiện nhiệm vụ theo cơ quan chủ trì")
    assert document.paragraphs[caption].runs[0].italic


def test_the_places_only_a_person_can_write_are_marked(draft):
    document = docx.Document(str(draft[1]))
    marked = [p for p in document.paragraphs if p.text.startswith("[Phần ")]
    assert [p.text.split(":")[0] for p in marked] == [
        "[Phần đánh giá chung về kết quả thực hiện", "[Phần tồn tại, hạn chế và nguyên nhân",
        "[Phần kiến nghị, đề xuất"]
    assert all(r.italic for p in marked for r in p.runs)


def test_next_period_tasks_with_their_leads_as_the_plan_names_them(draft):
    text = paragraphs(draft[1])
    start = text.index("Các nhiệm vụ đến hạn trong năm 2024:")
    assert text[start + 1].endswith("(thời hạn 15/11/2024; chủ trì: Các sở, ban, ngành tỉnh "
                                    "Thử).")
    assert text[start + 2].endswith("(thời hạn 20/12/2024; chủ trì: Sở Lao động - Thương binh "
                                    "và Xã hội tỉnh Thử).")
    assert text[start + 3] == "IV. KIẾN NGHỊ, ĐỀ XUẤT"


def test_the_annex_grid_on_a_landscape_page_with_a_bold_total(draft):
    _, path = draft
    document = docx.Document(str(path))
    annex = document.sections[1]
    assert annex.page_width > annex.page_height  # nine columns: landscape
    grid = document.tables[-1]
    head = [c.text for c in grid.rows[0].cells]
    assert head == ["STT", "Cơ quan, đơn vị chủ trì", "Hoàn thành đúng hạn",
                    "Hoàn thành quá hạn", "Chưa hoàn thành, trong hạn",
                    "Chưa hoàn thành, quá hạn", "Không có thời hạn", "Tổng số",
                    "Tỷ lệ đúng hạn"]
    rows = [[c.text for c in r.cells] for r in grid.rows[1:]]
    assert rows[1] == ["2", "Sở Tài chính tỉnh Thử", "1", "0", "0", "1", "0", "2", "50,0%"]
    assert rows[-1] == ["", "Tổng cộng", "2", "1", "0", "4", "1", "8", "28,6%"]
    assert all(r.bold for c in grid.rows[-1].cells[1:] for r in c.paragraphs[0].runs)
    assert grid.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None  # repeated on each page
    kem = next(p for p in paragraphs(path) if p.startswith("(Kèm theo"))
    assert " ".join(kem.split()) == ("(Kèm theo Báo cáo số /BC-UBND ngày / /20.. của Ủy ban "
                                     "nhân dân tỉnh Thử; số liệu tính đến ngày 10/01/2024)")


def test_page_numbers_and_signature(draft):
    _, path = draft
    document = docx.Document(str(path))
    header = document.sections[0].header._element
    assert "".join(t.text for t in header.iter(f"{W}instrText")).strip() == "PAGE"
    closing = [[c.text for c in row.cells] for row in document.tables[1].rows]
    recipients, signature = closing[0]
    assert recipients.startswith("Nơi nhận:") and "- Lưu: VT, …." in recipients
    assert signature.split("\n")[:2] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert signature.strip().endswith("Nguyễn Văn A")  # the plan's own signature block


def test_with_a_narrative_the_report_is_signed_and_written(signed):
    proc, path = signed
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "Đã ghi bc.docx, phần viết: reports/bao-cao-2023.yaml\n"
    text = paragraphs(path)
    assert "DỰ THẢO" not in text and not any(p.startswith("[Phần ") for p in text)
    for said in ("Các sở, ngành đã triển khai kế hoạch nghiêm túc.",
                 "Một số nhiệm vụ chưa được bố trí kinh phí.", "Việc báo cáo còn chậm.",
                 "Đề nghị các sở, ngành khẩn trương hoàn thành các nhiệm vụ quá hạn."):
        assert said in text
    assert text.index("Việc báo cáo còn chậm.") < text.index("III. NHIỆM VỤ KỲ TỚI")
    header = " ".join(" ".join(row) for row in tables(path)[0])
    assert "Số: 45/BC-UBND" in header and "Thử, ngày 12 tháng 01 năm 2024" in header
    kem = next(p for p in text if p.startswith("(Kèm theo"))
    assert "Báo cáo số 45/BC-UBND ngày 12/01/2024 của Ủy ban nhân dân tỉnh Thử" in \
        " ".join(kem.split())


def test_a_plan_without_records_makes_a_report_that_says_so(tmp_path):
    repo = _copy(tmp_path)
    plan = repo / "plans" / "moi.yaml"
    plan.write_text(textwrap.dedent("""\
        phien_ban_dinh_dang: 2
        loai: ke_hoach
        co_quan_ban_hanh: [t.ubnd]
        so_ky_hieu: 20/KH-UBND
        dia_danh: Thử
        ngay_ban_hanh: 2024-01-05
        trich_yeu: Thực hiện công tác thanh niên năm 2024
        phan:
          - so: I.
            noi_dung: NỘI DUNG
            muc:
              - so: "1."
                noi_dung: Sở Nội vụ tổng kết, báo cáo trước ngày 30/6/2024.
                nhiem_vu:
                  - id: moi-1
                    chu_tri: t.snv
                    thoi_han: trước ngày 30/6/2024
        chu_ky:
          - quyen_han: KT. CHỦ TỊCH
            chuc_vu: PHÓ CHỦ TỊCH
            nguoi_ky: Nguyễn Văn A
        """), encoding="utf-8")
    proc = kehoach(repo, "report", "plans/moi.yaml", "--period", "6T-2024", "--as-of",
                   "2024-07-05", "-o", "moi.docx")
    assert proc.returncode == 0, proc.stderr
    text = paragraphs(repo / "moi.docx")
    assert ("Đến ngày 05/7/2024, chưa có kết quả thực hiện nhiệm vụ nào được ghi nhận (kế "
            "hoạch chưa có ghi nhận hoàn thành nào).") in text
    assert ("+ Thời hạn 30/6/2024 — chưa hoàn thành, quá hạn: Sở Nội vụ tỉnh Thử (quá hạn 5 "
            "ngày).") in text
    assert "Không có nhiệm vụ nào của kế hoạch đến hạn trong kỳ tới." in text
    assert any("Tỷ lệ hoàn thành đúng hạn (trên số đã đến hạn): 0,0%" in p for p in text)


def test_a_period_before_the_plan_has_nothing_due_and_no_chart(tmp_path):
    repo = _copy(tmp_path)
    proc = kehoach(repo, "report", PLAN, "--period", "2021", "--as-of", "2021-12-31", "-o",
                   "r.docx")
    assert proc.returncode == 0, proc.stderr
    document = docx.Document(str(repo / "r.docx"))
    assert len(document.inline_shapes) == 0
    assert "Trong kỳ báo cáo, kế hoạch không có nhiệm vụ nào đến hạn." in paragraphs(
        repo / "r.docx")
    # after the plan's period, its backlog is still reported: what is overdue stays overdue
    assert kehoach(repo, "report", PLAN, "-k", "2030", "--as-of", "2030-06-01", "-o",
                   "r2.docx").returncode == 0
    assert any("Tỉnh đoàn Thử (quá hạn" in p for p in paragraphs(repo / "r2.docx"))


def test_the_report_template_is_overridden_by_name(tmp_path):
    repo = _copy(tmp_path)
    (repo / "templates").mkdir()
    source = Path(__file__).resolve().parent.parent / "templates" / "bao_cao_ket_qua.j2"
    text = source.read_text(encoding="utf-8").replace("ten_loai BÁO CÁO", "ten_loai BÁO CÁO NHANH")
    (repo / "templates" / "bao_cao_ket_qua.j2").write_text(text, encoding="utf-8")
    assert kehoach(repo, "report", PLAN, "-k", "2023", "--as-of", "2024-01-10", "-o",
                   "r.docx").returncode == 0
    assert "BÁO CÁO NHANH" in paragraphs(repo / "r.docx")


@pytest.mark.parametrize("args,message", [
    (["--period", "nam 2023"], "--period: Kỳ báo cáo “nam 2023” không đúng dạng"),
    (["--period", "2025-2021"], "năm cuối phải sau năm đầu"),
    (["--period", "2024", "--as-of", "2023-12-31"], "trước ngày bắt đầu kỳ báo cáo"),
    (["-o", "bao-cao.pdf"], "-o: báo cáo ghi ra tệp .docx"),
])
def test_usage_errors_in_vietnamese(tmp_path, args, message):
    repo = _copy(tmp_path)
    proc = kehoach(repo, "report", PLAN, *args)
    assert proc.returncode == 2 and message in proc.stderr and "Traceback" not in proc.stderr


def test_a_narrative_with_errors_stops_the_report(tmp_path):
    repo = _copy(tmp_path)
    (repo / "reports").mkdir()
    (repo / "reports" / "r.yaml").write_text(NARRATIVE + "co_quan: t.khong-co\n",
                                             encoding="utf-8")
    proc = kehoach(repo, "report", PLAN, "-k", "2023", "--as-of", "2024-01-10")
    assert proc.returncode == 1
    assert "reports/r.yaml:10:10: [error]" in proc.stderr.replace("\\", "/")
    assert not (repo / "out").exists()


PERIODS = {
    "2024": ("2024", "năm 2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31), "2025"),
    "6T-2024": ("6T-2024", "6 tháng đầu năm 2024", dt.date(2024, 1, 1), dt.date(2024, 6, 30),
                "6T-cuoi-2024"),
    "6t-đầu-2024": ("6T-2024", "6 tháng đầu năm 2024", dt.date(2024, 1, 1),
                    dt.date(2024, 6, 30), "6T-cuoi-2024"),
    "6T-cuối-2024": ("6T-cuoi-2024", "6 tháng cuối năm 2024", dt.date(2024, 7, 1),
                     dt.date(2024, 12, 31), "6T-2025"),
    " 2021 - 2025 ": ("2021-2025", "giai đoạn 2021-2025", dt.date(2021, 1, 1),
                      dt.date(2025, 12, 31), "2026-2030"),
}


@pytest.mark.parametrize("text", list(PERIODS))
def test_period_grammar(text):
    code, label, start, end, following = PERIODS[text]
    period = parse_period(text)
    assert (period.code, period.label, period.start, period.end) == (code, label, start, end)
    assert period.following().code == following


@pytest.mark.parametrize("text", ["", "2024-2024", "Q1-2024", "6T2024", "12T-2024", "năm 2024",
                                  "0999", "2024-06"])
def test_period_grammar_refuses(text):
    with pytest.raises(PeriodError):
        parse_period(text)


@pytest.mark.parametrize(("name", "period", "said"), [
    ("Kế hoạch số 20/KH-UBND ngày 05/01/2024", "2024", " trong năm 2024"),
    ("Kế hoạch thực hiện phong trào “3 trách nhiệm” quận Tân Phú năm 2022", "2022", ""),
    ("Kế hoạch công tác thanh niên NĂM  2022", "2022", ""),
    ("Kế hoạch công tác thanh niên năm 2022", "2023", " trong năm 2023"),
    ("Chương trình phối hợp giai đoạn 2021 – 2025", "2021-2025", ""),
    ("Chương trình phối hợp giai đoạn 2021-2025", "6T-2022", " trong 6 tháng đầu năm 2022"),
    ("Kế hoạch năm 2022", "6T-cuoi-2022", " trong 6 tháng cuối năm 2022"),
])
def test_the_period_follows_a_name_that_does_not_already_end_with_it(name, period, said):
    from kehoach.office.progress_report import in_period

    assert in_period(name, parse_period(period)) == said


def test_a_plan_named_by_its_subject_does_not_repeat_the_period(tmp_path):
    """A plan without a number is named by its subject, which often ends with its period
    ("… giai đoạn 2022 - 2025"): the report says it once."""
    repo = _copy(tmp_path)
    plan = repo / "plans" / "bao-cao-nam.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("so_ky_hieu: 12/KH-UBND", "du_thao: true"), encoding="utf-8")
    proc = kehoach(repo, "report", PLAN, "--period", "2022-2025", "--as-of", "2024-01-10",
                   "-o", "bc.docx")
    assert proc.returncode == 0, proc.stderr
    body = [" ".join(p.split()) for p in paragraphs(repo / "bc.docx")]
    opening = next(p for p in body if "báo cáo kết quả thực hiện" in p)
    assert "giai đoạn 2022 - 2025 ngày 10/01/2022 (từ ngày 01/01/2022 đến ngày 31/12/2025" in \
        opening
    closing = next(p for p in body if p.startswith("Trên đây là báo cáo"))
    assert closing.endswith("giai đoạn 2022 - 2025./.")
    assert not any("trong giai đoạn 2022-2025" in p for p in body)


def test_an_undated_task_with_a_record_is_listed_with_it(tmp_path):
    repo = _copy(tmp_path)
    plan = repo / "plans" / "bao-cao-nam.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace(
        "            thoi_han: thực hiện thường xuyên\n",
        "            thoi_han: thực hiện thường xuyên\n            hoan_thanh:\n"
        "              - {ngay_hoan_thanh: 2023-05-10, minh_chung: Báo cáo số 5/BC-SNV}\n"),
        encoding="utf-8")
    proc = kehoach(repo, "report", PLAN, "--period", "2023", "--as-of", "2024-01-10", "-o",
                   "bc.docx")
    assert proc.returncode == 0, proc.stderr
    body = paragraphs(repo / "bc.docx")
    assert ("+ Không có thời hạn cố định — thực hiện thường xuyên: Sở Nội vụ tỉnh Thử (ngày "
            "10/5/2023, Báo cáo số 5/BC-SNV).") in body
    assert not any(p.startswith("- Các nhiệm vụ thực hiện thường xuyên") for p in body)
