"""What every rule shares: the finding a rule yields and the context it reads."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from kehoach.diagnostics.diagnostic import Severity
from kehoach.plan.model import Plan, RegistryFile
from kehoach.plan.registry import Registry


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
