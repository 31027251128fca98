"""What every recogniser shares: the report, the bodies, and footnote numbering."""

from __future__ import annotations

from dataclasses import dataclass, field

from kehoach.plan.markup import Run
from kehoach.wordimport.bodymatch import Bodies
from kehoach.wordimport.docxbody import Block, Para, Table
from kehoach.wordimport.inline import to_markup
from kehoach.wordimport.report import Report


@dataclass
class Env:
    report: Report
    bodies: Bodies
    source: str
    notes: dict[str, list[Run]] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)  # Word note id -> the plan's

    def number_notes(self, blocks: list[Block]) -> None:
        """Footnotes numbered in the order of their first reference, as Word shows them;
        a note without text gets no number (nothing of it would print)."""
        for para in _paragraphs(blocks):
            for run in para.runs:
                ref = run.footnote
                if ref is not None and ref not in self.numbers:
                    if any(r.text.strip() for r in self.notes.get(ref, [])):
                        self.numbers[ref] = len(self.numbers) + 1
                    else:
                        self.report.plain("chú thích không có lời (bỏ dấu chú thích)",
                                          para.index, para.text)

    def note(self, ref: str) -> str | None:
        number = self.numbers.get(ref)
        return str(number) if number is not None else None

    def markup(self, runs: list[Run], *, whole: bool = True) -> str:
        return to_markup(runs, self.note, whole=whole)


def _paragraphs(blocks: list[Block]) -> list[Para]:
    out: list[Para] = []
    for block in blocks:
        if isinstance(block, Table):
            out.extend(p for row in block.rows for cell in row for p in cell)
        else:
            out.append(block)
    return out
