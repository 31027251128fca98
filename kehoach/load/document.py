"""One YAML file of a plans repository, loaded: its data, node tree, model and diagnostics."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kehoach.diagnostics.codes import severity
from kehoach.diagnostics.diagnostic import Diagnostic, diagnostic
from kehoach.diagnostics.severity import Severity
from kehoach.fs.repo import REGISTRY_NAMES, REPORTS_DIR

if TYPE_CHECKING:
    from kehoach.plan.model import Plan, RegistryFile
    from kehoach.plan.narrative import Narrative

# The YAML layer, the models and pydantic are imported by the functions that load a file, not
# here: a ``check`` that finds every file unchanged makes Documents from what it remembered and
# must not pay ~0.1 s of imports for them (``kehoach.check.checker``).

"""A registry file is told apart from plans by its name (and must have the key ``co_quan``)."""

MAX_DIAGNOSTICS = 1_000
"""Problems listed for one file: past them, one more says the rest were not listed (a file
of 10,000 unknown keys gets an answer at once, not 10,000 lines and suggestions)."""


def _more_vi(what: str) -> str:
    from kehoach.load.guard import number_vi

    return (f"Tệp còn {what} khác, từ vị trí này, ngoài {number_vi(MAX_DIAGNOSTICS)} lỗi và "
            "cảnh báo đã liệt kê; hãy sửa rồi kiểm tra lại.")


def is_registry_path(path: Path) -> bool:
    return path.name.lower() in REGISTRY_NAMES


def is_narrative_path(path: Path) -> bool:
    """A file in the top-level ``reports/`` folder of a repository is a report's narrative
    (a folder of that name inside ``plans/`` holds plans)."""
    folder = path.absolute().parent
    if folder.name != REPORTS_DIR:
        return False
    from kehoach.fs.repo import find_root

    return find_root(folder.parent) == folder.parent


@dataclass
class Document:
    path: Path
    display: str
    data: Any = None
    root: Any = None
    plan: Plan | None = None
    registry: RegistryFile | None = None
    narrative: Narrative | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    # how many problems are listed; whether an error, and a warning, went unlisted
    _listed: int = field(default=0, init=False, repr=False)
    _unlisted: set[Severity] = field(default_factory=set, init=False, repr=False)

    def position(self, path: tuple[Any, ...], key: bool = False) -> tuple[int, int]:
        from kehoach.load.parse import locate

        return locate(self.root, path, key=key)

    def add(self, path: tuple[Any, ...], code: str, message: str, key: bool = False) -> None:
        """Report ``code`` at the value at ``path`` (at its key with ``key``)."""
        if self._listed >= MAX_DIAGNOSTICS and severity(code) in self._unlisted:
            return  # said already: not even located
        line, col = self.position(path, key=key)
        self.add_at(line, col, code, message)

    def add_at(self, line: int, col: int, code: str, message: str) -> None:
        """Report ``code`` at a position; its severity is the code registry's.

        Past ``MAX_DIAGNOSTICS`` a problem is not listed: the first error, and the first
        warning, not listed are said once each, so the verdict (any error?) never changes.
        """
        if self._listed < MAX_DIAGNOSTICS:
            self._listed += 1
            self.diagnostics.append(diagnostic(self.display, line, col, code, message))
            return
        level = severity(code)
        if level in self._unlisted:
            return
        self._unlisted.add(level)
        if level is Severity.ERROR:
            self.diagnostics.append(diagnostic(self.display, line, col, "too-many-problems",
                                               _more_vi("lỗi")))
        else:
            self.diagnostics.append(diagnostic(self.display, line, col, "too-many-warnings",
                                               _more_vi("cảnh báo")))

    @property
    def is_registry(self) -> bool:
        return is_registry_path(self.path)


def load_document(path: Path, display: str | None = None) -> Document:
    """Read, parse and validate one file; every problem becomes a diagnostic, never raised."""
    doc = Document(path, display or str(path))
    raw = read_source(doc)
    return doc if raw is None else load_text(doc, raw)


def read_source(doc: Document) -> bytes | None:
    """The file's bytes, or None with the reason added to ``doc`` as a diagnostic."""
    from kehoach.fs.reader import FileTooLarge, ReadError, read_bytes

    try:
        return read_bytes(doc.path)
    except FileTooLarge as exc:
        doc.add_at(1, 1, exc.code, exc.reason)
    except ReadError as exc:
        doc.add_at(1, 1, exc.code, f"Không đọc được tệp: {exc.reason}.")
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the path
        from kehoach.fs.oserror import reason_vi

        why = reason_vi(exc, reading=True) if isinstance(exc, OSError) else "đường dẫn có ký " \
            "tự NUL"
        doc.add_at(1, 1, "io-error", f"Không đọc được tệp: {why}.")
    return None


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while a file is loaded.

    A plan is a tree of hundreds of thousands of small acyclic objects (YAML nodes, then
    data, then models): reference counting frees them all, while the collector's full passes
    over a growing heap cost more than the parsing itself (measured: loading 150 plans took
    0.45× the time of ``yaml.load`` with the collector paused, 2.1× with it running).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_text(doc: Document, raw: bytes) -> Document:
    with no_gc():
        return _load_text(doc, raw)


def _load_text(doc: Document, raw: bytes) -> Document:
    from kehoach.load.parse import parse
    from kehoach.load.source import SourceError, check_shape, decode

    try:
        text = decode(raw)
        check_shape(text)
    except SourceError as exc:
        p = exc.problem
        doc.add_at(p.line, p.column, p.code, p.message)
        return doc
    loaded = parse(text)
    doc.data, doc.root = loaded.data, loaded.root
    for problem in loaded.problems:
        doc.add_at(problem.line, problem.column, problem.code, problem.message)
    if loaded.problems and loaded.root is None:
        return doc
    _validate(doc)
    return doc


def _validate(doc: Document) -> None:
    from kehoach.load.validate import validate
    from kehoach.plan.model import Plan, RegistryFile
    from kehoach.plan.narrative import Narrative

    data = doc.data
    if data is None:
        doc.add_at(1, 1, "empty-file", "Tệp rỗng: chưa có nội dung kế hoạch.")
        return
    if not isinstance(data, dict):
        doc.add(
            (), "not-a-mapping",
            "Tệp phải là một bảng “tên: giá trị” (ví dụ bắt đầu bằng “loai: ke_hoach”), "
            "không phải danh sách hay một giá trị đơn.",
        )
        return
    model: type[Plan] | type[RegistryFile] | type[Narrative]
    if doc.is_registry:
        model = RegistryFile
    elif is_narrative_path(doc.path):
        model = Narrative
    elif "loai" in data or "co_quan" not in data:
        model = Plan
    else:
        doc.add(("co_quan",), "registry-name",
                f"Danh mục cơ quan phải đặt tên {REGISTRY_NAMES[0]}.", key=True)
        return
    result, problems = validate(model, data, MAX_DIAGNOSTICS - doc._listed,
                                lambda path: _typed(doc, path))
    # A value the YAML layer already reported (e.g. ``no`` read as false) is not reported twice.
    reported = {(d.line, d.column) for d in doc.diagnostics}
    for p in problems:
        line, col = doc.position(p.path, key=p.on_key)
        if (line, col) not in reported:
            doc.add_at(line, col, p.code, p.message)
    if isinstance(result, Plan):
        doc.plan = result
    elif isinstance(result, RegistryFile):
        doc.registry = result
    elif isinstance(result, Narrative):
        doc.narrative = result


def _typed(doc: Document, path: tuple[Any, ...]) -> str | None:
    """The scalar at ``path`` as the author typed it."""
    from kehoach.load.parse import node_at

    node = node_at(doc.root, path)
    value = getattr(node, "value", None)
    return value if isinstance(value, str) else None
