"""A warm tracking query (every plan and the registry unchanged since the last one) reads the
row cache only: it must not import what reading YAML and building rows need — PyYAML,
pydantic and the models, the deadline grammar, the checker's rules — since importing them
cost a warm all-agency ``overdue`` a quarter of its time (docs/performance.md)."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.trackingrepo import tracking_repo

HEAVY = ("yaml", "pydantic", "kehoach.plan.model", "kehoach.deadline.grammar",
         "kehoach.check.rules", "kehoach.check.checker", "kehoach.load.parse",
         "kehoach.tracking.schedule")
QUERIES = [
    ["overdue", "--role", "tat-ca", "--format", "json"],
    ["overdue", "--agency", "Sở Nội vụ tỉnh Thử", "--format", "json"],
    ["tasks", "--role", "tat-ca", "--format", "csv"],
    ["upcoming", "--within", "60", "--format", "json"],
    ["summary", "--format", "json"],
]
_RUN = """import sys
from kehoach.cli import main
sys.argv = ['kehoach', *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
sys.stdout.flush()
print('\\n' + repr(sorted(m for m in {heavy!r} if m in sys.modules)), file=sys.stderr)
"""


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    return tracking_repo(tmp_path_factory.mktemp("warm"), seed=18)


def _run(repo: Path, cache: Path, args: list[str]) -> tuple[str, list[str]]:
    env = {**os.environ, "KEHOACH_CACHE_DIR": str(cache), "KEHOACH_JOBS": "1"}
    done = subprocess.run([sys.executable, "-c", _RUN.format(heavy=HEAVY), *args,
                           "--as-of", "2024-06-30"], cwd=repo, env=env, capture_output=True,
                          text=True, timeout=300, check=False)
    assert "Traceback" not in done.stderr, done.stderr
    return done.stdout, ast.literal_eval(done.stderr.splitlines()[-1])


@pytest.mark.parametrize("args", QUERIES, ids=lambda a: " ".join(a[:3]))
def test_a_warm_query_imports_no_loader_model_or_grammar(repo, tmp_path, args):
    cold, loaded = _run(repo, tmp_path / "cache", args)
    assert "kehoach.plan.model" in loaded and "yaml" in loaded  # the cold run did load
    warm, imported = _run(repo, tmp_path / "cache", args)
    assert imported == []
    assert warm == cold and warm.strip() not in ("", "[]")


def test_a_changed_registry_is_read_again(repo, tmp_path):
    """The registry is remembered by its bytes: a body renamed is seen by the next query."""
    args = ["overdue", "--role", "tat-ca", "--format", "json"]
    cache = tmp_path / "cache"
    _run(repo, cache, args)
    registry = repo / "plans" / "00" / "co-quan.yaml"
    text = registry.read_text(encoding="utf-8")
    try:
        registry.write_text(text.replace("ten: Sở Nội vụ tỉnh Thử",
                                         "ten: Sở Nội vụ tỉnh Thử (mới)"), encoding="utf-8")
        out, imported = _run(repo, cache, args)
        assert "yaml" in imported  # read again, not taken from the cache
        names = {r["agency_name"] for r in json.loads(out)}
        assert "Sở Nội vụ tỉnh Thử (mới)" in names
        again, imported = _run(repo, cache, args)
        assert imported == [] and again == out
    finally:
        registry.write_text(text, encoding="utf-8")


_TRICKY = [None, 0, -2, 3.5, True, "", "Sở \"Nội\" vụ}", "},\n    {", "a}\n,{b", "\u2028"]


@pytest.mark.parametrize("count", [0, 1, 255, 256, 257, 700])
def test_flat_json_in_batches_is_json_dumps_indented(count):
    """Flat records are encoded a batch at a time (``tables._flat_chunks``): the text must be
    ``json.dumps(records, indent=2, sort_keys=True)`` whatever the values, at every batch
    border, with empty records among them."""
    from kehoach.tracking import tables

    records = [{} if i == 300 else
               {k: _TRICKY[(i * 7 + j) % len(_TRICKY)] for j, k in enumerate("cabed"[:1 + i % 5])}
               for i in range(count)]
    text = "".join(tables.json_chunks(iter(records), flat=True))
    assert text == json.dumps(records, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert json.loads(text) == records
