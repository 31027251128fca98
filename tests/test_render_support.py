"""Helpers for the render tests: load fixtures, render them, read the .docx back.

Imported by the ``test_render_*`` modules (pytest puts ``tests/`` on ``sys.path``).
"""

from __future__ import annotations

import re
import zipfile
from functools import lru_cache
from pathlib import Path

import docx
from lxml import etree

from kehoach.load.document import load_document
from kehoach.plan.model import Plan
from kehoach.plan.registry import Registry
from kehoach.render import render_plan

DATA = Path(__file__).parent / "data" / "render"
REPO = Path(__file__).parent.parent
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W_NS}


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


@lru_cache(maxsize=1)
def registry() -> Registry:
    doc = load_document(DATA / "co-quan.yaml")
    assert doc.registry is not None, doc.diagnostics
    return Registry.from_bodies(doc.registry.co_quan)


def load_plan(name: str) -> Plan:
    doc = load_document(DATA / f"{name}.yaml")
    assert doc.plan is not None, doc.diagnostics
    return doc.plan


def plan_from_text(tmp_path: Path, text: str) -> Plan:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    doc = load_document(path)
    assert doc.plan is not None, doc.diagnostics
    return doc.plan


def render(tmp_path: Path, plan: Plan | str, name: str = "out.docx", **kwargs) -> Path:
    if isinstance(plan, str):
        plan = load_plan(plan)
    return render_plan(plan, registry(), tmp_path / name, **kwargs)


def part(path: Path, name: str = "word/document.xml") -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def part_names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return z.namelist()


def open_docx(path: Path):
    return docx.Document(str(path))


def para_text(p: etree._Element) -> str:
    out = []
    for el in p.iter(w("t"), w("br"), w("tab")):
        out.append(el.text or "" if el.tag == w("t") else ("\n" if el.tag == w("br") else "\t"))
    return "".join(out)


def cell_text(tc: etree._Element) -> str:
    """A table cell's paragraphs, joined by spaces and normalised."""
    return norm(" ".join(para_text(p) for p in tc.iter(w("p"))))


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def all_text(path: Path) -> str:
    """Every paragraph of the body (tables included) and the footnotes, normalised."""
    texts = [para_text(p) for p in part(path).iter(w("p"))]
    if "word/footnotes.xml" in part_names(path):
        texts += [para_text(p) for p in part(path, "word/footnotes.xml").iter(w("p"))]
    return norm(" ".join(texts))


def header_cells(path: Path) -> list[list[etree._Element]]:
    """The paragraphs of the header table's two cells."""
    table = part(path).find("w:body/w:tbl", NS)
    return [list(tc.iter(w("p"))) for tc in table.iter(w("tc"))]


def run_props(p: etree._Element) -> list[dict[str, object]]:
    """Formatting of each text run of a paragraph: text, bold, italic, underline, size."""
    out = []
    for r in p.iter(w("r")):
        text = "".join(t.text or "" for t in r.iter(w("t")))
        if not text:
            continue
        rpr = r.find("w:rPr", NS)
        sz = rpr.find("w:sz", NS) if rpr is not None else None
        out.append(
            {
                "text": text,
                "bold": rpr is not None and rpr.find("w:b", NS) is not None,
                "italic": rpr is not None and rpr.find("w:i", NS) is not None,
                "underline": rpr is not None and rpr.find("w:u", NS) is not None,
                "size": int(sz.get(w("val"))) / 2 if sz is not None else None,
            }
        )
    return out


def find_paragraph(path: Path, startswith: str) -> etree._Element:
    for p in part(path).iter(w("p")):
        if norm(para_text(p)).startswith(startswith):
            return p
    raise AssertionError(f"no paragraph starting with {startswith!r}")


def border_width(p: etree._Element, container: int) -> int:
    """Width (twips) of a paragraph's bottom border: the container minus its indents."""
    assert p.find("w:pPr/w:pBdr/w:bottom", NS) is not None
    ind = p.find("w:pPr/w:ind", NS)
    left = int(ind.get(w("left"), ind.get(w("start"), "0")))
    right = int(ind.get(w("right"), ind.get(w("end"), "0")))
    return container - left - right


def sections(path: Path) -> list[etree._Element]:
    return list(part(path).iter(w("sectPr")))
