"""The parts of an invalid file that did validate, so that every problem shows at once.

A file with a schema error has no model, and the rules that need one (unknown bodies,
impossible dates, deadlines not in the text…) would only speak once the error is fixed.
``salvage`` drops what pydantic refused — the smallest record (an item, a task, a legal basis,
a body: a mapping in a list) around each error, an unknown key alone, an optional top-level
field — and validates the rest. Its model is never the file's: it only feeds the rules, whose
findings are mapped back to the original data paths (``Salvaged.original``) and kept only when
nothing dropped could have caused them (``Salvaged.trusts``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from kehoach.load.validate import data_path, value_at

Path = tuple[Any, ...]

_ROUNDS = 6  # dropping a part can make its record or list invalid: a few rounds settle it

DETACHABLE = frozenset({
    "so", "nhan", "noi_dung", "vai_tro", "dam", "ghi_chu", "san_pham", "ban_to_chuc",
    "su_kien", "ten_loai", "ten_in", "chu_quan", "quyen_han", "chuc_vu", "nguoi_ky",
    "minh_chung", "tieu_de", "bang", "ngang", "ben_ngoai", "loai_van_ban", "mau",
})
"""Fields that can be dropped alone: no rule reads them to judge another field (a dropped
text is accounted for by ``SUBTREE_CODES``; a required one drops its record next round)."""

ABSENCE_CODES = frozenset({
    "missing-field", "footnote-missing", "footnote-unused", "annex-unknown-task",
    "task-reference-unknown", "legal-basis-not-in-opening", "year-missing",
    "recurring-without-start", "completion-unknown-occurrence", "task-no-lead",
    "symbol-style", "symbol-type", "symbol-issuer", "symbol-number",
})
"""Codes that conclude from something missing or from the whole plan: after anything was
dropped they may speak of the drop, not of the plan, so a salvaged plan does not report them."""

SUBTREE_CODES = frozenset({"deadline-not-in-text", "task-text-not-in-item"})
"""Codes that search an item's text with its sub-items: unsure when a sub-item was dropped."""


@dataclass
class Salvaged:
    model: BaseModel
    dropped: list[Path]  # original data paths removed
    kept: dict[Path, list[int]] = field(default_factory=dict)  # list path → original indices
    distrusted: frozenset[str] = ABSENCE_CODES

    def original(self, path: Path) -> Path:
        """The original data path of a path in the salvaged data."""
        out: list[Any] = []
        for step in path:
            if isinstance(step, int) and tuple(out) in self.kept:
                step = self.kept[tuple(out)][step]
            out.append(step)
        return tuple(out)

    def trusts(self, code: str, path: Path) -> bool:
        """Whether a finding at an original ``path`` is about the plan and not about a drop."""
        if code in self.distrusted:
            return False
        if code in SUBTREE_CODES:
            item = _item_of(path)
            return not any(d[: len(item)] == item for d in self.dropped)
        return True


def _item_of(path: Path) -> Path:
    """The item a task or item-level finding is about: the path up to its last ``muc``/
    ``phan`` index."""
    for end in range(len(path), 0, -1):
        if isinstance(path[end - 1], int) and end >= 2 and path[end - 2] in ("muc", "phan"):
            return path[:end]
    return ()


Placeholders = dict[str, tuple[Any, Any]]
"""For a required top-level field: (a value that validates, the value the model then gets)."""


def salvage(model: type[BaseModel], data: dict[str, Any],
            placeholders: Placeholders | None = None,
            distrust: frozenset[str] = frozenset()) -> Salvaged | None:
    """The model of what validates in ``data`` once the refused parts are dropped (a wrong
    required top-level field replaced by its placeholder); None when nothing validates.
    ``distrust`` adds codes that may speak of a drop in this kind of file."""
    placeholders = placeholders or {}
    dropped: set[Path] = set()
    for _ in range(_ROUNDS):
        pruned, kept = _prune(data, dropped)
        stand_ins = {key: placeholders[key] for (key, *rest) in dropped
                     if not rest and key in placeholders}
        pruned.update({key: value[0] for key, value in stand_ins.items()})
        try:
            result = model.model_validate(pruned)
        except ValidationError as exc:
            more = _to_drop(model, pruned, exc, kept, placeholders)
            if more is None or more <= dropped:
                return None
            dropped |= more
            continue
        result = result.model_copy(update={key: value[1] for key, value in stand_ins.items()})
        return Salvaged(result, sorted(dropped, key=repr), kept, ABSENCE_CODES | distrust)
    return None


def _to_drop(model: type[BaseModel], pruned: Any, exc: ValidationError,
             kept: dict[Path, list[int]], placeholders: Placeholders) -> set[Path] | None:
    """Original paths to drop for the errors of ``pruned``; None if one is unrecoverable."""
    mapper = Salvaged(model.model_construct(), [], kept)
    out: set[Path] = set()
    for err in exc.errors(include_url=False):
        path = data_path(pruned, err["loc"])
        kind = err["type"]
        target = path if kind == "extra_forbidden" else _record(pruned, path, kind == "missing")
        info = model.model_fields.get(str(target[0])) if len(target) == 1 else None
        if not target or (info is not None and info.is_required()
                          and target[0] not in placeholders):
            return None
        out.add(mapper.original(target))
    return out


def _record(data: Any, path: Path, missing: bool = False) -> Path:
    """The smallest droppable part around ``path``: a field no rule reads across records
    (``DETACHABLE``), else the nearest mapping in a list, else the nearest list element, else
    the top-level key. A ``missing`` field is the fault of the mapping that lacks it."""
    element: Path | None = None
    for end in range(len(path) - (1 if missing else 0), 0, -1):
        if path[end - 1] in DETACHABLE:
            return path[:end]
        if not isinstance(path[end - 1], int):
            continue
        try:
            node = value_at(data, path[:end])
        except (KeyError, IndexError, TypeError):
            continue
        if isinstance(node, dict):
            return path[:end]
        element = element or path[:end]
    return element or path[:1]


def _prune(data: Any, dropped: set[Path]) -> tuple[Any, dict[Path, list[int]]]:
    kept: dict[Path, list[int]] = {}

    def rebuild(node: Any, path: Path) -> Any:
        if isinstance(node, dict):
            return {k: rebuild(v, (*path, k)) for k, v in node.items()
                    if (*path, k) not in dropped}
        if isinstance(node, list):
            indices = [i for i in range(len(node)) if (*path, i) not in dropped]
            if len(indices) != len(node):
                kept[path] = indices
            return [rebuild(node[i], (*path, i)) for i in indices]
        return node

    return rebuild(data, ()), kept
