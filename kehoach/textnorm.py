"""Unicode normalisation, the folding used to compare Vietnamese names, and safe display.

Text arrives in NFC or NFD (pasted from Word or PDF), in any case, with or without
diacritics typed. Everything kehoach stores is NFC; everything it compares is folded;
everything it shows a person passes through ``printable``.
"""

from __future__ import annotations

import re
import unicodedata

_FOLD_EXTRA = str.maketrans({"đ": "d", "Đ": "d"})
# Combining marks: every Vietnamese tone and vowel mark is in the first block after NFD.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC (the form Vietnamese text is stored in)."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", text)


# Shown as escapes: controls (a terminal obeys ESC sequences; a newline forges an output line),
# format characters (bidi overrides reorder what is shown, zero-width ones hide), line and
# paragraph separators, lone surrogates (undecodable file names) and unassigned code points.
_HIDDEN = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Cn"})
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """``text`` as it may be shown to a person: every invisible or controlling character escaped.

    ``printable("a\x1b[2Kb\n")`` is ``"a\\x1b[2Kb\\n"``. The one function every
    human-readable output uses (diagnostics, tables, diffs, messages); machine outputs (JSON,
    CSV) keep the exact text. Vietnamese text, spaces and backslashes are left as they are.
    """
    if text.isprintable():
        return text
    return "".join(_escape(c) if unicodedata.category(c) in _HIDDEN else c for c in text)


def _escape(char: str) -> str:
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def fold(text: str) -> str:
    """Fold for comparison: case-, diacritic- and normalisation-insensitive.

    ``fold("Sở Nội vụ") == fold("SO NOI VU") == fold("so noi vu")``; whitespace runs
    collapse to one space so line-wrapped names still match.
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD_EXTRA))
    stripped = _COMBINING.sub("", decomposed)
    return " ".join(stripped.casefold().split())


def similarity(a: str, b: str) -> float:
    """Similarity ratio of two folded strings (0..1), for "did you mean" suggestions."""
    from difflib import SequenceMatcher

    return SequenceMatcher(None, fold(a), fold(b)).ratio()


def closest(word: str, candidates: list[str], limit: int = 3, cutoff: float = 0.6) -> list[str]:
    """The candidates nearest to ``word`` after folding, best first."""
    import difflib

    folded: dict[str, str] = {}
    for cand in candidates:
        folded.setdefault(fold(cand), cand)
    hits = difflib.get_close_matches(fold(word), list(folded), n=limit, cutoff=cutoff)
    return [folded[h] for h in hits]
