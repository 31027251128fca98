"""Everything a user can run or read about is documented, and the documents stay true.

The manual lives in ``docs/``: every command and option in ``docs/commands.md``, every key of
the format in ``docs/format.md``, every diagnostic code in ``docs/codes.md``. Every relative
link of README.md and ``docs/*.md`` leads to a file and heading that exist; every package,
module, function and test the documents name exists; and the import rules of
``docs/ARCHITECTURE.md`` hold for every module.
"""

from __future__ import annotations

import ast
import re
import sys
from enum import Enum
from pathlib import Path

import pytest
import typer.main
from pydantic import BaseModel

from kehoach.cli import app
from kehoach.diagnostics.codes import CODES
from kehoach.plan import model

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
PAGES = [ROOT / "README.md", *sorted(DOCS.glob("*.md")), ROOT / "templates" / "README.md"]
COMMANDS_MD = (DOCS / "commands.md").read_text(encoding="utf-8")
CLICK = typer.main.get_command(app)


def _commands(group, prefix: str = "") -> dict:
    """Every command by its full name (``co-quan them``); groups stand for their commands."""
    out = {}
    for name, command in group.commands.items():
        full = f"{prefix}{name}"
        if hasattr(command, "commands"):
            out.update(_commands(command, f"{full} "))
        else:
            out[full] = command
    return out


BY_NAME = _commands(CLICK)
COMMANDS = sorted(BY_NAME)

FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"`[^`\n]*`")
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$", re.MULTILINE)


def _prose(text: str) -> str:
    """The text without fenced blocks: what holds headings and links."""
    return FENCE.sub("", text)


# --- commands and options ------------------------------------------------------------------


def _section(text: str, title: str) -> str:
    """The text under the heading ``title`` up to the next heading of its level or above,
    with the introduction of the section it belongs to (options shared by a family of
    commands are documented once, there)."""
    headings = [(m.start(), len(m.group(1)), m.group(2)) for m in HEADING.finditer(text)]
    for i, (start, level, name) in enumerate(headings):
        if name != title:
            continue
        end = next((s for s, lv, _ in headings[i + 1:] if lv <= level), len(text))
        parent = next(((s, lv) for s, lv, _ in reversed(headings[:i]) if lv < level), None)
        intro = ""
        if parent is not None:
            first_child = next(s for s, lv, _ in headings if s > parent[0] and lv > parent[1])
            intro = text[parent[0]:first_child]
        return intro + text[start:end]
    raise AssertionError(f"docs/commands.md has no heading {title!r}")


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_table_of_commands(name):
    assert f"[`kehoach {name}" in COMMANDS_MD


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_is_documented_in_its_commands_section(name):
    section = _section(COMMANDS_MD, f"`kehoach {name}`")
    opts = [o for p in BY_NAME[name].params if p.param_type_name == "option" for o in p.opts]
    assert [o for o in opts if f"`{o}`" not in section] == []


def test_the_options_of_kehoach_itself_are_documented():
    opts = [o for p in CLICK.params for o in p.opts] + ["-h", "--help"]
    assert [o for o in opts if f"`{o}`" not in COMMANDS_MD] == []


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_vietnamese_help(name):
    command = BY_NAME[name]
    assert command.help and re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]",
                                      command.help.lower())
    for param in command.params:
        assert param.help if hasattr(param, "help") else True, f"{name} {param.name}"


# --- diagnostic codes and the format -------------------------------------------------------

CODES_PAGE = (DOCS / "codes.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_diagnostic_code_is_documented(code):
    # The page is generated from the registry (tests/diagnostics/test_codes.py keeps it
    # current), and the registry holds every code emitted (the same file checks the source).
    assert f"\n### `{code}`\n" in CODES_PAGE


def _format_names() -> list[str]:
    names: set[str] = set()
    for value in vars(model).values():
        if isinstance(value, type) and value.__module__ == model.__name__:
            if issubclass(value, BaseModel):
                names.update(value.model_fields)
            elif issubclass(value, Enum):
                names.update(str(member.value) for member in value)  # type: ignore[var-annotated]
    return sorted(names)


def test_every_key_and_value_of_the_format_is_documented():
    text = (DOCS / "format.md").read_text(encoding="utf-8")
    words = {w for span in CODE_SPAN.findall(text) for w in re.findall(r"[a-z_]+", span)}
    assert len(_format_names()) > 60
    assert [n for n in _format_names() if n not in words] == []


# --- links ---------------------------------------------------------------------------------

LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def slug(title: str) -> str:
    """GitHub's anchor of a heading: lowercase, punctuation out, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", title.strip().lower()).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    seen: dict[str, int] = {}
    out = set()
    for m in HEADING.finditer(_prose(path.read_text(encoding="utf-8"))):
        base = slug(m.group(2))
        n = seen.get(base, 0)
        seen[base] = n + 1
        out.add(base if n == 0 else f"{base}-{n}")
    return out


def links(path: Path) -> list[str]:
    text = CODE_SPAN.sub("", _prose(path.read_text(encoding="utf-8")))
    return [t for t in LINK.findall(text) if not re.match(r"[a-z]+:", t)]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_leads_somewhere(page):
    broken = []
    for target in links(page):
        file, _, anchor = target.partition("#")
        dest = (page.parent / file).resolve() if file else page
        if not dest.exists() or (anchor and anchor not in anchors(dest)):
            broken.append(target)
    assert broken == []


def test_links_are_found():
    assert len(links(ROOT / "README.md")) > 10
    assert "c-a-plan-to-a-docx" in anchors(DOCS / "ARCHITECTURE.md")
    assert "mã-lỗi-và-cảnh-báo" in anchors(DOCS / "deadlines.md")


# --- names of code -------------------------------------------------------------------------

PATH_REF = re.compile(r"`((?:kehoach|tests|bench|templates|docs)/[^`\s*]*)`")
NAME_REF = re.compile(r"`(kehoach(?:\.[A-Za-z_]\w*)+)(?:\(\))?`")
NOT_MODULES = {"toml", "json", "yaml", "yml", "md", "py", "j2"}


def _defined(tree: ast.Module | ast.ClassDef) -> dict[str, ast.AST]:
    out: dict[str, ast.AST] = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            out[node.name] = node
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            out.update((t.id, node) for t in targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.ImportFrom):
            out.update((a.asname or a.name, node) for a in node.names)
    return out


def _module_file(parts: list[str]) -> Path | None:
    base = ROOT.joinpath(*parts)
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def resolves(dotted: str) -> bool:
    """Whether ``kehoach.a.b.name[.attr]`` names a module, or a name defined in one."""
    parts = dotted.split(".")
    for k in range(len(parts), 0, -1):
        file = _module_file(parts[:k])
        if file is None:
            continue
        rest = parts[k:]
        if not rest:
            return True
        names = _defined(ast.parse(file.read_text(encoding="utf-8")))
        node = names.get(rest[0])
        if node is None:
            return False
        if isinstance(node, ast.ImportFrom) and node.module:  # a name re-exported
            return resolves(".".join([node.module, *rest]))
        if len(rest) == 1:
            return True
        return isinstance(node, ast.ClassDef) and len(rest) == 2 and rest[1] in _defined(node)
    return False


def _test_exists(file: Path, name: str) -> bool:
    return file.suffix == ".py" and name in _defined(ast.parse(file.read_text(encoding="utf-8")))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_file_and_name_of_code_exists(page):
    text = page.read_text(encoding="utf-8")
    missing = []
    for ref in PATH_REF.findall(text):
        file, _, name = ref.partition("::")
        path = ROOT / file
        if not path.exists() or (name and not _test_exists(path, name)):
            missing.append(ref)
    for ref in NAME_REF.findall(text):
        if ref.rsplit(".", 1)[1] not in NOT_MODULES and not resolves(ref):
            missing.append(ref)
    assert missing == []


def test_names_of_code_are_resolved():
    assert resolves("kehoach.plan.registry.Registry.find")
    assert resolves("kehoach.deadline.due")  # re-exported
    assert not resolves("kehoach.plan.registry.Registry.lose")
    assert not resolves("kehoach.queries.load")
    assert _test_exists(ROOT / "tests" / "test_docs.py", "test_names_of_code_are_resolved")


# --- the code map of ARCHITECTURE.md -------------------------------------------------------

PACKAGE = ROOT / "kehoach"
STDLIB = set(sys.stdlib_module_names) | {"__future__"}


def _entry(cell: str) -> str:
    name = cell.strip().strip("`").removesuffix("/").removesuffix(".py")
    return "kehoach" if name == "__init__" else name


def code_map() -> tuple[dict[str, set[str] | None], dict[str, set[str]], set[tuple[str, str]]]:
    """From ARCHITECTURE.md: what each top-level entry may import (None: anything), the
    libraries it may import, and the module-to-module imports allowed against the rule."""
    text = (DOCS / "ARCHITECTURE.md").read_text(encoding="utf-8")
    table = text[text.index("## Code map"):]
    allowed: dict[str, set[str] | None] = {}
    libraries: dict[str, set[str]] = {}
    for line in table.splitlines():
        cells = line.split("|")[1:-1]
        if len(cells) != 4 or not cells[0].strip().startswith("`"):
            continue
        name = _entry(cells[0])
        may = cells[2].strip()
        allowed[name] = None if may == "all of them" else {
            _entry(c) for c in re.findall(r"`[^`]+`", may)}
        libraries[name] = set(re.findall(r"`([^`]+)`", cells[3]))
    exceptions = set(re.findall(r"^- `(kehoach[\w.]*)` → `(kehoach[\w.]*)`", table, re.MULTILINE))
    return allowed, libraries, exceptions


def _entry_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "kehoach"


def imports() -> list[tuple[str, str, str]]:
    """(importing module, imported module, top-level name) for every import in the package."""
    found = []
    for file in sorted(PACKAGE.rglob("*.py")):
        parts = list(file.relative_to(ROOT).with_suffix("").parts)
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found += [(module, a.name, a.name.split(".")[0]) for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                assert node.level == 0 and node.module, f"{module}: relative import"
                targets = [node.module]
                if node.module == "kehoach":  # ``from kehoach import fs`` imports a package
                    targets = [f"kehoach.{a.name}" if (PACKAGE / a.name).exists()
                               or (PACKAGE / f"{a.name}.py").exists() else "kehoach"
                               for a in node.names]
                found += [(module, t, t.split(".")[0]) for t in targets]
    return found


def test_the_code_map_holds():
    allowed, libraries, exceptions = code_map()
    entries = {p.stem if p.suffix == ".py" else p.name for p in PACKAGE.iterdir()
               if p.suffix == ".py" or (p / "__init__.py").is_file()}
    assert {"kehoach" if e == "__init__" else e for e in entries} == set(allowed)
    wrong, used = [], set()
    for module, target, top in imports():
        own = _entry_of(module)
        if top == "kehoach":
            other = _entry_of(target)
            may = allowed[own]
            if other == own or may is None or other in may:
                continue
            if (module, target) in exceptions:
                used.add((module, target))
                continue
            wrong.append(f"{module} → {target}")
        elif top not in STDLIB and top not in libraries[own]:
            wrong.append(f"{module} → {top} (library)")
    assert wrong == []
    assert exceptions - used == set(), "listed in ARCHITECTURE.md but no longer true"


def test_the_code_map_is_read():
    allowed, libraries, exceptions = code_map()
    assert allowed["textnorm"] == set() and allowed["cli"] is None
    assert "load" in (allowed["check"] or set()) and libraries["cli"] >= {"typer", "rich"}
    assert ("kehoach.fs.parallel", "kehoach.load.document") in exceptions
    assert ("kehoach.cli.check_cmd", "kehoach.check.checker", "kehoach") in imports()
