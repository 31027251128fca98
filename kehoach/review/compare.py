"""``kehoach diff`` as one library call: load two versions of a plan and compare them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kehoach.check.checker import load_registry
from kehoach.diagnostics.diagnostic import Diagnostic
from kehoach.fs.repo import find_root
from kehoach.review.git import DiffError, load_plan_version
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
    repository's registry). Raises DiffError for versions that cannot be read."""
    old, new = (load_plan_version(v, cwd) for v in expand_versions(versions))
    if old.registry is not None or new.registry is not None:
        raise DiffError("diff so sánh hai phiên bản của một kế hoạch; tệp này là danh mục cơ "
                        "quan (hãy dùng git diff).")
    if old.plan is None or new.plan is None:
        return Comparison(errors=[d for doc in (old, new) for d in doc.diagnostics if d.is_error])
    registry, _ = load_registry(find_root(cwd))
    return Comparison(changes=diff_plans(old.plan, new.plan, registry))
