"""The new fields of issue 14 in review and in the canonical layout: ``git diff`` lines
(textconv), the semantic diff, and ``kehoach fmt``."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.check.checker import load_registry
from kehoach.edit.fmt import format_text
from kehoach.load.document import load_document
from kehoach.plan.model import Plan
from kehoach.review.plantext import plan_lines
from kehoach.review.semantic import diff_plans

GAPS = Path(__file__).parent / "data" / "gaps"
TEXT = (GAPS / "plans" / "doi-thoai-2023.yaml").read_text(encoding="utf-8")


def _plan(tmp_path: Path, text: str) -> Plan:
    tmp_path.mkdir(exist_ok=True)
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    doc = load_document(path)
    assert doc.plan is not None, doc.diagnostics
    return doc.plan


@pytest.fixture(scope="module")
def registry():
    return load_registry(GAPS)[0]


def test_textconv_shows_every_new_field(tmp_path, registry):
    text = TEXT.replace("so_ky_hieu: 112/KH-UBND\n", "thieu_tieu_de: true\n")
    lines = plan_lines(_plan(tmp_path, text), registry)
    for line in [
        "Đã ban hành, bản sao thiếu tiêu đề: có",
        "Căn cứ 1: viết trong câu mở đầu: có",
        "  II.1: thời hạn chung cho các nhiệm vụ trong mục: trước ngày 20/6/2023 (hạn 20/06/2023)",
        "  II.3: in đậm: có",
        "  III.3: nhắc nhiệm vụ dt23-clip",
        "Ghi chú: (nguồn) Kế hoạch mẫu cho các phép thử, theo cấu trúc của một kế hoạch đối thoại "
        "thật.",
        "Ghi chú: (đã sửa lỗi của bản sao) Bản trên cổng thông tin viết \"tham gia\"; sửa theo bản "
        "đã ký.",
    ]:
        assert line in lines


def test_semantic_diff_tells_the_new_fields(tmp_path, registry):
    old = _plan(tmp_path / "old", TEXT)
    new_text = (TEXT.replace("thoi_han: trước ngày 20/6/2023\n", "thoi_han: trước ngày 30/6/2023\n")
                .replace("trình Chủ tịch UBND tỉnh trước ngày 20/6/2023.",
                         "trình Chủ tịch UBND tỉnh trước ngày 30/6/2023.")
                .replace("        dam: true\n", "")
                .replace("        nhiem_vu_lien_quan: [dt23-clip]\n", "", 1)
                .replace("  - loai: sua_loi\n", "  - loai: giu_nguyen\n"))
    new = _plan(tmp_path / "new", new_text)
    messages = [c.message for c in diff_plans(old, new, registry)]
    assert "Mục II.3: in đậm → mặc định." in messages
    assert ("Mục II.1: thời hạn chung: “trước ngày 20/6/2023” → “trước ngày 30/6/2023”."
            in messages)
    assert "Mục III.3: nhắc nhiệm vụ bỏ dt23-clip." in messages
    # Each task under the item sees its deadline move: the tracker's own reading.
    shifts = [m for m in messages if m.startswith("Nhiệm vụ dt23-") and "thời hạn" in m]
    assert len(shifts) == 4 and all("lùi 10 ngày" in m for m in shifts), shifts
    assert any(m.startswith("Ghi chú: “(nguồn)") and "(giữ nguyên lỗi của bản gốc)" in m
               for m in messages)


def test_fmt_puts_the_new_fields_in_their_place(tmp_path):
    messy = TEXT.replace(
        "        noi_dung: Công tác chuẩn bị\n        co_quan: [cm.snv]\n"
        "        thoi_han: trước ngày 20/6/2023\n",
        "        thoi_han: trước ngày 20/6/2023\n        noi_dung: Công tác chuẩn bị\n"
        "        dam: true\n        co_quan: [cm.snv]\n",
    ).replace("    trong_mo_dau: true\n", "").replace(
        "    loai_van_ban: Nghị định\n", "    trong_mo_dau: true\n    loai_van_ban: Nghị định\n")
    assert messy != TEXT
    out = format_text(messy)
    assert out == format_text(out)  # idempotent
    expected = TEXT.replace("        co_quan: [cm.snv]\n", "        co_quan: [cm.snv]\n"
                            "        dam: true\n")
    assert out == expected


def test_notes_may_be_plain_texts(tmp_path, registry):
    notes = "ghi_chu:\n  - Nguồn là cổng thông tin.\n  - Thiếu ngày.\n"
    text = TEXT[:TEXT.index("ghi_chu:\n")] + notes
    plan = _plan(tmp_path, text)
    assert [(n.loai.value, n.noi_dung) for n in plan.ghi_chu] == [
        ("khac", "Nguồn là cổng thông tin."), ("khac", "Thiếu ngày.")]
    lines = plan_lines(plan, registry)
    assert lines[-2:] == ["Ghi chú: Nguồn là cổng thông tin.", "Ghi chú: Thiếu ngày."]
