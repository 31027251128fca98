"""A repository's configuration (kehoach.toml) and suppression comments, at exact positions."""

from __future__ import annotations

import pytest

from kehoach.check.checker import check_paths
from kehoach.diagnostics.diagnostic import Severity
from kehoach.edit.fmt import format_text
from tests.check.conftest import BASE
from tests.conftest import write_repo

# BASE with a task deadline that is not in the item's text: one deadline-not-in-text warning.
UNSAID = BASE.replace("thoi_han: trước ngày 15/11/2022", "thoi_han: trước ngày 20/11/2022")
UNSAID_LINE = 21  # the line of ``thoi_han`` in UNSAID


def _check(tmp_path, plan: str, toml: str | None = None) -> list[tuple[int, int, str, str]]:
    root = write_repo(tmp_path, {"a.yaml": plan})
    if toml is not None:
        (root / "kehoach.toml").write_text(toml, encoding="utf-8")
    result = check_paths([root / "plans" / "a.yaml"], cwd=root)
    return [(d.path, d.line, d.column, d.code, d.severity.value) for d in result.diagnostics]


def _positions(tmp_path, plan: str, toml: str | None = None) -> list[tuple[int, int, str]]:
    return [(line, col, code) for _, line, col, code, _ in _check(tmp_path, plan, toml)]


def test_the_unsaid_deadline_is_reported_without_configuration(tmp_path):
    assert _positions(tmp_path, UNSAID) == [(UNSAID_LINE, 23, "deadline-not-in-text")]


def test_a_code_switched_off(tmp_path):
    toml = '[kiem_tra]\ntat = ["deadline-not-in-text"]\n'
    assert _positions(tmp_path, UNSAID, toml) == []


def test_a_code_raised_to_an_error(tmp_path):
    toml = '[kiem_tra]\nloi = ["deadline-not-in-text"]\n'
    [(_, _, _, code, severity)] = _check(tmp_path, UNSAID, toml)
    assert (code, severity) == ("deadline-not-in-text", Severity.ERROR.value)


def test_a_broken_configuration_is_reported_and_not_applied(tmp_path):
    toml = '[kiem_tra]\ntat = [deadline-not-in-text]\n'
    assert _positions(tmp_path, UNSAID, toml) == [
        (2, 8, "config-syntax"), (UNSAID_LINE, 23, "deadline-not-in-text")]


@pytest.mark.parametrize(("toml", "expected"), [
    ('[kiem_tra]\ntat_ma = ["footnote-unused"]\n', [(2, 1, "config-unknown-key")]),
    ('[kho]\ntinh = "ls"\n[khoo]\na = 1\n', [(3, 1, "config-unknown-key")]),
    ('[kiem_tra]\ntat = "footnote-unused"\n', [(2, 1, "config-value")]),
    ('[kho]\ntinh = ["ls"]\n', [(2, 1, "config-value")]),
    ('[kiem_tra]\ncanh_bao = ["task-no-leed"]\n', [(2, 13, "config-unknown-code")]),
    ('[kiem_tra]\n\ntat = ["nesting-too-deep"]\n', [(3, 8, "config-security")]),
])
def test_configuration_problems_at_their_position(tmp_path, toml, expected):
    assert _positions(tmp_path, BASE, toml) == expected


def test_configuration_problems_name_the_file_and_suggest(tmp_path):
    [(path, *_)] = _check(tmp_path, BASE, '[kiem_tra]\ntat_ma = ["footnote-unused"]\n')
    assert path == "kehoach.toml"
    from kehoach.load.config import parse_config

    [problem] = parse_config('[kiem_tra]\ntat_ma = ["footnote-unused"]\n').diagnostics
    assert problem.message == "Mục [kiem_tra] không có khóa “tat_ma”. Có phải “tat”?"


def test_the_configuration_reads_the_province_and_the_sender():
    from kehoach.load.config import parse_config

    config = parse_config('[kho]\ntinh = "lang-son"\n[cong_van]\nco_quan = "lang-son.so-noi-vu"'
                          '\nnguoi_ky = "Nguyễn Văn A"\nnoi_nhan = ["- Như trên;", "- Lưu: VT."]\n')
    assert config.province == "lang-son"
    assert (config.sender.co_quan, config.sender.nguoi_ky) == ("lang-son.so-noi-vu",
                                                               "Nguyễn Văn A")
    assert config.sender.noi_nhan == ("- Như trên;", "- Lưu: VT.")
    assert config.diagnostics == ()


def test_an_end_of_line_suppression(tmp_path):
    plan = UNSAID.replace("trước ngày 20/11/2022\n",
                          "trước ngày 20/11/2022  # kehoach: bo-qua deadline-not-in-text\n")
    assert _positions(tmp_path, plan) == []


def test_a_suppression_on_the_line_above(tmp_path):
    plan = UNSAID.replace("            thoi_han: trước ngày 20/11/2022\n",
                          "            # kehoach: bo-qua deadline-not-in-text, task-no-lead\n"
                          "            thoi_han: trước ngày 20/11/2022\n")
    assert _positions(tmp_path, plan) == []


def test_a_suppression_covers_only_its_line_and_code(tmp_path):
    plan = UNSAID.replace("trước ngày 20/11/2022\n",
                          "trước ngày 20/11/2022  # kehoach: bo-qua footnote-unused\n")
    assert _positions(tmp_path, plan) == [(UNSAID_LINE, 23, "deadline-not-in-text")]


def test_a_suppression_of_an_unknown_code(tmp_path):
    plan = UNSAID.replace("trước ngày 20/11/2022\n",
                          "trước ngày 20/11/2022  # kehoach: bo-qua deadline-not-in-txt\n")
    assert _positions(tmp_path, plan) == [(21, 23, "deadline-not-in-text"),
                                          (21, 46, "suppress-unknown-code")]


def test_a_security_code_cannot_be_suppressed(tmp_path):
    plan = BASE.replace("dia_danh: Lạng Sơn\n",
                        "dia_danh: Lạng Sơn\ndia_danh: Lạng Sơn  # kehoach: bo-qua duplicate-key\n")
    assert _positions(tmp_path, plan) == [(5, 1, "duplicate-key"), (5, 21, "suppress-security")]


def test_fmt_keeps_suppression_comments(tmp_path):
    plan = UNSAID.replace("            thoi_han: trước ngày 20/11/2022\n",
                          "            # kehoach: bo-qua task-no-lead\n"
                          "            thoi_han: trước ngày 20/11/2022  # kehoach: bo-qua "
                          "deadline-not-in-text\n")
    formatted = format_text(plan)
    assert "            # kehoach: bo-qua task-no-lead\n" in formatted
    assert "trước ngày 20/11/2022  # kehoach: bo-qua deadline-not-in-text\n" in formatted
