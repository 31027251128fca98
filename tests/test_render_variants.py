"""Variants: Youth Union issuers, joint plans, drafts, committees and events, footnotes."""

from __future__ import annotations

import datetime as dt

import pytest
from test_render_support import (
    NS,
    all_text,
    cell_text,
    find_paragraph,
    header_cells,
    norm,
    para_text,
    part,
    render,
    run_props,
    w,
)

from kehoach.render import typeset


@pytest.fixture(scope="module")
def youth(tmp_path_factory):
    return render(tmp_path_factory.mktemp("doan"), "doan")


@pytest.fixture(scope="module")
def joint(tmp_path_factory):
    return render(tmp_path_factory.mktemp("lien-tich"), "lien-tich")


@pytest.fixture(scope="module")
def draft(tmp_path_factory):
    return render(tmp_path_factory.mktemp("du-thao"), "du-thao")


# --- Youth Union ----------------------------------------------------------------------------


def test_youth_union_header(youth):
    left, right = header_cells(youth)
    assert [para_text(p) for p in left] == [
        "BCH ĐOÀN TP. HỒ CHÍ MINH",
        "BCH QUẬN ĐOÀN TÂN PHÚ",
        "***",
        "Số: 12-KH/QĐTP",
    ]
    assert not run_props(left[0])[0]["bold"] and run_props(left[1])[0]["bold"]
    title = run_props(right[0])[0]
    assert title["text"] == "ĐOÀN TNCS HỒ CHÍ MINH" and title["bold"] and title["underline"]
    assert para_text(right[1]) == "Tân Phú, ngày 05 tháng 10 năm 2022"
    assert all(r["italic"] for r in run_props(right[1]))
    text = all_text(youth)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in text
    assert "Độc lập - Tự do - Hạnh phúc" not in text
    # no rule lines under the Union's names: "***" stands for them
    assert all(p.find("w:pPr/w:pBdr", NS) is None for p in left)


def test_youth_union_signature(youth):
    closing = part(youth).findall("w:body/w:tbl", NS)[-1]
    right = closing.findall("w:tr/w:tc", NS)[1]
    texts = [para_text(p) for p in right.findall("w:p", NS)]
    assert texts[0] == "TM. BAN THƯỜNG VỤ QUẬN ĐOÀN" and texts[1] == "BÍ THƯ"
    assert texts[-1] == "Nguyễn Hải Đăng"


def test_footnote_without_text_renders_nothing(youth):
    refs = list(part(youth).iter(w("footnoteReference")))
    assert len(refs) == 1  # [^1] has text; [^2] has none
    p = find_paragraph(youth, "- Phát huy vai trò")
    assert norm(para_text(p)).endswith("năm 2022 với chủ đề “Thích ứng an toàn”.")
    notes = part(youth, "word/footnotes.xml").findall("w:footnote", NS)
    assert len(notes) == 3  # two separators and one note


def test_committee_is_a_borderless_table(youth):
    table = next(t for t in part(youth).iter(w("tbl")) if "Trưởng ban" in para_text(t))
    assert {b.get(w("val")) for b in table.find("w:tblPr/w:tblBorders", NS)} == {"nil"}
    rows = [[cell_text(tc) for tc in tr.findall("w:tc", NS)] for tr in table.findall("w:tr", NS)]
    assert rows == [
        ["- Đ/c Nguyễn Hải Đăng – Bí thư Quận Đoàn", "Trưởng ban"],
        ["- Đ/c Trần Văn Niên Hải – UV.BTV Quận Đoàn", "Phó ban"],
    ]


def test_event_as_labelled_paragraphs_and_programme(youth):
    assert norm(para_text(find_paragraph(youth, "- Thời gian:"))) == (
        "- Thời gian: 07 giờ 30, ngày 20/11/2022"
    )
    assert find_paragraph(youth, "- Địa điểm: Nhà Văn hóa Thanh niên quận") is not None
    assert find_paragraph(youth, "- Thành phần: Ban Thường vụ Quận Đoàn; Đoàn viên") is not None
    table = next(t for t in part(youth).iter(w("tbl")) if "Đón tiếp" in para_text(t))
    first = [cell_text(tc) for tc in table.find("w:tr", NS).findall("w:tc", NS)]
    assert first == ["07h30 - 08h00", "Đón tiếp đại biểu", "Ban tổ chức"]


def test_deadline_bold_markup_inside_item(youth):
    p = find_paragraph(youth, "- Báo cáo gửi về Quận Đoàn")
    assert [r["text"] for r in run_props(p) if r["bold"]] == ["04/11/2022 (thứ Sáu)"]


# --- joint plans ------------------------------------------------------------------------------


def test_joint_header_stacks_both_issuers_with_national_motto(joint):
    left, right = header_cells(joint)
    texts = [norm(para_text(p)) for p in left if para_text(p)]
    assert texts == [
        "UBND TỈNH CÀ MAU",
        "SỞ NỘI VỤ",
        "BCH ĐOÀN TNCS HỒ CHÍ MINH TỈNH CÀ MAU",
        "Số: 01/CTrPH-SNV-TĐ",
    ]
    assert para_text(right[0]) == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    lines = [p for p in left if p.find("w:pPr/w:pBdr", NS) is not None]
    assert len(lines) == 2  # one short line under each issuing body


def test_joint_signatures_side_by_side_in_chu_ky_order(joint):
    table = part(joint).findall("w:body/w:tbl", NS)[-1]
    rows = table.findall("w:tr", NS)
    titles = [cell_text(tc) for tc in rows[0].findall("w:tc", NS)]
    assert titles == ["TM. BAN THƯỜNG VỤ TỈNH ĐOÀN BÍ THƯ", "GIÁM ĐỐC SỞ NỘI VỤ"]
    names = [cell_text(tc) for tc in rows[-1].findall("w:tc", NS)]
    assert names == ["Lê Văn A", "Trần Văn B"]  # names on one row: aligned
    widths = [int(g.get(w("w"))) for g in table.iter(w("gridCol"))]
    assert len(widths) == 2 and widths[0] == widths[1]
    # "Nơi nhận" comes after the signatures, full width, outside any table
    after = table.getnext()
    texts = []
    while after is not None and after.tag == w("p"):
        texts.append(para_text(after))
        after = after.getnext()
    assert "Nơi nhận:" in texts and "- Lưu: VT." in texts


def test_joint_document_type_name_from_ten_loai(joint):
    title = find_paragraph(joint, "CHƯƠNG TRÌNH PHỐI HỢP")
    assert title.find("w:pPr/w:jc", NS).get(w("val")) == "center"


# --- drafts -----------------------------------------------------------------------------------


def test_draft_mark_blanks_and_empty_signer(draft):
    body = part(draft).find("w:body", NS)
    mark = body.find("w:p", NS)
    assert para_text(mark) == "DỰ THẢO"
    assert {e.tag for e in mark.find("w:pPr/w:pBdr", NS)} == {
        w(s) for s in ("top", "left", "bottom", "right")
    }
    left, right = header_cells(draft)
    number = next(p for p in left if para_text(p).startswith("Số:"))
    assert para_text(number) == f"Số: {typeset.BLANK}/KH-UBND"
    assert para_text(right[-1]) == (f"Lạng Sơn, ngày{typeset.BLANK}tháng{typeset.BLANK}năm 20..")
    closing = part(draft).findall("w:body/w:tbl", NS)[-1]
    sign = closing.findall("w:tr/w:tc", NS)[1].findall("w:p", NS)
    assert [para_text(p) for p in sign[:2]] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert para_text(sign[-1]) == ""


@pytest.mark.parametrize(
    ("symbol", "code", "abbr", "youth", "expected"),
    [
        (None, "KH", ["UBND"], False, f"{typeset.BLANK}/KH-UBND"),
        (None, "KH", ["QĐTP"], True, f"{typeset.BLANK}-KH/QĐTP"),
        (None, "CTr", ["SNV", "TĐ"], False, f"{typeset.BLANK}/CTr-SNV-TĐ"),
        ("253/KH-UBND", "KH", ["UBND"], False, "253/KH-UBND"),
    ],
)
def test_number_blank_built_from_type_code_and_issuer(symbol, code, abbr, youth, expected):
    assert typeset.number_symbol(symbol, code, abbr, youth) == expected


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (dt.date(2022, 1, 5), "ngày 05 tháng 01 năm 2022"),
        (dt.date(2019, 6, 29), "ngày 29 tháng 6 năm 2019"),
        (dt.date(2021, 12, 31), "ngày 31 tháng 12 năm 2021"),
        (dt.date(2020, 2, 10), "ngày 10 tháng 02 năm 2020"),
        (dt.date(2020, 3, 9), "ngày 09 tháng 3 năm 2020"),
    ],
)
def test_date_zero_padding_rule(day, text):
    assert typeset.date_long(day) == text


def test_short_dates_follow_the_same_rule():
    assert typeset.date_short(dt.date(2021, 7, 24)) == "24/7/2021"
    assert typeset.date_short(dt.date(2022, 1, 28)) == "28/01/2022"
