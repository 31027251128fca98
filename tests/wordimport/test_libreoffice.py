"""Documents LibreOffice wrote: the Word-numbered plan saved again by LibreOffice (its own
numbering.xml and styles) imports as the plan typed by hand; an .odt is converted on the way
in; without LibreOffice the official is told what to do."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kehoach.check.checker import load_registry
from kehoach.wordimport.build import build_plan
from kehoach.wordimport.command import import_document, read_source
from kehoach.wordimport.docxbody import read_docx
from kehoach.wordimport.package import open_package
from kehoach.wordimport.refusal import WordImportError
from tests.wordimport import official
from tests.wordimport.test_official import tasks, tree

ROOT = Path(__file__).resolve().parents[2]
needs_libreoffice = pytest.mark.skipif(official.soffice() is None,
                                       reason="LibreOffice (soffice) chưa cài")


def _data(path: Path) -> dict:
    registry = load_registry(ROOT)[0]
    docx = read_docx(open_package(read_source(path), path.name))
    return build_plan(docx, registry, path.name).data


@needs_libreoffice
def test_a_docx_saved_by_libreoffice(tmp_path):
    word = official.word_numbered(tmp_path / "word.docx")
    out = tmp_path / "lo"
    out.mkdir()
    saved = official.libreoffice_convert(word, "docx", out)
    typed = _data(official.hand_typed(tmp_path / "typed.docx"))
    imported = _data(saved)
    assert tree(imported["phan"]) == tree(typed["phan"])
    assert tasks(imported["phan"]) == tasks(typed["phan"])
    for key in ("co_quan_ban_hanh", "so_ky_hieu", "ngay_ban_hanh", "trich_yeu", "can_cu",
                "mo_dau", "ket_thuc", "noi_nhan", "chu_ky"):
        assert imported[key] == typed[key], key


@needs_libreoffice
def test_an_odt_is_converted_and_imported(tmp_path):
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "plans", repo / "plans")
    out = tmp_path / "lo"
    out.mkdir()
    odt = official.libreoffice_convert(official.hand_typed(tmp_path / "kh.docx"), "odt", out)
    done = import_document(odt, repo / "kh.yaml", cwd=repo)
    assert "so_ky_hieu: 12/KH-UBND" in done.plan.read_text(encoding="utf-8")
    assert [d for d in done.diagnostics if d.is_error] == []


def test_without_libreoffice_an_odt_is_a_clear_error(tmp_path, monkeypatch):
    import kehoach.render.pdf

    monkeypatch.setattr(kehoach.render.pdf, "find_soffice", lambda: None)
    path = tmp_path / "kh.odt"
    path.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(WordImportError, match="cần LibreOffice") as err:
        read_source(path)
    assert "Lưu thành" in err.value.message_vi
