"""``kehoach diff`` as one library call: load two versions of a plan and compare them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kehoach.check.checker import load_registry
from kehoach.diagnostics.diagnostic import Diagnostic
from kehoach.fs.repo import find_root
from kehoach.plan.model import Plan
from kehoach.review.git import DiffError, NotInVersion, load_plan_version
from kehoach.review.semantic import diff_plans
from kehoach.review.wording import Change


@dataclass
class Comparison:
    """The changes, or the errors of a version that did not load as a plan."""

    changes: list[Change] = field(default_factory=list)
    errors: list[Diagnostic] = field(default_factory=list)


def expand_versions(versions: list[str]) -> list[str]:
    """One version alone means: that git version against the file as it is now, or a file
    against its ``HEAD`` version. Raises DiffError for more than two."""
    if not versions or len(versions) > 2:
        raise DiffError("diff nhận một hoặc hai phiên bản.")
    if len(versions) == 2:
        return versions
    only = versions[0]
    if only.startswith("git:"):
        return [only, only[4:].partition(":")[2]]
    return [f"git:HEAD:{only}", only]


def compare(versions: list[str], cwd: Path) -> Comparison:
    """Changes from the first version to the second, in plan terms (body names from the
    repository's registry). Raises DiffError for versions that cannot be read.

    A file given alone that git has never committed (new, perhaps staged) is all new: every
    part of it is told as added, rather than failing on the missing ``HEAD`` version."""
    first, second = expand_versions(versions)
    new = load_plan_version(second, cwd)
    try:
        old = load_plan_version(first, cwd)
    except NotInVersion:
        if len(versions) == 2 or versions[0].startswith("git:"):
            raise
        old = None
    docs = [d for d in (old, new) if d is not None]
    if any(d.registry is not None for d in docs):
        raise DiffError("diff so sánh hai phiên bản của một kế hoạch; tệp này là danh mục cơ "
                        "quan (hãy dùng git diff).")
    if any(d.plan is None for d in docs):
        return Comparison(errors=[e for doc in docs for e in doc.diagnostics if e.is_error])
    registry, _ = load_registry(find_root(cwd))
    assert new.plan is not None
    if old is None:
        note = Change("plan-new", second, f"Tệp “{second}” chưa có trong git (chưa commit lần "
                      "nào): mọi nội dung của kế hoạch đều là mới.")
        return Comparison(changes=[note, *diff_plans(_nothing(), new.plan, registry)])
    assert old.plan is not None
    return Comparison(changes=diff_plans(old.plan, new.plan, registry))


def _nothing() -> Plan:
    """A plan with nothing in it, to tell a new plan as additions: even its required header
    fields are absent (None, which no valid plan holds), so the diff says they were added."""
    absent: dict[str, Any] = {"loai": None, "trich_yeu": None}
    return Plan.model_construct(co_quan_ban_hanh=[], **absent)
