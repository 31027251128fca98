"""What ``render`` prints of a plan, as comparable data: the block stream (every printed
line with its style, cells, runs and arguments) and the footnotes' texts.

Two things are normalised, because they do not print: a footnote reference to a footnote
without text (``render`` prints neither its mark nor a note), and the footnotes' ids (Word
numbers them 1, 2, 3 in order of reference, whatever the plan calls them).
"""

from __future__ import annotations

from typing import Any

from kehoach.plan.markup import Run, parse
from kehoach.plan.model import Item, Plan
from kehoach.plan.registry import Registry
from kehoach.render import render_blocks

Shape = tuple[str, bool, bool, int | None]


def _shape(runs: list[Run], numbers: dict[str, int], printed_notes: set[str]) -> tuple[Shape, ...]:
    out: list[Shape] = []
    for run in runs:
        if run.footnote is not None:
            if run.footnote in printed_notes:
                out.append(("", False, False, numbers.setdefault(run.footnote, len(numbers) + 1)))
            continue
        if out and out[-1][3] is None and out[-1][1:3] == (run.bold, run.italic):
            out[-1] = (out[-1][0] + run.text, run.bold, run.italic, None)
        elif run.text:
            out.append((run.text, run.bold, run.italic, None))
    return tuple(out)


def printed(plan: Plan, registry: Registry) -> tuple[list[Any], dict[int, str]]:
    notes = {str(n.id) for n in plan.chu_thich if n.noi_dung}
    numbers: dict[str, int] = {}
    stream = []
    for block in render_blocks(plan, registry):
        cells = tuple(_shape(cell, numbers, notes) for cell in block.cells)
        args = tuple(sorted((k, str(v)) for k, v in block.args.items()))
        stream.append((block.style, cells, args))
    texts = {numbers[str(n.id)]: n.noi_dung or "" for n in plan.chu_thich if str(n.id) in numbers}
    return stream, texts


def outline(plan: Plan) -> list[Any]:
    """The items as a tree of (marker, label, printed text), committees and events."""
    notes = {str(n.id) for n in plan.chu_thich if n.noi_dung}
    numbers: dict[str, int] = {}

    def walk(items: list[Item]) -> list[Any]:
        return [(i.so, i.nhan, _shape(parse(i.noi_dung or ""), numbers, notes),
                 i.ban_to_chuc.model_dump() if i.ban_to_chuc else None,
                 i.su_kien.model_dump() if i.su_kien else None, walk(i.muc)) for i in items]

    return walk(plan.phan)
