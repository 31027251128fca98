"""Output: atomic writes, refusals, every plan paragraph printed, PDF, cheap import, speed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_render_support import REPO, all_text, load_plan, norm, registry, render

from kehoach.plan.markup import plain
from kehoach.plan.prose import plan_paragraphs
from kehoach.render import RenderError, convert_to_pdf, render_plan

FIXTURES = ["ke-hoach", "doan", "lien-tich", "du-thao"]


# --- atomic write -------------------------------------------------------------------------


def test_existing_file_is_untouched_without_force(tmp_path):
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")
    with pytest.raises(RenderError, match="đã có; dùng --force"):
        render(tmp_path, "du-thao")
    assert target.read_bytes() == b"old"
    render(tmp_path, "du-thao", force=True)
    assert target.read_bytes()[:2] == b"PK"


def test_output_may_never_be_the_plan_file(tmp_path):
    plan_path = tmp_path / "ke-hoach.docx"
    plan_path.write_bytes(b"plan")
    with pytest.raises(RenderError, match="chính tệp kế hoạch"):
        render_plan(load_plan("du-thao"), registry(), plan_path, force=True, plan_path=plan_path)
    assert plan_path.read_bytes() == b"plan"
    yaml_target = tmp_path / "plan.yaml"
    with pytest.raises(RenderError, match="tệp YAML"):
        render_plan(load_plan("du-thao"), registry(), yaml_target, force=True)
    assert not yaml_target.exists()


def test_no_temporary_file_is_left_behind(tmp_path):
    render(tmp_path, "du-thao")
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]


def test_file_open_in_word_is_a_clear_error(tmp_path, monkeypatch):
    target = tmp_path / "out.docx"
    target.write_bytes(b"open in Word")

    def locked(src, dst):
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(RenderError, match=r"đang mở \(có thể trong Word\); hãy đóng tệp"):
        render(tmp_path, "du-thao", force=True)
    assert target.read_bytes() == b"open in Word"
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]


def test_missing_output_folder_is_reported(tmp_path):
    with pytest.raises(RenderError, match="không tồn tại"):
        render_plan(load_plan("du-thao"), registry(), tmp_path / "khong" / "a.docx")


# --- every paragraph of the plan is printed ------------------------------------------------


def _assert_all_printed(path: Path, plan) -> None:
    text = norm(all_text(path)).casefold()
    missing = [p for p in plan_paragraphs(plan) if norm(p).casefold() not in text]
    assert missing == []


@pytest.mark.parametrize("name", FIXTURES)
def test_every_plan_paragraph_appears_fixtures(tmp_path, name):
    _assert_all_printed(render(tmp_path, name), load_plan(name))


def _repo_plans() -> list[Path]:
    return sorted(p for p in (REPO / "plans").glob("*.yaml") if p.name != "co-quan.yaml")


def test_the_repository_has_plans():
    assert len(_repo_plans()) >= 3


@pytest.mark.parametrize("path", _repo_plans(), ids=lambda p: p.stem)
def test_every_plan_paragraph_appears_repository_plans(tmp_path, path):
    from kehoach.check.checker import load_registry
    from kehoach.load.document import load_document

    repo_registry, _ = load_registry(REPO)
    doc = load_document(path)
    assert doc.plan is not None, doc.diagnostics
    out = render_plan(doc.plan, repo_registry, tmp_path / "out.docx", plan_path=path)
    _assert_all_printed(out, doc.plan)


def test_footnote_text_is_in_the_footnotes_not_the_body(tmp_path):
    path = render(tmp_path, "doan")
    note = plain(load_plan("doan").chu_thich[0].noi_dung)
    from test_render_support import para_text, part, w

    body = norm(" ".join(para_text(p) for p in part(path).iter(w("p"))))
    assert note not in body
    assert note in all_text(path)


# --- import cost and PDF ------------------------------------------------------------------


def test_import_does_not_load_docx_or_jinja():
    code = (
        "import sys, kehoach.render; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('docx', 'jinja2')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert out.stdout.strip() == "[]"


def test_pdf_without_libreoffice_is_a_clear_error(tmp_path, monkeypatch):
    from kehoach.render import pdf

    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    monkeypatch.delenv("PROGRAMFILES", raising=False)
    monkeypatch.delenv("PROGRAMFILES(X86)", raising=False)
    with pytest.raises(RenderError, match="Chưa cài LibreOffice"):
        convert_to_pdf(tmp_path / "a.docx")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) chưa cài")
def test_pdf_conversion_has_pages_and_the_header_on_page_one(tmp_path):
    docx_path = render(tmp_path, "ke-hoach")
    pdf_path = convert_to_pdf(docx_path)
    assert pdf_path == tmp_path / "out.pdf"
    data = pdf_path.read_bytes()
    assert data.startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext chưa cài: chỉ kiểm tra được tệp PDF")
    first = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(pdf_path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for expected in (
        "ỦY BAN NHÂN DÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 253/KH-UBND",
        "KẾ HOẠCH",
        "Lạng Sơn, ngày 31 tháng 12 năm 2021",
    ):
        assert expected in first
    info = subprocess.run(["pdfinfo", str(pdf_path)], capture_output=True, text=True)
    if info.returncode == 0:
        line = next(ln for ln in info.stdout.splitlines() if ln.startswith("Pages"))
        assert int(line.split()[1]) >= 4  # the plan and its annexes, each on its own page


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) chưa cài")
def test_existing_pdf_is_kept_without_force(tmp_path):
    docx_path = render(tmp_path, "du-thao")
    (tmp_path / "out.pdf").write_bytes(b"old")
    with pytest.raises(RenderError, match="đã có"):
        convert_to_pdf(docx_path)
    assert (tmp_path / "out.pdf").read_bytes() == b"old"
    assert convert_to_pdf(docx_path, force=True).read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.docx", "out.pdf"]
