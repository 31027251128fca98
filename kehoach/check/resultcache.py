"""What checking one file found, remembered so that ``check`` re-checks only what changed.

A file's *facts* are what its check found on its own: its diagnostics (without the display
path, which depends on the folder ``check`` runs in), where it defines task ids, and the lines
of its suppression comments. They are stored in the ``results`` table of the repository's
database (``kehoach.check.checkdb``) under the file's absolute path, with a digest of
everything they depend on:

- the bytes checked (hashed by whoever read them: a file changed while it was being checked is
  stored under the bytes that were checked, so the next run sees the change);
- the *context* (``context``): the registry's files and bytes, the repository's default
  province (``kehoach.toml``), today's date (two rules count as of today), the format of the
  facts and kehoach's version.

A row whose digest differs is simply checked again and replaced. What is decided across
files — unique task ids — and what the configuration and the suppression comments remove is
worked out again on every run from the facts (``kehoach.check.checker``), so a change to one
plan, to ``kehoach.toml`` or to a comment is seen exactly. Payloads are ``marshal`` data of
plain tuples (never pickle) with a checksum; a row that cannot be verified is a miss.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kehoach import __version__
from kehoach.check import checkdb

if TYPE_CHECKING:
    import datetime as dt
    import sqlite3

FORMAT = 1
"""The layout of a payload; part of every digest."""

Site = tuple[str, tuple[Any, ...]]
"""A task id and the data path of its ``id`` value."""


@dataclass
class Facts:
    """What checking one file found on its own."""

    diagnostics: list[tuple[int, int, str, str]]  # line, column, code, message
    listed: int  # how many problems the file listed, and the severities it stopped listing
    unlisted: list[str]
    sites: list[Site]
    marks: list[tuple[int, str]] | None  # suppression comments; None: the text was not read


def file_digest(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=20).digest()


def context(registry: Iterable[tuple[str, bytes]], province: str | None,
            today: dt.date) -> bytes:
    """The digest of what every file's facts depend on besides its own bytes."""
    h = hashlib.blake2b(digest_size=20)
    for part in (f"kehoach-check:{FORMAT}:{__version__}".encode(), (province or "").encode(),
                 today.isoformat().encode()):
        h.update(len(part).to_bytes(8, "little") + part)
    for key, raw in registry:
        name = key.encode("utf-8", "surrogateescape")
        h.update(len(name).to_bytes(8, "little") + name + len(raw).to_bytes(8, "little") + raw)
    return h.digest()


def encode(facts: Facts) -> bytes:
    return marshal.dumps((facts.diagnostics, facts.listed, facts.unlisted, facts.sites,
                          facts.marks))


def decode(payload: bytes) -> Facts | None:
    """Facts back from ``encode``, or None when the payload is not what ``encode`` writes."""
    try:
        data = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    if not (isinstance(data, tuple) and len(data) == 5 and isinstance(data[0], list)
            and type(data[1]) is int and isinstance(data[2], list)
            and isinstance(data[3], list) and (data[4] is None or isinstance(data[4], list))):
        return None
    diagnostics, listed, unlisted, sites, marks = data
    if not all(_is_diagnostic(d) for d in diagnostics) or not all(
            isinstance(s, tuple) and len(s) == 2 and isinstance(s[0], str)
            and isinstance(s[1], tuple) for s in sites):
        return None
    if marks is not None and not all(isinstance(m, tuple) and len(m) == 2 and type(m[0]) is int
                                     and isinstance(m[1], str) for m in marks):
        return None
    return Facts(diagnostics, listed, unlisted, sites, marks)


def _is_diagnostic(d: object) -> bool:
    return (isinstance(d, tuple) and len(d) == 4 and type(d[0]) is int and type(d[1]) is int
            and isinstance(d[2], str) and isinstance(d[3], str))


def _checksum(payload: bytes) -> bytes:
    return hashlib.blake2b(payload, digest_size=16).digest()


class ResultCache:
    """The facts of a repository's files under one context."""

    def __init__(self, folder: Path | None, ctx: bytes):
        self.db: sqlite3.Connection | None = checkdb.connect(folder)
        self.context = ctx
        self._new: dict[str, tuple[bytes, bytes]] = {}

    def known(self, key: str) -> bool:
        """Whether facts are remembered for this path at all (under any digest)."""
        return self._row(key) is not None

    def _row(self, key: str) -> tuple[bytes, bytes, bytes] | None:
        import sqlite3

        if self.db is None:
            return None
        try:
            return self.db.execute("SELECT digest, payload, checksum FROM results WHERE path = ?",
                                   (key,)).fetchone()
        except sqlite3.Error:
            self.db = None
            return None

    def get(self, key: str, digest: bytes) -> Facts | None:
        """The facts of the file at ``key`` whose bytes have ``digest`` (file_digest)."""
        row = self._row(key)
        if row is None or row[0] != self._full(digest) or _checksum(row[1]) != row[2]:
            return None
        return decode(row[1])

    def put(self, key: str, digest: bytes, facts: Facts) -> None:
        self._new[key] = (self._full(digest), encode(facts))

    def _full(self, digest: bytes) -> bytes:
        return hashlib.blake2b(self.context + digest, digest_size=20).digest()

    def save(self, keep: set[str] | None = None) -> None:
        """Store the new facts; with ``keep``, forget every other path (files that are gone)."""
        import sqlite3

        if self.db is None or (not self._new and keep is None):
            return
        with contextlib.suppress(sqlite3.Error):  # busy past the timeout, a full disk: next time
            _store(self.db, self._new, keep)
            if self._new:
                checkdb.written(self.db)
        self._new = {}


def _store(db: sqlite3.Connection, new: dict[str, tuple[bytes, bytes]],
           keep: set[str] | None) -> None:
    import sqlite3

    db.execute("BEGIN IMMEDIATE")
    try:
        db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)",
                       ((k, d, p, _checksum(p)) for k, (d, p) in new.items()))
        if keep is not None:
            _forget_others(db, keep)
        db.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")
        raise


def _forget_others(db: sqlite3.Connection, keep: set[str]) -> None:
    """Delete every row of a file not in ``keep`` (the repository's files): the database holds
    at most one row per file of the repository and table."""
    for table in ("results", "canonical"):
        gone = [(p,) for (p,) in db.execute(f"SELECT path FROM {table}") if p not in keep]
        db.executemany(f"DELETE FROM {table} WHERE path = ?", gone)
    fids = [(fid,) for fid, p in db.execute("SELECT fid, path FROM files") if p not in keep]
    db.executemany("DELETE FROM ids WHERE fid = ?", fids)
    db.executemany("DELETE FROM files WHERE fid = ?", fids)
