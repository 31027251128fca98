"""The last guard of ``main()``: a user error that no command caught is still said in
Vietnamese, with exit 1 (a file is at fault) or 2 (what the user typed), never "Lỗi nội bộ"."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach.cli.app import main
from kehoach.errors import KehoachError
from kehoach.plan.registry import AgencyLookupError
from tests.conftest import write_repo

SRC = Path(__file__).resolve().parent.parent


def run(cwd: Path, *args: str) -> tuple[int, str, str]:
    env = {**os.environ, "PYTHONPATH": str(SRC), "PYTHONIOENCODING": "utf-8"}
    env.pop("KEHOACH_DEBUG", None)
    done = subprocess.run([sys.executable, "-m", "kehoach", *args], cwd=cwd, env=env,
                          capture_output=True, check=False, timeout=120)
    return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")


def test_a_write_that_fails_is_a_file_error_not_a_bug(tmp_path):
    root = write_repo(tmp_path, {})
    # `new` does not catch the failed write itself (the folder to make is a file): the guard
    # in main() says it.
    code, _, err = run(root, "new", "ke_hoach", "-i", "ls.ubnd", "-o", "plans/co-quan.yaml/a.yaml",
                       "--force")
    assert code == 1, err
    assert err.startswith("Lỗi: Không ghi được tệp “plans/co-quan.yaml”: ")
    assert "nội bộ" not in err and "Traceback" not in err


@pytest.mark.parametrize(("error", "code"), [
    (AgencyLookupError("Sở Ngoại vụ", [], ["Sở Nội vụ"]), 2),
    (KehoachError("Tệp “a.yaml” hỏng."), 1),
], ids=["agency-typed-by-the-user", "kehoach-error"])
def test_an_escaped_user_error_exits_with_its_code(tmp_path, monkeypatch, capsys, error, code):
    import kehoach.edit.scaffold

    def fail(*args: object, **kwargs: object) -> str:
        raise error

    write_repo(tmp_path, {})
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KEHOACH_DEBUG", raising=False)
    monkeypatch.setattr(kehoach.edit.scaffold, "new_plan_in", fail)
    monkeypatch.setattr(sys, "argv", ["kehoach", "new", "ke_hoach", "-i", "ls.ubnd"])
    with pytest.raises(SystemExit) as exit_info:
        main()
    assert exit_info.value.code == code
    assert capsys.readouterr().err == f"Lỗi: {error.message_vi}\n"
