"""kehoach.check.rules.footnotes: ``[^id]`` references and ``chu_thich`` match one to one."""

from __future__ import annotations

import pytest

from tests.check.conftest import BASE

REFERENCED = BASE.replace("15/11/2022.", "15/11/2022.[^1]")
NOTE = "chu_thich:\n  - id: 1\n    noi_dung: Theo Công văn số 12/SNV-VP.\n"  # from line 26

CASES = {
    "a reference without its footnote": (REFERENCED, [(17, 19, "footnote-missing")]),
    "a reference in a legal basis": (
        BASE.replace("Chính phủ;", "Chính phủ[^a];"), [(8, 15, "footnote-missing")],
    ),
    "a footnote twice": (
        REFERENCED + NOTE + "  - id: 1\n    noi_dung: Theo Báo cáo số 30/BC-SNV.\n",
        [(29, 9, "footnote-duplicate")],
    ),
    "a footnote nothing refers to": (BASE + NOTE, [(27, 5, "footnote-unused")]),
    "a footnote without text": (
        REFERENCED + "chu_thich:\n  - id: 1\n", [(27, 5, "footnote-empty")],
    ),
    "a footnote without text, saying why": (
        REFERENCED + "chu_thich:\n  - id: 1\n    ghi_chu: Bản gốc không có lời.\n", [],
    ),
    "a reference and its footnote": (REFERENCED + NOTE, []),
}


@pytest.mark.parametrize("text,expected", list(CASES.values()), ids=list(CASES))
def test_footnotes_rule(assert_diagnostics, text, expected):
    assert_diagnostics(text, expected)
