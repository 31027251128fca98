"""Rules the schema cannot express, one small module each.

Each rule module has a ``CODES`` docstring-documented set and a ``check(ctx)`` generator of
findings. ``PLAN_RULES`` run on every valid plan, ``REGISTRY_RULES`` on the registry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from kehoach.diagnostics import Severity
from kehoach.model import Plan, RegistryFile
from kehoach.registry import Registry


@dataclass(frozen=True)
class Finding:
    path: tuple[Any, ...]
    severity: Severity
    code: str
    message: str
    on_key: bool = False


def err(path: tuple[Any, ...], code: str, message: str, on_key: bool = False) -> Finding:
    return Finding(path, Severity.ERROR, code, message, on_key)


def warn(path: tuple[Any, ...], code: str, message: str, on_key: bool = False) -> Finding:
    return Finding(path, Severity.WARNING, code, message, on_key)


@dataclass(frozen=True)
class PlanContext:
    plan: Plan
    registry: Registry


@dataclass(frozen=True)
class RegistryContext:
    file: RegistryFile
    registry: Registry


PlanRule = Callable[[PlanContext], Iterator[Finding]]
RegistryRule = Callable[[RegistryContext], Iterator[Finding]]


def plan_rules() -> list[PlanRule]:
    from kehoach.rules import (
        bodies,
        dates,
        deadlines,
        footnotes,
        issued,
        legal_basis,
        symbol,
        tasks,
    )

    return [issued.check, bodies.check, symbol.check, legal_basis.check, dates.check,
            footnotes.check, tasks.check, deadlines.check]


def registry_rules() -> list[RegistryRule]:
    from kehoach.rules import agencies

    return [agencies.check]
