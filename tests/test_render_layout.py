"""The decree's layout (Nghị định 30/2020/NĐ-CP, Phụ lục I), checked in the .docx written."""

from __future__ import annotations

import pytest
from test_render_support import (
    NS,
    all_text,
    border_width,
    cell_text,
    find_paragraph,
    header_cells,
    norm,
    open_docx,
    para_text,
    part,
    part_names,
    render,
    run_props,
    sections,
    w,
)

from kehoach.render import typeset

FONT = "Times New Roman"


@pytest.fixture(scope="module")
def plan_docx(tmp_path_factory):
    return render(tmp_path_factory.mktemp("kh"), "ke-hoach")


def test_a4_portrait_and_margins_within_the_decree(plan_docx):
    section = open_docx(plan_docx).sections[0]
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.1)
    assert 20 <= section.top_margin.mm <= 25
    assert 20 <= section.bottom_margin.mm <= 25
    assert 30 <= section.left_margin.mm <= 35
    assert 15 <= section.right_margin.mm <= 20


def _fonts_ok(rfonts) -> bool:
    return (
        rfonts is not None
        and all(rfonts.get(w(slot)) == FONT for slot in ("ascii", "hAnsi", "eastAsia", "cs"))
        and not any(k.endswith("Theme") or k.endswith("theme") for k in rfonts.attrib)
    )


def test_times_new_roman_in_every_slot_defaults_normal_and_runs(plan_docx):
    styles = part(plan_docx, "word/styles.xml")
    assert _fonts_ok(styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS))
    normal = styles.find("w:style[@w:styleId='Normal']/w:rPr/w:rFonts", NS)
    assert _fonts_ok(normal)
    assert styles.find("w:style[@w:styleId='Normal']/w:rPr/w:color", NS).get(w("val")) == "000000"
    headers = [n for n in part_names(plan_docx) if n.startswith("word/header")]
    for name in ("word/document.xml", "word/footnotes.xml", *headers):
        runs = list(part(plan_docx, name).iter(w("r")))
        assert runs or name.startswith("word/header")  # first-page headers are empty
        for r in runs:
            assert _fonts_ok(r.find("w:rPr/w:rFonts", NS)), para_text(r)


def test_body_is_14pt_justified_indented_spaced(plan_docx):
    p = find_paragraph(plan_docx, "a) Tổ chức tuyên truyền")
    ppr = p.find("w:pPr", NS)
    assert ppr.find("w:jc", NS).get(w("val")) == "both"
    first = int(ppr.find("w:ind", NS).get(w("firstLine")))
    assert 567 <= first <= 720  # 1 cm to 1.27 cm
    spacing = ppr.find("w:spacing", NS)
    assert int(spacing.get(w("after"))) >= 120  # at least 6 pt
    assert 240 <= int(spacing.get(w("line"))) <= 360 and spacing.get(w("lineRule")) == "auto"
    assert {r["size"] for r in run_props(p)} == {14}


def test_header_left_cell_issuer_and_number(plan_docx):
    left, _ = header_cells(plan_docx)
    issuer = run_props(left[0])
    assert norm(para_text(left[0])) == "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"
    assert para_text(left[0]).split("\n") == ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN"]
    assert all(r["bold"] and r["size"] == 13 for r in issuer)
    number = next(p for p in left if para_text(p).startswith("Số:"))
    assert para_text(number) == "Số: 253/KH-UBND"
    assert all(r["size"] == 13 and not r["bold"] for r in run_props(number))


def test_parent_body_is_caps_13pt_not_bold(tmp_path):
    path = render(tmp_path, "lien-tich")
    left, _ = header_cells(path)
    parent = run_props(left[0])
    assert parent[0]["text"] == "UBND TỈNH CÀ MAU"
    assert parent[0]["size"] == 13 and not parent[0]["bold"]
    assert run_props(left[1])[0] == {
        "text": "SỞ NỘI VỤ",
        "bold": True,
        "italic": False,
        "underline": False,
        "size": 13,
    }


def test_header_right_cell_motto_and_date(plan_docx):
    _, right = header_cells(plan_docx)
    texts = [para_text(p) for p in right]
    assert texts[0] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert run_props(right[0])[0]["bold"] and run_props(right[0])[0]["size"] == 13
    assert texts[1] == "Độc lập - Tự do - Hạnh phúc"
    assert run_props(right[1])[0]["bold"] and run_props(right[1])[0]["size"] == 14
    date = right[-1]
    assert para_text(date) == "Lạng Sơn, ngày 31 tháng 12 năm 2021"
    assert all(r["italic"] and r["size"] == 14 for r in run_props(date))


def test_header_table_is_borderless_two_columns_of_the_sample(plan_docx):
    table = part(plan_docx).find("w:body/w:tbl", NS)
    widths = [int(g.get(w("w"))) for g in table.iter(w("gridCol"))]
    assert widths == list(typeset.HEADER_COLUMNS)  # 67.5 mm and 100 mm (Mẫu 1.4)
    borders = table.find("w:tblPr/w:tblBorders", NS)
    assert {b.get(w("val")) for b in borders} == {"nil"}


def test_header_lines_exist_with_the_right_widths(plan_docx):
    left, right = header_cells(plan_docx)
    line_left = next(p for p in left if p.find("w:pPr/w:pBdr", NS) is not None)
    issuer_pt = typeset.text_width_pt("ỦY BAN NHÂN DÂN", 13, bold=True)
    width = border_width(line_left, typeset.cell_text_width(typeset.HEADER_COLUMNS[0])) / 20
    assert issuer_pt / 3 <= width <= issuer_pt / 2
    line_right = next(p for p in right if p.find("w:pPr/w:pBdr", NS) is not None)
    motto_pt = typeset.text_width_pt("Độc lập - Tự do - Hạnh phúc", 14, bold=True)
    width = border_width(line_right, typeset.cell_text_width(typeset.HEADER_COLUMNS[1])) / 20
    assert width == pytest.approx(motto_pt, abs=0.5)
    assert right.index(line_right) == 2  # directly under the motto


def test_document_type_and_subject_with_a_short_line(plan_docx):
    title = find_paragraph(plan_docx, "KẾ HOẠCH")
    assert title.find("w:pPr/w:jc", NS).get(w("val")) == "center"
    assert all(r["bold"] and r["size"] == 14 for r in run_props(title))
    subject = title.getnext()
    text = "Thực hiện Chương trình phát triển thanh niên tỉnh Lạng Sơn giai đoạn 2021-2025"
    assert norm(para_text(subject)) == text
    assert subject.find("w:pPr/w:jc", NS).get(w("val")) == "center"
    assert all(r["bold"] for r in run_props(subject))
    line = subject.getnext()
    longest = max(typeset.text_width_pt(x, 14, True) for x in para_text(subject).split("\n"))
    width = border_width(line, typeset.page().text_width) / 20
    assert longest / 3 <= width <= longest / 2


def test_legal_bases_italic_each_its_own_paragraph(plan_docx):
    first = find_paragraph(plan_docx, "Căn cứ Quyết định số 1331/QĐ-TTg")
    second = first.getnext()
    assert norm(para_text(first)).endswith("giai đoạn 2021-2030;")
    assert norm(para_text(second)).startswith("Căn cứ Nghị quyết số 58/NQ-HĐND")
    for p in (first, second):
        assert all(r["italic"] for r in run_props(p))


@pytest.mark.parametrize(
    ("start", "bold"),
    [
        ("I. MỤC ĐÍCH, YÊU CẦU", True),
        ("1. Mục đích", True),
        ("3.1. Cấp tỉnh", True),
        ("3.1.1. Hội thi", False),
        ("a) Tổ chức tuyên truyền", False),
        ("đ) Điểm đ", False),
        ("- Cơ quan thực hiện:", False),
        ("+ Ý gạch cộng;", False),
        ("* Dấu * viết trong lời văn và [liên kết] giữ nguyên.", False),
    ],
)
def test_markers_as_written_and_heading_weight(plan_docx, start, bold):
    p = find_paragraph(plan_docx, start)
    first = run_props(p)[0]
    assert first["bold"] is bold


def test_inline_markup_comes_through(plan_docx):
    runs = run_props(find_paragraph(plan_docx, "a) Tổ chức tuyên truyền"))
    assert [r["text"] for r in runs if r["bold"]] == ["Luật Thanh niên năm 2020"]
    deadline = run_props(find_paragraph(plan_docx, "b) Thời gian:"))
    assert [r["text"] for r in deadline if r["bold"]] == ["dự kiến tháng 6/2025"]
    italic = run_props(find_paragraph(plan_docx, "b) Cụ thể hóa"))
    assert [r["text"] for r in italic if r["italic"]] == ["và giải pháp"]


def test_page_number_field_centred_in_top_margin_not_on_first_page(plan_docx):
    document = open_docx(plan_docx)
    section = document.sections[0]
    assert section.different_first_page_header_footer  # w:titlePg
    assert sections(plan_docx)[0].find("w:titlePg", NS) is not None
    header = section.header._element
    instr = "".join(t.text for t in header.iter(w("instrText")))
    assert instr.strip() == "PAGE"
    p = header.find("w:p", NS)
    assert p.find("w:pPr/w:jc", NS).get(w("val")) == "center"
    assert {r["size"] for r in run_props(p)} == {14}
    first = section.first_page_header._element
    assert not list(first.iter(w("instrText")))
    assert section.top_margin > section.header_distance  # inside the top margin


def test_closing_table_recipients_and_signature(plan_docx):
    tables = part(plan_docx).findall("w:body/w:tbl", NS)
    closing = tables[1]
    assert {b.get(w("val")) for b in closing.find("w:tblPr/w:tblBorders", NS)} == {"nil"}
    left, right = closing.findall("w:tr/w:tc", NS)
    left_p = left.findall("w:p", NS)
    assert para_text(left_p[0]) == "Nơi nhận:"
    head = run_props(left_p[0])[0]
    assert head["bold"] and head["italic"] and head["size"] == 12
    assert [para_text(p) for p in left_p[1:]] == [
        "- Bộ Nội vụ;",
        "- Thường trực Tỉnh ủy;",
        "- Chủ tịch, các Phó Chủ tịch UBND tỉnh;",
        "- Lưu: VT, THNC (ĐTK).",
    ]
    assert all(r["size"] == 11 and not r["bold"] for p in left_p[1:] for r in run_props(p))
    right_p = right.findall("w:p", NS)
    texts = [para_text(p) for p in right_p]
    assert texts[:2] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert texts[-1] == "Dương Xuân Huyên"
    assert texts[2:-1] == [""] * typeset.SIGNATURE_ROOM  # room for signature and seal
    assert all(run_props(p)[0]["bold"] for p in (right_p[0], right_p[1], right_p[-1]))


def test_footnote_part_relationship_content_type_and_reference(plan_docx):
    assert "word/footnotes.xml" in part_names(plan_docx)
    types = part(plan_docx, "[Content_Types].xml")
    override = [o for o in types if o.get("PartName") == "/word/footnotes.xml"]
    assert override and override[0].get("ContentType") == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
    )
    rels = part(plan_docx, "word/_rels/document.xml.rels")
    assert any(
        r.get("Type", "").endswith("/footnotes") and r.get("Target") == "footnotes.xml"
        for r in rels
    )
    notes = part(plan_docx, "word/footnotes.xml")
    kinds = [n.get(w("type")) for n in notes.findall("w:footnote", NS)]
    assert kinds[:2] == ["separator", "continuationSeparator"]
    note = notes.findall("w:footnote", NS)[2]
    assert norm(para_text(note)) == "Kế hoạch hằng năm do các sở, ngành ban hành."
    assert {r["size"] for r in run_props(note.find("w:p", NS))} == {10}
    # the reference sits right after "và giải pháp", before the final full stop
    p = find_paragraph(plan_docx, "b) Cụ thể hóa")
    runs = list(p.iter(w("r")))
    ref = next(i for i, r in enumerate(runs) if r.find("w:footnoteReference", NS) is not None)
    assert runs[ref].find("w:footnoteReference", NS).get(w("id")) == note.get(w("id"))
    assert runs[ref].find("w:rPr/w:rStyle", NS).get(w("val")) == "FootnoteReference"
    assert para_text(runs[ref - 1]) == "và giải pháp" and para_text(runs[ref + 1]) == "."


def test_annexes_are_sections_with_restarting_numbers(plan_docx):
    sects = sections(plan_docx)
    assert len(sects) == 4  # the plan and three annexes
    orient = [s.find("w:pgSz", NS).get(w("orient")) for s in sects]
    assert orient[1] == "landscape"  # a six-column task table
    size = sects[1].find("w:pgSz", NS)
    assert int(size.get(w("w"))) > int(size.get(w("h")))
    assert orient[2] in (None, "portrait")  # three columns: portrait
    assert sects[0].find("w:pgNumType", NS) is None
    for s in sects[1:]:
        assert s.find("w:pgNumType", NS).get(w("start")) == "1"
        assert s.find("w:titlePg", NS) is not None


def test_annex_heading_lines(plan_docx):
    heading = find_paragraph(plan_docx, "Phụ lục I")
    assert all(r["bold"] for r in run_props(heading))
    assert heading.find("w:pPr/w:jc", NS).get(w("val")) == "center"
    title = heading.getnext()
    assert norm(para_text(title)) == "DANH MỤC NHIỆM VỤ THỰC HIỆN CHƯƠNG TRÌNH"
    note = title.getnext()
    assert norm(para_text(note)) == (
        "(Kèm theo Kế hoạch số 253/KH-UBND ngày 31/12/2021 của Ủy ban nhân dân tỉnh Lạng Sơn)"
    )
    assert all(r["italic"] for r in run_props(note))


def test_task_table_generated_with_repeated_header_and_unsplit_rows(plan_docx):
    table = next(
        t for t in part(plan_docx).iter(w("tbl")) if para_text(t.find("w:tr", NS)).startswith("STT")
    )
    rows = table.findall("w:tr", NS)
    header = [cell_text(tc) for tc in rows[0].findall("w:tc", NS)]
    assert header == ["STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian", "Sản phẩm"]
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    assert all(r.find("w:trPr/w:cantSplit", NS) is not None for r in rows)
    cells = [[cell_text(tc) for tc in r.findall("w:tc", NS)] for r in rows[1:]]
    assert cells[0][0] == "1"
    assert (
        cells[0][1] == "Cơ quan thực hiện: các sở, ban, ngành tỉnh lựa chọn hình thức phù "
        "hợp để tuyên truyền."
    )
    assert cells[0][2] == "Các sở, ban, ngành tỉnh Lạng Sơn"
    assert cells[1][2:] == [
        "Sở Nội vụ tỉnh Lạng Sơn",
        "Tỉnh đoàn Lạng Sơn; Sở Giáo dục và Đào tạo tỉnh Lạng Sơn",
        "dự kiến tháng 6/2025",
        "Báo cáo sơ kết",
    ]
    # a task without chu_tri takes its item's co_quan
    assert cells[2][2] == "Sở Nội vụ tỉnh Lạng Sơn"
    assert cells[2][4] == "định kỳ trước ngày 15/11 hằng năm"


def test_annex_table_keeps_markup_and_annex_kept_elsewhere(plan_docx):
    cell = find_paragraph(plan_docx, "Tỷ lệ thanh niên")
    assert [r["text"] for r in run_props(cell) if r["bold"]] == ["đạt 90%"]
    text = all_text(plan_docx)
    assert "Phụ lục III" in text
    assert "tệp phu-luc-III.xlsx tại Sở Nội vụ" in text
