"""kehoach fmt: one canonical form, idempotent, keeps meaning and comments, spares invalid files."""

from __future__ import annotations

import codecs
import os
import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kehoach.edit.fmt import FmtError, format_file, format_paths, format_text, same_data
from kehoach.load.guard import FORBIDDEN
from kehoach.load.parse import parse
from kehoach.yamltext.scalars import FOLD_AT, render
from tests.conftest import DATA, write_repo

FMT = DATA / "fmt"
REPO = Path(__file__).resolve().parent.parent
EXAMPLES = int(os.environ.get("FMT_EXAMPLES", "60"))
"""Examples per property (set FMT_EXAMPLES=1500 for a long run)."""
# Format 2 texts: fmt has nothing to upgrade, only to lay out (upgrades: tests/test_occurrences).
V2 = "phien_ban_dinh_dang: 2\n"
MINI = V2 + "loai: ke_hoach\nco_quan_ban_hanh: [ls.ubnd]\ntrich_yeu: Tổ chức Tháng thanh niên\n"


def load(text: str):
    loaded = parse(text)
    assert not loaded.problems, loaded.problems
    return loaded.data


def current(text: str):
    """The data fmt must write for ``text``: the same, upgraded when of an older format."""
    from kehoach.edit.upgrade import current_data
    from kehoach.load.document import Document, load_text

    doc = load_text(Document(Path("ke-hoach.yaml"), "ke-hoach.yaml"), text.encode("utf-8"))
    return current_data(doc) if doc.plan is not None else load(text)


# --- golden files ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["messy", "co-quan"])
def test_golden(name):
    source = (FMT / f"{name}.yaml").read_text(encoding="utf-8")
    expected = (FMT / f"{name}.expected.yaml").read_text(encoding="utf-8")
    assert format_text(source) == expected
    assert format_text(expected) == expected
    assert same_data(load(expected), current(source))


def test_keys_follow_schema_order_and_comments_move_with_their_key():
    text = ("# modeline\ntrich_yeu: A  # eol\n# about loai\nloai: ke_hoach\nco_quan_ban_hanh: [x]\n"
            + V2)
    assert format_text(text) == (
        "# modeline\n" + V2 + "# about loai\nloai: ke_hoach\nco_quan_ban_hanh: [x]\n"
        "trich_yeu: A  # eol\n"
    )


def test_comment_closing_a_nested_block_stays_in_it():
    text = V2 + (
        "loai: ke_hoach\nco_quan_ban_hanh: [x]\ntrich_yeu: A\nphan:\n  - so: I.\n"
        "    muc:\n      - noi_dung: a\n        # closes the item\n  - so: II.\n"
    )
    assert format_text(text) == text


def test_hash_inside_text_is_not_a_comment():
    text = MINI + 'ghi_chu: "Mục #1 # không phải chú thích"\nmau: |  # header comment\n  x #y\n'
    out = format_text(text)
    assert 'ghi_chu: "Mục #1 # không phải chú thích"' in out
    assert "mau: |  # header comment\n  x #y\n" in out


def test_quotes_only_where_needed():
    text = MINI + "noi_nhan: ['Như trên', 'no', '2024', '1.', '- Lưu: VT.', ' lề']\n"
    out = format_text(text)
    assert (
        'noi_nhan:\n  - Như trên\n  - "no"\n  - "2024"\n  - "1."\n  - "- Lưu: VT."\n  - " lề"\n'
        in out
    )


def test_long_text_is_folded_without_changing_it():
    long = "Tổ chức " + "các hoạt động tình nguyện " * 8 + "trên địa bàn tỉnh."
    out = format_text(MINI + f"mo_dau: {long}\n")
    assert "mo_dau: >-\n  Tổ chức các hoạt động" in out
    assert all(len(line) <= 100 for line in out.splitlines())
    assert load(out)["mo_dau"] == long


def test_long_word_without_spaces_stays_on_one_line():
    url = "https://example.gov.vn/" + "a" * 120
    assert f"mo_dau: {url}\n" in format_text(MINI + f"mo_dau: {url}\n")


def test_crlf_kept_bom_dropped_text_nfc():
    nfd = unicodedata.normalize("NFD", MINI)
    raw = codecs.BOM_UTF8.decode("utf-8") + nfd.replace("\n", "\r\n")
    out = format_text(raw)
    assert out == MINI.replace("\n", "\r\n")


def test_invalid_text_is_refused_with_diagnostics():
    with pytest.raises(FmtError) as info:
        format_text("loai: ke_hoach\ntrich_yeu: [\n")
    assert info.value.diagnostics and info.value.diagnostics[0].code == "yaml-syntax"
    with pytest.raises(FmtError) as info:
        format_text(MINI + "khong_co: 1\n")
    assert "không định dạng lại" in info.value.message_vi


# --- files -------------------------------------------------------------------------------


def test_format_file_check_then_write(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("trich_yeu: A\nloai: ke_hoach\nco_quan_ban_hanh: [x]\n" + V2, encoding="utf-8")
    before = path.read_bytes()
    checked = format_file(path, check_only=True)
    assert checked.changed and not checked.written and path.read_bytes() == before
    written = format_file(path)
    assert written.changed and written.written
    assert (
        path.read_text(encoding="utf-8")
        == V2 + "loai: ke_hoach\nco_quan_ban_hanh: [x]\ntrich_yeu: A\n"
    )
    again = format_file(path, check_only=True)
    assert not again.changed and again.ok
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_invalid_file_is_left_byte_identical(tmp_path):
    path = tmp_path / "a.yaml"
    raw = b"trich_yeu: A\nloai: ke_hoach\nloai: ke_hoach\n"
    path.write_bytes(raw)
    result = format_file(path)
    assert not result.ok and not result.written and path.read_bytes() == raw
    assert "duplicate-key" in {d.code for d in result.diagnostics}


def test_failed_write_keeps_the_original(tmp_path, monkeypatch):
    path = tmp_path / "a.yaml"
    raw = b"trich_yeu: A\nloai: ke_hoach\nco_quan_ban_hanh: [x]\n"
    path.write_bytes(raw)

    def broken(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", broken)
    result = format_file(path)
    assert not result.written and not result.ok
    assert "Không ghi được tệp" in result.diagnostics[-1].message
    assert path.read_bytes() == raw
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_format_paths_defaults_to_the_repository_plans(tmp_path):
    write_repo(
        tmp_path,
        {"a.yaml": "trich_yeu: A\nloai: ke_hoach\nco_quan_ban_hanh: [ls.ubnd]\n", "b.yaml": MINI},
    )
    results = format_paths([], check_only=True, cwd=tmp_path)
    changed = {r.display: r.changed for r in results}
    assert changed == {"plans/a.yaml": True, "plans/b.yaml": False, "plans/co-quan.yaml": False}


@pytest.mark.parametrize("workers", [False, True])
def test_format_paths_check_on_every_core_says_what_one_process_says(tmp_path, monkeypatch,
                                                                     workers):
    """``fmt --check`` of a large repository runs in worker processes: the same verdicts, in
    the same order, with the same diagnostics (an invalid plan) as in one process."""
    from kehoach.fs import parallel

    if workers:
        monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)
        monkeypatch.setenv("KEHOACH_JOBS", "2")
    write_repo(tmp_path, {"a.yaml": "trich_yeu: A\nloai: ke_hoach\nco_quan_ban_hanh: [ls.ubnd]\n",
                          "b.yaml": MINI, "c.yaml": "loai: [\n", "d.yaml": MINI})
    results = format_paths([], check_only=True, cwd=tmp_path)
    assert [(r.display, r.changed, [d.code for d in r.diagnostics]) for r in results] == [
        ("plans/a.yaml", True, []), ("plans/b.yaml", False, []),
        ("plans/c.yaml", False, ["yaml-syntax"]), ("plans/co-quan.yaml", False, []),
        ("plans/d.yaml", False, [])]


# --- real plans ----------------------------------------------------------------------------


def _real_plans() -> list[Path]:
    return sorted((REPO / "plans").glob("**/*.yaml")) + sorted(FMT.glob("*.yaml"))


@pytest.mark.parametrize("path", _real_plans(), ids=lambda p: p.name)
def test_real_plans_round_trip(path):
    source = path.read_text(encoding="utf-8")
    try:
        once = format_text(source)
    except FmtError:
        pytest.skip("tệp không hợp lệ")
    assert format_text(once) == once
    assert same_data(load(once), current(source))


@pytest.mark.parametrize("path", sorted((REPO / "plans").glob("**/*.yaml")), ids=lambda p: p.name)
def test_the_repository_plans_are_canonical(path):
    """What `make demo` and the pre-commit hook enforce: plans/ is already `kehoach fmt`-ed."""
    source = path.read_text(encoding="utf-8")
    assert format_text(source) == source


def test_generated_corpus_round_trips(tmp_path):
    from bench.corpus import write_corpus

    write_corpus(tmp_path, 2, tasks=40, seed=7)
    files = sorted(tmp_path.glob("plans/**/*.yaml"))
    assert len(files) == 3
    for path in files:
        source = path.read_text(encoding="utf-8")
        once = format_text(source)
        assert format_text(once) == once
        assert same_data(load(once), current(source))


# --- properties ----------------------------------------------------------------------------

ALPHABET = st.sampled_from(
    [*"aăâbcdđeêghiklmnoôơpqrstuưvxyAĐƠ0123456789 .,;:-#'\"*[]{}()!?&|>%@`/\\~=<+_",
     "ệ", "ữ", "ỹ", " ", "  ", "\t", "\n", "\r", "\x07", "\x85", "\u2028", "\ufeff", "😀"]
)
TEXT = (
    st.lists(ALPHABET, min_size=1, max_size=60)
    .map("".join)
    .map(lambda s: unicodedata.normalize("NFC", s))
)
LONG = st.lists(
    st.sampled_from(["Tổ chức", "các", "hoạt động", "  ", " ", "#", "x:"]), min_size=20, max_size=60
).map(" ".join)


@given(st.one_of(TEXT, LONG), st.one_of(st.none(), st.integers(3, 120)))
@settings(max_examples=EXAMPLES * 5)
def test_every_scalar_style_gives_the_text_back(text, column):
    scalar = render(text) if column is None else render(text, column, 2)
    block = "".join(f"\n  {line}" if line else "\n" for line in scalar.lines)
    doc = f"k: {scalar.head}{block}\n".replace(": \n", ":\n")
    loaded = parse(doc)
    assert loaded.data == {"k": text}
    # An escaped control character reads back, and is refused as plan text (load.guard).
    refused = ["control-character"] if FORBIDDEN.search(text) else []
    assert [p.code for p in loaded.problems] == refused, loaded.problems
    from ruamel.yaml import YAML  # YAML 1.2, as editors read it

    assert YAML(typ="safe", pure=True).load(doc) == {"k": text}
    if column is None and len(text) <= FOLD_AT and "\n" not in text:
        assert not scalar.lines
    if column is not None and scalar.head == ">-":
        assert column + len(text) > 100 and all(len(line) <= 98 for line in scalar.lines[:-1])


def _item(depth: int):
    task = st.fixed_dictionaries(
        {
            "id": st.from_regex(r"[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4}){0,2}", fullmatch=True),
            "thoi_han": TEXT,
        },
        optional={
            "phoi_hop": st.lists(st.sampled_from(["ls.snv", "ls.tinh-doan"]), max_size=2),
            "ghi_chu": TEXT,
        },
    )
    base = {"noi_dung": st.one_of(TEXT, LONG)}
    optional = {
        "so": st.sampled_from(["I.", "1.", "-", "+", "a)", "1.1.", "*", "đ)"]),
        "nhiem_vu": st.lists(task, max_size=2),
    }
    if depth:
        optional["muc"] = st.lists(_item(depth - 1), max_size=3)
    return st.fixed_dictionaries(base, optional=optional)


PLANS = st.fixed_dictionaries(
    {"loai": st.just("ke_hoach"), "co_quan_ban_hanh": st.just(["ls.ubnd"]), "trich_yeu": TEXT},
    optional={
        "ngay_ban_hanh": st.dates(),
        "phan": st.lists(_item(2), max_size=3),
        "noi_nhan": st.lists(TEXT, max_size=3),
        "ghi_chu": st.one_of(TEXT, LONG),
        "giai_doan": st.fixed_dictionaries(
            {"tu": st.integers(2000, 2030), "den": st.integers(2000, 2030)}
        ),
    },
)


def _valid(source: str) -> bool:
    """PyYAML writes some text plain that kehoach refuses (``n``): such input is skipped."""
    from kehoach.load.document import Document, load_text

    doc = load_text(Document(Path("a.yaml"), "a.yaml"), source.encode("utf-8"))
    return not any(d.is_error for d in doc.diagnostics)


def _dump(data, sort_keys: bool, flow: bool | None, width: int) -> str:
    return yaml.safe_dump(
        data, allow_unicode=True, sort_keys=sort_keys, default_flow_style=flow, width=width
    )


@given(PLANS, st.booleans(), st.sampled_from([None, False, True]), st.sampled_from([20, 80, 4096]))
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_fmt_keeps_meaning_and_is_idempotent(data, sort_keys, flow, width):
    source = _dump(data, sort_keys, flow, width)
    assume(_valid(source))
    once = format_text(source)
    assert same_data(load(once), current(source))
    assert format_text(once) == once


def _single_line(data):
    if isinstance(data, dict):
        return {k: _single_line(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_single_line(v) for v in data]
    if isinstance(data, str):
        return (
            data.replace("\n", " ").replace("\r", " ").replace("\x85", " ").replace("\u2028", " ")
            or "x"
        )
    return data


@given(PLANS, st.booleans(), st.sampled_from([None, False]), st.data())
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_comments_survive(data, sort_keys, flow, draw):
    lines = _dump(_single_line(data), sort_keys, flow, 10**6).splitlines()
    out, marks = [], []
    for i, line in enumerate(lines):
        where = draw.draw(st.sampled_from(["none", "none", "above", "end", "blank"]))
        mark = f"# c{i} ghi chú"
        if where == "above":  # at the line's indentation, or off it either way
            shift = draw.draw(st.sampled_from([0, 0, -2, 2, 4, 6]))
            out.append(" " * max(0, len(line) - len(line.lstrip()) + shift) + mark)
            marks.append(mark)
        elif where == "blank":
            out.append("")
        out.append(line + (f"  {mark}" if where == "end" else ""))
        if where == "end":
            marks.append(mark)
    source = "\n".join(out) + "\n"
    assume(_valid(source))
    once = format_text(source)
    for mark in marks:
        assert once.count(mark) == 1, mark
    assert same_data(load(once), current(source))
    assert format_text(once) == once
