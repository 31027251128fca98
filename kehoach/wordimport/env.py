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
        """Footnotes numbered in the order of their first reference, as Word shows them; a
        note without text gets no number (nothing of it would print), and a note repeating
        another's text word for word is that note cited again (Word cannot point twice at one
        note, so a second citation is a copy)."""
        by_text: dict[str, int] = {}
        for para in _paragraphs(blocks):
            for run in para.runs:
                ref = run.footnote
                if ref is None or ref in self.numbers:
                    continue
                text = "".join(r.text for r in self.notes.get(ref, [])).strip()
                if not text:
                    self.report.plain("chú thích không có lời (bỏ dấu chú thích)", para.index,
                                      para.text)
                elif text in by_text:
                    self.numbers[ref] = by_text[text]
                    self.report.recognised(f"chú thích {by_text[text]} dẫn lại", para.index)
                else:
                    by_text[text] = self.numbers[ref] = len(by_text) + 1

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
