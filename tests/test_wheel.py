"""The officials' route without make: a built wheel installed into a fresh virtual environment
runs ``check``, ``render`` (its templates come with it) and ``git-setup`` on a plans repository
outside the source tree — what ``py -m pip install kehoach-….whl`` gives on Windows."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.gitutil import make_repo

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(bool(os.environ.get("KEHOACH_SKIP_SLOW")), reason="KEHOACH_SKIP_SLOW"),
]


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                          env=env, timeout=600, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The ``kehoach`` command of a fresh venv that has only the wheel and its dependencies."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"  # a copy: the build must not depend on files git does not track
    common = shutil.ignore_patterns(".venv", ".git", "out", "*.egg-info", "build", "__pycache__",
                                    ".*_cache")

    def ignore(folder: str, names: list[str]) -> set[str]:
        # A site built at the root is output; kehoach/site and templates/site are the code.
        return set(common(folder, names)) | ({"site"} if Path(folder) == ROOT else set())

    shutil.copytree(ROOT, source, ignore=ignore)
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "dist"),
          str(source)], work)
    [wheel] = (work / "dist").glob("kehoach-*.whl")
    venv.create(work / "venv", with_pip=True)
    bindir = work / "venv" / ("Scripts" if os.name == "nt" else "bin")
    _run([str(bindir / "python"), "-m", "pip", "install", "-q", str(wheel)], work)
    return bindir / "kehoach"


def test_the_installed_wheel_checks_renders_and_sets_up_git(installed, tmp_path):
    repo = make_repo(tmp_path)
    shutil.copytree(ROOT / "plans", repo.root / "plans")
    env = {**repo.env, "PATH": os.defpath}  # nothing of this checkout or its venv
    out = _run([str(installed), "check", "--format", "plain"], repo.root, env)
    assert "error" not in out
    _run([str(installed), "render", "plans/lang-son-253-kh-ubnd-2021.yaml", "-o", "kh.docx"],
         repo.root, env)
    from docx import Document

    text = "\n".join(p.text for p in Document(str(repo.root / "kh.docx")).paragraphs)
    assert "KẾ HOẠCH" in text  # the packaged templates came with the wheel
    _run([str(installed), "site", "--as-of", "2022-11-10"], repo.root, env)
    for name in ("index.html", "tai-nguyen/site.js", "tai-nguyen/site.css",
                 "ke-hoach/lang-son-253-kh-ubnd-2021.html"):
        assert (repo.root / "site" / name).stat().st_size > 1000, name  # the site's too
    _run([str(installed), "git-setup"], repo.root, env)
    repo.commit("kế hoạch")
    plan = repo.root / "plans" / "lang-son-253-kh-ubnd-2021.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("dia_danh: Lạng Sơn",
                                                             "dia_danh: Thành phố Lạng Sơn"),
                    encoding="utf-8")
    # textconv ran through the installed interpreter: plan terms, not YAML keys
    assert repo.diff_lines() == ["-Địa danh: Lạng Sơn", "+Địa danh: Thành phố Lạng Sơn"]
