"""Recording progress in a plan file: completions (``done``/``undone``); extensions
(``extend``/``unextend``) are ``kehoach.edit.extensions``, through the same path.

Each command edits the file in place so that only the lines of the record change — comments,
quoting and layout elsewhere stay byte for byte (``kehoach.yamltext.splice``). Before anything is
written the edited text is loaded and checked again: it must read back as exactly the old data
plus (or minus) the one record, and add no new error; otherwise an EditError says why and the
file is left byte-identical. The whole read–edit–write runs under the plan's lock
(``kehoach.fs.lock``) and re-reads the file inside it, so concurrent runs never lose a record.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kehoach.edit.lookup import (
    EditError,
    locate_task,
    parse_occurrence,
    resolve_agency,
    resolve_occurrence,
    schedule,
    show_ky,
)
from kehoach.fs.oserror import reason_vi
from kehoach.load.validate import value_at
from kehoach.textnorm import printable

if TYPE_CHECKING:
    from kehoach.load.document import Document
    from kehoach.plan.registry import Registry
    from kehoach.plan.walk import TaskRef

__all__ = ["EditError", "EditResult", "RecordedAlready", "done_change", "locate_task",
           "record_done", "withdraw_done"]


@dataclass
class EditResult:
    path: Path
    task_id: str
    message: str  # Vietnamese, for the command line: printable (it quotes the record)
    record: dict[str, Any] = field(default_factory=dict)
    warnings: list[Any] = field(default_factory=list)  # diagnostics the edit brought in


@dataclass
class _Ctx:
    path: Path
    doc: Document
    text: str
    ref: TaskRef
    registry: Registry
    bom: bytes = b""


# Returns (edited text, expected data, message, record).
_Change = Callable[[_Ctx], tuple[str, Any, str, dict[str, Any]]]


def record_done(path: Path | str, task_id: str, agency: str | None = None,
                date: dt.date | None = None, evidence: str | None = None,
                occurrence: str | int | dt.date | None = None, note: str | None = None, *,
                registry: Registry | None = None) -> EditResult:
    """Add a completion record ``{co_quan, ky, ngay_hoan_thanh, minh_chung, ghi_chu}``."""
    change = done_change(agency, date, evidence, occurrence, note)
    return _edit(Path(path), task_id, change, registry)


def done_change(agency: str | None = None, date: dt.date | None = None,
                evidence: str | None = None, occurrence: str | int | dt.date | None = None,
                note: str | None = None) -> _Change:
    """The edit that adds one completion record (refused: EditError), for ``record_done`` and
    for batches (``kehoach import-progress``)."""
    from kehoach.deadline.clock import today_vn

    today = today_vn()
    day = date or today
    if day > today:
        raise EditError(f"Ngày hoàn thành {day:%d/%m/%Y} ở tương lai.")
    wanted = parse_occurrence(occurrence)
    evidence, note = _nfc(evidence), _nfc(note)  # the file is NFC: NFD input would not match
    _printable(("Minh chứng", evidence), ("Ghi chú", note))

    def change(ctx: _Ctx) -> tuple[str, Any, str, dict[str, Any]]:
        body = resolve_agency(ctx.ref, agency, ctx.registry, ctx.doc.plan, ctx.doc.display)
        sole = _sole(ctx)
        mine = [d for d in ctx.ref.task.hoan_thanh if (d.co_quan or sole) == (body or sole)]
        reading, days = schedule(ctx.ref, ctx.doc.plan, today)  # type: ignore[arg-type]
        recorded = [(_day_of(d.ky, days), d) for d in mine]
        taken = {k for k, _ in recorded if isinstance(k, dt.date)}
        ky = resolve_occurrence(ctx.ref, reading, days, wanted, taken)
        for key, done in recorded:
            if key == ky:
                raise RecordedAlready(_duplicate(ctx, done.ngay_hoan_thanh, body, ky), done)
        record = {k: v for k, v in (("co_quan", body), ("ky", ky), ("ngay_hoan_thanh", day),
                                    ("minh_chung", evidence), ("ghi_chu", note)) if v is not None}
        text, data = _append(ctx, "hoan_thanh", record)
        return text, data, _done_message(ctx, record), record

    return change


class RecordedAlready(EditError):
    """The occurrence already has a completion for that body: ``existing`` is it."""

    def __init__(self, message_vi: str, existing: Any):
        super().__init__(message_vi)
        self.existing = existing


def withdraw_done(path: Path | str, task_id: str, agency: str | None = None,
                  occurrence: str | int | dt.date | None = None, *,
                  registry: Registry | None = None) -> EditResult:
    """Remove one completion record (the one matching ``agency`` and ``occurrence``)."""
    from kehoach.deadline.clock import today_vn

    wanted = parse_occurrence(occurrence)

    def change(ctx: _Ctx) -> tuple[str, Any, str, dict[str, Any]]:
        records = ctx.ref.task.hoan_thanh
        tid = ctx.ref.task.id
        if not records:
            raise EditError(f"Nhiệm vụ “{tid}” chưa có ghi nhận hoàn thành nào.")
        body = (resolve_agency(ctx.ref, agency, ctx.registry, ctx.doc.plan, ctx.doc.display)
                if agency else None)
        sole = _sole(ctx)
        _, days = schedule(ctx.ref, ctx.doc.plan, today_vn())  # type: ignore[arg-type]
        hits = [j for j, d in enumerate(records) if (body is None or (d.co_quan or sole) == body)
                and _same_ky(_day_of(d.ky, days), wanted)]
        if len(hits) != 1:
            listed = "; ".join(_describe(ctx, d) for d in records)
            what = "Không có" if not hits else f"Có {len(hits)}"
            raise EditError(f"{what} ghi nhận hoàn thành khớp của nhiệm vụ “{tid}” (đang có: "
                            f"{listed}); hãy chỉ rõ --agency và --occurrence.")
        j = hits[0]
        text, data = _remove(ctx, "hoan_thanh", j)
        removed = records[j].model_dump(exclude_none=True)
        return text, data, f"Đã bỏ ghi nhận hoàn thành nhiệm vụ {tid}: " \
            f"{_describe(ctx, records[j])}.", removed

    return _edit(Path(path), task_id, change, registry)


def _remove(ctx: _Ctx, key: str, j: int) -> tuple[str, Any]:
    """The text and data without the ``j``-th record of the task's list ``key``."""
    from kehoach.yamltext.splice import SpliceError, remove_item

    try:
        text = remove_item(ctx.text, ctx.doc.root, ctx.ref.path, key, j)
    except SpliceError as exc:
        raise EditError(str(exc)) from exc
    data = copy.deepcopy(ctx.doc.data)
    task_data = value_at(data, ctx.ref.path)
    task_data[key].pop(j)
    if not task_data[key]:  # the key goes with its last entry, as in the text
        del task_data[key]
    return text, data


# --- the common path ---------------------------------------------------------------------------


def _edit(path: Path, task_id: str, change: _Change, registry: Registry | None) -> EditResult:
    from kehoach.fs.atomic import AtomicWriteError, write_atomic
    from kehoach.fs.lock import FileLock, LockError
    from kehoach.fs.reader import ReadError, real_inside

    try:  # a plan reached through a symlink: the real file is locked and rewritten
        real = real_inside(path)
    except ReadError as exc:
        raise EditError(f"Không sửa được tệp “{path}”: {exc.reason}.") from exc
    except (OSError, ValueError) as exc:
        raise EditError(f"Không sửa được tệp “{path}”: {_why(exc)}.") from exc
    try:
        with FileLock(real):
            ctx = _open(path, task_id, registry, real=real)
            text, expected, message, record = change(ctx)
            warnings = _verify(ctx, text, expected)
            write_atomic(real, ctx.bom + text.encode("utf-8"))
    except (LockError, AtomicWriteError) as exc:
        raise EditError(exc.message_vi) from exc
    return EditResult(path, task_id, printable(message), record, warnings)


def _why(exc: OSError | ValueError) -> str:
    return reason_vi(exc, reading=True) if isinstance(exc, OSError) else "đường dẫn không hợp lệ"


def _open(path: Path, task_id: str, registry: Registry | None, raw: bytes | None = None,
          real: Path | None = None) -> _Ctx:
    """The plan at ``path`` ready to edit: its content ``raw`` (a batch's text so far), else
    read from ``real`` (where a link at ``path`` leads) or ``path``; ``path`` names it in
    messages and finds its repository."""
    from kehoach.check.checker import check_document, load_registry
    from kehoach.fs.repo import find_root
    from kehoach.load.document import Document, load_text, read_source
    from kehoach.load.source import decode
    from kehoach.plan.walk import iter_tasks
    from kehoach.textnorm import closest

    if raw is None:
        unread = Document(real or path, str(path))
        raw = read_source(unread)
        if raw is None:
            raise EditError(f"Không đọc được tệp “{path}”.", unread.diagnostics)
    doc = load_text(Document(path, str(path)), raw)
    errors = [d for d in doc.diagnostics if d.is_error]
    if errors or doc.plan is None:
        raise EditError(f"Tệp “{path}” đang có lỗi nên không sửa được; hãy chạy “kehoach "
                        "check” và sửa trước.", errors)
    if registry is None:
        registry, _ = load_registry(find_root(path))
    check_document(doc, registry)
    refs = {ref.task.id: ref for ref in iter_tasks(doc.plan)}
    if task_id not in refs:
        near = closest(task_id, list(refs), cutoff=0.5)
        hint = f" Có phải: {', '.join(near)}?" if near else ""
        raise EditError(f"Không có nhiệm vụ “{task_id}” trong tệp “{path}”.{hint}")
    bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    text = decode(raw)
    if "\r" in text.replace("\r\n", ""):  # old Mac line ends: the splicer works on lines
        raise EditError(f"Tệp “{path}” xuống dòng bằng ký tự CR đơn lẻ (kiểu máy Mac cũ) nên "
                        "không sửa tại chỗ được; hãy chạy “kehoach fmt” cho tệp rồi thử lại.")
    return _Ctx(path, doc, text, refs[task_id], registry, bom)


def _verify(ctx: _Ctx, text: str, expected: Any) -> list[Any]:
    """The edited text reads back as ``expected`` and adds no error; the warnings it adds are
    returned (a completion dated before the plan was issued is odd, not wrong)."""
    from kehoach.check.checker import check_document
    from kehoach.edit.fmt import same_data
    from kehoach.load.document import Document, load_text

    after = load_text(Document(ctx.path, str(ctx.path)), text.encode("utf-8"))
    if after.plan is not None:
        check_document(after, ctx.registry)
    before = Counter((d.code, d.message) for d in ctx.doc.diagnostics)
    new = []
    for diag in after.diagnostics:
        if before[(diag.code, diag.message)] > 0:
            before[(diag.code, diag.message)] -= 1
        else:
            new.append(diag)
    errors = [d for d in new if d.is_error]
    if errors:
        raise EditError(f"Không ghi: sau khi sửa, tệp sẽ có lỗi — {errors[0].message}", errors)
    if not same_data(after.data, expected):
        raise EditError("Lỗi nội bộ: bản sửa sẽ làm đổi phần khác của tệp, nên không ghi. Hãy báo "
                        "lỗi kèm tệp kế hoạch.")
    return new


def _append(ctx: _Ctx, key: str, record: dict[str, Any]) -> tuple[str, Any]:
    from kehoach.plan.model import Completion, Extension, Task
    from kehoach.yamltext.splice import SpliceError, append_item

    model = Completion if key == "hoan_thanh" else Extension
    task_data = value_at(ctx.doc.data, ctx.ref.path)
    try:
        text = append_item(ctx.text, ctx.doc.root, ctx.ref.path, key, task_data.get(key) or [],
                           record, model, list(Task.model_fields))
    except SpliceError as exc:
        raise EditError(exc.message_vi) from exc
    data = copy.deepcopy(ctx.doc.data)
    value_at(data, ctx.ref.path).setdefault(key, []).append(record)
    return text, data


def _sole(ctx: _Ctx) -> str | None:
    from kehoach.edit.lookup import assignees

    expected = assignees(ctx.ref, ctx.registry)
    return expected[0] if len(expected) == 1 else None


def _day_of(ky: int | dt.date | None, days: list[dt.date]) -> int | dt.date | None:
    """A recorded ``ky`` as the occurrence's day: a year (format 1) names its first
    occurrence, as the tracker reads it; a year with none stays a year."""
    if isinstance(ky, int):
        return next((d for d in days if d.year == ky), ky)
    return ky


def _same_ky(ky: int | dt.date | None, wanted: int | dt.date | None) -> bool:
    if wanted is None:
        return True
    if isinstance(wanted, int) and isinstance(ky, dt.date):
        return ky.year == wanted
    if isinstance(wanted, dt.date) and isinstance(ky, int):
        return wanted.year == ky
    return ky == wanted


def _printable(*fields: tuple[str, str | None]) -> None:
    """Text from the command line that the plan could not hold is refused before any edit
    (``check`` would refuse the file; the .docx could not print it)."""
    from kehoach.load.guard import FORBIDDEN

    for label, text in fields:
        bad = FORBIDDEN.search(text) if text else None
        if bad:
            raise EditError(f"{label} có ký tự điều khiển hoặc không in được "
                            f"(U+{ord(bad.group()):04X}); hãy bỏ ký tự đó. Không ghi gì.")


def _nfc(text: str | None) -> str | None:
    from kehoach.textnorm import nfc

    return None if text is None else nfc(text)


def _describe(ctx: _Ctx, done: Any) -> str:
    from kehoach.review.body import describe_completion
    from kehoach.review.wording import Names

    return describe_completion(done, Names(ctx.registry))


def _done_message(ctx: _Ctx, record: dict[str, Any]) -> str:
    from kehoach.plan.model import Completion

    return f"Đã ghi nhận hoàn thành nhiệm vụ {ctx.ref.task.id}: " \
        f"{_describe(ctx, Completion(**record))}."


def _duplicate(ctx: _Ctx, day: dt.date, body: str | None, ky: int | dt.date | None) -> str:
    who = f" của {ctx.registry.name(body)}" if body else ""
    when = f", kỳ {show_ky(ky)}" if ky is not None else ""
    return (f"Nhiệm vụ “{ctx.ref.task.id}” đã được ghi nhận hoàn thành{who}{when} (ngày "
            f"{day:%d/%m/%Y}); không ghi lại. Nếu cần sửa, hãy bỏ bản ghi cũ bằng "
            "“kehoach undone” rồi ghi lại.")
