"""The layout keeps its promises: no import cycles (imports inside functions included), every
module imports on its own, no two modules share a name, none grows past the size a reader
takes in, and only the CLI speaks typer or rich."""

from __future__ import annotations

import ast
import importlib
from collections import Counter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kehoach"
MAX_LINES = 400


def _name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path) -> set[str]:
    """Every kehoach module this file imports, wherever the import statement stands."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.add(full if full in MODULES else node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {m for m in found if m in MODULES}


GRAPH = {name: _imports(path) - {name} for name, path in MODULES.items()}


def _cycles() -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in GRAPH[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in GRAPH:
        if v not in index:
            visit(v)
    return found


def test_the_graph_sees_the_package():
    assert len(MODULES) > 60
    assert "kehoach.check.perfile" in GRAPH["kehoach.tracking.knownregistry"]


def test_no_import_cycles():
    assert _cycles() == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_every_module_imports_on_its_own(name):
    importlib.import_module(name)


def test_no_two_modules_share_a_file_name():
    names = Counter(p.name for p in MODULES.values() if p.name != "__init__.py")
    assert [n for n, k in names.items() if k > 1] == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_modules_stay_readable(name):
    if name == "kehoach.render._metrics_data":  # generated font metrics, not read by people
        return
    lines = MODULES[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{name}: {lines} lines"


@pytest.mark.parametrize("name", sorted(n for n in MODULES if not n.startswith("kehoach.cli")))
def test_only_the_cli_imports_typer_or_rich(name):
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    roots = {a.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
             for a in node.names}
    roots |= {node.module.split(".")[0] for node in ast.walk(tree)
              if isinstance(node, ast.ImportFrom) and node.module and node.level == 0}
    assert not roots & {"typer", "rich", "click"}


def test_every_package_is_shipped():
    """A non-editable install (pre-commit, a wheel) has only the packages pyproject lists."""
    import tomllib

    listed = set(tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
                 ["tool"]["setuptools"]["packages"])
    folders = {_name(p.parent / "__init__.py") for p in PACKAGE.rglob("__init__.py")}
    assert folders <= listed
