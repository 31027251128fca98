"""The code registry is the whole truth: every code emitted is registered, every registered
code is emitted, documented, explained and produced by a positioned test."""

from __future__ import annotations

import ast
import importlib
import re
import unicodedata
from pathlib import Path

import pytest

from kehoach.diagnostics.codes import CODES, GROUPS, UnknownCodeError, lookup
from kehoach.diagnostics.codes.entry import INTERNAL
from kehoach.diagnostics.codes.pages import explain, listing, markdown

ROOT = Path(__file__).parent.parent.parent
PACKAGE = ROOT / "kehoach"

# Every callable that takes a diagnostic code, and the position of that argument. A new way
# of emitting a code belongs here (the sweep below fails on a code literal passed elsewhere).
EMITTERS = {
    "finding": 1,  # check.rules.base: what a rule yields
    "Finding": 1,
    "diagnostic": 3,  # diagnostics.diagnostic: the one Diagnostic constructor
    "add": 1,  # load.document.Document.add(path, code, message)
    "add_at": 2,  # load.document.Document.add_at(line, col, code, message)
    "_diag": 1,  # edit.fmt
    "SourceProblem": 0,  # load.source
    "YamlProblem": 0,  # load.parse
    "report": 1,  # load.parse._Converter.report(node, code, message)
    "SchemaProblem": 1,  # load.validate
    "problem": 0,  # deadline.compose.Context.problem(code, message)
    "of": 0,  # deadline.reading.Problem.of(code, message)
    "at": 2,  # load.config._Problems.at(line, col, code, message)
    "key": 2,  # load.config._Problems.key(key, section, code, message)
    "value": 1,  # load.config._Problems.value(value, code, message)
    "ReadError": 2,  # fs.reader.ReadError(path, reason, code): a file refused before reading
}
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")
# Kebab-case strings passed to other calls in the packages swept: not diagnostic codes.
NOT_CODES = {"utf-8", "utf-16", "utf-32", "utf-16-le", "utf-8-sig"}
SWEPT = ("check", "load", "deadline", "diagnostics", "edit", "plan", "yamltext", "fs")


def _name(call: ast.Call) -> str | None:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)


def _strings(node: ast.expr) -> list[str]:
    """The string literals a code argument can evaluate to (a literal or a conditional)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _strings(node.body) + _strings(node.orelse)
    return []


def _code_argument(call: ast.Call) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == "code":
            return keyword.value
    index = EMITTERS.get(_name(call) or "")
    if index is None or len(call.args) <= index:
        return None
    return call.args[index]


def _calls(path: Path) -> list[ast.Call]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)]


def emitted(path: Path) -> dict[str, int]:
    """Code literal → line, for every code literal at an emitting call site in ``path``."""
    found: dict[str, int] = {}
    for call in _calls(path):
        argument = _code_argument(call)
        if argument is not None:
            for code in _strings(argument):
                found.setdefault(code, call.lineno)
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))
EMITTED = {(path, code): line for path in MODULES for code, line in emitted(path).items()}


def _where(path: Path, line: int) -> str:
    return f"{path.relative_to(ROOT)}:{line}"


def test_the_walk_finds_the_call_sites():
    assert len(EMITTED) > 60


@pytest.mark.parametrize("path,code", sorted(EMITTED), ids=lambda v: getattr(v, "name", v))
def test_every_code_emitted_is_registered(path, code):
    assert code in CODES, f"{_where(path, EMITTED[path, code])}: “{code}” is not registered"


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_registered_code_is_emitted(code):
    assert code in {c for _, c in EMITTED}, f"“{code}” is registered but nothing emits it"


def _swept_strays() -> list[str]:
    strays = []
    for path in MODULES:
        parts = path.relative_to(PACKAGE).parts
        if parts[0] not in SWEPT or parts[:2] == ("diagnostics", "codes"):  # the registry
            continue
        for call in _calls(path):
            at_code = _code_argument(call)
            for arg in [*call.args, *(k.value for k in call.keywords)]:
                if arg is at_code:
                    continue
                strays += [f"{_where(path, call.lineno)}: {s}" for s in _strings(arg)
                           if KEBAB.match(s) and s not in NOT_CODES]
    return strays


def test_no_code_is_passed_to_an_unknown_emitter():
    assert _swept_strays() == []


def test_diagnostics_are_built_by_one_constructor():
    direct = [_where(path, call.lineno) for path in MODULES for call in _calls(path)
              if _name(call) == "Diagnostic" and path.name != "diagnostic.py"]
    assert direct == []


RULES = sorted(p.stem for p in (PACKAGE / "check" / "rules").glob("*.py")
               if p.stem not in ("__init__", "base"))


@pytest.mark.parametrize("rule", RULES)
def test_a_rules_codes_are_what_it_emits(rule):
    module = importlib.import_module(f"kehoach.check.rules.{rule}")
    source = set(emitted(PACKAGE / "check" / "rules" / f"{rule}.py"))
    if rule == "deadlines":  # it also passes on the deadline reader's own codes
        source |= {code for (path, code) in EMITTED if "deadline" in path.parent.name}
    assert source == module.CODES
    assert module.CODES.issubset(CODES)


# --- the registry's entries ---------------------------------------------------------------


@pytest.mark.parametrize("code", CODES.values(), ids=lambda c: c.name)
def test_an_entry_is_complete(code):
    assert KEBAB.match(code.name) or code.name.isalpha()
    assert code.group in GROUPS
    assert code.title and not code.title.endswith(".")
    assert code.explanation.endswith(".") and "\n" not in code.explanation
    if code.group == INTERNAL:  # no author causes these: nothing to show
        assert not code.bad and not code.good
    else:
        assert code.bad.endswith("\n") and code.good.endswith("\n") and code.bad != code.good
    for text in (code.title, code.explanation, code.bad, code.good):
        assert unicodedata.is_normalized("NFC", text)
        assert not re.search(r"\b(?:hoá|khoá|thuỷ|tùy|Uỷ)\b", text)  # the official tone marks


def test_security_codes_are_the_guards_against_hostile_files():
    assert {c.name for c in CODES.values() if c.security} == {
        "file-too-large", "line-too-long", "nesting-too-deep", "duplicate-key",
        "yaml11-surprise", "yaml-tag", "yaml-alias", "config-security", "suppress-security",
        "not-a-file", "outside-repository",
        "invisible-character", "mixed-script", "lookalike-character",  # look-alike names
        # kehoach.plan.limits: values and plans that would crash a command or exhaust the machine
        "too-many-values", "too-many-problems", "too-many-warnings", "control-character",
        "text-too-long",
        "number-too-large", "date-out-of-range", "period-too-long", "too-many-items",
        "too-many-tasks", "table-too-large", "too-many-obligations",
    }


def test_an_unknown_code_fails_loudly_with_close_names():
    with pytest.raises(UnknownCodeError) as raised:
        lookup("unknown-bodyy")
    assert raised.value.suggestions == ["unknown-body", "unknown-key", "config-unknown-code"]
    assert raised.value.message_vi == (
        "Không có mã “unknown-bodyy”. Có phải: unknown-body, unknown-key, config-unknown-code?")
    with pytest.raises(UnknownCodeError) as raised:
        lookup("hoàn toàn khác")
    assert raised.value.message_vi == "Không có mã “hoàn toàn khác”."


def test_a_rule_cannot_emit_an_unregistered_code():
    from kehoach.check.rules.base import finding

    with pytest.raises(UnknownCodeError):
        finding(("phan",), "no-such-code", "…")


# --- docs/codes.md and kehoach explain -------------------------------------------------------


def test_docs_codes_md_is_generated_from_the_registry():
    page = (ROOT / "docs" / "codes.md").read_text(encoding="utf-8")
    assert page == markdown(), "docs/codes.md is stale: run `make codes`"


ROW = re.compile(r"^\| `([a-z0-9-]+)` \| (error|warning) \|", re.MULTILINE)
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_other_pages_state_the_registrys_severity(page):
    rows = ROW.findall(page.read_text(encoding="utf-8"))
    assert [(code, lookup(code).severity.value) for code, _ in rows] == rows


def test_the_page_lists_and_explains_every_code():
    page = markdown()
    for code in CODES.values():
        assert f"| [`{code.name}`](#{code.name}) | {code.severity.label_vi}" in page
        assert f"\n### `{code.name}`\n\n**{code.title}**" in page


def test_explain_prints_title_severity_explanation_and_examples():
    text = explain("yaml-alias")
    assert text.startswith("yaml-alias: Neo và bí danh YAML (&, *)\n"
                           "Mức: lỗi, luôn bật · Nhóm: Cú pháp YAML\n\n")
    assert "\nVí dụ sai:\n    chu_tri: &snv [ls.snv]\n" in text
    assert "\nVí dụ đúng:\n    chu_tri: [ls.snv]\n" in text
    assert " ".join(lookup("yaml-alias").explanation.split()) in " ".join(text.split())


def test_explain_reads_a_code_typed_by_hand():
    assert explain(" Unknown-Body ") == explain("unknown-body")


def test_explain_of_an_internal_code_has_no_examples():
    assert "Ví dụ" not in explain("fmt-internal")


def test_explain_of_an_unknown_code_raises_with_suggestions():
    with pytest.raises(UnknownCodeError) as raised:
        explain("yaml-alais")
    assert raised.value.suggestions[0] == "yaml-alias"


def test_the_listing_has_every_code_once_under_its_group():
    text = listing()
    rows = [line.split()[0] for line in text.splitlines() if line.startswith("  ")]
    assert rows == [c.name for group in GROUPS for c in CODES.values() if c.group == group]
    assert "  task-no-lead " in text and "cảnh báo" in text.split("task-no-lead")[1][:30]


# --- every code is produced by a positioned test ------------------------------------------


def _positioned(path: Path) -> set[str]:
    """Codes of the ``(line, column, "code")`` triples a test file expects."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.elts[2].value for node in ast.walk(tree)
        if isinstance(node, ast.Tuple) and len(node.elts) == 3
        and all(isinstance(e, ast.Constant) for e in node.elts)
        and isinstance(node.elts[0].value, int) and isinstance(node.elts[1].value, int)
        and isinstance(node.elts[2].value, str)
    }


POSITIONED = {code for path in (ROOT / "tests" / "check").glob("test_*.py")
              for code in _positioned(path)}


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_has_a_test_at_an_exact_position(code):
    assert code in POSITIONED, f"no test in tests/check expects “{code}” at a line and column"


def test_positioned_tests_name_only_registered_codes():
    assert POSITIONED.issubset(CODES)
