"""Word list numbering resolved to the text Word displays ("II.", "1.2.", "a)", "-").

A numbered paragraph holds only ``numId`` and a level (``ilvl``), in its own properties or
its style's; numbering.xml maps the ``numId`` to an abstract definition whose levels give a
format (decimal, upperRoman, lowerLetter, bullet...), a start value and a text template
("%1.%2."). Word keeps the counters:

- paragraphs of different ``numId`` sharing one abstract definition continue one list,
  unless a ``numId`` overrides a level (``lvlOverride``: ``startOverride`` or a whole level),
  which makes it a list of its own, counting from the override (Word's "Restart at 1");
- using a level restarts the deeper levels (``lvlRestart`` can say after which level a
  level restarts, or 0: never);
- ``isLgl`` shows every level of the template in decimal;
- ``numId`` 0 removes numbering a style would give; a level that does not exist, or a
  ``numId`` that does not, shows nothing.

The abstract definition may itself be a link to a numbering style (``numStyleLink``): it is
followed to the definition the style's list uses. Bullets in symbol fonts (private-use
characters) are shown as the bullet they draw.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from kehoach.wordimport.styles import Styles, q, val

MAX_LEVELS = 9
MAX_LINKS = 8

_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
# Symbol/Wingdings private-use glyphs officials pick in Word's bullet gallery.
_GLYPHS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf02d": "-", "\uf0d8": "•", "\uf076": "•",
           "\uf0fc": "•", "\uf0a8": "•", "\uf06e": "▪", "\uf071": "▪", "\uf0e8": "•",
           "\uf02a": "*", "\uf02b": "+", "\u2212": "-"}


def roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def letters(n: int) -> str:
    """Word's lowerLetter: a..z, then aa..zz, aaa..."""
    if n < 1:
        return ""
    repeat, index = divmod(n - 1, 26)
    return chr(ord("a") + index) * (repeat + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        text = roman(n) if n > 0 else str(n)
        return text.upper() if fmt == "upperRoman" else text
    if fmt in ("upperLetter", "lowerLetter"):
        text = letters(n)
        return text.upper() if fmt == "upperLetter" else text
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


def bullet_text(text: str) -> str:
    shown = "".join(_GLYPHS.get(ch, "•" if "\ue000" <= ch <= "\uf8ff" else ch) for ch in text)
    return shown.strip()


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = ""
    start: int = 1
    restart: int | None = None
    legal: bool = False
    style: str | None = None


@dataclass
class Num:
    abstract: str
    overrides: dict[int, tuple[int | None, Level | None]] = field(default_factory=dict)


@dataclass
class Numbering:
    abstracts: dict[str, dict[int, Level]] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)  # abstract id -> numbering style id
    nums: dict[str, Num] = field(default_factory=dict)
    styles: Styles = field(default_factory=Styles)
    _counters: dict[str, list[int | None]] = field(default_factory=dict)

    def _abstract(self, num_id: str) -> str | None:
        """The abstract definition of a ``numId``, following numbering-style links."""
        num = self.nums.get(num_id)
        for _ in range(MAX_LINKS):
            if num is None:
                return None
            link = self.links.get(num.abstract)
            if link is None:
                return num.abstract
            linked, _ = self.styles.numbering(link)
            num = self.nums.get(linked or "")
        return None

    def level(self, num_id: str, ilvl: int) -> Level | None:
        abstract = self._abstract(num_id)
        if abstract is None:
            return None
        base = self.abstracts.get(abstract, {}).get(ilvl)
        start, whole = self.nums[num_id].overrides.get(ilvl, (None, None))
        level = whole or base
        if level is not None and start is not None:
            level = replace(level, start=start)
        return level

    def label(self, num_id: str | None, ilvl: int | None) -> str | None:
        """The text Word shows before a paragraph of this list and level (counting it)."""
        if not num_id or num_id == "0":
            return None
        ilvl = min(max(ilvl or 0, 0), MAX_LEVELS - 1)
        level = self.level(num_id, ilvl)
        abstract = self._abstract(num_id)
        if level is None or abstract is None:
            return None
        num = self.nums[num_id]
        key = num_id if num.overrides else abstract
        counters = self._counters.setdefault(key, [None] * MAX_LEVELS)
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        self._restart_deeper(num_id, ilvl, counters)
        if level.fmt == "bullet":
            return bullet_text(level.text) or "•"
        return self._render(num_id, level, counters).strip() or None

    def _restart_deeper(self, num_id: str, ilvl: int, counters: list[int | None]) -> None:
        for deeper in range(ilvl + 1, MAX_LEVELS):
            level = self.level(num_id, deeper)
            after = level.restart if level is not None else None
            if after is None or (after != 0 and ilvl <= after - 1):
                counters[deeper] = None

    def _render(self, num_id: str, level: Level, counters: list[int | None]) -> str:
        out, i, template = [], 0, level.text
        while i < len(template):
            ch = template[i]
            if ch == "%" and i + 1 < len(template) and template[i + 1].isdigit():
                ref = int(template[i + 1]) - 1
                out.append(self._shown(num_id, ref, counters, level.legal))
                i += 2
                continue
            out.append(ch)
            i += 1
        return "".join(out)

    def _shown(self, num_id: str, ref: int, counters: list[int | None], legal: bool) -> str:
        if not 0 <= ref < MAX_LEVELS:
            return ""
        level = self.level(num_id, ref) or Level()
        counted = counters[ref]
        value = counted if counted is not None else level.start
        fmt = "decimal" if legal and level.fmt != "decimalZero" else level.fmt
        return format_number(value, fmt)


def read_numbering(root: Any | None, styles: Styles) -> Numbering:
    out = Numbering(styles=styles)
    if root is None:
        return out
    for element in root.iter(q("abstractNum")):
        abstract_id = element.get(q("abstractNumId")) or ""
        link = val(element.find(q("numStyleLink")))
        if link:
            out.links[abstract_id] = link
        out.abstracts[abstract_id] = {
            lvl: level for lvl, level in map(_level, element.iter(q("lvl"))) if lvl >= 0
        }
    for element in root.iter(q("num")):
        num_id = element.get(q("numId")) or ""
        abstract = val(element.find(q("abstractNumId")))
        if abstract is not None:
            out.nums[num_id] = Num(abstract, _overrides(element))
    return out


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _level(element: Any) -> tuple[int, Level]:
    restart = element.find(q("lvlRestart"))
    legal = element.find(q("isLgl"))
    return _int(element.get(q("ilvl")), -1), Level(
        fmt=val(element.find(q("numFmt"))) or "decimal",
        text=val(element.find(q("lvlText"))) or "",
        start=_int(val(element.find(q("start"))), 1),
        restart=_int(val(restart), 1) if restart is not None else None,
        legal=legal is not None and (val(legal) or "1").lower() not in ("0", "false", "off"),
        style=val(element.find(q("pStyle"))),
    )


def _overrides(element: Any) -> dict[int, tuple[int | None, Level | None]]:
    out: dict[int, tuple[int | None, Level | None]] = {}
    for override in element.iter(q("lvlOverride")):
        ilvl = _int(override.get(q("ilvl")), -1)
        start = override.find(q("startOverride"))
        lvl = override.find(q("lvl"))
        level = _level(lvl)[1] if lvl is not None else None
        if level is not None and start is None and lvl.find(q("start")) is not None:
            start_value: int | None = level.start
        else:
            start_value = _int(val(start), 1) if start is not None else None
        out[ilvl] = (start_value, level)
    return out
