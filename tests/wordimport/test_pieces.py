"""The small readers the importer is made of, on tables of what officials type."""

from __future__ import annotations

import pytest

from kehoach.plan.markup import Run
from kehoach.wordimport.bodymatch import guess_kind, slug
from kehoach.wordimport.inline import to_markup
from kehoach.wordimport.issuers import symbol_issuers
from kehoach.wordimport.marks import label_kind, split_marker
from kehoach.wordimport.opening import bases_in_opening
from kehoach.wordimport.taskfind import clauses, deadline_phrase


@pytest.mark.parametrize("text,marker,kind", [
    ("I. MỤC ĐÍCH", "I.", "roman"), ("IV.TỔ CHỨC", "IV.", "roman"), ("1. Mục đích", "1.", "dec."),
    ("1.Mục đích", "1.", "dec."), ("3) Tổ chức", "3)", "dec)"), ("1.1. Cấp quận", "1.1.", "multi2"),
    ("2.2.1. Tổ chức", "2.2.1.", "multi3"), ("a) Tổ chức", "a)", "letter"),
    ("đ) Chủ trì", "đ)", "letter"), ("- Phát huy", "-", "bullet-"), ("– Phát huy", "–", "bullet-"),
    ("+ Thành lập", "+", "bullet+"), ("* Trách nhiệm", "*", "bullet*"), ("• Một", "•", "bullet•"),
    ("Điều 1. Phạm vi", "Điều 1.", "word:dieu"), ("Chương II", "Chương II", "word:chuong"),
    ("Phần thứ nhất", "Phần thứ nhất", "word:phan"),
    ("1.000 người tham gia", None, None), ("2022 là năm", None, None), ("-5% so với", None, None),
    ("Căn cứ Luật", None, None), ("a) ", None, None), ("Ví dụ", None, None),
])
def test_markers_as_typed(text, marker, kind):
    found = split_marker(text)
    assert (found.text, found.kind) == (marker, kind) if marker else found is None


@pytest.mark.parametrize("labels,same", [
    (["a.", "b."], True), (["I.", "II."], True), (["1.", "2."], True), (["-", "-"], True),
    (["1.", "a)"], False), (["1.", "1.1."], False), (["(1)", "(12)"], True),
])
def test_word_labels_of_one_level_are_one_kind(labels, same):
    assert (len({label_kind(label) for label in labels}) == 1) == same


@pytest.mark.parametrize("runs,markup", [
    ([Run("trước ngày "), Run("04/11/2022 (thứ Sáu)", bold=True), Run(".")],
     "trước ngày **04/11/2022 (thứ Sáu)**."),
    ([Run("* "), Run("Nhiệm vụ:", bold=True)], "* **Nhiệm vụ:**"),
    ([Run("Cả đoạn in đậm", bold=True)], "Cả đoạn in đậm"),
    ([Run("Căn cứ Luật Thanh niên;", italic=True)], "Căn cứ Luật Thanh niên;"),
    ([Run("nghiêng ", italic=True), Run("cả hai", bold=True, italic=True)],
     "nghiêng **cả hai**"),
    ([Run("từ "), Run("đậm ", bold=True), Run("rồi thường")], "từ **đậm** rồi thường"),
    ([Run("a * b * c")], "a \\* b \\* c"), ([Run("(*) ghi chú")], "(*) ghi chú"),
    ([Run("x"), Run("", footnote="7"), Run(" y [^z]")], "x[^7] y \\[^z]"),
    ([Run("dòng một\ndòng hai\tcột")], "dòng một dòng hai cột"),
])
def test_runs_to_markup(runs, markup):
    assert to_markup(runs) == markup


@pytest.mark.parametrize("text,prose,phrase", [
    ("dự kiến tháng 3/2024.", False, "dự kiến tháng 3/2024"),
    ("tổ chức kiểm tra ít nhất 01 lần/năm; báo cáo định kỳ", False,
     "tổ chức kiểm tra ít nhất 01 lần/năm"),
    ("Định kỳ trước ngày 15/11 hằng năm tổng hợp, báo cáo UBND tỉnh.", True,
     "Định kỳ trước ngày 15/11 hằng năm"),
    ("Báo cáo kết quả về Quận Đoàn trước ngày 04/11/2022 (thứ Sáu).", True,
     "trước ngày 04/11/2022 (thứ Sáu)"),
    ("Tổ chức sơ kết (dự kiến tháng 6/2025) tại tỉnh", True, "dự kiến tháng 6/2025"),
    ("Tuyên truyền Chương trình tổng thể giai đoạn 2021 - 2030 do Trung ương biên soạn.", True,
     None),
    ("thực hiện trong giai đoạn 2021-2025;", False, "thực hiện trong giai đoạn 2021-2025"),
    ("Chủ trì xây dựng kế hoạch.", True, None),
    ("Báo cáo trước ngày 31/02/2023.", True, None),
])
def test_deadline_phrases_as_written(text, prose, phrase):
    assert deadline_phrase(text, prose=prose) == phrase


def test_a_duty_with_a_deadline_per_clause():
    assert clauses("Tổ chức Hội nghị sơ kết vào năm 2024; tổ chức Hội nghị tổng kết vào năm "
                   "2026.") == ["Tổ chức Hội nghị sơ kết vào năm 2024",
                                "tổ chức Hội nghị tổng kết vào năm 2026"]
    assert clauses("Tổ chức sơ kết vào năm 2024; tham mưu tổng kết.") == []


@pytest.mark.parametrize("name,kind", [
    ("Sở Văn hóa, Thể thao và Du lịch", ("nha_nuoc", None)),
    ("Phòng Nội vụ huyện", ("nha_nuoc", None)), ("Huyện đoàn Văn Quan", ("doan_thanh_nien", None)),
    ("BCH Đoàn TNCS Hồ Chí Minh tỉnh", ("doan_thanh_nien", None)),
    ("Huyện ủy Lộc Bình", ("dang", None)),
    ("Hội Liên hiệp Phụ nữ tỉnh", ("doan_the", None)),
    ("Các đơn vị sự nghiệp công lập", ("khac", "mo")), ("Các sở, ban, ngành", ("nha_nuoc", "mo")),
    ("Công ty Điện lực", ("khac", None)),
])
def test_the_kind_of_a_proposed_body(name, kind):
    assert guess_kind(name) == kind


@pytest.mark.parametrize("symbol,issuers", [
    ("253/KH-UBND", ["UBND"]), ("/CTr-SNV-TĐTN", ["SNV", "TĐTN"]), ("12-KH/QĐTP", ["QĐTP"]),
    ("366-KH/TĐTN-BCNLĐ", ["TĐTN", "BCNLĐ"]), ("253 / KH - UBND", ["UBND"]), ("KH", []),
    (None, []),
])
def test_issuers_of_a_number_and_symbol(symbol, issuers):
    assert symbol_issuers(symbol) == issuers


def test_ids_are_ascii():
    assert slug("Sở Giáo dục và Đào tạo") == "so-giao-duc-va-dao-tao"


@pytest.mark.parametrize("sentence,cited", [
    ("Thực hiện Kế hoạch số 12-KH/TWĐTN ngày 05/01/2022 của Ban Thường vụ Trung ương Đoàn về "
     "phong trào “3 trách nhiệm”, Ban Thường vụ Quận Đoàn xây dựng kế hoạch như sau:",
     ["Thực hiện Kế hoạch số 12-KH/TWĐTN ngày 05/01/2022 của Ban Thường vụ Trung ương Đoàn"]),
    ("Căn cứ Luật Thanh niên năm 2020; Căn cứ Nghị định số 13/2021/NĐ-CP ngày 01/3/2021 của "
     "Chính phủ; Theo đề nghị của Sở Nội vụ tại Tờ trình số 7/TTr-SNV, UBND tỉnh ban hành Kế "
     "hoạch như sau:",  # a basis citing no numbered document stays in the sentence
     ["Căn cứ Nghị định số 13/2021/NĐ-CP ngày 01/3/2021 của Chính phủ",
      "Theo đề nghị của Sở Nội vụ tại Tờ trình số 7/TTr-SNV"]),
    ("căn cứ Quyết định số 1331/QĐ-TTg ngày 24 tháng 7 năm 2021 của Thủ tướng Chính phủ, "
     "UBND huyện ban hành Kế hoạch:",
     ["căn cứ Quyết định số 1331/QĐ-TTg ngày 24 tháng 7 năm 2021 của Thủ tướng Chính phủ"]),
    ("UBND tỉnh ban hành Kế hoạch thực hiện Chương trình số 5/CTr-UBND, cụ thể như sau:", []),
    ("Thực hiện chỉ đạo của Thành đoàn, Ban Thường vụ Quận Đoàn xây dựng kế hoạch như sau:", []),
    ("Để triển khai Kế hoạch số 3/KH-UBND, Sở Nội vụ xây dựng kế hoạch như sau:", []),
])
def test_bases_written_in_the_opening_sentence(sentence, cited):
    found = bases_in_opening(sentence)
    assert [b["noi_dung"] for b in found] == cited
    assert all(b["trong_mo_dau"] and b["noi_dung"] in sentence for b in found)
