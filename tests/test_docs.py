"""Everything a user can run or read about is documented: commands, options, codes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from kehoach.cli import app
from kehoach.diagnostics.codes import CODES

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


CODES_PAGE = (ROOT / "docs" / "codes.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_diagnostic_code_is_documented(code):
    # The page is generated from the registry (tests/diagnostics/test_codes.py keeps it
    # current), and the registry holds every code emitted (the same file checks the source).
    assert f"\n### `{code}`\n" in CODES_PAGE
