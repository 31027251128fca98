"""The reader's refusals are diagnostics at 1:1, like every other problem of a file.

(The commands that meet them, FIFOs and devices included, are in ``tests/test_fs_reading.py``.)
"""

from __future__ import annotations

import os
import sys

import pytest

from kehoach.load.document import load_document

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and symlinks: POSIX")


def positions(path) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.code) for d in load_document(path).diagnostics]


def test_a_fifo_is_not_a_file(tmp_path):
    (tmp_path / "plans").mkdir()
    os.mkfifo(tmp_path / "plans" / "a.yaml")
    assert positions(tmp_path / "plans" / "a.yaml") == [(1, 1, "not-a-file")]


def test_a_link_out_of_the_repository(tmp_path):
    (tmp_path / "repo" / "plans").mkdir(parents=True)
    (tmp_path / "secret.yaml").write_text("loai: ke_hoach\n", encoding="utf-8")
    (tmp_path / "repo" / "plans" / "a.yaml").symlink_to(tmp_path / "secret.yaml")
    assert positions(tmp_path / "repo" / "plans" / "a.yaml") == [(1, 1, "outside-repository")]
