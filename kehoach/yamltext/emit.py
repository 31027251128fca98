"""Writing plan data as kehoach's canonical YAML, with the author's comments in place.

One form only: keys in schema order (the pydantic models' field order, at every depth), two
spaces per level, sequence dashes two spaces under their key, scalars styled by
``kehoach.yamltext.scalars`` from their value alone, short lists of plain words in flow style
(``phoi_hop: [a, b]``, ``ten_khac: [SNV, "Sở Nội vụ, tỉnh"]``) when the line fits in
``FLOW_WIDTH`` columns — but lists of prose lines (``noi_nhan``, ``ket_thuc``…) one item per
line —, long text folded to end by column 100, at most one blank line in a row and none at the
top of a block. Comments come from ``kehoach.yamltext.comments``.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any, TypeAlias

from kehoach.yamltext.comments import BLANK, Comments, Path
from kehoach.yamltext.scalars import double_quoted, inline, plain_ok, quoted, render

if TYPE_CHECKING:
    from pydantic import BaseModel

FLOW_WIDTH = 100
PROSE_LISTS = frozenset({"noi_nhan", "ket_thuc", "thanh_phan", "dong",
                         # a report narrative's paragraphs (kehoach.plan.narrative)
                         "danh_gia", "nguyen_nhan", "phuong_huong", "kien_nghi"})
"""Lists of lines of text: always one item per line (table rows: one row per line)."""
Model: TypeAlias = "type[BaseModel] | None"


def top_model(data: Any) -> Model:
    """The model a file's data follows: a plan, the agency registry, or a report's
    narrative (which names its plan under ``ke_hoach``)."""
    from kehoach.plan.model import Plan, RegistryFile
    from kehoach.plan.narrative import Narrative

    if isinstance(data, dict) and "loai" not in data and "ke_hoach" in data:
        return Narrative
    if isinstance(data, dict) and "co_quan" in data and "loai" not in data:
        return RegistryFile
    return Plan


@cache
def _fields(model: type[BaseModel]) -> dict[str, Model]:
    from kehoach.load.validate import model_in

    return {name: model_in(info.annotation) for name, info in model.model_fields.items()}


def ordered_keys(data: dict[str, Any], model: Model) -> list[str]:
    """Keys in the model's field order; keys the model does not know keep their order, last."""
    if model is None:
        return list(data)
    known = _fields(model)
    return [k for k in known if k in data] + [k for k in data if k not in known]


def child_model(model: Model, key: str) -> Model:
    return _fields(model).get(key) if model is not None else None


def dump(data: dict[str, Any], comments: Comments | None = None, newline: str = "\n") -> str:
    """The canonical text of a file's data (a mapping), comments included."""
    writer = Writer(comments or Comments())
    writer.comment_lines(writer.comments.header, 0, first=True)
    writer.mapping(data, (), top_model(data), 0)
    writer.flush_unplaced()
    writer.comment_lines(writer.comments.trailer, 0, first=False)
    while writer.out and writer.out[-1] == "":
        writer.out.pop()
    return newline.join(writer.out) + newline


class Writer:
    """Emits lines; ``lead``/``eol`` comments are consumed as their entries are written."""

    def __init__(self, comments: Comments):
        self.comments = comments
        self.out: list[str] = []

    # --- comments ----------------------------------------------------------------------

    def comment_lines(self, lines: list[str], indent: int, first: bool) -> None:
        """Write comment lines; ``first`` (top of a block) drops the blank lines before them."""
        pad = " " * indent
        for line in lines:
            if line != BLANK:
                self.out.append(pad + line)
                first = False
            elif not (first or not self.out or self.out[-1] == ""):
                self.out.append("")

    def lead(self, path: Path, indent: int, first: bool) -> None:
        lines = self.comments.lead.pop(path, None)
        if lines:
            self.comment_lines(lines, indent, first)

    def tail(self, path: Path, indent: int) -> None:
        lines = self.comments.tail.pop(path, None)
        if lines:
            self.comment_lines(lines, indent, first=False)

    def eol(self, paths: tuple[Path, ...]) -> str:
        found = [c for p in paths for c in self.comments.eol.pop(p, [])]
        return "  " + " ".join(found) if found else ""

    def flush_unplaced(self) -> None:
        """Comments whose entry was not written (never expected) go to the end, not lost."""
        rest = [c for lines in self.comments.lead.values() for c in lines if c != BLANK]
        rest += [c for lines in self.comments.eol.values() for c in lines]
        rest += [c for lines in self.comments.tail.values() for c in lines]
        self.comments.lead.clear()
        self.comments.eol.clear()
        self.comments.tail.clear()
        self.comment_lines(rest, 0, first=False)

    # --- structure ---------------------------------------------------------------------

    def mapping(self, data: dict[str, Any], path: Path, model: Model, indent: int,
                prefix: str | None = None, item_path: Path | None = None) -> None:
        for i, key in enumerate(ordered_keys(data, model)):
            kpath = (*path, key)
            eols: tuple[Path, ...]
            if i == 0 and prefix is not None:
                head, eols = prefix + _key(key) + ":", (item_path or path, kpath)
            else:
                self.lead(kpath, indent, first=i == 0)
                head, eols = " " * indent + _key(key) + ":", (kpath,)
            self.value(head, data[key], kpath, child_model(model, key), indent + 2, eols)
            self.tail(kpath, indent)

    def sequence(self, items: list[Any], path: Path, model: Model, indent: int,
                 prefix: str | None = None, item_path: Path | None = None) -> None:
        for j, item in enumerate(items):
            ipath = (*path, j)
            eols: tuple[Path, ...] = (ipath,)
            lead = self.comments.lead.pop(ipath, [])
            if isinstance(item, dict) and item:  # the first key's comments go above the dash
                lead += self.comments.lead.pop((*ipath, ordered_keys(item, model)[0]), [])
            if j == 0 and prefix is not None:
                self.comment_lines(lead, len(prefix) - 2, first=False)
                dash, eols = prefix + "-", (item_path or path, ipath)
            else:
                self.comment_lines(lead, indent, first=j == 0)
                dash = " " * indent + "-"
            if isinstance(item, dict) and item:
                self.mapping(item, ipath, model, indent + 2, prefix=dash + " ", item_path=ipath)
            elif isinstance(item, list) and item:
                self.row(dash, item, ipath, model, indent + 2, eols)
            else:
                self.value(dash, item, ipath, model, indent + 2, eols)
            self.tail(ipath, indent)

    def row(self, dash: str, item: list[Any], path: Path, model: Model, indent: int,
            eols: tuple[Path, ...]) -> None:
        """A list inside a list (a table row): ``- [a, "b: c"]``, else ``- - a``."""
        flow = self.flow(item, path, len(dash), quote=True)
        if flow is not None:
            self.out.append(f"{dash} {flow}{self.eol(eols)}")
        else:
            self.sequence(item, path, model, indent, prefix=dash + " ", item_path=eols[0])

    def value(self, head: str, value: Any, path: Path, model: Model, indent: int,
              eols: tuple[Path, ...]) -> None:
        if isinstance(value, dict):
            if not value:
                self.out.append(head + " {}" + self.eol(eols))
                return
            self.out.append(head + self.eol(eols))
            self.mapping(value, path, model, indent)
        elif isinstance(value, list):
            prose = bool(value) and bool(path) and path[-1] in PROSE_LISTS
            flow = None if prose else self.flow(value, path, len(head), quote=True)
            if flow is not None:
                self.out.append(f"{head} {flow}{self.eol(eols)}")
                return
            self.out.append(head + self.eol(eols))
            self.sequence(value, path, model, indent)
        else:
            scalar = render(value, len(head) + 1, indent)
            sep = " " if scalar.head else ""
            self.out.append(head + sep + scalar.head + self.eol(eols))
            pad = " " * indent
            self.out.extend(pad + line if line else "" for line in scalar.lines)

    def flow(self, items: list[Any], path: Path, column: int, quote: bool = False) -> str | None:
        """``[a, b]`` for a list of plain words (``quote``: or one-line quoted text) with no
        comments, when it fits on the line."""
        if not items:
            return "[]"
        words = []
        for item in items:
            word = inline(item, flow=True)
            if word is None and quote and isinstance(item, str):
                word = quoted(item)
            if word is None:
                return None
            words.append(word)
        for j in range(len(items)):
            c, ipath = self.comments, (*path, j)
            if any(c.lead.get(ipath, ())) or ipath in c.eol or ipath in c.tail:
                return None
        text = "[" + ", ".join(words) + "]"
        return text if column + 1 + len(text) <= FLOW_WIDTH else None


def _key(key: str) -> str:
    return key if plain_ok(key) else double_quoted(key)
