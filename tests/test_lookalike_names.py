"""Spoofed names are warned about; Vietnamese never is.

"Ѕở Nội vụ" (a Cyrillic Ѕ), a zero-width space, a bidi override or a fullwidth letter make a
name that looks like a real body's and matches no query for it. ``check`` warns at the value's
line and column (``invisible-character``, ``lookalike-character``, ``mixed-script``); every
Vietnamese letter, in NFC and NFD, upper and lower case, passes.
"""

from __future__ import annotations

import itertools
import json
import unicodedata
from pathlib import Path

import pytest
import yaml
from conftest import write_repo

from kehoach.check.checker import check_paths
from kehoach.check.lookalike import inspect

ROOT = Path(__file__).parent.parent
CODES = {"invisible-character", "lookalike-character", "mixed-script"}

VOWELS = "aăâeêioôơuưy"
TONES = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]  # huyền sắc ngã hỏi nặng
CONSONANTS = "bcdđghklmnpqrstvx"
LETTERS = sorted({unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES}
                 | set(CONSONANTS))
LETTERS += [c.upper() for c in LETTERS]


def test_the_alphabet_is_complete():
    assert len(LETTERS) == 2 * (12 * 6 + 17)  # 72 vowels with tones, 17 consonants


def full_analysis(text: str):
    """``inspect`` without its fast path for plain Vietnamese text."""
    from kehoach.check import lookalike

    return (lookalike._invisible(text) or lookalike._presentation_form(text)
            or lookalike._mixed_script(text))


@pytest.mark.parametrize("check", [inspect, full_analysis], ids=["inspect", "full-analysis"])
@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_no_vietnamese_letter_is_suspicious(form, check):
    flagged = {c: check(unicodedata.normalize(form, c)) for c in LETTERS}
    assert {c: s for c, s in flagged.items() if s is not None} == {}
    every = unicodedata.normalize(form, " ".join(LETTERS))
    assert check(every) is None
    for a, b in itertools.product(LETTERS, repeat=2):  # every pair, as in a syllable
        assert check(unicodedata.normalize(form, f"{a}{b}")) is None, (a, b)


def test_the_fast_path_admits_only_what_the_full_analysis_admits():
    from kehoach.check import lookalike

    assert all(full_analysis(c) is None for c in lookalike._VIETNAMESE)
    assert set(LETTERS) <= lookalike._VIETNAMESE


VIETNAMESE_NAMES = [
    "Sở Nội vụ tỉnh Lạng Sơn", "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN",
    "Ban Chấp hành Đoàn TNCS Hồ Chí Minh", "Sở Lao động – Thương binh và Xã hội",
    "Trường THPT Nguyễn Thượng Hiền (Q. Tân Bình)", "Huyện ủy Mường Tè", "Phòng Giáo dục & Đào tạo",
    "UBND xã Ea H’Leo", "Ngân hàng Chính sách xã hội",
    "Sở Khoa học và Công nghệ", "TĐ", "SNV", "12/KH-UBND", "366-KH/TĐTN", "Ủy ban\u00a0nhân dân",
    "Ủy ban nhân dân tỉnh Quảng Tây (广西壮族自治区)", "Москва", "東京都庁", "서울특별시청",
    "ສະພາແຫ່ງຊາດ", "Hà Nội – 東京 – ソウル",
]


@pytest.mark.parametrize("name", VIETNAMESE_NAMES)
@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_real_names_are_not_suspicious(name, form):
    assert inspect(unicodedata.normalize(form, name)) is None
    assert full_analysis(unicodedata.normalize(form, name)) is None


# text -> (kind, 1-based position of the character reported); the codes are
# mixed-script, invisible-character and lookalike-character
SPOOFS = {
    "Ѕở Nội vụ": ("script", 1),  # U+0405 CYRILLIC CAPITAL LETTER DZE
    "Sở Nộі vụ": ("script", 6),  # U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I
    "UВND": ("script", 2),  # U+0412 CYRILLIC CAPITAL LETTER VE
    "SΝV": ("script", 2),  # U+039D GREEK CAPITAL LETTER NU
    "Sở Nội vụ Տ": ("script", 11),  # U+054F ARMENIAN CAPITAL LETTER TIWN
    "Sở Nội\u200b vụ": ("invisible", 7),  # ZERO WIDTH SPACE
    "Sở\u200c Nội vụ": ("invisible", 3),  # ZERO WIDTH NON-JOINER
    "Sở\u200d Nội vụ": ("invisible", 3),  # ZERO WIDTH JOINER
    "Sở\u2060Nội vụ": ("invisible", 3),  # WORD JOINER
    "Sở Nội vụ\ufeff": ("invisible", 10),  # BOM inside a name
    "\u202eụv iộN ởS": ("invisible", 1),  # RIGHT-TO-LEFT OVERRIDE
    "Sở \u2067Nội\u2069 vụ": ("invisible", 4),  # RIGHT-TO-LEFT ISOLATE
    "Sở\u200f Nội vụ": ("invisible", 3),  # RIGHT-TO-LEFT MARK
    "Sở\u061c Nội vụ": ("invisible", 3),  # ARABIC LETTER MARK
    "Sở Nội\u00ad vụ": ("invisible", 7),  # SOFT HYPHEN
    "Sở Nội vụ\u3164": ("invisible", 10),  # HANGUL FILLER (a letter that shows nothing)
    "Sở Nội vụ\ufe0f": ("invisible", 10),  # VARIATION SELECTOR-16
    "Sở\u034f Nội vụ": ("invisible", 3),  # COMBINING GRAPHEME JOINER
    "Sở Nội vụ\u2028": ("invisible", 10),  # LINE SEPARATOR
    "Sở\U000e0041 Nội vụ": ("invisible", 3),  # TAG LATIN CAPITAL LETTER A
    "𝐒ở Nội vụ": ("form", 1),  # MATHEMATICAL BOLD CAPITAL S
    "ＵＢＮＤ": ("form", 1),  # FULLWIDTH LATIN CAPITAL LETTER U
    "Sở Tài chính ﬁ": ("form", 14),  # LATIN SMALL LIGATURE FI
    "Phụ lục Ⅱ": ("form", 9),  # ROMAN NUMERAL TWO
    "KH-UBND²": ("form", 8),  # SUPERSCRIPT TWO
}


@pytest.mark.parametrize("text,expected", list(SPOOFS.items()),
                         ids=[json.dumps(k)[1:-1] for k in SPOOFS])
def test_spoofed_names_are_found_at_the_right_character(text, expected):
    found = inspect(text)
    assert found is not None
    assert (found.kind, found.index + 1) == expected
    assert found.char == text[found.index]


def test_seed_registries_and_plans_raise_no_lookalike_warning():
    folders = [ROOT / "plans", *(p for p in (ROOT / "tests" / "data").iterdir() if p.is_dir()
                                 and p.name not in ("fuzz-corpus", "fmt"))]
    diagnostics = [d for folder in folders for d in check_paths([folder], cwd=folder).diagnostics]
    assert [d for d in diagnostics if d.code in CODES] == []


# --- through check, at the value's line and column ---------------------------------------------

SPOOFED_REGISTRY = """\
co_quan:
  - id: ls.ubnd
    ten: Ủy ban nhân dân tỉnh Lạng Sơn
    viet_tat: UBND
  - id: ls.snv
    ten: Sở Nội vụ tỉnh Lạng Sơn
    cap_tren: ls.ubnd
  - id: ls.snv-gia
    ten: "\\u0405ở Nội vụ tỉnh Lạng Sơn"
    ten_khac: ["Sở\\u200b Nội vụ", "\\u202eụv iộN ởS"]
    viet_tat: "S\\u039dV"
    ten_in: "ＳỞ NỘI VỤ"
"""
PLAN = """\
loai: ke_hoach
du_thao: true
co_quan_ban_hanh:
  - co_quan: ls.ubnd
    ten_in: "ỦY BAN NHÂN DÂN TỈNH L\\u0410NG SƠN"
so_ky_hieu: "12/KH-U\\u0412ND"
trich_yeu: Thử
phan:
  - so: I.
    noi_dung: Nội dung
    nhiem_vu:
      - id: t1
        chu_tri: ls.snv-gia
"""


def test_check_warns_at_each_spoofed_value(tmp_path):
    repo = write_repo(tmp_path, {"a.yaml": PLAN}, registry=SPOOFED_REGISTRY)
    result = check_paths([repo / "plans"], cwd=repo)
    found = sorted((Path(d.path).name, d.line, d.column, d.code) for d in result.diagnostics
                   if d.code in CODES)
    assert found == [
        ("a.yaml", 5, 13, "mixed-script"),
        ("a.yaml", 6, 13, "mixed-script"),
        ("co-quan.yaml", 9, 10, "mixed-script"),
        ("co-quan.yaml", 10, 16, "invisible-character"),
        ("co-quan.yaml", 10, 35, "invisible-character"),
        ("co-quan.yaml", 11, 15, "mixed-script"),
        ("co-quan.yaml", 12, 13, "lookalike-character"),
    ]
    assert all(not d.is_error for d in result.diagnostics if d.code in CODES)
    messages = {d.message for d in result.diagnostics if d.code in CODES}
    assert any("trộn chữ Latinh với chữ Kirin" in m and "U+0405" in m for m in messages)


def test_check_of_the_plain_registry_says_nothing(tmp_path):
    from conftest import REGISTRY

    text = unicodedata.normalize("NFD", REGISTRY)  # as pasted from a PDF
    repo = write_repo(tmp_path, {"a.yaml": PLAN.replace("\\u0410", "A").replace(
        "\\u0412", "B").replace("ls.snv-gia", "ls.snv")}, registry=text)
    result = check_paths([repo / "plans"], cwd=repo)
    assert [d for d in result.diagnostics if d.code in CODES] == []


def test_warnings_print_the_name_escaped_on_one_line(tmp_path):
    from kehoach.diagnostics import formats

    repo = write_repo(tmp_path, {"a.yaml": PLAN}, registry=SPOOFED_REGISTRY)
    result = check_paths([repo / "plans"], cwd=repo)
    out = formats.plain([d for d in result.diagnostics if d.code == "invisible-character"])
    assert out.count("\n") == 2 and "\u202e" not in out and "\\u202e" in out
    assert "\u200b" not in out and "\\u200b" in out
    assert yaml.safe_load(SPOOFED_REGISTRY)["co_quan"][2]["ten_khac"][0] == "Sở\u200b Nội vụ"


@pytest.mark.parametrize("where", ["task", "body"])
def test_lookalike_ids_are_already_schema_errors(tmp_path, where):
    """Ids are not checked for look-alikes: the schema admits only a-z, 0-9 and ._- in them."""
    plan = PLAN.replace("ls.snv-gia", "ls.snv").replace("\\u0410", "A").replace("\\u0412", "B")
    registry = SPOOFED_REGISTRY
    if where == "task":
        plan = plan.replace("- id: t1", "- id: \"t\\u0456\"")  # CYRILLIC SMALL LETTER I
    else:
        registry = registry.replace("- id: ls.snv-gia", "- id: \"ls.\\u0455nv\"")
    repo = write_repo(tmp_path, {"a.yaml": plan}, registry=registry)
    result = check_paths([repo / "plans"], cwd=repo)
    assert "invalid-value" in {d.code for d in result.diagnostics if d.is_error}
