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
        ("ke-hoach", "ls.ubnd", "Loại văn bản “ke-hoach” không có"),
        ("ke_hoach", "ls.snvv", "Cơ quan “ls.snvv” không có trong danh mục. Có phải: ls.snv,"),
        ("ke_hoach", "ls.cac-so", "là một nhóm cơ quan"),
    ],
)
def test_refusals(registry, doc_type, issuer, message):
    _, reg = registry
    with pytest.raises(ValueError, match=message.replace("?", r"\?")):
        new_plan(doc_type, issuer, reg)
