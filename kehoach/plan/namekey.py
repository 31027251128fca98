"""How a body's name is compared: the words that designate it, whatever their order, with the
words that only say where (tỉnh, thành phố, huyện, quận, thị xã) set apart.

"Sở Nội vụ tỉnh Lạng Sơn", "SỞ NỘI VỤ LẠNG SƠN", "so noi vu lang son" and "SNV Lạng Sơn" all
give the words {snv, lang, son} with the level word "tỉnh" present or omitted: standard
phrases contract to the abbreviation officials write ("Ủy ban nhân dân" → ubnd, "Sở Thông
tin và Truyền thông" → stttt, "Sở TT&TT" → stttt), so either spelling meets the other.

A level word typed with its diacritics ("quận") is always one; typed without them it is one
only when a place name follows it, because "Văn Quan" is a district and "Hà Tĩnh" a province.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kehoach.textnorm import fold, nfc

# Level words: canonical token -> the spellings that are certainly one (with diacritics).
LEVELS = {"tinh": {"tỉnh"}, "huyen": {"huyện"}, "quan": {"quận"}, "tp": {"thành phố", "tp"},
          "tx": {"thị xã", "tx"}}

# Ministries' and departments' standard names and the letters officials abbreviate them to.
_DEPARTMENTS = {
    "noi vu": "nv", "tai chinh": "tc", "tu phap": "tp", "y te": "yt", "xay dung": "xd",
    "cong thuong": "ct", "ngoai vu": "ngv", "giao duc va dao tao": "gddt",
    "giao duc dao tao": "gddt", "lao dong thuong binh va xa hoi": "ldtbxh",
    "thong tin va truyen thong": "tttt", "ke hoach va dau tu": "khdt",
    "khoa hoc va cong nghe": "khcn", "tai nguyen va moi truong": "tnmt",
    "van hoa the thao va du lich": "vhttdl", "giao thong van tai": "gtvt",
    "nong nghiep va phat trien nong thon": "nnptnt", "nong nghiep va moi truong": "nnmt",
}
# Only the long names are safe to contract on their own: "y te" or "noi vu" alone is not a
# department ("Phòng Nội vụ" is not "Sở Nội vụ").
_ON_THEIR_OWN = {k: v for k, v in _DEPARTMENTS.items() if len(v) >= 4}
_PHRASES = {
    "uy ban nhan dan": "ubnd", "hoi dong nhan dan": "hdnd", "mat tran to quoc": "mttq",
    "uy ban": "ub", "van phong": "vp", "ban chap hanh": "bch", "ban thuong vu": "btv",
    "ho chi minh": "hcm", "trung uong": "tw", "thanh nien cong san": "tncs",
    "lien hiep phu nu": "lhpn", "lien hiep thanh nien": "lhtn", "cuu chien binh": "ccb",
    "phat thanh va truyen hinh": "ptth", "thi dua khen thuong": "tdkt",
    "cong nhan lao dong": "cnld", "lien doan lao dong": "ldld", "tphcm": "tp hcm",
    "thanh pho": "tp", "thi xa": "tx",
    # Words that begin with a level word but are not one: "Tỉnh đoàn" is a body, and
    # "quan" is also quân (military) and quản (manage).
    **{f"{lvl} {kind}": f"{lvl}{kind}" for lvl in ("tinh", "huyen", "quan", "thanh", "thi", "xa")
       for kind in ("doan", "uy")},
    "quan su": "quansu", "quan doi": "quandoi", "quan ly": "quanly", "quan he": "quanhe",
    **_ON_THEIR_OWN,
    **{f"so {k}": f"s{v}" for k, v in _DEPARTMENTS.items()},
    # "Sở TP" is not written for Sở Tư pháp (TP is thành phố).
    **{f"so {v}": f"s{v}" for v in _DEPARTMENTS.values() if v != "tp"},
}
# first word -> phrase length -> phrase -> its abbreviation (longest phrases are tried first)
_BY_FIRST: dict[str, dict[int, dict[tuple[str, ...], tuple[str, ...]]]] = {}
for _phrase, _short in _PHRASES.items():
    _words = tuple(_phrase.split())
    _BY_FIRST.setdefault(_words[0], {}).setdefault(len(_words), {})[_words] = tuple(_short.split())
for _first, _lengths in _BY_FIRST.items():
    _BY_FIRST[_first] = dict(sorted(_lengths.items(), reverse=True))

_WORD = re.compile(r"[^\W_]+")
# "TT&TT", "GD&ĐT", "LĐ-TB&XH": an ampersand or hyphen between abbreviations joins them; an
# ampersand between words is "và".
_JOIN = re.compile(r"([^\W_]+)\s*([&-])\s*([^\W_]+)")


def _abbreviation(word: str) -> bool:
    """Letters without a vowel: no Vietnamese word is written so ("lđ", "tb", "xh")."""
    return not set(_fold_word(word)) & set("aeiouy")


def _join(m: re.Match[str]) -> str:
    a, sign, b = m.groups()
    if _abbreviation(a) and _abbreviation(b):
        return a + b
    return f"{a} và {b}" if sign == "&" else f"{a} {b}"


def _joined(text: str) -> str:
    while True:
        joined = _JOIN.sub(_join, text)
        if joined == text:
            return text
        text = joined


@lru_cache(maxsize=8192)
def _fold_word(word: str) -> str:
    return fold(word)


@dataclass(frozen=True)
class NameKey:
    """A name's words: ``core`` (sorted, level words removed), the ``levels`` it names, and
    ``place``, the words after its last level word ("huyện Tràng Định" → trang dinh)."""

    tokens: tuple[str, ...]
    core: tuple[str, ...]
    levels: frozenset[str]
    place: tuple[str, ...] = ()
    place_level: str | None = None

    @property
    def exact(self) -> tuple[str, ...]:
        return tuple(sorted(self.tokens))


def _contract(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(original, folded) words with standard phrases replaced by their abbreviation; the
    original of a replacement is the phrase as written (it decides level words)."""
    folded = tuple(f for _, f in words)
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(words):
        for n, phrases in _BY_FIRST.get(folded[i], {}).items():
            short = phrases.get(folded[i:i + n])
            if short is not None:
                written = " ".join(o for o, _ in words[i:i + n])
                out.extend((written, s) for s in short)
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return out


def _is_level(words: list[tuple[str, str]], i: int) -> bool:
    written, token = words[i]
    if token not in LEVELS:
        return False
    if written in LEVELS[token] or (token == "tp" and written.startswith("tp")):
        return True
    # Typed without diacritics: a level word only when a place name follows.
    follows = i + 1 < len(words) and words[i + 1][1] not in LEVELS
    return written.isascii() and follows


@lru_cache(maxsize=16384)
def name_key(text: str) -> NameKey:
    """The words of a name as compared (any case, diacritics, NFC or NFD, word order)."""
    lowered = _joined(nfc(text).casefold())
    words = _contract([(w, _fold_word(w)) for w in _WORD.findall(lowered)])
    tokens: list[str] = []
    core: list[str] = []
    levels: set[str] = set()
    last_level = -1
    for i, (_, token) in enumerate(words):
        tokens.append(token)
        if _is_level(words, i):
            levels.add(token)
            last_level = i
        else:
            core.append(token)
    place: tuple[str, ...] = ()
    if last_level >= 0:
        place = tuple(t for j, (_, t) in enumerate(words) if j > last_level
                      and not _is_level(words, j))
    return NameKey(tuple(tokens), tuple(sorted(core)), frozenset(levels), place,
                   words[last_level][1] if place else None)


def without(core: tuple[str, ...], part: tuple[str, ...]) -> tuple[str, ...] | None:
    """``core`` minus the words of ``part`` (a multiset difference), or None when ``part``
    is not all in it."""
    rest = list(core)
    try:
        for word in part:
            rest.remove(word)
    except ValueError:
        return None
    return tuple(rest)


def province_of(body_id: str) -> str | None:
    """The locality prefix of a registry id ("lang-son.so-noi-vu" → "lang-son"): the
    registry's convention, so that the same name in two provinces is two bodies."""
    head, dot, _ = body_id.partition(".")
    return head if dot else None
