"""The typesetting rules as pure functions: metrics, line breaking, widths, wording."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.render import _metrics_data, typeset
from kehoach.render.metrics_gen import CHARS, advance_widths

LIBERATION = Path("/usr/share/fonts/truetype/liberation2")


@pytest.mark.skipif(
    not (LIBERATION / "LiberationSerif-Bold.ttf").is_file(),
    reason="Liberation Serif 2.x không có trên máy này",
)
def test_committed_metrics_match_the_font():
    units, regular = advance_widths(LIBERATION / "LiberationSerif-Regular.ttf")
    _, bold = advance_widths(LIBERATION / "LiberationSerif-Bold.ttf")
    assert units == _metrics_data.UNITS_PER_EM
    assert regular == _metrics_data.REGULAR and bold == _metrics_data.BOLD


def test_metrics_cover_every_vietnamese_letter():
    for ch in "ăâđêôơưĂÂĐÊÔƠƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ":
        assert ch in CHARS and ch in _metrics_data.BOLD
    assert _metrics_data.BOLD["Ư"] > _metrics_data.BOLD["U"]  # the horn adds width


def test_text_width_uses_real_advances():
    # Times New Roman: "n" is half an em, space a quarter.
    assert typeset.text_width_pt("n", 14) == pytest.approx(7.0)
    assert typeset.text_width_pt("n n", 14) == pytest.approx(17.5)
    motto = typeset.text_width_pt("Độc lập - Tự do - Hạnh phúc", 14, bold=True)
    assert 160 < motto < 185
    # NFD input measures like NFC
    import unicodedata

    nfd = unicodedata.normalize("NFD", "TỈNH LẠNG SƠN")
    assert typeset.text_width_pt(nfd, 13, True) == typeset.text_width_pt("TỈNH LẠNG SƠN", 13, True)


def test_national_name_fits_its_cell_on_one_line_at_13pt():
    width = typeset.cell_text_width(typeset.HEADER_COLUMNS[1]) / 20
    assert typeset.text_width_pt("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, True) < width


def test_balance_breaks_names_as_officials_do():
    width = typeset.cell_text_width(typeset.HEADER_COLUMNS[0]) / 20
    assert typeset.balance("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", width, 13, True) == [
        "ỦY BAN NHÂN DÂN",
        "TỈNH LẠNG SƠN",
    ]
    assert typeset.balance("SỞ NỘI VỤ", width, 13, True) == ["SỞ NỘI VỤ"]
    assert typeset.balance("A B\nC", width, 13, True) == ["A B", "C"]


def test_balance_never_exceeds_the_width_when_words_fit():
    words = "Thực hiện phong trào “3 trách nhiệm” trong đoàn viên, thanh niên, cán bộ, công chức"
    lines = typeset.balance(words, 200, 14, True)
    assert len(lines) > 1
    assert all(typeset.text_width_pt(x, 14, True) <= 200 for x in lines)
    assert " ".join(lines) == words


def test_break_texts_keeps_run_boundaries():
    lines = ["Thực hiện Chương trình", "phát triển thanh niên"]
    texts = ["Thực hiện ", "Chương trình phát", " triển thanh niên"]
    assert typeset.break_texts(texts, lines) == [
        "Thực hiện ",
        "Chương trình\nphát",
        " triển thanh niên",
    ]
    assert typeset.break_texts(["A\nB"], ["A", "B"]) == ["A\nB"]


def test_wrap_is_greedy():
    assert typeset.wrap("aa bb cc", typeset.text_width_pt("aa bb", 14), 14) == ["aa bb", "cc"]


def test_rule_is_centred():
    assert typeset.rule_indents(1000, 25) == (250, 250)  # 25 pt = 500 twips


def test_task_table_columns_fill_the_width_and_keep_stt_readable():
    headers = ["STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian", "Sản phẩm"]
    total = typeset.page(landscape=True).text_width
    widths = typeset.column_widths(headers, total)
    assert sum(widths) == total
    assert widths[0] >= typeset.MIN_COLUMN and widths[1] == max(widths)


def test_landscape_rule():
    assert typeset.annex_is_landscape(None, 5) and not typeset.annex_is_landscape(None, 4)
    assert typeset.annex_is_landscape(True, 2) and not typeset.annex_is_landscape(False, 6)
    page = typeset.page(landscape=True)
    assert page.width > page.height


def test_place_and_date_blanks():
    assert typeset.place_and_date(None, None) == (
        f"……, ngày{typeset.BLANK}tháng{typeset.BLANK}năm 20.."
    )


def test_every_style_has_a_known_zone():
    assert {spec.zone for spec in typeset.STYLES.values()} <= set(typeset.Zone)
    cells = sorted(typeset.CELL_STYLES)
    assert cells == ["ban_to_chuc", "bang_dong", "bang_tieu_de", "chuong_trinh"]
