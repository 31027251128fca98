"""Names that look like other names: invisible characters, mixed scripts, presentation forms.

A cloned registry can hold "Ѕở Nội vụ" (a Cyrillic Ѕ), "Sở Nội vụ\\u200b" (a zero-width space)
or a name behind a bidi override: each looks like the real body's name, none matches it, so a
query for the real name misses the look-alike's tasks. ``inspect`` finds the first such
character, following Unicode's security mechanisms (UTS #39):

- invisible (``invisible-character``): a default-ignorable code point (zero-width space and
  joiners, word joiner, BOM, Hangul fillers, variation selectors…), any other format
  character (bidi overrides and isolates, the Arabic letter mark…) or a line or paragraph
  separator;
- a presentation form (``lookalike-character``): a letter or digit that NFKC changes —
  fullwidth ``Ｓ``, mathematical ``𝐒``, ligatures ``ﬁ``, superscripts, circled and
  Roman-numeral forms;
- mixed scripts (``mixed-script``): letters of scripts that never share one word (the
  "highly restrictive" level): Latin with Cyrillic or Greek is flagged; one script alone, and
  Latin with Han plus kana, Hangul or Bopomofo, is not. Scripts are Unicode's
  Script_Extensions (from ``regex``), so combining marks — every Vietnamese tone and vowel
  mark, in NFC or NFD — belong to Latin.

Vietnamese text is Latin with diacritics and trips none of these. A name written wholly in
another script ("ВТС" in Cyrillic for "BTC") is not a mix and is not flagged.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# ISO 15924 codes of every script Unicode 17 knows; Zyyy (common) and Zinh (inherited) are
# shared by all scripts. A code the installed ``regex`` does not know is skipped.
_SCRIPT_CODES = (
    "Zzzz Latn Bopo Grek Copt Cyrl Armn Hebr Arab Syrc Thaa Nkoo Samr Mand Deva Beng Guru "
    "Gujr Orya Taml Telu Knda Mlym Sinh Thai Laoo Tibt Mymr Geor Hang Ethi Cher Cans Ogam "
    "Runr Tglg Hano Buhd Tagb Khmr Mong Limb Tale Talu Bugi Lana Bali Sund Batk Lepc Olck "
    "Brai Glag Tfng Hani Hira Kana Yiii Lisu Vaii Bamu Sylo Phag Saur Kali Rjng Java Cham "
    "Tavt Mtei Linb Lyci Cari Ital Goth Perm Ugar Xpeo Dsrt Shaw Osma Osge Elba Aghb Vith "
    "Todr Lina Cprt Armi Palm Nbat Hatr Phnx Lydi Sidt Mero Merc Khar Sarb Narb Mani Avst "
    "Prti Phli Phlp Orkh Hung Rohg Gara Yezi Sogo Sogd Ougr Chrs Elym Brah Kthi Sora Cakm "
    "Mahj Shrd Khoj Mult Sind Gran Tutg Newa Tirh Sidd Modi Takr Ahom Dogr Wara Diak Nand "
    "Zanb Soyo Pauc Sunu Bhks Marc Gonm Gong Tols Maka Kawi Xsux Pcun Cpmn Egyp Hluw Gukh "
    "Mroo Tnsa Bass Hmng Krai Medf Berf Miao Tang Nshu Kits Jurc Dupl Sgnw Hmnp Toto Wcho "
    "Nagm Onao Tayo Mend Adlm Seal"
)
_SCRIPTS = _SCRIPT_CODES.split()
# UTS #39 augmented script sets: the writing systems Han shares with other scripts.
_AUGMENT = {"Hani": {"Jpan", "Kore", "Hanb"}, "Hira": {"Jpan"}, "Kana": {"Jpan"},
            "Hang": {"Kore"}, "Bopo": {"Hanb"}}
_CJK = {"Jpan", "Kore", "Hanb"}
# Characters a Vietnamese name is made of, all safe: the fast path of ``inspect``.
_VIETNAMESE = frozenset(
    {chr(c) for c in range(0x20, 0x7F)}
    | {unicodedata.normalize("NFC", v + t) for v in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
       for t in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")}
    | set("đĐ\u00a0–—‘’“”…·«»§°")
)
NAMES_VI = {"Latn": "Latinh", "Cyrl": "Kirin", "Grek": "Hy Lạp", "Armn": "Armenia",
            "Hani": "Hán", "Hira": "Hiragana", "Kana": "Katakana", "Hang": "Hangul",
            "Arab": "Ả Rập", "Hebr": "Do Thái", "Thai": "Thái", "Laoo": "Lào", "Khmr": "Khmer",
            "Cher": "Cherokee", "Copt": "Copt", "Geor": "Gruzia", "Zzzz": "chưa định nghĩa"}


@dataclass(frozen=True)
class Suspicion:
    """The first suspicious character of a name: its kind, 0-based index and a description."""

    kind: str  # "invisible", "form" (a presentation form) or "script" (mixed scripts)
    index: int
    char: str
    what: str  # Vietnamese, what the name has: "có ký tự vô hình U+200B … ở vị trí 3"


def inspect(text: str) -> Suspicion | None:
    """The first reason ``text`` could pass for another name, or ``None``."""
    if text.isascii() or _VIETNAMESE.issuperset(text):
        return None  # Latin letters (Vietnamese ones too) and common punctuation only
    return _invisible(text) or _presentation_form(text) or _mixed_script(text)


def describe(char: str) -> str:
    """``U+0405 CYRILLIC CAPITAL LETTER DZE``."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'KHÔNG TÊN')}"


def _invisible(text: str) -> Suspicion | None:
    ignorable = _default_ignorable()
    for i, char in enumerate(text):
        category = unicodedata.category(char)
        if category in ("Cf", "Zl", "Zp") or ignorable.match(char):
            kind = ("ký tự điều khiển hướng chữ" if unicodedata.bidirectional(char) in _BIDI
                    else "ký tự vô hình")
            return Suspicion("invisible", i, char,
                             f"có {kind} {describe(char)} ở vị trí {i + 1}")
    return None


_BIDI = {"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI", "LRM", "RLM", "ALM"}


def _presentation_form(text: str) -> Suspicion | None:
    for i, char in enumerate(text):
        if unicodedata.category(char)[0] in "LN" and not char.isascii():
            plain = unicodedata.normalize("NFKC", char)
            if plain != char:
                return Suspicion("form", i, char,
                                 f"có “{char}” ({describe(char)}) ở vị trí {i + 1}, là dạng "
                                 f"trình bày của “{plain}”")
    return None


def _mixed_script(text: str) -> Suspicion | None:
    sets = [(i, c, scripts_of(c)) for i, c in enumerate(text)]
    sets = [(i, c, s) for i, c, s in sets if s]
    if not sets or _resolved(s for _, _, s in sets):
        return None
    foreign = [s for _, _, s in sets if "Latn" not in s]
    if foreign and _resolved(foreign) & _CJK:
        return None  # Latin with one East Asian writing system, as UTS #39 allows
    counts = Counter(code for _, _, scripts in sets for code in scripts)
    main = max(counts, key=lambda code: (counts[code], code == "Latn"))
    for i, char, scripts in sets:  # the first letter outside the script most letters share
        if main not in scripts:
            return Suspicion("script", i, char,
                             f"trộn chữ {NAMES_VI.get(main, main)} với chữ {_script_vi(scripts)}"
                             f": “{char}” ({describe(char)}) ở vị trí {i + 1}")
    return None  # unreachable: with no common script, some letter lacks the main one


def _resolved(sets: object) -> set[str]:
    result: set[str] | None = None
    for scripts in sets:  # type: ignore[attr-defined]
        result = set(scripts) if result is None else result & scripts
    return result or set()


def _script_vi(scripts: frozenset[str]) -> str:
    for code in ("Latn", "Cyrl", "Grek", *sorted(scripts)):
        if code in scripts:
            return NAMES_VI.get(code, code)
    return "?"


@lru_cache(maxsize=8192)
def scripts_of(char: str) -> frozenset[str]:
    """The char's Script_Extensions, augmented (UTS #39); empty for common and inherited."""
    if char.isascii():
        return frozenset({"Latn"}) if char.isalpha() else frozenset()
    found = {code for code, pattern in _patterns() if pattern.match(char)}
    for code in list(found):
        found |= _AUGMENT.get(code, set())
    return frozenset(found)


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, Any]]:
    import regex  # imported when a name is not plain ASCII, not at start-up

    compiled = []
    for code in _SCRIPTS:
        try:
            compiled.append((code, regex.compile(rf"\p{{scx={code}}}")))
        except regex.error:  # a script newer than the installed regex
            continue
    return compiled


@lru_cache(maxsize=1)
def _default_ignorable() -> Any:
    import regex

    return regex.compile(r"\p{Default_Ignorable_Code_Point}")
