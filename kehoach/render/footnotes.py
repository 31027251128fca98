"""Real Word footnotes, which python-docx has no API for.

The document gets a ``/word/footnotes.xml`` part (content type
``application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml``) related from
the main document part, holding the separator (id -1) and continuation separator (id 0)
footnotes Word expects, then one ``w:footnote`` per note. In the text, a run with the
``FootnoteReference`` character style holds ``<w:footnoteReference w:id="n"/>`` exactly where
the plan wrote ``[^id]``; Word numbers the notes 1, 2, 3 in order.

A footnote the plan declares without text (``noi_dung`` absent: the source lost it) prints
nothing at all — neither the mark nor an empty note — so nothing is invented.
"""

from __future__ import annotations

from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph

from kehoach.plan.markup import parse
from kehoach.plan.model import Footnote
from kehoach.render import typeset
from kehoach.render.docx_build import add_text, set_fonts_on

_FONTS = (
    '<w:rPr><w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:eastAsia="{f}" w:cs="{f}"/></w:rPr>'
).replace("{f}", typeset.FONT)
_EMPTY = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    f"<w:r>{_FONTS}<w:separator/></w:r></w:p></w:footnote>"
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr>'
    '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    f"<w:r>{_FONTS}<w:continuationSeparator/></w:r></w:p></w:footnote>"
    "</w:footnotes>"
)
_STYLES = (
    f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="FootnoteText">'
    '<w:name w:val="footnote text"/><w:basedOn w:val="Normal"/>'
    '<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/><w:ind w:firstLine="0"/><w:jc w:val="both"/></w:pPr>'
    '<w:rPr><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr></w:style>',
    f'<w:style {nsdecls("w")} w:type="character" w:styleId="FootnoteReference">'
    '<w:name w:val="footnote reference"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>',
)
# CT_Settings is a sequence: footnotePr must come before these when they are present.
_SETTINGS_AFTER = ("endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema",
                   "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
                   "doNotAutoCompressPictures", "forceUpgrade", "captions", "shapeDefaults",
                   "decimalSymbol", "listSeparator")


class Footnotes:
    """Adds footnotes to one document; created once per render."""

    def __init__(self, document: Any, notes: list[Footnote]):
        self._document = document
        self._notes = {str(n.id): n.noi_dung for n in notes if n.noi_dung and n.noi_dung.strip()}
        self._part: XmlPart | None = None
        self._next_id = 1

    def has_text(self, note_id: str) -> bool:
        return note_id in self._notes

    def reference(self, paragraph: Any, note_id: str) -> None:
        """Place footnote ``note_id`` at the end of ``paragraph`` (no-op when it has no text)."""
        text = self._notes.get(note_id)
        if text is None:
            return
        number = self._next_id
        self._next_id += 1
        run = _styled_run(paragraph, "FootnoteReference")
        ref = OxmlElement("w:footnoteReference")
        ref.set(qn("w:id"), str(number))
        run._r.append(ref)
        self._part_element().append(self._footnote(number, text))

    def _footnote(self, number: int, text: str) -> Any:
        note = OxmlElement("w:footnote")
        note.set(qn("w:id"), str(number))
        para = OxmlElement("w:p")
        note.append(para)
        pstyle = OxmlElement("w:pStyle")
        pstyle.set(qn("w:val"), "FootnoteText")
        para.get_or_add_pPr().insert(0, pstyle)
        # The main document is the parent: it holds the styles the runs name.
        paragraph = Paragraph(para, self._document)
        _styled_run(paragraph, "FootnoteReference")._r.append(OxmlElement("w:footnoteRef"))
        spec = typeset.Spec(size=typeset.FOOTNOTE_PT, first_indent=False, after=0, line=1.0)
        add_text(paragraph, " ", spec, bold=False, italic=False)
        for run in parse(text):
            if run.footnote is None and run.text:
                add_text(paragraph, run.text, spec, bold=run.bold, italic=run.italic)
        return note

    def _part_element(self) -> Any:
        if self._part is None:
            self._part = self._create_part()
        return self._part.element

    def _create_part(self) -> XmlPart:
        doc_part = self._document.part
        part = XmlPart(
            PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(_EMPTY), doc_part.package
        )
        doc_part.relate_to(part, RT.FOOTNOTES)
        self._add_styles()
        self._add_settings()
        return part

    def _add_styles(self) -> None:
        styles = self._document.styles.element
        size = str(typeset.FOOTNOTE_PT * 2)
        for xml in _STYLES:
            styles.append(parse_xml(xml.replace("{size}", size)))

    def _add_settings(self) -> None:
        settings = self._document.settings.element
        if settings.find(qn("w:footnotePr")) is not None:
            return
        pr = parse_xml(
            f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/>'
            "</w:footnotePr>"
        )
        for tag in _SETTINGS_AFTER:
            anchor = settings.find(qn(f"w:{tag}"))
            if anchor is not None:
                anchor.addprevious(pr)
                return
        settings.append(pr)


def _styled_run(paragraph: Any, style_id: str) -> Any:
    """An empty run with a character style and Times New Roman in every slot."""
    run = paragraph.add_run()
    rpr = run._r.get_or_add_rPr()
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), style_id)
    rpr.append(style)
    rfonts = OxmlElement("w:rFonts")
    set_fonts_on(rfonts)
    rpr.append(rfonts)
    return run
