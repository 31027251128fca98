"""Which task ids each plan of a repository may define, for checking one plan quickly.

Checking one plan must see every other plan's task ids (they are unique in the repository).
A cheap text scan over the other files flags the few that may define one of the ids being
checked; only those are loaded. The scan's results are remembered per file, with the file's
stamp, in the tables ``files`` and ``ids`` of the repository's database
(``kehoach.check.checkdb``, in the user's cache directory, never in the repository), as git's
index does, so a repeated check reads no unchanged file; the ids are indexed, so a check asks
the database only for the files that hold its own ids.

A stamp is what tells that a file may have changed without reading it: its size, modification
time and inode, and on POSIX its inode change time (``st_ctime_ns``), which ``cp -p``, ``tar``
and ``touch -d`` cannot restore — they set the modification time back, but changing it changes
the ctime. Where the ctime is not that (on Windows it is the creation time), the stamp holds a
digest of the content instead. A file whose ctime is less than ``RACY_NS`` before it was
stamped is stamped as unknown (it is scanned again next time): a change within the same tick
of the file system's clock could otherwise keep the same stamp (git's "racy clean" case).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kehoach.check import checkdb

if TYPE_CHECKING:
    import sqlite3

# Block or flow style, key quoted or not: a superset is fine, a miss is not. The pattern
# starts with its literal, so the regex engine can skip ahead to each "id" (a pattern starting
# with ``(?:^|[{,])`` was tried at every character: 5x slower on a large repository); what may
# stand before it on its line — dashes, spaces, an opening quote, after a ``{`` or ``,`` — is
# checked only there. The value sits in a lookahead so that matches never hide one another.
_ID_KEY = re.compile(r"""id(?=["']?[ \t]*:[ \t]*["']?([^\s"'#,}\]]+))""")
_BEFORE_KEY = re.compile(r"""[ \t-]*["']?""")

RACY_NS = 2_000_000_000
"""A file changed this recently (ns) is not trusted by its stamp: coarse file-system clocks
(one or two seconds on some network and FAT file systems) could give a later change the same
times."""

CTIME_MEANS_CHANGE = os.name != "nt"
"""Whether ``st_ctime`` is the inode change time (POSIX) rather than the creation time."""

_UNKNOWN = "?"


def scan_ids(path: Path) -> list[str]:
    """Every value written after an ``id:`` key (a superset of the file's task ids)."""
    return sorted(ids_in(_text(path)))


def _text(path: Path) -> str:
    from kehoach.fs.reader import read_text

    try:
        return read_text(path, errors="replace")
    except (OSError, ValueError):  # the plan's own check says why it cannot be read
        return ""


def ids_in(text: str) -> set[str]:
    found = set()
    for m in _ID_KEY.finditer(text):
        at = m.start()
        line = text.rfind("\n", 0, at) + 1
        after_sep = max(text.rfind("{", line, at), text.rfind(",", line, at)) + 1
        if _BEFORE_KEY.fullmatch(text, max(line, after_sep), at):
            found.add(m.group(1))
    return found


def stamp(path: Path, ctime_means_change: bool | None = None) -> str | None:
    """What must stay the same for the remembered scan of ``path`` to hold (None: unreadable)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    if ctime_means_change is None:
        ctime_means_change = CTIME_MEANS_CHANGE
    if ctime_means_change:
        if time.time_ns() - max(st.st_ctime_ns, st.st_mtime_ns) < RACY_NS:
            return _UNKNOWN
        return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}:{st.st_ctime_ns}"
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}:{_content_digest(path)}"


def _content_digest(path: Path) -> str:
    from kehoach.fs.reader import read_bytes

    try:
        return hashlib.blake2b(read_bytes(path), digest_size=16).hexdigest()
    except (OSError, ValueError):
        return _UNKNOWN


class IdIndex:
    """The remembered scans of one repository (nothing is remembered without a cache folder)."""

    def __init__(self, folder: Path | None):
        self.db: sqlite3.Connection | None = checkdb.connect(folder)
        self._known: dict[str, tuple[int, str]] | None = None
        self._scanned: dict[str, tuple[str | None, list[str]]] = {}

    def _rows(self) -> dict[str, tuple[int, str]]:
        """Path → (row id, stamp) of every remembered file (read once)."""
        if self._known is None:
            self._known = {}
            if self.db is not None:
                import sqlite3

                try:
                    self._known = {path: (fid, st) for fid, path, st in
                                   self.db.execute("SELECT fid, path, stamp FROM files")}
                except sqlite3.Error:
                    self.db = None
        return self._known

    def _trusted(self, key: str, path: Path) -> int | None:
        """The row id of ``path`` when its remembered scan still holds, else scan it now."""
        now = stamp(path)
        known = self._rows().get(key)
        if known is not None and now is not None and now != _UNKNOWN and known[1] == now:
            return known[0]
        self._scanned[key] = (now, scan_ids(path))
        return None

    def ids(self, path: Path, key: str | None = None) -> list[str]:
        """The ids ``path`` may define; ``key`` is its absolute path when the caller has it."""
        key = key or os.path.abspath(path)
        fid = self._trusted(key, path)
        if fid is None:
            return self._scanned[key][1]
        return sorted(str(i) for (i,) in self._query("SELECT id FROM ids WHERE fid = ?", (fid,)))

    def holders(self, wanted: Iterable[str], files: Sequence[tuple[Path, str]]) -> list[int]:
        """The positions in ``files`` (path, key) of those that may define one of ``wanted``."""
        wanted = set(wanted)
        found: set[int] = set()
        by_fid: dict[int, int] = {}
        for n, (path, key) in enumerate(files):
            fid = self._trusted(key, path)
            if fid is not None:
                by_fid[fid] = n
            elif not wanted.isdisjoint(self._scanned[key][1]):
                found.add(n)
        for chunk in _chunks(sorted(wanted), 500):  # SQLite's limit on parameters is 999+
            marks = ",".join("?" * len(chunk))
            for (holder,) in self._query(f"SELECT DISTINCT fid FROM ids WHERE id IN ({marks})",
                                         chunk):
                if holder in by_fid:
                    found.add(by_fid[holder])
        return sorted(found)

    def _query(self, sql: str, args: Sequence[object]) -> list[tuple[object, ...]]:
        import sqlite3

        if self.db is None:
            return []
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.Error:
            self.db = None
            return []

    def save(self) -> None:
        """Remember what was scanned (a file without a stamp is not remembered)."""
        if self.db is None or not self._scanned:
            return
        import sqlite3

        try:
            _store(self.db, self._scanned)
        except sqlite3.Error:  # busy past the timeout, or a full disk: next time, then
            return
        self._scanned = {}
        checkdb.written(self.db)


def _store(db: sqlite3.Connection, scanned: dict[str, tuple[str | None, list[str]]]) -> None:
    db.execute("BEGIN IMMEDIATE")
    try:
        for key, (st, ids) in scanned.items():
            old = db.execute("SELECT fid FROM files WHERE path = ?", (key,)).fetchone()
            if old is not None:
                db.execute("DELETE FROM ids WHERE fid = ?", old)
                db.execute("DELETE FROM files WHERE fid = ?", old)
            if st is None:
                continue
            fid = db.execute("INSERT INTO files (path, stamp) VALUES (?, ?)", (key, st)).lastrowid
            db.executemany("INSERT INTO ids VALUES (?, ?)", ((i, fid) for i in ids))
        db.execute("COMMIT")
    except BaseException:
        import sqlite3

        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")
        raise


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]
