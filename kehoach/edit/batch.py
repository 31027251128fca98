"""Many completions into one plan at once (``kehoach import-progress``): every entry is
applied to the text in memory, in order, under the plan's lock, each checked as ``done``
checks one; the file is written once, and only when no entry of it was refused.

An entry whose completion is already recorded with the same day and evidence is skipped (a
sheet imported twice changes nothing); one that contradicts a recorded completion is a
conflict that names both, never an overwrite."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kehoach.edit.records import EditError, EditResult, RecordedAlready, _open, _verify, done_change

if TYPE_CHECKING:
    from kehoach.plan.registry import Registry


@dataclass(frozen=True)
class DoneEntry:
    """One completion to record, and where it came from (``tien-do.xlsx, dòng 5``)."""

    source: str
    task_id: str
    agency: str | None
    occurrence: str | None
    date: dt.date
    evidence: str | None = None
    note: str | None = None


@dataclass
class BatchOutcome:
    path: Path
    recorded: list[tuple[DoneEntry, EditResult]] = field(default_factory=list)
    unchanged: list[tuple[DoneEntry, str]] = field(default_factory=list)
    refused: list[tuple[DoneEntry, str]] = field(default_factory=list)
    written: bool = False


def record_batch(path: Path, entries: list[DoneEntry], *, write: bool,
                 registry: Registry | None = None) -> BatchOutcome:
    """Apply ``entries`` to the plan at ``path``; write it when ``write`` and nothing was
    refused. Raises EditError when the plan itself cannot be edited (lock, read, write)."""
    from kehoach.fs.atomic import AtomicWriteError, write_atomic
    from kehoach.fs.lock import FileLock, LockError
    from kehoach.fs.reader import read_bytes, real_inside

    outcome = BatchOutcome(path)
    try:  # a plan reached through a link in the repository: the real file is changed
        real = real_inside(path)
        with FileLock(real):
            raw = read_bytes(real)
            bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
            for entry in entries:
                raw = _apply(path, raw, bom, entry, outcome, registry)
            if write and outcome.recorded and not outcome.refused:
                write_atomic(real, raw)
                outcome.written = True
    except (LockError, AtomicWriteError) as exc:
        raise EditError(exc.message_vi) from exc
    except OSError as exc:
        from kehoach.fs.oserror import reason_vi

        raise EditError(f"Không đọc được tệp “{path}”: {reason_vi(exc, reading=True)}.") from exc
    return outcome


def _apply(path: Path, raw: bytes, bom: bytes, entry: DoneEntry, outcome: BatchOutcome,
           registry: Registry | None) -> bytes:
    """The plan's bytes after ``entry`` (unchanged when it is skipped or refused)."""
    try:
        ctx = _open(path, entry.task_id, registry, raw=raw)
        change = done_change(entry.agency, entry.date, entry.evidence,
                             _occurrence(ctx, entry.occurrence), entry.note)
        text, expected, message, record = change(ctx)
        warnings = _verify(ctx, text, expected)
    except RecordedAlready as exc:
        existing = exc.existing
        if existing.ngay_hoan_thanh == entry.date and (
                entry.evidence is None or existing.minh_chung == entry.evidence):
            outcome.unchanged.append((entry, "đã ghi nhận từ trước"))
        else:
            outcome.refused.append((entry, _conflict(existing, entry)))
        return raw
    except EditError as exc:
        outcome.refused.append((entry, exc.message_vi))
        return raw
    outcome.recorded.append(
        (entry, EditResult(path, entry.task_id, message, record, warnings)))
    return bom + text.encode("utf-8")


def _occurrence(ctx: Any, key: str | None) -> str | None:
    """The tracker names every occurrence, a single deadline's too; ``done`` wants a kỳ only
    for tasks that have several."""
    from kehoach.deadline.clock import today_vn
    from kehoach.edit.lookup import schedule

    reading, _ = schedule(ctx.ref, ctx.doc.plan, today_vn())
    return key if reading is not None and reading.kind in ("recurring", "dates") else None


def _conflict(existing: Any, entry: DoneEntry) -> str:
    def said(day: dt.date, evidence: str | None) -> str:
        return f"ngày {day:%d/%m/%Y}" + (f", minh chứng “{evidence}”" if evidence else "")

    return (f"mâu thuẫn với ghi nhận đã có ({said(existing.ngay_hoan_thanh, existing.minh_chung)})"
            f": bảng ghi {said(entry.date, entry.evidence)}. Hãy sửa bảng, hoặc bỏ ghi nhận cũ "
            "bằng “kehoach undone” rồi nhập lại.")
