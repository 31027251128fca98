"""How the deadline phrases of the generated corpus are read: exactly, with a warning of
doubt, or not at all. ``make bench`` prints the shares; the benchmark's corpus draws its
phrases from bench/corpus.py's DEADLINES, so a share below 100 % exact is a regression of the
reader (or a template that needs one)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

# Warnings that say the reading may be wrong (as tests/deadline_table.py judges them).
DOUBT = frozenset({"partial", "guessed", "several-deadlines", "input-truncated"})


def _phrases(data: Any) -> list[str]:
    found: list[str] = []
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("thoi_han"), str):
                found.append(node["thoi_han"])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


def deadline_share(corpus: Path) -> dict[str, Any]:
    """Counts and shares of the corpus's deadline phrases: exact / warned / unread."""
    from kehoach.deadline import read_deadline

    counts = {"exact": 0, "warned": 0, "unread": 0}
    for path in sorted((corpus / "plans").rglob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        if not isinstance(data, dict) or "phan" not in data:
            continue
        issued = data.get("ngay_ban_hanh")
        reference = issued if isinstance(issued, dt.date) else None
        for phrase in _phrases(data.get("phan")):
            reading = read_deadline(phrase, reference)
            if reading.kind == "unknown":
                counts["unread"] += 1
            elif reading.errors or {p.code for p in reading.warnings} & DOUBT:
                counts["warned"] += 1
            else:
                counts["exact"] += 1
    total = sum(counts.values()) or 1
    return {"phrases": sum(counts.values()), **counts,
            **{f"{k}_share": round(v / total, 4) for k, v in counts.items()}}
