"""The benchmark's corpus built from the real plans: clean, varied, unique, reproducible."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from kehoach.check.checker import check_paths
from kehoach.edit.fmt import format_text
from kehoach.plan.walk import iter_tasks

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted(p for p in (REPO / "plans").glob("*.yaml") if p.name != "co-quan.yaml")
COPIES = 2 * len(SEEDS)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bench.realcorpus import write_real_corpus

    return write_real_corpus(tmp_path_factory.mktemp("real"), COPIES, seed=11)


def _plans(root: Path) -> list[Path]:
    return sorted(p for p in root.glob("plans/*/*.yaml"))


def test_every_copy_is_check_clean(corpus):
    result = check_paths([corpus / "plans"], cwd=corpus)
    assert len(result.plans) == COPIES
    assert [d for d in result.diagnostics if d.severity == "error"] == []
    assert result.diagnostics == []  # not even a warning: the seeds have none


def test_copies_are_renumbered_redated_and_recorded(corpus):
    texts = [p.read_text(encoding="utf-8") for p in _plans(corpus)]
    symbols = [m.group(1) for t in texts for m in [re.search(r"^so_ky_hieu: (.+)$", t, re.M)]
               if m]
    assert len(set(symbols)) == len(symbols) > 0
    plans = check_paths([corpus / "plans"], cwd=corpus).plans
    ids = Counter(ref.task.id for doc in plans for ref in iter_tasks(doc.plan))
    assert ids and max(ids.values()) == 1
    assert sum(t.count("hoan_thanh:") for t in texts) >= COPIES
    assert any("gia_han:" in t for t in texts)
    seed_text = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS}
    # beyond the ids: numbers, dates, records
    for path, text in zip(_plans(corpus), texts, strict=True):
        assert re.sub(r"-c\d{5}\b", "", text) != seed_text[path.stem.rsplit("-c", 1)[0]]


def test_copies_are_canonical_and_the_registry_is_copied(corpus):
    for path in _plans(corpus):
        source = path.read_text(encoding="utf-8")
        assert format_text(source) == source, path.name
    assert (corpus / "plans" / "co-quan.yaml").read_bytes() == \
        (REPO / "plans" / "co-quan.yaml").read_bytes()


def test_the_same_seed_gives_the_same_bytes(corpus, tmp_path):
    from bench.realcorpus import write_real_corpus

    again = write_real_corpus(tmp_path, COPIES, seed=11)
    for a, b in zip(_plans(corpus), _plans(again), strict=True):
        assert a.read_bytes() == b.read_bytes()
