"""Where each part of a plan is in the document: header, type and subject, legal bases and
opening sentence, body, closing block (recipients and signatures), annexes.

Each boundary is found by what officials write there: the type line is the first short
line in capitals that starts with a document type ("KẾ HOẠCH", "CHƯƠNG TRÌNH PHỐI HỢP");
the body starts at the first part marker ("I.", "Phần I", "Chương I", a Word list); the
closing block at "Nơi nhận" or an authority line ("TM.", "KT.", …); an annex at a line
"Phụ lục …" after the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach.plan.model import DocType
from kehoach.textnorm import fold
from kehoach.wordimport.docxbody import Block, Para, Table
from kehoach.wordimport.marks import split_marker

TYPE_WORDS = {fold(t.name_vi): t for t in DocType}
AUTHORITY = re.compile(r"^(?:TM|KT|Q|TL|TUQ)\s*\.\s*\S", re.I)
_ANNEX = re.compile(r"^phu luc(?:\s+(?:so\s+)?[ivxlc\d]+\b.*)?$")
_RULE = re.compile(r"^[-_–—=.…\s*]{3,}$")
HEAD_SCAN = 60  # blocks in which the type line is looked for


def is_type_line(para: Para) -> DocType | None:
    text = para.text
    if not text or len(text) > 200:
        return None
    first = para.lines()[0] if para.lines() else text
    for words, doc_type in TYPE_WORDS.items():
        if fold(first).startswith(words) and first[: len(words)].isupper():
            return doc_type
    return None


def is_rule(para: Para) -> bool:
    return bool(_RULE.match(para.text)) if para.text else False


def is_annex_title(para: Para) -> bool:
    text = fold(para.text)
    return bool(_ANNEX.match(text)) and len(text) <= 40 and (
        para.centered or para.all_bold or para.page_break)


def is_recipients(text: str) -> bool:
    return fold(text).startswith("noi nhan")


def is_closing_block(block: Block) -> bool:
    if isinstance(block, Para):
        return is_recipients(block.text) or bool(
            AUTHORITY.match(block.text) and block.text.isupper())
    for row in block.rows:
        for cell in row:
            for para in cell:
                if is_recipients(para.text) or (AUTHORITY.match(para.text)
                                                and para.text.upper() == para.text):
                    return True
    return False


def is_empty_table(block: Block) -> bool:
    return isinstance(block, Table) and not any(
        p.text for row in block.rows for cell in row for p in cell)


@dataclass
class Zones:
    header: list[Block] = field(default_factory=list)
    title: Para | None = None
    doc_type: DocType | None = None
    subject: list[Para] = field(default_factory=list)
    preamble: list[Para] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    closing: list[Block] = field(default_factory=list)
    annexes: list[Block] = field(default_factory=list)


def zones(blocks: list[Block]) -> Zones:
    out = Zones()
    start = _title(blocks, out)
    position = _subject(blocks, start, out)
    position = _preamble(blocks, position, out)
    end, annex = _ends(blocks, position)
    out.body = blocks[position:end]
    out.closing = blocks[end:annex]
    out.annexes = blocks[annex:]
    return out


def _title(blocks: list[Block], out: Zones) -> int:
    for i, block in enumerate(blocks[:HEAD_SCAN]):
        if isinstance(block, Para) and (kind := is_type_line(block)):
            out.header, out.title, out.doc_type = blocks[:i], block, kind
            return i + 1
    return 0


def _subject(blocks: list[Block], i: int, out: Zones) -> int:
    if out.title is None:
        return i
    while i < len(blocks):
        block = blocks[i]
        if not isinstance(block, Para) or not block.text or is_rule(block):
            break
        laid_out = (block.centered or block.all_bold) and not block.all_italic
        if _starts_body(block) or not (laid_out or (not out.subject and not _basis_like(
                block.text) and not out.title.centered)):
            break
        out.subject.append(block)
        i += 1
    return i


def _basis_like(text: str) -> bool:
    return fold(text).startswith(("can cu", "thuc hien", "trien khai", "theo de nghi", "xet "))


def _starts_body(para: Para) -> bool:
    if para.label:
        return True
    marker = split_marker(para.text)
    return marker is not None and (marker.kind == "roman" or marker.kind.startswith("word:"))


def _preamble(blocks: list[Block], i: int, out: Zones) -> int:
    romans = any(isinstance(b, Para) and _starts_body(b) for b in blocks[i:])
    while i < len(blocks):
        block = blocks[i]
        if isinstance(block, Table) or is_closing_block(block):
            break
        if _starts_body(block) or (not romans and split_marker(block.text)):
            break
        if block.text and not is_rule(block):
            out.preamble.append(block)
        i += 1
    return i


def _ends(blocks: list[Block], start: int) -> tuple[int, int]:
    """Where the closing block and the annexes start (each may be absent: the end)."""
    closing = next((i for i in range(start, len(blocks)) if is_closing_block(blocks[i])), None)
    if closing is not None:  # signature blocks with nothing written may stand before "Nơi nhận"
        closing = _empty_signatures_before(blocks, start, closing)
    after = closing if closing is not None else start
    annex = next((i for i, b in enumerate(blocks) if i >= after
                  and isinstance(b, Para) and is_annex_title(b)), len(blocks))
    if closing is None:  # no recipients, no signer: an empty signature table may still stand
        closing = _empty_signatures_before(blocks, start, annex)
    return closing, annex


def _empty_signatures_before(blocks: list[Block], start: int, end: int) -> int:
    """Where the closing block starts, given that it starts at ``end`` at the latest: at an
    empty table (signature blocks with nothing written yet) just before it, if there is one."""
    k = end
    while k > start and (is_empty_table(blocks[k - 1]) or _blank(blocks[k - 1])):
        k -= 1
    return next((i for i in range(k, end) if is_empty_table(blocks[i])), end)


def _blank(block: Block) -> bool:
    return isinstance(block, Para) and not block.text
