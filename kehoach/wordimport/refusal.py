"""The one error of the importer: a document it will not read, said in Vietnamese."""

from __future__ import annotations

from kehoach.errors import KehoachError


class WordImportError(KehoachError, ValueError):
    """The document cannot be imported (or the plan not written); ``message_vi`` says why and
    what to do. Exit code 1: the file is at fault, not what was typed."""
