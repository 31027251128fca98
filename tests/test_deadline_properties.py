"""Property tests of the deadline reader (hypothesis)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kehoach.deadline import Deadline, occurrences, read_deadline
from kehoach.deadline._text import fold1
from kehoach.deadline.calendar import month_end
from kehoach.textnorm import fold

DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31))
ROMAN = ("I", "II", "III", "IV")


def _numeric(d: date, sep: str, padded: bool) -> str:
    if padded:
        return f"{d.day:02d}{sep}{d.month:02d}{sep}{d.year}"
    return f"{d.day}{sep}{d.month}{sep}{d.year}"


@st.composite
def spelled_dates(draw: st.DrawFn) -> tuple[date, str]:
    """A date written in one of the supported spellings, in a random dress."""
    d = draw(DATES)
    form = draw(st.sampled_from(["/", "-", ".", "text", "text-no-ngay"]))
    if form == "text":
        body = f"ngày {d.day} tháng {d.month} năm {d.year}"
    elif form == "text-no-ngay":
        body = f"{d.day} tháng {d.month} năm {d.year}"
    else:
        body = _numeric(d, form, draw(st.booleans()))
        if draw(st.booleans()):
            body = "ngày " + body
    lead = draw(st.sampled_from(["", "trước ", "chậm nhất ", "vào ", "hạn: ", "đến hết "]))
    text = lead + body
    if draw(st.booleans()):
        text = f"Các đơn vị gửi báo cáo {text} để tổng hợp."
    dress = draw(st.sampled_from(["nfc", "nfd", "upper", "fold", "upper-nfd", "bold"]))
    if dress == "nfd":
        text = unicodedata.normalize("NFD", text)
    elif dress == "upper":
        text = text.upper()
    elif dress == "fold":
        text = fold(text)
    elif dress == "upper-nfd":
        text = unicodedata.normalize("NFD", text.upper())
    elif dress == "bold":
        text = text.replace(body, f"**{body}**")
    return d, text


@given(spelled_dates())
@settings(max_examples=400)
def test_every_spelling_of_a_valid_date_reads_back(sample: tuple[date, str]) -> None:
    d, text = sample
    dl = read_deadline(text)
    assert (dl.kind, dl.occurrences, dl.start) == ("date", (d,), d), text
    assert not dl.problems and not dl.guess and not dl.approximate


@given(st.text(max_size=300), st.none() | DATES)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_reader_never_raises(text: str, reference: date | None) -> None:
    dl = read_deadline(text, reference)
    assert isinstance(dl, Deadline)
    assert dl.phrase == text
    assert "internal-error" not in {p.code for p in dl.problems}
    if dl.span is not None:
        assert 0 <= dl.span[0] <= dl.span[1] <= len(unicodedata.normalize("NFC", text))


@given(
    st.lists(
        st.sampled_from(["tháng 3/2022", "quý II", "ngày", "/", "-", "**", "[^1]", " ", "đến"])
        | st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
        max_size=40,
    ),
    st.none() | DATES,
)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_reader_never_raises_on_grammar_debris(parts: list[str], reference: date | None) -> None:
    dl = read_deadline("".join(parts), reference)
    assert "internal-error" not in {p.code for p in dl.problems}


def test_reader_never_raises_on_huge_input() -> None:
    for text in ("trước ngày 10/6/2023 " * 5000, "\u0301" * 50_000, "1/" * 20_000):
        dl = read_deadline(text)
        assert "internal-error" not in {p.code for p in dl.problems}


@given(st.integers(1900, 2199), st.integers(1, 12))
def test_month_and_its_quarter_and_half_are_consistent(year: int, month: int) -> None:
    m = read_deadline(f"tháng {month}/{year}")
    quarter = (month - 1) // 3 + 1
    q = read_deadline(f"quý {ROMAN[quarter - 1]}/{year}")
    q_arabic = read_deadline(f"Quý {quarter} năm {year}")
    half = read_deadline(f"6 tháng {'đầu' if month <= 6 else 'cuối'} năm {year}")
    y = read_deadline(f"năm {year}")
    assert m.kind == "month" and m.start == date(year, month, 1)
    assert m.occurrences == (month_end(year, month),)
    assert q.occurrences == q_arabic.occurrences
    assert q.start is not None and q.start <= m.start
    for wider in (q, half, y):
        assert wider.start is not None and wider.start <= m.start
        assert m.occurrences[0] <= wider.occurrences[0]
    assert q.occurrences[0] == month_end(year, 3 * quarter)


@given(st.integers(1900, 2198), st.lists(st.integers(1, 12), min_size=2, max_size=5, unique=True))
def test_month_lists_read_as_dates(year: int, months: list[int]) -> None:
    text = "tháng " + ", ".join(str(m) for m in months) + f"/{year}"
    dl = read_deadline(text)
    assert dl.kind == "dates"
    assert dl.occurrences == tuple(sorted(month_end(year, m) for m in months))


@given(DATES.filter(lambda d: 1901 <= d.year <= 2190), st.integers(1, 28), st.integers(1, 12))
def test_yearless_date_is_the_first_on_or_after_reference(
    reference: date, day: int, month: int
) -> None:
    dl = read_deadline(f"trước ngày {day}/{month}", reference)
    assert dl.kind == "date" and dl.year_inferred
    (got,) = dl.occurrences
    assert (got.month, got.day) == (month, day)
    assert reference <= got < reference + timedelta(days=366)


@given(DATES, DATES)
def test_from_to_reads_as_a_period(a: date, b: date) -> None:
    first, last = min(a, b), max(a, b)
    dl = read_deadline(f"từ ngày {first:%d/%m/%Y} đến ngày {last:%d/%m/%Y}")
    if first == last:
        return
    assert (dl.kind, dl.start, dl.occurrences) == ("period", first, (last,))


@given(st.integers(1, 28), st.integers(1, 12), st.integers(2000, 2100), st.integers(1, 10))
def test_yearly_recurrence_expands_once_a_year(day: int, month: int, year: int, span: int) -> None:
    dl = read_deadline(f"trước ngày {day}/{month} hằng năm")
    got = occurrences(dl, date(year, 1, 1), date(year + span - 1, 12, 31))
    assert got == [date(y, month, day) for y in range(year, year + span)]


# --- never read silently --------------------------------------------------------------------

# What the rule calls date-like (docs/deadlines.md), matched on the folded text: digit groups
# joined by "/", "-" or "."; the words ngày, tháng, quý, năm, Tết, giờ (or h) with a number.
_DATE_LIKE = re.compile(
    r"[0-9]+(?: ?[/.\-] ?[0-9]+)+"
    r"|\b(?:ngay|thang|quy|nam|tet|gio) ?[0-9]+\b|\bquy ?(?:iv|i{1,3})\b"
    r"|(?<![0-9/.\-])\b[0-9]+ ?(?:ngay|thang|quy|nam|gio|h)\b"
)
_DOUBT = {"partial", "guessed", "unrecognized", "several-deadlines", "empty", "input-truncated"}
_FRAGMENTS = st.sampled_from([
    "trước", "ngày", "tháng", "quý", "năm", "Tết", "giờ", "hằng năm", "hằng quý", "và", "đến",
    "từ", "-", "/", ".", ",", "(", ")", "15/11", "20/6/2023", "2024", "2021-2025", "12/KH-UBND",
    "IV", "II", "17", "16h00", "3", "30", "100", "Nguyên đán", "Giêng", "Rằm", "Trung thu",
    "kể từ ngày ký", "làm việc", "dự kiến", "cuối", "đầu", "tuần", "năm học", "dịp hè",
    "Giáp Thìn", "hoặc", "định kỳ", "6 tháng", "lần", "sau", "Tháng Thanh niên", "báo cáo",
])


def _covered(start: int, end: int, spans: tuple[tuple[int, int], ...], text: str) -> bool:
    if any(a <= start and end <= b for a, b in spans):
        return True
    pieces = re.finditer(r"[0-9]+|[a-z]+", text[start:end])
    return all(any(a <= start + p.start() and start + p.end() <= b for a, b in spans)
               for p in pieces)


@given(st.lists(_FRAGMENTS | st.integers(0, 2100).map(str), min_size=1, max_size=12),
       st.none() | DATES)
@example(["-", "0", "Tháng Thanh niên"], None)  # a list's dash is not the end of a range
@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_date_like_token_is_explained_or_warned(parts: list[str], reference: date | None
                                                      ) -> None:
    text = " ".join(parts)
    dl = read_deadline(text, reference)
    folded = fold1(unicodedata.normalize("NFC", text))
    unexplained = [m.group() for m in _DATE_LIKE.finditer(folded)
                   if not _covered(m.start(), m.end(), dl.explained, folded)]
    if unexplained:
        codes = {p.code for p in dl.problems}
        assert dl.errors or codes & _DOUBT, (text, unexplained, dl.kind, codes)
