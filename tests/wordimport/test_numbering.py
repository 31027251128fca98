"""Word list numbering resolved to what Word shows, from real .docx files: formats, levels,
restarts, overrides, lists continued across list instances, style-linked lists."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.wordimport.docxbody import Para, read_docx
from kehoach.wordimport.numbering import (
    Level,
    Num,
    Numbering,
    bullet_text,
    format_number,
    letters,
    roman,
)
from kehoach.wordimport.package import open_package
from tests.wordimport import official


def labels(doc: docx.document.Document, tmp_path: Path) -> list[str | None]:
    path = tmp_path / "list.docx"
    doc.save(path)
    blocks = read_docx(open_package(path.read_bytes(), path.name)).blocks
    return [b.label for b in blocks if isinstance(b, Para) and b.text]


def listed(doc: docx.document.Document, items: list[tuple[int, int]]) -> None:
    """One paragraph per (numId, level)."""
    for k, (num_id, level) in enumerate(items):
        p = doc.add_paragraph(f"mục {k}")
        if num_id:
            official.numbered(p, num_id, level)


@pytest.mark.parametrize("n,fmt,shown", [
    (1, "upperRoman", "I"), (4, "upperRoman", "IV"), (9, "upperRoman", "IX"),
    (14, "upperRoman", "XIV"), (40, "upperRoman", "XL"), (3, "lowerRoman", "iii"),
    (1, "lowerLetter", "a"), (26, "lowerLetter", "z"), (27, "lowerLetter", "aa"),
    (28, "upperLetter", "BB"), (5, "decimalZero", "05"), (12, "decimal", "12"),
    (3, "none", ""), (7, "vietnameseCounting", "7"),
])
def test_number_formats(n, fmt, shown):
    assert format_number(n, fmt) == shown


def test_helpers():
    assert roman(1994) == "mcmxciv" and letters(53) == "aaa"
    assert bullet_text("\uf0b7") == "•" and bullet_text("\uf02d") == "-" and bullet_text("o") == "o"


def test_levels_restart_under_their_parent(tmp_path):
    doc = docx.Document()
    official.add_list(doc)
    official.add_num(doc, 91)
    listed(doc, [(91, 0), (91, 1), (91, 2), (91, 2), (91, 3), (91, 1), (91, 2), (91, 0),
                 (91, 1), (91, 2)])
    assert labels(doc, tmp_path) == ["I.", "1.", "a)", "b)", "-", "2.", "a)", "II.", "1.", "a)"]


def test_instances_of_one_list_continue_unless_they_override(tmp_path):
    doc = docx.Document()
    official.add_list(doc, levels=[("decimal", "%1.")])
    official.add_num(doc, 91)
    official.add_num(doc, 92)  # same definition, no override: the same list goes on
    official.add_num(doc, 93, overrides={0: 1})  # "Restart at 1"
    official.add_num(doc, 94, overrides={0: 5})
    listed(doc, [(91, 0), (91, 0), (92, 0), (93, 0), (93, 0), (94, 0), (91, 0)])
    assert labels(doc, tmp_path) == ["1.", "2.", "3.", "1.", "2.", "5.", "4."]


def test_start_values_templates_and_legal_numbering(tmp_path):
    doc = docx.Document()
    official.add_list(doc, levels=[("upperRoman", "PHẦN %1:"), ("decimal", "%1.%2.")],
                      starts={0: 3})
    official.add_num(doc, 91)
    numbering = doc.part.numbering_part.element
    lvl = numbering.xpath('.//w:abstractNum[@w:abstractNumId="90"]/w:lvl[@w:ilvl="1"]')[0]
    lvl.insert(0, parse_xml(f'<w:isLgl {nsdecls("w")}/>'))
    listed(doc, [(91, 0), (91, 1), (91, 1)])
    assert labels(doc, tmp_path) == ["PHẦN III:", "3.1.", "3.2."]


def test_a_level_that_never_restarts(tmp_path):
    doc = docx.Document()
    official.add_list(doc, levels=[("upperRoman", "%1."), ("decimal", "%2.")])
    official.add_num(doc, 91)
    numbering = doc.part.numbering_part.element
    lvl = numbering.xpath('.//w:abstractNum[@w:abstractNumId="90"]/w:lvl[@w:ilvl="1"]')[0]
    lvl.insert(1, parse_xml(f'<w:lvlRestart {nsdecls("w")} w:val="0"/>'))
    listed(doc, [(91, 0), (91, 1), (91, 1), (91, 0), (91, 1)])
    assert labels(doc, tmp_path) == ["I.", "1.", "2.", "II.", "3."]


def test_no_number_where_word_shows_none(tmp_path):
    doc = docx.Document()
    official.add_list(doc, levels=[("decimal", "%1.")])
    official.add_num(doc, 91)
    listed(doc, [(91, 0), (0, 0), (99, 0), (91, 5), (91, 0)])
    # numId 0: none; a list that does not exist: none; a level the list lacks: none
    assert labels(doc, tmp_path) == ["1.", None, None, None, "2."]


def test_bullets_in_symbol_fonts(tmp_path):
    doc = docx.Document()
    official.add_list(doc, levels=[("bullet", "\uf0b7"), ("bullet", "-"), ("bullet", "+")])
    official.add_num(doc, 91)
    listed(doc, [(91, 0), (91, 1), (91, 2)])
    assert labels(doc, tmp_path) == ["•", "-", "+"]


def test_a_paragraph_style_carries_its_list(tmp_path):
    """Heading styles linked to a list ("Heading 1" numbered I., "Heading 2" 1.), and an
    abstract list that is only a link to a numbering style."""
    doc = docx.Document()
    official.add_list(doc, levels=[("upperRoman", "%1."), ("decimal", "%2.")])
    official.add_num(doc, 91)
    styles = doc.styles.element
    for style_id, level in (("Heading1", 0), ("Heading2", 1)):
        style = styles.xpath(f'.//w:style[@w:styleId="{style_id}"]')[0]
        style.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="91"/></w:numPr>'))
    numbering = doc.part.numbering_part.element
    first = numbering.find(".//{*}num")
    first.addprevious(parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="95">'
                                '<w:numStyleLink w:val="Heading1"/></w:abstractNum>'))
    official.add_num(doc, 96, abstract_id=95)
    doc.add_paragraph("MỤC ĐÍCH", style="Heading 1")
    doc.add_paragraph("Mục đích", style="Heading 2")
    doc.add_paragraph("Yêu cầu", style="Heading 2")
    p = doc.add_paragraph("NỘI DUNG")
    official.numbered(p, 96, 0)
    assert labels(doc, tmp_path) == ["I.", "1.", "2.", "II."]


FORMATS = ["decimal", "upperRoman", "lowerRoman", "upperLetter", "lowerLetter", "bullet", "none",
           "decimalZero", "ordinal", ""]


@settings(max_examples=200, deadline=None)
@given(levels=st.lists(st.tuples(st.sampled_from(FORMATS), st.text("%123456789.)(-a ", max_size=8),
                                 st.integers(-5, 30), st.sampled_from([None, 0, 1, 2, 9])),
                       min_size=1, max_size=9),
       overrides=st.dictionaries(st.integers(-2, 10), st.integers(-3, 40), max_size=3),
       paragraphs=st.lists(st.tuples(st.sampled_from(["1", "2", "3", "0", "x"]),
                                     st.integers(-1, 12)), max_size=40))
def test_any_numbering_shows_text_or_nothing(levels, overrides, paragraphs):
    """Whatever numbering.xml says — odd formats, templates, start values, overrides, levels
    and lists that do not exist — a paragraph gets a label or none, never an error."""
    numbering = Numbering()
    numbering.abstracts["7"] = {k: Level(fmt, text, start, restart)
                                for k, (fmt, text, start, restart) in enumerate(levels)}
    numbering.nums["1"] = Num("7")
    numbering.nums["2"] = Num("7", {k: (v, None) for k, v in overrides.items()})
    numbering.nums["3"] = Num("missing")
    for num_id, level in paragraphs:
        label = numbering.label(num_id, level)
        assert label is None or isinstance(label, str)


def test_a_simple_list_counts_one_by_one():
    numbering = Numbering()
    numbering.abstracts["7"] = {0: Level("decimal", "%1.", 1)}
    numbering.nums["1"] = Num("7")
    assert [numbering.label("1", 0) for _ in range(12)] == [f"{n}." for n in range(1, 13)]
