"""A .docx is hostile input: every refusal is a Vietnamese sentence saying what to do, in
bounded time and memory, before any XML of a bad part is parsed; never a traceback."""

from __future__ import annotations

import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from kehoach.check.checker import load_registry
from kehoach.wordimport.build import build_plan
from kehoach.wordimport.command import read_source
from kehoach.wordimport.docxbody import read_docx
from kehoach.wordimport.package import open_package
from kehoach.wordimport.refusal import WordImportError
from tests.wordimport import hostile

ROOT = Path(__file__).resolve().parents[2]


def imported(path: Path):
    registry = load_registry(ROOT)[0]
    docx = read_docx(open_package(read_source(path), path.name))
    return build_plan(docx, registry, path.name)


def refused(path: Path) -> str:
    with pytest.raises(WordImportError) as err:
        imported(path)
    return err.value.message_vi


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("data,said", [
    (b"KE HOACH\nnot a zip at all", "không phải tệp Word .docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "Word 97-2003 (.doc)"),
    (b"{\\rtf1\\ansi Ke hoach}", "tệp RTF"),
    (b"%PDF-1.7\n%\xe2\xe3", "tệp PDF"),
    (b"<html><body>Ke hoach</body></html>", "trang HTML"),
    (b"PK\x03\x04broken zip", "tệp nén bị hỏng"),
    (b"", "không phải tệp Word .docx"),
], ids=["text", "doc", "rtf", "pdf", "html", "broken-zip", "empty"])
def test_what_is_not_a_docx_is_named(tmp_path, data, said):
    assert said in refused(_write(tmp_path, "ke-hoach.docx", data))


def test_a_zip_bomb_is_refused_by_its_declared_size(tmp_path):
    path = hostile.bomb(tmp_path / "bomb.docx")
    assert path.stat().st_size < 1_200_000
    started = time.perf_counter()
    assert "giải nén ra quá lớn" in refused(path)
    assert time.perf_counter() - started < 5


def test_a_zip_bomb_lying_about_its_size_is_stopped_while_inflating(tmp_path):
    """Headers claiming 40 MiB (a ratio the declared-size check lets pass) for 1 GiB."""
    path = hostile.bomb(tmp_path / "bomb.docx", declared=40 << 20)
    tracemalloc.start()
    started = time.perf_counter()
    message = refused(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "giải nén ra quá lớn" in message or "bị hỏng" in message
    assert time.perf_counter() - started < 10
    assert peak < 200 << 20


def test_a_part_that_compresses_too_well_is_refused(tmp_path):
    zeros = bytes(8 << 20)
    path = hostile.raw_zip(tmp_path / "ratio.docx", [
        *hostile.package_entries(), hostile.honest("word/document.xml", zeros)])
    assert "giải nén ra quá lớn" in refused(path)


@pytest.mark.parametrize("document", [hostile.LAUGHS, hostile.EXTERNAL],
                         ids=["billion-laughs", "external-entity"])
def test_xml_with_entities_is_refused(tmp_path, document):
    path = hostile.package(tmp_path / "x.docx", {"word/document.xml": document})
    assert "DOCTYPE/ENTITY" in refused(path)


def test_entities_in_the_package_parts_are_refused_too(tmp_path):
    path = hostile.package(tmp_path / "x.docx", {
        "word/document.xml": hostile.DOCUMENT.replace("{body}", ""),
        "_rels/.rels": '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "b">]><Relationships/>'})
    assert "DOCTYPE/ENTITY" in refused(path)


def test_a_missing_document_part(tmp_path):
    path = hostile.package(tmp_path / "x.docx", {})
    assert "không có phần nội dung văn bản" in refused(path)


def test_a_zip_without_content_types(tmp_path):
    import zipfile

    path = tmp_path / "x.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", hostile.DOCUMENT.replace("{body}", ""))
    assert "[Content_Types].xml" in refused(path)


def test_a_macro_document_renamed_docx(tmp_path):
    message = refused(hostile.macro_in_disguise(tmp_path / "ke-hoach.docx"))
    assert "có macro (.docm)" in message and "Lưu thành" in message


def test_bad_xml_is_a_sentence(tmp_path):
    path = hostile.package(tmp_path / "x.docx", {"word/document.xml": "<w:document><w:body>"})
    assert "bị hỏng (XML không hợp lệ)" in refused(path)


def test_a_folder_a_device_or_nothing_is_not_read(tmp_path):
    with pytest.raises(WordImportError, match="đây là một thư mục"):
        read_source(tmp_path)
    with pytest.raises(WordImportError, match="không có tệp này"):
        read_source(tmp_path / "khong-co.docx")
    if Path("/dev/zero").exists():
        with pytest.raises(WordImportError, match="đây là một thiết bị"):
            read_source(Path("/dev/zero"))


def test_two_hundred_pages_in_bounded_time_and_memory(tmp_path):
    path = hostile.long_plan(tmp_path / "long.docx", pages=200)
    tracemalloc.start()
    started = time.perf_counter()
    result = imported(path)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    items = sum(1 + len(i.get("muc", [])) for p in result.data["phan"] for i in p["muc"])
    assert items >= 4800
    assert elapsed < 60 and peak < 400 << 20, (elapsed, peak)


def test_the_command_line_says_it_in_vietnamese(tmp_path):
    """Through ``kehoach import``: exit 1, one sentence, no traceback."""
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "co-quan.yaml").write_text("co_quan: []\n", encoding="utf-8")
    cases = [hostile.bomb(tmp_path / "bomb.docx"),
             hostile.package(tmp_path / "laughs.docx", {"word/document.xml": hostile.LAUGHS}),
             hostile.macro_in_disguise(tmp_path / "macro.docx"),
             _write(tmp_path, "text.docx", b"not a zip")]
    for path in cases:
        proc = subprocess.run([sys.executable, "-m", "kehoach", "import", str(path)],
                              cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert proc.returncode == 1, (path.name, proc.stderr)
        assert proc.stderr.startswith("Lỗi: “") and "Traceback" not in proc.stderr
        assert list((tmp_path / "plans").iterdir()) == [tmp_path / "plans" / "co-quan.yaml"]
