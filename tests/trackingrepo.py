"""A repository for the row-cache tests: three copies of the real plans (bench/realcorpus.py)
beside the tracking fixtures (completions, extensions, successions), the registry in a
subfolder as users keep it."""

from __future__ import annotations

import shutil
from pathlib import Path

DATA = Path(__file__).parent / "data" / "tracking"


def tracking_repo(root: Path, seed: int) -> Path:
    from bench.realcorpus import write_real_corpus

    root = write_real_corpus(root, 3, seed=seed)
    for plan in (DATA / "plans").glob("*.yaml"):
        if plan.name != "co-quan.yaml":
            shutil.copy(plan, root / "plans" / plan.name)
    shutil.copy(DATA / "plans" / "co-quan.yaml", root / "plans" / "00" / "co-quan.yaml")
    return root
