"""Encodings and line ends through `fmt`, `done`/`undone`/`extend` and `render`.

`check` is covered in ``test_loader.py``. The rules these tests pin down (docs/guarantees.md):

- line ends: `done`/`undone`/`extend` write their lines with the file's own line end (CRLF
  when the file has any CRLF) and leave every other byte alone; `fmt` writes one line end for
  the whole file — CRLF when the file had any, else LF (a lone CR, old Mac style, becomes LF).
  `done` refuses a file with lone CRs and says to run `fmt` first;
- BOM: `done` and friends keep it (they change only the record's lines); `fmt` drops it, as
  it normalises everything else (so `fmt --check` reports a file that differs only by a BOM);
- Unicode: the loader gives NFC data whatever the file holds (NFD, escapes); `fmt` writes NFC;
  `done` leaves the author's other lines as they are;
- tabs in indentation are refused with the tab's own line and column, by every command, and
  the file is not rewritten; tabs elsewhere (after ``key:``, inside text) are fine;
- a legacy Vietnamese encoding (TCVN3, VNI, Windows-1258) is refused with its position.
"""

from __future__ import annotations

import codecs
import datetime as dt
import unicodedata
import zipfile
from pathlib import Path

import pytest
from forkrun import REGISTRY, ForkServer, plan_text

from kehoach.edit.extensions import extend
from kehoach.edit.fmt import format_file, format_text, same_data
from kehoach.edit.records import EditError, record_done, withdraw_done
from kehoach.edit.upgrade import current_data
from kehoach.load.document import load_document

DAY = dt.date(2024, 3, 20)
BOM = codecs.BOM_UTF8
PLAN = plan_text()


@pytest.fixture(scope="module")
def server():
    with ForkServer() as fs:
        yield fs


@pytest.fixture
def repo(tmp_path):
    (tmp_path / "plans").mkdir()
    (tmp_path / "kehoach.toml").write_text("", encoding="utf-8")
    (tmp_path / "plans" / "co-quan.yaml").write_text(REGISTRY, encoding="utf-8")

    def make(raw: bytes) -> Path:
        path = tmp_path / "plans" / "a.yaml"
        path.write_bytes(raw)
        return path

    return make


def data_of(path: Path):
    doc = load_document(path)
    assert not [d for d in doc.diagnostics if d.is_error], doc.diagnostics
    return doc.data


def line_ends(raw: bytes) -> tuple[int, int, int]:
    """(CRLF, lone LF, lone CR) counts."""
    crlf = raw.count(b"\r\n")
    return crlf, raw.count(b"\n") - crlf, raw.count(b"\r") - crlf


def docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


# --- line ends ------------------------------------------------------------------------------


def test_crlf_stays_crlf_through_done_undone_extend_and_fmt(repo):
    raw = PLAN.replace("\n", "\r\n").encode("utf-8")
    path = repo(raw)
    record_done(path, "t1", date=DAY)
    after = path.read_bytes()
    assert line_ends(after) == (raw.count(b"\r\n") + 2, 0, 0)
    assert data_of(path)["phan"][0]["muc"][0]["nhiem_vu"][0]["hoan_thanh"] == [
        {"ngay_hoan_thanh": DAY}]
    withdraw_done(path, "t1")
    assert path.read_bytes() == raw  # byte for byte
    extend(path, "t1", "trước ngày 30/4/2024", "Công văn số 5/UBND-VX", DAY)
    assert line_ends(path.read_bytes())[1:] == (0, 0)
    format_file(path)
    assert line_ends(path.read_bytes())[1:] == (0, 0)


def test_mixed_line_ends(repo):
    lines = PLAN.splitlines(keepends=True)
    mixed = "".join(ln.replace("\n", "\r\n") if i % 2 else ln for i, ln in enumerate(lines))
    raw = mixed.encode("utf-8")
    path = repo(raw)
    record_done(path, "t1", date=DAY)
    after = path.read_bytes()
    added = [ln for ln in after.splitlines(keepends=True) if b"hoan_thanh" in ln]
    assert added and all(ln.endswith(b"\r\n") for ln in added)  # the file has CRLF: CRLF
    assert after.replace(b"            hoan_thanh:\r\n", b"").replace(
        b"              - ngay_hoan_thanh: 2024-03-20\r\n", b"") == raw
    path.write_bytes(raw)
    assert format_file(path).written
    assert line_ends(path.read_bytes())[1:] == (0, 0)  # fmt: one line end, CRLF


def test_lone_cr_line_ends(repo):
    plan = PLAN.replace("trich_yeu:", "phien_ban_dinh_dang: 2\ntrich_yeu:", 1)  # no upgrade
    raw = plan.replace("\n", "\r").encode("utf-8")
    path = repo(raw)
    data = data_of(path)  # YAML reads a lone CR as a line end: the plan is valid
    with pytest.raises(EditError, match=r"ký tự CR đơn lẻ.*kehoach fmt") as info:
        record_done(path, "t1", date=DAY)
    assert "a.yaml" in info.value.message_vi
    assert path.read_bytes() == raw
    assert format_file(path).written
    assert line_ends(path.read_bytes()) == (0, plan.count("\n"), 0)
    assert same_data(data_of(path), data)
    record_done(path, "t1", date=DAY)  # after fmt, done works


# --- BOM --------------------------------------------------------------------------------


def test_bom_kept_by_done_dropped_by_fmt(repo):
    raw = BOM + PLAN.encode("utf-8")
    path = repo(raw)
    record_done(path, "t1", date=DAY)
    after = path.read_bytes()
    assert after.startswith(BOM) and after.count(BOM) == 1
    withdraw_done(path, "t1")
    assert path.read_bytes() == raw
    formatted_without_bom = format_text(PLAN).encode("utf-8")
    check = format_file(path, check_only=True)
    assert check.changed and not check.written and path.read_bytes() == raw
    assert format_file(path).written
    assert path.read_bytes() == formatted_without_bom
    assert not format_file(path, check_only=True).changed


def test_bom_crlf_and_nfd_together(repo):
    raw = BOM + unicodedata.normalize("NFD", PLAN).replace("\n", "\r\n").encode("utf-8")
    path = repo(raw)
    record_done(path, "t1", date=DAY)
    after = path.read_bytes()
    assert after.startswith(BOM) and line_ends(after)[1:] == (0, 0)
    assert data_of(path)["trich_yeu"] == "Tổ chức Tháng thanh niên năm 2024"
    format_file(path)
    out = path.read_bytes()
    assert not out.startswith(BOM) and line_ends(out)[1:] == (0, 0)
    assert unicodedata.is_normalized("NFC", out.decode("utf-8"))


# --- Unicode normalisation --------------------------------------------------------------


def test_nfd_is_normalised_by_fmt_and_left_alone_by_done(repo):
    nfd = unicodedata.normalize("NFD", PLAN)
    assert nfd != PLAN
    raw = nfd.encode("utf-8")
    path = repo(raw)
    record_done(path, "t1", date=DAY)
    after = path.read_bytes().decode("utf-8")
    record_lines = "            hoan_thanh:\n              - ngay_hoan_thanh: 2024-03-20\n"
    assert after.replace(record_lines, "") == nfd  # the author's lines are untouched
    assert data_of(path)["dia_danh"] == "Lạng Sơn"  # read as NFC
    path.write_bytes(raw)
    assert format_file(path).written
    out = path.read_bytes().decode("utf-8")
    assert unicodedata.is_normalized("NFC", out)
    assert out == format_text(PLAN)


def test_escaped_combining_marks_read_as_nfc(repo):
    # "\u0300" is a combining grave accent: the source is ASCII, the text is not NFC
    path = repo(PLAN.replace("dia_danh: Lạng Sơn", 'dia_danh: "La\\u0300ng Sơn"').encode())
    assert data_of(path)["dia_danh"] == "Làng Sơn"
    assert format_file(path).written  # before the fix: refused as an internal error
    assert data_of(path)["dia_danh"] == "Làng Sơn"


def test_render_reads_bom_crlf_and_nfd(server, repo, tmp_path):
    raw = BOM + unicodedata.normalize("NFD", PLAN).replace("\n", "\r\n").encode("utf-8")
    repo(raw)
    run = server.run(["render", "plans/a.yaml", "-o", "a.docx"], cwd=tmp_path)
    assert run.code == 0, run.output
    xml = docx_text(tmp_path / "a.docx")
    assert "Tổ chức Tháng thanh niên năm 2024" in xml
    assert "\r" not in xml and "\ufeff" not in xml
    assert unicodedata.is_normalized("NFC", xml)


# --- tabs ---------------------------------------------------------------------------------

ITEM_LINE = '      - so: "1."'
TABBED = {  # variant -> (text, line, column of the tab)
    "tab indent": (PLAN.replace(ITEM_LINE, '\t  - so: "1."'), 12, 1),
    "spaces then tab": (PLAN.replace(ITEM_LINE, '  \t    - so: "1."'), 12, 3),
    "tab after dash": (PLAN.replace(ITEM_LINE, '      -\tso: "1."'), 12, 8),
    "tab in a block scalar": (PLAN.replace("dia_danh: Lạng Sơn", "dia_danh: |\n  Lạng\n\tSơn"),
                              8, 1),
}


@pytest.mark.parametrize("text,line,col", list(TABBED.values()), ids=list(TABBED))
def test_tab_indentation_is_refused_where_it_is(server, repo, tmp_path, text, line, col):
    assert text != PLAN
    raw = text.encode("utf-8")
    path = repo(raw)
    result = format_file(path)
    assert not result.written and path.read_bytes() == raw
    first = result.diagnostics[0]
    assert (first.line, first.column, first.code) == (line, col, "yaml-syntax"), first
    assert "tab" in first.message
    with pytest.raises(EditError) as info:
        record_done(path, "t1", date=DAY)
    assert [(d.line, d.column) for d in info.value.diagnostics][:1] == [(line, col)]
    assert path.read_bytes() == raw
    run = server.run(["render", "plans/a.yaml", "-o", "a.docx"], cwd=tmp_path)
    assert run.code == 1, run.output
    assert f"plans/a.yaml:{line}:{col}: [error]" in run.stderr, run.stderr
    assert "Traceback" not in run.output and not (tmp_path / "a.docx").exists()
    assert path.read_bytes() == raw


@pytest.mark.parametrize("old,new", [
    ("dia_danh: Lạng Sơn", "dia_danh:\tLạng Sơn"),
    ("dia_danh: Lạng Sơn", "dia_danh: Lạng Sơn\t"),
    ("dia_danh: Lạng Sơn", 'dia_danh: "Lạng\tSơn"'),
], ids=["after the colon", "trailing", "inside quoted text"])
def test_tabs_outside_indentation_are_fine(repo, old, new):
    raw = PLAN.replace(old, new).encode("utf-8")
    path = repo(raw)
    data = current_data(load_document(path))  # fmt also upgrades the format
    record_done(path, "t1", date=DAY)
    path.write_bytes(raw)
    format_file(path)
    assert same_data(data_of(path), data)


# --- control characters and legacy encodings ----------------------------------------------


def test_control_character_diagnostic_has_its_position(repo):
    path = repo(PLAN.replace("dia_danh: Lạng Sơn", "dia_danh: Lạng\x07Sơn").encode("utf-8"))
    diags = load_document(path).diagnostics
    assert [(d.line, d.column, d.code) for d in diags] == [(6, 15, "yaml-syntax")]
    assert "U+0007" in diags[0].message and "\n" not in diags[0].message
    result = format_file(path)
    assert not result.written and (result.diagnostics[0].line, result.diagnostics[0].column) == (
        6, 15)


def test_legacy_encoding_is_refused_with_its_position(server, repo, tmp_path):
    # TCVN3 (ABC) bytes for "Lạng Sơn" on line 6
    raw = PLAN.encode("utf-8").replace("Lạng Sơn".encode(), b"L\xb9ng S\xa5n")
    path = repo(raw)
    result = format_file(path)
    assert not result.written and path.read_bytes() == raw
    assert (result.diagnostics[0].line, result.diagnostics[0].code) == (6, "encoding-legacy")
    with pytest.raises(EditError):
        record_done(path, "t1", date=DAY)
    run = server.run(["render", "plans/a.yaml", "-o", "a.docx"], cwd=tmp_path)
    assert run.code == 1 and "plans/a.yaml:6:12: [error]" in run.stderr, run.output
    assert path.read_bytes() == raw
