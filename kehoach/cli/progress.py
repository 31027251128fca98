"""A progress bar for long batch work (rich is imported only once a bar is shown)."""

from __future__ import annotations

import sys


class DelayedProgress:
    """A progress bar for batch work, shown on a terminal only and only after a second.

    Called as ``progress(done, total)`` by the library; quick runs and pipes never see it.
    """

    DELAY = 1.0

    def __init__(self, description: str) -> None:
        import time

        self._clock = time.monotonic
        self._start = self._clock()
        self._description = description
        self._bar = None
        self._task = None
        self._enabled = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self._enabled or total <= 0:
            return
        if self._bar is None:
            if self._clock() - self._start < self.DELAY:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self._bar = Progress(TextColumn("{task.description}"), BarColumn(),
                                 MofNCompleteColumn(), console=Console(stderr=True), transient=True)
            self._bar.start()
            self._task = self._bar.add_task(self._description, total=total)
        self._bar.update(self._task, completed=done, total=total)

    def __enter__(self) -> DelayedProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
