"""Shared test helpers: temporary plan repositories and positioned diagnostics."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from kehoach.check.checker import check_paths

DATA = Path(__file__).parent / "data"

REGISTRY = """\
co_quan:
  - id: ls.ubnd
    ten: Ủy ban nhân dân tỉnh Lạng Sơn
    ten_in: ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN
    ten_khac: [UBND tỉnh, UBND tỉnh Lạng Sơn]
    viet_tat: UBND
  - id: ls.snv
    ten: Sở Nội vụ tỉnh Lạng Sơn
    ten_khac: [Sở Nội vụ, SNV]
    viet_tat: SNV
    cap_tren: ls.ubnd
  - id: ls.tinh-doan
    ten: Tỉnh đoàn Lạng Sơn
    ten_khac: [Tỉnh đoàn, Tỉnh Đoàn]
    viet_tat: TĐ
    loai: doan_thanh_nien
  - id: ls.cac-so
    ten: Các sở, ban, ngành tỉnh
    nhom: liet_ke
    thanh_vien: [ls.snv]
"""


def write_repo(root: Path, files: dict[str, str], registry: str | None = REGISTRY) -> Path:
    """A plans repository under ``root`` with the given plan files (dedented)."""
    (root / "plans").mkdir(parents=True, exist_ok=True)
    if registry is not None:
        (root / "plans" / "co-quan.yaml").write_text(registry, encoding="utf-8")
    for name, text in files.items():
        path = root / "plans" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def diagnose(root: Path, name: str = "a.yaml") -> list[tuple[int, int, str]]:
    """(line, column, code) of every diagnostic of one plan file."""
    result = check_paths([root / "plans" / name], cwd=root)
    return [(d.line, d.column, d.code) for d in result.diagnostics]


@pytest.fixture(autouse=True, scope="session")
def _cache_outside_the_tree(tmp_path_factory: pytest.TempPathFactory):
    """Tests (and the CLI processes they start) keep kehoach's cache out of the source tree."""
    import os

    old = os.environ.get("KEHOACH_CACHE_DIR")
    os.environ["KEHOACH_CACHE_DIR"] = str(tmp_path_factory.mktemp("kehoach-cache"))
    yield
    if old is None:
        os.environ.pop("KEHOACH_CACHE_DIR", None)
    else:
        os.environ["KEHOACH_CACHE_DIR"] = old


@pytest.fixture
def repo(tmp_path: Path):
    def make(files: dict[str, str], registry: str | None = REGISTRY) -> Path:
        return write_repo(tmp_path, files, registry)

    return make


# CI runs the same examples every time (a red CI must be reproducible, not a dice roll); a
# developer's `make test` explores new ones. `make fuzz` explores far more.
if os.environ.get("CI"):
    from hypothesis import settings as _hypothesis_settings

    _hypothesis_settings.register_profile("ci", derandomize=True, database=None)
    _hypothesis_settings.load_profile("ci")
