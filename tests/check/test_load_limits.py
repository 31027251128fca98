"""kehoach.load refuses the values no command can handle, each at its exact position, and
accepts them up to the limit (kehoach.plan.limits; docs/guarantees.md, "Limits")."""

from __future__ import annotations

import pytest

from kehoach.load.source import MAX_DEPTH
from kehoach.plan.limits import MAX_INT_DIGITS, MAX_TEXT, MAX_VALUES
from tests.check.conftest import BASE, with_task_fields

PLACE = "dia_danh: Lạng Sơn"  # line 4: its value starts at column 11


def place(value: str) -> str:
    return BASE.replace(PLACE, f"dia_danh: {value}")


# An escape is the only way such a character gets into the data: the position is the escape's.
ESCAPES = {
    "NUL": ('"Lạng\\0Sơn"', [(4, 16, "control-character")]),
    "vertical tab": ('"Lạng\\vSơn"', [(4, 16, "control-character")]),
    "unit separator": ('"Lạng\\x1fSơn"', [(4, 16, "control-character")]),
    "escape (terminal)": ('"Lạng\\e[2KSơn"', [(4, 16, "control-character")]),
    "DEL": ('"Lạng\\x7FSơn"', [(4, 16, "control-character")]),
    "a C1 control": ('"Lạng\\u009BSơn"', [(4, 16, "control-character")]),
    "U+FFFE": ('"Lạng\\uFFFESơn"', [(4, 16, "control-character")]),
    "U+FFFF": ('"Lạng Sơn\\uFFFF"', [(4, 20, "control-character")]),
    "after an escaped backslash": ('"Lạng\\\\\\aSơn"', [(4, 18, "control-character")]),
    "on the quoted text's second line": ('"Lạng\n  S\\x01ơn"', [(5, 4, "control-character")]),
    # printable escapes are text like any other
    "tab, newline, NEL, line separator": ('"Lạng\\tSơn\\n\\N\\L"', []),
    "an escaped backslash and quote": ('"Lạng \\\\ \\" Sơn"', []),
    "a raw backslash in plain text": ("Lạng\\vSơn", []),
}


@pytest.mark.parametrize("value,expected", list(ESCAPES.values()), ids=list(ESCAPES))
def test_escaped_control_characters(assert_diagnostics, value, expected):
    assert_diagnostics(place(value), expected)


def test_an_escaped_control_character_in_a_key(assert_diagnostics):
    text = BASE.replace("trich_yeu:", '"trich\\x1byeu":')
    assert_diagnostics(text, [(6, 7, "control-character"), (6, 1, "unknown-key"),
                              (1, 1, "missing-field")])


NUMBERS = {
    "at the limit: a number where text belongs": ("1" * MAX_INT_DIGITS, [(4, 11, "wrong-type")]),
    "one digit more": ("1" * (MAX_INT_DIGITS + 1), [(4, 11, "number-too-large")]),
    "past Python's 4,300 digits": ("-" + "9" * 5000, [(4, 11, "number-too-large")]),
}


@pytest.mark.parametrize("value,expected", list(NUMBERS.values()), ids=list(NUMBERS))
def test_huge_integers(assert_diagnostics, value, expected):
    assert_diagnostics(place(value), expected)


def test_a_huge_integer_as_a_year(assert_diagnostics):
    text = BASE + f"giai_doan: {{tu: 2021, den: {'2' * 5000}}}\n"
    assert_diagnostics(text, [(26, 28, "number-too-large")])


ISSUED = "ngay_ban_hanh: 2021-12-31"  # line 5: its value starts at column 16
DONE = "            hoan_thanh: [{{ngay_hoan_thanh: {}}}]\n"  # line 22, the day at column 44
DATES = {
    "the first day": (DONE, "1900-01-01", [(22, 44, "completion-before-issue")]),
    "the day before": (DONE, "1899-12-31", [(22, 44, "date-out-of-range")]),
    "the last day": (ISSUED, "2199-12-31", []),
    "the day after": (ISSUED, "2200-01-01", [(5, 16, "date-out-of-range")]),
    "year 9999": (ISSUED, "9999-12-31", [(5, 16, "date-out-of-range")]),
    "year 0000": (ISSUED, "0000-01-01", [(5, 16, "invalid-date")]),
}


@pytest.mark.parametrize("where,day,expected", list(DATES.values()), ids=list(DATES))
def test_dates_outside_the_calendar(assert_diagnostics, where, day, expected):
    if where == ISSUED:
        text = BASE.replace(ISSUED, f"ngay_ban_hanh: {day}")
    else:
        text = with_task_fields(DONE.format(day))
    assert_diagnostics(text, expected)


YEARS = {
    "20255": ("{tu: 2021, den: 20255}", [(26, 28, "date-out-of-range")]),
    "0": ("{tu: 0, den: 2025}", [(26, 17, "date-out-of-range")]),
    "-5": ("{tu: -5, den: 2025}", [(26, 17, "date-out-of-range")]),
    "1e11 (a float)": ("{tu: 2021, den: 1e11}", [(26, 28, "wrong-type")]),
    "100000000000": ("{tu: 2021, den: 100000000000}", [(26, 28, "date-out-of-range")]),
    "1899": ("{tu: 1899, den: 1900}", [(26, 17, "date-out-of-range")]),
    "1900 to 1949 (50 years)": ("{tu: 1900, den: 1949}", []),
    "2150 to 2199 (50 years)": ("{tu: 2150, den: 2199}", []),
    "2200": ("{tu: 2199, den: 2200}", [(26, 28, "date-out-of-range")]),
}


@pytest.mark.parametrize("period,expected", list(YEARS.values()), ids=list(YEARS))
def test_years_of_the_period(assert_diagnostics, period, expected):
    assert_diagnostics(BASE + f"giai_doan: {period}\n", expected)


def test_a_completions_year_outside_the_calendar(assert_diagnostics):
    fields = "            hoan_thanh: [{ky: 20255, ngay_hoan_thanh: 2022-11-10}]\n"
    assert_diagnostics(with_task_fields(fields), [(22, 31, "date-out-of-range")])


TEXTS = {
    "at the limit": ("x" * MAX_TEXT, []),
    "one character more": ("x" * (MAX_TEXT + 1), [(4, 11, "text-too-long")]),
    "quoted, one more": (f'"{"ừ" * (MAX_TEXT + 1)}"', [(4, 11, "text-too-long")]),
}


@pytest.mark.parametrize("value,expected", list(TEXTS.values()), ids=list(TEXTS))
def test_long_texts(assert_diagnostics, value, expected):
    assert_diagnostics(place(value), expected)


def test_a_long_folded_text(assert_diagnostics):
    lines = "".join(f"  {'chữ ' * 20}\n" for _ in range(200))  # 16,000 characters
    assert_diagnostics(BASE + "mo_dau: >-\n" + lines, [(26, 9, "text-too-long")])


BASE_VALUES = 57
"""Values (keys included) of BASE: each value a test adds is counted from here."""


def _list_of(items: int) -> str:
    return BASE + "mo_dau:\n" + "  - a\n" * items  # a list where one text belongs


def test_values_up_to_the_limit(assert_diagnostics):
    items = MAX_VALUES - BASE_VALUES - 2  # the key mo_dau and its list
    assert_diagnostics(_list_of(items), [(27, 3, "wrong-type")])


def test_one_value_past_the_limit_is_refused_where_it_stands(assert_diagnostics):
    items = MAX_VALUES - BASE_VALUES - 2 + 1
    assert_diagnostics(_list_of(items), [(26 + items, 5, "too-many-values")])


def test_values_by_the_hundred_thousand_are_refused_before_they_are_built(assert_diagnostics):
    # Four lines of 45,001 flow items (90,000 characters each): 57 + 2 × 45,003 values before
    # the third line, whose 9,936th item is the 100,001st value (column 6 + 2 × 9,935).
    text = BASE + "".join(f"k{i}: [" + "a," * 45_000 + "a]\n" for i in range(4))
    assert_diagnostics(text, [(28, 19_876, "too-many-values")])


def test_problems_are_listed_up_to_a_thousand(assert_diagnostics):
    text = BASE + "".join(f"k{i}: 1\n" for i in range(1_200))
    expected = [(26 + i, 1, "unknown-key") for i in range(1_000)]
    assert_diagnostics(text, [*expected, (1_026, 1, "too-many-problems")])


def test_nesting_is_counted_on_the_tree_too(assert_diagnostics):
    # One space per level: the text's shape (400 columns) lets it through, the tree does not.
    levels = "".join(f"{' ' * i}a:\n" for i in range(1, MAX_DEPTH + 1)) + " " * 101 + "a: b\n"
    assert_diagnostics(BASE + "ghi_chu:\n" + levels, [(126, 101, "nesting-too-deep")])


def test_nesting_at_the_limit(assert_diagnostics):
    levels = "".join(f"{' ' * i}a:\n" for i in range(1, MAX_DEPTH - 1)) + " " * 99 + "a: b\n"
    assert_diagnostics(BASE + "ghi_chu:\n" + levels, [(27, 2, "wrong-type")])


def _completions_before_issue(count: int, then: str = "") -> str:
    """The task t1 completed ``count`` times before the plan was issued (a warning each)."""
    records = "".join(f"              - {{ngay_hoan_thanh: 2021-01-{1 + i % 28:02d}}}\n"
                      for i in range(count))
    return with_task_fields("            hoan_thanh:\n" + records + then)


def test_warnings_past_a_thousand_are_said_once(assert_diagnostics):
    expected = [(23 + i, 35, "completion-before-issue") for i in range(1_000)]
    assert_diagnostics(_completions_before_issue(1_001),
                       [*expected, (1_023, 35, "too-many-warnings")])


def test_an_error_after_a_thousand_warnings_still_fails_the_file(assert_diagnostics):
    # the error is not listed, but said: the verdict of the file does not depend on the cap
    late = "              - {co_quan: ls.ubnd, ngay_hoan_thanh: 2022-01-05}\n"
    expected = [(23 + i, 35, "completion-before-issue") for i in range(1_000)]
    assert_diagnostics(_completions_before_issue(1_001, late),
                       [*expected, (1_023, 35, "too-many-warnings"),
                        (1_024, 27, "too-many-problems")])
