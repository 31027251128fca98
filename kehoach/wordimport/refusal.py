"""The one error of the importer: a document it will not read, said in Vietnamese."""

from __future__ import annotations


class WordImportError(ValueError):
    """The document cannot be imported; ``message_vi`` says why and what to do."""

    def __init__(self, message_vi: str):
        self.message_vi = message_vi
        super().__init__(message_vi)
