"""``kehoach check`` as a library: load a repository's registry and plans, report problems."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from kehoach.check.bodyhint import explain_names
from kehoach.check.idindex import IdIndex
from kehoach.check.narrative_rules import check_narrative, duplicates
from kehoach.check.rules import plan_rules, registry_rules
from kehoach.check.rules.base import Finding, PlanContext, RegistryContext
from kehoach.check.suppress import apply
from kehoach.diagnostics.diagnostic import Diagnostic
from kehoach.fs.cache import cache_dir
from kehoach.fs.parallel import run_files
from kehoach.fs.repo import (
    default_paths,
    display_path,
    find_root,
    plan_files,
    registry_files,
    same_file_key,
    yaml_files,
)
from kehoach.load.config import Config, load_config
from kehoach.load.document import Document, is_narrative_path, load_document, no_gc
from kehoach.load.salvage import Salvaged, salvage
from kehoach.load.source import MAX_BYTES
from kehoach.plan.model import DocType, Plan, RegistryFile
from kehoach.plan.registry import Registry
from kehoach.plan.walk import iter_tasks

_Ctx = TypeVar("_Ctx", PlanContext, RegistryContext)


@dataclass
class TaskSite:
    """Where a task id is defined; the position is resolved only if it is reported."""

    task_id: str
    display: str
    path: Path
    data_path: tuple[object, ...]


@dataclass
class CheckResult:
    root: Path | None
    registry: Registry
    documents: list[Document] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def plans(self) -> list[Document]:
        return [d for d in self.documents if d.plan is not None]


def load_registry(root: Path | None, cwd: Path | None = None) -> tuple[Registry, list[Document]]:
    """The registry of a repository, with the documents it came from (and their problems), and
    the repository's default province (``kehoach.toml``) to resolve names with.

    A registry file with schema errors still gives the bodies that validated (``salvage``):
    one wrong entry must not make every plan's bodies unknown."""
    docs = [load_document(p, display_path(p, cwd)) for p in registry_files(root)] if root else []
    files = [(d, d.registry, None) if d.registry else (d, *_salvaged_registry(d)) for d in docs]
    bodies = [b for _, file, _ in files if file for b in file.co_quan]
    registry = Registry.from_bodies(bodies, province=load_config(root, cwd).province)
    for doc, file, salvaged in files:
        if file is not None:
            _apply(doc, registry_rules(), RegistryContext(file, registry), salvaged)
    return registry, docs


def _salvaged_registry(doc: Document) -> tuple[RegistryFile | None, Salvaged | None]:
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
    from kehoach.load.document import load_text

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
    if doc.narrative is not None or is_narrative_path(doc.path):
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


# Stand-ins for a wrong required field of a plan: a model is still made of the rest (the
# rules that read these fields say nothing about a salvaged plan: ``ABSENCE_CODES``).
_PLACEHOLDERS = {
    "loai": ("ke_hoach", DocType.ke_hoach),
    "trich_yeu": ("…", "…"),
    "co_quan_ban_hanh": (["placeholder"], []),
}


def salvaged_plan(doc: Document) -> Salvaged | None:
    """What validates of a plan that has schema errors (None for other failures)."""
    data = doc.data
    if doc.plan is not None or doc.is_registry or not isinstance(data, dict):
        return None
    if doc.narrative is not None or is_narrative_path(doc.path):
        return None
    if "loai" not in data and "co_quan" in data:
        return None  # a registry under another name: not a plan
    if any(d.code in _NOT_SCHEMA for d in doc.diagnostics):
        return None
    return salvage(Plan, data, _PLACEHOLDERS)


# Failures that leave no data worth reading: the file is not a plan at all.
_NOT_SCHEMA = frozenset({"empty-file", "not-a-mapping", "registry-name"})


def task_sites(doc: Document, salvaged: Salvaged | None = None) -> list[TaskSite]:
    """Where the plan defines its task ids (in a plan with schema errors: those that
    validated, from ``salvaged`` when the caller has it)."""
    if doc.plan is not None:
        return [TaskSite(ref.task.id, doc.display, doc.path, (*ref.path, "id"))
                for ref in iter_tasks(doc.plan)]
    salvaged = salvaged or salvaged_plan(doc)
    if salvaged is None or not isinstance(salvaged.model, Plan):
        return []
    return [TaskSite(ref.task.id, doc.display, doc.path, salvaged.original((*ref.path, "id")))
            for ref in iter_tasks(salvaged.model)]


def _site_position(site: TaskSite, docs: dict[str, Document], cwd: Path) -> tuple[int, int]:
    doc = docs.get(site.display)
    if doc is None or doc.root is None:
        doc = load_document(site.path, display_path(site.path, cwd))
        docs[site.display] = doc
    return doc.position(site.data_path)


def check_paths(paths: list[Path], cwd: Path | None = None, jobs: int | None = None,
                progress: Callable[[int, int], None] | None = None) -> CheckResult:
    """Check the files and folders named (default: the repository's ``plans/``)."""
    cwd = cwd or Path.cwd()
    root = find_root(paths[0] if paths else cwd)
    if not paths:
        paths = default_paths(root, cwd)
    registry, reg_docs = load_registry(root, cwd)
    wanted = {same_file_key(p): p for p in yaml_files(paths)}
    result = CheckResult(root, registry)
    result.documents.extend(d for d in reg_docs if same_file_key(d.path) in wanted)
    reg_paths = {same_file_key(d.path) for d in reg_docs}
    todo = [(wanted[k], display_path(wanted[k], cwd)) for k in sorted(wanted.keys() - reg_paths)]
    sites: list[TaskSite] = []
    for doc, found in run_files(_check_file, todo, registry, jobs, progress):
        result.documents.append(doc)
        sites.extend(found)
    checked = {same_file_key(d.path) for d in result.documents}
    keyed = ((p, same_file_key(p)) for p in (plan_files(root) if root else []))
    others = [(p, k) for p, k in keyed if k not in checked]
    ids = {s.task_id for s in sites}
    index = IdIndex(cache_dir(root))
    suspects = [(p, display_path(p, cwd)) for p, k in others
                if not ids.isdisjoint(index.ids(p, k))]
    index.save()
    for _, found in run_files(_sites_of_file, suspects, registry, jobs):
        sites.extend(found)
    _unique_task_ids(result, sites, cwd)
    duplicates(result.documents)
    result.diagnostics = _heard(result.documents, load_config(root, cwd))
    return result


def _heard(documents: list[Document], config: Config) -> list[Diagnostic]:
    """The diagnostics left after the repository's configuration and the suppression comments
    of the files that have something to report (only those are read again)."""
    texts = {}
    for doc in documents:
        if doc.diagnostics:
            raw = _read_text(doc.path)
            if "kehoach:" in raw:
                texts[doc.display] = raw
    return apply((d for doc in documents for d in doc.diagnostics), config, texts)


def _read_text(path: Path) -> str:
    from kehoach.fs.reader import read_text

    try:
        return read_text(path, limit=MAX_BYTES, errors="replace")
    except (OSError, ValueError):  # the file's own diagnostics say why
        return ""


def _check_file(path: Path, display: str, registry: Registry) -> tuple[Document, list[TaskSite]]:
    doc = load_document(path, display)
    salvaged = check_document(doc, registry)
    return doc, task_sites(doc, salvaged)


def _sites_of_file(path: Path, display: str, registry: Registry) -> tuple[Document, list[TaskSite]]:
    doc = load_document(path, display)
    return doc, task_sites(doc)


def _unique_task_ids(result: CheckResult, sites: list[TaskSite], cwd: Path) -> None:
    """Task ids are unique across the repository, including plans not being checked."""
    by_id: dict[str, list[TaskSite]] = {}
    for site in sorted(sites, key=lambda s: s.display):  # stable: document order within a file
        by_id.setdefault(site.task_id, []).append(site)
    by_display = {d.display: d for d in result.documents}
    loaded = dict(by_display)
    for task_id, found in by_id.items():
        if len(found) < 2:
            continue
        reported = [s for s in found[1:] if s.display in by_display]
        if not reported and found[0].display in by_display:
            reported = [found[0]]
        for site in reported:
            other = found[1] if site is found[0] else found[0]
            line, col = _site_position(site, loaded, cwd)
            other_line = _site_position(other, loaded, cwd)[0]
            by_display[site.display].add_at(
                line, col, "duplicate-task-id",
                f"Mã nhiệm vụ “{task_id}” đã dùng ở {other.display}:{other_line}.")
