"""Blocks to a Word document: groups blocks by zone and lays each group out.

The header blocks become the borderless two-column header table; recipients and signature
blocks the closing table (one signature column per ``cot``, "Nơi nhận" full width below when
there are several); table-row blocks become tables; an annex block starts a new section.
Every measurement comes from ``typeset``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from itertools import groupby
from typing import Any

from docx.enum.section import WD_SECTION
from docx.shared import Pt

from kehoach.plan.markup import Run
from kehoach.render import docx_build as dx
from kehoach.render import typeset
from kehoach.render.blocks import Block
from kehoach.render.footnotes import Footnotes
from kehoach.render.typeset import Zone

_GROUP = {
    Zone.top: "top", Zone.header_left: "header", Zone.header_right: "header",
    Zone.body: "body", Zone.row: "row", Zone.grid: "grid", Zone.recipients: "closing",
    Zone.signature: "closing", Zone.annex: "annex",
}


def _grouped(blocks: list[Block]) -> list[tuple[str, list[Block]]]:
    """Consecutive blocks of one group; a line (gach_duoi) belongs to the block above it."""
    keys: list[str] = []
    for block in blocks:
        zone = block.spec.zone
        keys.append(keys[-1] if zone is Zone.rule and keys else _GROUP.get(zone, "body"))
    pairs = list(zip(keys, blocks, strict=True))
    return [(key, [b for _, b in grp]) for key, grp in groupby(pairs, key=lambda kb: kb[0])]


def _widest_tables(blocks: list[Block]) -> dict[int, int]:
    """For each annex block (by position), the most cells in a table row before the next one."""
    out: dict[int, int] = {}
    current: int | None = None
    for block in blocks:
        if block.spec.zone is Zone.annex:
            current = id(block)
            out[current] = 0
        elif block.spec.zone is Zone.grid and current is not None:
            out[current] = max(out[current], len(block.cells))
    return out


class Composer:
    """Writes blocks into a fresh document."""

    def __init__(self, document: Any, footnotes: Footnotes,
                 pictures: Mapping[str, bytes] | None = None):
        self.doc = document
        self.notes = footnotes
        self.pictures = dict(pictures or {})
        self.geometry = typeset.page(False)
        dx.setup_section(document.sections[0], self.geometry, restart=False)
        self._widest: dict[int, int] = {}
        self._last: Any = None  # the last body paragraph written

    def compose(self, blocks: list[Block]) -> None:
        self._widest = _widest_tables(blocks)
        for key, group in _grouped(blocks):
            if key == "header":
                self._header(group)
            elif key == "closing":
                self._closing(group)
            elif key in ("row", "grid"):
                self._tables(group)
            else:
                self._paragraphs(self.doc, group, self.geometry.text_width)

    # --- paragraphs ---------------------------------------------------------------------

    def _paragraphs(self, container: Any, blocks: list[Block], width: int, first: Any = None):
        previous: tuple[Block, list[str]] | None = None
        for block in blocks:
            if block.spec.zone is Zone.annex:
                self._new_section(block)
                width = self.geometry.text_width
            paragraph = first if first is not None else container.add_paragraph()
            first = None
            if block.spec.zone is Zone.rule:
                self._rule(paragraph, previous, width)
                continue
            lines = self.write(paragraph, block, width)
            previous = (block, lines)
            self._last = paragraph

    def write(self, paragraph: Any, block: Block, width: int,
              spec: typeset.Spec | None = None) -> list[str]:
        """Fill one paragraph from a block; returns its text as laid out in lines."""
        spec = spec or block.spec
        keep = spec.keep_next or (spec.bold and spec.zone is Zone.body)
        dx.format_paragraph(paragraph, spec, keep_next=keep)
        if block.style == "hinh":
            self._picture(paragraph, block, width)
            return []
        text = block.text.upper() if spec.caps else block.text
        indent = 720 if spec.first_indent else 0
        width_pt = (width - indent) / typeset.TWIPS_PER_PT
        runs = block.runs
        lines = [text]  # measured lazily: only a line drawn under the block needs them
        if spec.balance:
            lines = typeset.balance(text, width_pt, spec.size, spec.bold, phrases=spec.caps)
            texts = typeset.break_texts([r.text for r in runs], lines)
            runs = [replace(r, text=t) for r, t in zip(runs, texts, strict=True)]
        for run in runs:
            if run.footnote is not None:
                self.notes.reference(paragraph, run.footnote)
            elif run.text:
                dx.add_text(paragraph, run.text, spec, bold=run.bold, italic=run.italic)
        if spec.box:
            box_width = typeset.text_width_pt(text, spec.size, spec.bold) * typeset.TWIPS_PER_PT
            dx.box_paragraph(paragraph, max(0, width - round(box_width) - 400))
        return lines

    def _picture(self, paragraph: Any, block: Block, width: int) -> None:
        """The picture named by ``anh`` (handed to the renderer, never read from a path)."""
        import io

        from docx.shared import Twips

        from kehoach.errors import RenderError

        name = block.args.get("anh")
        data = self.pictures.get(name) if isinstance(name, str) else None
        if data is None:
            known = ", ".join(sorted(self.pictures)) or "không có hình nào"
            raise RenderError(f"Khối hinh: không có hình “{name}” (có: {known}).")
        run = paragraph.add_run()
        run.add_picture(io.BytesIO(data), width=Twips(typeset.picture_width(width)))

    def _rule(self, paragraph: Any, previous: tuple[Block, list[str]] | None, width: int):
        ratio, length = 1 / 3, width / typeset.TWIPS_PER_PT / 3
        if previous is not None:
            block, lines = previous
            spec = block.spec
            ratio = spec.rule_ratio or ratio
            indent = 720 if spec.first_indent else 0
            width_pt = (width - indent) / typeset.TWIPS_PER_PT
            lines = [part for line in lines for part in typeset.wrap(line, width_pt, spec.size,
                                                                      spec.bold)]
            length = typeset.longest_line_pt(lines, spec.size, spec.bold) * ratio
        left, right = typeset.rule_indents(width, length)
        gap = previous[0].spec.rule_gap if previous is not None else 0
        dx.rule_paragraph(paragraph, left, right, gap_after=gap)

    def _new_section(self, block: Block) -> None:
        explicit = block.args.get("ngang")
        explicit = explicit if isinstance(explicit, bool) else None
        landscape = typeset.annex_is_landscape(explicit, self._widest.get(id(block), 0))
        self.geometry = typeset.page(landscape)
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        dx.setup_section(section, self.geometry, restart=True)

    # --- header -------------------------------------------------------------------------

    def _header(self, blocks: list[Block]) -> None:
        columns: list[list[Block]] = [[], []]
        side = 0
        for block in blocks:
            if block.spec.zone is not Zone.rule:
                side = 0 if block.spec.zone is Zone.header_left else 1
            columns[side].append(block)
        widths = list(typeset.HEADER_COLUMNS)
        table = dx.add_table(self.doc, widths, borders=False, indent=typeset.HEADER_INDENT)
        row = dx.add_row(table, widths)
        for cell, column, width in zip(row.cells, columns, widths, strict=True):
            if column:
                self._paragraphs(cell, column, typeset.cell_text_width(width), cell.paragraphs[0])

    # --- closing: recipients and signatures -------------------------------------------------

    def _closing(self, blocks: list[Block]) -> None:
        if self._last is not None:  # the closing paragraph never stays alone on its page
            self._last.paragraph_format.keep_with_next = True
        recipients = [b for b in blocks if b.spec.zone is Zone.recipients]
        signatures: dict[int, list[Block]] = {}
        for block in blocks:
            if block.spec.zone is Zone.signature:
                signatures.setdefault(_column(block), []).append(block)
        columns = [signatures[k] for k in sorted(signatures)]
        if len(columns) <= 1:
            widths = list(typeset.CLOSING_COLUMNS)
            self._closing_table(widths, [recipients, columns[0] if columns else []])
            return
        width = self.geometry.text_width // len(columns)
        self._side_by_side([width] * len(columns), columns)
        if recipients:
            self.doc.add_paragraph()
            self._signature_cell(None, recipients, self.geometry.text_width)

    def _closing_table(self, widths: list[int], columns: list[list[Block]]) -> None:
        table = dx.add_table(self.doc, widths, borders=False)
        row = dx.add_row(table, widths, cant_split=True)
        for cell, column, width in zip(row.cells, columns, widths, strict=True):
            self._signature_cell(cell, column, typeset.cell_text_width(width))
            cell.paragraphs[0].paragraph_format.space_before = Pt(typeset.CLOSING_GAP_PT)

    def _side_by_side(self, widths: list[int], columns: list[list[Block]]) -> None:
        """Several signature blocks: titles, room and names in three rows, so names align."""
        table = dx.add_table(self.doc, widths, borders=False)
        parts = [("ky_quyen_han", "ky_chuc_vu"), ("ky_cho_ky",), ("ky_ten",)]
        for styles in parts:
            row = dx.add_row(table, widths, cant_split=True)
            for cell, column, width in zip(row.cells, columns, widths, strict=True):
                chosen = [b for b in column if b.style in styles]
                self._signature_cell(cell, chosen, typeset.cell_text_width(width))
        for cell in table.rows[0].cells:
            cell.paragraphs[0].paragraph_format.space_before = Pt(typeset.CLOSING_GAP_PT)

    def _signature_cell(self, cell: Any, blocks: list[Block], width: int) -> None:
        container = cell if cell is not None else self.doc
        first = cell.paragraphs[0] if cell is not None else None
        for block in blocks:
            count = typeset.signature_room_lines() if block.style == "ky_cho_ky" else 1
            for _ in range(count):
                paragraph = first if first is not None else container.add_paragraph()
                first = None
                self.write(paragraph, block, width)

    # --- tables -------------------------------------------------------------------------

    def _tables(self, blocks: list[Block]) -> None:
        for rows in _split_tables(blocks):
            if rows[0].spec.zone is Zone.grid:
                self._grid(rows)
            else:
                self._borderless(rows)

    def _borderless(self, rows: list[Block]) -> None:
        cells = max(len(r.cells) for r in rows)
        indent = 720
        widths = typeset.row_widths(rows[0].style, cells, self.geometry.text_width - indent)
        table = dx.add_table(self.doc, widths, borders=False, indent=indent)
        for block in rows:
            self._row(table, block, widths, header=False)

    def _grid(self, rows: list[Block]) -> None:
        head = next((r for r in rows if r.spec.header_row), rows[0])
        headers = ["".join(run.text for run in cell) for cell in head.cells]
        widths = typeset.column_widths(headers, self.geometry.text_width)
        table = dx.add_table(self.doc, widths, borders=True)
        for block in rows:
            self._row(table, block, widths, header=block.spec.header_row, headers=headers)

    def _row(self, table: Any, block: Block, widths: list[int], *, header: bool,
             headers: list[str] | None = None) -> None:
        row = dx.add_row(table, widths, header=header)
        cells = list(block.cells) + [[] for _ in range(len(widths) - len(block.cells))]
        if len(cells) > len(widths):  # extra cells go into the last column
            last = len(widths) - 1
            cells[last] = [r for c in cells[last:] for r in ([Run(" "), *c] if c else c)][1:]
        for i, (cell, width) in enumerate(zip(row.cells, widths, strict=True)):
            spec = block.spec
            text = "".join(run.text for run in cells[i])
            if not header and typeset.centre_cell(headers[i] if headers else "", text):
                spec = replace(spec, align=typeset.Align.center)
            one = Block(block.style, [cells[i]], block.args, block.line)
            self.write(cell.paragraphs[0], one, typeset.cell_text_width(width), spec)


def _split_tables(blocks: list[Block]) -> list[list[Block]]:
    """Consecutive rows make one table, until the row kind changes or a header row follows."""
    tables: list[list[Block]] = []
    for block in blocks:
        current = tables[-1] if tables else None
        if current is None or _starts_table(block, current[-1]):
            tables.append([block])
        else:
            current.append(block)
    return tables


def _starts_table(block: Block, previous: Block) -> bool:
    return (
        (block.style != previous.style and block.spec.zone is Zone.row)
        or block.spec.zone is not previous.spec.zone
        or (block.spec.header_row and not previous.spec.header_row)
    )


def _column(block: Block) -> int:
    """The signature column ``cot=n``; 1 when absent or not a number."""
    value = block.args.get("cot", 1)
    if not isinstance(value, str | int | float):  # null (or a list) from an encoded value
        return 1
    try:
        return int(value)
    except (ValueError, OverflowError):  # "hai", or an encoded 1e999 (infinity)
        return 1
