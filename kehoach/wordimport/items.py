"""One item of the body read from one paragraph: its marker, its label, its text.

The marker is the number Word's list shows, else the one typed at the start ("marks"). A
label from a short known list ("Thời gian:", "Cơ quan chủ trì:", …) becomes the item's
``nhan``; a label alone on a numbered item ("1. Nội dung:") is its title instead. What a
part is (``vai_tro``) is read from its title.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kehoach.plan.markers import bold_by_default
from kehoach.plan.markup import Run, plain
from kehoach.textnorm import fold
from kehoach.wordimport.docxbody import Para
from kehoach.wordimport.env import Env
from kehoach.wordimport.inline import flat, split_runs
from kehoach.wordimport.marks import Marker, label_kind, split_marker

LABELS = (
    "thời gian thực hiện", "thời gian hoàn thành", "thời gian", "thời hạn hoàn thành",
    "thời hạn", "tiến độ thực hiện", "tiến độ", "cơ quan chủ trì thực hiện", "cơ quan chủ trì",
    "cơ quan thực hiện", "cơ quan phối hợp thực hiện", "cơ quan phối hợp", "đơn vị chủ trì",
    "đơn vị thực hiện", "đơn vị phối hợp", "chủ trì thực hiện", "chủ trì", "phối hợp thực hiện",
    "phối hợp", "nội dung thực hiện", "nội dung", "sản phẩm dự kiến", "sản phẩm", "kết quả dự kiến",
    "kinh phí thực hiện", "kinh phí", "địa điểm", "thành phần", "hình thức", "chương trình",
)
_FOLDED_LABELS = sorted({fold(x) for x in LABELS}, key=len, reverse=True)
ROLES = (
    ("muc dich, yeu cau", "muc_dich_yeu_cau"), ("muc dich - yeu cau", "muc_dich_yeu_cau"),
    ("muc dich va yeu cau", "muc_dich_yeu_cau"), ("muc dich", "muc_dich"),
    ("yeu cau", "yeu_cau"), ("doi tuong", "doi_tuong"), ("noi dung", "noi_dung"),
    ("nhiem vu", "noi_dung"), ("kinh phi", "kinh_phi"), ("to chuc thuc hien", "to_chuc_thuc_hien"),
    ("trach nhiem", "to_chuc_thuc_hien"), ("phan cong", "to_chuc_thuc_hien"),
    ("thanh lap ban to chuc", "ban_to_chuc"), ("ban to chuc", "ban_to_chuc"),
)


@dataclass
class Node:
    so: str | None
    nhan: str | None
    text: str | None  # markup
    index: int
    kind: str
    children: list[Node] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    bold: bool | None = None  # the whole line bold in the document (None: not known)

    @property
    def plain(self) -> str:
        return plain(self.text or "")

    @property
    def line(self) -> str:
        return " ".join(p for p in (self.so, self.nhan, self.plain) if p)

    def data(self, depth: int = 0) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in (("so", self.so), ("nhan", self.nhan), ("noi_dung", self.text)):
            if value:
                out[key] = value
        out.update(self.extra)
        if self.children:
            out["muc"] = [c.data(depth + 1) for c in self.children]
        if self.bold is not None and self.bold != bold_by_default(
                self.so, depth, bool(self.children)):
            out["dam"] = self.bold  # the author set this line apart (or did not) on purpose
        return out


def node_from(para: Para, runs: list[Run], env: Env, label: str | None) -> Node:
    """An item from a paragraph's runs (emphasis over the whole paragraph already gone)."""
    text = flat("".join(r.text for r in runs))
    marker: Marker | None = None
    so: str | None
    if label:
        kind, so = label_kind(label), label
    else:
        marker = split_marker(text.strip())
        kind, so = (marker.kind, marker.text) if marker else ("text", None)
    if marker is not None:
        lead = len(text) - len(text.lstrip())
        _, runs = split_runs(runs, lead + marker.end)
    head, runs = _label(runs, kind)
    nhan = env.markup(head, whole=False) or None if head else None
    body = env.markup(runs, whole=False) or None
    return Node(so, nhan, body, para.index, kind)


def _label(runs: list[Run], kind: str) -> tuple[list[Run], list[Run]]:
    """The runs of the item's label (none: empty) and of the rest."""
    text = flat("".join(r.text for r in runs))
    stripped = text.lstrip()
    folded = fold(stripped)
    for label in _FOLDED_LABELS:
        if not folded.startswith(label):
            continue
        rest = folded[len(label):].lstrip()
        if not rest.startswith(":"):
            continue
        colon = stripped.index(":") + 1
        after = stripped[colon:].strip()
        if not after and kind not in _SUBITEM_KINDS:  # "1. Nội dung:" is a title
            return [], runs
        lead = len(text) - len(stripped)
        return split_runs(runs, lead + colon)
    return [], runs


_SUBITEM_KINDS = frozenset({"letter", "bullet-", "bullet+", "bullet*", "bullet•"})


def plain_runs(runs: list[Run]) -> str:
    return flat("".join(r.text for r in runs)).strip()


def role_of(text: str) -> str | None:
    folded = fold(plain(text)).strip(" :.")
    return next((role for words, role in ROLES if folded.startswith(words)), None)


