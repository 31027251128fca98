"""Rendering what real plans needed (issue 14): names broken between phrases, the parent's
printed name, an item's weight, a legal basis inside the opening sentence, an issued plan known
from a copy without its header, a draft's empty recipients.

The plans are tests/data/gaps/plans (a dialogue-conference plan and a joint draft); every
document is opened back with python-docx.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from test_render_support import NS, header_cells, para_text, part, w

from kehoach.load.document import load_document
from kehoach.plan.model import Plan
from kehoach.plan.registry import Registry
from kehoach.render import render_plan, typeset

DATA = Path(__file__).parent / "data" / "gaps" / "plans"


def _registry() -> Registry:
    doc = load_document(DATA / "co-quan.yaml")
    assert doc.registry is not None, doc.diagnostics
    return Registry.from_bodies(doc.registry.co_quan)


def _plan(name: str, edit: tuple[str, str] | None = None, tmp: Path | None = None) -> Plan:
    path = DATA / f"{name}.yaml"
    if edit is not None:
        assert tmp is not None
        text = path.read_text(encoding="utf-8")
        assert edit[0] in text
        path = tmp / f"{name}.yaml"
        path.write_text(text.replace(*edit), encoding="utf-8")
    doc = load_document(path)
    assert doc.plan is not None, doc.diagnostics
    return doc.plan


def _render(tmp: Path, plan: Plan, name: str = "out.docx") -> Path:
    return render_plan(plan, _registry(), tmp / name)


@pytest.fixture(scope="module")
def dialogue(tmp_path_factory) -> Path:
    return _render(tmp_path_factory.mktemp("doi-thoai"), _plan("doi-thoai-2023"))


@pytest.fixture(scope="module")
def joint(tmp_path_factory) -> Path:
    return _render(tmp_path_factory.mktemp("phoi-hop"), _plan("phoi-hop-2023"))


def _paragraph(path: Path, start: str) -> docx.text.paragraph.Paragraph:
    for p in docx.Document(str(path)).paragraphs:
        if p.text.startswith(start):
            return p
    raise AssertionError(f"no paragraph starting with {start!r}")


def _bold(p: docx.text.paragraph.Paragraph) -> bool:
    runs = [r for r in p.runs if r.text.strip()]
    return bool(runs) and all(r.bold for r in runs)


# --- names in the header and the signature ---------------------------------------------------


def test_issuer_breaks_between_phrases_with_its_full_name(dialogue):
    left, _ = header_cells(dialogue)
    # Nghị định 30: the issuer's full name, broken as officials set it — never inside a word.
    assert para_text(left[0]) == "ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU"


def test_parent_prints_its_name_as_parent_and_issuers_break_between_phrases(joint):
    left, _ = header_cells(joint)
    texts = [para_text(p) for p in left if para_text(p)]
    assert texts[:3] == ["UBND TỈNH CÀ MAU", "SỞ NỘI VỤ", "BAN CHẤP HÀNH\nTỈNH ĐOÀN CÀ MAU"]


def test_signature_authority_never_breaks_mid_phrase(joint):
    closing = part(joint).findall("w:body/w:tbl", NS)[-1]
    first_row = closing.find("w:tr", NS)
    cells = [[para_text(p) for p in tc.findall("w:p", NS)] for tc in first_row.findall("w:tc", NS)]
    assert cells[0][0] == "TM. BAN THƯỜNG VỤ\nTỈNH ĐOÀN"
    assert cells[1][0] == "KT. GIÁM ĐỐC"


@pytest.mark.parametrize(("text", "width", "lines"), [
    ("ỦY BAN NHÂN DÂN TỈNH CÀ MAU", 183, ["ỦY BAN NHÂN DÂN", "TỈNH CÀ MAU"]),
    ("TM. BAN THƯỜNG VỤ TỈNH ĐOÀN", 150, ["TM. BAN THƯỜNG VỤ", "TỈNH ĐOÀN"]),
    ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", 250, ["SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"]),
    # Joined by their dash the names need a third line: the dash ends the first one instead.
    ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", 183, ["SỞ LAO ĐỘNG -", "THƯƠNG BINH VÀ XÃ HỘI"]),
    ("SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH LẠNG SƠN", 183, ["SỞ GIÁO DỤC VÀ ĐÀO TẠO", "TỈNH LẠNG SƠN"]),
    ("BCH ĐOÀN TP. HỒ CHÍ MINH", 120, ["BCH ĐOÀN", "TP. HỒ CHÍ MINH"]),
    ("SỞ NỘI VỤ", 183, ["SỞ NỘI VỤ"]),
])
def test_phrases_are_kept_together(text, width, lines):
    assert typeset.balance(text, width, 13, True, phrases=True) == lines


def test_widths_alone_would_break_inside_words():
    # What the issue saw: balancing by width alone splits "NHÂN DÂN", "THƯỜNG VỤ", "THƯƠNG BINH".
    assert typeset.balance("ỦY BAN NHÂN DÂN TỈNH CÀ MAU", 183, 13, True) == [
        "ỦY BAN NHÂN", "DÂN TỈNH CÀ MAU"]
    assert typeset.balance("TM. BAN THƯỜNG VỤ TỈNH ĐOÀN", 150, 14, True) == [
        "TM. BAN THƯỜNG", "VỤ TỈNH ĐOÀN"]
    assert typeset.balance("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", 250, 13, True) == [
        "SỞ LAO ĐỘNG - THƯƠNG", "BINH VÀ XÃ HỘI"]


def test_a_phrase_wider_than_the_line_still_breaks():
    assert typeset.balance("ỦY BAN NHÂN DÂN", 100, 13, True, phrases=True) == [
        "ỦY BAN NHÂN", "DÂN"]


# --- the body -----------------------------------------------------------------------------


def test_basis_inside_the_opening_sentence_prints_as_one_paragraph(dialogue):
    paragraphs = [p.text for p in docx.Document(str(dialogue)).paragraphs]
    opening = [t for t in paragraphs if t.startswith("Căn cứ Nghị định số 13/2021/NĐ-CP")]
    assert opening == [
        "Căn cứ Nghị định số 13/2021/NĐ-CP ngày 01/3/2021 của Chính phủ quy định về đối thoại "
        "với thanh niên, Chủ tịch UBND tỉnh xây dựng Kế hoạch tổ chức Hội nghị đối thoại giữa "
        "Chủ tịch UBND tỉnh với thanh niên năm 2023, cụ thể như sau:"]
    p = _paragraph(dialogue, "Căn cứ Nghị định")
    assert not any(r.italic for r in p.runs)  # the opening sentence's style, not a basis's


def test_an_item_says_its_weight(dialogue):
    # "3. Hình thức đối thoại: …" has no sub-items: plain by default, bold because it says so.
    assert _bold(_paragraph(dialogue, "3. Hình thức đối thoại:"))
    assert _bold(_paragraph(dialogue, "1. Công tác chuẩn bị"))
    assert not _bold(_paragraph(dialogue, "- Xây dựng kịch bản"))


def test_an_item_can_say_it_is_not_bold(tmp_path):
    plan = _plan("doi-thoai-2023", ("        noi_dung: Công tác chuẩn bị\n",
                                    "        noi_dung: Công tác chuẩn bị\n        dam: false\n"),
                 tmp_path)
    out = _render(tmp_path, plan)
    assert not _bold(_paragraph(out, "1. Công tác chuẩn bị"))
    assert _bold(_paragraph(out, "2. Thời gian, địa điểm"))


# --- states and the closing block -----------------------------------------------------------


def test_issued_without_its_header_prints_blanks_but_no_draft_mark(tmp_path):
    plan = _plan("doi-thoai-2023", ("so_ky_hieu: 112/KH-UBND\ndia_danh: Cà Mau\n"
                                    "ngay_ban_hanh: 2023-05-25\n", "thieu_tieu_de: true\n"),
                 tmp_path)
    out = _render(tmp_path, plan)
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "DỰ THẢO" not in texts
    left, right = header_cells(out)
    assert f"Số: {typeset.BLANK}/KH-UBND" in [para_text(p) for p in left]
    assert para_text(right[-1]) == f"……, ngày{typeset.BLANK}tháng{typeset.BLANK}năm 20.."


def test_a_draft_without_recipients_prints_the_block_to_fill_in(joint):
    paragraphs = [p.text for p in docx.Document(str(joint)).paragraphs]
    at = paragraphs.index("Nơi nhận:")
    assert paragraphs[at + 1: at + 3] == ["- …;", "- Lưu: VT, …."]
    first = docx.Document(str(joint)).paragraphs[0]
    assert first.text == "DỰ THẢO"


def test_an_issued_plan_without_recipients_prints_none(tmp_path):
    plan = _plan("doi-thoai-2023", ('noi_nhan:\n  - "- Bộ Nội vụ;"\n  - "- Lưu: VT, NC."\n', ""),
                 tmp_path)
    out = _render(tmp_path, plan)
    assert "Nơi nhận:" not in [p.text for p in docx.Document(str(out)).paragraphs]
    assert not [t for t in part(out).iter(w("t")) if (t.text or "").startswith("Nơi nhận")]
