"""Which bodies the plans of a question write, to tell apart bodies that share a name.

Only asked when a name matches several bodies, and only about those (and the groups and
predecessors that stand for them): each plan's text is searched for their ids. What a file
was found to hold is remembered per file by (size, modification time, inode) in
``<cache>/body-mentions.json``, as the task-id index does, so asking again reads no unchanged
file. A stale or corrupt record is simply rebuilt.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path

from kehoach.fs.repo import make_cache_dir
from kehoach.plan.names import Mention

_FORMAT = 1
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


class PlanFiles:
    """The plan files of a question, as a ``kehoach.plan.names.Scope``."""

    def __init__(self, files: Sequence[tuple[Path, str]], cache_folder: Path | None):
        self.files = list(files)
        self.record = cache_folder / "body-mentions.json" if cache_folder else None
        self.entries: dict[str, list[object]] = {}  # path -> [stamp, {id: 0/1}, provinces]
        self.changed = False
        if self.record is not None:
            with contextlib.suppress(OSError, ValueError, TypeError, AttributeError):
                data = json.loads(self.record.read_text(encoding="utf-8"))
                if data.get("format") == _FORMAT and isinstance(data.get("files"), dict):
                    self.entries = data["files"]

    def _entry(self, path: Path, ids: Collection[str], provinces: bool) -> list[object]:
        key, stamp = os.path.abspath(path), _stamp(path)
        entry = self.entries.get(key)
        if not (isinstance(entry, list) and len(entry) == 3 and entry[0] == stamp
                and isinstance(entry[1], dict)):
            entry = self.entries[key] = [stamp, {}, None]
        known: dict[str, int] = entry[1]  # type: ignore[assignment]
        todo = [i for i in ids if i not in known]
        if todo or (provinces and entry[2] is None):
            try:
                data = path.read_bytes()
            except OSError:
                data = b""
            known.update((i, int(written(data, i.encode()))) for i in todo)
            if provinces and entry[2] is None:
                entry[2] = issuer_provinces(data)
            self.changed = True
        return entry

    def mentions(self, witnesses: Mapping[str, Collection[str]]) -> dict[str, Mention]:
        wanted = {w for ws in witnesses.values() for w in ws} | set(witnesses)
        ranks: dict[str, int] = {}
        plans: dict[str, list[str]] = {}
        for path, display in self.files:
            known: dict[str, int] = self._entry(path, wanted, False)[1]  # type: ignore[assignment]
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
            out.update(self._entry(path, (), True)[2])  # type: ignore[arg-type]
        self.save()
        return out

    def save(self) -> None:
        if self.record is None or not self.changed:
            return
        self.changed = False
        with contextlib.suppress(OSError):
            make_cache_dir(self.record.parent)
            fd, tmp = tempfile.mkstemp(dir=self.record.parent, prefix=".tmp-")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump({"format": _FORMAT, "files": self.entries}, f)
            os.replace(tmp, self.record)
