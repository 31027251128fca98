"""Which task ids each plan of a repository may define, for checking one plan quickly.

Checking one plan must see every other plan's task ids (they are unique in the repository).
A cheap text scan over the other files flags the few that may define one of the ids being
checked; only those are loaded. The scan's results are remembered per file by
(size, modification time, inode) in ``task-ids.json`` in the repository's cache folder (in the
user's cache directory, never in the repository: ``kehoach.fs.cache``), as git's index does, so
a repeated check reads no unchanged file. The index names its format, kehoach's version and a
checksum of its content; one that cannot be verified, or an entry of the wrong shape, is
simply rebuilt.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from pathlib import Path

from kehoach import __version__
from kehoach.fs import cache as place
from kehoach.fs.cache import make_dir as make_cache_dir

# Block or flow style, key quoted or not: a superset is fine, a miss is not. The pattern
# starts with its literal, so the regex engine can skip ahead to each "id" (a pattern starting
# with ``(?:^|[{,])`` was tried at every character: 5x slower on a large repository); what may
# stand before it on its line — dashes, spaces, an opening quote, after a ``{`` or ``,`` — is
# checked only there. The value sits in a lookahead so that matches never hide one another.
_ID_KEY = re.compile(r"""id(?=["']?[ \t]*:[ \t]*["']?([^\s"'#,}\]]+))""")
_BEFORE_KEY = re.compile(r"""[ \t-]*["']?""")
_FORMAT = 3
_HEADER = f"kehoach-ids:{_FORMAT}:{__version__}\n".encode()


def scan_ids(path: Path) -> list[str]:
    """Every value written after an ``id:`` key (a superset of the file's task ids)."""
    from kehoach.fs.reader import read_text

    try:
        text = read_text(path, errors="replace")
    except (OSError, ValueError):  # the plan's own check says why it cannot be read
        return []
    return sorted(ids_in(text))


def ids_in(text: str) -> set[str]:
    found = set()
    for m in _ID_KEY.finditer(text):
        at = m.start()
        line = text.rfind("\n", 0, at) + 1
        after_sep = max(text.rfind("{", line, at), text.rfind(",", line, at)) + 1
        if _BEFORE_KEY.fullmatch(text, max(line, after_sep), at):
            found.add(m.group(1))
    return found


def _stamp(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def _checksum(payload: bytes) -> bytes:
    return hashlib.blake2b(payload, digest_size=20).hexdigest().encode()


def _valid(entry: object) -> bool:
    return (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], list)
            and len(entry[0]) == 3 and all(type(n) is int for n in entry[0])
            and isinstance(entry[1], list) and all(isinstance(i, str) for i in entry[1]))


class IdIndex:
    def __init__(self, folder: Path | None):
        self.file = folder / "task-ids.json" if folder else None
        self.entries: dict[str, list[object]] = {}
        self.changed = False
        if self.file is not None:
            self.entries = _load(self.file)

    def ids(self, path: Path, key: str | None = None) -> list[str]:
        """The ids ``path`` may define; ``key`` is its absolute path when the caller has it."""
        key, stamp = key or os.path.abspath(path), _stamp(path)
        entry = self.entries.get(key)
        if stamp is not None and _valid(entry) and entry[0] == stamp:  # type: ignore[index]
            return entry[1]  # type: ignore[index, return-value]
        found = scan_ids(path)
        self.entries[key] = [stamp, found]
        self.changed = True
        return found

    def save(self) -> None:
        if self.file is None or not self.changed:
            return
        payload = json.dumps({"files": self.entries}, ensure_ascii=False).encode("utf-8")
        with contextlib.suppress(OSError):
            make_cache_dir(self.file.parent)
            fd, tmp = tempfile.mkstemp(dir=self.file.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(_HEADER + _checksum(payload) + b"\n" + payload)
                os.replace(tmp, self.file)
            except OSError:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
            place.mark_written(self.file.parent)


def _load(file: Path) -> dict[str, list[object]]:
    """The remembered scans, or nothing when the index cannot be verified."""
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
