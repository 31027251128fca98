"""Reading a repository's plans into obligation rows as of a day, cached by content."""

from __future__ import annotations

import datetime as dt
import marshal
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kehoach.diagnostics.diagnostic import Diagnostic
from kehoach.fs.parallel import run_files
from kehoach.fs.repo import display_path, find_root, yaml_files
from kehoach.load.document import Document, is_registry_path, load_text, no_gc, read_source
from kehoach.plan.registry import Registry
from kehoach.tracking import rowcache as cache
from kehoach.tracking.bounds import past_limit
from kehoach.tracking.filters import Prefilter
from kehoach.tracking.knownregistry import read_registry
from kehoach.tracking.mentions import PlanFiles
from kehoach.tracking.obligations import LEAD, Obligation, obligations

Condenser = tuple[str, Callable[[list[tuple[object, ...]]], list[tuple[object, ...]]]]
"""A name (part of the cache key: change it when the function changes) and a function."""


@dataclass
class Loaded:
    """The rows of every plan that loaded; the diagnostics of files that did not."""

    registry: Registry
    as_of: dt.date
    scope: PlanFiles | None = None  # the plans asked about, to resolve agency names in
    rows: list[Obligation] = field(default_factory=list)
    data: list[tuple[str, list[tuple[Any, ...]]]] = field(default_factory=list)  # undecoded
    partials: list[Any] = field(default_factory=list)  # what ``reduce`` made of each plan
    failed: list[Diagnostic] = field(default_factory=list)
    plans: int = 0
    drafts: int = 0  # of ``plans``, how many are drafts (du_thao): the outputs say so

    def drafts_vi(self) -> str:
        """What an official must know of the counts: how many plans were drafts (" Trong 3 kế
        hoạch đã tính có 1 dự thảo …"); empty when every plan counted was issued."""
        if not self.drafts:
            return ""
        return (f" Trong {self.plans} kế hoạch đã tính có {self.drafts} dự thảo (chưa ban hành): "
                "nghĩa vụ của dự thảo có thể còn thay đổi.")


def load(paths: Sequence[Path], as_of: dt.date, cwd: Path | None = None,
         where: Callable[[Registry, PlanFiles], Prefilter] | None = None,
         reduce: Callable[[list[tuple[object, ...]]], Any] | None = None,
         progress: Callable[[int, int], None] | None = None, decode: bool = True,
         condense: Condenser | None = None) -> Loaded:
    """Obligation rows of the plans named (default: the repository's ``plans/``).

    Each plan is loaded and expanded independently, in parallel for large repositories, and
    its rows are cached by the file's content (see ``kehoach.tracking.rowcache``). ``where``
    builds a prefilter from the registry and the plans asked about (an agency name is resolved
    among the bodies they mention), so rows a query cannot use are never decoded. With
    ``reduce`` the rows are not decoded at all: each plan's cached data is reduced where it
    was read (a worker process) and only the results come back, in ``partials``. With
    ``decode=False`` the rows stay compact cache data, per plan, in ``data``
    (``kehoach.tracking.queries.Rows`` decodes them one at a time). With ``condense`` (a name
    and a function), ``reduce`` receives not the rows but what the function makes of them —
    a digest that must not depend on the day (the rows' due and completion days hold for
    the entry's whole span; their statuses do not) — cached beside the rows under the name.
    """
    reading = open_plans(paths, as_of, cwd, where, reduce, condense)
    loaded = reading.loaded
    for display, data in reading.plans(progress):
        if reduce is None and not decode:
            loaded.data.append((display, data))
        elif reduce is None:
            loaded.rows.extend(cache.decode(data, display))
        else:
            loaded.partials.append(data)
    return loaded


@dataclass
class Reading:
    """Plans about to be read: ``loaded`` has the registry and the plans' scope now, and
    the counts and failures once ``plans()`` has run to its end."""

    loaded: Loaded
    files: list[tuple[Path, str]]
    shared: _Shared
    root: Path | None

    def plans(self, progress: Callable[[int, int], None] | None = None,
              ordered: bool = True) -> Iterator[tuple[str, Any]]:
        """Each plan that loads, as its display path and its rows' cache data (or what
        ``reduce`` made of them), one at a time: nothing of a plan is kept here once the
        caller has it. ``ordered=False``: the cache's hits as they are found, then the
        rest (the caller sorts; nothing waits in memory for the files before it)."""
        loaded = self.loaded
        for doc, (draft, data) in _each_file(self.files, self.shared, progress, ordered):
            if data is None:
                loaded.failed.extend(doc.diagnostics)
                continue
            loaded.plans += 1
            loaded.drafts += draft
            yield doc.display, data
        loaded.failed.sort()
        from kehoach.fs.cache import evict_if_written

        evict_if_written(self.shared.cache_dir, self.root)


def open_plans(paths: Sequence[Path], as_of: dt.date, cwd: Path | None = None,
               where: Callable[[Registry, PlanFiles], Prefilter] | None = None,
               reduce: Callable[[list[tuple[object, ...]]], Any] | None = None,
               condense: Condenser | None = None) -> Reading:
    """The registry, the plans named and the prefilter, ready to read (``load``'s
    arguments); raises what ``where`` raises (an agency name that names no body)."""
    cwd = cwd or Path.cwd()
    root = find_root(paths[0] if paths else cwd)
    targets = list(paths) or ([root / "plans"] if root else [cwd])
    folder = cache.cache_dir(root)
    known = read_registry(root, cwd, folder)
    registry = known.registry
    files = [(p, display_path(p, cwd)) for p in yaml_files(targets) if not is_registry_path(p)]
    scope = PlanFiles(files, folder)
    loaded = Loaded(registry, as_of, scope)
    loaded.failed.extend(known.failed)
    reg_digest = known.digest
    prefilter = where(registry, scope) if where else None
    shared = _Shared(registry, as_of, folder, reg_digest, prefilter, reduce,
                     cache.registry_days(registry), condense)
    return Reading(loaded, files, shared, root)


@dataclass(frozen=True)
class _Shared:
    registry: Registry
    as_of: dt.date
    cache_dir: Path | None
    registry_digest: str
    prefilter: Prefilter | None
    reduce: Callable[[list[tuple[object, ...]]], Any] | None = None
    registry_days: frozenset[int] = frozenset()
    condense: Condenser | None = None


Result = tuple[Document, tuple[bool, Any]]


def _each_file(files: list[tuple[Path, str]], shared: _Shared,
               progress: Callable[[int, int], None] | None, ordered: bool = True
               ) -> Iterator[Result]:
    """``_rows_of_file`` of every file, in order (``ordered``) or hits first. The cache is
    probed here first: a hit costs less than handing it to a worker process (a warm query
    was a third slower on two cores than in one process), so only the misses go to
    ``run_files``. In order, the hits wait for the misses before them; hits first, nothing
    waits (an all-agency answer streams: its rows are never all held)."""
    if shared.cache_dir is None:
        yield from run_files(_rows_of_file, files, shared, progress=progress)
        return
    total, done = len(files), 0
    found: list[Result | None] = []
    misses: list[tuple[Path, str]] = []
    with no_gc():  # the entries are many small acyclic tuples: see ``no_gc``
        for path, display in files:
            hit = _probe(path, display, shared)
            if hit is None:
                misses.append((path, display))
            else:
                done += 1
                if progress is not None:
                    progress(done, total)
            if not ordered:
                if hit is not None:
                    yield hit
            else:
                found.append(hit)
    counted = None if progress is None else (lambda n, _: progress(done + n, total))
    loaded = run_files(_rows_of_file, misses, shared, progress=counted)
    if not ordered:
        yield from loaded
        return
    for hit in found:
        yield hit if hit is not None else next(loaded)
    # Run the workers' generator to its end: its last progress call, its pool's shutdown.
    deque(loaded, maxlen=0)


def _probe(path: Path, display: str, shared: _Shared) -> Result | None:
    """The file's result from the cache alone (or its read error); None when it must load."""
    doc = Document(path, display)
    raw = read_source(doc)
    if raw is None:
        return doc, (False, None)
    found = _cached(raw, shared)
    if found is None:
        return None
    draft, data = found
    return doc, (draft, data if shared.reduce is None else shared.reduce(data))


def _rows_of_file(path: Path, display: str, shared: _Shared) -> Result:
    """Whether the plan is a draft, and its rows as cache data or what ``shared.reduce`` makes
    of them (None when the plan does not load)."""
    doc, draft, data = _data_of_file(path, display, shared)
    if data is not None and shared.reduce is not None:
        return doc, (draft, shared.reduce(data))
    return doc, (draft, data)


def _data_of_file(
    path: Path, display: str, shared: _Shared
) -> tuple[Document, bool, list[tuple[object, ...]] | None]:
    doc = Document(path, display)
    raw = read_source(doc)
    if raw is None:  # the reason is in the document's diagnostics (never "Tệp rỗng")
        return doc, False, None
    # No second look in the cache: ``_each_file`` found this plan missing there.
    store = cache.RowCache(shared.cache_dir) if shared.cache_dir else None
    where = shared.prefilter
    shape = _shape(where)
    key = _key(raw, shared)
    doc = load_text(doc, raw)
    if doc.plan is None:
        return doc, False, None
    from kehoach.plan.walk import iter_tasks  # imported already, by the rows' code

    refs = list(iter_tasks(doc.plan))  # walked once for the bound, the rows and the span
    excess = past_limit(doc.plan, shared.registry, shared.as_of, refs)
    if excess is not None:  # check says the same: never expand such a plan
        doc.add(excess.path, "too-many-obligations", excess.message)
        return doc, False, None
    draft = doc.plan.du_thao
    with no_gc():
        # The rows are made as the cache stores them: no Obligation, no decoding back.
        data = obligations(doc.plan, shared.registry, shared.as_of, display,
                           bodies=where.agencies if where else None,
                           leads_only=where is not None and where.roles == frozenset({LEAD}),
                           refs=refs, make=cache.row_data)
        payload = marshal.dumps(data)
        data = data if shape is None else [t for t in data if shape.keep(t)]
    if store is not None:
        span = cache.epoch(doc.plan, shared.registry_days, shared.as_of, refs)
        store.put(key, payload if shape is None else marshal.dumps(data), draft, span,
                  shared.as_of)
        if shared.condense is not None:
            return doc, draft, _condensed(store, key, shared, draft, span, data)
    if shared.condense is not None:
        return doc, draft, shared.condense[1](data)
    return doc, draft, _keep(data, where)


def _shape(where: Prefilter | None) -> Prefilter | None:
    """What an entry holds: the rows of the bodies and roles asked about (their statuses
    change with the day: filtered after classification), for every day of its span."""
    return Prefilter(where.roles, where.agencies) if where else None


def _key(raw: bytes, shared: _Shared) -> str:
    shape = _shape(shared.prefilter)
    return cache.entry_key(raw, shared.registry_digest + (shape.digest if shape else ""))


def _cached(raw: bytes, shared: _Shared) -> tuple[bool, list[tuple[object, ...]]] | None:
    """Whether the plan is a draft and its rows for the day, from the cache; None: a miss."""
    if shared.cache_dir is None:
        return None
    store, key = cache.RowCache(shared.cache_dir), _key(raw, shared)
    if shared.condense is not None:
        done = store.get(_condensed_key(key, shared.condense[0]))
        if done is not None and done.holds_for(shared.as_of):
            return done.draft, done.rows
    hit = store.get(key)
    if hit is None or not hit.holds_for(shared.as_of):
        return None
    if shared.condense is not None:  # due and completion days hold for the whole span
        return hit.draft, _condensed(store, key, shared, hit.draft, (hit.first, hit.end),
                                     hit.rows)
    day = shared.as_of.toordinal()
    found = hit.rows if hit.day == day else cache.reclassify(hit.rows, day)
    return hit.draft, _keep(found, shared.prefilter)


def _condensed_key(key: str, name: str) -> str:
    return cache.digest(key.encode(), name.encode())


def _condensed(store: cache.RowCache, key: str, shared: _Shared, draft: bool,
               span: tuple[int, int | None], data: list[tuple[object, ...]]
               ) -> list[tuple[object, ...]]:
    """What ``shared.condense`` makes of a plan's rows, cached beside them for their span."""
    assert shared.condense is not None
    name, fn = shared.condense
    out = fn(data)
    store.put(_condensed_key(key, name), marshal.dumps(out), draft, span, shared.as_of)
    return out


def _keep(data: list[tuple[object, ...]], where: Prefilter | None) -> list[tuple[object, ...]]:
    if where is None or where.statuses is None:  # the entry holds the shape's rows only
        return data
    statuses = where.statuses  # the entry's rows are of the shape: their status decides
    return [t for t in data if t[10] in statuses]


