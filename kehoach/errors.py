"""The errors a user can cause: one base, so that the CLI (and any later front end) can print
every one of them in Vietnamese instead of a traceback.

An error that is the user's to fix subclasses ``KehoachError`` and says what to do in
``message_vi``; a bug in kehoach raises anything else. Subclasses keep the builtin base that
callers catch them by (``OSError`` for a failed write, ``ValueError`` for a refused edit).
This module imports only ``textnorm`` (the bottom layer): every layer may raise these. Messages
quote plan text, file names and arguments, so they are kept printable (``textnorm.printable``)
whoever prints them.
"""

from __future__ import annotations


class KehoachError(Exception):
    """An error the user can fix; ``message_vi`` says how, in Vietnamese.

    ``str(err)`` is the same text. ``exit_code`` is what the command line returns when the
    error reaches it: 1 when a file or the repository is at fault, 2 when what the user typed
    is (the exit codes of the README).
    """

    exit_code: int = 1
    multiline: bool = False  # the message lists things on lines of its own (candidates)

    def __init__(self, message_vi: str) -> None:
        from kehoach.textnorm import printable

        lines = message_vi.split("\n") if self.multiline else [message_vi]
        self.message_vi: str = "\n".join(printable(line) for line in lines)
        super().__init__(self.message_vi)


class RenderError(KehoachError):
    """Rendering failed for a reason the author can fix (a template, a target, LibreOffice)."""
