"""A progress bar for long batch work (rich is imported only once a bar is shown)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID


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
        self._shown: tuple[Progress, TaskID] | None = None  # the bar and its one task
        self._enabled = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self._enabled or total <= 0:
            return
        if self._shown is None:
            if self._clock() - self._start < self.DELAY:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                           console=Console(stderr=True), transient=True)
            bar.start()
            self._shown = bar, bar.add_task(self._description, total=total)
        bar, task = self._shown
        bar.update(task, completed=done, total=total)

    def __enter__(self) -> DelayedProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._shown is not None:
            self._shown[0].stop()
