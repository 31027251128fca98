"""The body as nested items, nested by marker kind.

A marker of a kind already open closes what was opened after it and starts a sibling; a new
kind opens a level below; a paragraph without a marker continues the item above it (a child
without a number). Emphasis over a whole paragraph is layout; emphasis on part of it is
markup. Tables in the body go to ``bodytables``.
"""

from __future__ import annotations

import re

from kehoach.plan.markup import Run
from kehoach.wordimport.bodytables import body_table
from kehoach.wordimport.docxbody import Block, Para, Table
from kehoach.wordimport.env import Env
from kehoach.wordimport.inline import layout_free, split_runs
from kehoach.wordimport.items import Node, node_from, plain_runs, role_of
from kehoach.wordimport.marks import split_marker


class Outline:
    """Builds the item tree paragraph by paragraph."""

    def __init__(self, env: Env):
        self.env = env
        self.parts: list[Node] = []
        self.stack: list[Node] = []

    @property
    def top(self) -> Node | None:
        return self.stack[-1] if self.stack else None

    def add(self, node: Node) -> None:
        if node.kind != "text":
            for k in range(len(self.stack) - 1, -1, -1):
                if self.stack[k].kind == node.kind:
                    del self.stack[k:]
                    break
        siblings = self.top.children if self.top else self.parts
        siblings.append(node)
        if node.kind != "text":
            self.stack.append(node)

    def paragraph(self, para: Para) -> None:
        runs = layout_free(para.runs)
        pieces = _pieces(para, runs)
        for piece, label in pieces:
            node = node_from(para, piece, self.env, label)
            if len(pieces) == 1:
                node.bold = para.all_bold
            self.add(node)
            self.env.report.recognised(_what(node), para.index, node.line)

    def blocks(self, blocks: list[Block]) -> list[Node]:
        for block in blocks:
            if isinstance(block, Table):
                body_table(self, block)
            elif block.text and not _rule(block.text):
                self.paragraph(block)
        _roles(self.parts)
        return self.parts


def _what(node: Node) -> str:
    if node.so and node.nhan:
        return f"mục “{node.so}” có nhãn “{node.nhan}”"
    if node.so:
        return f"mục “{node.so}”"
    return "đoạn không đánh số (thuộc mục bên trên)"


_RULE = re.compile(r"^[-_–—=.…\s*]{3,}$")


def _rule(text: str) -> bool:
    """A line drawn with characters ("-----", "* * *"): layout, not text."""
    return bool(_RULE.match(text))


def _pieces(para: Para, runs: list[Run]) -> list[tuple[list[Run], str | None]]:
    """A paragraph split at line breaks that start another marked item (Shift+Enter used
    where Enter was meant); the Word list number belongs to the first piece."""
    text = "".join(r.text for r in runs)
    cuts = [i + 1 for i, ch in enumerate(text) if ch == "\n"
            and split_marker(text[i + 1:].lstrip()) is not None]
    pieces: list[tuple[list[Run], str | None]] = []
    rest, offset = runs, 0
    for cut in cuts:
        head, rest = split_runs(rest, cut - offset)
        offset = cut
        pieces.append((head, None))
    pieces.append((rest, None))
    first, _ = pieces[0]
    pieces[0] = (first, para.label)
    return [(r, lab) for r, lab in pieces if plain_runs(r) or lab]


def _roles(parts: list[Node]) -> None:
    """The part roles (muc_dich, kinh_phi, to_chuc_thuc_hien…) read from part titles, and
    from the titles of their numbered items for aims and requirements."""
    for part in parts:
        role = role_of(part.text or "") if part.so else None
        if role:
            part.extra["vai_tro"] = role
        for child in part.children:
            child_role = role_of(child.text or "") if child.so else None
            if child_role in ("muc_dich", "yeu_cau", "doi_tuong", "ban_to_chuc"):
                child.extra["vai_tro"] = child_role
