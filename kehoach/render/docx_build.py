"""python-docx plumbing: fonts in every slot, paragraphs, runs, borders, tables, sections.

No layout decisions are made here: sizes, widths and spacing come from ``typeset``.
"""

from __future__ import annotations

import copy
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Twips

from kehoach.render import typeset
from kehoach.render.typeset import Align, PageGeometry, Spec

_ALIGN = {
    Align.left: WD_ALIGN_PARAGRAPH.LEFT,
    Align.center: WD_ALIGN_PARAGRAPH.CENTER,
    Align.right: WD_ALIGN_PARAGRAPH.RIGHT,
    Align.justify: WD_ALIGN_PARAGRAPH.JUSTIFY,
}
_THEME_FONT_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")


def new_document() -> Any:
    """An empty document whose defaults and Normal style are Times New Roman 14 pt, black."""
    doc = Document()
    styles = doc.styles.element
    for rfonts in styles.iter(qn("w:rFonts")):
        set_fonts_on(rfonts)
    defaults = styles.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _format_rpr(run_defaults, typeset.STYLES["muc"])
    normal = doc.styles["Normal"]
    _format_rpr(normal.element.get_or_add_rPr(), typeset.STYLES["muc"])
    return doc


def set_fonts_on(rfonts: Any) -> None:
    for attr in _THEME_FONT_ATTRS:
        rfonts.attrib.pop(qn(attr), None)
    for slot in _FONT_SLOTS:
        rfonts.set(qn(slot), typeset.FONT)


def _child(parent: Any, tag: str) -> Any:
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)
    return found


def _format_rpr(rpr: Any, spec: Spec, *, bold: bool = False, italic: bool = False) -> None:
    """Replace a ``w:rPr``'s content: fonts in all four slots, colour, size, weight, slant."""
    for child in list(rpr):
        rpr.remove(child)
    key = (spec.size, spec.bold or bold, spec.italic or italic, spec.underline)
    model = _RPR_MODELS.get(key)
    if model is None:
        model = _RPR_MODELS[key] = _rpr_children(spec, bold=bold, italic=italic)
    # A document has a few hundred runs in a handful of formats: copying a finished set of
    # children (in C) is several times cheaper than building each element again.
    rpr.extend(copy.deepcopy(child) for child in model)


_RPR_MODELS: dict[tuple[float, bool, bool, bool], list[Any]] = {}


def _rpr_children(spec: Spec, *, bold: bool, italic: bool) -> list[Any]:
    """Children in the order the schema requires (Word rejects others)."""
    half_points = str(round(spec.size * 2))
    rfonts = OxmlElement("w:rFonts")
    set_fonts_on(rfonts)
    children = [rfonts]
    children += [OxmlElement("w:b")] if spec.bold or bold else []
    children += [OxmlElement("w:i")] if spec.italic or italic else []
    children += [
        OxmlElement("w:color", {qn("w:val"): "000000"}),
        OxmlElement("w:sz", {qn("w:val"): half_points}),
        OxmlElement("w:szCs", {qn("w:val"): half_points}),
    ]
    children += [OxmlElement("w:u", {qn("w:val"): "single"})] if spec.underline else []
    children.append(OxmlElement("w:lang", {qn("w:val"): "vi-VN"}))
    return children


def add_text(paragraph: Any, text: str, spec: Spec, *, bold: bool, italic: bool) -> Any:
    """A run with the block's formatting plus the markup's bold/italic."""
    run = paragraph.add_run(text.upper() if spec.caps else text)
    _format_rpr(run._r.get_or_add_rPr(), spec, bold=bold, italic=italic)
    return run


def format_paragraph(paragraph: Any, spec: Spec, *, keep_next: bool = False) -> None:
    fmt = paragraph.paragraph_format
    fmt.alignment = _ALIGN[spec.align]
    fmt.first_line_indent = Twips(720) if spec.first_indent else Twips(0)
    fmt.space_before = Pt(spec.before)
    fmt.space_after = Pt(spec.after)
    fmt.line_spacing = spec.line
    fmt.widow_control = True
    if keep_next:
        fmt.keep_with_next = True
    _format_rpr(mark_rpr(paragraph), spec)


def mark_rpr(paragraph: Any) -> Any:
    """The paragraph mark's ``w:rPr`` (inside ``w:pPr``, before ``w:sectPr``)."""
    ppr = paragraph._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        anchor = ppr.find(qn("w:sectPr"))
        if anchor is None:
            anchor = ppr.find(qn("w:pPrChange"))
        if anchor is None:
            ppr.append(rpr)
        else:
            anchor.addprevious(rpr)
    return rpr


def _pbdr(paragraph: Any, sides: tuple[str, ...], space_pt: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    pbdr = OxmlElement("w:pBdr")
    for side in sides:
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), str(round(typeset.RULE_PT * 8)))
        edge.set(qn("w:space"), str(space_pt))
        edge.set(qn("w:color"), "000000")
        pbdr.append(edge)
    # pBdr goes after keepNext..pageBreakBefore..framePr..widowControl..numPr..suppressLineNumbers
    anchor = None
    for tag in ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:spacing", "w:ind",
                "w:jc", "w:rPr"):
        anchor = ppr.find(qn(tag))
        if anchor is not None:
            break
    if anchor is None:
        ppr.append(pbdr)
    else:
        anchor.addprevious(pbdr)


def rule_paragraph(paragraph: Any, left: int, right: int, *, gap_after: float = 0) -> None:
    """A solid line between two indents: a bottom border on an almost empty paragraph."""
    fmt = paragraph.paragraph_format
    fmt.left_indent, fmt.right_indent = Twips(left), Twips(right)
    fmt.first_line_indent = Twips(0)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(gap_after)
    fmt.line_spacing = Pt(typeset.STYLES["gach_duoi"].size)
    _format_rpr(mark_rpr(paragraph), typeset.STYLES["gach_duoi"])
    _pbdr(paragraph, ("bottom",), 1)


def box_paragraph(paragraph: Any, right: int) -> None:
    """A bordered box around the paragraph's text (the draft mark)."""
    fmt = paragraph.paragraph_format
    fmt.left_indent, fmt.right_indent = Twips(100), Twips(right)
    _pbdr(paragraph, ("top", "left", "bottom", "right"), 4)


# --- tables ---------------------------------------------------------------------------------


def add_table(container: Any, widths: list[int], *, borders: bool, indent: int = 0) -> Any:
    table = container.add_table(rows=0, cols=len(widths))
    table.autofit = False
    tblpr = table._tbl.tblPr
    _child(tblpr, "w:tblW").set(qn("w:w"), str(sum(widths)))
    tblpr.find(qn("w:tblW")).set(qn("w:type"), "dxa")
    ind = _child(tblpr, "w:tblInd")
    ind.set(qn("w:w"), str(indent))
    ind.set(qn("w:type"), "dxa")
    tblpr.append(_borders("w:tblBorders", borders))
    _child(tblpr, "w:tblLayout").set(qn("w:type"), "fixed")
    margins = _child(tblpr, "w:tblCellMar")
    for side in ("left", "right"):
        edge = _child(margins, f"w:{side}")
        edge.set(qn("w:w"), str(typeset.CELL_MARGIN))
        edge.set(qn("w:type"), "dxa")
    _order_tblpr(tblpr)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Twips(width)
    return table


_TBLPR_ORDER = ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
                "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
                "shd", "tblLayout", "tblCellMar", "tblLook"]


def _order_tblpr(tblpr: Any) -> None:
    rank = {qn(f"w:{tag}"): i for i, tag in enumerate(_TBLPR_ORDER)}
    for el in sorted(tblpr, key=lambda el: rank.get(el.tag, len(rank))):
        tblpr.append(el)


def _borders(tag: str, on: bool) -> Any:
    element = OxmlElement(tag)
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single" if on else "nil")
        if on:
            edge.set(qn("w:sz"), "4")
            edge.set(qn("w:space"), "0")
            edge.set(qn("w:color"), "000000")
        element.append(edge)
    return element


def add_row(table: Any, widths: list[int], *, header: bool = False, cant_split: bool = True):
    row = table.add_row()
    trpr = row._tr.get_or_add_trPr()
    if cant_split:
        trpr.append(OxmlElement("w:cantSplit"))
    if header:
        trpr.append(OxmlElement("w:tblHeader"))
    for cell, width in zip(row.cells, widths, strict=True):
        cell.width = Twips(width)
    return row


# --- sections and page numbers -------------------------------------------------------------


def setup_section(section: Any, geometry: PageGeometry, *, restart: bool) -> None:
    """Page size, margins, a centred PAGE number in the top margin, none on the first page."""
    section.orientation = WD_ORIENT.LANDSCAPE if geometry.landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Twips(geometry.width), Twips(geometry.height)
    section.top_margin, section.bottom_margin = Twips(typeset.MARGIN_TOP), Twips(
        typeset.MARGIN_BOTTOM
    )
    section.left_margin = Twips(typeset.MARGIN_LEFT)
    section.right_margin = Twips(typeset.MARGIN_RIGHT)
    section.header_distance = Twips(typeset.HEADER_DISTANCE)
    section.footer_distance = Twips(typeset.FOOTER_DISTANCE)
    section.different_first_page_header_footer = True
    section.header.is_linked_to_previous = False
    _page_number(section.header.paragraphs[0])
    section.first_page_header.is_linked_to_previous = False
    if restart:
        _restart_numbering(section._sectPr)


def _page_number(paragraph: Any) -> None:
    spec = typeset.Spec(size=typeset.PAGE_NUMBER_PT, align=Align.center, first_indent=False,
                        after=0, line=1.0)
    format_paragraph(paragraph, spec)
    for kind, instr in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"),
                        ("end", None)):
        run = add_text(paragraph, "", spec, bold=False, italic=False)
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif instr == " PAGE ":
            text = OxmlElement("w:instrText")
            text.set(qn("xml:space"), "preserve")
            text.text = instr
            run._r.append(text)
        else:
            run.text = instr


_SECTPR_AFTER_PGNUM = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg",
                       "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid")


def _restart_numbering(sectpr: Any) -> None:
    existing = sectpr.find(qn("w:pgNumType"))
    if existing is not None:
        sectpr.remove(existing)
    pgnum = OxmlElement("w:pgNumType")
    pgnum.set(qn("w:start"), "1")
    for tag in _SECTPR_AFTER_PGNUM:
        anchor = sectpr.find(qn(tag))
        if anchor is not None:
            anchor.addprevious(pgnum)
            return
    sectpr.append(pgnum)
