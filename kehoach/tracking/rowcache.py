"""A cache of obligation rows, so that repeated queries skip YAML, validation and scheduling.

Where: ``rows/`` in the repository's cache folder, in the user's cache directory — never in
the repository (``kehoach.fs.cache``; ``KEHOACH_NO_CACHE=1`` turns it off). One entry per plan
file and question, named by a hash of everything the rows depend on: the file's bytes, the
registry's bytes, the bodies and roles asked about, the format and kehoach's version — not the
as-of day. The day enters twice only: it classifies each row (status and days, recomputed
from the row's due and completion days when read: ``reclassify``), and it decides which
completions, extensions and successions are in force. Those change only on the days the plan
and the registry write (``epoch``), so an entry holds the span of days its rows are right for,
and a query on another day of that span — tomorrow, usually — reuses it. A changed file,
registry or version simply misses, and a day outside the span rewrites the entry; nothing
needs to be invalidated by hand. The folder is bounded (``kehoach.fs.cache.bound``: least
recently used entries go first).

Entries are written atomically (temporary file, then rename), so two processes at once can
only race to write the same content. Entries are ``marshal`` data of plain tuples, compressed
(``_inflate``) — never pickle — behind a header naming the format, kehoach's version, the
entry's own key and a checksum of the data: an entry that is corrupt, truncated, renamed,
from another version or otherwise cannot be verified is ignored and rewritten.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import marshal
import os
import struct
import tempfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kehoach import __version__
from kehoach.fs import cache as place
from kehoach.fs.cache import cache_dir
from kehoach.fs.cache import make_dir as make_cache_dir
from kehoach.tracking.obligations import (
    DONE_LATE,
    DONE_ON_TIME,
    NO_DEADLINE,
    OPEN,
    OVERDUE,
    Obligation,
)

if TYPE_CHECKING:  # a hit is decoded without the models (``decode`` imports them)
    from kehoach.plan.model import Completion, Extension, Plan
    from kehoach.plan.registry import Registry
    from kehoach.plan.walk import TaskRef

__all__ = ["Entry", "RowCache", "cache_dir", "decode", "digest", "encode", "entry_key",
           "epoch", "reclassify", "row_data", "status_on"]

FORMAT = 7  # 4: no day in the key, the span of days the rows hold for; 5: SHA-256 keys, CRC;
# 6: rows compressed; 7: large rows only
_SPAN = struct.Struct("<III")  # first day, first day after (0: none), the day classified
_DRAFT = {b"D": True, b"-": False}
_HEADER = f"kehoach-rows:{FORMAT}:{__version__}\n".encode()
ENTRY_LIMIT = 256 * 1024 * 1024
"""Largest entry read back (the rows of a 10 MiB plan are far smaller)."""
_ORD = dt.date.toordinal
_DAY = dt.date.fromordinal


def digest(*parts: bytes) -> str:
    # SHA-256 runs in the processor's own instructions where it has them (twice blake2b's
    # speed here): every plan's bytes are hashed on every query, warm or cold.
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()[:40]


def entry_key(raw: bytes, registry_digest: str) -> str:
    return digest(_HEADER, raw, registry_digest.encode())


@dataclass(frozen=True)
class Entry:
    """A plan's cached rows: whether it is a draft, the days ``[first, end)`` (``end`` None:
    every later day) its rows hold for, the day they were classified, the rows' data."""

    draft: bool
    first: int
    end: int | None
    day: int
    rows: list[tuple[Any, ...]]

    def holds_for(self, day: dt.date) -> bool:
        n = _ORD(day)
        return self.first <= n and (self.end is None or n < self.end)


def registry_days(registry: Registry) -> frozenset[int]:
    """The days on which a body of the registry begins or ends (successions turn there)."""
    days = set()
    for body in registry.bodies.values():
        for day in (body.tu_ngay, body.den_ngay):
            if day is not None:
                days.add(_ORD(day))
    return frozenset(days)


def epoch(plan: Plan, registry: frozenset[int], as_of: dt.date,
          refs: Iterable[TaskRef] | None = None) -> tuple[int, int | None]:
    """The days ``[first, end)`` around ``as_of`` on which the plan's rows are the same but for
    their classification: no completion, extension, succession or end of period falls
    between. A plan without a period has one day only (its recurring window follows the
    day). ``refs``: the plan's ``iter_tasks``, when the caller has walked them already."""
    from kehoach.plan.walk import iter_tasks

    day = _ORD(as_of)
    if plan.giai_doan is None:
        return day, day + 1
    turns = set(registry) | {_ORD(plan.giai_doan.end)}
    for ref in iter_tasks(plan) if refs is None else refs:
        turns.update(_ORD(e.ngay) for e in ref.task.gia_han)
        turns.update(_ORD(c.ngay_hoan_thanh) for c in ref.task.hoan_thanh)
    # A test "d <= day" turns at d, "day <= d" at d + 1: both are borders.
    borders = turns | {d + 1 for d in turns}
    first = max((b for b in borders if b <= day), default=1)
    end = min((b for b in borders if b > day), default=None)
    return first, end


def status_on(due: int | None, done: int | None, day: int) -> str:
    """The status ``reclassify`` gives a row with these due and completion days (ordinals)."""
    if due is None:
        return NO_DEADLINE
    if done is not None and done <= day:
        return DONE_LATE if done > due else DONE_ON_TIME
    return OVERDUE if day > due else OPEN


def reclassify(data: list[tuple[Any, ...]], day: int) -> list[tuple[Any, ...]]:
    """Rows' data classified as of the day ``day`` (an ordinal), as
    ``kehoach.tracking.obligations.classify`` does, from their due and completion days."""
    out = []
    for t in data:
        due, done = t[7], t[14]
        left = None
        if due is None:
            status, late, over = NO_DEADLINE, None, None
        elif done is not None and done <= day:
            late, over = max(done - due, 0), None
            status = DONE_LATE if done > due else DONE_ON_TIME
        else:
            status, late, over = (OVERDUE if day > due else OPEN), None, max(day - due, 0)
            left = due - day if status == OPEN else None
        out.append((*t[:10], status, late, over, left, *t[14:20], day))
    return out


def _d(day: dt.date | None) -> int | None:
    return None if day is None else _ORD(day)


def _u(n: int | None) -> dt.date | None:
    return None if n is None else _DAY(n)


def _enc_completion(c: Completion | None) -> tuple[Any, ...] | None:
    if c is None:
        return None
    ky = ("d", _ORD(c.ky)) if isinstance(c.ky, dt.date) else ("i", c.ky)
    return (c.co_quan, ky, _ORD(c.ngay_hoan_thanh), c.minh_chung, c.ghi_chu)


def _dec_completion(t: tuple[Any, ...] | None, model: type[Completion]) -> Completion | None:
    if t is None:
        return None
    kind, ky = t[1]
    return model.model_construct(co_quan=t[0], ky=_DAY(ky) if kind == "d" else ky,
                                 ngay_hoan_thanh=_DAY(t[2]), minh_chung=t[3], ghi_chu=t[4])


def _enc_extension(e: Extension | None) -> tuple[Any, ...] | None:
    return None if e is None else (e.thoi_han, _ORD(e.ngay), e.van_ban, e.ghi_chu)


def _dec_extension(t: tuple[Any, ...] | None, model: type[Extension]) -> Extension | None:
    if t is None:
        return None
    return model.model_construct(thoi_han=t[0], ngay=_DAY(t[1]), van_ban=t[2], ghi_chu=t[3])


def encode(rows: Sequence[Obligation]) -> bytes:
    """Rows as marshal bytes (the plan's display path is left out: it depends on the cwd)."""
    data = [(r.so_ky_hieu, r.task_id, r.agency, r.agency_name, r.original_agency, r.role,
             r.occurrence, _d(r.due), _d(r.original_due), r.approximate, r.status, r.days_late,
             r.days_overdue, r.days_left, _d(r.completed), _enc_completion(r.completion),
             r.deadline, r.original_deadline, _enc_extension(r.extension), r.text, _d(r.as_of))
            for r in rows]
    return marshal.dumps(data)


def row_data(plan: str, so_ky_hieu: str | None, task_id: str, agency: str, agency_name: str,
             original_agency: str | None, role: str, occurrence: str, due: dt.date | None,
             original_due: dt.date | None, approximate: bool, status: str,
             days_late: int | None, days_overdue: int | None, days_left: int | None,
             completed: dt.date | None, completion: Completion | None, deadline: str | None,
             original_deadline: str | None, extension: Extension | None, text: str,
             as_of: dt.date) -> tuple[Any, ...]:
    """One row as ``encode`` stores it, from ``Obligation``'s fields: what
    ``kehoach.tracking.obligations.obligations`` makes with ``make=row_data``, so that a
    plan's rows reach the cache without an ``Obligation`` each (a tenth of a cold query)."""
    return (so_ky_hieu, task_id, agency, agency_name, original_agency, role, occurrence,
            _d(due), _d(original_due), approximate, status, days_late, days_overdue, days_left,
            _d(completed), _enc_completion(completion), deadline, original_deadline,
            _enc_extension(extension), text, _ORD(as_of))


def decode(data: list[tuple[Any, ...]], plan: str) -> list[Obligation]:
    """Rows back from ``marshal.loads(payload)``, for the plan file shown as ``plan``."""
    from kehoach.plan.model import Completion, Extension

    out = []
    for t in data:
        out.append(Obligation(
            plan, t[0], t[1], t[2], t[3], t[4], t[5], t[6], _u(t[7]), _u(t[8]), t[9], t[10],
            t[11], t[12], t[13], _u(t[14]), _dec_completion(t[15], Completion), t[16], t[17],
            _dec_extension(t[18], Extension), t[19], _DAY(t[20])))
    return out


def _checksum(payload: bytes) -> bytes:
    """Against damage (a truncated or torn entry), not forgery: whoever can write the cache
    folder can write a matching checksum, so a CRC serves and costs a quarter of a hash."""
    return b"%08x" % zlib.crc32(payload)


COMPRESS_FROM = 32 * 1024
"""Rows of this many bytes or more are compressed in their entry (``_inflate``)."""


def _inflate(packed: bytes) -> bytes:
    """The rows' bytes of a large entry. Compressed because the folder is bounded (twice the
    YAML): uncompressed, the all-agency entries of the synthetic corpus (rows of 118 kB a
    plan) did not fit and were evicted and rebuilt on every query; zlib's fastest level makes
    them 7× smaller and reads back at ~400 MB/s. Smaller entries stay raw — the real plans'
    (14 kB a plan, 0.7× their YAML) fit as they are, and inflating them was a tenth of a warm
    query. Never more than ``ENTRY_LIMIT`` bytes (a forged entry cannot make it a bomb)."""
    inflate = zlib.decompressobj()
    data = inflate.decompress(packed, ENTRY_LIMIT)
    if inflate.unconsumed_tail or not inflate.eof:
        raise ValueError("entry too large or truncated")
    return data


class RowCache:
    def __init__(self, folder: Path, kind: str = "rows"):
        """Entries in the subfolder ``kind`` of the cache folder ``folder``."""
        self.folder = folder / kind

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def get(self, key: str) -> Entry | None:
        """The cached entry; None on a miss or an entry that cannot be verified."""
        from kehoach.fs.reader import read_bytes

        path = self._path(key)
        try:
            data = read_bytes(path, limit=ENTRY_LIMIT, confine=False)
            mtime = os.stat(path).st_mtime
        except OSError:
            return None
        head = _HEADER + key.encode() + b"\n"
        if not data.startswith(head):
            return None
        checksum, _, payload = data[len(head):].partition(b"\n")
        if checksum != _checksum(payload):
            return None
        flag, span = payload[:1], payload[1:1 + _SPAN.size]
        codec, packed = payload[1 + _SPAN.size:2 + _SPAN.size], payload[2 + _SPAN.size:]
        try:
            first, end, day = _SPAN.unpack(span)
            rows = marshal.loads(_inflate(packed) if codec == b"z" else packed)
        except (EOFError, ValueError, TypeError, struct.error, zlib.error):
            return None
        if not isinstance(rows, list) or flag not in _DRAFT or codec not in b"zr":
            return None
        place.touch(path, mtime)
        return Entry(_DRAFT[flag], first, end or None, day, rows)

    def put(self, key: str, rows_bytes: bytes, draft: bool = False,
            span: tuple[int, int | None] = (1, None), day: dt.date = dt.date.min) -> None:
        """Store an entry atomically: rows classified as of ``day``, right on the days
        ``span``; a cache that cannot be written is silently skipped."""
        packed = (b"z" + zlib.compress(rows_bytes, 1) if len(rows_bytes) >= COMPRESS_FROM
                  else b"r" + rows_bytes)
        payload = b"".join((b"D" if draft else b"-", _SPAN.pack(span[0], span[1] or 0, _ORD(day)),
                            packed))
        path = self._path(key)
        try:
            make_cache_dir(self.folder.parent)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(b"".join((_HEADER, key.encode(), b"\n", _checksum(payload), b"\n",
                                  payload)))
            os.replace(tmp, path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            return
        place.mark_written(self.folder.parent)
