"""The one error type of the render path: its message is for the official, in Vietnamese."""

from __future__ import annotations

from kehoach.textnorm import printable


class RenderError(Exception):
    """Rendering failed for a reason the author can fix; ``str(err)`` says how, in Vietnamese.

    The message names templates, files and values from the repository: it is kept printable
    (``textnorm.printable``), whoever prints it.
    """

    def __init__(self, message: str):
        super().__init__(printable(message))
