"""``kehoach fmt``: rewrite plans (and the agency registry) into one canonical form.

The canonical form (``kehoach.yamltext.emit``): keys in schema order at every depth, two-space
indentation with sequence dashes under their key, plain scalars where every YAML reader gives
the same text back and double quotes otherwise, folded blocks (``>-``) for long paragraphs,
NFC text. Comments stay, each with the entry it stands before (or ends the line of), so they
move with their key when keys are reordered. The author's text never changes: the result is
read back with kehoach's own loader and must give exactly the data of the original, or
nothing is written. A plan of an older format is upgraded on the way (``kehoach.edit.upgrade``:
the version number, and completion records naming an occurrence by its year); the result must
then read back as exactly the upgraded data. ``fmt`` is idempotent: formatting twice gives
the text of formatting once.

An invalid file (YAML or schema errors) is never rewritten; its diagnostics are returned.
Files are written atomically (``kehoach.fs.atomic``) under the plan's lock (``kehoach.fs.lock``), so
``fmt`` cannot race a ``kehoach done`` on the same file.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kehoach.errors import KehoachError

if TYPE_CHECKING:
    from kehoach.diagnostics.diagnostic import Diagnostic
    from kehoach.load.document import Document


class FmtError(KehoachError, ValueError):
    """Formatting refused: the text is invalid (``diagnostics``) or would change meaning."""

    def __init__(self, message_vi: str, diagnostics: list[Diagnostic] | None = None):
        self.diagnostics = list(diagnostics or [])
        super().__init__(message_vi)


@dataclass
class FmtResult:
    path: Path
    display: str
    changed: bool = False
    written: bool = False
    diagnostics: list[Diagnostic] = field(default_factory=list)
    digest: bytes | None = None  # of the bytes found canonical, or not (``changed``)

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


def format_text(text: str, registry: bool | None = None) -> str:
    """The canonical form of a plan's (or, ``registry``, the agency registry's) text.

    Raises FmtError with the diagnostics when the text is not a valid file.
    """
    doc = _load(text.encode("utf-8"), Path("co-quan.yaml" if registry else "ke-hoach.yaml"))
    if registry is None and any(d.code == "registry-name" for d in doc.diagnostics):
        doc = _load(text.encode("utf-8"), Path("co-quan.yaml"))
    _refuse_invalid(doc)
    return _format_loaded(_decoded(text), doc)


def format_file(path: Path, check_only: bool = False, display: str | None = None) -> FmtResult:
    """Format one file in place; with ``check_only`` only report whether it would change."""
    from kehoach.check.resultcache import file_digest
    from kehoach.fs.atomic import AtomicWriteError, write_atomic
    from kehoach.fs.lock import FileLock, LockError
    from kehoach.fs.reader import ReadError, real_inside

    result = FmtResult(path, display or str(path))
    if check_only:
        _format_bytes(path, result)
        return result
    try:  # a plan reached through a symlink: the real file is locked and rewritten
        real = real_inside(path)
    except ReadError as exc:
        result.diagnostics.append(_diag(result.display, exc.code,
                                        f"Không sửa được tệp: {exc.reason}."))
        return result
    try:
        with FileLock(real):
            new = _format_bytes(real, result)
            if new is not None and result.changed:
                write_atomic(real, new)
                result.written = True
                result.digest = file_digest(new)  # what the file holds now: canonical
    except (LockError, AtomicWriteError) as exc:
        result.diagnostics.append(_diag(result.display, "io-error", exc.message_vi))
    return result


def format_paths(paths: list[Path], check_only: bool = False,
                 cwd: Path | None = None, cache: bool = False) -> list[FmtResult]:
    """Format the files and folders named (default: the repository's ``plans/`` and
    ``reports/``); with
    ``cache``, a file whose bytes ``fmt`` last found canonical (or not) is not formatted
    again to know it (``Verdicts``)."""
    from kehoach.fs.repo import default_paths, display_path, find_root, yaml_files

    cwd = cwd or Path.cwd()
    root = find_root(paths[0] if paths else cwd)
    if not paths:
        paths = default_paths(root, cwd)
    verdicts = Verdicts(root) if cache else None
    files = [(p, display_path(p, cwd)) for p in yaml_files(paths)]
    known = [_remembered_verdict(p, d, check_only, verdicts) for p, d in files]
    todo = [f for f, (result, _) in zip(files, known, strict=True) if result is None]
    done = iter(_format_all(todo, check_only))
    results = []
    for result, key in known:
        if result is None:
            result = next(done)
            if verdicts is not None and key is not None:
                verdicts.put(key, result)
        results.append(result)
    if verdicts is not None:
        verdicts.save()
    return results


def _format_all(files: list[tuple[Path, str]], check_only: bool) -> list[FmtResult]:
    """``format_file`` of each file, in order. ``--check`` reads and writes nothing but its
    verdicts, so it runs on every core (``run_files``: a cold ``fmt --check`` of 1,000 plans
    was one process at 3.6× the time of reading them); rewriting files stays in one process,
    each file under its lock."""
    if not check_only:
        return [format_file(p, False, d) for p, d in files]
    from kehoach.fs.parallel import run_files

    return [result for _, result in run_files(_check_job, files, None)]


def _check_job(path: Path, display: str, _: object) -> tuple[Document, FmtResult]:
    from kehoach.load.document import Document

    return Document(path, display), format_file(path, True, display)


class Verdicts:
    """Whether ``fmt`` found a file's bytes canonical, remembered by their digest in the
    ``canonical`` table of the repository's database (``kehoach.check.checkdb``), which names
    kehoach's version: another version's verdicts are not used."""

    def __init__(self, root: Path | None):
        from kehoach.check.checkdb import connect
        from kehoach.fs.cache import cache_dir

        self.db = connect(cache_dir(root))
        self.new: list[tuple[str, bytes, int]] = []

    def get(self, key: str, digest: bytes) -> bool | None:
        """True: canonical, False: would change, None: not known for these bytes."""
        import sqlite3

        try:
            row = self.db.execute("SELECT digest, verdict FROM canonical WHERE path = ?",
                                  (key,)).fetchone() if self.db is not None else None
        except sqlite3.Error:
            row = None
        return bool(row[1]) if row is not None and row[0] == digest else None

    def put(self, key: str, result: FmtResult) -> None:
        if result.digest is not None and not result.diagnostics:
            self.new.append((key, result.digest, int(result.written or not result.changed)))

    def save(self) -> None:
        import sqlite3

        if self.db is None or not self.new:
            return
        with contextlib.suppress(sqlite3.Error), self.db:  # busy past the timeout: next time
            self.db.executemany("INSERT OR REPLACE INTO canonical VALUES (?, ?, ?)", self.new)


def _remembered_verdict(path: Path, display: str, check_only: bool, verdicts: Verdicts | None
                        ) -> tuple[FmtResult | None, str | None]:
    """The file's result from a remembered verdict, or None (it must be formatted), with the
    key its verdict is kept under."""
    from kehoach.check.resultcache import file_digest
    from kehoach.fs.reader import read_bytes
    from kehoach.fs.repo import same_file_key

    if verdicts is None:
        return None, None
    key = same_file_key(path)
    try:
        digest: bytes | None = file_digest(read_bytes(path))
    except (OSError, ValueError):
        digest = None
    canonical = verdicts.get(key, digest) if digest is not None else None
    if canonical or (canonical is False and check_only):
        return FmtResult(path, display, changed=not canonical, digest=digest), key
    return None, key


# --- internals ---------------------------------------------------------------------------


def _format_bytes(path: Path, result: FmtResult) -> bytes | None:
    from kehoach.load.document import Document, read_source
    from kehoach.load.source import SourceError, decode

    unread = Document(path, result.display)
    raw = read_source(unread)
    if raw is None:
        result.diagnostics.extend(unread.diagnostics)
        return None
    doc = _load(raw, path, result.display)
    result.diagnostics.extend(doc.diagnostics)
    if not result.ok:
        return None
    try:
        new = _format_loaded(decode(raw), doc).encode("utf-8")
    except (FmtError, SourceError) as exc:
        result.diagnostics.append(_diag(result.display, "fmt-internal", str(exc)))
        return None
    from kehoach.check.resultcache import file_digest

    result.changed = new != raw
    result.digest = file_digest(raw)
    return new


def _load(raw: bytes, path: Path, display: str | None = None) -> Document:
    from kehoach.load.document import Document, load_text

    return load_text(Document(path, display or str(path)), raw)


def _refuse_invalid(doc: Document) -> None:
    errors = [d for d in doc.diagnostics if d.is_error]
    if errors:
        raise FmtError(
            f"Tệp có {len(errors)} lỗi nên không định dạng lại; hãy sửa lỗi trước "
            "(xem kehoach check).", errors)


def _decoded(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def _format_loaded(text: str, doc: Document) -> str:
    from kehoach.yamltext.comments import collect
    from kehoach.yamltext.emit import dump

    comments = collect(text, doc.root)
    kept = comments.texts()
    newline = "\r\n" if "\r\n" in text else "\n"
    from kehoach.edit.upgrade import current_data

    data = current_data(doc)
    out = dump(data, comments, newline)
    if out == text and same_data(doc.data, data):
        return out  # canonical already: reading it back would repeat the load just made
    _verify(out, data, kept)
    return out


def _verify(out: str, data: Any, comments: list[str]) -> None:
    """The formatted text must read back as the same data and hold every comment."""
    from kehoach.load.parse import parse
    from kehoach.load.source import SourceError, check_shape

    try:  # quoting and indentation may push a line past the loader's limits
        check_shape(out)
    except SourceError as exc:
        why = exc.problem.message.rstrip(".")
        raise FmtError(f"Không định dạng lại: bản định dạng lại sẽ vượt giới hạn của kehoach ở "
                       f"dòng {exc.problem.line} ({why}), nên tệp không được ghi. Hãy chia nhỏ "
                       "đoạn văn đó.") from None
    loaded = parse(out)
    if loaded.problems or not same_data(loaded.data, data):
        raise FmtError("Lỗi nội bộ của kehoach fmt: bản định dạng lại sẽ làm đổi nội dung, nên "
                       "tệp không được ghi. Hãy báo lỗi kèm tệp kế hoạch.")
    missing = [c for c in comments if c not in out]
    if missing:
        raise FmtError(f"Lỗi nội bộ của kehoach fmt: sẽ mất chú thích “{missing[0]}”, nên tệp "
                       "không được ghi. Hãy báo lỗi kèm tệp kế hoạch.")


def same_data(a: Any, b: Any) -> bool:
    """Equal data, types included (``True`` is not ``1``), mapping order ignored."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same_data(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same_data(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _diag(display: str, code: str, message: str) -> Diagnostic:
    from kehoach.diagnostics.diagnostic import diagnostic

    return diagnostic(display, 1, 1, code, message)
