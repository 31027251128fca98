"""typer's internals that kehoach relies on still exist, and only the adapter touches them.

An upgrade of typer that moves one of them must fail here, loudly, rather than quietly bring
back English help pages or tracebacks.
"""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
import re
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
import typer.core

import kehoach
from kehoach.cli import typer_adapter
from kehoach.cli.typer_adapter import _WORDS, PRIVATE_HOOKS

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = Path(kehoach.__file__).parent


def _release(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


@pytest.mark.parametrize(("module", "attribute"), PRIVATE_HOOKS,
                         ids=[f"{m}:{a}" for m, a in PRIVATE_HOOKS])
def test_private_hook_exists(module, attribute):
    owner: object = importlib.import_module(module)
    *path, last = attribute.split(".")
    for name in path:
        owner = getattr(owner, name)
    annotations = getattr(owner, "__annotations__", {}) if inspect.isclass(owner) else {}
    assert hasattr(owner, last) or last in annotations, f"{module}.{attribute} is gone"


@functools.cache
def _typer_strings() -> frozenset[str]:
    """Every string literal in typer's source (its vendored click included)."""
    folder = Path(typer.__file__).parent
    return frozenset(node.value for path in folder.rglob("*.py")
                     for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                     if isinstance(node, ast.Constant) and isinstance(node.value, str))


@pytest.mark.parametrize("english", sorted(_WORDS))
def test_translated_words_are_typers_own(english):
    # The adapter swaps typer's words by exact text (its gettext hook, its help texts): a word
    # typer rewords would stay English on every help page.
    assert english in _typer_strings()


def test_localize_replaces_typers_gettext():
    typer_adapter.localize(typer.Typer())
    assert typer.core._("Options") == "Tùy chọn"


def test_installed_typer_is_within_the_pinned_range():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pin = next(dep for dep in project["dependencies"] if dep.startswith("typer"))
    lower = re.search(r">=\s*([\d.]+)", pin)
    upper = re.search(r"<\s*([\d.]+)", pin)
    assert lower and upper, f"typer must be pinned to a tested range: {pin}"
    installed = _release(version("typer"))
    assert _release(lower[1]) <= installed < _release(upper[1])


def _private_imports(path: Path) -> list[str]:
    """The private typer or click modules and names ``path`` imports or reads."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute):
            names = [f"{ast.unparse(node.value)}.{node.attr}"]
        else:
            continue
        found += [n for n in names if re.match(r"(typer|click)\b", n)
                  and (n.startswith("click") or re.search(r"\._", n))]
    return found


def test_only_the_adapter_touches_private_typer_or_click():
    users = {p.relative_to(PACKAGE).as_posix(): _private_imports(p) for p in PACKAGE.rglob("*.py")}
    assert {p: names for p, names in users.items() if names} == {
        "cli/typer_adapter.py": _private_imports(PACKAGE / "cli" / "typer_adapter.py")}
    assert _private_imports(PACKAGE / "cli" / "typer_adapter.py")
