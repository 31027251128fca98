"""kehoach init and kehoach co-quan them: a new repository that works from its first commit."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kehoach.edit.fmt import format_text
from kehoach.edit.repo_init import init_repository
from kehoach.load.config import load_config
from tests.gitutil import make_repo

ROOT = Path(__file__).resolve().parent.parent
FILES = ["kehoach.toml", "plans/co-quan.yaml", "kehoach.schema.json",
         "kehoach-co-quan.schema.json", ".gitattributes", ".pre-commit-config.yaml", ".yamllint",
         ".vscode/settings.json", "mau-ci/github-actions.yml", "mau-ci/gitlab-ci.yml"]


def kehoach(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kehoach", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=120,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def test_init_writes_every_file_once(tmp_path):
    assert init_repository(tmp_path, "lang-son") == [(name, True) for name in FILES]
    (tmp_path / ".yamllint").write_text("# của cơ quan\n", encoding="utf-8")
    assert init_repository(tmp_path) == [(name, False) for name in FILES]
    assert (tmp_path / ".yamllint").read_text(encoding="utf-8") == "# của cơ quan\n"


def test_every_file_init_writes_is_valid(tmp_path):
    init_repository(tmp_path, "lang-son")
    config = load_config(tmp_path)
    assert (config.province, config.diagnostics) == ("lang-son", ())
    for name in FILES:
        text = (tmp_path / name).read_text(encoding="utf-8")
        if name.endswith(".json"):
            json.loads(text)
        elif name.endswith((".yaml", ".yml")) or name == ".yamllint":
            assert yaml.safe_load(text) is not None, name
    registry = (tmp_path / "plans" / "co-quan.yaml").read_text(encoding="utf-8")
    assert format_text(registry, registry=True) == registry
    hooks = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [h["entry"] for h in hooks["repos"][0]["hooks"]] == ["kehoach check", "kehoach fmt"]


def test_a_new_repository_takes_bodies_and_a_plan_that_check(tmp_path):
    assert kehoach(tmp_path, "init", "kho", "--tinh", "lang-son").returncode == 0
    repo = tmp_path / "kho"
    ubnd = kehoach(repo, "co-quan", "them", "lang-son.ubnd", "--ten",
                   "Ủy ban nhân dân tỉnh Lạng Sơn", "--viet-tat", "UBND", "--ten-khac", "UBND tỉnh")
    assert (ubnd.returncode, ubnd.stdout) == (
        0, "Đã thêm vào danh mục cơ quan: Ủy ban nhân dân tỉnh Lạng Sơn (mã lang-son.ubnd).\n")
    snv = kehoach(repo, "co-quan", "them", "lang-son.snv", "--ten", "Sở Nội vụ tỉnh Lạng Sơn",
                  "--viet-tat", "SNV", "--cap-tren", "lang-son.ubnd")
    assert snv.returncode == 0, snv.stderr
    registry = (repo / "plans" / "co-quan.yaml").read_text(encoding="utf-8")
    assert registry.endswith("co_quan:\n  - id: lang-son.ubnd\n"
                             "    ten: Ủy ban nhân dân tỉnh Lạng Sơn\n"
                             "    ten_khac: [UBND tỉnh]\n    viet_tat: UBND\n"
                             "  - id: lang-son.snv\n    ten: Sở Nội vụ tỉnh Lạng Sơn\n"
                             "    viet_tat: SNV\n    cap_tren: lang-son.ubnd\n")
    assert kehoach(repo, "new", "kế hoạch", "--issuer", "lang-son.snv", "-o",
                   "plans/moi.yaml").returncode == 0
    check = kehoach(repo, "check", "--format", "plain")
    assert (check.returncode, check.stdout) == (0, "")
    assert kehoach(repo, "fmt", "--check").returncode == 0


@pytest.mark.parametrize(("args", "message"), [
    (["lang-son.ubnd", "--ten", "Khác"], "Mã “lang-son.ubnd” đã có trong danh mục"),
    (["lang-son.x", "--ten", "X", "--cap-tren", "khong-co"], "Không có cơ quan “khong-co”"),
    (["Sở X", "--ten", "X"], "Mã “Sở X” không hợp lệ"),
    (["lang-son.y", "--ten", "Y", "--loai", "bo"], "lang-son.y"),
])
def test_co_quan_them_refuses_and_writes_nothing(tmp_path, args, message):
    kehoach(tmp_path, "init")
    kehoach(tmp_path, "co-quan", "them", "lang-son.ubnd", "--ten", "UBND tỉnh Lạng Sơn")
    before = (tmp_path / "plans" / "co-quan.yaml").read_bytes()
    proc = kehoach(tmp_path, "co-quan", "them", *args)
    assert proc.returncode == 1
    assert message in proc.stderr
    assert (tmp_path / "plans" / "co-quan.yaml").read_bytes() == before


def test_the_shipped_yamllint_agrees_with_fmt(tmp_path):
    """yamllint with the .yamllint init writes finds nothing in fmt's own output."""
    yamllint = shutil.which("yamllint") or str(Path(sys.executable).parent / "yamllint")
    init_repository(tmp_path)
    proc = subprocess.run([yamllint, "-f", "parsable", "-c", str(tmp_path / ".yamllint"),
                           str(ROOT / "plans")], capture_output=True, text=True, check=False)
    assert (proc.returncode, proc.stdout) == (0, "")


@pytest.mark.slow
def test_the_pre_commit_hooks_init_writes_run(tmp_path):
    pre_commit = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    repo = make_repo(tmp_path)
    init_repository(repo.root, "lang-son")
    shutil.copy(ROOT / "plans" / "co-quan.yaml", repo.root / "plans" / "co-quan.yaml")
    (repo.root / "plans" / "a.yaml").write_text("loai: ke_hoach\n", encoding="utf-8")
    repo.git("add", "-A")
    env = {**repo.env, "PATH": os.pathsep.join([str(Path(sys.executable).parent),
                                                 os.environ.get("PATH", "")]),
           "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    proc = subprocess.run([pre_commit, "run", "--all-files"], cwd=repo.root, env=env,
                          capture_output=True, text=True, encoding="utf-8", check=False,
                          timeout=300)
    assert proc.returncode == 1  # the plan lacks its required fields: the check hook says so
    assert "plans/a.yaml:1:1: [error]" in proc.stdout
