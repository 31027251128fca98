"""Where an item is, as officials say it: its marker path, e.g. ``II.1.a)`` or ``IV.2.-[3]``.

Each level contributes its marker without the final dot (``II.`` → ``II``); a multi-level
number already holding its parent's (``2.2.1.`` under ``2.2.``) replaces the parent's part.
Bullets (``-``, ``+``, ``*``…) and unnumbered paragraphs are counted among their siblings
(``-[3]``: the third ``-`` item; ``[2]``: the second unnumbered paragraph), and so is a number
repeated by mistake. Levels are joined with ``.``, except after ``)``: ``II.1.a)-[2]``.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from kehoach.plan.model import Item, Plan

BULLETS = frozenset({"-", "+", "*", "•", "–", "—", "o"})
Path = tuple[Any, ...]
NUMBERED = re.compile(r"^(\d+\.)+$|^\d+(\.\d+)*\.?$")
"""An Arabic number marker: "1.", "2.3.", "2.3" — as opposed to a letter or a bullet."""


def bold_by_default(so: str | None, depth: int, has_items: bool) -> bool:
    """Whether an item's line prints bold when it does not say (``dam``): a part with a
    marker, and a numbered item with sub-items. The renderer prints by this rule; the importer
    writes ``dam`` only where a document departs from it."""
    if depth == 0 and so:
        return True
    return bool(so and NUMBERED.match(so)) and has_items


def component(item: Item, siblings: list[Item], index: int) -> str:
    """This item's own part of the marker path, among ``siblings``."""
    base = _base(item.so)
    bullet = item.so is None or item.so.strip() in BULLETS
    repeated = Counter(_base(s.so) for s in siblings)[base] > 1
    if not (bullet or repeated):
        return base
    nth = sum(1 for s in siblings[: index + 1] if _base(s.so) == base)
    return f"{base}[{nth}]"


def _base(so: str | None) -> str:
    if so is None:
        return ""
    text = so.strip()
    return text[:-1] if text.endswith(".") and len(text) > 1 else text


def join(parts: list[str]) -> str:
    out = ""
    for part in parts:
        if out and not out.endswith(")"):
            out += "."
        out += part
    return out


def marker_paths(plan: Plan) -> dict[Path, str]:
    """Marker path of every item, by the item's data path (``("phan", 1, "muc", 0)``)."""
    found: dict[Path, str] = {}

    def walk(items: list[Item], path: Path, parts: list[str]) -> None:
        for i, item in enumerate(items):
            own = component(item, items, i)
            mine = list(parts)
            if parts and "." in own and own.startswith(parts[-1] + "."):
                mine[-1] = own
            else:
                mine.append(own)
            found[(*path, i)] = join(mine)
            walk(item.muc, (*path, i, "muc"), mine)

    walk(plan.phan, ("phan",), [])
    return found


def item_path_of(task_path: Path) -> Path:
    """The data path of the item holding a task (``(..., "nhiem_vu", 0)`` → ``(...)``)."""
    return task_path[:-2]
