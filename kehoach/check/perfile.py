"""Checking one document: the registry (read once, built from those bytes), the plan rules,
what validates of an invalid plan, where a plan defines its task ids.

Imported by ``kehoach check`` before it knows whether any file changed, so the loader, the
models and the rules are imported inside the functions that use them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from kehoach.fs.repo import display_path, registry_files, same_file_key
from kehoach.load.config import Config, load_config
from kehoach.load.document import Document, is_narrative_path, read_source

if TYPE_CHECKING:
    from kehoach.check.rules.base import Finding, PlanContext, RegistryContext
    from kehoach.load.salvage import Salvaged
    from kehoach.plan.model import RegistryFile
    from kehoach.plan.registry import Registry

_Ctx = TypeVar("_Ctx", "PlanContext", "RegistryContext")


@dataclass
class TaskSite:
    """Where a task id is defined; the position is resolved only if it is reported."""

    task_id: str
    display: str
    path: Path
    data_path: tuple[object, ...]


class RegistrySource:
    """The registry files of a repository, read once; the registry is built from those very
    bytes (so that the digest the cache keys results with is the registry's that checked them)."""

    def __init__(self, root: Path | None, cwd: Path | None, config: Config):
        self.config = config
        self.read = [(d, read_source(d)) for d in (
            Document(p, display_path(p, cwd)) for p in (registry_files(root) if root else []))]
        self._built: tuple[Registry, list[Document]] | None = None

    @property
    def readable(self) -> bool:
        return all(raw is not None for _, raw in self.read)

    def digest_parts(self) -> list[tuple[str, bytes]]:
        return [(same_file_key(d.path), raw or b"") for d, raw in self.read]

    def built(self) -> tuple[Registry, list[Document]]:
        if self._built is None:
            self._built = _build_registry(self.read, self.config)
        return self._built

    @property
    def registry(self) -> Registry:
        return self.built()[0]


def load_registry(root: Path | None, cwd: Path | None = None) -> tuple[Registry, list[Document]]:
    """The registry of a repository, with the documents it came from (and their problems), and
    the repository's default province (``kehoach.toml``) to resolve names with.

    A registry file with schema errors still gives the bodies that validated (``salvage``):
    one wrong entry must not make every plan's bodies unknown."""
    return RegistrySource(root, cwd, load_config(root, cwd)).built()


def _build_registry(read: list[tuple[Document, bytes | None]], config: Config
                    ) -> tuple[Registry, list[Document]]:
    from kehoach.check.rules import registry_rules
    from kehoach.check.rules.base import RegistryContext
    from kehoach.load.document import load_text
    from kehoach.plan.registry import Registry

    docs = [doc if raw is None else load_text(Document(doc.path, doc.display), raw)
            for doc, raw in read]
    files = [(d, d.registry, None) if d.registry else (d, *_salvaged_registry(d)) for d in docs]
    bodies = [b for _, file, _ in files if file for b in file.co_quan]
    registry = Registry.from_bodies(bodies, province=config.province)
    for doc, file, salvaged in files:
        if file is not None:
            _apply(doc, registry_rules(), RegistryContext(file, registry), salvaged)
    return registry, docs


def _salvaged_registry(doc: Document) -> tuple[RegistryFile | None, Salvaged | None]:
    from kehoach.load.salvage import salvage
    from kehoach.plan.model import RegistryFile

    if not isinstance(doc.data, dict) or not isinstance(doc.data.get("co_quan"), list):
        return None, None
    # A member or successor that names a dropped body is not "unknown": it is invalid above.
    salvaged = salvage(RegistryFile, doc.data, distrust=frozenset({"unknown-body"}))
    if salvaged is None or not isinstance(salvaged.model, RegistryFile):
        return None, None
    return salvaged.model, salvaged


def load_registry_text(text: str, display: str = "plans/co-quan.yaml"
                       ) -> tuple[Registry, Document]:
    """A registry from one file's text, checked by the registry rules (for edits to it)."""
    from kehoach.check.rules import registry_rules
    from kehoach.check.rules.base import RegistryContext
    from kehoach.load.document import load_text
    from kehoach.plan.registry import Registry

    doc = load_text(Document(Path("co-quan.yaml"), display), text.encode("utf-8"))
    registry = Registry.from_bodies(doc.registry.co_quan if doc.registry else [])
    if doc.registry is not None:
        _apply(doc, registry_rules(), RegistryContext(doc.registry, registry))
    return registry, doc


def _apply(doc: Document, rules: Iterable[Callable[[_Ctx], Iterable[Finding]]], ctx: _Ctx,
           salvaged: Salvaged | None = None) -> None:
    """Run ``rules``; on a salvaged model, report at the original paths what is trusted."""
    for rule in rules:
        for f in rule(ctx):
            path = f.path if salvaged is None else salvaged.original(f.path)
            if salvaged is None or salvaged.trusts(f.code, path):
                doc.add(path, f.code, f.message, key=f.on_key)


def check_document(doc: Document, registry: Registry) -> Salvaged | None:
    """Run the plan rules on a loaded document. On a plan with schema errors: say which
    registry id a body's name written where an id belongs means, and run the rules on the
    parts that validated (so that every problem shows at once). Returns what was salvaged."""
    from kehoach.check.bodyhint import explain_names
    from kehoach.check.rules import plan_rules
    from kehoach.check.rules.base import PlanContext
    from kehoach.load.document import no_gc
    from kehoach.plan.model import Plan

    if doc.narrative is not None or is_narrative_path(doc.path):
        from kehoach.check.narrative_rules import check_narrative

        check_narrative(doc, registry)
        return None
    if doc.plan is None:
        explain_names(doc, registry)
    salvaged = salvaged_plan(doc)
    plan = doc.plan if salvaged is None else salvaged.model
    if isinstance(plan, Plan):
        with no_gc():
            _apply(doc, plan_rules(), PlanContext(plan, registry), salvaged)
    return salvaged


def _placeholders() -> dict[str, tuple[object, object]]:
    """Stand-ins for a wrong required field of a plan: a model is still made of the rest (the
    rules that read these fields say nothing about a salvaged plan: ``ABSENCE_CODES``)."""
    from kehoach.plan.model import DocType

    return {
        "loai": ("ke_hoach", DocType.ke_hoach),
        "trich_yeu": ("…", "…"),
        "co_quan_ban_hanh": (["placeholder"], []),
    }


def salvaged_plan(doc: Document) -> Salvaged | None:
    """What validates of a plan that has schema errors (None for other failures)."""
    from kehoach.load.salvage import salvage
    from kehoach.plan.model import Plan

    data = doc.data
    if doc.plan is not None or doc.is_registry or not isinstance(data, dict):
        return None
    if doc.narrative is not None or is_narrative_path(doc.path):
        return None
    if "loai" not in data and "co_quan" in data:
        return None  # a registry under another name: not a plan
    if any(d.code in _NOT_SCHEMA for d in doc.diagnostics):
        return None
    return salvage(Plan, data, _placeholders())


# Failures that leave no data worth reading: the file is not a plan at all.
_NOT_SCHEMA = frozenset({"empty-file", "not-a-mapping", "registry-name"})


def task_sites(doc: Document, salvaged: Salvaged | None = None) -> list[TaskSite]:
    """Where the plan defines its task ids (in a plan with schema errors: those that
    validated, from ``salvaged`` when the caller has it)."""
    from kehoach.plan.model import Plan
    from kehoach.plan.walk import iter_tasks, task_ids

    if doc.plan is not None:
        return [TaskSite(task_id, doc.display, doc.path, (*path, "id"))
                for task_id, path in task_ids(doc.plan)]
    salvaged = salvaged or salvaged_plan(doc)
    if salvaged is None or not isinstance(salvaged.model, Plan):
        return []
    return [TaskSite(ref.task.id, doc.display, doc.path, salvaged.original((*ref.path, "id")))
            for ref in iter_tasks(salvaged.model)]
