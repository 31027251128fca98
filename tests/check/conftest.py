"""Positioned diagnostics of small plans: one file per rule module, yamllint style.

Every test states each diagnostic it expects as ``(line, column, "code")``;
tests/diagnostics/test_codes.py fails when a registered code has no such test here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.check.checker import check_paths
from tests.conftest import REGISTRY, write_repo

BASE = """\
loai: ke_hoach
co_quan_ban_hanh: [ls.ubnd]
so_ky_hieu: 253/KH-UBND
dia_danh: Lạng Sơn
ngay_ban_hanh: 2021-12-31
trich_yeu: Thực hiện Chương trình phát triển thanh niên
can_cu:
  - noi_dung: Căn cứ Quyết định số 1331/QĐ-TTg ngày 24/7/2021 của Thủ tướng Chính phủ;
    loai_van_ban: Quyết định
    so: 1331/QĐ-TTg
    ngay: 2021-07-24
phan:
  - so: I.
    noi_dung: NỘI DUNG
    muc:
      - so: "1."
        noi_dung: Sở Nội vụ tổng hợp, báo cáo trước ngày 15/11/2022.
        nhiem_vu:
          - id: t1
            chu_tri: ls.snv
            thoi_han: trước ngày 15/11/2022
chu_ky:
  - quyen_han: KT. CHỦ TỊCH
    chuc_vu: PHÓ CHỦ TỊCH
    nguoi_ky: Dương Xuân Huyên
"""
"""A clean issued plan; each test changes one thing in it."""

TASK = "            thoi_han: trước ngày 15/11/2022\n"
"""The last line of the task ``t1``: what a test appends task fields after."""


def with_task_fields(fields: str, text: str = BASE) -> str:
    """BASE with ``fields`` (indented as the task's own keys) added to the task ``t1``."""
    assert TASK in text
    return text.replace(TASK, TASK + fields, 1)


def positions(root: Path, name: str) -> list[tuple[int, int, str]]:
    """(line, column, code) of every diagnostic of the file plans/``name``, sorted."""
    result = check_paths([root / "plans" / name], cwd=root)
    return sorted((d.line, d.column, d.code) for d in result.diagnostics)


@pytest.fixture
def assert_diagnostics(tmp_path: Path):
    """``assert_diagnostics(text, [(line, col, "code"), …])``: exactly these, in any order.

    ``text`` may be bytes (written as they are). ``registry`` replaces the test registry
    (checked itself when ``name`` is co-quan.yaml); ``others`` are more plans of the repository.
    """

    def check(text: str | bytes, expected: list[tuple[int, int, str]], *, name: str = "a.yaml",
              registry: str | None = REGISTRY, others: dict[str, str] | None = None) -> None:
        if name == "co-quan.yaml":
            registry = None
        files = dict(others or {})
        if isinstance(text, str):
            files[name] = text
        root = write_repo(tmp_path, files, registry)
        if isinstance(text, bytes):
            (root / "plans" / name).write_bytes(text)
        assert positions(root, name) == sorted(expected)

    return check

def check_messages(tmp_path: Path, text: str, name: str = "a.yaml") -> list[str]:
    """The messages of the diagnostics of one plan, in order (BASE's registry)."""
    root = write_repo(tmp_path, {name: text})
    return [d.message for d in check_paths([root / "plans" / name], cwd=root).diagnostics]
