"""Phrases a header or signature line must not be broken inside.

Names in the header and the signature block are set in capitals on balanced lines
(``measure.balance``). Balancing by width alone breaks Vietnamese names inside a word — a
Vietnamese word is several syllables, each written apart: "ỦY BAN NHÂN / DÂN TỈNH CÀ MAU",
"TM. BAN THƯỜNG / VỤ TỈNH ĐOÀN". Officials break between phrases: "ỦY BAN NHÂN DÂN / TỈNH CÀ
MAU", "TM. BAN THƯỜNG VỤ / TỈNH ĐOÀN". ``units`` glues the syllables of a line into the units a
line may break between:

- the words of administrative names (``PHRASES``: "ỦY BAN NHÂN DÂN", "BAN THƯỜNG VỤ", "NỘI VỤ",
  "GIÁO DỤC", "CHỦ TỊCH" …), longest first;
- an authority's mark ("TM.", "KT.", "Q.", "TL.", "TUQ.") and "VÀ" with what follows them,
  a dash with the names on both sides;
- a level of government with the place name ending the line ("TỈNH CÀ MAU", "TP. HỒ CHÍ
  MINH", "QUẬN TÂN PHÚ").

Matching is on capitals (the styles that balance print capitals), NFC.
"""

from __future__ import annotations

import unicodedata

PHRASES = frozenset({
    # bodies and their parts
    "ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "BAN THƯỜNG VỤ", "BAN CHẤP HÀNH",
    "BAN CHỈ ĐẠO", "BAN TỔ CHỨC", "BAN CHỈ HUY", "BỘ CHỈ HUY", "MẶT TRẬN TỔ QUỐC", "VIỆT NAM",
    "HỒ CHÍ MINH", "TỈNH ĐOÀN", "THÀNH ĐOÀN", "QUẬN ĐOÀN", "HUYỆN ĐOÀN", "THỊ ĐOÀN",
    "ĐOÀN TNCS", "ĐOÀN THANH NIÊN", "CỘNG SẢN", "HỘI LIÊN HIỆP", "LIÊN HIỆP", "LIÊN ĐOÀN",
    "VĂN PHÒNG", "THANH TRA", "CHÍNH PHỦ", "TRUNG ƯƠNG", "CÔNG AN", "QUÂN SỰ", "ĐÀI PHÁT THANH",
    "PHÁT THANH", "TRUYỀN HÌNH", "CỘNG HÒA", "CỘNG HOÀ", "XÃ HỘI", "CHỦ NGHĨA", "TỈNH ỦY",
    "TỈNH UỶ", "THÀNH ỦY", "THÀNH UỶ", "QUẬN ỦY", "HUYỆN ỦY", "ĐẢNG ỦY", "ĐẢNG BỘ",
    # the departments' fields
    "NỘI VỤ", "NGOẠI VỤ", "TÀI CHÍNH", "KẾ HOẠCH", "ĐẦU TƯ", "TƯ PHÁP", "GIÁO DỤC", "ĐÀO TẠO",
    "LAO ĐỘNG", "THƯƠNG BINH", "THÔNG TIN", "TRUYỀN THÔNG", "KHOA HỌC", "CÔNG NGHỆ",
    "VĂN HÓA", "VĂN HOÁ", "THỂ THAO", "DU LỊCH", "Y TẾ", "CÔNG THƯƠNG", "XÂY DỰNG",
    "GIAO THÔNG", "VẬN TẢI", "TÀI NGUYÊN", "MÔI TRƯỜNG", "NÔNG NGHIỆP", "PHÁT TRIỂN",
    "NÔNG THÔN", "DÂN TỘC", "TÔN GIÁO", "THANH NIÊN", "PHỤ NỮ", "NÔNG DÂN", "CỰU CHIẾN BINH",
    "THI ĐUA", "KHEN THƯỞNG", "TỔ CHỨC", "CÁN BỘ", "CHÍNH QUYỀN", "CÔNG TÁC", "NHÂN DÂN",
    # offices
    "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "BÍ THƯ", "PHÓ BÍ THƯ", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
    "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "TRƯỞNG PHÒNG",
    "PHÓ TRƯỞNG PHÒNG", "THƯỜNG TRỰC", "ỦY VIÊN", "UỶ VIÊN",
})
"""Administrative words and phrases, in capitals: a line never breaks inside one."""

AUTHORITY_MARKS = frozenset({"TM.", "KT.", "Q.", "TL.", "TUQ."})
"""Marks of signing authority (Nghị định 30/2020/NĐ-CP, Điều 13): never alone at a line end."""

FORWARD = AUTHORITY_MARKS | {"VÀ", "CỦA", "VỀ"}
"""Words that belong with what follows them: a line never ends with one."""

BACKWARD = frozenset({"-", "–", "—"})
"""Dashes join the names on both sides: a line neither starts nor ends with one
("SỞ LAO ĐỘNG - THƯƠNG BINH / VÀ XÃ HỘI")."""

LEVELS = ("THÀNH PHỐ", "THỊ XÃ", "THỊ TRẤN", "TỈNH", "TP.", "HUYỆN", "QUẬN", "XÃ", "PHƯỜNG")
"""Levels of government that introduce a place name."""

_MAX_PHRASE = max(len(p.split()) for p in PHRASES)
_MAX_PLACE = 5  # words of a place name after its level: "BÀ RỊA - VŨNG TÀU"


def _key(words: list[str]) -> str:
    return unicodedata.normalize("NFC", " ".join(words)).upper()


def units(words: list[str], dashes_join: bool = True) -> list[str]:
    """The words of a line glued into the units it may break between (see the module).

    Without ``dashes_join`` a dash stays with what precedes it only ("SỞ LAO ĐỘNG - /
    THƯƠNG BINH VÀ XÃ HỘI"): the looser choice when the joined names do not fit a line."""
    out: list[str] = []
    glue = False
    for start, end in _spans(words):
        unit = " ".join(words[start:end])
        key = _key(words[start:end])
        if (glue or key in BACKWARD) and out:
            out[-1] = f"{out[-1]} {unit}"
        else:
            out.append(unit)
        glue = key in FORWARD or (dashes_join and key in BACKWARD)
    return out


def _spans(words: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each unit: the place at the end, then phrases, then single words."""
    n = len(words)
    place = _place_start(words)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < n:
        if i == place:
            spans.append((i, n))
            break
        end = i + 1
        for size in range(min(_MAX_PHRASE, n - i), 1, -1):
            if _key(words[i:i + size]) in PHRASES and (place is None or i + size <= place):
                end = i + size
                break
        spans.append((i, end))
        i = end
    return spans


def _place_start(words: list[str]) -> int | None:
    """Where "level + place name" ending the line starts (the last level word that leaves a
    place name of at most ``_MAX_PLACE`` words after it), or None."""
    n = len(words)
    for i in reversed(range(max(0, n - _MAX_PLACE - 2), n - 1)):
        for level in LEVELS:
            size = len(level.split())
            if i + size < n and _key(words[i:i + size]) == level and n - i - size <= _MAX_PLACE:
                return i
    return None
