"""Plans typed the way officials type them (tests/wordimport/official.py, python-docx) come in
with every part where the format keeps it: header, bases, opening, items nested by their
markers, labels, tasks with their bodies and deadlines, closing, recipients, signature."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import docx
import pytest

from kehoach.check.checker import load_registry
from kehoach.plan.model import Plan
from kehoach.plan.registry import Registry
from kehoach.wordimport.build import Built, build_plan
from kehoach.wordimport.docxbody import read_docx
from kehoach.wordimport.package import open_package
from tests.wordimport import official

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry(ROOT)[0]


@pytest.fixture(scope="module")
def built(tmp_path_factory, registry) -> dict[str, Built]:
    folder = tmp_path_factory.mktemp("official")
    out = {}
    for make in (official.hand_typed, official.word_numbered, official.task_table,
                 official.youth_plan):
        path = make(folder / f"{make.__name__}.docx")
        out[make.__name__] = build(path, registry)
    return out


def build(path: Path, registry: Registry) -> Built:
    return build_plan(read_docx(open_package(path.read_bytes(), path.name)), registry, path.name)


def tree(items: list[dict[str, Any]]) -> list[Any]:
    return [(i.get("so"), i.get("nhan"), i.get("noi_dung"), tree(i.get("muc", []))) for i in items]


def tasks(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out = {}
    for item in items:
        for task in item.get("nhiem_vu", []):
            out[task["id"]] = {k: v for k, v in task.items() if k != "id"}
        out.update(tasks(item.get("muc", [])))
    return out


def test_the_header_of_a_state_plan(built):
    data = built["hand_typed"].data
    assert data["loai"] == "ke_hoach" and "ten_loai" not in data and "du_thao" not in data
    assert data["co_quan_ban_hanh"] == ["lang-son.ubnd-tinh"]  # two bold lines, one name
    assert (data["so_ky_hieu"], data["dia_danh"], data["ngay_ban_hanh"]) == (
        "12/KH-UBND", "Lạng Sơn", dt.date(2024, 3, 5))
    assert data["trich_yeu"] == " ".join(official.SUBJECT)
    assert data["giai_doan"] == {"tu": 2024, "den": 2024}


def test_bases_and_the_opening_sentence_verbatim(built):
    data = built["hand_typed"].data
    assert [b["noi_dung"] for b in data["can_cu"]] == official.BASES
    assert data["can_cu"][1] == {
        "noi_dung": official.BASES[1], "loai_van_ban": "Quyết định", "so": "1331/QĐ-TTg",
        "ngay": dt.date(2021, 7, 24), "co_quan": "Thủ tướng Chính phủ"}
    assert data["mo_dau"] == official.OPENING


def test_items_nest_by_their_typed_markers(built):
    parts = tree(built["hand_typed"].data["phan"])
    assert [p[:3] for p in parts] == [("I.", None, "MỤC ĐÍCH, YÊU CẦU"), ("II.", None, "NỘI DUNG"),
                                      ("III.", None, "KINH PHÍ"),
                                      ("IV.", None, "TỔ CHỨC THỰC HIỆN")]
    aims = parts[0][3]
    assert [(c[0], c[2]) for c in aims] == [("1.", "Mục đích"), ("2.", "Yêu cầu")]
    assert [c[0] for c in aims[1][3]] == ["a)", "b)"]
    contest = parts[1][3][1]
    assert [(c[0], c[1]) for c in contest[3]] == [
        ("a)", "Nội dung:"), ("b)", "Thời gian thực hiện:"), ("c)", "Cơ quan thực hiện:")]
    assert parts[2][3] == [(None, None, official.OUTLINE[16][2], [])]  # unnumbered: a child


def test_word_list_numbering_gives_the_plan_typed_by_hand(built):
    typed, listed = built["hand_typed"].data, built["word_numbered"].data
    assert tree(listed["phan"]) == tree(typed["phan"])
    assert tasks(listed["phan"]) == tasks(typed["phan"])
    same = {k: v for k, v in typed.items() if k not in ("phan", "ghi_chu")}
    assert {k: v for k, v in listed.items() if k not in ("phan", "ghi_chu")} == same


def test_tasks_from_labelled_fields_and_responsibilities(built):
    found = tasks(built["hand_typed"].data["phan"])
    centre = "lang-son.trung-tam-hoat-dong-thanh-thieu-nhi-tinh"
    assert found == {
        "kh12-2024-ii-1": {"chu_tri": ["lang-son.tinh-doan"],
                           "phoi_hop": ["lang-son.so-noi-vu", "lang-son.so-gd-dt"],
                           "thoi_han": "dự kiến tháng 3/2024"},
        "kh12-2024-ii-2": {"chu_tri": [centre], "thoi_han": "trước ngày 15/11/2024"},
        "kh12-2024-iv-1-a": {"phoi_hop": ["lang-son.so-tai-chinh"]},
        "kh12-2024-iv-1-b": {"thoi_han": "Định kỳ trước ngày 15/11 hằng năm"},
        "kh12-2024-iv-2-g1": {"thoi_han": "Tháng thanh niên"},  # the grammar: March
        "kh12-2024-iv-2-g2": {"thoi_han": "trước ngày 10/4/2024"},
    }
    duties = built["hand_typed"].data["phan"][3]["muc"]
    assert [d["co_quan"] for d in duties] == [["lang-son.so-noi-vu"], ["lang-son.tinh-doan"]]


def test_a_body_nothing_matches_is_proposed(built):
    proposals = built["hand_typed"].proposals
    assert [(p.id, p.ten, p.loai) for p in proposals] == [
        ("lang-son.trung-tam-hoat-dong-thanh-thieu-nhi-tinh",
         "Trung tâm Hoạt động thanh thiếu nhi tỉnh", "nha_nuoc")]
    entry = proposals[0].as_yaml("kh.docx")
    assert entry["de_xuat"].startswith("kehoach import từ “kh.docx”, đoạn ")


def test_closing_recipients_and_signature(built):
    data = built["hand_typed"].data
    assert data["ket_thuc"] == [official.CLOSING]
    assert data["noi_nhan"] == official.RECIPIENTS
    assert data["chu_ky"] == [{"co_quan": "lang-son.ubnd-tinh", "quyen_han": "KT. CHỦ TỊCH",
                               "chuc_vu": "PHÓ CHỦ TỊCH", "nguoi_ky": "Dương Xuân Huyên"}]


def test_the_data_is_a_valid_plan(built):
    for result in built.values():
        Plan.model_validate(result.data)


def test_a_task_table_becomes_items_with_their_tasks(built):
    part = built["task_table"].data["phan"][1]
    assert part["noi_dung"] == "NHIỆM VỤ CỤ THỂ"
    rows = part["muc"]
    assert [(r["so"], r["noi_dung"]) for r in rows] == [
        (f"{row[0]}.", row[1]) for row in official.TASK_ROWS]
    assert [(c["nhan"], c["noi_dung"]) for c in rows[0]["muc"]] == [
        ("Cơ quan chủ trì:", "Tỉnh đoàn"), ("Cơ quan phối hợp:", "Sở Nội vụ"),
        ("Thời gian hoàn thành:", "Tháng 3/2024"), ("Sản phẩm:", "Lễ ra quân")]
    assert [r["nhiem_vu"][0] | {"id": ""} for r in rows] == [
        {"id": "", "chu_tri": ["lang-son.tinh-doan"], "phoi_hop": ["lang-son.so-noi-vu"],
         "thoi_han": "Tháng 3/2024", "san_pham": "Lễ ra quân"},
        {"id": "", "chu_tri": ["lang-son.so-noi-vu"], "phoi_hop": ["lang-son.tinh-doan"],
         "thoi_han": "Trước ngày 15/4/2024", "san_pham": "Báo cáo của UBND tỉnh"},
        {"id": "", "chu_tri": ["lang-son.trung-tam-hoat-dong-thanh-thieu-nhi-tinh"],
         "thoi_han": "Quý II/2024"},
    ]
    report = "\n".join(built["task_table"].report.lines())
    assert "bảng nhiệm vụ (3 dòng)" in report


def test_a_youth_union_plan(built):
    data = built["youth_plan"].data
    assert data["co_quan_ban_hanh"] == ["tp-hcm.tan-phu.quan-doan"]  # parent upright, issuer bold
    assert (data["so_ky_hieu"], data["dia_danh"], data["ngay_ban_hanh"]) == (
        "12-KH/QĐTP", "Tân Phú", dt.date(2022, 4, 4))
    assert data["can_cu"][0]["so"] == "366-KH/TĐTN-BCNLĐ"
    assert tree(data["phan"])[1][3][0][3] == [
        ("1.1.", None, "Công tác tuyên truyền:", [
            ("-", None, official.YOUTH_OUTLINE[5][1], [("+", None, "Thực hiện hằng tháng.", [])])]),
        ("1.2.", None, "Hoạt động cao điểm:", [
            ("*", None, "**Ngày thứ Bảy tình nguyện:**", [
                ("-", None, "Tổ chức ít nhất 02 lần trong năm.", [])])])]
    assert data["chu_ky"] == [{"co_quan": "tp-hcm.tan-phu.quan-doan",
                               "quyen_han": "TM. BAN THƯỜNG VỤ QUẬN ĐOÀN", "chuc_vu": "BÍ THƯ",
                               "nguoi_ky": "Nguyễn Hải Đăng"}]
    assert tasks(data["phan"]) == {
        "kh12-2022-iii-1-g1": {"thoi_han": "trước ngày 04/11/2022 (thứ Sáu)"}}


def test_footnotes_numbered_in_order_of_reference(tmp_path, registry):
    """Word's footnote ids are not their numbers; a note without text loses its mark."""
    document = docx.Document()
    official.state_header(document)
    official.opening(document)
    official.add_footnotes(document, {7: "Quyết định số 364/QĐ-UBND.", 3: "Luật Thanh niên.",
                                      5: ""})
    p = official.para(document, "I. NỘI DUNG", bold=True)
    p = official.para(document, "1. Tuyên truyền Luật")
    official.footnote_ref(p, 7)
    p.add_run(" và Quyết định")
    official.footnote_ref(p, 3)
    official.footnote_ref(p, 5)
    path = tmp_path / "notes.docx"
    document.save(path)
    result = build(path, registry)
    item = result.data["phan"][0]["muc"][0]
    assert item["noi_dung"] == "Tuyên truyền Luật[^1] và Quyết định[^2]"
    assert result.data["chu_thich"] == [{"id": 1, "noi_dung": "Quyết định số 364/QĐ-UBND."},
                                        {"id": 2, "noi_dung": "Luật Thanh niên."}]
    assert any("chú thích không có lời" in e.what for e in result.report.entries)


def test_the_report_names_the_paragraph_of_each_guess(built):
    lines = built["hand_typed"].report.lines()
    assert lines[0].startswith("Đã nhận ra ")
    assert any(line.startswith("  [đoán] đoạn ") and "đoạn kết" in line for line in lines)
    everything = built["hand_typed"].report.lines(everything=True)
    assert any("[nhận ra]" in line and "mục “IV.”" in line for line in everything)


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
TEXTBOX = (
    '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/'
    'markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="'
    'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a='
    '"http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData><wps:wsp xmlns:wps='
    '"http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx>'
    "<w:txbxContent>{inside}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>"
    "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="
    '"urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>{inside}</w:txbxContent>'
    "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>")


def test_a_header_in_plain_paragraphs(tmp_path, registry):
    from tests.wordimport import hostile

    body = "".join([*hostile.HEADER, hostile.paragraph("KẾ HOẠCH", bold=True),
                    hostile.paragraph("Tuyên truyền Luật Thanh niên", bold=True),
                    hostile.paragraph("I. NỘI DUNG", bold=True),
                    hostile.paragraph("- Tổ chức hội nghị.")])
    data = build(hostile.simple(tmp_path / "p.docx", body), registry).data
    assert data["co_quan_ban_hanh"] == ["lang-son.ubnd-tinh"]
    assert (data["so_ky_hieu"], data["ngay_ban_hanh"]) == ("99/KH-UBND", dt.date(2024, 1, 5))
    assert data["trich_yeu"] == "Tuyên truyền Luật Thanh niên"


def test_a_header_in_text_boxes_is_read_once(tmp_path, registry):
    """A text box comes twice in Word's file (the shape and its VML fallback): read once."""
    from tests.wordimport import hostile

    left = "".join(hostile.paragraph(t, bold=b) for t, b in (
        ("UBND TỈNH CÀ MAU", False), ("SỞ NỘI VỤ", True), ("Số:     /KH-SNV", False)))
    right = "".join(hostile.paragraph(t) for t in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Cà Mau, ngày      tháng      năm 2024"))
    body = "".join([hostile.paragraph("DỰ THẢO"), TEXTBOX.replace("{inside}", left),
                    TEXTBOX.replace("{inside}", right), hostile.paragraph("KẾ HOẠCH", bold=True),
                    hostile.paragraph("Công tác thanh niên năm 2024", bold=True),
                    hostile.paragraph("I. NỘI DUNG", bold=True),
                    hostile.paragraph("- Tổ chức hội nghị.")])
    result = build(hostile.simple(tmp_path / "box.docx", body), registry)
    data = result.data
    assert data["du_thao"] is True
    assert data["co_quan_ban_hanh"] == ["ca-mau.so-noi-vu"]  # "SỞ NỘI VỤ" under UBND Cà Mau
    assert "so_ky_hieu" not in data  # the blank render writes anyway for a Sở Nội vụ draft
    assert data["dia_danh"] == "Cà Mau" and "ngay_ban_hanh" not in data
    assert result.proposals == []


def test_a_document_without_a_header_is_refused_with_what_to_add(tmp_path, registry):
    from kehoach.wordimport.refusal import WordImportError
    from tests.wordimport import hostile

    body = hostile.paragraph("KẾ HOẠCH") + hostile.paragraph("I. NỘI DUNG")
    with pytest.raises(WordImportError, match="không nhận ra cơ quan ban hành"):
        build(hostile.simple(tmp_path / "no-header.docx", body), registry)


def test_a_closing_typed_in_two_columns_with_tabs(tmp_path, registry):
    document = docx.Document()
    official.state_header(document)
    official.opening(document)
    official.para(document, "I. NỘI DUNG", bold=True)
    official.para(document, "- Tổ chức hội nghị triển khai.")
    official.para(document, official.CLOSING)
    for line in ("Nơi nhận:\t\t\t\tKT. CHỦ TỊCH", "- Bộ Nội vụ;\t\t\t\tPHÓ CHỦ TỊCH",
                 "- Lưu: VT, THNC.", "\t\t\t\t\t(Đã ký)", "\t\t\t\t\tDương Xuân Huyên"):
        document.add_paragraph(line)
    path = tmp_path / "tabs.docx"
    document.save(path)
    data = build(path, registry).data
    assert data["noi_nhan"] == ["- Bộ Nội vụ;", "- Lưu: VT, THNC."]
    assert data["chu_ky"] == [{"co_quan": "lang-son.ubnd-tinh", "quyen_han": "KT. CHỦ TỊCH",
                               "chuc_vu": "PHÓ CHỦ TỊCH", "nguoi_ky": "Dương Xuân Huyên"}]
    assert data["ket_thuc"] == [official.CLOSING]


@pytest.mark.parametrize("left,issuers", [
    ([("UBND TỈNH CÀ MAU\nSỞ NỘI VỤ", True)], ["ca-mau.so-noi-vu"]),
    ([("UBND TỈNH CÀ MAU", False), ("SỞ NỘI VỤ", True)], ["ca-mau.so-noi-vu"]),
    ([("ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN", True)], ["lang-son.ubnd-tinh"]),
    ([("ỦY BAN NHÂN DÂN", True), ("TỈNH LẠNG SƠN", True)], ["lang-son.ubnd-tinh"]),
    ([("UY BAN NHAN DAN TINH LANG SON", True)], ["lang-son.ubnd-tinh"]),
    ([("UBND TỈNH CÀ MAU", False), ("SỞ NỘI VỤ", True), ("BCH TỈNH ĐOÀN CÀ MAU", True)],
     ["ca-mau.so-noi-vu", "ca-mau.tinh-doan"]),
])
def test_issuers_however_the_header_is_typed(tmp_path, registry, left, issuers):
    document = docx.Document()
    official.header_table(document, [*left, ("Số: 12/KH-UBND", False)],
                          [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False)])
    official.para(document, "KẾ HOẠCH", bold=True, center=True)
    official.para(document, "Công tác thanh niên năm 2024", bold=True, center=True)
    official.para(document, "I. NỘI DUNG", bold=True)
    path = tmp_path / "header.docx"
    document.save(path)
    found = build(path, registry)
    assert [i if isinstance(i, str) else i["co_quan"] for i in
            found.data["co_quan_ban_hanh"]] == issuers
    assert found.proposals == []


def _weights(items: list[dict[str, Any]]) -> list[Any]:
    return [(i.get("so"), i.get("dam"), _weights(i.get("muc", []))) for i in items]


def test_a_line_set_apart_in_bold_keeps_its_weight(tmp_path, registry):
    """``dam`` is written only where the document departs from the renderer's default (a part
    and a numbered item with sub-items bold, the rest plain), so a rendered plan comes back
    without it and an author's own emphasis survives."""
    doc = docx.Document()
    official.state_header(doc)
    official.opening(doc)
    for marker, text, bold in [
        ("I.", "MỤC ĐÍCH, YÊU CẦU", True), ("1.", "Mục đích", True), ("-", "Nâng cao.", False),
        ("2.", "Hình thức đối thoại: trực tiếp.", True),  # bold among bold siblings
        ("II.", "NỘI DUNG", False),  # a part the author left plain
        ("1.", "Tổ chức hội nghị", False), ("-", "Chuẩn bị.", False),  # plain, with sub-items
        ("a)", "Bước một.", True),  # a lettered line the author stressed
    ]:
        official.para(doc, f"{marker} {text}", bold=bold)
    official.closing(doc)
    doc.save(tmp_path / "weights.docx")
    data = build(tmp_path / "weights.docx", registry).data
    assert _weights(data["phan"]) == [
        ("I.", None, [("1.", None, [("-", None, [])]), ("2.", True, [])]),
        ("II.", False, [("1.", False, [("-", None, [("a)", True, [])])])]),
    ]
    Plan.model_validate(data)
