"""Regular expressions of the deadline grammar.

Every pattern runs on the folded text (``_text.prepare``): lowercase, no diacritics,
``đ`` → ``d``, single spaces, markup removed. The patterns are kept linear (bounded
quantifiers, no nested unbounded repetition), so no input makes them backtrack
pathologically. For speed each main pattern starts with a literal or a character class;
optional words in front ("ngày", "cuối", "giai đoạn"…) are matched afterwards by the
``PRE_*`` patterns, anchored at the end of a short window before the match.
"""

from __future__ import annotations

import re

Y = r"(?:19|20|21)[0-9]{2}"
YSEP = r" ?(?:,? ?nam ?|[/.\-] ?)"
ROMAN = r"(?:iv|i{1,3}|[1-4])"
WD = r"thu ?(?:hai|ba|tu|nam|sau|bay|[2-7])|chu nhat|cn"
UNIT = r"(?:nam|quy|thang)"
# Month names written as words ("ngày 20 tháng sáu năm 2023"); "năm" only before "năm".
MONTH_WORDS = {
    "mot": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6,
    "bay": 7, "tam": 8, "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12,
}  # fmt: skip
_MW = r"muoi mot|muoi hai|muoi|mot|hai|ba|tu|bon|nam(?= nam)|sau|bay|tam|chin"

# --- main patterns -------------------------------------------------------------------
# Everything that starts with a number:
#   a year first — ISO date yyyy-mm-dd (im, id), a range of years (y2), a bare year (y1);
#   a day first — d/m/yyyy, d-m-yyyy, d.m.yyyy (s, m, y), d/m with no year (y empty),
#   m/yyyy (d is the month, my the year), "d tháng m năm yyyy" (tm, ty).
P_NUMBER = re.compile(
    rf"(?=[0-9])(?:(?P<y1>{Y})(?:-(?P<im>[0-9]{{1,2}})-(?P<id>[0-9]{{1,2}})(?![0-9])"
    rf"| ?(?:-|den(?: het)?(?: nam)?|toi(?: nam)?) ?(?P<y2>{Y})(?![0-9])|(?![0-9./\-]))"
    r"|(?P<d>[0-9]{1,2})(?: ?(?P<s>[/.\-]) ?(?:(?P<m>[0-9]{1,2})"
    rf"(?: ?(?P=s) ?(?P<y>{Y})(?![0-9])|(?![0-9]| ?[/.\-] ?[0-9]))|(?P<my>{Y})(?![0-9/]))"
    rf"| ?thang ?(?P<tm>[0-9]{{1,2}}|(?<=thang )(?:{_MW})(?![a-z]))"
    rf"(?![0-9])(?: ?(?:,? ?nam ?|[/\-] ?)(?P<ty>{Y}))?(?![0-9])))"
)
P_MONTH = re.compile(
    r"thang(?<![a-z]thang) ?(?P<list>[0-9]{1,2}(?: ?(?:,|va|hoac|&|-) ?(?:thang ?)?"
    rf"[0-9]{{1,2}}){{0,11}})(?![0-9])(?:{YSEP}(?P<y>{Y}))?(?![0-9])"
)
# "quý II/2023", "quý I, II năm 2023", "quý I-II/2023" (list, y); "Q2/2023" (qn, qy);
# an impossible quarter "quý 5" (bad).
P_QUARTER = re.compile(
    rf"q(?:u[yi](?<![a-z]qu[yi]) ?"
    rf"(?:(?P<list>{ROMAN}(?: ?(?:,|va|hoac|&|-) ?(?:quy ?)?{ROMAN}){{0,3}})"
    rf"(?![a-z0-9])(?:{YSEP}(?P<y>{Y}))?(?![0-9])|(?P<bad>[05-9]|[1-9][0-9])(?![0-9]))"
    rf"|(?<![a-z0-9]q) ?(?P<qn>[1-4]) ?[/.\-] ?(?P<qy>{Y})(?![0-9]))"
)
P_HALF = re.compile(
    r"(?=[06sn])(?:0?6 thang|sau thang|nua)"
    rf" ?(?P<h>dau|cuoi) ?nam(?:(?:{YSEP}| )(?P<y>{Y}))?(?![0-9])"
)
# "năm 2024" (y); "năm nay" (nay), "cuối năm", "trong năm" (neither: a year to infer).
P_YEAR = re.compile(
    rf"nam(?<![a-z]nam)(?:(?<!viet nam) ?(?P<y>{Y})(?![0-9])|(?P<nay> nay)(?![a-z])"
    r"|(?! ?[0-9])(?! hoc)(?![a-z]))"
)
P_RELATIVE = re.compile(
    r"(?=[tsckm])(?:trong(?: vong| thoi han| thoi gian)?|sau|cham nhat(?: la| sau)?|"
    r"khong qua|toi da|muon nhat) ?(?P<n>[0-9]{1,3}) ?(?:\([^()]{0,40}\) ?)?"
    r"(?P<unit>ngay lam viec|ngay|tuan|thang|nam)(?P<wd> lam viec)?(?![a-z])"
    r"(?: ?,? ?(?:ke tu|tinh tu|sau khi|sau|tu) (?P<anchor>[^,.;:()\[\]!?]{1,80}))?"
)
P_DAY = re.compile(
    r"(?=[nm])(?:ngay|mung) ?(?P<d>[0-9]{1,2})(?![0-9]| ?[/.\-] ?[0-9]| ?thang ?[0-9])"
    r"(?P<q> ?(?:cua )?thang cuoi (?:cua )?quy)?"
    r"(?P<qn> ?(?:cua )?thang dau (?:cua )?quy (?:sau|tiep theo|ke tiep))?"
)
# Recurrence ("hằng năm", "01 lần/năm", "các năm tiếp theo") and continuity markers.
P_MARKER = re.compile(
    rf"(?=[hmlcntds0-9])(?:(?:hang|moi) (?P<u>{UNIT})(?![a-z])"
    rf"|lan ?(?:/|moi|trong|mot) ?(?P<u2>{UNIT})(?![a-z])"
    r"|(?:(?<=va )|(?<=, )|(?<=\) ))(?:cac|nhung) nam (?:tiep theo|sau|ke tiep)(?![a-z])"
    r"|(?P<cont>thuong xuyen|lien tuc|hang ngay|moi ngay|hang tuan|moi tuan)(?![a-z])"
    # cycles of months: "định kỳ 6 tháng", "hằng 6 tháng", "02 tháng/lần", "nửa năm một lần"
    r"|(?:dinh ky|hang|moi) (?P<n>0?[236]|hai|ba|sau) thang(?![a-z])(?: ?(?:/|mot|1|01) ?lan)?"
    r"|(?<![0-9])(?P<n2>0?[236]|hai|ba|sau) thang ?(?:/|mot|1|01) ?lan(?![a-z])"
    r"|(?P<half>nua nam (?:mot|1|01) lan)(?![a-z]))"
)
CYCLE_MONTHS = {"2": "two_months", "hai": "two_months", "3": "quarter", "ba": "quarter",
                "6": "half_year", "sau": "half_year"}
# The summer holidays ("dịp hè 2024", "hè năm 2024"): June to August.
P_SUMMER = re.compile(
    rf"(?=[dmknh])(?<![a-z])(?:(?:dip|mua|ky nghi|nghi) )?he(?: ?,? ?nam)? ?(?P<y>{Y})(?![0-9])"
)
# "Chín tháng đầu năm 2024", "9 tháng cuối năm": the first or last months of a year.
NUMBER_WORDS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "bay": 7, "tam": 8,
                "chin": 9, "muoi": 10, "muoi mot": 11}
P_MONTHS_OF_YEAR = re.compile(
    rf"(?<![a-z0-9])(?P<n>[0-9]{{1,2}}|{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})"
    rf" thang (?P<h>dau|cuoi) nam(?:(?:{YSEP}| )(?P<y>{Y}))?(?![0-9])"
)
# Months named for a campaign: "Tháng Thanh niên năm 2024" is March.
NAMED_MONTHS = {"thanh nien": 3, "hanh dong vi tre em": 6, "nhan dao": 5, "cong nhan": 5}
P_NAMED_MONTH = re.compile(
    rf"thang (?P<name>{'|'.join(NAMED_MONTHS)})(?: ?,? ?(?:nam )?(?P<y>{Y}))?(?![0-9])"
)
# "15 ngày trước ngày tổ chức": counted back from an event.
P_BEFORE_EVENT = re.compile(
    r"(?=[0-9cti])(?:(?:cham nhat|truoc|it nhat|toi thieu) (?:la )?)?(?P<n>[0-9]{1,3}) ?"
    r"(?P<unit>ngay lam viec|ngay|tuan|thang)(?P<wd> lam viec)? (?:truoc|som hon) "
    r"(?P<anchor>(?:khi|ngay|thoi diem|buoi|le|hoi|dai|ky|dot|cuoc)[^,.;:()\[\]!?]{0,80})"
)
P_APPROX = re.compile(
    r"(?=[dktuqc])(?:du kien|du tinh|khoang(?! thoi gian)|tam tinh|uoc tinh|quang|chung)(?![a-z])"
)

# --- words in front of a match (searched in a short window ending at the match) ------
PRE_DAY = re.compile(r"(?=[nm])(?<![a-z])(?:ngay|mung) ?$")
PRE_PART = re.compile(
    r"(?=[cdghtr])(?<![a-z])(?P<part>cuoi|dau|giua|het|thuong tuan|trung tuan|ha tuan) ?$"
)
PRE_YEAR_NOW = re.compile(r"(?=[cdght])(?<![a-z])(?P<part>cuoi|dau|giua|het|trong) $")
PRE_RANGE = re.compile(r"(?=[gtn])(?<![a-z])(?:giai doan|thoi ky|tu nam|nam|tu) ?$")
PRE_DM_CONTEXT = re.compile(
    r"(?=[tcmhvdn])(?<![a-z])(?:truoc|cham nhat|muon nhat|han|vao|den|tu|het|trong|ngay) ?$"
)
PRE_WEEKDAY = re.compile(rf"(?=[tc])(?<![a-z])(?P<w>{WD}) ?,? ?(?:ngay ?)?$")
# A time of day written with the date: "trước 17 giờ ngày", "16h00 ngày", "17 giờ 30, ngày".
PRE_HOUR = re.compile(
    r"(?<![a-z0-9])[0-9]{1,2} ?(?:gio|h)(?: ?[0-9]{1,2}(?: ?phut|')?)? ?,? ?(?:ngay ?)?$"
)
POST_HOUR = re.compile(
    r"\)? ?,? ?(?:(?:vao )?luc |truoc )?[0-9]{1,2} ?(?:gio|h)(?: ?[0-9]{1,2}(?: ?phut|')?)?"
    r"(?![a-z0-9])"
)
PRE_WEEK = re.compile(
    r"(?<![a-z])tuan (?P<w>dau tien|dau|cuoi|thu nhat|thu hai|thu ba|thu tu|thu [1-4]|[1-4]) "
    r"(?:cua )?$"
)
WEEK_PARTS = {"dau tien": "week1", "dau": "week1", "thu nhat": "week1", "thu 1": "week1",
              "1": "week1", "thu hai": "week2", "thu 2": "week2", "2": "week2",
              "thu ba": "week3", "thu 3": "week3", "3": "week3", "thu tu": "week4",
              "thu 4": "week4", "4": "week4", "cuoi": "week_last"}
PRE_DUE = re.compile(
    r"(?<![a-z])(?:truoc|cham nhat(?: la)?|muon nhat(?: la)?|han(?: chot)?|den het) "
    r"(?:(?:vao )?ngay ?)?$"
)
PRE_SCHOOL = re.compile(r"(?<![a-z])(?:nam hoc|nien hoc) ?$")
PRE_START = re.compile(r"(?=[bkt])(?<![a-z])(?:bat dau(?: tu)?|ke tu|tinh tu|(?<!thu )tu) ?$")
# A document number ("số 12/KH-UBND", "15/2023/NĐ-CP") or "ban hành": dates may be cited.
P_DOCNUM = re.compile(r"[0-9] ?/ ?(?:[0-9]{2,4} ?/ ?)?[a-z]|ban hanh")
PRE_CITE = re.compile(
    r"(?:[0-9]+ ?/ ?(?:[0-9]{2,4} ?/ ?)?[a-z][a-z0-9/-]{0,20}|ban hanh) ?,? ?(?:ngay ?)?$"
)

# --- words after a match ----------------------------------------------------------------
POST_WEEKDAY = re.compile(rf" ?(?:\( ?(?:vao )?(?P<w1>{WD}) ?\)|, ?(?P<w2>{WD})(?![a-z]))")
POST_DM_CONTEXT = re.compile(rf" ?,? ?(?:(?:hang|moi|cua moi|cua cac) nam|\( ?(?:{WD}))")
POST_NOT_RELATIVE = re.compile(r" ?(?:dau nam|cuoi nam|[0-9])")
ANCHOR_CUT = re.compile(r" (?:va|hoac|de|dong thoi|sau do|nham) ")
LIST_SEP = re.compile(r" ?(?:,|va|hoac|&|-) ?(?:thang|quy)? ?")
DIGITS = re.compile(r"[0-9]+")
APPROX_WORDS = frozenset({"du", "khoang", "tam", "uoc", "quang", "chung"})
POST_YEAR_LIST = re.compile(rf" ?(?:,|va|hoac) ?(?:nam )?(?P<y>{Y})(?![0-9/.\-])")
POST_THIS_YEAR = re.compile(r" ?(?:cua )?nam nay(?![a-z])")
# "từ ngày 13 đến 17/7", "ngày 25-26/5/2024": a run of days in one month.
P_DAY_RANGE = re.compile(
    rf"(?=[tn])(?:tu )?ngay (?P<d1>[0-9]{{1,2}}) ?(?:-|den|toi) ?(?:ngay )?(?P<d2>[0-9]{{1,2}}) ?"
    rf"(?:[/.\-]|thang) ?(?P<m>[0-9]{{1,2}})(?: ?(?:[/.\-]|,? ?nam) ?(?P<y>{Y}))?(?![0-9])"
)
POST_NEXT_YEAR = re.compile(r" ?(?:cua )?nam (?:sau|ke tiep|tiep theo|lien ke)(?![a-z])")

WEEKDAY_INDEX = {"hai": 0, "ba": 1, "tu": 2, "nam": 3, "sau": 4, "bay": 5}
ROMAN_VALUE = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def weekday_index(word: str) -> int:
    """Weekday (Monday = 0) of a folded weekday word: "thu sau", "thu 6", "cn"…"""
    if word in ("cn", "chu nhat"):
        return 6
    tail = word[3:].strip()
    return int(tail) - 2 if tail.isdigit() else WEEKDAY_INDEX[tail]


def before(pattern: re.Pattern[str], folded: str, at: int, width: int = 24) -> re.Match[str] | None:
    """``pattern`` (anchored with ``$``) matched in the ``width`` characters before ``at``."""
    return pattern.search(folded, max(0, at - width), at)
