"""The loader: encodings, YAML traps and hostile shapes become positioned diagnostics."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest

from kehoach.load.document import load_document
from kehoach.load.source import MAX_BYTES, MAX_DEPTH

PLAN = "loai: ke_hoach\nco_quan_ban_hanh: [ls.ubnd]\ntrich_yeu: Tổ chức Tháng thanh niên\n"


def codes(tmp_path: Path, raw: bytes, name: str = "a.yaml") -> list[tuple[int, int, str]]:
    path = tmp_path / name
    path.write_bytes(raw)
    doc = load_document(path)
    return [(d.line, d.column, d.code) for d in doc.diagnostics]


def test_utf8_with_bom_is_fine(tmp_path):
    assert codes(tmp_path, codecs.BOM_UTF8 + PLAN.encode()) == []


def test_crlf_line_endings_are_fine(tmp_path):
    assert codes(tmp_path, PLAN.replace("\n", "\r\n").encode()) == []


def test_nfd_text_is_normalised_to_nfc(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_bytes(unicodedata.normalize("NFD", PLAN).encode())
    doc = load_document(path)
    assert doc.plan is not None
    assert doc.plan.trich_yeu == "Tổ chức Tháng thanh niên"
    assert unicodedata.is_normalized("NFC", doc.plan.trich_yeu)


@pytest.mark.parametrize(
    "raw,code",
    [
        (PLAN.encode("utf-16"), "encoding-utf16"),
        (PLAN.encode("utf-16-le"), "encoding-utf16"),
        (b"trich_yeu: K\xea\xec ho\x61\xf2ch\n", "encoding-legacy"),
        # TCVN3 (ABC) bytes for "Kế hoạch": K\xd5 ho\xb9ch
        (b"trich_yeu: K\xd5 ho\xb9ch\n", "encoding-legacy"),
        # VNI-Windows: base letters followed by tone bytes
        (b"trich_yeu: Ke\xe1 hoa\xefch\n", "encoding-legacy"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary-file"),
        (b"loai: ke_hoach\x00\n", "binary-file"),
        (b"", "empty-file"),
        (b"# only a comment\n", "empty-file"),
        (b"- a\n- b\n", "not-a-mapping"),
        (b"just text\n", "not-a-mapping"),
        (b"a: [1, 2\n", "yaml-syntax"),
        (b"a: b: c\n", "yaml-syntax"),
        (b"a:\n\tb: 1\n", "yaml-syntax"),
        (b"a: !!python/object/apply:os.system ['echo hacked']\n", "yaml-tag"),
        (b"a: !custom x\n", "yaml-tag"),
        # The converter's own mark for plain scalars, written as a tag on a collection.
        (b"a: !<?plain> [1, 2]\n", "yaml-tag"),
        (b"a: !<?plain> {b: 1}\n", "yaml-tag"),
    ],
)
def test_broken_files_get_one_clear_diagnostic(tmp_path, raw, code):
    found = codes(tmp_path, raw)
    assert found, "expected a diagnostic"
    assert found[0][2] == code


def test_legacy_encoding_message_names_the_encoding(tmp_path):
    path = tmp_path / "a.yaml"
    for raw, name in (
        (b"trich_yeu: K\xea\xec ho\x61\xf2ch\n", "Windows-1258"),
        (b"trich_yeu: K\xd5 ho\xb9ch\n", "TCVN3"),
        (b"trich_yeu: Ke\xe1 hoa\xefch\n", "VNI"),
    ):
        path.write_bytes(raw)
        msg = load_document(path).diagnostics[0].message
        assert name in msg and "UTF-8" in msg


def test_python_tags_never_run(tmp_path):
    marker = tmp_path / "ran"
    raw = f"a: !!python/object/apply:os.system ['touch {marker}']\n".encode()
    codes(tmp_path, raw)
    assert not marker.exists()


def test_alias_bomb_is_refused(tmp_path):
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        ref = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{ref}]")
    found = codes(tmp_path, ("\n".join(lines) + "\n").encode())
    assert {c for _, _, c in found} >= {"yaml-alias"}


def test_nesting_is_refused_before_libyaml(tmp_path):
    raw = b"a: " + b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1) + b"\n"
    assert codes(tmp_path, raw) == [(1, MAX_DEPTH + 4, "nesting-too-deep")]


def test_compact_sequence_chains_are_refused(tmp_path):
    raw = b"a:\n  " + b"- " * MAX_DEPTH + b"x\n"
    assert codes(tmp_path, raw)[0][2] == "nesting-too-deep"


def test_deep_block_indentation_is_refused(tmp_path):
    raw = b"".join(b" " * (2 * i) + b"k:\n" for i in range(MAX_DEPTH * 3))
    assert codes(tmp_path, raw)[0][2] == "nesting-too-deep"


def test_oversized_file_is_refused(tmp_path):
    raw = b"a: " + b"x" * MAX_BYTES
    assert codes(tmp_path, raw) == [(1, 1, "file-too-large")]


def test_normal_nesting_is_accepted(tmp_path):
    raw = b"a: " + b"[" * 20 + b"]" * 20 + b"\n"
    assert "nesting-too-deep" not in {c for _, _, c in codes(tmp_path, raw)}


def test_brackets_in_prose_do_not_count_as_nesting(tmp_path):
    text = PLAN + "mo_dau: 'Xem mục [1], [2] và [^3]'\n"
    assert codes(tmp_path, text.encode()) == []


def test_syntax_error_position(tmp_path):
    assert codes(tmp_path, b"loai: ke_hoach\ntrich_yeu: [a, b\nx: 1\n")[0][:2] == (3, 2)


def test_control_characters_are_a_diagnostic(tmp_path):
    found = codes(tmp_path, b"trich_yeu: a\x07b\n")
    assert found and found[0][2] == "yaml-syntax"


def test_block_scalar_header_error_is_vietnamese(tmp_path):
    # The reviewer's example: libyaml's words stay, but only inside the parentheses.
    path = tmp_path / "a.yaml"
    path.write_bytes((PLAN + "mo_dau: | Căn cứ\n  Kế hoạch\n").encode())
    diag = load_document(path).diagnostics[0]
    assert (diag.line, diag.column, diag.code) == (4, 11, "yaml-syntax")
    assert diag.message.startswith("Lỗi cú pháp YAML: sau “|” hoặc “>” chỉ được có chỉ số thụt lề")
    assert diag.message.endswith(
        "(while scanning a block scalar did not find expected comment or line break).")
