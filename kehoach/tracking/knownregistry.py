"""The registry as the tracking commands read it: built from its files (parsed, validated,
checked) when they change, otherwise taken from the cache folder.

A warm query reads every plan's rows from the row cache; the registry, read from YAML each
time, made it import PyYAML, pydantic, the models and the checker's rules (a quarter of its
time). So the bodies are remembered as plain data (``BodyRecord.to_data``), keyed by the
registry files' bytes, the default province and kehoach's version, beside the rows
(``kehoach.tracking.rowcache.RowCache``: the same verified, atomically written entries, in
the cache folder's ``registry/``). A registry with a file that is unreadable or gives no
bodies is never remembered: its problems are reported by every query, as before.
"""

from __future__ import annotations

import marshal
from dataclasses import dataclass
from pathlib import Path

from kehoach.check.perfile import RegistrySource
from kehoach.diagnostics.diagnostic import Diagnostic
from kehoach.load.config import load_config
from kehoach.plan.bodyrecord import BodyRecord
from kehoach.plan.registry import Registry
from kehoach.tracking import rowcache

LAYOUT = b"registry:1"  # change it when ``BodyRecord.to_data`` changes


@dataclass
class KnownRegistry:
    registry: Registry
    failed: list[Diagnostic]  # the problems of registry files that gave no bodies
    digest: str  # of the registry files' bytes: part of every row entry's key


def read_registry(root: Path | None, cwd: Path | None, folder: Path | None) -> KnownRegistry:
    """The repository's registry, from the cache folder ``folder`` when it holds this very
    registry (None: no cache); each registry file is read once."""
    config = load_config(root, cwd)
    source = RegistrySource(root, cwd, config)
    digest = rowcache.digest(*(raw if raw is not None else _unreadable(doc.diagnostics)
                               for doc, raw in source.read))
    key = rowcache.digest(LAYOUT, digest.encode(), repr(config.province).encode())
    store = None
    if folder is not None and source.readable:
        store = rowcache.RowCache(folder, "registry")
    if store is not None:
        known = _remembered(store, key, config.province)
        if known is not None:
            return KnownRegistry(known, [], digest)
    registry, docs = source.built()
    failed = [d for doc in docs if doc.registry is None for d in doc.diagnostics]
    if store is not None and not failed:
        store.put(key, marshal.dumps([b.to_data() for b in registry.bodies.values()]))
    return KnownRegistry(registry, failed, digest)


def _remembered(store: rowcache.RowCache, key: str, province: str | None) -> Registry | None:
    hit = store.get(key)
    if hit is None:
        return None
    try:
        return Registry.from_bodies([BodyRecord.from_data(t) for t in hit.rows], province)
    except (TypeError, ValueError, IndexError, OverflowError):  # not ours: build it again
        return None


def _unreadable(problems: list[Diagnostic]) -> bytes:
    """What keys a registry file that cannot be read (never the bytes of a readable one)."""
    return ("\0unreadable:" + "\n".join(d.message for d in problems)).encode()
