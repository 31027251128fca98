"""``kehoach explain``: the registry's text, through the command line, with its exit codes."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kehoach.diagnostics.codes.pages import explain, listing


def kehoach(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kehoach", "explain", *args],
                          capture_output=True, text=True, encoding="utf-8", timeout=60,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


@pytest.mark.parametrize("code", ["unknown-body", "yaml-alias", "internal-error"])
def test_a_code_is_explained(code):
    proc = kehoach(code)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, explain(code), "")


@pytest.mark.parametrize("args", [(), ("--all",)])
def test_every_code_is_listed(args):
    proc = kehoach(*args)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, listing(), "")


def test_an_unknown_code_is_a_usage_error_with_close_codes():
    proc = kehoach("unknwn-body")
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == ("Lỗi: Không có mã “unknwn-body”. Có phải: unknown-body, unknown-key, "
                           "config-unknown-code? "
                           "Xem mọi mã: kehoach explain --all\n")


def test_a_code_with_all_is_a_usage_error():
    proc = kehoach("--all", "unknown-body")
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == "Lỗi: --all liệt kê mọi mã; không ghi kèm một mã.\n"
