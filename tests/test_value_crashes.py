"""Values that once crashed the released commands (exit 3, "Lỗi nội bộ"), through the real CLI.

Each was reproduced first: an integer of 5,000 digits crashed every command; escaped control
characters (``"a\\0b"``, ``"\\v"``, ``"\\x1f"``, ``"\\uFFFE"``) passed ``check`` and then crashed
``render`` (python-docx refuses them), and ``done --evidence $'a\\vb'`` wrote one; a year 20255,
0, -5 or 100000000000 in ``giai_doan`` crashed ``check`` and ``render``; ``--as-of
9999-12-31`` crashed ``overdue``, ``summary``, ``tasks`` and ``upcoming`` on a recurring task.
Now ``check`` refuses each value at its position (exit 1), every other command gives the
same answer or a usage error (exit 2), and nothing ends in exit 3.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from forkrun import ForkServer

from tests.check.conftest import BASE
from tests.conftest import REGISTRY

pytest.importorskip("resource")  # POSIX: the fork server

PLACE = "dia_danh: Lạng Sơn"
RECURRING = BASE.replace("trước ngày 15/11/2022", "trước ngày 5 hằng tháng") + (
    "giai_doan: {tu: 2022, den: 2025}\n")


@pytest.fixture(scope="module")
def server():
    with ForkServer() as fs:
        yield fs


def repo(root: Path, plan: str) -> Path:
    (root / "plans").mkdir(exist_ok=True)
    (root / "plans" / "co-quan.yaml").write_text(REGISTRY, encoding="utf-8")
    (root / "kehoach.toml").write_text("", encoding="utf-8")
    (root / "plans" / "a.yaml").write_text(plan, encoding="utf-8")
    return root


def clean(run) -> None:  # type: ignore[no-untyped-def]
    assert not run.timed_out and run.signal is None, run
    assert "Lỗi nội bộ" not in run.output and "Traceback" not in run.output, run.output
    assert run.code in (0, 1, 2), run.output


TRACKING = [["overdue"], ["summary"], ["tasks"], ["upcoming", "--within", "3650000"]]
COMMANDS = [["check"], ["render", "plans/a.yaml", "-o", "out.docx", "--force"], *TRACKING]

VALUES = {
    "an integer of 5,000 digits as text": (
        BASE.replace(PLACE, "dia_danh: " + "9" * 5000), "4:11: [error]", "number-too-large"),
    "an integer of 5,000 digits as a year": (
        BASE + f"giai_doan: {{tu: 2022, den: {'9' * 5000}}}\n", "26:28: [error]",
        "number-too-large"),
    "a NUL escape": (BASE.replace(PLACE, 'dia_danh: "a\\0b"'), "4:13: [error]",
                     "control-character"),
    "a vertical tab escape": (BASE.replace(PLACE, 'dia_danh: "\\v"'), "4:12: [error]",
                              "control-character"),
    "a unit separator escape": (BASE.replace(PLACE, 'dia_danh: "Lạng\\x1f"'), "4:16: [error]",
                                "control-character"),
    "a U+FFFE escape": (BASE.replace(PLACE, 'dia_danh: "\\uFFFE"'), "4:12: [error]",
                        "control-character"),
    "a terminal escape": (BASE.replace(PLACE, 'dia_danh: "\\e[1A\\e[2K"'), "4:12: [error]",
                          "control-character"),
    "year 20255": (BASE + "giai_doan: {tu: 2021, den: 20255}\n", "26:28: [error]",
                   "date-out-of-range"),
    "year 0": (BASE + "giai_doan: {tu: 0, den: 2025}\n", "26:17: [error]", "date-out-of-range"),
    "year -5": (BASE + "giai_doan: {tu: -5, den: 2025}\n", "26:17: [error]",
                "date-out-of-range"),
    "year 1e11": (BASE + "giai_doan: {tu: 2021, den: 1e11}\n", "26:28: [error]", "wrong-type"),
    "year 100000000000": (BASE + "giai_doan: {tu: 2021, den: 100000000000}\n",
                          "26:28: [error]", "date-out-of-range"),
    "issued on 9999-12-31": (BASE.replace("2021-12-31", "9999-12-31"), "5:16: [error]",
                             "date-out-of-range"),
}


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: a[0])
@pytest.mark.parametrize("plan,where,code", list(VALUES.values()), ids=list(VALUES))
def test_a_value_that_crashed_is_refused_everywhere(server, tmp_path, argv, plan, where, code):
    root = repo(tmp_path, plan)
    run = server.run(argv, cwd=root)
    clean(run)
    if argv[0] == "check":
        assert run.code == 1
        assert f"plans/a.yaml:{where}" in run.stdout and f"({code})" in run.stdout, run.output
    elif argv[0] == "render":
        assert run.code == 1 and f"({code})" in run.output, run.output
        assert not (root / "out.docx").exists()
    elif where.startswith(("4:", "dia_danh")):
        # text where text belongs: the plan still loads, and the tracker answers (it runs no
        # check; printing the text safely is the output's business)
        assert run.code == 0, run.output
    else:  # the plan does not load: the tracker says why, with the same code
        assert run.code == 1 and f"({code})" in run.output, run.output


@pytest.mark.parametrize("option,value", [("--evidence", "a\vb"), ("--note", "x\x1b[2Ky"),
                                          ("--evidence", "\ufffe")])
def test_done_refuses_an_unprintable_character_and_writes_nothing(server, tmp_path, option,
                                                                  value):
    root = repo(tmp_path, BASE)
    before = (root / "plans" / "a.yaml").read_bytes()
    run = server.run(["done", "t1", "-p", "plans/a.yaml", "-d", "2022-11-10", option, value],
                     cwd=root)
    clean(run)
    assert run.code == 1 and "không in được" in run.stderr, run.output
    assert (root / "plans" / "a.yaml").read_bytes() == before


def test_extend_refuses_an_unprintable_character_and_writes_nothing(server, tmp_path):
    root = repo(tmp_path, BASE)
    before = (root / "plans" / "a.yaml").read_bytes()
    run = server.run(["extend", "t1", "trước ngày 30/12/2022", "-p", "plans/a.yaml",
                      "--by", "Công văn\x1b[1A số 5", "-d", "2022-11-01"], cwd=root)
    clean(run)
    assert run.code == 1 and "U+001B" in run.stderr, run.output
    assert (root / "plans" / "a.yaml").read_bytes() == before


DAYS = ["9999-12-31", "31/12/9999", "0001-01-01", "1899-12-31", "2200-01-01"]


@pytest.mark.parametrize("argv", [*TRACKING, ["deadline", "hằng tháng"]], ids=lambda a: a[0])
@pytest.mark.parametrize("day", DAYS)
def test_an_as_of_day_outside_the_calendar_is_a_usage_error(server, tmp_path, argv, day):
    root = repo(tmp_path, RECURRING)
    run = server.run([*argv, "--as-of", day], cwd=root)
    clean(run)
    assert run.code == 2, run.output
    assert run.stderr.startswith(f"Lỗi: --as-of: ngày “{day}” nằm ngoài khoảng thời gian "
                                 "kehoach tính được (từ năm 1900 đến năm 2199)."), run.output


@pytest.mark.parametrize("argv", [*TRACKING, ["deadline", "trước ngày 5 hằng tháng"]],
                         ids=lambda a: a[0])
@pytest.mark.parametrize("day", ["1900-01-01", "2199-12-31"])
def test_the_calendars_first_and_last_days_are_answered(server, tmp_path, argv, day):
    # a year's horizon past 31/12/2199 must still be a date kehoach can compute
    root = repo(tmp_path, RECURRING.replace("giai_doan: {tu: 2022, den: 2025}\n", ""))
    run = server.run([*argv, "--as-of", day], cwd=root)
    clean(run)
    assert run.code in (0, 1), run.output
    assert "Tính đến ngày" in run.stdout or argv[0] == "deadline", run.output


@pytest.mark.parametrize("within", ["3650000", "9" * 30])
def test_upcoming_within_a_huge_number_of_days(server, tmp_path, within):
    root = repo(tmp_path, RECURRING)
    run = server.run(["upcoming", "--as-of", "2022-01-01", "--within", within], cwd=root)
    clean(run)
    assert run.code == 0 and f"đến hạn trong {within} ngày tới" in run.stdout, run.output


def test_a_done_date_outside_the_calendar_is_a_usage_error(server, tmp_path):
    root = repo(tmp_path, BASE)
    run = server.run(["done", "t1", "-p", "plans/a.yaml", "-d", "1899-12-31"], cwd=root)
    clean(run)
    assert run.code == 2 and "--date" in run.stderr, run.output
