"""kehoach.load: the file, its YAML and its format, each problem at its exact position."""

from __future__ import annotations

import codecs

import pytest

from kehoach.load.document import load_document
from kehoach.load.source import MAX_BYTES, MAX_DEPTH, MAX_LINE
from tests.check.conftest import BASE

UTF8 = BASE.encode("utf-8")

FILES = {
    "a file over the size limit": (
        b"loai: ke_hoach\n#" + b"#" * MAX_BYTES + b"\n", [(1, 1, "file-too-large")],
    ),
    "UTF-16 with its mark": (BASE.encode("utf-16"), [(1, 1, "encoding-utf16")]),
    "UTF-16 without its mark": (BASE.encode("utf-16-le"), [(1, 1, "encoding-utf16")]),
    "UTF-32": (BASE.encode("utf-32"), [(1, 1, "encoding-utf16")]),
    "UTF-8 with its mark": (codecs.BOM_UTF8 + UTF8, []),
    "TCVN3": (
        UTF8.replace("Lạng Sơn".encode(), b"L\xb9ng S\xacn"), [(4, 12, "encoding-legacy")],
    ),
    "a NUL byte": (UTF8.replace(b"dia_danh", b"dia\x00danh"), [(4, 4, "binary-file")]),
    "a line over the limit": (
        UTF8 + b"ghi_chu: " + b"x" * MAX_LINE + b"\n", [(26, 1, "line-too-long")],
    ),
    "brackets nested too deep": (
        UTF8 + b"ghi_chu: " + b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1) + b"\n",
        [(26, 110, "nesting-too-deep")],
    ),
    "nothing": (b"", [(1, 1, "empty-file")]),
    "only a comment": (b"# yaml-language-server: $schema=../kehoach.schema.json\n",
                       [(1, 1, "empty-file")]),
    "a list": (b"- loai: ke_hoach\n  trich_yeu: X\n", [(1, 1, "not-a-mapping")]),
    "a single value": ("kế hoạch\n".encode(), [(1, 1, "not-a-mapping")]),
}

YAML = {
    "a colon in plain text": (
        BASE.replace("trich_yeu: Thực hiện", "trich_yeu: Kế hoạch: thực hiện"),
        [(6, 20, "yaml-syntax")],
    ),
    "a tab as indentation": (BASE.replace("  - so: I.", "\t- so: I."), [(13, 1, "yaml-syntax")]),
    "a control character": (BASE.replace("Lạng Sơn", "Lạng\x07Sơn"), [(4, 15, "yaml-syntax")]),
    "a key twice": (
        BASE.replace("dia_danh: Lạng Sơn\n", "dia_danh: Lạng Sơn\ndia_danh: Cao Lộc\n"),
        [(5, 1, "duplicate-key")],
    ),
    "no read as false": (
        BASE.replace("loai: ke_hoach\n", "loai: ke_hoach\ndu_thao: no\n"),
        [(2, 10, "yaml11-surprise")],
    ),
    "010 read as octal": (BASE.replace('so: "1."', "so: 010"), [(16, 13, "yaml11-surprise")]),
    "a date and time": (
        BASE.replace("ngay_ban_hanh: 2021-12-31", "ngay_ban_hanh: 2021-12-31 08:00"),
        [(5, 16, "yaml11-surprise")],
    ),
    "a Python object tag": (
        BASE.replace("trich_yeu: Thực hiện",
                     'trich_yeu: !!python/object/apply:os.system ["echo"]\nghi_chu: Thực hiện'),
        [(6, 12, "yaml-tag")],
    ),
    "a standard tag its value does not fit": (
        BASE.replace("dia_danh: Lạng Sơn", 'dia_danh: !!int "Lạng Sơn"'), [(4, 11, "yaml-tag")],
    ),
    "an anchor and its alias": (
        BASE.replace("chu_tri: ls.snv", "chu_tri: &snv [ls.snv]\n            phoi_hop: *snv"),
        [(20, 22, "yaml-alias")],
    ),
    "a list as key": (
        BASE.replace("dia_danh: Lạng Sơn\n", "dia_danh: Lạng Sơn\n? [a, b]\n: c\n"),
        [(5, 3, "yaml-key")],
    ),
    "30 February": (
        BASE.replace("ngay_ban_hanh: 2021-12-31", "ngay_ban_hanh: 2021-02-30"),
        [(5, 16, "invalid-date")],
    ),
}

FORMAT = {
    "a misspelt key": (
        BASE.replace("trich_yeu:", "trich_yue:"), [(6, 1, "unknown-key"), (1, 1, "missing-field")],
    ),
    "a required field missing": (
        BASE.replace("trich_yeu: Thực hiện Chương trình phát triển thanh niên\n", ""),
        [(1, 1, "missing-field")],
    ),
    "a number for text": (
        BASE.replace("dia_danh: Lạng Sơn", "dia_danh: 12"), [(4, 11, "wrong-type")],
    ),
    "a date written as text": (
        BASE.replace("ngay_ban_hanh: 2021-12-31", "ngay_ban_hanh: 31/12/2021"),
        [(5, 16, "wrong-type")],
    ),
    "a document type that does not exist": (
        BASE.replace("loai: ke_hoach", "loai: ke-hoach"), [(1, 7, "invalid-value")],
    ),
    "an id with capitals and spaces": (
        BASE.replace("id: t1", "id: Nhiệm vụ 1"), [(19, 17, "invalid-value")],
    ),
}

CASES = {**FILES, **YAML, **FORMAT}


@pytest.mark.parametrize("text,expected", list(CASES.values()), ids=list(CASES))
def test_load(assert_diagnostics, text, expected):
    assert_diagnostics(text, expected)


def test_a_registry_under_another_name(assert_diagnostics):
    registry = "co_quan:\n  - id: ls.snv\n    ten: Sở Nội vụ tỉnh Lạng Sơn\n"
    assert_diagnostics(registry, [(1, 1, "registry-name")], name="danh-muc.yaml")


def test_a_file_that_cannot_be_read(tmp_path):
    doc = load_document(tmp_path / "khong-co.yaml")
    assert [(d.line, d.column, d.code) for d in doc.diagnostics] == [(1, 1, "io-error")]
