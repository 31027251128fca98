"""Word styles, as far as the importer needs them: bold and italic inherited by runs, the
list a paragraph style carries, whether a table style draws borders, and the style's name.

Properties resolve as Word resolves them, nearest first: the run's own, its character style,
the paragraph's style (each through its ``basedOn`` chain), the document defaults.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kehoach.wordimport.package import W

_OFF = frozenset({"0", "false", "off", "none"})
MAX_CHAIN = 32  # a basedOn chain longer than this (or a cycle) stops there


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def val(element: Any, attr: str = "val") -> str | None:
    return None if element is None else element.get(q(attr))


def toggle(rpr: Any, tag: str) -> bool | None:
    """A run property such as ``w:b``: None when absent, else on unless its value says off."""
    if rpr is None:
        return None
    element = rpr.find(q(tag))
    if element is None:
        return None
    value = val(element)
    return value is None or value.lower() not in _OFF


@dataclass
class Style:
    name: str = ""
    based_on: str | None = None
    bold: bool | None = None
    italic: bool | None = None
    hidden: bool | None = None
    num_id: str | None = None
    ilvl: int | None = None
    borders: bool | None = None


@dataclass
class Styles:
    styles: dict[str, Style] = field(default_factory=dict)
    default_bold: bool = False
    default_italic: bool = False
    default_paragraph: str | None = None

    def _chain(self, style_id: str | None) -> list[Style]:
        out: list[Style] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and len(out) < MAX_CHAIN:
            seen.add(style_id)
            style = self.styles.get(style_id)
            if style is None:
                break
            out.append(style)
            style_id = style.based_on
        return out

    def inherited(self, style_id: str | None, attr: str) -> Any:
        for style in self._chain(style_id):
            value = getattr(style, attr)
            if value is not None:
                return value
        return None

    def name(self, style_id: str | None) -> str:
        style = self.styles.get(style_id or "")
        return style.name if style else ""

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """The list (numId, level) a paragraph style carries, nearest in its chain."""
        for style in self._chain(style_id):
            if style.num_id is not None:
                return style.num_id, style.ilvl
        return None, None


def read_styles(root: Any | None) -> Styles:
    out = Styles()
    if root is None:
        return out
    rpr = root.find(f"{q('docDefaults')}/{q('rPrDefault')}/{q('rPr')}")
    out.default_bold = bool(toggle(rpr, "b"))
    out.default_italic = bool(toggle(rpr, "i"))
    for element in root.iter(q("style")):
        style_id = element.get(q("styleId"))
        if not style_id:
            continue
        out.styles[style_id] = _style(element)
        if element.get(q("type")) == "paragraph" and val(element, "default") in ("1", "true"):
            out.default_paragraph = style_id
    return out


def _style(element: Any) -> Style:
    rpr = element.find(q("rPr"))
    numpr = element.find(f"{q('pPr')}/{q('numPr')}")
    ilvl = val(numpr.find(q("ilvl"))) if numpr is not None else None
    return Style(
        name=val(element.find(q("name"))) or "",
        based_on=val(element.find(q("basedOn"))),
        bold=toggle(rpr, "b"),
        italic=toggle(rpr, "i"),
        hidden=toggle(rpr, "vanish"),
        num_id=val(numpr.find(q("numId"))) if numpr is not None else None,
        ilvl=int(ilvl) if ilvl and ilvl.isdigit() else None,
        borders=table_borders(element.find(f"{q('tblPr')}/{q('tblBorders')}")),
    )


def table_borders(borders: Any) -> bool | None:
    """Whether a ``tblBorders``/``tcBorders`` element draws any line (None when absent)."""
    if borders is None:
        return None
    return any((val(b) or "none") not in ("nil", "none") for b in borders)
