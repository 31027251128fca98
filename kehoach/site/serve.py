"""``kehoach site --serve``: preview the site on 127.0.0.1 with the standard library's HTTP
server, rebuilding it when a plan, the registry or a template changes.

Changes are noticed by polling sizes and modification times once a second: portable (Windows
too) and cheap beside a rebuild. The site is replaced whole by each build (see ``publish``),
so a page is served from the old site or the new one, never from half of each.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

HOST = "127.0.0.1"
Fingerprint = frozenset[tuple[str, int, int]]


class _Quiet(SimpleHTTPRequestHandler):
    """Serves the site's folder; no log line per request on the official's terminal."""

    # The base's instance attribute, set per class: the site is UTF-8 whatever the platform.
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map,  # noqa: RUF012
                      ".js": "text/javascript; charset=utf-8",
                      ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8"}

    def log_message(self, format: str, *args: Any) -> None:
        return


def fingerprint(folders: Iterable[Path], skip: Path | None = None) -> Fingerprint:
    """What the site is built from, as (file, size, mtime) — a change in any means rebuild.
    Hidden files and the site itself (``skip``) do not count: a build must not cause one."""
    out = set()
    for folder in folders:
        if not folder.exists():
            continue
        for path in [folder] if folder.is_file() else folder.rglob("*"):
            if path.name.startswith(".") or (skip is not None and path.is_relative_to(skip)):
                continue
            try:
                if path.is_file():
                    info = path.stat()
                    out.add((str(path), info.st_size, info.st_mtime_ns))
            except OSError:
                continue
    return frozenset(out)


class Preview:
    """The preview server and its watcher; ``start`` returns at once, ``stop`` ends both."""

    def __init__(self, folder: Path, rebuild: Callable[[], object], watched: list[Path],
                 port: int = 8000, interval: float = 1.0):
        self.folder, self.rebuild, self.watched = folder, rebuild, watched
        self.interval = interval
        handler = partial(_Quiet, directory=str(folder))
        self.server = ThreadingHTTPServer((HOST, port), handler)
        self.server.daemon_threads = True
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self.builds = 0

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server.server_address[1]}/"

    def start(self) -> None:
        seen = fingerprint(self.watched, self.folder)
        for target in (self.server.serve_forever, partial(self._watch, seen)):
            thread = threading.Thread(target=target, daemon=True)
            thread.start()
            self._threads.append(thread)

    def _watch(self, seen: Fingerprint) -> None:
        while not self._stop.wait(self.interval):
            now = fingerprint(self.watched, self.folder)
            if now != seen:
                seen = now
                self.rebuild()
                self.builds += 1

    def stop(self) -> None:
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
