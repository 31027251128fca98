"""Text preparation for the deadline grammar.

The grammar matches on a *folded* copy of the text (casefolded, diacritics stripped,
``đ`` → ``d``, dash variants → ``-``) that has exactly the same length as the cleaned
NFC text, so every match position maps back to the caller's text. This is why the
grammar keeps its own length-preserving fold instead of ``kehoach.textnorm.fold``
(which collapses whitespace and drops combining marks).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from kehoach.textnorm import nfc

MAX_CHARS = 2000

_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")
_D_LIKE = frozenset("đĐÐɖ")
# Footnote references ``[^1]``, emphasis markers ``*``/``**`` and whitespace runs.
_NOISE = re.compile(r"\[\^[^\]\s]{0,32}\]|\*+|\s+")
_WORD = re.compile(r"[a-z]+")


def _fold_char(ch: str) -> str:
    if ch in _D_LIKE:
        return "d"
    if ch in _DASHES:
        return "-"
    base = unicodedata.normalize("NFD", ch)[:1] or ch
    low = base.casefold()
    return low[:1] if low else ch


class _FoldTable(dict[int, str]):
    """``str.translate`` table computing (and caching) the one-character fold of a code point.

    Filled on first sight, not up front: precomputing the Latin and Vietnamese blocks cost
    every process a few milliseconds at import, for the few characters a plan uses."""

    def __missing__(self, code: int) -> str:
        out = _fold_char(chr(code))
        self[code] = out
        return out


_FOLD_TABLE = _FoldTable()


def fold1(text: str) -> str:
    """Length-preserving fold: one output character for every input character."""
    if text.isascii():
        return text.lower()
    # Fast path: NFD then drop the marks. Every canonical decomposition has one base
    # character, so equal lengths mean every character folded to exactly one ASCII one.
    plain = text.replace("đ", "d").replace("Đ", "d")
    fast = unicodedata.normalize("NFD", plain).encode("ascii", "ignore").decode("ascii")
    if len(fast) == len(text):
        return fast.lower()
    return text.translate(_FOLD_TABLE)


@dataclass(slots=True)
class Prepared:
    """The text as the grammar sees it.

    ``clean`` is NFC with markup removed and whitespace collapsed; ``folded`` is its
    fold (same length); ``offsets[i]`` is the index in the NFC text of ``clean[i]``;
    ``words`` the set of ASCII words of ``folded`` (to skip patterns that cannot match).
    """

    nfc: str
    clean: str
    folded: str
    offsets: Sequence[int]
    truncated: bool
    words: set[str]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of ``clean`` back to the NFC text."""
        if not self.offsets or end <= start:
            return (0, 0)
        return (self.offsets[start], self.offsets[end - 1] + 1)


def _is_clean(src: str) -> bool:
    """True when cleaning would not change ``src`` (no markup, only single inner spaces)."""
    return (
        src.isprintable()
        and "  " not in src
        and src[:1] != " "
        and src[-1:] != " "
        and "*" not in src
        and "[^" not in src
    )


def prepare(text: str) -> Prepared:
    """NFC, cap the length, strip markup and collapse whitespace, then fold."""
    full = nfc(text)
    truncated = len(full) > MAX_CHARS
    src = full[:MAX_CHARS]
    if _is_clean(src):
        folded = fold1(src)
        return Prepared(full, src, folded, range(len(src)), truncated, _words(folded))
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _NOISE.finditer(src):
        if m.start() > pos:
            parts.append(src[pos : m.start()])
            offsets.extend(range(pos, m.start()))
        if m.group()[0].isspace() and offsets and parts[-1][-1:] != " ":
            parts.append(" ")
            offsets.append(m.start())
        pos = m.end()
    if pos < len(src):
        parts.append(src[pos:])
        offsets.extend(range(pos, len(src)))
    clean = "".join(parts)
    if clean.endswith(" "):
        clean = clean[:-1]
        offsets.pop()
    folded = fold1(clean)
    return Prepared(full, clean, folded, offsets, truncated, _words(folded))


def _words(folded: str) -> set[str]:
    return set(_WORD.findall(folded))
