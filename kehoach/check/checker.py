"""``kehoach check`` as a library: load a repository's registry and plans, report problems.

With ``cache=True`` (the ``check`` command), what each file's check found is remembered by
content (``kehoach.check.resultcache``) and only changed files are checked again; what is
decided across files (unique task ids) and what the configuration and suppression comments
remove are worked out again from the remembered facts on every run. A run that finds every
file unchanged loads no YAML and builds no model, so this module imports the loader, the
models and the rules only where they are used.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kehoach.check.perfile import (
    RegistrySource,
    TaskSite,
    check_document,
    load_registry,
    load_registry_text,
    salvaged_plan,
    task_sites,
)
from kehoach.check.suppress import apply_marked, marked_lines
from kehoach.fs.cache import cache_dir
from kehoach.fs.repo import (
    default_paths,
    display_path,
    find_root,
    plan_files,
    same_file_key,
    yaml_files,
)
from kehoach.load.config import Config, load_config
from kehoach.load.document import Document, is_narrative_path, read_source

if TYPE_CHECKING:
    from kehoach.check.resultcache import Facts, ResultCache
    from kehoach.diagnostics.diagnostic import Diagnostic
    from kehoach.plan.registry import Registry

__all__ = ["CheckResult", "RegistrySource", "TaskSite", "check_document", "check_paths",
           "load_registry", "load_registry_text", "salvaged_plan", "task_sites"]


@dataclass
class CheckResult:
    root: Path | None
    source: RegistrySource
    documents: list[Document] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def registry(self) -> Registry:
        """The repository's registry (built when first asked for: a check that found every
        file unchanged never needs it)."""
        return self.source.registry

    @property
    def plans(self) -> list[Document]:
        return [d for d in self.documents if d.plan is not None]


def _site_position(site: TaskSite, docs: dict[str, Document], cwd: Path) -> tuple[int, int]:
    from kehoach.load.document import load_document

    doc = docs.get(site.display)
    if doc is None or doc.root is None:
        doc = load_document(site.path, display_path(site.path, cwd))
        docs[site.display] = doc
    return doc.position(site.data_path)


def check_paths(paths: list[Path], cwd: Path | None = None, jobs: int | None = None,
                progress: Callable[[int, int], None] | None = None,
                cache: bool = False) -> CheckResult:
    """Check the files and folders named (default: the repository's ``plans/``); with
    ``cache``, remember each file's findings and check again only the files that changed."""
    cwd = cwd or Path.cwd()
    root = find_root(paths[0] if paths else cwd)
    if not paths:
        paths = default_paths(root, cwd)
    config = load_config(root, cwd)
    source = RegistrySource(root, cwd, config)
    run = _Run(root, cwd, source, _result_cache(root, source) if cache else None)
    wanted = {same_file_key(p): p for p in yaml_files(paths)}
    reg_keys = {same_file_key(d.path) for d, _ in source.read}
    run.registry_documents(wanted.keys() & reg_keys)
    run.check([(wanted[k], display_path(wanted[k], cwd)) for k in sorted(wanted.keys() - reg_keys)],
              jobs, progress)
    everything = run.others() == []
    _unique_task_ids(run.result, run.sites, cwd)
    if any(d.narrative is not None for d in run.result.documents):
        from kehoach.check.narrative_rules import duplicates  # pydantic: only when needed

        duplicates(run.result.documents)
    run.result.diagnostics = _heard(run.result.documents, config, run.marks)
    if run.cache is not None:
        run.cache.save(run.every_key() if everything else None)
    return run.result


def _result_cache(root: Path | None, source: RegistrySource) -> ResultCache | None:
    from kehoach.check.resultcache import ResultCache, context
    from kehoach.deadline.clock import today_vn

    folder = cache_dir(root)
    if folder is None or not source.readable:  # an unreadable registry: its reason may change
        return None
    return ResultCache(folder, context(source.digest_parts(), source.config.province,
                                       today_vn()))


class _Run:
    """One ``check_paths``: the documents, the task sites and the suppression comments found,
    from the cache where a file is unchanged."""

    def __init__(self, root: Path | None, cwd: Path, source: RegistrySource,
                 cache: ResultCache | None):
        self.root, self.cwd, self.source, self.cache = root, cwd, source, cache
        self.result = CheckResult(root, source)
        self.sites: list[TaskSite] = []
        self.marks: dict[str, list[tuple[int, str]] | None] = {}
        self.checked: set[str] = set()
        self._others: list[tuple[Path, str]] | None = None

    def registry_documents(self, keys: set[str]) -> None:
        """The registry files being checked: remembered, or loaded with the registry."""
        read = [(d, raw) for d, raw in self.source.read if same_file_key(d.path) in keys]
        remembered = [self._remembered(d.path, d.display, raw) for d, raw in read]
        if all(r is not None for r in remembered):
            self._add_all(r for r in remembered if r is not None)
            return
        from kehoach.check.resultcache import file_digest

        for doc in self.source.built()[1]:
            key = same_file_key(doc.path)
            if key in keys:
                raw = dict((same_file_key(d.path), r) for d, r in read)[key]
                self._add(doc, [], _facts(doc, [], raw), raw and file_digest(raw))

    def check(self, todo: list[tuple[Path, str]], jobs: int | None,
              progress: Callable[[int, int], None] | None) -> None:
        from kehoach.fs.parallel import run_files

        misses = []
        for path, display in todo:
            found = self._remembered(path, display)
            if found is None:
                misses.append((path, display))
            else:
                self._add(*found)
        registry = self.source.registry if misses else None
        # With the cache (``kehoach check``), remembered files come without plans anyway and
        # nobody reads the plans after: no tree is kept (``slim``).
        for doc, (sites, facts, digest) in run_files(_check_file, misses, registry, jobs,
                                                     progress, slim=self.cache is not None):
            self._add(doc, sites, facts, digest)

    def _remembered(self, path: Path, display: str, raw: bytes | None = None
                    ) -> tuple[Document, list[TaskSite], Facts, None] | None:
        from kehoach.check.resultcache import file_digest

        key = same_file_key(path)
        if self.cache is None or not self.cache.known(key) or is_narrative_path(path):
            return None  # a narrative's findings depend on other files: checked every time
        if raw is None:
            from kehoach.fs.reader import read_bytes

            try:
                raw = read_bytes(path)
            except (OSError, ValueError):
                return None
        facts = self.cache.get(key, file_digest(raw))
        if facts is None:
            return None
        sites = [TaskSite(task_id, display, path, data_path) for task_id, data_path in facts.sites]
        return _restored(path, display, facts), sites, facts, None

    def _add_all(self, found: Iterable[tuple[Document, list[TaskSite], Facts, None]]) -> None:
        for doc, sites, facts, digest in found:
            self._add(doc, sites, facts, digest)

    def _add(self, doc: Document, sites: list[TaskSite], facts: Facts | None,
             digest: bytes | None) -> None:
        """A file checked (``digest``: of the bytes checked, to remember its facts by)."""
        self.result.documents.append(doc)
        self.checked.add(same_file_key(doc.path))
        self.sites.extend(sites)
        self.marks[doc.display] = facts.marks if facts is not None else None
        if self.cache is not None and facts is not None and digest is not None:
            self.cache.put(same_file_key(doc.path), digest, facts)

    def others(self) -> list[tuple[Path, str]]:
        """The repository's plans not being checked; those that may define one of the ids of
        the plans being checked are read for their task sites (the task-id index says which)."""
        if self._others is None:
            keyed = ((p, same_file_key(p)) for p in (plan_files(self.root) if self.root else []))
            self._others = [(p, k) for p, k in keyed if k not in self.checked]
            ids = {s.task_id for s in self.sites}
            if self._others and ids:
                self.sites.extend(self._suspect_sites(ids))
        return self._others

    def _suspect_sites(self, ids: set[str]) -> list[TaskSite]:
        from kehoach.check.idindex import IdIndex

        others = self._others or []
        index = IdIndex(cache_dir(self.root))
        holders = [others[n][0] for n in index.holders(ids, others)]
        index.save()
        found: list[TaskSite] = []
        unknown = []
        for path in holders:
            remembered = self._remembered(path, display_path(path, self.cwd))
            if remembered is None:
                unknown.append((path, display_path(path, self.cwd)))
            else:
                found.extend(remembered[1])
        from kehoach.fs.parallel import run_files

        for _, sites in run_files(_sites_of_file, unknown, None):
            found.extend(sites)
        return found

    def every_key(self) -> set[str]:
        """Every file of the repository (a full check forgets the facts of any other)."""
        return self.checked | {same_file_key(d.path) for d, _ in self.source.read}


def _restored(path: Path, display: str, facts: Facts) -> Document:
    from kehoach.diagnostics.diagnostic import diagnostic
    from kehoach.diagnostics.severity import Severity

    doc = Document(path, display)
    doc.diagnostics = [diagnostic(display, line, col, code, message)
                       for line, col, code, message in facts.diagnostics]
    doc._listed = facts.listed
    doc._unlisted = {Severity(s) for s in facts.unlisted}
    return doc


def _facts(doc: Document, sites: list[TaskSite], raw: bytes | None) -> Facts:
    """What checking ``doc`` found on its own (``raw``: the bytes checked, for its comments)."""
    from kehoach.check.resultcache import Facts

    marks = None
    if raw is not None:
        text = raw.decode("utf-8", "replace")
        marks = marked_lines(text[1:] if text.startswith("\ufeff") else text)
    return Facts([(d.line, d.column, d.code, d.message) for d in doc.diagnostics],
                 doc._listed, sorted(s.value for s in doc._unlisted),
                 [(s.task_id, s.data_path) for s in sites], marks)


def _heard(documents: list[Document], config: Config,
           marks: dict[str, list[tuple[int, str]] | None]) -> list[Diagnostic]:
    """The diagnostics left after the repository's configuration and the suppression comments
    of the files that have something to report (read again only where not remembered)."""
    marked = {}
    for doc in documents:
        if doc.diagnostics:
            found = marks.get(doc.display)
            marked[doc.display] = marked_lines(_read_text(doc.path)) if found is None else found
    return apply_marked((d for doc in documents for d in doc.diagnostics), config, marked)


def _read_text(path: Path) -> str:
    from kehoach.fs.reader import read_text
    from kehoach.load.source import MAX_BYTES

    try:
        return read_text(path, limit=MAX_BYTES, errors="replace")
    except (OSError, ValueError):  # the file's own diagnostics say why
        return ""


def _check_file(path: Path, display: str, registry: Registry
                ) -> tuple[Document, tuple[list[TaskSite], Facts, bytes | None]]:
    from kehoach.check.resultcache import file_digest
    from kehoach.load.document import load_text

    doc = Document(path, display)
    raw = read_source(doc)
    if raw is not None:
        doc = load_text(doc, raw)
    salvaged = check_document(doc, registry) if raw is not None else None
    sites = task_sites(doc, salvaged) if raw is not None else []
    return doc, (sites, _facts(doc, sites, raw), None if raw is None else file_digest(raw))


def _sites_of_file(path: Path, display: str, registry: object
                   ) -> tuple[Document, list[TaskSite]]:
    from kehoach.load.document import load_document

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
