"""The deadline table measured through the command line: ``kehoach deadline --json`` on every
phrase of tests/data/deadline-phrases.tsv (with ``--as-of`` its reference day).

Prints the share read exactly, read with a warning of doubt, and read silently wrong, and the
phrases of the last two groups. ``python -m bench.deadline_table [--kehoach CMD]`` — CMD runs
another kehoach (for a before/after comparison), default this checkout's.
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from tests.deadline_table import Row, measure, rows


def _cli(command: list[str]) -> Any:
    def read(row: Row) -> dict[str, Any]:
        # Run outside the checkout: "python -m" would import the kehoach of the current folder.
        out = subprocess.run([*command, "deadline", "--json", "--as-of",
                              row.reference.isoformat(), row.phrase], cwd=tempfile.gettempdir(),
                             capture_output=True, text=True, encoding="utf-8", check=False)
        if out.returncode not in (0, 1):
            raise SystemExit(f"kehoach deadline failed on {row.phrase!r}: {out.stderr}")
        return json.loads(out.stdout)
    return read


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kehoach", default=f"{sys.executable} -m kehoach")
    args = parser.parse_args()
    read = _cli(shlex.split(args.kehoach))
    table = list(rows())
    with ThreadPoolExecutor(max_workers=2) as pool:  # the CLI's start-up dominates
        readings = dict(zip((r.phrase for r in table), pool.map(read, table), strict=True))
    found = measure(lambda row: readings[row.phrase])
    total = len(table)
    for group in ("exact", "warned", "wrong"):
        print(f"{group:7} {len(found[group]):4} / {total} ({len(found[group]) / total:.1%})")
    for group in ("warned", "wrong"):
        for row in found[group]:
            got = readings[row.phrase]
            print(f"  {group}: {row.phrase!r} → {got['kind']} {got['due']} "
                  f"(expected {row.kind} {row.due or '—'})")


if __name__ == "__main__":
    main()
