"""Hostile files through the real CLI, in a subprocess with a memory limit.

Each must end with exit 1 and a diagnostic naming the file: never a traceback, a crash
(PyYAML's C composer segfaults near 30,000 nested brackets), a hang or a blown memory.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

resource = pytest.importorskip("resource")  # POSIX: the memory limit needs it

MEMORY_LIMIT = 1024 * 1024 * 1024  # 1 GiB of address space for the whole interpreter


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kehoach", "check", "--format", "plain", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        preexec_fn=_limit,
        cwd=path.parent,
    )


def _bomb() -> bytes:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 12):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]")
    return ("\n".join(lines) + "\n").encode()


HOSTILE = {
    "billion laughs": (_bomb(), "yaml-alias"),
    "30000 nested brackets": (b"a: " + b"[" * 30000 + b"]" * 30000 + b"\n", "nesting-too-deep"),
    "30000 nested flow maps": (b"a: " + b"{a: " * 30000 + b"}" * 30000 + b"\n", "nesting-too-deep"),
    "compact sequence chain": (b"- " * 30000 + b"x\n", "nesting-too-deep"),
    "python object tag": (b"a: !!python/object/apply:os.system ['echo pwned']\n", "yaml-tag"),
    "binary garbage": (bytes(range(256)) * 64, "binary-file"),
    "utf-16": ("loai: ke_hoach\n".encode("utf-16"), "encoding-utf16"),
    "huge file": (b"a: '" + b"x" * (11 * 1024 * 1024) + b"'\n", "file-too-large"),
    "very long line": (b"a: " + b"x" * 200_000 + b"\n", "line-too-long"),
    "empty": (b"", "empty-file"),
    "nul bytes": (b"loai: ke_hoach\n\x00\x00", "binary-file"),
}


@pytest.mark.parametrize("raw,code", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_file(tmp_path, raw, code):
    path = tmp_path / "hostile.yaml"
    path.write_bytes(raw)
    proc = run_check(path)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert f"({code})" in proc.stdout
    assert proc.stdout.startswith("hostile.yaml:")
