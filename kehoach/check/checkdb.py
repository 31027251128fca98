"""What ``check`` and ``fmt`` remember about a repository: one SQLite database,
``check.sqlite``, in the repository's cache folder (``kehoach.fs.cache``: the user's cache
directory, never the repository; ``KEHOACH_NO_CACHE=1`` turns it off).

It holds three tables, each keyed by a file's absolute path, so that it never holds more rows
than the repository has files (a full ``check`` deletes the rows of files that are gone):

- ``files`` and ``ids``: the task-id index (``kehoach.check.idindex``), a file's stamp and the
  ids a text scan found in it, and the inverse, so that checking one plan asks for its own ids
  only — reading the index costs what the plan needs, not what the repository holds;
- ``results``: what checking a file found (``kehoach.check.resultcache``), under the digest of
  the bytes checked and of everything else the result depends on;
- ``canonical``: the digest of a file's bytes when ``fmt`` last found it canonical (or not).

SQLite (in Python's standard library) reads one row by its key without reading the rest, takes
its own locks (two kehoach processes at once wait for each other, at most ``TIMEOUT`` seconds,
then work without the cache) and writes a transaction completely or not at all. The database
names its layout and kehoach's version (``PRAGMA user_version`` and the ``meta`` table): a
database of another layout or version is emptied, one that cannot be read is deleted and made
again. Each ``results`` row also carries a checksum of its payload.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from kehoach import __version__
from kehoach.fs import cache as place

if TYPE_CHECKING:
    import sqlite3

NAME = "check.sqlite"
LAYOUT = 1
TIMEOUT = 10.0
_TABLES = (
    "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE files (fid INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, stamp TEXT NOT NULL)",
    "CREATE TABLE ids (id TEXT NOT NULL, fid INTEGER NOT NULL)",
    "CREATE INDEX ids_by_id ON ids (id)",
    "CREATE INDEX ids_by_fid ON ids (fid)",
    "CREATE TABLE results (path TEXT PRIMARY KEY, digest BLOB NOT NULL, payload BLOB NOT NULL,"
    " checksum BLOB NOT NULL)",
    "CREATE TABLE canonical (path TEXT PRIMARY KEY, digest BLOB NOT NULL,"
    " verdict INTEGER NOT NULL)",
)
_DROP = ("DROP TABLE IF EXISTS meta", "DROP TABLE IF EXISTS files", "DROP TABLE IF EXISTS ids",
         "DROP TABLE IF EXISTS results", "DROP TABLE IF EXISTS canonical")


def connect(folder: Path | None) -> sqlite3.Connection | None:
    """The repository's database in ``folder`` (its cache folder), ready to use; None when
    caching is off or the database cannot be used (kehoach then works without it)."""
    if folder is None:
        return None
    try:
        import sqlite3
    except ImportError:  # a Python built without SQLite: no cache
        return None
    for attempt in range(2):
        try:
            place.make_dir(folder)
            return _opened(sqlite3.connect(folder / NAME, timeout=TIMEOUT,
                                           isolation_level=None))
        except sqlite3.DatabaseError:  # not a database (damaged): start again
            if attempt == 0:
                with contextlib.suppress(OSError):
                    os.unlink(folder / NAME)
        except (sqlite3.Error, OSError):
            return None
    return None


def _opened(db: sqlite3.Connection) -> sqlite3.Connection:
    try:
        layout = db.execute("PRAGMA user_version").fetchone()[0]
        if layout == LAYOUT and _version(db) == __version__:
            return db
        db.execute("BEGIN IMMEDIATE")
        for statement in (*_DROP, *_TABLES):
            db.execute(statement)
        db.execute("INSERT INTO meta VALUES ('version', ?)", (__version__,))
        db.execute(f"PRAGMA user_version = {LAYOUT}")
        db.execute("COMMIT")
        return db
    except BaseException:
        db.close()
        raise


def _version(db: sqlite3.Connection) -> str | None:
    import sqlite3

    try:
        row = db.execute("SELECT value FROM meta WHERE name = 'version'").fetchone()
    except sqlite3.OperationalError:  # no meta table
        return None
    return row[0] if row else None


def written(db: sqlite3.Connection) -> None:
    """Mark the cache folder as written to (its next eviction pass then runs)."""
    with contextlib.suppress(Exception):
        folder = Path(db.execute("PRAGMA database_list").fetchone()[2]).parent
        place.mark_written(folder)
