"""Which bodies the plans of a question write, to tell apart bodies that share a name.

Only asked when a name matches several bodies, and only about those (and the groups and
predecessors that stand for them): each plan's text is searched for their ids. What a file
was found to hold is remembered per file by (size, modification time, inode) in
``body-mentions.json`` in the repository's cache folder (never in the repository:
``kehoach.fs.cache``), as the task-id index does, so asking again reads no unchanged file.
The record names its format, kehoach's version and a checksum of its content; one that cannot
be verified, or an entry of the wrong shape, is simply rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import cast

from kehoach import __version__
from kehoach.fs import cache as place
from kehoach.plan.names import Mention

_FORMAT = 1
_HEADER = f"kehoach-mentions:{_FORMAT}:{__version__}\n".encode()
_ID_CHARS = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789._-")
_ISSUERS = re.compile(rb"^co_quan_ban_hanh[ \t]*:(.*?)(?=^[^\s#-]|\Z)", re.M | re.S)
_DOTTED_ID = re.compile(rb"[a-z0-9][a-z0-9_-]*\.[a-z0-9][a-z0-9._-]*")


def written(data: bytes, ident: bytes) -> bool:
    """``ident`` stands in ``data`` as a whole id (not as the start of a longer one)."""
    at = data.find(ident)
    while at >= 0:
        if (at == 0 or data[at - 1] not in _ID_CHARS) and _ends(data, at + len(ident)):
            return True
        at = data.find(ident, at + 1)
    return False


def _ends(data: bytes, end: int) -> bool:
    if end >= len(data):
        return True
    if data[end] == ord("."):  # a full stop after an id in a comment
        return end + 1 >= len(data) or data[end + 1] not in _ID_CHARS
    return data[end] not in _ID_CHARS


def issuer_provinces(data: bytes) -> list[str]:
    """The locality prefixes of the ids under the plan's ``co_quan_ban_hanh``."""
    m = _ISSUERS.search(data)
    if m is None:
        return []
    found = {t.split(b".", 1)[0].decode() for t in _DOTTED_ID.findall(m.group(1))}
    return sorted(found)


def _stamp(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def _valid(entry: object) -> bool:
    """[stamp, {id: 0 or 1}, issuers' provinces or None]"""
    return (isinstance(entry, list) and len(entry) == 3
            and (entry[0] is None or (isinstance(entry[0], list) and len(entry[0]) == 3
                 and all(type(n) is int for n in entry[0])))
            and isinstance(entry[1], dict)
            and all(isinstance(k, str) and v in (0, 1) for k, v in entry[1].items())
            and (entry[2] is None or (isinstance(entry[2], list)
                 and all(isinstance(p, str) for p in entry[2]))))


def _checksum(payload: bytes) -> bytes:
    return hashlib.blake2b(payload, digest_size=20).hexdigest().encode()


def _read_plan(path: Path) -> bytes:
    from kehoach.fs.reader import read_bytes

    try:
        return read_bytes(path)
    except (OSError, ValueError):  # the plan's own loading says why it cannot be read
        return b""


class PlanFiles:
    """The plan files of a question, as a ``kehoach.plan.names.Scope``."""

    def __init__(self, files: Sequence[tuple[Path, str]], cache_folder: Path | None):
        self.files = list(files)
        self.record = cache_folder / "body-mentions.json" if cache_folder else None
        # path -> [stamp, {id: 0/1}, provinces of its issuers (None: not looked at)]
        self.entries: dict[str, list[object]] = _load(self.record) if self.record else {}
        self.changed = False

    def _entry(self, path: Path, ids: Collection[str],
               provinces: bool) -> tuple[dict[str, int], list[str] | None]:
        """What ``path`` holds of ``ids`` (0 or 1 each), and its issuers' provinces when asked
        (None otherwise): remembered, else read now."""
        key, stamp = os.path.abspath(path), _stamp(path)
        old = self.entries.get(key)
        fresh = stamp is not None and _valid(old) and cast("list[object]", old)[0] == stamp
        entry: list[object] = cast("list[object]", old) if fresh else [stamp, {}, None]
        self.entries[key] = entry
        known = cast("dict[str, int]", entry[1])
        todo = [i for i in ids if i not in known]
        if todo or (provinces and entry[2] is None):
            data = _read_plan(path)
            known.update((i, int(written(data, i.encode()))) for i in todo)
            if provinces and entry[2] is None:
                entry[2] = issuer_provinces(data)
            self.changed = True
        return known, cast("list[str] | None", entry[2])

    def mentions(self, witnesses: Mapping[str, Collection[str]]) -> dict[str, Mention]:
        wanted = {w for ws in witnesses.values() for w in ws} | set(witnesses)
        ranks: dict[str, int] = {}
        plans: dict[str, list[str]] = {}
        for path, display in self.files:
            known = self._entry(path, wanted, False)[0]
            for body_id, others in witnesses.items():
                if known.get(body_id):
                    ranks[body_id] = 0
                elif any(known.get(w) for w in others):
                    ranks.setdefault(body_id, 1)
                else:
                    continue
                plans.setdefault(body_id, []).append(display)
        self.save()
        return {b: Mention(ranks[b], tuple(plans[b])) for b in ranks}

    def provinces(self) -> set[str]:
        out: set[str] = set()
        for path, _ in self.files:
            out.update(self._entry(path, (), True)[1] or ())
        self.save()
        return out

    def save(self) -> None:
        if self.record is None or not self.changed:
            return
        self.changed = False
        payload = json.dumps({"files": self.entries}, ensure_ascii=False).encode("utf-8")
        with contextlib.suppress(OSError):
            place.make_dir(self.record.parent)
            fd, tmp = tempfile.mkstemp(dir=self.record.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(_HEADER + _checksum(payload) + b"\n" + payload)
                os.replace(tmp, self.record)
            except OSError:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
            place.mark_written(self.record.parent)


def _load(file: Path) -> dict[str, list[object]]:
    """The remembered scans, or nothing when the record cannot be verified."""
    from kehoach.fs.reader import read_bytes

    try:
        data = read_bytes(file, limit=place.MAX_BYTES, confine=False)
    except OSError:
        return {}
    if not data.startswith(_HEADER):
        return {}
    checksum, _, payload = data[len(_HEADER):].partition(b"\n")
    if checksum != _checksum(payload):
        return {}
    try:
        files = json.loads(payload).get("files")
    except (ValueError, AttributeError):
        return {}
    return files if isinstance(files, dict) else {}
