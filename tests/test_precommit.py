"""The pre-commit hooks (.pre-commit-hooks.yaml), run by the real ``pre-commit`` tool.

pre-commit installs hooks from a git repository at a commit: the package is copied into a
temporary repository and committed there, and a plans repository uses it with ``repo: <path>``.
pre-commit then pip-installs kehoach (and its dependencies) into its own environment — the
first run takes a while; ``PRE_COMMIT_HOME`` is shared by the tests of one session. Skipped
when pre-commit or git is missing, or with KEHOACH_SKIP_SLOW=1.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from kehoach import __version__
from tests.conftest import write_repo
from tests.gitutil import Repo, git_env

ROOT = Path(__file__).resolve().parent.parent
SRC = Path(os.environ.get("KEHOACH_HOOKS_SRC") or ROOT)
"""Where the hooks repository is copied from (a patched tree can be tried this way)."""
PRE_COMMIT = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")

pytestmark = [
    pytest.mark.skipif(not Path(PRE_COMMIT).exists() and shutil.which("pre-commit") is None,
                       reason="pre-commit chưa được cài"),
    pytest.mark.skipif(shutil.which("git") is None, reason="git chưa được cài"),
    pytest.mark.slow,
    pytest.mark.skipif(bool(os.environ.get("KEHOACH_SKIP_SLOW")), reason="KEHOACH_SKIP_SLOW"),
]

GOOD = textwrap.dedent("""\
    loai: ke_hoach
    co_quan_ban_hanh: [ls.ubnd]
    so_ky_hieu: 12/KH-UBND
    dia_danh: Lạng Sơn
    ngay_ban_hanh: 2024-03-05
    trich_yeu: Tổ chức Tháng thanh niên năm 2024
    chu_ky:
      - nguoi_ky: Nguyễn Văn A
    """)


def test_documented_rev_is_the_release_tag_of_this_version():
    """Every ``rev:`` shown to users is the tag the release steps make for this version."""
    docs = [ROOT / ".pre-commit-hooks.yaml", ROOT / "README.md", *(ROOT / "docs").glob("*.md")]
    revs = {m for path in docs
            for m in re.findall(r"^\s*(?:#\s*)?rev: (\S+)\s*$",
                                path.read_text(encoding="utf-8"), re.M)}
    assert revs == {f"v{__version__}"}
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{__version__}"' in pyproject


def test_hooks_file_declares_both_hooks():
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(
        encoding="utf-8"))}
    assert hooks["kehoach-check"]["entry"] == "kehoach check"
    assert hooks["kehoach-check"]["pass_filenames"] is True
    assert hooks["kehoach-fmt"]["entry"] == "kehoach fmt"
    import re

    pattern = re.compile(hooks["kehoach-check"]["files"])
    assert pattern.search("plans/a.yaml") and pattern.search("plans/2024/b.yml")
    assert pattern.search("kho/plans/a.yaml")
    assert not pattern.search(".pre-commit-config.yaml")
    assert not pattern.search(".github/workflows/ci.yml")


@pytest.fixture(scope="module")
def hooks_repo(tmp_path_factory) -> tuple[Path, str, Path]:
    """kehoach as a hooks repository at its release tag, made as docs/release.md says
    (path, tag, PRE_COMMIT_HOME): the ``rev:`` the documentation gives must exist."""
    base = tmp_path_factory.mktemp("hooks")
    src = base / "kehoach-src"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".*cache*")
    for name in ("kehoach", "templates"):
        shutil.copytree(SRC / name, src / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(SRC / name, src / name)
    home = base / "home"
    home.mkdir()
    repo = Repo(src, home)
    repo.commit("kehoach")
    tag = f"v{__version__}"
    repo.git("tag", "-a", tag, "-m", f"kehoach {__version__}")
    return src, tag, base / "pre-commit-home"


def _plans_repo(tmp_path: Path, hooks: tuple[Path, str, Path], ids: list[str]) -> Repo:
    src, rev, _ = hooks
    home, root = tmp_path / "home", tmp_path / "kho"
    home.mkdir()
    root.mkdir()
    repo = Repo(root, home)
    hook_list = "".join(f"      - id: {i}\n" for i in ids)
    (repo.root / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {src.as_posix()}\n    rev: {rev}\n    hooks:\n{hook_list}",
        encoding="utf-8")
    return repo


def _run(repo: Repo, hooks: tuple[Path, str, Path]) -> tuple[int, str]:
    env = {**git_env(Path(repo.env["HOME"])), "PRE_COMMIT_HOME": str(hooks[2]),
           "PRE_COMMIT_COLOR": "never"}
    done = subprocess.run([PRE_COMMIT, "run", "--all-files"], cwd=repo.root, env=env,
                          capture_output=True, check=False, timeout=900)
    return done.returncode, (done.stdout + done.stderr).decode("utf-8", "replace")


def test_check_hook_reports_errors_by_position(tmp_path, hooks_repo):
    repo = _plans_repo(tmp_path, hooks_repo, ["kehoach-check"])
    write_repo(repo.root, {"a.yaml": GOOD, "b.yaml": GOOD.replace("12/KH-UBND", "12/QĐ-UBND")})
    repo.git("add", "-A")
    code, out = _run(repo, hooks_repo)
    assert code == 1, out
    assert "plans/b.yaml:3:13: [error]" in out
    assert "symbol-type" in out
    assert ".pre-commit-config.yaml" not in out.split("- hook id")[-1]
    write_repo(repo.root, {"b.yaml": GOOD.replace("12/KH", "13/KH")})
    repo.git("add", "-A")
    code, out = _run(repo, hooks_repo)
    assert code == 0, out


def test_fmt_hook_rewrites_then_passes(tmp_path, hooks_repo):
    repo = _plans_repo(tmp_path, hooks_repo, ["kehoach-fmt"])
    messy = "trich_yeu: 'Tổ chức'\nloai: ke_hoach\nco_quan_ban_hanh:\n    - ls.ubnd\n"
    write_repo(repo.root, {"a.yaml": messy})
    repo.git("add", "-A")
    code, out = _run(repo, hooks_repo)
    assert code == 1, out  # the hook changed a file
    assert (repo.root / "plans" / "a.yaml").read_text(encoding="utf-8") == (  # and upgraded
        "phien_ban_dinh_dang: 2\nloai: ke_hoach\nco_quan_ban_hanh: [ls.ubnd]\ntrich_yeu: Tổ chức\n")
    repo.git("add", "-A")
    code, out = _run(repo, hooks_repo)
    assert code == 0, out
