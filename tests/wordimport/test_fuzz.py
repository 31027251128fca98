"""Whatever paragraphs and tables a document holds, the importer gives a plan the format
accepts (and ``fmt`` writes) or one Vietnamese refusal: generated documents, from the pieces
officials type, in any order."""

from __future__ import annotations

import os
from pathlib import Path
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from kehoach.check.checker import load_registry
from kehoach.edit.fmt import format_text
from kehoach.plan.model import Plan
from kehoach.wordimport.build import build_plan
from kehoach.wordimport.docxbody import read_docx
from kehoach.wordimport.package import open_package
from kehoach.wordimport.refusal import WordImportError
from kehoach.yamltext.emit import dump
from tests.wordimport import hostile

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = int(os.environ.get("FUZZ_N", "60"))  # FUZZ_N=2000 for a longer search
REGISTRY = load_registry(ROOT)[0]
MARKERS = ["I.", "II.", "1.", "2.", "1.1.", "a)", "đ)", "-", "+", "*", "Điều 1.", "", "", ""]
TEXTS = ["MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN", "Sở Nội vụ", "Tỉnh đoàn:",
         "Thời gian: quý II/2024", "Cơ quan chủ trì: Sở Tài chính",
         "Cơ quan phối hợp: Phòng Văn hóa huyện",
         "báo cáo trước ngày 15/11 hằng năm;", "Nơi nhận:", "- Lưu: VT.", "KT. CHỦ TỊCH",
         "Phụ lục I", "Trên đây là Kế hoạch./.", "Căn cứ Luật Thanh niên năm 2020;", "***",
         "KẾ HOẠCH", "Số: 12/KH-UBND", "ngày 31 tháng 02 năm 2024", "Nguyễn Văn A", "*", "[^1]",
         "thực hiện trong giai đoạn 2021-2025", "Đề nghị Ủy ban MTTQ tỉnh: phối hợp"]


def _run(text: str, bold: bool, italic: bool) -> str:
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    return (f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}"
            f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r>')


paragraphs = st.builds(
    lambda marker, text, bold, italic, centre: (
        "<w:p>" + ('<w:pPr><w:jc w:val="center"/></w:pPr>' if centre else "")
        + _run(f"{marker} {text}".strip(), bold, italic) + "</w:p>"),
    st.sampled_from(MARKERS), st.sampled_from(TEXTS), st.booleans(), st.booleans(), st.booleans())
tables = st.builds(
    lambda rows: "<w:tbl>" + "".join(
        "<w:tr>" + "".join(f"<w:tc>{cell}</w:tc>" for cell in row) + "</w:tr>" for row in rows)
    + "</w:tbl>",
    st.lists(st.lists(paragraphs, min_size=1, max_size=4), min_size=1, max_size=4))


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(body=st.lists(st.one_of(paragraphs, paragraphs, paragraphs, tables), max_size=40))
def test_any_document_gives_a_valid_plan_or_a_refusal(tmp_path_factory, body):
    head = "".join([*hostile.HEADER[:2], hostile.paragraph("KẾ HOẠCH", bold=True),
                    hostile.paragraph("Thực hiện nhiệm vụ năm 2024", bold=True)])
    path = hostile.simple(tmp_path_factory.mktemp("fuzz") / "f.docx", head + "".join(body))
    try:
        built = build_plan(read_docx(open_package(path.read_bytes(), path.name)), REGISTRY, "f")
    except WordImportError as exc:
        assert exc.message_vi
        return
    event("built")
    Plan.model_validate(built.data)
    assert format_text(dump(built.data))
