"""kehoach.check.rules.agencies: the registry's own consistency, at exact positions."""

from __future__ import annotations

import pytest

from tests.conftest import REGISTRY

# REGISTRY's lines: 2 ls.ubnd, 7 ls.snv (11 its cap_tren), 12 ls.tinh-doan, 17 ls.cac-so
# (20 its thanh_vien); a body appended starts at line 21.
CASES = {
    "an id twice": (
        REGISTRY + "  - id: ls.snv\n    ten: Sở Ngoại vụ tỉnh Lạng Sơn\n",
        [(21, 9, "duplicate-id")],
    ),
    "a superior that is not registered": (
        REGISTRY.replace("    cap_tren: ls.ubnd\n", "    cap_tren: ls.ubnn\n"),
        [(11, 15, "unknown-body")],
    ),
    "a successor that is not registered": (
        REGISTRY + "  - id: ls.so-cu\n    ten: Sở cũ\n    ke_thua: ls.so-moi\n",
        [(23, 14, "unknown-body")],
    ),
    "a member that is not registered": (
        REGISTRY.replace("thanh_vien: [ls.snv]", "thanh_vien: [ls.snv, ls.stc]"),
        [(20, 26, "unknown-body")],
    ),
    "a body that ends before it starts": (
        REGISTRY + "  - id: ls.so-cu\n    ten: Sở cũ\n    tu_ngay: 2020-01-01\n"
        "    den_ngay: 2019-01-01\n",
        [(24, 15, "dates-order")],
    ),
    "a listed group without members": (
        REGISTRY.replace("    thanh_vien: [ls.snv]\n", ""),
        [(17, 5, "group-members")],
    ),
    "members of a body that is not a listed group": (
        REGISTRY + "  - id: ls.so\n    ten: Sở\n    thanh_vien: [ls.snv]\n",
        [(23, 17, "group-members")],
    ),
    "superiors in a cycle": (
        REGISTRY.replace("    viet_tat: UBND\n", "    viet_tat: UBND\n    cap_tren: ls.snv\n"),
        [(7, 15, "registry-cycle"), (12, 15, "registry-cycle")],
    ),
    "a body its own superior": (
        REGISTRY + "  - id: ls.so\n    ten: Sở\n    cap_tren: ls.so\n",
        [(23, 15, "registry-cycle")],
    ),
    "successors in a cycle": (
        REGISTRY + "  - id: ls.a\n    ten: A\n    ke_thua: ls.b\n"
        "  - id: ls.b\n    ten: B\n    ke_thua: ls.a\n",
        [(23, 14, "registry-cycle"), (26, 14, "registry-cycle")],
    ),
    "a body proposed by kehoach import, not yet reviewed": (
        REGISTRY + "  - id: ls.phong-vh\n    ten: Phòng Văn hóa và Thông tin\n"
        "    de_xuat: kehoach import từ “a.docx”, đoạn 40\n",
        [(23, 14, "proposed-body")],
    ),
    "the test registry": (REGISTRY, []),
}


@pytest.mark.parametrize("text,expected", list(CASES.values()), ids=list(CASES))
def test_registry_rule(assert_diagnostics, text, expected):
    assert_diagnostics(text, expected, name="co-quan.yaml")
