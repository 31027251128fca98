"""Everything a user can run or read about is documented: commands, options, codes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from kehoach.cli import app

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme_table(name):
    assert f"`kehoach {name}" in README


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_vietnamese_help(name):
    command = typer.main.get_command(app).commands[name]  # type: ignore[attr-defined]
    assert command.help and re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]",
                                      command.help.lower())
    for param in command.params:
        assert param.help if hasattr(param, "help") else True, f"{name} {param.name}"


SOURCES = [*(ROOT / "kehoach" / "check").rglob("*.py"), *(ROOT / "kehoach" / "load").glob("*.py")]
NOT_CODES = {"utf-8", "utf-16", "utf-32"}
EMITTED = sorted({code for path in SOURCES
                  for code in re.findall(r'"([a-z0-9]+(?:-[a-z0-9]+)+)"',
                                         path.read_text(encoding="utf-8"))} - NOT_CODES)


def test_codes_were_found():
    assert len(EMITTED) > 20


@pytest.mark.parametrize("code", EMITTED)
def test_every_diagnostic_code_is_documented(code):
    assert f"`{code}`" in README
