"""A throw-away git repository for tests (isolated from the user's git configuration)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git chưa được cài")


def git_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": str(home / ".gitconfig"),
        "GIT_AUTHOR_NAME": "Chuyên viên", "GIT_AUTHOR_EMAIL": "cv@example.gov.vn",
        "GIT_COMMITTER_NAME": "Chuyên viên", "GIT_COMMITTER_EMAIL": "cv@example.gov.vn",
        "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
    })
    return env


class Repo:
    def __init__(self, root: Path, home: Path):
        self.root = root
        self.env = git_env(home)
        self.git("init", "-q", "-b", "main")
        self.git("config", "core.autocrlf", "false")

    def git(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(["git", *args], cwd=self.root, env=self.env, capture_output=True,
                              check=False)
        if check and done.returncode != 0:
            raise AssertionError(done.stderr.decode("utf-8", "replace"))
        return done.stdout.decode("utf-8")

    def commit(self, message: str = "cập nhật") -> None:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)

    def diff_lines(self, *args: str) -> list[str]:
        """Changed lines of ``git diff`` (``+``/``-``, file headers left out)."""
        out = self.git("diff", *args)
        return [line for line in out.splitlines()
                if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def make_repo(tmp_path: Path) -> Repo:
    """A new repository under ``tmp_path`` (the test is skipped without git)."""
    if shutil.which("git") is None:
        pytest.skip("git chưa được cài")
    root = tmp_path / "kho"
    root.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    return Repo(root, home)
