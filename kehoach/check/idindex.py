"""Which task ids each plan of a repository may define, for checking one plan quickly.

Checking one plan must see every other plan's task ids (they are unique in the repository).
A cheap text scan over the other files flags the few that may define one of the ids being
checked; only those are loaded. The scan's results are remembered per file by
(size, modification time, inode) in ``<cache>/task-ids.json``, as git's index does, so a
repeated check reads no unchanged file. A stale or corrupt index is simply rebuilt.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from pathlib import Path

from kehoach.fs.repo import make_cache_dir

# Block or flow style, key quoted or not: a superset is fine, a miss is not. The pattern
# starts with its literal, so the regex engine can skip ahead to each "id" (a pattern starting
# with ``(?:^|[{,])`` was tried at every character: 5x slower on a large repository); what may
# stand before it on its line — dashes, spaces, an opening quote, after a ``{`` or ``,`` — is
# checked only there. The value sits in a lookahead so that matches never hide one another.
_ID_KEY = re.compile(r"""id(?=["']?[ \t]*:[ \t]*["']?([^\s"'#,}\]]+))""")
_BEFORE_KEY = re.compile(r"""[ \t-]*["']?""")
_FORMAT = 2


def scan_ids(path: Path) -> list[str]:
    """Every value written after an ``id:`` key (a superset of the file's task ids)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
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


class IdIndex:
    def __init__(self, folder: Path | None):
        self.file = folder / "task-ids.json" if folder else None
        self.entries: dict[str, list[object]] = {}
        self.changed = False
        if self.file is not None:
            with contextlib.suppress(OSError, ValueError, TypeError):
                data = json.loads(self.file.read_text(encoding="utf-8"))
                if data.get("format") == _FORMAT and isinstance(data.get("files"), dict):
                    self.entries = data["files"]

    def ids(self, path: Path, key: str | None = None) -> list[str]:
        """The ids ``path`` may define; ``key`` is its absolute path when the caller has it."""
        key, stamp = key or os.path.abspath(path), _stamp(path)
        entry = self.entries.get(key)
        if stamp is not None and isinstance(entry, list) and entry[:1] == [stamp]:
            return entry[1]  # type: ignore[return-value]
        found = scan_ids(path)
        self.entries[key] = [stamp, found]
        self.changed = True
        return found

    def save(self) -> None:
        if self.file is None or not self.changed:
            return
        with contextlib.suppress(OSError):
            make_cache_dir(self.file.parent)
            fd, tmp = tempfile.mkstemp(dir=self.file.parent, prefix=".tmp-")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump({"format": _FORMAT, "files": self.entries}, f)
            os.replace(tmp, self.file)
