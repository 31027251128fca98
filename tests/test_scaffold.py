"""kehoach new: a draft skeleton that passes check, already in fmt's canonical form."""

from __future__ import annotations

import pytest

from kehoach.check.checker import check_paths, load_registry
from kehoach.edit.fmt import format_text
from kehoach.edit.scaffold import SUBJECT_PLACEHOLDER, new_plan
from kehoach.plan.model import DocType
from tests.conftest import write_repo


@pytest.fixture
def registry(tmp_path):
    root = write_repo(tmp_path, {})
    return root, load_registry(root)[0]


@pytest.mark.parametrize("doc_type", [t.value for t in DocType])
@pytest.mark.parametrize("issuer", ["ls.ubnd", "ls.snv", "ls.tinh-doan"])
def test_skeleton_passes_check_and_is_canonical(registry, doc_type, issuer):
    root, reg = registry
    text = new_plan(doc_type, issuer, reg)
    path = root / "plans" / "moi.yaml"
    path.write_text(text, encoding="utf-8")
    result = check_paths([path], cwd=root)
    assert [(d.line, d.code) for d in result.diagnostics] == []
    assert format_text(text) == text
    assert result.plans[0].plan.du_thao is True


def test_skeleton_content(registry):
    _, reg = registry
    text = new_plan("ke_hoach", "ls.ubnd", reg, schema_path="../../kehoach.schema.json")
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../kehoach.schema.json"
    assert "du_thao: true" in lines
    assert "so_ky_hieu: /KH-UBND" in lines
    assert f'trich_yeu: "{SUBJECT_PLACEHOLDER}"' in lines
    headings = [line.split(": ", 1)[1] for line in lines if line.startswith("  - so: ")]
    assert headings == ["I.", "II.", "III.", "IV."]
    assert "    # quyen_han: TM. ỦY BAN NHÂN DÂN" in lines


def test_youth_union_symbol_and_signature(registry):
    _, reg = registry
    text = new_plan("chuong_trinh", "ls.tinh-doan", reg)
    assert "so_ky_hieu: -CTr/TĐ" in text.splitlines()
    assert "    # quyen_han: TM. BAN THƯỜNG VỤ" in text


@pytest.mark.parametrize(
    "doc_type,issuer,message",
    [
        ("ke-hoachh", "ls.ubnd", "Loại văn bản “ke-hoachh” không có"),
        ("ke_hoach", "ls.snvv", "Cơ quan “ls.snvv” không có trong danh mục. Có phải: ls.snv,"),
        ("ke_hoach", "ls.cac-so", "là một nhóm cơ quan"),
    ],
)
def test_refusals(registry, doc_type, issuer, message):
    _, reg = registry
    with pytest.raises(ValueError, match=message.replace("?", r"\?")):
        new_plan(doc_type, issuer, reg)


@pytest.mark.parametrize(("typed", "value"), [
    ("ke_hoach", "ke_hoach"), ("ke-hoach", "ke_hoach"), ("kế hoạch", "ke_hoach"),
    ("KẾ HOẠCH", "ke_hoach"), ("KH", "ke_hoach"), ("kh", "ke_hoach"),
    ("chương trình", "chuong_trinh"), ("CTr", "chuong_trinh"), ("quy-che", "quy_che"),
    ("Báo cáo", "bao_cao"), ("BC", "bao_cao"), ("Quy định", "quy_dinh"),
])
def test_document_type_in_any_spelling(typed, value):
    from kehoach.edit.scaffold import doc_type_named

    assert doc_type_named(typed).value == value


def test_unknown_document_type_lists_the_types_with_their_codes():
    from kehoach.edit.scaffold import doc_type_named

    with pytest.raises(ValueError, match=r"“ke hoachh” không có; .*ke_hoach \(KH\)"):
        doc_type_named("ke hoachh")


@pytest.mark.parametrize(("issuer", "authority", "office"), [
    ("ls.ubnd", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
    ("ls.snv", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
    ("ls.tinh-doan", "TM. BAN THƯỜNG VỤ", "BÍ THƯ"),
])
def test_sample_signature_fits_the_issuer(registry, issuer, authority, office):
    _, reg = registry
    lines = new_plan("ke_hoach", issuer, reg).splitlines()
    assert f"    # quyen_han: {authority}" in lines
    assert f"    # chuc_vu: {office}" in lines


def test_sample_task_has_another_body_as_coordinator(registry):
    _, reg = registry
    text = new_plan("ke_hoach", "ls.snv", reg)
    [line] = [x for x in text.splitlines() if "phoi_hop:" in x]
    assert "ls.snv" not in line and "[ls." in line


def test_report_skeleton_closes_as_a_report(registry):
    _, reg = registry
    text = new_plan("bao_cao", "ls.snv", reg)
    assert "#   - Trên đây là Báo cáo ..." in text.splitlines()
    assert "Trên đây là Kế hoạch" not in text


def test_a_number_left_blank_renders_with_room_for_it():
    from kehoach.render.typeset import BLANK, number_symbol

    assert number_symbol("/KH-UBND", "KH", ["UBND"], youth=False) == f"{BLANK}/KH-UBND"
    assert number_symbol("-KH/TĐTN", "KH", ["TĐTN"], youth=True) == f"{BLANK}-KH/TĐTN"
    assert number_symbol("253/KH-UBND", "KH", ["UBND"], youth=False) == "253/KH-UBND"
