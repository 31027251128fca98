"""The table of real deadline phrases (tests/data/deadline-phrases.tsv) and how a reading of
one is judged. Shared by tests/test_deadline_table.py and bench/deadline_table.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TABLE = Path(__file__).parent / "data" / "deadline-phrases.tsv"
# Warnings that say the reading may be wrong: a phrase carrying one was not read silently.
UNSURE = frozenset({"partial", "guessed", "unrecognized", "several-deadlines", "empty",
                    "input-truncated"})


@dataclass(frozen=True)
class Row:
    phrase: str
    reference: dt.date
    kind: str
    due: str  # ISO, or "" when the phrase has no due day (or none can be known)
    source: str


def rows() -> Iterator[Row]:
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("phrase\t"):
            continue
        phrase, reference, kind, due, source = line.split("\t")
        yield Row(phrase, dt.date.fromisoformat(reference), kind, due, source)


def judge(row: Row, reading: dict[str, Any]) -> str:
    """"exact" (kind and due as expected, no warning of doubt), "warned" (it says it may be
    wrong) or "wrong" (silently wrong) — ``reading`` is the JSON of ``kehoach deadline``."""
    unsure = {w["code"] for w in reading["warnings"]} & UNSURE or reading["errors"]
    right = reading["kind"] == row.kind and (reading["due"] or "") == row.due
    if right and row.kind == "unknown":  # nothing to read, and it says so
        return "exact"
    if right and not unsure:
        return "exact"
    return "warned" if unsure else "wrong"


def measure(read: Callable[[Row], dict[str, Any]]) -> dict[str, list[Row]]:
    found: dict[str, list[Row]] = {"exact": [], "warned": [], "wrong": []}
    for row in rows():
        found[judge(row, read(row))].append(row)
    return found
