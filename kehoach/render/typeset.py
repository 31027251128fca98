"""The layout rules (thể thức): Nghị định 30/2020/NĐ-CP, Phụ lục I, and the Youth Union's guide.

This is the one module that knows sizes, margins, fonts, spacing, widths and the wording rules
of dates and blanks. Templates choose *which* block comes in *what order* with *what words*;
every block style maps here to its formatting (``STYLES``). Nothing here imports python-docx:
lengths are twips (1/20 pt) for geometry and points for type.

Choices made within the decree's ranges (Phụ lục I, Phần I, mục I and II):

- A4 portrait, margins top 20 / bottom 20 / left 30 / right 15 mm: the text width (165 mm)
  then holds the decree sample's 67.5 mm + 100 mm header table (Mẫu 1.4) almost exactly.
  Landscape annex pages keep the same four margins.
- Times New Roman in every font slot, black; body 14 pt, justified, first line indented
  1.27 cm, 6 pt after each paragraph, line spacing 1.15 (between single and 1.5 lines).
- Header lines: under the issuing body 0.4 of its longest line (rule: 1/3 to 1/2); under the
  national motto exactly the motto's width; under the subject line 0.4 of its longest line.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, replace
from enum import Enum, StrEnum

# Measuring is re-exported so that layout code and tests read everything from here.
from kehoach.render.measure import balance as balance
from kehoach.render.measure import break_texts as break_texts
from kehoach.render.measure import longest_line_pt as longest_line_pt
from kehoach.render.measure import rule_indents as rule_indents
from kehoach.render.measure import text_width_pt as text_width_pt
from kehoach.render.measure import wrap as wrap

FONT = "Times New Roman"
TWIPS_PER_MM = 1440 / 25.4
TWIPS_PER_PT = 20


def mm(value: float) -> int:
    """Millimetres to twips, rounded up (A4 is 11906 x 16838; a 15 mm margin is not 14.99)."""
    return math.ceil(value * TWIPS_PER_MM - 1e-9)


# --- page ------------------------------------------------------------------------------

PAGE_WIDTH, PAGE_HEIGHT = mm(210), mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = mm(20), mm(20), mm(30), mm(15)
HEADER_DISTANCE = mm(10)  # page number sits in the top margin
FOOTER_DISTANCE = mm(10)
PAGE_NUMBER_PT = 14
FOOTNOTE_PT = 10


@dataclass(frozen=True)
class PageGeometry:
    width: int
    height: int
    landscape: bool

    @property
    def text_width(self) -> int:
        return self.width - MARGIN_LEFT - MARGIN_RIGHT


def page(landscape: bool = False) -> PageGeometry:
    if landscape:
        return PageGeometry(PAGE_HEIGHT, PAGE_WIDTH, True)
    return PageGeometry(PAGE_WIDTH, PAGE_HEIGHT, False)


def annex_is_landscape(explicit: bool | None, widest_table: int) -> bool:
    """An annex goes landscape when asked, or when it holds a table of 5 columns or more."""
    return explicit if explicit is not None else widest_table >= 5


# --- header and closing tables (Mẫu 1.4: 3829 + 5670 twips; 2994 + 6290 twips) -------------

HEADER_COLUMNS = (3829, 5670)
CLOSING_COLUMNS = (2994, 6290)
CELL_MARGIN = 85
HEADER_INDENT = -(sum(HEADER_COLUMNS) - page().text_width) // 2  # centre the overhang
SIGNATURE_ROOM = 4  # empty 14 pt lines for the signature and the seal
CLOSING_GAP_PT = 6  # space above "Nơi nhận" and the signature block
RULE_PT = 0.75  # thickness of the header lines (w:sz 6 = 3/4 pt)


def cell_text_width(column: int) -> int:
    return column - 2 * CELL_MARGIN


# --- block styles -------------------------------------------------------------------------


class Zone(StrEnum):
    """Where a block goes: the builder groups consecutive blocks of one zone."""

    top = "top"  # above the header (the draft mark)
    header_left = "header_left"
    header_right = "header_right"
    body = "body"
    rule = "rule"  # a line under the previous block
    row = "row"  # a row of a borderless table (committee, programme)
    grid = "grid"  # a row of a bordered table (annex tables)
    recipients = "recipients"
    signature = "signature"
    annex = "annex"  # starts a new section


class Align(Enum):
    """Paragraph alignment. A plain Enum: nothing reads it as text, and a str member named
    ``center`` would hide ``str.center``."""

    left = "left"
    center = "center"
    right = "right"
    justify = "justify"


@dataclass(frozen=True)
class Spec:
    zone: Zone = Zone.body
    size: float = 14
    bold: bool = False
    italic: bool = False
    underline: bool = False
    caps: bool = False  # the text is upper-cased (the decree's "chữ in hoa")
    align: Align = Align.justify
    first_indent: bool = True
    before: float = 0
    after: float = 6
    line: float = 1.15
    balance: bool = False  # wrap into balanced lines (header names)
    rule_ratio: float = 0.0  # a `gach_duoi` under this block: its width / the text's width
    rule_gap: float = 0  # space (pt) after that line
    header_row: bool = False  # a table header row (repeated on every page)
    box: bool = False  # drawn in a bordered box
    keep_next: bool = False  # kept on the page of the next paragraph (a picture, its caption)


# Shared settings, each a Spec that the styles below vary with dataclasses.replace.
_TIGHT = Spec(first_indent=False, after=0, line=1.0, align=Align.center)
_LEFT_HEAD = replace(_TIGHT, zone=Zone.header_left)
_RIGHT_HEAD = replace(_TIGHT, zone=Zone.header_right)
_SIGN = replace(_TIGHT, zone=Zone.signature, bold=True)
_CENTRE = replace(_TIGHT)

STYLES: dict[str, Spec] = {
    # above the header
    "du_thao": Spec(Zone.top, 13, bold=True, box=True, align=Align.left, first_indent=False),
    # header, left: parent body, issuing body, "***", number
    "chu_quan": replace(_LEFT_HEAD, size=13, caps=True, balance=True),
    "co_quan": replace(_LEFT_HEAD, size=13, bold=True, caps=True, balance=True,
                       rule_ratio=0.4),
    "sao": replace(_LEFT_HEAD, size=13),
    "so_ky_hieu": replace(_LEFT_HEAD, size=13, before=6),
    # a letter's subject under its number (Phụ lục I, mục II.6.b: "V/v ...", 12-13 pt)
    "trich_yeu_cong_van": replace(_LEFT_HEAD, size=12, balance=True),
    # header, right: national name and motto, or the Union's title; place and date
    "quoc_hieu": replace(_RIGHT_HEAD, size=13, bold=True, caps=True),
    "tieu_ngu": replace(_RIGHT_HEAD, size=14, bold=True, rule_ratio=1.0),
    "doan": replace(_RIGHT_HEAD, size=15, bold=True, underline=True, caps=True),
    "dia_danh_ngay": replace(_RIGHT_HEAD, size=14, italic=True, before=6),
    # a line under the previous block (its width comes from that block's rule_ratio)
    "gach_duoi": Spec(Zone.rule, size=4, after=0, line=1.0, first_indent=False),
    # title
    "ten_loai": replace(_CENTRE, size=14, bold=True, caps=True, before=18),
    "trich_yeu": replace(_CENTRE, size=14, bold=True, rule_ratio=0.4, balance=True,
                         rule_gap=12),
    # a letter's addressees (Mẫu 1.5: "Kính gửi: ..."), centred under the header
    "kinh_gui": replace(_CENTRE, before=12, after=6),
    # body
    "can_cu": Spec(italic=True),
    "mo_dau": Spec(),
    "phan": Spec(bold=True),
    "muc_tieu_de": Spec(bold=True),
    "muc_tieu_de_phu": Spec(bold=True, italic=True),
    # a place the author must still write (a draft report's assessment…): italic, in brackets
    "cho_viet": Spec(italic=True),
    # a picture handed to the renderer by name (``hinh[anh=bieu_do]``), and its caption
    "hinh": replace(_CENTRE, before=6, after=0, keep_next=True),
    "chu_thich_hinh": replace(_CENTRE, size=13, italic=True, after=6),
    "muc": Spec(),
    "ket_thuc": Spec(),
    "ban_to_chuc": Spec(Zone.row, first_indent=False, after=3, align=Align.left),
    "chuong_trinh": Spec(Zone.row, first_indent=False, after=3, align=Align.left),
    # closing: recipients on the left, signature blocks on the right
    "noi_nhan_tieu_de": Spec(Zone.recipients, 12, bold=True, italic=True, first_indent=False,
                             align=Align.left, after=0, line=1.0),
    "noi_nhan": Spec(Zone.recipients, 11, first_indent=False, align=Align.left, after=0, line=1.0),
    "ky_quyen_han": replace(_SIGN, size=14, caps=True, balance=True),
    "ky_chuc_vu": replace(_SIGN, size=14, caps=True, balance=True),
    "ky_cho_ky": replace(_SIGN, size=14, bold=False),
    "ky_ten": replace(_SIGN, size=14),
    # annexes (Phụ lục I, mục III.1; Phụ lục III, Mẫu 2.1)
    "phu_luc": replace(_CENTRE, zone=Zone.annex, size=14, bold=True),
    "phu_luc_tieu_de": replace(_CENTRE, size=14, bold=True, caps=True, balance=True),
    "phu_luc_kem_theo": replace(_CENTRE, size=14, italic=True, rule_ratio=0.3, balance=True,
                                rule_gap=12),
    "phu_luc_ghi_chu": replace(_CENTRE, size=14, italic=True, before=12),
    "bang_tieu_de": replace(_CENTRE, zone=Zone.grid, size=13, bold=True, header_row=True),
    "bang_dong": Spec(Zone.grid, 13, first_indent=False, align=Align.left, after=0, line=1.0),
}

CELL_STYLES = frozenset(s for s, spec in STYLES.items() if spec.zone in (Zone.row, Zone.grid))


PICTURE_SHARE = 1.0
"""A picture's width as a share of the text width (its height follows its proportions)."""


def picture_width(text_width: int) -> int:
    return int(text_width * PICTURE_SHARE)


def signature_room_lines() -> int:
    return SIGNATURE_ROOM


# --- wording rules ------------------------------------------------------------------------


def day_month(value: int, *, month: bool) -> str:
    """Zero-pad days below 10 and the months 1 and 2 (Phụ lục I, II.4.b)."""
    pad = value in (1, 2) if month else value < 10
    return f"{value:02d}" if pad else str(value)


def date_long(value: dt.date) -> str:
    """"ngày 05 tháng 01 năm 2022", "ngày 29 tháng 6 năm 2019"."""
    return (
        f"ngày {day_month(value.day, month=False)} tháng "
        f"{day_month(value.month, month=True)} năm {value.year}"
    )


def date_short(value: dt.date) -> str:
    """The date as plans cite documents: "31/12/2021", "24/7/2021", "28/01/2022"."""
    day = day_month(value.day, month=False)
    return f"{day}/{day_month(value.month, month=True)}/{value.year}"


BLANK = "      "  # the gap officials leave for the number and the day on a draft


def place_and_date(place: str | None, date: dt.date | None) -> str:
    """"Lạng Sơn, ngày 31 tháng 12 năm 2021"; blanks for what a draft leaves open."""
    where = place or "……"
    if date is None:
        return f"{where}, ngày{BLANK}tháng{BLANK}năm 20.."
    return f"{where}, {date_long(date)}"


def number_symbol(symbol: str | None, doc_code: str, abbreviations: list[str], youth: bool) -> str:
    """"253/KH-UBND"; a draft's blank "      /KH-UBND" (Youth Union: "      -KH/QĐTP"),
    also when the symbol is written without its number ("/KH-UBND", as ``kehoach new`` does)."""
    if symbol and symbol[0] in "/-":
        return f"{BLANK}{symbol}"
    if symbol:
        return symbol
    issuers = "-".join(a for a in abbreviations if a) or "…"
    if youth:
        return f"{BLANK}-{doc_code}/{issuers}"
    return f"{BLANK}/{doc_code}-{issuers}"


def date_short_or_blank(value: dt.date | None) -> str:
    return date_short(value) if value else f"{BLANK}/{BLANK}/20.."


def sentence_case(title: str) -> str:
    """"CHƯƠNG TRÌNH PHỐI HỢP" -> "Chương trình phối hợp" (for "Kèm theo ...")."""
    lower = title.lower()
    return lower[:1].upper() + lower[1:]


# --- table columns ------------------------------------------------------------------------

_COLUMN_WEIGHTS = {
    "stt": 0.9, "tt": 0.9, "nội dung": 6.0, "nội dung công việc": 6.0,
    "nội dung nhiệm vụ": 6.0, "kế hoạch": 2.6, "tình trạng": 2.4, "chủ trì": 2.6,
    "cơ quan chủ trì": 2.6, "phối hợp": 3.0, "cơ quan phối hợp": 3.0, "thời gian": 2.0,
    "thời hạn": 2.0, "sản phẩm": 2.4, "vai trò": 1.6,
    # the grid per agency (a progress report's annex): names wide, counts narrow
    "cơ quan, đơn vị chủ trì": 4.6, "hoàn thành đúng hạn": 1.5, "hoàn thành quá hạn": 1.5,
    "chưa hoàn thành, trong hạn": 1.5, "chưa hoàn thành, quá hạn": 1.5,
    "không có thời hạn": 1.5, "tổng số": 1.2, "tỷ lệ đúng hạn": 1.5,
}


MIN_COLUMN = mm(12)  # "STT" in 13 pt bold plus the cell margins


def column_widths(headers: list[str], total: int) -> list[int]:
    """Widths (twips) for a table's columns: narrow numbering, wide content."""
    weights = [_COLUMN_WEIGHTS.get(h.strip().lower(), 2.5) for h in headers]
    scale = total / sum(weights)
    widths = [max(int(w * scale), MIN_COLUMN) for w in weights]
    widest = widths.index(max(widths))
    widths[widest] -= sum(widths) - total
    widths[-1] += total - sum(widths)
    return widths


def centre_cell(header: str, text: str) -> bool:
    """Numbering columns (STT) and bare numbers are centred in table cells."""
    bare = text.strip().rstrip(".")
    return header.strip().lower() in ("stt", "tt") or (0 < len(bare) <= 4 and bare.isdigit())


_ROW_SHARES = {"ban_to_chuc": (0.7, 0.3), "chuong_trinh": (0.22, 0.53, 0.25)}


def row_widths(style: str, cells: int, total: int) -> list[int]:
    """A borderless list: committee (person – office | role), programme (time | item)."""
    shares = _ROW_SHARES.get(style)
    if cells <= 1:
        return [total]
    if shares is None or cells != len(shares):
        shares = tuple([1 / cells] * cells)
    widths = [int(total * share) for share in shares]
    widths[-1] += total - sum(widths)
    return widths
