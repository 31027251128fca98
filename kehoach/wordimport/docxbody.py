"""The body of a .docx as the importer sees it: paragraphs with their runs (bold, italic,
footnote references) and the number Word shows before them, and tables of such paragraphs.

Text is taken as Word shows it: tracked insertions in, deletions out, hidden text out, field
results in and field codes out, content controls and hyperlinks opened, text boxes read (their
paragraphs come before the paragraph they are anchored in; of an ``mc:AlternateContent`` only
the first choice). No-break spaces become spaces, zero-width characters go, everything is
NFC. Tabs and line breaks stay in the runs (a header cell may hold two names on two lines)
and are spaces in ``Para.text``. Footnotes and endnotes come from their own parts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kehoach.plan.markup import Run
from kehoach.textnorm import nfc
from kehoach.wordimport.numbering import Numbering, read_numbering
from kehoach.wordimport.package import Package
from kehoach.wordimport.refusal import WordImportError
from kehoach.wordimport.styles import Styles, q, read_styles, table_borders, toggle, val

MAX_PARAGRAPHS = 40000
"""Paragraphs read at most (a 200-page plan has about 5,000)."""
MAX_NOTES = 2000
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ",
                         "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None,
                         "\u00ad": None})
_OPEN = frozenset({"hyperlink", "ins", "smartTag", "sdt", "sdtContent", "fldSimple",
                   "customXml", "moveTo", "dir", "bdo"})


@dataclass
class Para:
    """One paragraph: its runs, the list number Word shows before it, where it is."""

    index: int
    runs: list[Run]
    label: str | None = None
    style: str = ""
    align: str | None = None
    page_break: bool = False

    @property
    def raw(self) -> str:
        """The text with its tabs and line breaks."""
        return "".join(r.text for r in self.runs)

    @property
    def text(self) -> str:
        """The text on one line, spaces collapsed (for recognising, not for keeping)."""
        return " ".join(self.raw.split())

    def lines(self) -> list[str]:
        """The text of each line (a line break, Shift+Enter, ends one)."""
        return [" ".join(line.split()) for line in self.raw.split("\n")]

    def _flag(self, attr: str) -> bool:
        shown = [r for r in self.runs if r.text.strip()]
        return bool(shown) and all(getattr(r, attr) for r in shown)

    @property
    def all_bold(self) -> bool:
        return self._flag("bold")

    @property
    def all_italic(self) -> bool:
        return self._flag("italic")

    @property
    def centered(self) -> bool:
        return self.align == "center"


@dataclass
class Table:
    index: int
    rows: list[list[list[Para]]]
    borders: bool

    @property
    def columns(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def cell_text(self, row: int, col: int) -> str:
        cells = self.rows[row]
        return " ".join(p.text for p in cells[col] if p.text) if col < len(cells) else ""


Block = Para | Table


@dataclass
class Docx:
    blocks: list[Block]
    notes: dict[str, list[Run]] = field(default_factory=dict)


class _Reader:
    def __init__(self, styles: Styles, numbering: Numbering, name: str):
        self.styles = styles
        self.numbering = numbering
        self.name = name
        self.count = 0
        self.page_break = False

    def blocks(self, container: Any) -> list[Block]:
        out: list[Block] = []
        for child in container:
            tag = _local(child)
            if tag == "p":
                out.extend(self.paragraph(child))
            elif tag == "tbl":
                out.append(self.table(child))
            elif tag in ("sdt", "customXml"):
                inner = child.find(q("sdtContent")) if tag == "sdt" else child
                if inner is not None:
                    out.extend(self.blocks(inner))
        return out

    def _next_index(self) -> int:
        self.count += 1
        if self.count > MAX_PARAGRAPHS:
            raise WordImportError(f"“{self.name}” có hơn {MAX_PARAGRAPHS:,} đoạn văn: quá dài "
                                  "cho một kế hoạch, kehoach không nhập.")
        return self.count

    def paragraph(self, element: Any) -> list[Para]:
        index = self._next_index()
        ppr = element.find(q("pPr"))
        style_id = val(ppr.find(q("pStyle"))) if ppr is not None else None
        style_id = style_id or self.styles.default_paragraph
        collector = _Runs(self, style_id)
        collector.walk(element)
        boxes = [p for box in collector.boxes for p in self.blocks(box) if isinstance(p, Para)]
        para = Para(index, _merged(collector.runs), self._label(ppr, style_id),
                    self.styles.name(style_id), _align(ppr), self.page_break or _before(ppr))
        self.page_break = collector.page_after or _section_break(ppr)
        if collector.page_before:
            para.page_break = True
        return [*boxes, para]

    def _label(self, ppr: Any, style_id: str | None) -> str | None:
        num_id, ilvl = self.styles.numbering(style_id)
        numpr = ppr.find(q("numPr")) if ppr is not None else None
        if numpr is not None:
            own_id = val(numpr.find(q("numId")))
            own_level = val(numpr.find(q("ilvl")))
            num_id = own_id if own_id is not None else num_id
            ilvl = int(own_level) if own_level and own_level.isdigit() else ilvl
        if num_id is None:
            return None
        return self.numbering.label(num_id, ilvl)

    def table(self, element: Any) -> Table:
        index = self.count + 1
        rows: list[list[list[Para]]] = []
        for tr in element.iterchildren(q("tr")):
            cells = []
            for tc in tr.iterchildren(q("tc")):
                paras = [b for b in self.blocks(tc) if isinstance(b, Para)]
                for nested in tc.iterchildren(q("tbl")):
                    paras.extend(p for row in self.table(nested).rows for c in row for p in c)
                cells.append(paras)
            rows.append(cells)
        return Table(index, rows, self._borders(element))

    def _borders(self, element: Any) -> bool:
        tblpr = element.find(q("tblPr"))
        own = table_borders(tblpr.find(q("tblBorders"))) if tblpr is not None else None
        if own is not None:
            return own
        style = val(tblpr.find(q("tblStyle"))) if tblpr is not None else None
        cells = element.iter(q("tcBorders"))
        return bool(self.styles.inherited(style, "borders")) or any(
            table_borders(c) for c in cells)


class _Runs:
    """Collects the runs of one paragraph (and the text boxes anchored in it)."""

    def __init__(self, reader: _Reader, style_id: str | None):
        self.reader = reader
        self.styles = reader.styles
        self.style_id = style_id
        self.runs: list[Run] = []
        self.boxes: list[Any] = []
        self.page_before = False
        self.page_after = False

    def walk(self, element: Any) -> None:
        for child in element:
            tag = _local(child)
            if tag == "r":
                self.run(child)
            elif tag in _OPEN:
                self.walk(child.find(q("sdtContent")) if tag == "sdt" else child)
            elif tag == "AlternateContent":
                self.alternate(child)

    def alternate(self, element: Any) -> None:
        choice = element.find(f"{{{MC}}}Choice")
        self.walk(choice if choice is not None else element.find(f"{{{MC}}}Fallback") or [])

    def run(self, element: Any) -> None:
        rpr = element.find(q("rPr"))
        rstyle = val(rpr.find(q("rStyle"))) if rpr is not None else None
        if self._prop(rpr, rstyle, "vanish", "hidden"):
            return
        bold = bool(self._prop(rpr, rstyle, "b", "bold"))
        italic = bool(self._prop(rpr, rstyle, "i", "italic"))
        for child in element:
            tag = _local(child)
            text = _TEXT.get(tag)
            if tag == "t":
                text = child.text or ""
            elif tag == "sym":
                text = _symbol(child)
            elif tag in ("footnoteReference", "endnoteReference"):
                prefix = "e" if tag == "endnoteReference" else ""
                self.runs.append(Run("", bold, italic, footnote=prefix + (val(child, "id") or "")))
                continue
            elif tag == "br" and val(child, "type") == "page":
                self._page()
                continue
            elif tag in ("drawing", "pict", "AlternateContent", "object"):
                self._boxes(child)
                continue
            if text:
                self.runs.append(Run(text, bold, italic))

    def _page(self) -> None:
        if any(r.text.strip() for r in self.runs):
            self.page_after = True
        else:
            self.page_before = True

    def _boxes(self, element: Any) -> None:
        if _local(element) == "AlternateContent":
            choice = element.find(f"{{{MC}}}Choice")
            element = choice if choice is not None else element
        for box in element.iter(q("txbxContent")):
            if not any(_local(a) == "txbxContent" for a in box.iterancestors()):
                self.boxes.append(box)

    def _prop(self, rpr: Any, rstyle: str | None, tag: str, attr: str) -> bool | None:
        for value in (toggle(rpr, tag), self.styles.inherited(rstyle, attr),
                      self.styles.inherited(self.style_id, attr)):
            if value is not None:
                return value
        default = {"bold": self.styles.default_bold, "italic": self.styles.default_italic}
        return default.get(attr, False)


_TEXT = {"tab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-", "softHyphen": ""}


def _symbol(element: Any) -> str:
    code = val(element, "char") or ""
    try:
        return chr(int(code, 16))
    except ValueError:
        return ""


def _local(element: Any) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _align(ppr: Any) -> str | None:
    return val(ppr.find(q("jc"))) if ppr is not None else None


def _before(ppr: Any) -> bool:
    return bool(ppr is not None and toggle(ppr, "pageBreakBefore"))


def _section_break(ppr: Any) -> bool:
    sect = ppr.find(q("sectPr")) if ppr is not None else None
    if sect is None:
        return False
    kind = val(sect.find(q("type")))
    return kind not in ("continuous",)


def _merged(runs: list[Run]) -> list[Run]:
    """Runs cleaned (spaces, NFC) and merged where their formatting is the same."""
    out: list[Run] = []
    for run in runs:
        if run.footnote is not None:
            out.append(run)
            continue
        text = nfc(run.text.translate(_SPACES))
        if not text:
            continue
        last = out[-1] if out else None
        same = last is not None and last.footnote is None and (
            (last.bold, last.italic) == (run.bold, run.italic) or not text.strip())
        if last is not None and same:
            out[-1] = Run(last.text + text, last.bold, last.italic)
        else:
            out.append(Run(text, run.bold, run.italic))
    return out


def read_docx(package: Package) -> Docx:
    """The blocks of the main document, and its footnotes and endnotes by id."""
    styles_part = package.related(package.main, "styles")
    styles = read_styles(package.xml(styles_part) if styles_part and package.has(styles_part)
                         else None)
    numbering_part = package.related(package.main, "numbering")
    numbering = read_numbering(
        package.xml(numbering_part) if numbering_part and package.has(numbering_part) else None,
        styles)
    root = package.xml(package.main)
    body = root.find(q("body"))
    if body is None:
        raise WordImportError(f"“{package.name}”: phần nội dung không có thân văn bản "
                              "(w:body). Hãy mở bằng Word rồi lưu lại.")
    reader = _Reader(styles, numbering, package.name)
    blocks = reader.blocks(body)
    notes = _notes(package, reader, "footnotes", "footnote", "")
    notes.update(_notes(package, reader, "endnotes", "endnote", "e"))
    return Docx(blocks, notes)


def _notes(package: Package, reader: _Reader, kind: str, tag: str, prefix: str
           ) -> dict[str, list[Run]]:
    part = package.related(package.main, kind)
    if not part or not package.has(part):
        return {}
    out: dict[str, list[Run]] = {}
    for note in package.xml(part).iterchildren(q(tag)):
        if val(note, "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        if len(out) >= MAX_NOTES:
            break
        runs: list[Run] = []
        for para in reader.blocks(note):
            if isinstance(para, Para) and para.text:
                if runs:
                    runs.append(Run(" "))
                runs.extend(para.runs)
        out[prefix + (val(note, "id") or "")] = runs
    return out
