"""Every error a user can cause is a KehoachError whose Vietnamese message is one attribute."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest
import yaml

import kehoach
from kehoach.diagnostics.codes import UnknownCodeError, lookup
from kehoach.edit.fmt import FmtError, format_text
from kehoach.edit.lookup import EditError, parse_occurrence
from kehoach.edit.scaffold import ScaffoldError, new_plan
from kehoach.errors import KehoachError, RenderError
from kehoach.fs.atomic import AtomicWriteError, write_atomic
from kehoach.fs.lock import FileLock, LockError
from kehoach.load.source import SourceError, decode
from kehoach.office.outputs import TRACKING_FORMATS, OutputChoiceError, output_format
from kehoach.plan.registry import AgencyLookupError
from kehoach.review.git import DiffError, load_version
from kehoach.yamltext.splice import SpliceError, append_item
from tests.conftest import REGISTRY, write_repo

PACKAGE = Path(kehoach.__file__).parent


def _modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages([str(PACKAGE)], "kehoach."))


def _exception_classes() -> list[type[BaseException]]:
    """Every exception class defined in the package, found by importing every module."""
    found: dict[str, type[BaseException]] = {}
    for name in _modules():
        module = importlib.import_module(name)
        for _, obj in inspect.getmembers(module, inspect.isclass):
            # A private class (``_TooDeep``) is control flow inside its module: never raised
            # out of it, so never the user's to see.
            if (issubclass(obj, BaseException) and obj.__module__ == name
                    and not obj.__name__.startswith("_")):
                found[f"{name}.{obj.__qualname__}"] = obj
    return [found[key] for key in sorted(found)]


def test_the_package_defines_the_user_errors():
    names = {cls.__name__ for cls in _exception_classes()} - {"KehoachError"}
    assert names == {"AgencyLookupError", "AtomicWriteError", "DiffError", "EditError",
                     "FileTooLarge", "FmtError", "LimitExceeded", "LockError", "NotInVersion",
                     "OutputChoiceError", "OutputError", "PeriodError", "ReadError",
                     "RecordedAlready", "RenderError", "ReportError",
                     "ScaffoldError", "SheetError", "SiteError", "SourceError", "SpliceError",
                     "UnknownCodeError", "WordImportError"}


@pytest.mark.parametrize("cls", _exception_classes(), ids=lambda cls: cls.__name__)
def test_every_exception_of_the_package_is_a_kehoach_error(cls):
    # A new exception class is either the user's to fix (then it says so in Vietnamese, through
    # the base the CLI prints) or a bug, which needs no class of its own.
    assert issubclass(cls, KehoachError)


def test_no_module_defines_message_vi_as_a_method():
    for name in _modules():
        path = PACKAGE.joinpath(*name.split(".")[1:])
        path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.name != "message_vi", f"{name}:{node.lineno}"


@pytest.mark.parametrize(("module", "cls", "builtin"), [
    # The builtin bases that callers catch these by stay.
    ("kehoach.edit.lookup", "EditError", ValueError),
    ("kehoach.edit.fmt", "FmtError", ValueError),
    ("kehoach.edit.scaffold", "ScaffoldError", ValueError),
    ("kehoach.wordimport.refusal", "WordImportError", ValueError),
    ("kehoach.yamltext.splice", "SpliceError", ValueError),
    ("kehoach.plan.registry", "AgencyLookupError", LookupError),
    ("kehoach.diagnostics.codes", "UnknownCodeError", LookupError),
    ("kehoach.office.outputs", "OutputChoiceError", ValueError),
    ("kehoach.plan.reportperiod", "PeriodError", ValueError),
    ("kehoach.office.progress_read", "SheetError", ValueError),
    ("kehoach.review.git", "DiffError", RuntimeError),
    ("kehoach.fs.lock", "LockError", TimeoutError),
    ("kehoach.fs.atomic", "AtomicWriteError", OSError),
])
def test_builtin_bases_are_kept(module, cls, builtin):
    error = getattr(importlib.import_module(module), cls)
    assert issubclass(error, KehoachError) and issubclass(error, builtin)


def _lock_error(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_text("x", encoding="utf-8")
    with FileLock(target):
        FileLock(target, timeout=0.1).acquire()


def _agency_error(tmp_path: Path) -> None:
    from kehoach.check.checker import load_registry

    registry, _ = load_registry(write_repo(tmp_path, {}))
    registry.find("Sở Nội vụ tỉnh Cao Bằng")


def _splice_error(tmp_path: Path) -> None:
    text = "a: {b: 1}\n"
    append_item(text, yaml.compose(text), ("a",), "c", [], {"d": 1}, None, ["c"])


def _scaffold_error(tmp_path: Path) -> None:
    from kehoach.check.checker import load_registry

    new_plan("cong_van", "ls.ubnd", load_registry(write_repo(tmp_path, {}))[0])


def _render_error(tmp_path: Path) -> None:
    from kehoach.render.output import check_target

    (tmp_path / "a.docx").write_bytes(b"old")
    check_target(tmp_path / "a.docx", force=False)


@pytest.mark.parametrize(("cause", "error", "message"), [
    (lambda tmp: decode(b"loai: ke_hoach\n\x00\n"), SourceError, "Tệp chứa byte NUL"),
    (lambda tmp: format_text("a: [1\n"), FmtError, "Tệp có 1 lỗi nên không định dạng lại"),
    (lambda tmp: parse_occurrence("năm ngoái"), EditError, "Kỳ “năm ngoái” không hợp lệ"),
    (_splice_error, SpliceError, "viết ở dạng rút gọn"),
    (lambda tmp: load_version("khong-co.yaml", tmp), DiffError,
     "Không đọc được tệp “khong-co.yaml”"),
    (lambda tmp: write_atomic(tmp / "khong-co" / "a.yaml", b"x"), AtomicWriteError,
     "Không ghi được tệp"),
    (_lock_error, LockError, "đang được một lệnh kehoach khác sửa"),
    (_agency_error, AgencyLookupError,
     "Không tìm thấy cơ quan “Sở Nội vụ tỉnh Cao Bằng” trong danh mục. Có phải: "),
    (_render_error, RenderError, "đã có; dùng --force"),
    (lambda tmp: lookup("unknown-bdy"), UnknownCodeError, "Không có mã “unknown-bdy”. Có phải: "),
    (lambda tmp: output_format(Path("a.docx"), None, TRACKING_FORMATS), OutputChoiceError,
     "-o: không biết ghi tệp đuôi “.docx”"),
    (_scaffold_error, ScaffoldError, "Loại văn bản “cong_van” không có; chọn một trong: "),
], ids=lambda value: value.__name__ if isinstance(value, type) else "")
def test_message_vi_is_the_one_vietnamese_text(tmp_path, cause, error, message):
    with pytest.raises(error) as info:
        cause(tmp_path)
    assert isinstance(info.value, KehoachError)
    assert isinstance(info.value.message_vi, str) and message in info.value.message_vi
    assert str(info.value) == info.value.message_vi


def test_registry_fixture_names_the_agency_the_lookup_misses():
    # The lookup above must miss for the right reason: the registry has only Lạng Sơn's bodies.
    assert "Cao Bằng" not in REGISTRY and "Sở Nội vụ tỉnh Lạng Sơn" in REGISTRY
