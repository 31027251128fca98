"""Over 200 real deadline phrases, each with its source: read exactly, or warned about.

The rule (docs/deadlines.md): a phrase the grammar does not fully explain is never read
silently — the reading is the expected one, or it carries a warning of doubt that ``check``
shows at the phrase. The share read exactly is held above a floor, so that a change that
turns exact readings into warnings fails too.
"""

from __future__ import annotations

import pytest

from kehoach.deadline import read_deadline, to_json
from tests.deadline_table import Row, judge, measure, rows

ROWS = list(rows())


def _json(row: Row) -> dict[str, object]:
    return to_json(read_deadline(row.phrase, row.reference), row.reference)


def test_the_table_is_large_and_sourced() -> None:
    assert len(ROWS) >= 200
    assert all(row.source for row in ROWS)
    assert len({row.phrase for row in ROWS}) == len(ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[r.phrase[:50] for r in ROWS])
def test_no_phrase_is_read_silently_wrong(row: Row) -> None:
    reading = _json(row)
    assert judge(row, reading) != "wrong", (reading["kind"], reading["due"], reading["warnings"])


def test_most_phrases_are_read_exactly() -> None:
    found = measure(_json)
    share = len(found["exact"]) / len(ROWS)
    assert share >= 0.9, [r.phrase for r in found["warned"]]
