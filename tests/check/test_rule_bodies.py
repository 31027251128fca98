"""kehoach.check.rules.bodies: the bodies a plan names, against the registry."""

from __future__ import annotations

import pytest

from tests.check.conftest import BASE, check_messages, with_task_fields
from tests.conftest import REGISTRY

# ls.snv merged into ls.snv-moi two months before the plan (2021-12-31) was issued.
MERGED = REGISTRY.replace(
    "    cap_tren: ls.ubnd\n",
    "    cap_tren: ls.ubnd\n    den_ngay: 2021-10-31\n    ke_thua: ls.snv-moi\n",
) + "  - id: ls.snv-moi\n    ten: Sở Nội vụ (mới)\n"

CASES = {
    "a lead that is not registered": (
        BASE.replace("chu_tri: ls.snv", "chu_tri: ls.snvv"), REGISTRY,
        [(20, 22, "unknown-body")],
    ),
    "an issuer that is not registered": (
        BASE.replace("[ls.ubnd]", "[ls.ubnn]"), REGISTRY, [(2, 20, "unknown-body")],
    ),
    "a coordinating body that is not registered": (
        with_task_fields("            phoi_hop: [ls.snv, ls.xyz]\n"), REGISTRY,
        [(22, 32, "unknown-body")],
    ),
    "a lead dissolved before the plan": (BASE, MERGED, [(20, 22, "body-not-existing")]),
    "its successor": (BASE.replace("chu_tri: ls.snv", "chu_tri: ls.snv-moi"), MERGED, []),
    "a group as issuer": (
        BASE.replace("[ls.ubnd]", "[ls.cac-so]"), REGISTRY, [(2, 20, "issuer-is-group")],
    ),
    "a group as lead": (BASE.replace("chu_tri: ls.snv", "chu_tri: ls.cac-so"), REGISTRY, []),
}


@pytest.mark.parametrize("text,registry,expected", list(CASES.values()), ids=list(CASES))
def test_bodies_rule(assert_diagnostics, text, registry, expected):
    assert_diagnostics(text, expected, registry=registry)


def test_the_suggestions_are_the_nearest_ids(tmp_path):
    messages = check_messages(tmp_path, BASE.replace("chu_tri: ls.snv", "chu_tri: ls.snvv"))
    assert messages == [
        "Cơ quan “ls.snvv” không có trong danh mục. Có phải: ls.snv (Sở Nội vụ tỉnh Lạng Sơn); "
        "ls.ubnd (Ủy ban nhân dân tỉnh Lạng Sơn); ls.cac-so (Các sở, ban, ngành tỉnh)?"
    ]
